"""Modality of a figure (ANNOTATION.md §7): the innermost cue scope that covers it.

Every cue of `data/modality.yaml` — plan, forecast and condition cues (target) and fact cues
(`đã`, `so với kế hoạch`: actual) — governs a scope: its clause, or the whole sentence, quote or
bracket when it opens them (`clauses.py`), or the next sentence of its paragraph for a carried
opening cue. A figure takes the modality of the nearest cue before it whose scope reaches it.
Cues written after the figure (`700 nhà sẽ được xây`), a need right before it (`cần 340 tỷ`), a
place preposition before a count of places (`tại 12 xã`: actual) and a question whether something
could be done govern just their figure or sentence.

>>> from .context import ArticleContext
>>> s = "Dự báo đêm nay mưa 40-90 mm; có nơi trên 150 mm."
>>> ctx = ArticleContext.build(s, None)
>>> [decide(ctx, s.index(n), s.index(n) + 2).value for n in ("40", "15")]
['target', 'target']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vnfigures.schemas import Modality

from .clauses import opens_region, region_of, scope_end
from .context import ArticleContext
from .lexicon import alternation, windows
from .modality_cues import (carry, fact_re, habit_re, habit_weak, modality_cues, not_cue_re, opening_only, rule_re,
                            rule_weak, target_re, weak, words_re)


@dataclass(frozen=True)
class Scope:
    """What one cue governs: from the cue to `end`, with the modality it gives."""

    start: int
    cue_end: int
    end: int
    modality: Modality
    cue: str
    opening: bool


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _in_name(text: str, start: int, cue: re.Match[str]) -> bool:
    """A cue inside a proper name (`Ban chỉ đạo`, `Sở Kế hoạch`, `phòng dự báo`) governs nothing."""
    before = text[start:cue.start()]
    if (cue.group(1)[0].isupper() and before.strip() and not re.search(r"[.!?:\n“\"‘(\[–-]\s*$", before)
            and not _credit_re().search(before)):
        return True
    prev = re.search(r"(\w+)\s+$", before)
    return bool(prev and prev.group(1) in _name_heads() and cue.group(1).lower() in _noun_cues())


@cache
def _credit_re() -> re.Pattern[str]:
    """A photo credit and its name words right before a cue (`Ảnh: Cao Cường `)."""
    words = alternation(modality_cues().credit_words) or chr(0xFFFF)
    return re.compile(rf"(?<!\w)(?:{words})\s*:\s*(?:[^\W\d_]+\s+){{1,4}}$")


@cache
def _name_heads() -> frozenset[str]:
    return frozenset(modality_cues().name_heads)


@cache
def _noun_cues() -> frozenset[str]:
    return frozenset(w.lower() for w in modality_cues().noun_cues)


def scopes(text: str, start: int, end: int, *, rate: bool = False) -> list[Scope]:
    """Every cue scope of the sentence text[start:end], in order of the cues.

    Fact cues are found first and masked, so `so với kế hoạch` is one fact cue and no plan cue;
    for a rate or price (`rate`), weak cues (conditions, abilities) govern nothing (§7).
    """
    masked = _mask(text, [(m.start(), m.end()) for m in not_cue_re().finditer(text, start, end)])
    facts = list(fact_re().finditer(masked, start, end))
    masked = _mask(masked, [(m.start(), m.end()) for m in facts])
    found: list[tuple[int, int, Modality, str]] = [
        (m.start(), m.end(), Modality.actual, m.group()) for m in facts]
    for m in target_re().finditer(masked, start, end):
        word = m.group(1).lower()
        if _in_name(masked, start, m) or (rate and word in weak()):
            continue
        if word in opening_only() and re.search(r"\w", masked[start:m.start()]):
            continue  # `2 trường hợp tử vong` counts cases; only an opening `Trường hợp …,` sets a condition
        if _under_rule(masked, start, m.start(), word):
            continue
        found.append((m.start(), m.end(), Modality.target, word))
    out: list[Scope] = []
    for a, b, modality, cue in sorted(found):
        region = region_of(text, start, end, a)
        first = not any(region[0] <= s.start for s in out)
        opening = first and opens_region(text, region, a, b)
        out.append(Scope(a, b, scope_end(text, start, end, a, b, opens=opening), modality, cue, opening))
    return out


def _under_rule(text: str, start: int, cue_start: int, word: str) -> bool:
    """A rule cue earlier in the sentence, or a habit cue earlier in the cue's own clause: the
    cue `word` then states a rule in force or a habit, not a plan (§7)."""
    if word in rule_weak() and rule_re().search(text, start, cue_start):
        return True
    clause = max(start, text.rfind(",", start, cue_start) + 1, text.rfind(";", start, cue_start) + 1)
    return word in habit_weak() and bool(habit_re().search(text, clause, cue_start))


def innermost(found: list[Scope], pos: int) -> Scope | None:
    """The scope of the nearest cue before `pos` that reaches it."""
    covering = [s for s in found if s.cue_end <= pos < s.end]
    return max(covering, key=lambda s: s.start) if covering else None


def carried(ctx: ArticleContext, sentence: tuple[int, int]) -> bool:
    """The sentence has no cue of its own and the previous sentence of its paragraph ends in
    the sentence scope of a carried cue (`Dự báo ... . Tổng lượng mưa cả đợt 200-300 mm`)."""
    prev = ctx.fine_previous(sentence[0])
    if prev is None or "\n" in ctx.text[prev[1]:sentence[0]] or scopes(ctx.text, *sentence):
        return False
    found = scopes(ctx.text, *prev)
    last = innermost(found, prev[1] - 1)
    opener = any(s.opening and s.cue in carry() and s.end >= prev[1] - 1 for s in found)
    return bool(opener and last and last.modality is Modality.target)


def decide(ctx: ArticleContext, start: int, end: int, preset: Modality | None = None, *,
           rate: bool = False, money: bool = False, step_first: bool = False) -> Modality:
    """The modality of the figure spanning start..end (its qualifier included).

    `preset` is a modality the figure's form fixed already (the state before a change `từ X
    xuống Y` is actual), which only a plan revision turns into a target.
    """
    text = ctx.text
    if preset is None and at_place(text, start, end):
        return Modality.actual
    sentence = ctx.fine_sentence(start)
    scope = innermost(scopes(text, *sentence, rate=rate), start)
    target = (scope.modality is Modality.target if scope else carried(ctx, sentence))
    if target and scope and _fact_clause_re().search(text, scope.cue_end, start) and fact_after(text, end):
        target = False  # `dự kiến có 300 hộ thoát nghèo, trong đó 120 hộ đã đăng ký`
    if target and scope and _fact_before_re().search(text, max(0, start - windows().fact_before), start):
        target = False  # `tại 12 xã có tổng diện tích tự nhiên 25.000 ha`: what exists
    if target and scope and earlier_year_clause(text, scope.start, start):
        target = False  # `phấn đấu năm 2025 …, năm 2024 thu được 18.000 tỷ đồng`
    target = (target or target_after(text, end) or target_right_before(text, start, money=money)
              or hypothetical_question(text[sentence[0]:sentence[1]]))
    if preset is not None:
        if preset is Modality.actual and step_first and target and revises_plan(text, sentence[0], start):
            return Modality.target  # `kế hoạch ... tăng từ 8% lên 10%`: the old plan is a plan
        return preset
    return Modality.target if target else Modality.actual


@cache
def _place_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    c = modality_cues()
    before = re.compile(rf"(?<!\w)(?:{alternation(c.place_prepositions) or chr(0xFFFF)})[ \t]+$", re.IGNORECASE)
    unit = re.compile(rf"\d[ \t]*(?:{alternation(c.place_units) or chr(0xFFFF)})(?!\w)", re.IGNORECASE)
    return before, unit


def at_place(text: str, start: int, end: int) -> bool:
    """A count of places right after a place preposition: where a plan happens, not its output.

    >>> s = "Dự án dự kiến triển khai tại 12 xã"
    >>> at_place(s, s.index("12"), len(s)), at_place("sẽ hỗ trợ cho 12 xã", 14, 19)
    (True, False)
    """
    before, unit = _place_res()
    return bool(before.search(text, max(0, start - windows().place_before), start) and unit.search(text, start, end))


@cache
def _fact_clause_re() -> re.Pattern[str]:
    """A clause of its own up to the figure: after `;`, or opening with a part of the planned
    whole (`, trong đó`)."""
    lead = alternation(modality_cues().fact_after_leads) or chr(0xFFFF)
    return re.compile(rf"(?:;|,[ \t]*(?:{lead})(?!\w))[^,;]*$", re.IGNORECASE)


@cache
def _fact_before_re() -> re.Pattern[str]:
    cue = alternation(modality_cues().facts_adjacent) or chr(0xFFFF)
    return re.compile(rf"(?:^|[^\w])(?:{cue})[ \t]+(?:[^\W\d_]+[ \t]+){{0,3}}$", re.IGNORECASE)


@cache
def _year_clause_re() -> re.Pattern[str]:
    lead = alternation(modality_cues().earlier_year_leads) or chr(0xFFFF)
    return re.compile(rf"[,;][ \t]*(?:{lead})[ \t]+((?:19|20)\d\d)(?!\d)[^,;]*$", re.IGNORECASE)


def earlier_year_clause(text: str, cue_start: int, start: int) -> bool:
    """The figure's clause opens with a year earlier than one named after the plan cue: it
    reports a past year inside a plan's sentence.

    >>> s = "Tỉnh phấn đấu năm 2025 thu 20.000 tỷ đồng, năm 2024 thu được 18.000 tỷ đồng"
    >>> earlier_year_clause(s, 5, s.index("18.000")), earlier_year_clause(s, 5, s.index("20.000"))
    (True, False)
    """
    clause = _year_clause_re().search(text, cue_start, start)
    if clause is None:
        return False
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text[cue_start:clause.start()])]
    return bool(years) and int(clause.group(1)) < max(years)


@cache
def _fact_after_re() -> re.Pattern[str]:
    cue = alternation(modality_cues().facts_after) or chr(0xFFFF)
    return re.compile(rf"[ \t]+(?:[^\W\d_]+[ \t]+){{0,2}}?({cue})(?!\w)", re.IGNORECASE)


def fact_after(text: str, end: int) -> bool:
    """A fact cue within the three words after the figure, no punctuation between.

    >>> fact_after("trong đó 120 hộ đã đăng ký", 15), fact_after("120 hộ, đã", 6)
    (True, False)
    """
    return bool(_fact_after_re().match(text, end))


@cache
def _after_target_re() -> re.Pattern[str]:
    cue = alternation(modality_cues().cues_after)
    return re.compile(rf"[ \t]+(?:[^\W\d_]+[ \t]+){{0,2}}?({cue})(?!\w)", re.IGNORECASE)


def target_after(text: str, end: int) -> bool:
    """A plan cue within the three words after the figure, no punctuation between.

    >>> target_after("khoảng 700 nhà sẽ được xây", 14), target_after("700 nhà, sẽ", 7)
    (True, False)
    """
    return bool(_after_target_re().match(text, end))


@cache
def _adjacent_target_re(words: int) -> re.Pattern[str]:
    cue = alternation(modality_cues().cues_adjacent)
    gap = rf"(?:[^\W\d_]+[ \t]+){{0,{words}}}"
    return re.compile(rf"(?:^|[^\w])(?<!chỉ )(?<!Chỉ )({cue})(?![ \t]+(?:thiết|cù|mẫn)(?!\w))[ \t]+{gap}$",
                      re.IGNORECASE)


def target_right_before(text: str, start: int, money: bool = False) -> bool:
    """A need cue right before the figure (`Cần 340 tỷ đồng khắc phục`), or up to five
    syllables before an amount of money (`cần hỗ trợ khẩn cấp 200 tỷ đồng`): what is still
    needed is a target (§7); `chỉ cần 1 hộ` (it only takes one) and `cần thiết` are no need.

    >>> target_right_before("Cần 340 tỷ đồng", 4), target_right_before("chỉ cần 1 hộ", 8)
    (True, False)
    >>> target_right_before("cần hỗ trợ khẩn cấp 200 tỷ", 20, money=True)
    True
    """
    return bool(_adjacent_target_re(5 if money else 0).search(text, max(0, start - windows().need_before), start))


@cache
def _question_re() -> re.Pattern[str]:
    return words_re(modality_cues().question_cues)


def hypothetical_question(sentence: str) -> bool:
    """A question whether something could be done: its figures are possibilities (§7).

    >>> hypothetical_question("Căn hộ 100 - 200 triệu đồng cho người nghèo có khả thi?")
    True
    >>> hypothetical_question("Nhà giá rẻ chỉ 100 triệu đồng thực chất là thế nào?")
    False
    """
    return sentence.rstrip(" \t\"”’)").endswith("?") and bool(_question_re().search(sentence))


@cache
def _revision_re() -> re.Pattern[str]:
    return words_re(modality_cues().revision_cues)


def revises_plan(text: str, sentence_start: int, start: int) -> bool:
    """The clause revises a plan (`giao bổ sung kế hoạch tăng trưởng ... tăng từ 8% lên 10%`):
    the value before the change was a plan too, not a fact.

    >>> revises_plan("bổ sung kế hoạch tăng trưởng thêm 2%, tăng từ 8% lên 10%", 0, 47)
    True
    """
    return bool(_revision_re().search(text, sentence_start, start))
