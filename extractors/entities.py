"""Named entities from underthesea's NER tags: IOB tags over words -> `Entity` records.

WHY a module of its own: the NER model tags words (B-PER, I-PER, B-LOC, B-MISC, O ...); the
project keeps people, organisations and places (MISC is too mixed to use) as character spans of
the article text, which is what both `Article.entities` and spaCy's `doc.ents` need.
"""
from __future__ import annotations

from collections.abc import Sequence

from vnfigures.schemas import Entity, EntityLabel

KEPT_LABELS: frozenset[str] = frozenset(label.value for label in EntityLabel)
"""underthesea NER classes we keep (PER, ORG, LOC); MISC and anything unknown is dropped."""


def iob_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Group IOB tags into `(label, first word, end word exclusive)`, kept labels only.

    An `I-X` that does not continue an `X` entity starts a new one (the CRF is not constrained).
    >>> iob_spans(["B-PER", "I-PER", "O", "I-LOC", "B-MISC", "B-ORG", "B-ORG"])
    [('PER', 0, 2), ('LOC', 3, 4), ('ORG', 5, 6), ('ORG', 6, 7)]
    """
    spans: list[tuple[str, int, int]] = []
    label: str | None = None
    start = 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            if label in KEPT_LABELS:
                spans.append((label, start, i))
            label = None
        if prefix in ("B", "I") and not continues:
            label, start = kind, i
    return spans


def entities_from_words(text: str, word_spans: Sequence[tuple[int, int]],
                        tags: Sequence[str]) -> list[Entity]:
    """`Entity` records of one sentence, given each word's character span in `text`."""
    return [
        Entity(text=text[word_spans[a][0]:word_spans[b - 1][1]], start=word_spans[a][0],
               end=word_spans[b - 1][1], label=EntityLabel(label))
        for label, a, b in iob_spans(tags)
    ]
