"""Every raw article of the shared corpus becomes a record that validates, or a clear failure."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import vnfigures
from vnfigures.schemas import Article, Failure


def _inputs(shared_corpus: Path) -> list[Path]:
    raw = shared_corpus / "raw"
    return sorted([*raw.glob("text/*.txt"), *raw.glob("html/*.html")])


@pytest.mark.slow  # the whole pipeline, NER on, over every shared raw article
def test_every_shared_raw_article_validates(shared_corpus: Path) -> None:
    paths = _inputs(shared_corpus)
    kinds = {e["file"]: e["kind"] for e in json.loads((shared_corpus / "clean_expect.json").read_text("utf-8"))}
    results = list(vnfigures.process(paths, ner=True))
    assert len(results) == len(paths) >= 119  # 99 texts and 20 pages today
    for path, result in zip(paths, results, strict=True):
        rel = path.relative_to(shared_corpus).as_posix()
        if kinds.get(rel) in {"list", "homepage"}:
            assert isinstance(result, Failure) and result.error == "NoArticleFound", rel
            continue
        assert isinstance(result, Article), f"{rel}: {result}"
        Article.model_validate_json(result.model_dump_json())  # what is written reads back valid
        assert result.text and result.figures, rel
