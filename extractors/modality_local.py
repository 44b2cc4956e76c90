"""Cues that govern one figure, not a scope (ANNOTATION.md §7 Modality).

`modality.py` decides a figure from the cue scopes of its sentence; the cues here look only at
the words right around the figure and correct that decision: a place preposition before a count
of places (`tại 12 xã`: where a plan happens), a fact right after the figure in a clause of its
own (`…, trong đó 120 hộ đã đăng ký`), what exists right before it (`diện tích tự nhiên 25.000
ha`), an earlier year opening its clause, a plan cue right after it (`700 nhà sẽ được xây`), a
need right before it (`cần 340 tỷ`), a question whether it could be done, a plan revised.
Their words live in `data/modality.yaml`, their look-backs in `data/windows.yaml`.
"""
from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, alternation_or_never, word_set, windows
from .modality_cues import modality_cues, words_re


def local_fact(text: str, cue_start: int, cue_end: int, start: int, end: int) -> bool:
    """The figure at start..end is a fact although the plan cue at cue_start..cue_end covers it:
    a fact cue after it in a clause of its own, what exists right before it, the area the plan is
    carried out over, a land unit's size in a bracket after it, or an earlier year opening its clause."""
    return bool((_fact_clause_re().search(text, cue_end, start) and fact_after(text, end))
                or _fact_before_re().search(text, max(0, start - windows().fact_before), start)
                or _place_relative_re().search(text, max(0, start - windows().place_relative), start)
                or _plan_area_re().search(text, max(0, start - windows().plan_area), start)
                or _transfer_area_re().search(text, max(0, start - windows().plan_area), start)
                or _unit_definition_re().search(text, max(0, start - windows().fact_before), start)
                or earlier_year_clause(text, cue_start, start))


@cache
def _unit_definition_re() -> re.Pattern[str]:
    """A bracket right after a bare regional land unit, giving its size (`trên 2 tấn/sào (500m2)`):
    the unit's definition, a standing fact whatever the sentence plans. After a count (`trồng 5 sào
    (khoảng 2.500 m2)`) the bracket restates that amount and takes its modality."""
    head = alternation_or_never(modality_cues().unit_definition_heads)
    return re.compile(rf"(?<![\d.,][ \t])(?<![\d.,])(?<!\w)(?:{head})[ \t]*\([ \t]*(?:(?:bằng|tương đương|=)[ \t]*)?$",
                      re.IGNORECASE)


@cache
def _plan_area_re() -> re.Pattern[str]:
    """A verb of carrying a plan out, then the area it covers right before the figure (`được thực
    hiện từ nay đến năm 2020, trên diện tích 22.000 ha`): where the plan happens, not its output."""
    c = modality_cues()
    verb = alternation_or_never(c.plan_area_verbs)
    lead = alternation_or_never(c.plan_area_leads)
    return re.compile(rf"(?<!\w)(?:{verb})(?!\w)[^.;:!?]*?(?<!\w)(?:{lead})[ \t]+$", re.IGNORECASE)


@cache
def _transfer_area_re() -> re.Pattern[str]:
    """A verb of selling or handing over, then the size of what it transfers right before the figure
    (`sẽ bán một số căn hộ chung cư ở Q.Sơn Trà có diện tích từ 50 - 55m2`): the thing exists, its
    size is a fact; `bán thâm canh`, `bán kính` are no selling. A dot inside a name (`Q.Sơn Trà`)
    ends no sentence."""
    c = modality_cues()
    verb = alternation_or_never(c.transfer_verbs)
    compounds = alternation_or_never(c.transfer_not_compounds)
    lead = alternation_or_never(c.transfer_leads)
    return re.compile(rf"(?<!\w)(?:{verb})(?!\w)(?![ \t]+(?:{compounds})(?!\w))(?:[^.;:!?]|\.(?=\S))*?(?<!\w)(?:{lead})[ \t]+"
                      rf"(?:(?:từ|khoảng|gần|hơn|trên|dưới|chừng)[ \t]+)?$", re.IGNORECASE)


@cache
def _place_relative_re() -> re.Pattern[str]:
    """A relative clause right after a count of places (`tại 12 xã có tổng diện tích 5.000 ha`):
    it describes the places where the plan happens, not its output."""
    c = modality_cues()
    prep = alternation_or_never(c.place_prepositions)
    unit = alternation_or_never(c.place_units)
    rel = alternation_or_never(c.place_relatives)
    return re.compile(rf"(?<!\w)(?:{prep})[ \t]+\d[\d.,]*[ \t]*(?:{unit})[ \t]+(?:{rel})[ \t]+"
                      rf"(?:[^\W\d_]+[ \t]+){{0,4}}$", re.IGNORECASE)


@cache
def _place_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    c = modality_cues()
    before = re.compile(rf"(?<!\w)(?:{alternation_or_never(c.place_prepositions)})[ \t]+$", re.IGNORECASE)
    unit = re.compile(rf"\d[ \t]*(?:{alternation_or_never(c.place_units)})(?!\w)", re.IGNORECASE)
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
    lead = alternation_or_never(modality_cues().fact_after_leads)
    return re.compile(rf"(?:;|,[ \t]*(?:{lead})(?!\w))[^,;]*$", re.IGNORECASE)


@cache
def _fact_before_re() -> re.Pattern[str]:
    cue = alternation_or_never(modality_cues().facts_adjacent)
    return re.compile(rf"(?:^|[^\w])(?:{cue})[ \t]+(?:[^\W\d_]+[ \t]+){{0,3}}$", re.IGNORECASE)


@cache
def _year_clause_re() -> re.Pattern[str]:
    lead = alternation_or_never(modality_cues().earlier_year_leads)
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
def _cue_after_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of `words` within the three words after a figure, no punctuation between."""
    cue = alternation_or_never(list(words))
    return re.compile(rf"[ \t]+(?:[^\W\d_]+[ \t]+){{0,2}}?({cue})(?!\w)", re.IGNORECASE)


def fact_after(text: str, end: int) -> bool:
    """A fact cue within the three words after the figure, no punctuation between.

    >>> fact_after("trong đó 120 hộ đã đăng ký", 15), fact_after("120 hộ, đã", 6)
    (True, False)
    """
    return bool(_cue_after_re(tuple(modality_cues().facts_after)).match(text, end))


def target_after(text: str, end: int, start: int | None = None) -> bool:
    """A plan cue within the three words after the figure, or a passive plan cue within
    `passive_after_words` (`3 mô hình trồng rau an toàn được đề xuất thực hiện`), no punctuation between.

    >>> target_after("khoảng 700 nhà sẽ được xây", 14), target_after("700 nhà, sẽ", 7)
    (True, False)
    """
    return bool(_cue_after_re(tuple(modality_cues().cues_after)).match(text, end)
                or _passive_after_re().match(text, end)
                or (start is not None and _opens_clause(text, start) and _future_after_re().match(text, end)))


#: What may stand between a clause's start and a figure that is its subject: marks and blanks.
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?;:,\n“\"(])[\s“\"(\-–]*$")


def _opens_clause(text: str, start: int) -> bool:
    """Whether the figure (its qualifier included) opens its clause: then it is the clause's
    subject (`Hơn 3.000m3 đất sẽ đổ xuống`), not a modifier of it (`Xe dưới 12 ghế sẽ tăng`)."""
    return _CLAUSE_OPENING.search(text, max(0, start - windows().clause_opening_before), start) is not None


@cache
def _future_after_re() -> re.Pattern[str]:
    """A future verb's auxiliary right after the figure's noun phrase, nothing between, not negated
    (`Hơn 3.000m3 đất sẽ đổ xuống`, not `1 cân gỗ sẽ không giống`, nor `thu mua 20 tấn bí đỏ và sẽ
    phân phối`: a predicate of its own, coordinated)."""
    c = modality_cues()
    cue, negation = alternation_or_never(c.future_after), alternation_or_never(c.future_after_not)
    return re.compile(rf"[ \t]+(?:{cue})(?!\w)(?![ \t]+(?:{negation})(?!\w))", re.IGNORECASE)


@cache
def _passive_after_re() -> re.Pattern[str]:
    """A passive plan cue after the figure's noun phrase (`được đề xuất`, `được quy hoạch`): the
    figure is what is proposed or planned."""
    cue = alternation_or_never(modality_cues().passive_cues_after)
    gap = windows().passive_after_words
    return re.compile(rf"[ \t]+(?:[^\W\d_]+[ \t]+){{0,{gap}}}?(?:{cue})(?!\w)", re.IGNORECASE)


@cache
def _contrast_fact_re() -> re.Pattern[str]:
    """A clause of its own opened by a contrasting lead, with its own bare verb of result right
    before the figure (`…, riêng gia đình tôi đạt 2,5 tấn/sào`)."""
    c = modality_cues()
    lead = alternation_or_never(c.contrast_fact_leads)
    verb = alternation_or_never(c.contrast_fact_verbs)
    return re.compile(rf"[,;][ \t]*(?:{lead})(?!\w)[^,;]*?(?<!phải )(?<!\w)(?:{verb})[ \t]+"
                      rf"(?:[^\W\d_]+[ \t]+){{0,2}}$", re.IGNORECASE)


@cache
def _requirements() -> frozenset[str]:
    return word_set(modality_cues().requirement_cues)


def contrast_fact(text: str, cue: str, start: int) -> bool:
    """Under a requirement (`phải đạt trên 2 tấn/sào`), a clause opened by `riêng`, `còn` that
    states its own result with a bare verb (`riêng gia đình tôi đạt 2,5 tấn/sào`) reports a fact:
    the requirement's `phải` does not reach it. Plans (`Theo kế hoạch, …, riêng xã A đạt 20`) keep it.

    >>> s = "năng suất phải đạt trên 2 tấn/sào, riêng gia đình tôi đạt 2,5 tấn/sào"
    >>> contrast_fact(s, "phải đạt", s.index("2,5")), contrast_fact(s, "kế hoạch", s.index("2,5"))
    (True, False)
    """
    if cue.lower() not in _requirements():
        return False
    return bool(_contrast_fact_re().search(text, max(0, start - windows().contrast_before), start))


@cache
def _adjacent_target_re(words: int) -> re.Pattern[str]:
    table = modality_cues()
    cue = alternation(table.cues_adjacent)
    not_after = "".join(f"(?<!{re.escape(word)} )" for word in table.cues_adjacent_not_after)
    compounds = alternation_or_never(table.cues_adjacent_compounds)
    gap = rf"(?:[^\W\d_]+[ \t]+){{0,{words}}}"
    return re.compile(rf"(?:^|[^\w]){not_after}({cue})(?![ \t]+(?:{compounds})(?!\w))[ \t]+{gap}$",
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
