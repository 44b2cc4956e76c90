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
from collections.abc import Iterable
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vnfigures.schemas import CURRENCIES, Kind, read_data, unit_allowed

#: Regex class bodies for upper- and lower-case letters, Vietnamese ones included (`Đ`, `Ấ`,
#: `ư`): `A-Z`-style ranges cannot say it, since the accented capitals and small letters
#: alternate in Unicode's Latin Extended Additional block.
UPPERCASE = "A-Z" + "".join(chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isupper())
LOWERCASE = "a-z" + "".join(chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).islower())


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


class NounBeforeVerbs(_Strict):
    """A lone number word that is a noun between a word `before` it and a verb of `verbs` at
    most `gap` words after it (`có năm người dân bán được giá`: "in some years")."""
    before: list[str]
    gap: int = Field(ge=0, le=6)
    verbs: list[str]


class NumberWords(_Strict):
    """Number words and scale words (`number_words.yaml`)."""

    digits: dict[str, DigitWord]
    ten_words: list[str]
    tens_multipliers: list[str]
    hundred_words: list[str]
    joiners: list[str]
    zero_words: list[str]
    hundred_alone_after: list[str]
    alone_words: list[str]
    thousand_money_nouns: list[str] = []
    noun_after: dict[str, list[str]]
    noun_before_verbs: dict[str, NounBeforeVerbs] = {}
    half_words: list[str]
    half_before: list[str] = []
    scales: dict[str, int]
    multiples: dict[str, Decimal]
    multiple_cues: list[str]
    fraction_words: list[str]
    not_scale_before: list[str] = []
    scale_glued_units: list[str]
    glued_scales: dict[str, int] = {}
    glued_scales_need_money: list[str] = []
    glued_scales_not_after: list[str] = []
    million_slang: list[str] = []
    date_cues: list[str]
    day_cues: list[str]
    month_cues: list[str]
    year_before: list[str]
    fraction_counted_nouns: list[str]
    fraction_cues: list[str] = []
    fraction_nouns_after: list[str] = []
    range_separators: list[str]
    between_words: dict[str, list[str]]
    step_separators: list[str]
    step_words: dict[str, list[str]]
    list_separators: list[str]
    alternative_separators: list[str]
    share_separators: list[str]

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
    #: the unit counts only when one of these words is in the sentence (`2 chỉ` beside `vàng`)
    needs_word: list[str] = []
    #: the kind when counted as a building (a `building_cues` word in its clause): a school or
    #: clinic is an institution (`other`) unless built or damaged (`infrastructure`, ANNOTATION.md
    #: §7); `nóc nhà` counts households in a village, dwellings when roofs are torn off (`houses`)
    as_building: Kind | None = None
    #: the unit counts whatever noun of these kinds its clause names before the number
    #: (`khách du lịch đạt 2,67 triệu lượt` counts people), else its own `kind`
    kind_from_clause: list[Kind] = []
    #: after one of these nouns the figure names a class, not a quantity (`trạm 110kV`, §7)
    label_after: list[str] = []

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
    look_through: list[str] = []
    #: classifiers that, with no noun of their own after them, count the dwelling or work the
    #: sentence named before (`Nhà bị sập: 25 cái` counts houses)
    lone_classifiers: list[str] = []
    #: words after a lone classifier that name no thing of their own (`27 chiếc khác`, `7 ngôi bị sập`)
    lone_classifier_fillers: list[str] = []
    #: things of kind `other` those classifiers count too (`tàu cá bị chìm 5 chiếc`)
    lone_classifier_others: list[str] = []
    ambiguous_currencies: list[str] = []

    @field_validator("currencies")
    @classmethod
    def _known_codes(cls, currencies: dict[str, str]) -> dict[str, str]:
        """Checked against the schema's codes; each code is also a surface of itself."""
        unknown = {code for code in currencies.values() if code not in CURRENCIES}
        if unknown:
            raise ValueError(f"currency codes not in vnfigures.schemas.CURRENCIES: {sorted(unknown)}")
        return {code.lower(): code for code in currencies.values()} | {nfc(k): v for k, v in currencies.items()}

    @property
    def currency_signs(self) -> dict[str, str]:
        """The surfaces that are signs, not words (`$`, `€`, `US$`): written before a number too."""
        return {k: v for k, v in self.currencies.items() if not k.isalpha()}

    @property
    def currency_codes(self) -> list[str]:
        """The ISO codes the table knows, as written in capitals (`USD 5 triệu`)."""
        return sorted(set(self.currencies.values()))


class Cues(_Strict):
    """Qualifier and exclusion cue words (`cues.yaml`; modality cues: `modality.yaml`)."""

    qualifiers_before: dict[str, list[str]]
    qualifiers_after: dict[str, list[str]]
    qualifier_signs: dict[str, str] = {}
    comparatives: list[str] = []
    size_grades: list[str]
    dot_abbreviations: list[str] = []
    locative_surfaces: list[str] = []
    on_verbs: list[str] = []
    locative_not_after: list[str] = []
    comparison_after: list[str] = []
    approx_governing: list[str]
    approx_governing_not: list[str]
    emphasis: list[str]
    qualifier_fillers: list[str]
    qualifier_compounds: list[str]
    not_figure_before: list[str]
    not_figure_before_weak: list[str]
    place_parts: dict[str, list[str]] = {}
    not_figure_before_cs: list[str]
    not_figure_before_exempt: list[str]
    not_figure_patterns: dict[str, list[str]]
    weak_patterns_before_cs: list[str] = []
    not_figure_after: list[str]
    indefinite_before: list[str]
    negative_before: list[str]
    negative_signs: list[str]
    function_words: list[str]
    predicate_openers: list[str] = []
    not_nouns_after_bare: list[str] = []
    ordinal_before_bare: list[str] = []
    idioms: list[str]
    idiom_exceptions: list[str] = []
    sides: dict[str, list[str]] = {}
    comparison_cues: list[str] = []
    comparative_adjectives: list[str] = []
    bare_number_before: list[str]
    central_provinces: list[str]
    north_provinces: list[str]
    money_subject_heads: list[str]
    non_dwelling_owners: list[str]
    per_words: list[str]
    per_quantity_words: list[str]
    per_quantity_units: list[str]
    money_subject_after: list[str]
    money_verbs: list[str] = []
    money_verb_fillers: list[str] = []
    breakdown_openers: list[str] = []
    counted_before: list[str]
    counted_links: list[str]
    owner_links: list[str]
    building_cues: list[str]
    one_counts_after: list[str]
    months_paid: dict[str, list[str]] = {}
    one_tally_not_after: list[str]
    one_tally_groups: list[list[Kind]]
    class_label_before: dict[Kind, list[str]]

    @field_validator("not_figure_patterns")
    @classmethod
    def _compiles(cls, patterns: dict[str, list[str]]) -> dict[str, list[str]]:
        for where, regexes in patterns.items():
            if where not in ("before", "at"):
                raise ValueError(f"not_figure_patterns: unknown place {where!r} (before|at)")
            for rx in regexes:
                re.compile(rx)
        return patterns


class Windows(_Strict):
    """Look-back windows of the readers, in characters (`windows.yaml`): one named setting each,
    so no bare `start - 40` hides in the code."""

    code_prefix: int = Field(gt=0)
    date_cue: int = Field(gt=0)
    day_cue: int = Field(gt=0)
    label: int = Field(gt=0)
    class_label: int = Field(gt=0)
    indefinite: int = Field(gt=0)
    hundred_alone: int = Field(gt=0)
    noun_after: int = Field(gt=0)
    currency_sign: int = Field(gt=0)
    negative_sign: int = Field(gt=0)
    sentence_mark: int = Field(gt=0)
    months_paid: int = Field(gt=0)
    one_counts: int = Field(gt=0)
    one_tally: int = Field(gt=0)
    one_of: int = Field(gt=0)
    money_head: int = Field(gt=0)
    counted_before: int = Field(gt=0)
    building_before: int = Field(gt=0)
    building_after: int = Field(gt=0)
    bare_cue: int = Field(gt=0)
    between_cue: int = Field(gt=0)
    step_opener: int = Field(gt=0)
    year_cue: int = Field(gt=0)
    clause_noun: int = Field(gt=0)
    lone_classifier: int = Field(gt=0)
    unit_compound: int = Field(gt=0)
    unit_before: int = Field(gt=0)
    thing_before: int = Field(gt=0)
    national_reference: int = Field(gt=0)
    standing_before: int = Field(gt=0)
    lead_sentences: int = Field(gt=0)
    abbreviation_before: int = Field(gt=0)
    quantity_before: int = Field(gt=0)
    term_around: int = Field(gt=0)
    event_dating_before: int = Field(gt=0)
    possession_before: int = Field(gt=0)
    clause_opening_before: int = Field(gt=0)
    year_head: int = Field(gt=0)
    route_before: int = Field(gt=0)
    standing_far_words: int = Field(gt=0)
    residence_before: int = Field(gt=0)
    firm_before: int = Field(gt=0)
    locative_before: int = Field(gt=0)
    programme_before: int = Field(gt=0)
    category_date: int = Field(gt=0)
    brand_before: int = Field(gt=0)
    qualifier_before: int = Field(gt=0)
    comparative: int = Field(gt=0)
    comparison_after: int = Field(gt=0)
    place_before: int = Field(gt=0)
    place_relative: int = Field(gt=0)
    need_before: int = Field(gt=0)
    fact_before: int = Field(gt=0)
    plan_area: int = Field(gt=0)
    passive_after_words: int = Field(gt=0)
    contrast_before: int = Field(gt=0)
    list_items: int = Field(gt=0)
    specified_goals: int = Field(gt=0)


@cache
def windows() -> Windows:
    """The validated look-back windows."""
    return Windows.model_validate(_read_yaml("windows.yaml"))


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
    return Cues.model_validate(nfc_tree(raw))


def word_set(*word_lists: Iterable[str]) -> frozenset[str]:
    """The words of the lists in lower case: the tables are matched case-insensitively, and a
    set built once (callers cache it) keeps a membership test off the per-number path."""
    return frozenset(w.lower() for words in word_lists for w in words)


@cache
def function_words() -> frozenset[str]:
    """Words that end a counted noun phrase (`và`, `của`, `được`, common verbs)."""
    return word_set(cues().function_words)


def nfc_tree(node: Any) -> Any:
    """A parsed data tree with every key and string in NFC (the text the extractors read is NFC)."""
    if isinstance(node, str):
        return nfc(node)
    if isinstance(node, list):
        return [nfc_tree(n) for n in node]
    if isinstance(node, dict):
        return {nfc(k): nfc_tree(v) for k, v in node.items()}
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


#: A character no Vietnamese text holds (a Unicode noncharacter), so a pattern made of it never matches.
NEVER = chr(0xFFFF)


def alternation_or_never(words: list[str] | set[str]) -> str:
    """`alternation(words)`, or a pattern that matches nothing when the list is empty.

    WHY: an empty alternation inside `(?:…)` matches the empty string everywhere, so a cue
    list emptied in a yaml file would quietly make its rule fire on every figure.
    """
    return alternation(words) or NEVER


@cache
def separator_re(name: str, spaced: bool = False) -> re.Pattern[str]:
    """The gap between two numbers made of one word of the `number_words.yaml` list `name`
    (`range_separators`, `step_separators`…); word separators need blanks around them when
    `spaced`."""
    gap = r"[ \t]+" if spaced else r"[ \t]*"
    entries = getattr(number_words(), name)
    words = [w for w in entries if w[:1].isalnum()]
    marked = [w for w in entries if w and not w[:1].isalnum()]  # `, thậm chí`: the comma is glued
    inner = rf"{gap}(?:{alternation(words)})" if words else r"(?!)"
    if marked:
        inner = rf"(?:{inner}|[ \t]*(?:{alternation(marked)}))"
    return re.compile(rf"{inner}{gap}", re.IGNORECASE)


def cue_before_re(words: list[str] | set[str], gap: str = r"\s*", group: bool = False,
                  ignore_case: bool = True) -> re.Pattern[str]:
    """A pattern for one of `words` ending where a number starts (after `gap`), not inside a
    longer word: the one builder of the "cue right before the number" patterns. With `group`,
    the cue is group 1.

    >>> cue_before_re(["vài", "dăm"], r"[ \t]+").search("có dăm ") is not None
    True
    """
    alt = alternation_or_never(words)
    cue = f"({alt})" if group else f"(?:{alt})"
    return re.compile(rf"(?:^|[^\w]){cue}{gap}$", re.IGNORECASE if ignore_case else 0)


def word_re(words: list[str] | set[str], group: bool = False) -> re.Pattern[str]:
    """A pattern for one of `words` standing as whole words (`ước` but not `ước mơ`'s part of
    `mong ước`…): the one builder of the "cue anywhere" patterns.

    >>> bool(word_re(["xây"]).search("được xây mới")), bool(word_re(["xây"]).search("xâyz"))
    (True, False)
    """
    alt = alternation_or_never(words)
    cue = f"({alt})" if group else f"(?:{alt})"
    return re.compile(rf"(?<!\w){cue}(?!\w)", re.IGNORECASE)
