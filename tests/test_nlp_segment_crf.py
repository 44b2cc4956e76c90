"""The Python segmentation scorer equals underthesea_core's Rust featurizer + CRF tagger."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vnfigures.nlp.analysis import _config, _underthesea_path, segmenter
from vnfigures.nlp.crfsuite import read_crfsuite
from vnfigures.nlp.segment_crf import fast_path_applies

REPO = Path(__file__).resolve().parents[1]
SHARED_TEXTS = sorted((REPO.parent / "shared" / "corpus" / "raw" / "text").glob("*.txt"))


def _tokens(sentence: str) -> list[str]:
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    return tokenize(sentence)


def _rust_features(tokens: list[str]) -> list[list[str]]:
    return segmenter().model.featurizer.process([[[t] for t in tokens]])[0]


def _check(tokens: list[str]) -> None:
    seg = segmenter()
    ours = [list(row) for row in seg.scorer.featurize([tokens])] if tokens else []
    assert ours == _rust_features(tokens)
    assert seg.scorer.tags(tokens) == seg.model.predict([[t] for t in tokens])


def _sentences(paths: list[Path]) -> list[str]:
    from underthesea import sent_tokenize

    return [s for p in paths for s in sent_tokenize(p.read_text(encoding="utf-8"))]


def test_project_corpus_sentences() -> None:
    for sentence in _sentences(sorted((REPO / "corpus").glob("*.txt"))):
        _check(_tokens(sentence))


@pytest.mark.slow  # every sentence of the shared corpus, scored twice
def test_shared_corpus_sentences(shared_corpus: Path) -> None:
    sentences = _sentences(sorted((shared_corpus / "raw" / "text").glob("*.txt")))
    assert len(sentences) > 1000
    for sentence in sentences:
        tokens = _tokens(sentence)
        if fast_path_applies("".join(tokens)):
            _check(tokens)


# tokens where Python's and Rust's idea of digits, case and title differ most
@pytest.mark.parametrize("token", [
    "+5", "-3", "007", "2147483647", "2147483648", "-2147483648", "-2147483649", "1.000", "1,5",
    "²", "½", "Ⅻ", "ǅ", "ǆ", "ß", "ẞ", "İ", "ı", "Đ", "đ", "ĐỒNG", "Ước", "x", "…", "“", "%", "°C",
    "H'Mông", "e-mail", "Ǳ", "ŉ", "ǰ", "BOS", "EOS", "T[0]=x",
])
def test_tricky_tokens(token: str) -> None:
    assert fast_path_applies(token)
    _check(["Ông", token, "về", token.lower(), "."])


@pytest.mark.parametrize("token", ["ﬁ", "Σας", "ΣΑΣ", "Привет", "漢字", "😀", "Ꭰ", "ǈ\u1c90"])
def test_other_scripts_take_underthesea_core(token: str) -> None:
    assert not fast_path_applies(token)


def test_reader_labels_match_underthesea_core() -> None:
    from underthesea_core import CRFTagger

    folder = Path(_underthesea_path(_config().segment.dir))
    paths = [folder / "models.bin"] + [Path(_underthesea_path(getattr(_config(), n).file)) for n in ("pos", "ner")]
    for path in paths:
        tagger = CRFTagger()
        tagger.load(str(path))
        assert list(read_crfsuite(path).labels) == list(tagger.labels())


SYLLABLES = st.sampled_from([
    "Hà", "Nội", "hà", "nội", "bác", "sĩ", "Bác", "SĨ", "thành", "phố", "Hồ", "Chí", "Minh", "có",
    "115", "hộ", "nghèo", "1.000", "2,5", "%", ",", ".", "(", ")", "“", "”", "-", "tỷ", "đồng",
    "UBND", "xã", "Tây", "Ninh", "ông", "Nguyễn", "Văn", "A", "và", "các", "đơn", "vị", "+", "10",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(SYLLABLES, min_size=1, max_size=40))
def test_random_syllable_sequences(tokens: list[str]) -> None:
    _check(tokens)
