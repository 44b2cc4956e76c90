"""The project's spaCy components: figures as `doc.spans["figures"]`, NER as `doc.ents`.

WHY spaCy at all: one `Doc` carries the exact article text, underthesea's sentences and words,
figures and entities, so later steps never re-tokenize and displaCy can show both layers.
Both components are registered factories (versioned names; the pipe names the pipeline uses are
`vnfigures_figures` and `vnfigures_ner`), configurable and declaring what they assign. The
figure extractor is injected through the factory's config (`extractor`, a registered function
in spaCy's `misc` registry), so `extractors/` stays text in, figures out, and another
extractor can be swapped in from a config without touching this module.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from vnfigures.extractors.entities import entities_from_words, iob_spans
from vnfigures.extractors.entity_rules import refine_entities
from vnfigures.extractors.figures import extract_figures
from vnfigures.nlp.analysis import ner_tags, pos_tags
from vnfigures.nlp.tokenizer import WORDS_KEY
from vnfigures.schemas import Entity, EntityLabel, Figure

FIGURES_FACTORY = "vnfigures_figures_v1"
NER_FACTORY = "vnfigures_ner_v1"
RULE_EXTRACTOR = "vnfigures.rule_figures.v1"

#: An extractor: the text and its sentence bounds in, its figures out.
Extractor = Callable[[str, Sequence[tuple[int, int]]], Iterable[Figure]]


@registry.misc(RULE_EXTRACTOR)
def rule_extractor() -> Extractor:
    """The project's rule-based extractor (`vnfigures.extractors.figures.extract_figures`)."""
    return extract_figures


_RECORD_TAG = "__vnfigures_record__"
_RECORDS: dict[str, type[Figure | Entity]] = {"Figure": Figure, "Entity": Entity}


def _encode_record(obj: object, chain: object = None) -> object:
    """msgpack hook: `Doc.to_bytes`, `DocBin` and `nlp.pipe(n_process=...)` can carry records."""
    if isinstance(obj, (Figure, Entity)):
        return {_RECORD_TAG: type(obj).__name__, "json": obj.model_dump_json()}
    return obj if chain is None else chain(obj)  # type: ignore[operator]


def _decode_record(obj: object, chain: object = None) -> object:
    if isinstance(obj, dict) and obj.get(_RECORD_TAG) in _RECORDS:
        return _RECORDS[obj[_RECORD_TAG]].model_validate_json(obj["json"])
    return obj if chain is None else chain(obj)  # type: ignore[operator]


srsly.msgpack_encoders.register("vnfigures_records", func=_encode_record)
srsly.msgpack_decoders.register("vnfigures_records", func=_decode_record)


def register_extensions() -> None:
    """`doc._.figures`, `doc._.entities` and `span._.figure` (idempotent)."""
    if not Doc.has_extension("figures"):
        Doc.set_extension("figures", default=None)
    if not Doc.has_extension("entities"):
        Doc.set_extension("entities", default=None)
    if not Span.has_extension("figure"):
        Span.set_extension("figure", getter=figure_of)


def figure_of(span: Span) -> Figure | None:
    """The `Figure` behind a span of `doc.spans["figures"]` (found by the span's id).

    A getter, not a stored value: spaCy keys stored span values by character offsets only, so
    two figures expanded to the same tokens (`10-15` is one token) would overwrite each other.
    """
    figures = span.doc._.figures or []
    index = span.id - 1
    if not 0 <= index < len(figures):
        return None
    figure = figures[index]
    inside = span.start_char <= figure.start and figure.end <= span.end_char
    return figure if inside and span.label_ == figure.kind.value else None


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the doc's sentences without the whitespace tokens they end with."""
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            bounds.append((start, end))
    return bounds


class FiguresComponent:
    """Run a figure extractor over the doc's text and sentences."""

    def __init__(self, extractor: Extractor = extract_figures, spans_key: str = "figures") -> None:
        register_extensions()
        self.extractor = extractor
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        figures: list[Figure] = list(self.extractor(doc.text, sentence_bounds(doc)))
        spans: list[Span] = []
        for number, figure in enumerate(figures):
            span = doc.char_span(figure.start, figure.end, label=figure.kind.value,
                                 alignment_mode="expand", span_id=number + 1)
            if span is None:  # only when the figure lies in pure whitespace
                continue
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.figures = figures
        return doc


class NerComponent:
    """underthesea NER (PER/ORG/LOC) from the words the tokenizer already segmented.

    POS tags are computed once per sentence (and kept as `token.tag_` when `set_tags`), then
    the NER model reads words + POS; MISC entities are dropped.
    """

    def __init__(self, set_tags: bool = True, exact: bool = False) -> None:
        register_extensions()
        self.set_tags = set_tags
        self.exact = exact  # True: underthesea's NER output as is (see entity_rules for the default)

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc.user_data.get(WORDS_KEY)
        if sentences is None:
            raise ValueError("vnfigures_ner needs a Doc made by the vnfigures underthesea tokenizer")
        text = doc.text  # a property that joins every token: read it once
        ents: list[Span] = []
        entities: list[Entity] = []
        for sentence in sentences:
            indices = [index for index, _ in sentence]
            words = [word for _, word in sentence]
            memo: dict[str, list[str]] = {}
            pos = pos_tags(words, memo)
            if self.set_tags:
                for index, tag in zip(indices, pos):
                    doc[index].tag_ = tag
            tags = ner_tags(words, pos, memo, exact=self.exact)
            word_spans = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in indices]
            entities.extend(entities_from_words(text, word_spans, tags))
            ents.extend(Span(doc, indices[a], indices[b - 1] + 1, label=label)
                        for label, a, b in iob_spans(tags))
        if not self.exact:
            entities, ents = _aligned(doc, text, refine_entities(text, entities))
        doc.ents = ents
        doc._.entities = entities
        return doc


def _aligned(doc: Doc, text: str, entities: list[Entity]) -> tuple[list[Entity], list[Span]]:
    """Entities widened to the words their tokens hold, and as `doc.ents` spans.

    `doc.ents` holds whole tokens, so each entity's span is widened to its tokens. The record
    takes that widening at its start only within one syllable (`Tp.|Hồ Chí Minh`): underthesea
    sometimes joins a word across a missing sentence stop or a role (`mạnh Huyện`, `Trưởng
    thôn`), and the name `Huyện Tháp Mười` must not become `mạnh Huyện Tháp Mười`. At its end a
    name goes on into its last word when that is an organisation's (`Tổng cục Dự trữ Nhà
    nước`) or capitalized (`xã Thanh Quan`), not into a verb (`Bình Định ước`), nor into the
    next entity. An entity whose span would overlap the one before has no `doc.ents` span."""
    records: list[Entity] = []
    spans: list[Span] = []
    for i, e in enumerate(entities):
        span = doc.char_span(e.start, e.end, label=e.label.value, alignment_mode="expand")
        if span is None:
            continue
        start = e.start if any(c.isspace() for c in text[span.start_char:e.start]) else span.start_char
        start = max(start, records[-1].end) if records else start
        end = span.end_char if _goes_on(text[e.end:span.end_char], e.label) else e.end
        end = min(end, entities[i + 1].start) if i + 1 < len(entities) else end  # never into the next
        records.append(Entity(text=text[start:end], start=start, end=end, label=e.label))
        if not (spans and span.start < spans[-1].end):
            spans.append(span)
    return records, spans


def _goes_on(rest: str, label: EntityLabel) -> bool:
    """Whether a name runs on into `rest`, the end of its last token."""
    return not rest[:1].isspace() or label is EntityLabel.ORG or rest.lstrip()[:1].isupper()


@Language.factory(FIGURES_FACTORY,
                  default_config={"spans_key": "figures", "extractor": {"@misc": RULE_EXTRACTOR}},
                  assigns=["doc.spans", "doc._.figures", "span._.figure"])
def make_figures(nlp: Language, name: str, spans_key: str, extractor: Extractor) -> FiguresComponent:
    return FiguresComponent(extractor=extractor, spans_key=spans_key)


@Language.factory(NER_FACTORY, default_config={"set_tags": True, "exact": False},
                  assigns=["doc.ents", "doc._.entities", "token.tag", "token.ent_iob", "token.ent_type"])
def make_ner(nlp: Language, name: str, set_tags: bool, exact: bool) -> NerComponent:
    return NerComponent(set_tags=set_tags, exact=exact)
