"""Load and validate the extractor's language data (YAML files under `extractors/data/`).

Vocabularies live as data so that adding a unit, a classifier or a cue word is a one-line
change reviewed as data, not a new branch of code. Every file is validated by a Pydantic model
when first loaded, so a typo fails loudly at start-up instead of silently dropping matches.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vnfigures.schemas import CURRENCIES, Kind, read_data, unit_allowed


def _read_yaml(name: str) -> Any:
    """Read one data file of `extractors/data/` (validated by its model in the loaders below)."""
    return read_data("vnfigures.extractors", f"data/{name}")


def nfc(s: str) -> str:
    """NFC form of a vocabulary entry, so data typed in any normalization still matches."""
    return unicodedata.normalize("NFC", s)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DigitWord(_Strict):
    value: int = Field(ge=0, le=9)
    initial: bool = True


class NumberWords(_Strict):
    """Number words and scale words (`number_words.yaml`)."""

    digits: dict[str, DigitWord]
    ten_words: list[str]
    tens_multipliers: list[str]
    hundred_words: list[str]
    joiners: list[str]
    half_words: list[str]
    scales: dict[str, int]
    multiples: dict[str, Decimal]
    not_scale_before: list[str] = []
    date_cues: list[str]
    day_cues: list[str]
    fraction_counted_nouns: list[str]

    def all_words(self) -> set[str]:
        """Every word that may occur inside a spelled-out number."""
        return {*self.digits, *self.ten_words, *self.tens_multipliers, *self.hundred_words,
                *self.joiners, *self.half_words, *self.scales}


class UnitEntry(_Strict):
    """Words that name what a number counts, their kind and factor to the canonical unit.

    `measure` units (đồng, tấn, ha, %) are units proper: `một` before them is a figure.
    Classifiers and counted nouns (hộ, căn nhà, người) are not measures.
    `keep_noun`: the words after the unit still name the thing counted (tấn gạo -> gạo).
    """

    forms: list[str] = Field(min_length=1)
    kind: Kind
    factor: Decimal = Decimal(1)
    unit: str | None = None
    measure: bool = False
    keep_noun: bool = True
    case_sensitive: bool = False
    region_factor: dict[str, Decimal] | None = None

    @field_validator("forms")
    @classmethod
    def _normalize(cls, forms: list[str]) -> list[str]:
        return [nfc(f) for f in forms]

    @model_validator(mode="after")
    def _unit_fits_kind(self) -> Self:
        if self.unit is not None and not unit_allowed(self.kind, self.unit):
            raise ValueError(f"{self.forms[0]!r}: unit {self.unit!r} is not a unit of {self.kind.value}")
        if self.factor <= 0:
            raise ValueError(f"{self.forms[0]!r}: factor must be positive")
        return self


class UnitTable(_Strict):
    """All units and counted nouns (`units.yaml`)."""

    units: list[UnitEntry]
    currencies: dict[str, str]
    subject_drop: list[str]

    @field_validator("currencies")
    @classmethod
    def _known_codes(cls, currencies: dict[str, str]) -> dict[str, str]:
        unknown = {code for code in currencies.values() if code not in CURRENCIES}
        if unknown:
            raise ValueError(f"currency codes not in vnfigures.schemas.CURRENCIES: {sorted(unknown)}")
        return {nfc(k): v for k, v in currencies.items()}


class Cues(_Strict):
    """Qualifier, modality and exclusion cue words (`cues.yaml`)."""

    qualifiers_before: dict[str, list[str]]
    qualifiers_after: dict[str, list[str]]
    approx_governing: list[str]
    approx_governing_not: list[str]
    emphasis: list[str]
    qualifier_fillers: list[str]
    target_cues: list[str]
    target_breakers: list[str]
    target_breaker_patterns: list[str]
    weak_target_cues: list[str]
    target_cues_after: list[str]
    target_cues_adjacent: list[str]
    target_cue_compounds: list[str] = []
    hypothetical_question_cues: list[str] = []
    plan_revision_cues: list[str]
    name_heads: list[str]
    qualifier_compounds: list[str]
    not_figure_before: list[str]
    not_figure_before_weak: list[str]
    not_figure_before_cs: list[str]
    not_figure_before_exempt: list[str]
    not_figure_patterns: dict[str, list[str]]
    not_figure_after: list[str]
    indefinite_before: list[str]
    function_words: list[str]
    idioms: list[str]
    idiom_exceptions: list[str] = []
    bare_number_before: list[str]
    central_provinces: list[str]
    north_provinces: list[str]
    money_subject_heads: list[str]
    non_dwelling_owners: list[str]
    class_label_before: dict[Kind, list[str]]

    @field_validator("target_breaker_patterns")
    @classmethod
    def _breakers_compile(cls, patterns: list[str]) -> list[str]:
        for rx in patterns:
            re.compile(rx)
        return patterns

    @field_validator("not_figure_patterns")
    @classmethod
    def _compiles(cls, patterns: dict[str, list[str]]) -> dict[str, list[str]]:
        for where, regexes in patterns.items():
            if where not in ("before", "at"):
                raise ValueError(f"not_figure_patterns: unknown place {where!r} (before|at)")
            for rx in regexes:
                re.compile(rx)
        return patterns


@cache
def number_words() -> NumberWords:
    """The validated number-word table."""
    return NumberWords.model_validate(_read_yaml("number_words.yaml"))


@cache
def unit_table() -> UnitTable:
    """The validated unit and counted-noun table."""
    return UnitTable.model_validate(_read_yaml("units.yaml"))


@cache
def cues() -> Cues:
    """The validated cue-word table."""
    raw = _read_yaml("cues.yaml")
    return Cues.model_validate(_normalize_tree(raw))


def _normalize_tree(node: Any) -> Any:
    if isinstance(node, str):
        return nfc(node)
    if isinstance(node, list):
        return [_normalize_tree(n) for n in node]
    if isinstance(node, dict):
        return {nfc(k): _normalize_tree(v) for k, v in node.items()}
    return node


class TonePairs(_Strict):
    """`tone_marks.json`: old-style tone placement on oa/oe/uy and the modern one, every case.

    The one table of the rule: the normalize step rewrites text with it, and the lexicons
    accept both placements with it (`tone_variants`).
    """

    comment: str | None = Field(default=None, alias="_comment")
    pairs: dict[str, str] = Field(min_length=1)


@cache
def tone_pairs() -> dict[str, str]:
    """Old-style -> modern tone placement (`hoà` -> `hòa`), as `tone_marks.json` lists it."""
    return TonePairs.model_validate(_read_yaml("tone_marks.json")).pairs


def tone_variants(word: str) -> set[str]:
    """`word` with the tone mark on either vowel of oa/oe/uy (`hóa` and `hoá`).

    >>> sorted(tone_variants("văn hóa"))
    ['văn hoá', 'văn hóa']
    """
    out = {word}
    for old, new in tone_pairs().items():
        if old != old.lower():
            continue  # vocabulary is matched case-insensitively: the lowercase pairs suffice
        for w in list(out):
            if old in w:
                out.add(w.replace(old, new))
            if new in w:
                out.add(w.replace(new, old))
    return out


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of `words` and their tone variants, longest first, spaces matching
    any run of blanks."""
    expanded = {v for w in words if w for v in tone_variants(w)}
    ordered = sorted(expanded, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
