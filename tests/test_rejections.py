"""Every dropped number says why: real phrases -> the reason code of the number dropped there,
and `vnfig eval --errors` printing that reason beside each missed gold figure."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from vnfigures.cli import evaluate as eval_cli
from vnfigures.evaluate.gold import GoldArticle
from vnfigures.evaluate.reasons import NOT_SEEN, miss_reasons, reason_counts
from vnfigures.evaluate.score import ArticleFigures, score_article
from vnfigures.extractors.figures import extract_figures, extract_with_rejections
from vnfigures.schemas import Figure

# (phrase, the number dropped, its reason)
REASONS = [
    ("ngày 5/11 lúc 18:42", "5/11", "date"),
    ("ngày 5/11 lúc 18:42", "18:42", "time"),
    ("mưa lớn từ chiều 8-5 bất ngờ", "8-5", "date"),
    ("đến tháng 8/2020 đơn vị", "8/2020", "date"),
    ("theo Nghị định 100/2019/NĐ-CP", "100/2019/NĐ-CP", "code"),
    ("gọi 0913.123.456", "0913.123.456", "code"),
    ("Galaxy S20 ra mắt hồi đầu năm", "20", "code"),
    ("khoảng 5h sáng", "5", "time"),
    ("Thu nhập năm 2021 tăng", "2021", "label"),
    ("sạt lở Quốc lộ 1A", "1", "label"),
    ("đại hội lần thứ 3", "3", "label"),
    ("xuất khẩu gạo 5% tấm", "5", "label"),
    ("nước lên trên mức báo động 3", "3", "label"),
    ("anh mua chiếc Mazda 3 mới", "3", "name"),
    ("1 ôtô 25 tấn chở hàng", "25", "class_label"),
    ("cây đổ hai bên đường", "hai", "idiom"),
    ("có dăm ba người đứng xem", "ba", "indefinite"),
    ("một người dân cho biết", "một", "one_as_article"),
    ("mưa kéo dài 3 ngày", "3", "not_counted_after"),
    ("cháu 5 tuổi", "5", "not_counted_after"),
    ("đến 2023 đã hoàn thành", "2023", "year"),
    ("yêu cầu hệ số 1.5, cao nhất là 2.8 (", "2.8", "no_counted_noun"),
    ("hai phần ba số hộ", "ba", "overlap"),
    ("[Mưa lũ Điện Biên: 2 người chết và mất tích] Tin khác", "2", "story_link"),
]


@pytest.mark.parametrize(("text", "number", "reason"), REASONS)
def test_dropped_number_says_why(text: str, number: str, reason: str) -> None:
    figures, rejected = extract_with_rejections(text)
    start = text.index(number)
    found = [r.reason.value for r in rejected if r.start <= start < r.end]
    assert found == [reason], [(text[r.start:r.end], r.reason.value) for r in rejected]
    if reason != "overlap":
        assert all(not (f.start <= start < f.end) for f in figures)


@pytest.mark.parametrize("text", [
    "Công an tỉnh hỗ trợ 115 hộ nghèo trên 625 triệu đồng.",
    "Ngày 5/11, xã trao 30 suất quà; năm 2021 có 3 ngày mưa.",
    "ha\u0300 5 ho\u0323 nghèo, ngày 5/11",  # not NFC: offsets mapped back
])
def test_figures_unchanged_and_rejections_outside_them(text: str) -> None:
    figures, rejected = extract_with_rejections(text)
    assert figures == extract_figures(text)
    for r in rejected:
        assert 0 <= r.start < r.end <= len(text)
        assert not any(f.start <= r.start < f.end for f in figures)


TEXT = "Năm 2021, xã hỗ trợ 115 hộ nghèo. Hệ số 1.5, cao nhất là 2.8 (1m2 đang ở). Khách đạt 2,67 triệu lượt."


def _fig(phrase: str, kind: str, value: str, unit: str) -> Figure:
    start = TEXT.index(phrase)
    return Figure(text=phrase, start=start, end=start + len(phrase), kind=kind, value=Decimal(value), unit=unit)


def test_miss_reasons() -> None:
    gold = ArticleFigures("a", TEXT, [
        _fig("115 hộ nghèo", "households", "115", "household"),   # found
        _fig("2.8", "other", "2.8", "item"),                       # a bare number
        _fig("2021", "other", "2021", "item"),                     # a year label
        _fig("2,67 triệu lượt", "households", "2670000", "household"),  # made as people
        _fig("hỗ trợ", "other", "1", "item"),                      # no number there
    ])
    article = score_article(gold, ArticleFigures("a", TEXT, extract_figures(TEXT)))
    reasons = miss_reasons(article)
    assert reasons == {1: "no_counted_noun", 2: "label", 3: "misread as people 2670000 person", 4: NOT_SEEN}
    assert reason_counts(reasons.values())["misread"] == 1


def test_eval_errors_prints_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    article = GoldArticle(id="a", text=TEXT, figures=[_fig("115 hộ nghèo", "households", "115", "household"),
                                                      _fig("2021", "other", "2021", "item")])
    (folder / "a.json").write_text(article.to_json(), encoding="utf-8")
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    eval_cli.register(app)
    result = CliRunner().invoke(app, ["eval", str(folder), "--errors"])
    assert "(label)" in result.output
    assert "Missed gold figures by reason: label 1" in result.output
    as_json = CliRunner().invoke(app, ["eval", str(folder), "--errors", "--json"])
    assert '"reason": "label"' in as_json.output
