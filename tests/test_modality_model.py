"""The modality model comparison (vnfigures.bench.modality_model): the features a figure gets
from its sentence, and a model fitted on a handful of gold figures replacing only modality."""
from __future__ import annotations

import pytest

from vnfigures.bench.modality_model import context_features, model_fitter, sentence_around
from vnfigures.evaluate.gold import GoldArticle
from vnfigures.evaluate.score import ArticleFigures
from vnfigures.schemas import Figure

SENTENCES = [
    # (text, figure text, words that must be features, words that must not)
    ("Năm 2025, tỉnh sẽ xây 20 nhà. Đã trao 15 nhà.", "20 nhà", {"b:sẽ", "b:xây", "s:năm", "bb:sẽ_xây"}, {"b:trao", "a:trao"}),
    ("Đã trao 15 nhà cho hộ nghèo.\nDự kiến xây thêm 30 nhà.", "15 nhà", {"b:đã", "b:trao", "a:cho", "a:hộ"}, {"b:dự", "a:dự"}),
    ("Theo kế hoạch, huyện hỗ trợ 40 triệu đồng mỗi căn.", "40 triệu đồng", {"s:theo", "s:kế", "b:hỗ", "a:mỗi"}, {"a:theo"}),
]


@pytest.mark.parametrize(("text", "figure", "present", "absent"), SENTENCES)
def test_features_come_from_the_figures_sentence(text: str, figure: str, present: set, absent: set) -> None:
    start = text.index(figure)
    features = context_features(text, start, start + len(figure))
    assert present <= features.keys()
    assert not absent & features.keys()


@pytest.mark.parametrize(("text", "figure", "sentence"), [
    ("Đã trao 15 nhà. Sẽ xây 20 nhà! Còn 3 nhà.", "20 nhà", "Sẽ xây 20 nhà!"),
    ("Dòng một có 5 hộ\nDòng hai có 7 hộ", "7 hộ", "Dòng hai có 7 hộ"),
])
def test_sentence_around(text: str, figure: str, sentence: str) -> None:
    start = text.index(figure)
    left, right = sentence_around(text, start, start + len(figure))
    assert text[left:right] == sentence


def _gold(id_: str, text: str, figures: list[tuple[str, str]]) -> GoldArticle:
    out = []
    for figure_text, modality in figures:
        start = text.index(figure_text)
        out.append(Figure(text=figure_text, start=start, end=start + len(figure_text), kind="houses", value=1,
                          unit="house", qualifier="exact", subject="nhà", modality=modality))
    return GoldArticle(id=id_, text=text, figures=out)


def test_the_model_decides_modality_and_keeps_the_figures() -> None:
    pytest.importorskip("sklearn")
    train = [_gold(f"t_{i}", f"Năm tới sẽ xây {i + 2} nhà. Năm qua đã trao {i + 3} nhà.",
                   [(f"{i + 2} nhà", "target"), (f"{i + 3} nhà", "actual")]) for i in range(6)]
    test = _gold("x_1", "Năm qua đã trao 9 nhà. Năm tới sẽ xây 8 nhà.", [("9 nhà", "target"), ("8 nhà", "target")])

    def base(gold: GoldArticle) -> ArticleFigures:  # the pipeline's figures, all said actual
        return ArticleFigures(gold.id, gold.text, [f.model_copy(update={"modality": "actual"}) for f in gold.figures], None)

    predicted = model_fitter(base)(train)(test)
    assert [f.text for f in predicted.figures] == ["9 nhà", "8 nhà"]
    assert [f.modality.value for f in predicted.figures] == ["actual", "target"]
