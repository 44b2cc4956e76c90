"""The tokenize -> POS -> NER chain, run once per sentence, with output identical to underthesea.

WHY: `underthesea.ner(s)` calls `chunk(s)`, which calls `pos_tag(s)`, which calls
`word_tokenize(s)`: calling `word_tokenize`, `pos_tag` and `ner` on a sentence segments it three
times and POS-tags it twice, and each CRF stage featurizes in slow per-token Python. Here each
stage runs once and hands its result to the next; the NER model reads only words and POS tags
(its templates use columns 0, 1 and its own label column 3, never the chunk column 2), so
chunking is skipped unless asked for. Segmentation is underthesea's (regex tokens, token
normalization, its CRF model; scored by `segment_crf` with the same result), and keeps the
character offset of every word.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import Field

from vnfigures.nlp.align import offset_map
from vnfigures.nlp.crfsuite import read_crfsuite
from vnfigures.nlp.featurize import Featurizer
from vnfigures.nlp.segment_crf import SegmentScorer, fast_path_applies
from vnfigures.schemas import DataFile, load_data

Words = tuple[str, ...] | list[str]
Memo = dict[str, list[str]]
"""Word-template features of one sentence, shared between its POS, chunk and NER stages."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """One sentence as underthesea sees it: words, their offsets in the sentence, and tags.

    `words[i]` is underthesea's (normalized) word, syllables joined by one space; the original
    characters are `sentence[spans[i][0]:spans[i][1]]`. `pos`, `ner` (and `chunk` when asked)
    equal `pos_tag`, `ner` and `chunk` of underthesea on the same sentence; empty when not run.
    """

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    pos: tuple[str, ...] = ()
    ner: tuple[str, ...] = ()
    chunk: tuple[str, ...] = ()


class _CrfModel(DataFile):
    """One CRF model of underthesea: its file, input columns and feature templates (verbatim)."""

    file: str
    columns: list[str]
    template: list[str] = Field(min_length=1)


class _SegmentModel(DataFile):
    dir: str


class _Models(DataFile):
    """`models.json`: the underthesea model files this chain drives."""

    pos: _CrfModel
    chunk: _CrfModel
    ner: _CrfModel
    segment: _SegmentModel


@cache
def _config() -> _Models:
    return load_data("vnfigures.nlp", "models.json", _Models)


def _underthesea_path(relative: str) -> str:
    import underthesea

    return str(Path(underthesea.__file__).parent / relative)


class _CrfStage:
    """One of underthesea's 2017 CRF models (POS, chunk, NER) with its compiled featurizer."""

    def __init__(self, name: str) -> None:
        from underthesea_core import CRFTagger

        spec: _CrfModel = getattr(_config(), name)
        self.columns = tuple(spec.columns)
        self.template = tuple(spec.template)
        self.featurize = Featurizer(self.template)
        self.tagger = CRFTagger()
        self.tagger.load(_underthesea_path(spec.file))

    def features(self, *columns: Words, memo: Memo | None = None) -> list[tuple[str, ...]]:
        """Feature tuples of a sentence given its input columns (the label column is 'X')."""
        n = len(columns[0])
        return self.featurize([*columns, ("X",) * n], memo)

    def tag(self, *columns: Words, memo: Memo | None = None) -> list[str]:
        if not columns[0]:
            return []
        return list(self.tagger.tag(self.features(*columns, memo=memo)))


class _Segmenter:
    """underthesea's `word_tokenize`, step by step, keeping each token's character span."""

    def __init__(self) -> None:
        import joblib
        from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

        folder = Path(_underthesea_path(_config().segment.dir))
        self.model = FastCRFSequenceTagger()
        self.model.load(str(folder))
        self.scorer = SegmentScorer(
            joblib.load(folder / self.model.path_features),
            frozenset(joblib.load(folder / self.model.path_dictionary)),
            read_crfsuite(folder / self.model.path_model),
        )

    def tags(self, tokens: list[str]) -> list[str]:
        """B-W/I-W per token: scored in Python when safe, else by underthesea_core itself."""
        if fast_path_applies("".join(tokens)):
            return self.scorer.tags(tokens)
        return self.model.predict([[token] for token in tokens])

    def __call__(self, sentence: str) -> tuple[list[str], list[tuple[int, int]]]:
        from underthesea.pipeline.text_normalize import token_normalize
        from underthesea.pipeline.text_normalize.character_normalize import (
            normalize_characters_in_text,
        )
        from underthesea.pipeline.word_tokenize import regex_tokenize

        normalized = normalize_characters_in_text(sentence)
        to_original = offset_map(sentence, normalized)
        tokens: list[str] = []
        spans: list[tuple[int, int]] = []
        for match in regex_tokenize.patterns.finditer(normalized):
            group = next(name for name, value in match.groupdict().items() if value is not None)
            start, end = match.span(group)
            tokens.append(token_normalize(match.group(group)))
            spans.append((to_original[start], to_original[end]))
        if not tokens:
            return [], []
        tags = self.tags(tokens)
        words: list[str] = []
        word_spans: list[tuple[int, int]] = []
        for tag, token, span in zip(tags, tokens, spans):
            if tag == "I-W" and words:
                words[-1] = f"{words[-1]} {token}"
                word_spans[-1] = (word_spans[-1][0], span[1])
            else:
                words.append(token)
                word_spans.append(span)
        return words, word_spans


@cache
def segmenter() -> _Segmenter:
    """The per-process word segmenter (loaded on first use)."""
    return _Segmenter()


@cache
def stage(name: str) -> _CrfStage:
    """The per-process CRF stage `pos`, `chunk` or `ner` (loaded on first use)."""
    return _CrfStage(name)


def segment(sentence: str) -> Analysis:
    """Words of `sentence` exactly as `underthesea.word_tokenize`, with their character spans."""
    words, spans = segmenter()(sentence)
    return Analysis(tuple(words), tuple(spans))


def pos_tags(words: Words, memo: Memo | None = None) -> list[str]:
    """POS tags of segmented words, as `underthesea.pos_tag` gives them."""
    return stage("pos").tag(words, memo=memo)


def chunk_tags(words: Words, pos: Words, memo: Memo | None = None) -> list[str]:
    """Chunk tags (B-NP, B-VP, ...) of tagged words, as `underthesea.chunk` gives them."""
    return stage("chunk").tag(words, pos, memo=memo)


def ner_tags(words: Words, pos: Words, memo: Memo | None = None) -> list[str]:
    """NER tags (B-PER, I-LOC, O, ...) as `underthesea.ner`; its model never reads chunk tags.

    Pass the `memo` dict given to `pos_tags` for the same words to reuse their features.
    """
    return stage("ner").tag(words, pos, ("",) * len(words), memo=memo)


def tag(segmented: Analysis, ner: bool = True, chunk: bool = False) -> Analysis:
    """Add POS (always), NER and chunk tags to an already segmented sentence."""
    memo: Memo = {}
    pos = tuple(pos_tags(segmented.words, memo))
    return Analysis(
        segmented.words, segmented.spans, pos,
        tuple(ner_tags(segmented.words, pos, memo)) if ner else (),
        tuple(chunk_tags(segmented.words, pos, memo)) if chunk else (),
    )


def analyze(sentence: str, ner: bool = True, chunk: bool = False) -> Analysis:
    """The whole chain on one sentence: segmentation once, then POS, NER (and chunk)."""
    return tag(segment(sentence), ner=ner, chunk=chunk)
