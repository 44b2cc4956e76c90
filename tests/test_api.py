"""The notebook API: `extract`, `process` and `load` behave as documented."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from spacy import displacy

import vnfigures
from vnfigures.errors import NoArticleFound
from vnfigures.schemas import Article, Failure

SENTENCE = "Năm 2023, huyện đã xây dựng 292 căn nhà tình thương và tặng 262 tấn gạo cho hộ nghèo."



def test_extract_returns_a_validated_article_with_its_doc() -> None:
    article = vnfigures.extract(SENTENCE, id="a1", ner=False)
    assert article.id == "a1" and article.pipeline_version == vnfigures.__version__
    assert [(f.kind.value, f.value, f.unit) for f in article.figures] == [
        ("houses", Decimal(292), "house"), ("mass", Decimal(262), "tonne")]
    assert article.doc is not None and article.doc.text == article.text


def test_extract_raises_on_a_page_without_article() -> None:
    page = "<html><body><nav><a href='/a'>Tin mới</a><a href='/b'>Thời sự</a></nav></body></html>"
    with pytest.raises(NoArticleFound):
        vnfigures.extract(page)


@pytest.mark.parametrize(("item", "expected"), [
    ({"id": "j1", "text": SENTENCE, "source": "baocamau"}, ("Article", "j1")),
    ({"text": SENTENCE}, ("Failure", None)),
    ({"id": "j2"}, ("Failure", "j2")),
    ("<html><body><p>x</p></body></html>", ("Failure", "article-0")),
    (Path("does-not-exist.txt"), ("Failure", None)),
    (42, ("Failure", None)),
])
def test_process_yields_one_result_per_input(item: object, expected: tuple[str, str | None]) -> None:
    (result,) = list(vnfigures.process([item], ner=False))
    assert (type(result).__name__, result.id) == expected
    if isinstance(result, Failure):
        assert result.message


def test_process_keeps_input_order(project_corpus: Path) -> None:
    seed = project_corpus / "seed-camau-police-poverty.txt"
    results = list(vnfigures.process([SENTENCE, seed, {"id": "x", "text": SENTENCE}], ner=False))
    assert [r.id for r in results] == ["article-0", "seed-camau-police-poverty", "x"]
    assert all(isinstance(r, Article) for r in results)
    assert results[1].source == seed.name


def test_load_gives_figure_spans_entities_and_displacy() -> None:
    nlp = vnfigures.load()
    doc = nlp("Công an tỉnh Cà Mau đã hỗ trợ 115 hộ nghèo với tổng số tiền trên 625 triệu đồng.")
    spans = doc.spans["figures"]
    assert [span.label_ for span in spans] == ["households", "money"]
    assert spans[1]._.figure.value == Decimal(625000000)
    assert any(ent.label_ == "LOC" and "Cà Mau" in ent.text for ent in doc.ents)
    assert "households" in displacy.render(doc, style="span", options={"spans_key": "figures"})
    assert "LOC" in displacy.render(doc, style="ent")
