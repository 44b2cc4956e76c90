"""Modality of a figure (ANNOTATION.md §7): the innermost cue scope that covers it.

Every cue of `data/modality.yaml` — plan, forecast and condition cues (target) and fact cues
(`đã`, `so với kế hoạch`: actual) — governs a scope: its clause, or the whole sentence, quote or
bracket when it opens them (`clauses.py`), or the next sentence of its paragraph for a carried
opening cue. A figure takes the modality of the nearest cue before it whose scope reaches it.
Cues that govern just their figure — written after it (`700 nhà sẽ được xây`), a need right before
it (`cần 340 tỷ`), a place preposition before a count of places (`tại 12 xã`: actual), a fact in a
clause of its own (`…, trong đó 120 hộ đã đăng ký`) — live in `modality_local.py`.

>>> from .context import ArticleContext
>>> s = "Dự báo đêm nay mưa 40-90 mm; có nơi trên 150 mm."
>>> ctx = ArticleContext.build(s, None)
>>> [decide(ctx, s.index(n), s.index(n) + 2).value for n in ("40", "15")]
['target', 'target']
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from vnfigures.schemas import Modality

from .clauses import opens_region, region_of, scope_end
from .context import ArticleContext
from .lexicon import alternation_or_never, word_set, windows
from .modality_local import (at_place, contrast_fact, hypothetical_question, local_fact, revises_plan,
                             target_after, target_right_before)
from .modality_cues import (breakdown_re, carry, continuation_re, specification_re, habit_rate_re, rule_back_ref_re, rule_issue_re, rule_object_re, computation_re, event_condition_re, computed_weak, fact_weak, price_re, purchase_re, change_frame_re, change_own_time_re, change_summary_re, fact_re, habit_re, habit_weak, list_item_re, modality_cues, not_cue_re,
                            opening_lead_re, opening_only, programme_contents_re, provision_re, relative_fact_cues,
                            relative_fact_re, rule_condition, rule_re, rule_weak, target_pattern_re, target_re, weak)


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
    words = alternation_or_never(modality_cues().credit_words)
    return re.compile(rf"(?<!\w)(?:{words})\s*:\s*(?:[^\W\d_]+\s+){{1,4}}$")


@cache
def _name_heads() -> frozenset[str]:
    return frozenset(modality_cues().name_heads)


@cache
def _noun_cues() -> frozenset[str]:
    return word_set(modality_cues().noun_cues)


@lru_cache(maxsize=1024)
def scopes(text: str, start: int, end: int, *, rate: bool = False, ruled: bool = False) -> tuple[Scope, ...]:
    """Every cue scope of the sentence text[start:end], in order of the cues.

    Fact cues are found first and masked, so `so với kế hoạch` is one fact cue and no plan cue;
    for a rate or price (`rate`), weak cues (conditions, abilities) govern nothing (§7).
    In a sentence stating an issued rule's content (`ruled`, `rule_content`) the rule_weak cues
    govern nothing. Cached: every figure of a sentence, and the sentences after it that look back
    at it (a carried plan, a continued change), ask for the same scopes.
    """
    masked = _mask(text, [(m.start(), m.end()) for m in not_cue_re().finditer(text, start, end)])
    facts = list(fact_re().finditer(masked, start, end))
    masked = _mask(masked, [(m.start(), m.end()) for m in facts])
    found: list[tuple[int, int, Modality, str]] = [
        (m.start(), m.end(), Modality.actual, m.group()) for m in facts]
    for m in target_re().finditer(masked, start, end):
        word = m.group(1).lower()
        if _in_name(masked, start, m) or (rate and word in weak()) or (ruled and word in rule_weak()):
            continue
        if word in opening_only() and not _opens_sentence(masked, start, m.start()):
            continue  # `2 trường hợp tử vong` counts cases; only an opening `Trường hợp …,` sets a condition
        if _under_rule(masked, start, end, m, word) or _hedged_fact(text, start, end, m, word):
            continue
        found.append((m.start(), m.end(), Modality.target, word))
    found.extend((m.start(), m.end(), Modality.target, m.group().lower())
                 for m in target_pattern_re().finditer(masked, start, end))
    found.extend((m.start(), m.end(), Modality.target, m.group().lower())
                 for m in event_condition_re().finditer(masked, start, end)
                 if _opens_sentence(masked, start, m.start()) and not _dated_condition(text, m.end(), end))
    out: list[Scope] = []
    for a, b, modality, cue in sorted(found):
        region = region_of(text, start, end, a)
        first = not any(region[0] <= s.start for s in out)
        opening = first and opens_region(text, region, a, b)
        if not opening and _reference(masked, start, a, cue):
            continue
        breaks = not (opening and cue.lower() in carry())
        stop = scope_end(text, start, end, a, b, opens=opening, breaks=breaks)
        if modality is Modality.actual and _in_modifier(text, start, a, cue):
            stop = _modifier_end(text, b, stop)
        out.append(Scope(a, b, stop, modality, cue, opening))
    return tuple(out)


def _opens_sentence(text: str, start: int, cue_start: int) -> bool:
    """No word before the cue in its sentence but introductory phrases closed by a comma (`Theo đó,
    trường hợp mưa lớn kéo dài, …`, `Đồng thời, khi xảy ra vỡ đập, …`)."""
    while (m := opening_lead_re().match(text, start, cue_start)) is not None:
        start = m.end()
    return not re.search(r"\w", text[start:cue_start])


def _dated_condition(text: str, cue_end: int, end: int) -> bool:
    """The event of a condition (`Khi có lũ lớn …,`) is dated in its own clause, up to its comma:
    a digit (`năm 2020`, `ngày 5/9`) or a fact cue (`vừa qua`, `năm ngoái`) makes it a past event."""
    stop = _condition_end_re().search(text, cue_end, end)
    clause_end = stop.start() if stop else end
    return bool(re.search(r"\d", text[cue_end:clause_end]) or fact_re().search(text, cue_end, clause_end))


def _in_modifier(text: str, start: int, cue_start: int, cue: str) -> bool:
    """A fact cue in a noun phrase after a preposition (`ngoài những hộ đã di dời, …`) stands in a
    modifier of that noun: what it reports is that noun's past, not the clause's."""
    return cue.lower() in relative_fact_cues() and bool(relative_fact_re().search(text, start, cue_start))


def _modifier_end(text: str, cue_end: int, stop: int) -> int:
    """A modifier ends at its clause's next comma: the plan around it governs what follows
    (`Dự kiến năm nay, ngoài các hộ đã nhận hỗ trợ, huyện hỗ trợ thêm 50 hộ`)."""
    comma = text.find(",", cue_end, stop)
    return comma if comma >= 0 else stop


def _reference(text: str, start: int, cue_start: int, cue: str) -> bool:
    """A plan noun after `theo` inside a clause names the plan followed as a reference (`đi
    theo cam kết (1 người Mỹ, …)`, `hoàn thành 86,67% theo kế hoạch`): it governs nothing. One
    that opens its sentence or clause (`Theo kế hoạch, …`, `…, theo kế hoạch còn 4 cầu`) is a cue."""
    return cue.lower() in _noun_cues() and bool(_reference_re().search(text, start, cue_start))


@cache
def _reference_re() -> re.Pattern[str]:
    words = alternation_or_never(modality_cues().reference_heads)
    return re.compile(rf"[^\s,;:(“\"–-]\s+(?:{words})\s+$", re.IGNORECASE)


def _under_rule(text: str, start: int, end: int, cue: re.Match[str], word: str) -> bool:
    """A rule cue earlier in the sentence, a condition stated in a rule's terms, or a habit cue
    earlier in the cue's own clause or in the sentence's opening phrase: the cue `word` then
    states a rule in force or a habit, not a plan (§7)."""
    if word in rule_weak() and rule_re().search(text, start, cue.start()):
        return True
    if word in rule_condition() and _provision_in_condition(text, cue.end(), end):
        return True
    return word in habit_weak() and _habit_before(text, start, cue.start())


def _hedged_fact(text: str, start: int, end: int, cue: re.Match[str], word: str) -> bool:
    """The cue `word` stands in a statement of fact (§7), read on the unmasked sentence: a
    campaign with a fact cue earlier in its own clause reports what it obtained (`đã tích cực vận
    động hội viên hiến 401 cây dừa`); a possibility after a computation cue in its clause or opening
    phrase hedges a sum worked out (`Tính ra, FLC có thể thu về ít nhất là 230 tỷ đồng`); an ability
    to buy (`có thể mua được`) in a sentence naming a price states what the price buys now."""
    if word in fact_weak() and fact_re().search(text, _clause_start(text, start, cue.start()), cue.start()):
        return True
    if word in computed_weak() and _opening_or_clause(computation_re(), text, start, cue.start()):
        return True
    return (word in computed_weak() and purchase_re().match(text, cue.end()) is not None
            and price_re().search(text, start, end) is not None)


def _clause_start(text: str, start: int, cue_start: int) -> int:
    """Where the clause of the cue at cue_start begins: after the last `,` or `;` before it."""
    breaks = [m.start() for m in _clause_mark_re().finditer(text, start, cue_start)]
    return breaks[-1] + 1 if breaks else start


def _opening_or_clause(cue_re: re.Pattern[str], text: str, start: int, cue_start: int) -> bool:
    """A cue of `cue_re` in the clause of the cue at cue_start, or in the sentence's opening
    phrase when that cue stands in the clause right after it (`Mỗi năm, cây sẽ cho …`)."""
    breaks = [m.start() for m in _clause_mark_re().finditer(text, start, cue_start)]
    clause = breaks[-1] + 1 if breaks else start
    if cue_re.search(text, clause, cue_start):
        return True
    return len(breaks) == 1 and text[breaks[0]] == "," and bool(cue_re.search(text, start, breaks[0]))


def _provision_in_condition(text: str, cue_end: int, end: int) -> bool:
    """The condition opened at cue_end names a rule's provision in its own clause, up to its
    comma or `thì` (`Trường hợp cá nhân trực tiếp khai thuế ... thì cá nhân được lựa chọn khai
    thuế hai lần`): the rule's case, no hypothesis. A rule named after the condition (`Nếu được
    thông qua, luật mới sẽ …`) does not count."""
    stop = _condition_end_re().search(text, cue_end, end)
    return bool(provision_re().search(text, cue_end, stop.start() if stop else end))


@cache
def _condition_end_re() -> re.Pattern[str]:
    return re.compile(r"[,;:]|(?<!\w)thì(?!\w)", re.IGNORECASE)


def _habit_before(text: str, start: int, cue_start: int) -> bool:
    """A habit cue in the cue's own clause (`mỗi sào sẽ cho khoảng 2 tạ`), or in the opening
    phrase of the sentence when the cue stands in the clause right after it (`Hằng năm, huyện
    sẽ tổ chức 2 đợt tiêm phòng`, `Mỗi năm, cây sẽ cho khoảng 2 tạ quả`)."""
    return _opening_or_clause(habit_re(), text, start, cue_start)


@cache
def _clause_mark_re() -> re.Pattern[str]:
    return re.compile(r"[,;]")


def innermost(found: Sequence[Scope], pos: int) -> Scope | None:
    """The scope of the nearest cue before `pos` that reaches it."""
    covering = [s for s in found if s.cue_end <= pos < s.end]
    return max(covering, key=lambda s: s.start) if covering else None


def _anchor(text: str, start: int, end: int, found: Sequence[Scope]) -> int:
    """Where the figure's scopes are looked up: its start, or after a cue that its qualifier took
    into its span (`Giá bán dự kiến khoảng 15 triệu đồng/m2`), which still governs it."""
    digit = re.search(r"\d", text[start:end])
    head_end = start + digit.start() if digit else start
    return max([start, *(s.cue_end for s in found if start <= s.start and s.cue_end <= head_end)])


def carried(ctx: ArticleContext, sentence: tuple[int, int]) -> bool:
    """The sentence has no cue of its own and the previous sentence of its paragraph ends in
    the sentence scope of a carried cue (`Dự báo ... . Tổng lượng mưa cả đợt 200-300 mm`; the
    first sentence of the next paragraph when a continuation opens it: `Còn ...`), it
    lists the contents of a programme still planned (`planned_contents`), or it is an item of a
    list on its own lines that a plan or forecast line opens (`listed`)."""
    prev = ctx.fine_previous(sentence[0])
    if prev is None:
        return False
    if planned_breakdown(ctx, sentence, prev):
        return True  # asked only for a figure no cue of its own sentence reaches
    if scopes(ctx.text, *sentence):
        return False
    if planned_contents(ctx, sentence) or specified_goals(ctx, sentence):
        return True
    if "\n" in ctx.text[prev[1]:sentence[0]] and not continuation_re().match(ctx.text, sentence[0], sentence[1]):
        return listed(ctx, sentence)
    found = scopes(ctx.text, *prev)
    last = innermost(found, prev[1] - 1)
    opener = any(s.opening and s.cue in carry() and s.end >= prev[1] - 1 for s in found)
    return bool(opener and last and last.modality is Modality.target)


#: The first number of a sentence that is no year (`Năm 2018, ... 68.600ha`: the total is 68.600ha).
_FIRST_AMOUNT = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d|[.,]\d))\d")


def planned_breakdown(ctx: ArticleContext, sentence: tuple[int, int], prev: tuple[int, int]) -> bool:
    """The sentence breaks down the total of the one before it (`Trong đó, tôm nước lợ 45.500ha`
    after `Năm 2018, tỉnh có kế hoạch nuôi trồng thủy sản 68.600ha.`), whose first figure a target
    scope governs: the parts of a planned total are planned too. A total reported done (`đạt
    6.452 tỷ đồng ..., đạt 74% mục tiêu`) keeps its parts facts, whatever cue ends its sentence."""
    if not breakdown_re().match(ctx.text, sentence[0], sentence[1]):
        return False
    total = _FIRST_AMOUNT.search(ctx.text, prev[0], prev[1])
    if total is None:
        return False
    scope = innermost(scopes(ctx.text, *prev), total.start())
    return bool(scope and scope.modality is Modality.target)


def planned_contents(ctx: ArticleContext, sentence: tuple[int, int]) -> bool:
    """The sentence, with no cue of its own, opens the contents of a programme or scheme
    (`Chương trình gồm: hỗ trợ 300 con bò, …`) and the sentence before it ends in a target scope
    (`Năm 2025, huyện sẽ triển khai chương trình hỗ trợ sinh kế.`): the programme is not carried
    out yet, so its contents are its output (§7, #11). After a programme carried out (`đã triển
    khai`) the contents stay facts."""
    if not programme_contents_re().match(ctx.text, sentence[0], sentence[1]):
        return False
    prev = ctx.fine_previous(sentence[0])
    if prev is None:
        return False
    last = innermost(scopes(ctx.text, *prev), prev[1] - 1)
    return bool(last and last.modality is Modality.target)


#: A year written in a sentence (`năm 2024`, `2021-2025`): a sentence that names one states its own time.
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
#: A date inside the year (`ngày 7/11`, `15/3`).
_DATE = re.compile(r"(?<![\d.,])\d{1,2}/\d{1,2}(?![\d.,]\d)")


def specified_goals(ctx: ArticleContext, sentence: tuple[int, int]) -> bool:
    """The sentence, with no cue, year or date of its own, follows a sentence opening with
    `specification_openers` and, right after it, a target scope (`Cụ thể đến năm 2030, tốc độ tăng trưởng ... đạt
    trên 4%/năm`) through sentences that have none either, across paragraphs: a scheme's goals are
    detailed over the paragraphs after such an opening (`Diện tích NTTS đạt trên 990.000ha …`,
    `Sản lượng NTTS đạt trên 4,8 triệu tấn.`), each one more goal of that horizon (#11). A heading
    line, a cue, a year or a date ends the details. Walks back at most `specified_goals` sentences."""
    text = ctx.text
    if _states_own_time(text, sentence) or _is_heading_line(text, sentence):
        return False
    prev = ctx.fine_previous(sentence[0])
    for _ in range(windows().specified_goals):
        if prev is None:
            return False
        found = scopes(text, *prev)
        opener = specification_re().match(text, prev[0], prev[1])
        if opener is not None:  # the goal's horizon or cue right after it: `Cụ thể đến năm 2030,`
            return any(s.opening and s.modality is Modality.target and s.start <= opener.end() for s in found)
        if found or _states_own_time(text, prev) or _is_heading_line(text, prev):
            return False
        prev = ctx.fine_previous(prev[0])
    return False


def _states_own_time(text: str, sentence: tuple[int, int]) -> bool:
    return bool(_YEAR.search(text, *sentence) or _DATE.search(text, *sentence))


def _is_heading_line(text: str, sentence: tuple[int, int]) -> bool:
    """A whole line that does not end like a sentence (a subheading)."""
    start, end = sentence
    line = text[start:end].rstrip()
    whole = (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end:end + 1] in ("\n", ""))
    return whole and bool(line) and line[-1] not in ".!?…:;\"”"


def listed(ctx: ArticleContext, sentence: tuple[int, int]) -> bool:
    """The sentence is an item line of a list (`- Bắc Bộ: mưa 50-100mm`) whose opening line,
    above its items, ends with `:` inside a target scope (`Dự báo thời tiết đêm nay:`, `Theo kế
    hoạch, năm 2025 huyện thực hiện các chỉ tiêu sau:`): the list is the plan's or the forecast's
    content, as a list after `:` in its own sentence is (§7, #11). Walks back at most
    `list_items` item lines of windows.yaml."""
    pos = sentence
    for _ in range(windows().list_items):
        if not list_item_re().match(ctx.text, pos[0]):
            return False
        prev = ctx.fine_previous(pos[0])
        if prev is None:
            return False
        if ctx.text[prev[0]:prev[1]].rstrip().endswith(":"):
            last = innermost(scopes(ctx.text, *prev), prev[1] - 1)
            return bool(last and last.modality is Modality.target) or planned_contents(ctx, prev)
        pos = prev
    return False


def continued_change(ctx: ArticleContext, sentence: tuple[int, int], start: int) -> bool:
    """The figure at `start` stands after the verb of a change (`tăng từ 90.000 lên 160.000 đồng`)
    in a sentence with no cue of its own, and the sentence before it plans a change with the same
    verb (`… sẽ tăng giá vé từ 70.000 lên 110.000 đồng.`), directly or through a chain of such
    sentences: it lists the same announced change, so its new values are the plan's (#11). What
    stands before the verb (`Xe từ 12 ghế đến 30 ghế`) names the class the change is for. A sentence
    summing the change up with its verb (`Như vậy, mức phí tăng cao nhất đến 77%`) continues it too;
    one naming a time of its own (`Năm 2024, doanh thu tăng từ 8 lên 10 tỷ`) states something else."""
    text = ctx.text
    own = change_frame_re().search(text, *sentence) or change_summary_re().match(text, *sentence)
    if (own is None or start < own.start("verb") or scopes(text, *sentence)
            or change_own_time_re().search(text, *sentence)):
        return False
    verb = own.group("verb").lower()
    prev = ctx.fine_previous(sentence[0])
    for _ in range(windows().list_items):
        if prev is None:
            return False
        frames = list(change_frame_re().finditer(text, *prev))
        if not frames or frames[-1].group("verb").lower() != verb:
            return False
        found = scopes(text, *prev)
        if found:
            last = innermost(found, frames[-1].end() - 1)
            return bool(last and last.modality is Modality.target)
        prev = ctx.fine_previous(prev[0])
    return False


def rule_content(ctx: ArticleContext, sentence: tuple[int, int]) -> bool:
    """The sentence opens with a back-reference (`Theo đó,`) right after a sentence reporting a
    rule or price table issued (`… vừa ban hành bảng đơn giá …`) with no target cue in it: it
    states the rule's content, in force (§7 rules in force), whatever `sẽ` it holds. A plan issued
    or a rule still to be issued (`sẽ ban hành`) has a target cue and keeps them."""
    if not rule_back_ref_re().match(ctx.text, sentence[0], sentence[1]):
        return False
    prev = ctx.fine_previous(sentence[0])
    if prev is None or not rule_issue_re().search(ctx.text, *prev) or not rule_object_re().search(ctx.text, *prev):
        return False
    return not any(s.modality is Modality.target for s in scopes(ctx.text, *prev))


def _only_habit_cues(found: Sequence[Scope], scope: Scope) -> bool:
    """Whether every target scope reaching the figure is a habit-weak cue (`sẽ`), none a plan's
    or a time's to come (`Năm tới, tỉnh sẽ hỗ trợ 2 triệu đồng/tháng`)."""
    pos = scope.cue_end
    return all(s.cue.lower() in habit_weak() for s in found
               if s.modality is Modality.target and s.start <= pos and s.cue_end <= pos < s.end)


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
    found = scopes(text, *sentence, rate=rate, ruled=rule_content(ctx, sentence))
    scope = innermost(found, _anchor(text, start, end, found))
    target = (scope.modality is Modality.target if scope
              else carried(ctx, sentence) or continued_change(ctx, sentence, start))
    if target and scope and habit_rate_re().search(text[start:end]) and _only_habit_cues(found, scope):
        target = False  # `sẽ thu về khoảng 100 triệu đồng/năm`: what it yields each year
    if target and scope and (local_fact(text, scope.start, scope.cue_end, start, end)
                             or contrast_fact(text, scope.cue, start)):
        target = False  # `dự kiến có 300 hộ thoát nghèo, trong đó 120 hộ đã đăng ký`
    target = (target or target_after(text, end, start) or target_right_before(text, start, money=money)
              or hypothetical_question(text[sentence[0]:sentence[1]]))
    if preset is not None:
        if preset is Modality.actual and step_first and target and revises_plan(text, sentence[0], start):
            return Modality.target  # `kế hoạch ... tăng từ 8% lên 10%`: the old plan is a plan
        return preset
    return Modality.target if target else Modality.actual
