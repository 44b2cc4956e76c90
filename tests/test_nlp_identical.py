"""The fast chain equals underthesea's own `word_tokenize`, `pos_tag`, `ner` (and `chunk`).

Every sentence (underthesea's `sent_tokenize`) of the project corpus and, when present, of every
article under ../shared/corpus/raw/text is run through both. Besides the tags, every CRF feature
string our compiled templates produce is compared with the features underthesea itself feeds its
POS, chunk and NER models during `ner()` (recorded by wrapping its taggers), so a template that
differs only where the CRF happens not to care is still caught.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from vnfigures.nlp import analyze
from vnfigures.nlp.analysis import _config, stage

pytestmark = pytest.mark.slow  # whole corpora / worker processes: CI runs it, `-m 'not slow'` skips

REPO = Path(__file__).resolve().parents[1]
SHARED_TEXTS = sorted((REPO.parent / "shared" / "corpus" / "raw" / "text").glob("*.txt"))
STAGES = ("pos", "chunk", "ner")


class _Recorder:
    """Stands in for an underthesea CRFTagger: remembers the features it is asked to tag."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.features: list[list[list[str]]] = []

    def tag(self, x: list[list[str]]) -> list[str]:
        self.features.append(x)
        return self.model.tag(x)


def _predictors() -> dict[str, Any]:
    from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
    from underthesea.pipeline.ner.model_crf import CRFNERPredictor
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    return {"pos": CRFPOSTagPredictor.Instance(), "chunk": CRFChunkingPredictor.Instance(),
            "ner": CRFNERPredictor.Instance()}


@pytest.fixture(scope="module")
def underthesea_run() -> Iterator[Callable[[str], dict[str, Any]]]:
    """`run(sentence)`: underthesea's outputs and the features its CRFs saw inside `ner()`."""
    from underthesea import ner, pos_tag, word_tokenize

    predictors = _predictors()
    recorders = {name: _Recorder(p.model) for name, p in predictors.items()}
    for name, predictor in predictors.items():
        predictor.model = recorders[name]

    def run(sentence: str) -> dict[str, Any]:
        words = word_tokenize(sentence)
        pos = pos_tag(sentence)
        for recorder in recorders.values():
            recorder.features.clear()
        full = ner(sentence)
        return {
            "words": tuple(words), "pos": tuple(t for _, t in pos),
            "chunk": tuple(row[2] for row in full), "ner": tuple(row[3] for row in full),
            "ner_words": tuple(row[0] for row in full),
            "features": {name: r.features[-1] if r.features else [] for name, r in recorders.items()},
        }

    yield run
    for name, predictor in predictors.items():
        predictor.model = recorders[name].model


def _differences(sentence: str, expected: dict[str, Any]) -> list[str]:
    ours = analyze(sentence, ner=True, chunk=True)
    problems = [f"{field}: {getattr(ours, field)} != {expected[field]}"
                for field in ("words", "pos", "chunk", "ner") if getattr(ours, field) != expected[field]]
    if expected["ner_words"] != expected["words"]:
        problems.append("underthesea's ner() words differ from word_tokenize()")
    columns = {"pos": (ours.words,), "chunk": (ours.words, ours.pos),
               "ner": (ours.words, ours.pos, ("",) * len(ours.words))}  # NER never reads chunks
    for name in STAGES:
        mine = [list(row) for row in stage(name).features(*columns[name])]
        theirs = expected["features"][name]
        if mine != theirs:
            bad = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
            problems.append(f"{name} features differ at token {bad}")
    return problems


def _check_text(text: str, run: Callable[[str], dict[str, Any]]) -> None:
    from underthesea import sent_tokenize

    sentences = sent_tokenize(text)
    assert sentences
    failures = {s: d for s in sentences if (d := _differences(s, run(s)))}
    assert not failures, "\n".join(f"{s[:70]!r}: {d[:3]}" for s, d in list(failures.items())[:5])


def test_templates_are_underthesea_templates() -> None:
    predictors = _predictors()
    for name in STAGES:
        assert list(getattr(_config(), name).template) == list(predictors[name].transformer.template)


@pytest.mark.parametrize("path", sorted((REPO / "corpus").glob("*.txt")), ids=lambda p: p.stem)
def test_project_corpus_identical(path: Path, underthesea_run: Callable[[str], dict[str, Any]]) -> None:
    _check_text(path.read_text(encoding="utf-8"), underthesea_run)


@pytest.mark.parametrize("name", [p.name for p in SHARED_TEXTS] or ["(absent)"])
def test_shared_corpus_identical(name: str, shared_corpus: Path,
                                 underthesea_run: Callable[[str], dict[str, Any]]) -> None:
    _check_text((shared_corpus / "raw" / "text" / name).read_text(encoding="utf-8"), underthesea_run)


@pytest.mark.parametrize("sentence", [
    "Ông Putin ca ngợi những thành tựu vĩ đại của Liên Xô",
    unicodedata.normalize("NFD", "Bộ trưởng Nguyễn Văn A thăm tỉnh Bến Tre."),
    "Ðồng chí Ðặng Văn Ðức nói nghành y tế hoà bình thuơ nhỏ",
    "Xem https://baocamau.vn/a-b.html?x=1 hoặc ban@baocamau.vn 😀 v.v... 43H-0530 NĐ-CP",
    "A",
    "!!!",
    "Giá 15.000 đồng/kg, tăng 2,5% (từ 10-15 hộ); 1/3 dân số… 3x4 °C",
    "TP.HCM  có   nhiều\tkhoảng trắng",
])
def test_tricky_sentences_identical(sentence: str, underthesea_run: Callable[[str], dict[str, Any]]) -> None:
    assert _differences(sentence, underthesea_run(sentence)) == []


def test_empty_sentence_gives_empty_analysis() -> None:
    result = analyze("   ")
    assert (result.words, result.pos, result.ner) == ((), (), ())
