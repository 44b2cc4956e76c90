"""Near-duplicate articles across a run (#17): copies found, independent reports kept apart.

The grouping is tested on cleaned texts of the shared corpus written as OUT.jsonl records
(no models needed); `test_dedup_run.py` runs it through the engines.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vnfigures.clean import clean_text
from vnfigures.dedup import store
from vnfigures.dedup.finalize import finalize
from vnfigures.schemas import Article


def _clean(shared_corpus: Path, name: str) -> str:
    return clean_text((shared_corpus / "raw" / "text" / f"{name}.txt").read_text(encoding="utf-8")).text


def _median_paragraph(paragraphs: list[str]) -> int:
    return sorted(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))[len(paragraphs) // 2]


def _variant(shared_corpus: Path, base: str, edit: str) -> str:
    """`base` edited the way a republisher or a crawler changes a story."""
    paragraphs = _clean(shared_corpus, base).split("\n")
    other = _clean(shared_corpus, "nhandan_201").split("\n")
    if edit == "exact copy":
        return "\n".join(paragraphs)
    if edit == "new title":
        return "\n".join(["Đèo Cả điều chỉnh giá vé qua hầm Hải Vân từ tháng 5", *paragraphs[1:]])
    if edit == "byline added":
        return "\n".join([*paragraphs, "Hoàng Nam - Báo Đà Nẵng"])
    if edit == "paragraph added":
        return "\n".join([*paragraphs, other[_median_paragraph(other)]])
    if edit == "paragraph removed":
        drop = _median_paragraph(paragraphs)
        return "\n".join(p for i, p in enumerate(paragraphs) if i != drop)
    raise ValueError(edit)


def _group(tmp_path: Path, articles: dict[str, str], order: list[str] | None = None,
           threshold: float = 0.8) -> dict[str, tuple[str | None, int]]:
    out = tmp_path / "out.jsonl"
    out.write_text("".join(Article(id=i, text=t).model_dump_json() + "\n" for i, t in articles.items()), "utf-8")
    finalize(out, tmp_path / "out.signatures", {i: n for n, i in enumerate(order or articles)}, threshold)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == list(articles)  # nothing dropped, order kept
    return {r["id"]: (r["duplicate_of"], r["duplicates"]) for r in records}


@pytest.mark.parametrize("edit", ["exact copy", "new title", "byline added", "paragraph added", "paragraph removed"])
def test_copies_are_duplicates(shared_corpus: Path, tmp_path: Path, edit: str) -> None:
    found = _group(tmp_path, {"base": _clean(shared_corpus, "dantri_35"),
                              "copy": _variant(shared_corpus, "dantri_35", edit),
                              "other": _clean(shared_corpus, "baomoi_10")})
    assert found == {"base": (None, 2), "copy": ("base", 2), "other": (None, 1)}


@pytest.mark.parametrize(("first", "second"), [
    ("baomoi_35", "baomoi_36"),  # one landslide in An Giang, two papers' own reports
    ("dantri_35", "dantri_36"),  # one toll increase at Hải Vân, announced and then contested
    ("baomoi_24", "baomoi_25"),
])
def test_same_event_written_independently_is_not_a_duplicate(shared_corpus: Path, tmp_path: Path,
                                                              first: str, second: str) -> None:
    found = _group(tmp_path, {first: _clean(shared_corpus, first), second: _clean(shared_corpus, second)})
    assert found == {first: (None, 1), second: (None, 1)}


@pytest.mark.parametrize(("threshold", "duplicates"), [(0.8, 1), (0.05, 2)])
def test_threshold_decides(shared_corpus: Path, tmp_path: Path, threshold: float, duplicates: int) -> None:
    found = _group(tmp_path, {"a": _clean(shared_corpus, "baomoi_35"), "b": _clean(shared_corpus, "baomoi_36")},
                   threshold=threshold)
    assert found["b"][1] == duplicates


def test_first_in_input_order_leads_whatever_the_file_order(shared_corpus: Path, tmp_path: Path) -> None:
    text = _clean(shared_corpus, "dantri_35")
    found = _group(tmp_path, {"late": text, "early": text, "middle": text}, order=["early", "middle", "late"])
    assert found == {"late": ("early", 3), "early": (None, 3), "middle": ("early", 3)}


@pytest.mark.parametrize(("case", "texts", "expected"), [
    ("empty text has no shingles", {"a": "", "b": ""}, {"a": (None, 1), "b": (None, 1)}),
    ("short identical texts", {"a": "Trao 50 suất quà.", "b": "Trao 50 suất quà!"}, {"a": (None, 2), "b": ("a", 2)}),
])
def test_edge_texts(tmp_path: Path, case: str, texts: dict[str, str], expected: dict) -> None:
    assert _group(tmp_path, texts) == expected


def test_side_file_signatures_are_used_and_hold_no_text(shared_corpus: Path, tmp_path: Path) -> None:
    text = _clean(shared_corpus, "dantri_35")
    folder = tmp_path / "out.signatures"
    for article_id in ("a", "b"):
        store.append(str(folder), article_id, text)
    out = tmp_path / "out.jsonl"
    out.write_text("".join(Article(id=i, text=text).model_dump_json() + "\n" for i in ("a", "b")), "utf-8")
    stats = finalize(out, folder, {"a": 0, "b": 1}, 0.8)
    assert (stats.signed_at_end, stats.copies, stats.groups) == (0, 1, 1)
    side = "".join(p.read_text("utf-8") for p in folder.iterdir())
    assert "Hải Vân" not in side and "hải vân" not in side


def test_torn_side_file_line_is_signed_again(shared_corpus: Path, tmp_path: Path) -> None:
    text = _clean(shared_corpus, "dantri_35")
    folder = tmp_path / "out.signatures"
    store.append(str(folder), "a", text)
    store.append(str(folder), "b", text)
    side = next(folder.iterdir())
    side.write_text(side.read_text("utf-8")[:-200], "utf-8")  # a worker killed mid-line
    out = tmp_path / "out.jsonl"
    out.write_text("".join(Article(id=i, text=text).model_dump_json() + "\n" for i in ("a", "b")), "utf-8")
    stats = finalize(out, folder, {}, 0.8)
    assert (stats.signed_at_end, stats.copies) == (1, 1)


def test_a_long_lived_worker_reopens_a_reset_folder(tmp_path: Path) -> None:
    """A Dask worker that outlives a run keeps its handle; the next run's reset must not lose lines."""
    folder = tmp_path / "out.signatures"
    store.append(str(folder), "a", "Xã trao 50 suất quà cho hộ nghèo.")
    shutil.rmtree(folder)  # the client (another process) resets it; this one still holds its handle
    store.append(str(folder), "b", "Xã trao 50 suất quà cho hộ nghèo.")
    assert set(store.read_signatures(folder, {"a", "b"})) == {"b"}


def test_many_copies_of_one_page_form_one_group(tmp_path: Path) -> None:
    """A page crawled under 2,000 addresses: one group led by the first, every copy pointing at it."""
    page = "Trang này không tồn tại hoặc đã bị xóa. Mời bạn đọc quay lại trang chủ để xem tin mới nhất."
    found = _group(tmp_path, {f"u{i:04d}": page for i in range(2000)} | {"other": "Xã trao 50 suất quà cho hộ nghèo."})
    assert found["u0000"] == (None, 2000) and found["other"] == (None, 1)
    assert {found[f"u{i:04d}"] for i in range(1, 2000)} == {("u0000", 2000)}


def _words(n: int, prefix: str = "w") -> list[str]:
    return [f"{prefix}{i}" for i in range(n)]


def _edited(start: int = 0, end: int = 0) -> str:
    """A 200-word story with its first `start` and last `end` words rewritten."""
    words = _words(200)
    words[:start] = _words(start, "s")
    words[len(words) - end:] = _words(end, "e")
    return " ".join(words)


@pytest.mark.parametrize(("case", "texts", "expected"), [
    # a: J 0.894 with the original, b: 0.894, a-b: 0.798, so a and b are not one story
    ("two copies like the original, not like each other", {"orig": _edited(), "a": _edited(end=11), "b": _edited(start=11)},
     {"orig": (None, 2), "a": ("orig", 2), "b": (None, 1)}),
    # m: 0.840 with the original and first in input order; e: 0.950 but 0.798 with m
    ("the closer copy is kept, not the earlier one", {"orig": _edited(), "m": _edited(end=17), "e": _edited(start=5)},
     {"orig": (None, 2), "m": (None, 1), "e": ("orig", 2)}),
    ("copies that agree pairwise form one group", {"orig": _edited(), "a": _edited(end=3), "b": _edited(start=3)},
     {"orig": (None, 3), "a": ("orig", 3), "b": ("orig", 3)}),
])
def test_every_two_articles_of_a_group_are_similar(tmp_path: Path, case: str, texts: dict[str, str],
                                                   expected: dict) -> None:
    assert _group(tmp_path, texts) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ('{"id":"a","text":"x"}', "a"),            # as the run writes it
    ('{"id": "b", "text": "x"}', "b"),         # spaced JSON
    ('{"text":"x","id":"c"}', "c"),            # id not first
    ('{"id":3}', None), ("not json", None),
])
def test_line_id(line: str, expected: str | None) -> None:
    from vnfigures.dedup.finalize import line_id

    assert line_id(line) == expected


# --- bench.dedup corpus: a folder of texts (subfolders = clusters) scored against exact Jaccard ---

STORY = [
    "Sáng 12/3, Hội Chữ thập đỏ xã Tân Hưng trao 120 suất quà cho hộ nghèo và hộ cận nghèo trên địa bàn xã.",
    "Mỗi suất quà gồm 10 kg gạo, dầu ăn, nước mắm và 300.000 đồng tiền mặt, tổng trị giá hơn 60 triệu đồng.",
    "Kinh phí do các doanh nghiệp, nhà hảo tâm và cán bộ, công chức trong xã đóng góp từ đầu năm đến nay.",
    "Ông Nguyễn Văn Bình, Chủ tịch UBND xã, cho biết năm nay xã còn 85 hộ nghèo, giảm 40 hộ so với năm trước.",
    "Xã đặt mục tiêu đến cuối năm giảm thêm 30 hộ nghèo nhờ hỗ trợ vốn vay, con giống và dạy nghề cho lao động.",
    "Dịp này, Hội cũng trao 5 chiếc xe đạp cho học sinh có hoàn cảnh khó khăn đang học tại trường THCS Tân Hưng.",
]
REWRITE = [
    "Ngày 12/3, 120 hộ nghèo và cận nghèo xã Tân Hưng nhận quà của Hội Chữ thập đỏ.",
    "Quà có gạo, dầu ăn, nước mắm và tiền mặt; tổng cộng hơn 60 triệu đồng do doanh nghiệp và người dân góp.",
    "Theo lãnh đạo xã, số hộ nghèo còn 85, xã phấn đấu cuối năm giảm thêm 30 hộ.",
]
EXTRA = "Cũng trong sáng nay, xã tổ chức khám bệnh và cấp thuốc miễn phí cho 200 người cao tuổi tại trạm y tế."
FOOTER = "Tải ứng dụng. Liên hệ quảng cáo. Tổng biên tập: Nguyễn Văn A. Giấy phép số 123/GP-BTTTT. © Bản quyền thuộc báo."


def _story(*paragraphs: str) -> str:
    return "\n".join(paragraphs)


@pytest.mark.parametrize(("case", "files", "threshold", "expected"), [
    ("exact copy in its cluster", {"c1/a": _story(*STORY), "c1/b": _story(*STORY)}, 0.8,
     {"true_pairs": 1, "found_pairs": 1, "pair_recall": 1.0, "true_pairs_across_clusters": 0}),
    ("copy with a paragraph added", {"c1/a": _story(*STORY), "c1/b": _story(*STORY[:3], EXTRA, *STORY[3:])}, 0.8,
     {"true_pairs": 1, "found_pairs": 1, "pair_recall": 1.0, "true_pairs_across_clusters": 0}),
    ("copy with a byline and a footer", {"c1/a": _story(*STORY), "c1/b": _story(*STORY, "Minh Anh", FOOTER)}, 0.8,
     {"true_pairs": 1, "found_pairs": 1, "pair_recall": 1.0}),
    ("same event written independently", {"c1/a": _story(*STORY), "c1/b": _story(*REWRITE)}, 0.8,
     {"true_pairs": 0, "found_pairs": 0, "pair_precision": 1.0, "pair_recall": 1.0}),
    ("the same story in two clusters", {"c1/a": _story(*STORY), "c2/a": _story(*STORY), "c2/b": _story(*REWRITE)}, 0.8,
     {"true_pairs": 1, "found_pairs": 1, "true_pairs_across_clusters": 1, "groups_spanning_clusters": 1}),
    ("half the story is no copy at 0.8", {"c1/a": _story(*STORY), "c1/b": _story(*STORY[:3])}, 0.8,
     {"true_pairs": 0, "found_pairs": 0}),
    ("half the story is one at 0.4", {"c1/a": _story(*STORY), "c1/b": _story(*STORY[:3])}, 0.4,
     {"true_pairs": 1, "found_pairs": 1, "pair_recall": 1.0}),
])
def test_corpus_report(tmp_path: Path, case: str, files: dict[str, str], threshold: float, expected: dict) -> None:
    from vnfigures.bench.dedup import corpus_report, read_corpus

    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    texts = read_corpus(tmp_path)
    assert list(texts) == sorted(files)  # ids as the run names them: paths under DIR without .txt
    row = corpus_report(texts, [threshold])["thresholds"][0]
    assert {key: row[key] for key in expected} == expected


@pytest.mark.parametrize(("lead", "expected"), [
    ({"a": "a", "b": "a", "c": "c", "d": "d"}, (1, 1.0, 0.5)),   # a-b found, c-d missed
    ({"a": "a", "b": "a", "c": "a", "d": "c"}, (3, 0.3333, 0.5)),  # a-b-c one group: a-c, b-c false; c-d missed
    ({"a": "a", "b": "b", "c": "c", "d": "d"}, (0, 1.0, 0.0)),   # nothing found
    ({"a": "a", "b": "a", "c": "x", "d": "x"}, (2, 1.0, 1.0)),   # c, d led by an article outside the scored ids
])
def test_score_pairs(lead: dict[str, str], expected: tuple[int, float, float]) -> None:
    from vnfigures.bench.dedup import score_pairs

    scores = score_pairs(["a", "b", "c", "d"], {("a", "b"), ("c", "d")}, lead)
    assert (scores["found_pairs"], scores["pair_precision"], scores["pair_recall"]) == expected


@pytest.mark.parametrize("floor", [0.0, 0.3, 0.8, 1.0])
def test_pair_jaccards_skips_no_pair_that_reaches_the_floor(floor: float) -> None:
    """The size bound that skips comparisons must keep every pair a full comparison finds."""
    from itertools import combinations as pairs

    from vnfigures.bench.dedup import pair_jaccards
    from vnfigures.dedup.shingles import jaccard, shingles

    texts = {"full": _story(*STORY), "added": _story(*STORY, EXTRA), "half": _story(*STORY[:3]),
             "third": _story(*STORY[:2]), "rewrite": _story(*REWRITE), "same": _story(*STORY), "empty": ""}
    brute = {(a, b): jaccard(shingles(texts[a]), shingles(texts[b])) for a, b in pairs(texts, 2)}
    assert pair_jaccards(texts, floor) == {k: v for k, v in brute.items() if v >= floor and texts[k[0]] and texts[k[1]]}


def test_split_mds_csv_keeps_clusters_and_quotes(tmp_path: Path) -> None:
    """A cluster-per-row CSV becomes one folder per row; quoted commas and quotes survive."""
    from vnfigures.bench.dedup import corpus_report, read_corpus, split_mds_csv

    story = " ".join(STORY)
    source = tmp_path / "mds.csv"
    source.write_text('document,summary\n'
                      f'"{story} ||||| {story} Minh Anh ||||| ","tóm tắt"\n'
                      f'"Ông nói: ""trao quà"", cho hộ nghèo ở xã, huyện ||||| {" ".join(REWRITE)}","x"\n', "utf-8")
    folder = tmp_path / "texts"
    assert split_mds_csv(source, folder) == 4  # the empty article after the last separator is no file
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.txt")) == [
        "r00000/d000.txt", "r00000/d001.txt", "r00001/d000.txt", "r00001/d001.txt"]
    assert (folder / "r00001" / "d000.txt").read_text("utf-8").startswith('Ông nói: "trao quà", cho')
    row = corpus_report(read_corpus(folder), [0.8])["thresholds"][0]
    assert (row["true_pairs"], row["found_pairs"], row["true_pairs_across_clusters"]) == (1, 1, 0)
