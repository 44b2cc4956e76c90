"""The modality cue table (`data/modality.yaml`), validated on load, and its regexes.

Kept apart from the decision (`modality.py`) so that the table can grow as data: a new cue is a
line of YAML with the scope its group documents, never a new branch of code.
"""
from __future__ import annotations

import re
from functools import cache

from pydantic import field_validator

from .lexicon import nfc_tree, _read_yaml, _Strict, alternation_or_never, word_re, word_set


class ModalityCues(_Strict):
    """Cue words with their scopes (ANNOTATION.md §7 Modality); see `modality.yaml`."""

    target_cues: list[str]
    target_patterns: list[str] = []
    fact_cues: list[str]
    relative_fact_heads: list[str] = []
    relative_fact_cues: list[str] = []
    requirement_cues: list[str] = []
    contrast_fact_leads: list[str] = []
    contrast_fact_verbs: list[str] = []
    passive_cues_after: list[str] = []
    programme_heads: list[str] = []
    contents_words: list[str] = []
    fact_patterns: list[str]
    not_cues: list[str] = []
    not_cue_patterns: list[str] = []
    name_heads: list[str]
    noun_cues: list[str] = []
    reference_heads: list[str] = []
    credit_words: list[str] = []
    clause_breaks: list[str] = []
    opening_leads: list[str] = []
    carry_cues: list[str] = []
    carry_continuations: list[str] = []
    change_verbs: list[str] = []
    change_ends: list[str] = []
    change_summary_leads: list[str] = []
    change_own_times: list[str] = []
    weak_cues: list[str] = []
    opening_only_cues: list[str] = []
    event_condition_leads: list[str] = []
    condition_events: list[str] = []
    rule_weak_cues: list[str] = []
    habit_weak_cues: list[str] = []
    habit_rate_periods: list[str] = []
    fact_weak_cues: list[str] = []
    computation_cues: list[str] = []
    computed_weak_cues: list[str] = []
    dated_result_verbs: list[str] = []
    horizon_cues: list[str] = []
    future_after: list[str] = []
    future_after_not: list[str] = []
    breakdown_openers: list[str] = []
    specification_openers: list[str] = []
    purchase_verbs: list[str] = []
    price_words: list[str] = []
    currency_words: list[str] = []
    rule_cues: list[str] = []
    rule_condition_cues: list[str] = []
    rule_back_refs: list[str] = []
    rule_issue_verbs: list[str] = []
    rule_objects: list[str] = []
    provision_cues: list[str] = []
    habit_cues: list[str] = []
    place_prepositions: list[str] = []
    place_units: list[str] = []
    place_relatives: list[str] = []
    plan_area_verbs: list[str] = []
    plan_area_leads: list[str] = []
    transfer_verbs: list[str] = []
    transfer_not_compounds: list[str] = []
    transfer_leads: list[str] = []
    unit_definition_heads: list[str] = []
    cues_after: list[str]
    facts_after: list[str] = []
    fact_after_leads: list[str] = []
    facts_adjacent: list[str] = []
    earlier_year_leads: list[str] = []
    cues_adjacent: list[str]
    cues_adjacent_not_after: list[str] = []
    cues_adjacent_compounds: list[str] = []
    question_cues: list[str] = []
    revision_cues: list[str] = []
    list_item_pattern: str = r"(?!)"

    @field_validator("list_item_pattern")
    @classmethod
    def _item_compiles(cls, pattern: str) -> str:
        cls._compiles([pattern])
        return pattern

    @field_validator("fact_patterns", "not_cue_patterns", "target_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for rx in patterns:
            try:
                re.compile(rx)
            except re.error as exc:
                raise ValueError(f"pattern {rx!r} does not compile: {exc}") from exc
        return patterns


@cache
def modality_cues() -> ModalityCues:
    """The validated modality cue table."""
    return ModalityCues.model_validate(nfc_tree(_read_yaml("modality.yaml")))


def words_re(words: list[str]) -> re.Pattern[str]:
    """Any of `words` as whole words, case-insensitive, as group 1 (never matches when `words` is empty)."""
    return word_re(words, group=True)


@cache
def target_re() -> re.Pattern[str]:
    return words_re(modality_cues().target_cues)


@cache
def target_pattern_re() -> re.Pattern[str]:
    """Target cues that are phrases of a shape, not fixed words (`Đáp ứng được điều này thì`,
    `Diện tích cần hỗ trợ`): one expression, the whole match is the cue."""
    patterns = "|".join(f"(?:{p})" for p in modality_cues().target_patterns)
    return re.compile(patterns or "(?!)", re.IGNORECASE)


@cache
def relative_fact_re() -> re.Pattern[str]:
    """A preposition and its noun phrase right before a fact cue (`ngoài những hộ đã`, `cho các hộ
    vừa`): the cue then stands in a modifier of that noun, not in the clause's predicate."""
    c = modality_cues()
    head = alternation_or_never(c.relative_fact_heads)
    return re.compile(rf"(?<!\w)(?:{head})(?:[ \t]+[\w.,]+){{1,4}}[ \t]+$", re.IGNORECASE)


@cache
def programme_contents_re() -> re.Pattern[str]:
    """A sentence opening with a programme and its contents word before `:` (`Chương trình gồm:`,
    `Đề án hỗ trợ sinh kế bao gồm:`), matched at the sentence start."""
    c = modality_cues()
    head = alternation_or_never(c.programme_heads)
    contents = alternation_or_never(c.contents_words)
    return re.compile(rf"[\s\W]*(?:{head})(?!\w)(?:[ \t]+[^\W\d_]+){{0,6}}?[ \t]+(?:{contents})[ \t]*:",
                      re.IGNORECASE)


@cache
def relative_fact_cues() -> frozenset[str]:
    return word_set(modality_cues().relative_fact_cues)


@cache
def fact_re() -> re.Pattern[str]:
    """Fact cue words and fact patterns in one expression (group 1 is set for words only)."""
    c = modality_cues()
    patterns = "|".join(f"(?:{p})" for p in c.fact_patterns)
    words = words_re(c.fact_cues).pattern
    return re.compile(f"{words}|{patterns}" if patterns else words, re.IGNORECASE)


@cache
def not_cue_re() -> re.Pattern[str]:
    """Not-cue words and not-cue patterns (a plan reached, with its modifiers) in one expression."""
    c = modality_cues()
    words = words_re(c.not_cues).pattern
    patterns = "|".join(f"(?:{p})" for p in c.not_cue_patterns)
    return re.compile(f"{words}|{patterns}" if patterns else words, re.IGNORECASE)


@cache
def list_item_re() -> re.Pattern[str]:
    """The mark that opens an item line of a list (`- `, `+ `, `• `, `1. `, `a) `)."""
    return re.compile(modality_cues().list_item_pattern)


@cache
def clause_break_re() -> re.Pattern[str]:
    return words_re(modality_cues().clause_breaks)


@cache
def opening_lead_re() -> re.Pattern[str]:
    """An introductory phrase at the start of a region, up to and with its comma."""
    lead = alternation_or_never(modality_cues().opening_leads)
    return re.compile(rf"\s*[\W]*(?:{lead})(?!\w)[^,;:]*,", re.IGNORECASE)


@cache
def event_condition_re() -> re.Pattern[str]:
    """A condition on a hazard or event (`Khi có lũ lớn`, `Mỗi khi có bão`): a lead, then an event word."""
    c = modality_cues()
    lead = alternation_or_never(c.event_condition_leads)
    event = alternation_or_never(c.condition_events)
    return re.compile(rf"(?<!\w)(?:{lead})\s+(?:{event})(?!\w)", re.IGNORECASE)


@cache
def weak() -> frozenset[str]:
    return word_set(modality_cues().weak_cues)


@cache
def opening_only() -> frozenset[str]:
    return word_set(modality_cues().opening_only_cues)


@cache
def rule_weak() -> frozenset[str]:
    return word_set(modality_cues().rule_weak_cues)


@cache
def habit_weak() -> frozenset[str]:
    return word_set(modality_cues().habit_weak_cues)


@cache
def habit_rate_re() -> re.Pattern[str]:
    """A figure's span ending in a rate per period (`100 triệu đồng/năm`), matched at its end."""
    periods = alternation_or_never(modality_cues().habit_rate_periods)
    return re.compile(rf"/\s*(?:{periods})\s*$", re.IGNORECASE)


@cache
def fact_weak() -> frozenset[str]:
    return word_set(modality_cues().fact_weak_cues)


@cache
def computed_weak() -> frozenset[str]:
    return word_set(modality_cues().computed_weak_cues)


@cache
def computation_re() -> re.Pattern[str]:
    return words_re(modality_cues().computation_cues)


@cache
def dated_result_re() -> re.Pattern[str]:
    return words_re(modality_cues().dated_result_verbs)


def _opening_re(words: list[str], after: str) -> re.Pattern[str]:
    """A sentence opening with one of `words` (past any leading punctuation or quote), then
    `after`; matched at the sentence's start."""
    return re.compile(rf"[\s\W]*(?:{alternation_or_never(words)}){after}", re.IGNORECASE)


@cache
def continuation_re() -> re.Pattern[str]:
    """A sentence opening with a word of `carry_continuations` (`Còn một số ngành ...`)."""
    return _opening_re(modality_cues().carry_continuations, r"(?!\w)")


@cache
def specification_re() -> re.Pattern[str]:
    """A sentence opening with a word of `specification_openers` (`Cụ thể đến năm 2030, …`),
    the match running past the spaces and comma after it."""
    return _opening_re(modality_cues().specification_openers, r"(?!\w)[\s,]*")


@cache
def breakdown_re() -> re.Pattern[str]:
    """A sentence opening with a breakdown word and a comma (`Trong đó, ...`)."""
    return _opening_re(modality_cues().breakdown_openers, r"[ \t]*,")


@cache
def horizon_year_re() -> re.Pattern[str]:
    """A horizon cue and the year written right after it (`đến cuối năm 2015`): group `year`."""
    cues = alternation_or_never(modality_cues().horizon_cues)
    return re.compile(rf"(?:{cues})\s*(?:năm\s+)?(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)


@cache
def purchase_re() -> re.Pattern[str]:
    """A verb of buying done right after a cue (`có thể mua được`), matched at the cue's end."""
    verbs = alternation_or_never(modality_cues().purchase_verbs)
    return re.compile(rf"\s+(?:{verbs})(?!\w)", re.IGNORECASE)


@cache
def price_re() -> re.Pattern[str]:
    """A price named in a sentence: a price word (`giá`) or an amount of money (`20.000 đồng`,
    `5 triệu đồng`: a number, at most one word, a currency word)."""
    c = modality_cues()
    words = alternation_or_never(c.price_words)
    money = alternation_or_never(c.currency_words)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)|\d[\d.,]*[ \t]*(?:[^\W\d_]+[ \t]+)?(?:{money})(?!\w)",
                      re.IGNORECASE)


@cache
def rule_re() -> re.Pattern[str]:
    return words_re(modality_cues().rule_cues)


@cache
def rule_back_ref_re() -> re.Pattern[str]:
    """A back-reference to a document opening a sentence (`Theo đó,`), matched at its start."""
    refs = alternation_or_never(modality_cues().rule_back_refs)
    return re.compile(rf"[\s\W]*(?:{refs})\s*,", re.IGNORECASE)


@cache
def rule_issue_re() -> re.Pattern[str]:
    return words_re(modality_cues().rule_issue_verbs)


@cache
def rule_object_re() -> re.Pattern[str]:
    return words_re(modality_cues().rule_objects)


@cache
def rule_condition() -> frozenset[str]:
    return word_set(modality_cues().rule_condition_cues)


@cache
def provision_re() -> re.Pattern[str]:
    """A rule cue or a word of a rule's provision (`khai thuế`), for a condition's own clause."""
    c = modality_cues()
    return words_re([*c.rule_cues, *c.provision_cues])


@cache
def habit_re() -> re.Pattern[str]:
    return words_re(modality_cues().habit_cues)


@cache
def carry() -> frozenset[str]:
    return word_set(modality_cues().carry_cues)


@cache
def change_frame_re() -> re.Pattern[str]:
    """A change stated with its two ends (`tăng giá vé từ 70.000 đồng/lượt lên 110.000`): the
    verb (group `verb`), up to three words, `từ`, the old value (within its clause: no `;`), the new end's
    word and the new value's digit."""
    c = modality_cues()
    verb = alternation_or_never(c.change_verbs)
    ends = alternation_or_never(c.change_ends)
    return re.compile(rf"(?<!\w)(?P<verb>{verb})(?:\s+[^\W\d_]+){{0,3}}?\s+từ\s+[^;!?\n]{{1,60}}?"
                      rf"(?<!\w)(?:{ends})\s+(?:mức\s+)?\d", re.IGNORECASE)


@cache
def change_summary_re() -> re.Pattern[str]:
    """A sentence summing up a change (`Như vậy, mức phí tăng cao nhất đến 77%`): its lead at the
    sentence start, then the change verb (group `verb`) later in its first clause."""
    c = modality_cues()
    lead = alternation_or_never(c.change_summary_leads)
    verb = alternation_or_never(c.change_verbs)
    return re.compile(rf"[\s\W]*(?:{lead})(?!\w)[^;:!?]*?(?<!\w)(?P<verb>{verb})(?!\w)", re.IGNORECASE)


@cache
def change_own_time_re() -> re.Pattern[str]:
    """A time of a sentence's own (`Năm 2024`, `tháng 1/2024`, a bare year `2024`): the sentence frames a
    statement of its own and continues no planned change."""
    words = alternation_or_never(modality_cues().change_own_times)
    return re.compile(rf"(?<!\w)(?:{words})\s+\d|(?<![\d.,/])(?:19|20)\d\d(?![\d.,])", re.IGNORECASE)
