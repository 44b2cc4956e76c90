"""The vocabulary of the entity rules (data/entities.yaml), loaded and validated once, and the
patterns built from it. WHY a module of its own: the rules for places and organisations
(entity_rules) and for people (entity_people) read the same word lists."""
from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict

from vnfigures.schemas import read_data

from .lexicon import alternation, nfc_tree

WORD_RE = re.compile(r"\S+")


class EntityWords(BaseModel):
    """extractors/data/entities.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    organisation_words: list[str]
    time_words: list[str]
    organisation_heads: list[str]
    placed_organisation_heads: list[str]
    document_words: list[str]
    occasion_words: list[str]
    person_titles: list[str]
    role_words: list[str]
    place_heads: list[str]
    not_place_heads: list[str]
    surname_organisation_words: list[str]
    one_syllable_places: list[str]
    surnames: list[str]
    middle_names: list[str]
    person_posts: list[str]
    acronym_places: list[str]
    state_forms: list[str]
    world_regions: list[str]
    unnumbered_place_heads: list[str]


@cache
def entity_words() -> EntityWords:
    return EntityWords.model_validate(nfc_tree(read_data("vnfigures.extractors", "data/entities.yaml")))


@cache
def starts_re(kind: str) -> re.Pattern[str]:
    words = getattr(entity_words(), kind)
    return re.compile(rf"(?:{alternation(words)})(?!\w)", re.IGNORECASE)
