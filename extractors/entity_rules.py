"""Entities researchers can use: places from the gazetteer first, organisations with their
regular Vietnamese heads, and underthesea's NER for the rest, with its known errors removed.

WHY: measured on public news NER gold, underthesea's places are mostly wrong (one in six is
a date or a number such as `năm 2014`, one in four an organisation) and it finds few
organisations. Administrative names are a closed list (the gazetteer), and organisations
have regular heads (`Ủy ban nhân dân tỉnh X`, `Sở Y tế`, `Hội Liên hiệp Phụ nữ`), so both are
found by rule; what NER still offers is kept only when it does not contradict them.
Vocabulary lives in data/entities.yaml.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pydantic import BaseModel, ConfigDict

from vnfigures.schemas import Entity, EntityLabel, read_data

from .gazetteer import place_words
from .lexicon import alternation, nfc_tree
from .places import NO_PROVINCE, UPPERCASE, PlaceMention, find_places

#: Place levels that are places in their own right (a bare district name needs context).
_PLACE_LEVELS = frozenset({"province", "city", "district", "ward", "below_ward", "foreign"})
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


class EntityWords(BaseModel):
    """extractors/data/entities.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    organisation_words: list[str]
    time_words: list[str]
    organisation_heads: list[str]


@cache
def entity_words() -> EntityWords:
    return EntityWords.model_validate(nfc_tree(read_data("vnfigures.extractors", "data/entities.yaml")))


@cache
def _starts_re(kind: str) -> re.Pattern[str]:
    words = getattr(entity_words(), kind)
    return re.compile(rf"(?:{alternation(words)})(?!\w)", re.IGNORECASE)


@cache
def _head_re() -> re.Pattern[str]:
    """An organisation head (case as written: heads are capitalized names)."""
    return re.compile(rf"(?<!\w)(?:{alternation(entity_words().organisation_heads)})(?!\w)")


@cache
def _bare_unit_re() -> re.Pattern[str]:
    """A unit word with no name after it (`Công an tỉnh đã ...`)."""
    units = [w for level in ("province", "city", "district", "ward") for w in place_words().unit_words[level]
             if "." not in w]
    return re.compile(rf"\s+(?:{alternation(units)})(?!\w)(?!\s+[{UPPERCASE}])")


def refine_entities(text: str, ner: Sequence[Entity]) -> list[Entity]:
    """The article's entities: rule organisations, gazetteer places, then the NER entities
    that overlap neither, corrected (a place that is a date is dropped, one that starts with
    an organisation word is an organisation) and trimmed of edge punctuation."""
    places = find_places(text)
    chosen = _organisations(text, places)
    for p in places:
        if p.level in _PLACE_LEVELS:
            _add(chosen, Entity(text=p.text, start=p.start, end=p.end, label=EntityLabel.LOC))
    for e in ner:
        fixed = _corrected(text, e)
        if fixed is not None:
            _add(chosen, fixed)
    return sorted(chosen, key=lambda e: e.start)


def _organisations(text: str, places: Sequence[PlaceMention]) -> list[Entity]:
    """`head` + the place right after it, if any (`Công an tỉnh Cà Mau`, `Công an tỉnh`)."""
    by_start = {p.start: p for p in places if p.level not in NO_PROVINCE or p.level == "national"}
    out: list[Entity] = []
    for m in _head_re().finditer(text):
        end = m.end()
        nxt = re.match(r"\s+", text[end:])
        place = by_start.get(end + (nxt.end() if nxt else 0))
        if place is not None and (place.level != "national" or text[place.start:place.end] == "Việt Nam"):
            end = place.end
        else:
            unit = _bare_unit_re().match(text, end)
            end = unit.end() if unit else end  # `Công an tỉnh`: the province the article is about
        _add(out, Entity(text=text[m.start():end], start=m.start(), end=end, label=EntityLabel.ORG))
    return out


def _corrected(text: str, e: Entity) -> Entity | None:
    """A NER entity with its edges trimmed and its known mistakes fixed, or None to drop it."""
    lead = len(_EDGE.match(e.text).group(0)) if _EDGE.match(e.text) else 0
    tail = _EDGE.search(e.text[lead:])
    end = e.end - (len(tail.group(0)) if tail else 0)
    start = e.start + lead
    if end <= start:
        return None
    label = e.label
    span = text[start:end]
    if label is EntityLabel.LOC:
        if _starts_re("time_words").match(span) or not any(w[:1].isupper() for w in span.split()):
            return None  # `năm 2017`, `ngày 4/7`, `công tác thiện nguyện`
        if _starts_re("organisation_words").match(span):
            label = EntityLabel.ORG
    return Entity(text=span, start=start, end=end, label=label)


def _add(chosen: list[Entity], e: Entity) -> None:
    """Keep `e` unless it overlaps an entity already chosen (earlier sources win)."""
    if not any(e.start < c.end and c.start < e.end for c in chosen):
        chosen.append(e)
