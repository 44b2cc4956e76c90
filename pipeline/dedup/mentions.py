"""`mention_of`: a quantity repeated later in an article points at its first mention.

Every mention stays a figure (gold annotates each one), but a sum over an article must count
the quantity once. Two figures are mentions of one quantity when they agree on kind, unit,
value, value_max, modality and the head of their subject — the first word of `subject`, as
the tokenizer splits it (`học sinh` of `học sinh nghèo`), so `115 hộ nghèo` and `115 hộ` are
one quantity while `115 hộ` and `115 học sinh` are two.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from vnfigures.schemas import Figure


def subject_head(figure: Figure, doc: Any = None) -> str:
    """The first word of the figure's subject, lower-cased ('' when it has none).

    With the article's spaCy `Doc`, a subject written inside the figure's span is read from
    its tokens (multi-syllable words stay whole); otherwise its first syllable is used.
    """
    subject = figure.subject.strip()
    if not subject:
        return ""
    at = figure.text.find(subject)
    if doc is not None and at >= 0:
        start = figure.start + at
        span = doc.char_span(start, start + len(subject), alignment_mode="expand")
        if span is not None and len(span):
            return span[0].text.lower()
    return subject.split()[0].lower()


def _key(figure: Figure, doc: Any) -> Hashable:
    return (figure.kind, figure.unit, figure.value, figure.value_max, figure.modality, subject_head(figure, doc))


def mark_mentions(figures: Sequence[Figure], doc: Any = None) -> list[Figure]:
    """The figures with `mention_of` set: null for a first mention, else its first mention's ordinal."""
    first: dict[Hashable, int] = {}
    marked: list[Figure] = []
    for ordinal, figure in enumerate(figures):
        origin = first.setdefault(_key(figure, doc), ordinal)
        mention_of = None if origin == ordinal else origin
        marked.append(figure if figure.mention_of == mention_of else figure.model_copy(update={"mention_of": mention_of}))
    return marked
