"""Words around a number that change what it counts or whether it counts (ANNOTATION.md §7).

A school counted next to `xây` is a building, not an institution; `một` after `ít nhất` is a
number, after `của` an article; an amount is `kinh phí` when that noun opens its clause; a gold
unit needs gold in its article. Each question is one small function of the text here, its
words in `data/cues.yaml` and its look-back in `data/windows.yaml`, so the reader stays a
sequence of decisions.
"""
from __future__ import annotations

import re
from functools import cache

from .context import ArticleContext
from .labels import function_words
from vnfigures.schemas import Kind

from .lexicon import alternation, alternation_or_never, cue_before_re, cues, unit_table, windows, word_re
from .units import unit_at

__all__ = ["as_building", "classifier_noun_kind", "clause_noun_kind", "money_subject", "needed_word_near", "minus_start", "non_dwelling_owner",
           "one_counts", "one_in_tally", "paid_months"]

_CLAUSE_BREAK = re.compile(r"[,;:()]")
#: a clause that is an item of a list of counts (`3 trường học và `)
_LIST_ITEM = re.compile(r"[ \t]*\d")
_FIRST_NUMBER = re.compile(r"\d")
#: an article naming a word this often is about it (`vàng`: a gold-price story), so a unit that
#: needs the word counts in all its sentences (`mệnh giá 1 – 2 chỉ`)
_TOPIC_MENTIONS = 3


@cache
def _money_head_re() -> re.Pattern[str]:
    return word_re(cues().money_subject_heads, group=True)


@cache
def _money_after_re() -> re.Pattern[str]:
    return re.compile(rf"[ \t]+((?:{alternation(cues().money_subject_after)})(?:[ \t]+[^\W\d_]+){{0,2}})",
                      re.IGNORECASE)


def money_subject(ctx: ArticleContext, start: int, unit_end: int) -> str:
    """What an amount of money is: `tiền hỗ trợ` written after it, else the nearest money
    noun of its clause before it (`kinh phí`, `giá`, `thiệt hại`), else empty."""
    after = _money_after_re().match(ctx.text, unit_end)
    if after:
        words = [w for w in after.group(1).split() if w.lower() not in function_words()]
        return " ".join(words)
    lower = max(ctx.sentence_start(start), start - windows().money_head)
    clause = _CLAUSE_BREAK.split(ctx.text[lower:start])[-1]
    heads = list(_money_head_re().finditer(clause))
    return heads[-1].group(1).lower() if heads else ""


def needed_word_near(ctx: ArticleContext, pos: int, words: list[str]) -> bool:
    """One of `words` in the sentence at `pos`, or often in the whole article (its topic)."""
    sentence = ctx.text[ctx.sentence_start(pos):ctx.sentence_end(pos)]
    for w in words:
        rx = word_re([w])
        if rx.search(sentence) or len(rx.findall(ctx.text)) >= _TOPIC_MENTIONS:
            return True
    return False


@cache
def _one_counts_re() -> re.Pattern[str]:
    return cue_before_re(cues().one_counts_after, r"[ \t]+")


def one_counts(text: str, pos: int) -> bool:
    """`ít nhất một kho`, `chỉ một hộ`: a qualifier makes `một` a number (§7)."""
    return bool(_one_counts_re().search(text, max(0, pos - windows().one_counts), pos))


@cache
def _months_paid_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = cues().months_paid
    gap = rf"[ \t]+(?:(?:{alternation(words.get('gap', []))})[ \t]+)?"
    period = alternation_or_never(words.get("not_after", []))
    noun = re.compile(rf"[ \t]*({alternation_or_never(words.get('nouns', []))})(?!\w)(?![ \t]+(?:{period})(?!\w))",
                      re.IGNORECASE)
    return cue_before_re(words.get("before", []), gap), noun


def paid_months(text: str, start: int, end: int) -> int | None:
    """Where a count of months paid ends (`chỉ trả 3 tháng`, `cọc trước ba tháng`: months
    counted as money, §7 `6 tháng tiền lương`), or None for a plain duration.

    >>> s = "tiền cọc trước ba tháng"
    >>> s[:paid_months(s, 15, 17)], paid_months("trong 3 tháng", 6, 7)
    ('tiền cọc trước ba tháng', None)
    """
    verb, noun = _months_paid_res()
    found = noun.match(text, end)
    if found is None or not verb.search(text, max(0, start - windows().months_paid), start):
        return None
    return found.end()


@cache
def _one_article_re() -> re.Pattern[str]:
    return cue_before_re(cues().one_tally_not_after, r"[ \t]+")


def one_in_tally(text: str, pos: int) -> bool:
    """`một` at `pos` may stand in a tally of counts: no preposition or verb of giving before
    it (`của một trang trại`, `tặng một chiếc thuyền` read "a/an", §7)."""
    return not _one_article_re().search(text, max(0, pos - windows().one_tally), pos)


@cache
def _building_re() -> re.Pattern[str]:
    return word_re(cues().building_cues)


def as_building(ctx: ArticleContext, start: int, end: int) -> bool:
    """A school or clinic counted as a building: a building cue in its clause (§7)."""
    w = windows()
    after = _CLAUSE_BREAK.split(ctx.text[end:min(ctx.sentence_end(start), end + w.building_after)])[0]
    if _building_re().search(after):
        return True
    parts = _CLAUSE_BREAK.split(ctx.text[max(ctx.sentence_start(start), start - w.building_before):start])
    if _building_re().search(parts[-1]):
        return True
    for part in reversed(parts[:-1] if _listed(parts[-1]) else []):
        # a list's items share the verb that opens it (`tốc mái 150 nhà, 3 trường`), not the
        # words of another item (`5 nhà bị sập, 3 trường đạt chuẩn`)
        opening = _FIRST_NUMBER.split(part, maxsplit=1)[0]
        if _building_re().search(opening):
            return True
        if not _listed(part):
            return False
    return False


def _listed(part: str) -> bool:
    """A clause that is an item of a list of counts (`3 trường học và `) or ends it (blank)."""
    return not part.strip() or bool(_LIST_ITEM.match(part))


@cache
def _owner_re() -> re.Pattern[str]:
    c = cues()
    return re.compile(rf"[ \t]+(?:{alternation(c.owner_links)})[ \t]+(?:{alternation(c.non_dwelling_owners)})(?!\w)",
                      re.IGNORECASE)


def non_dwelling_owner(text: str, pos: int) -> bool:
    """`2 ngôi nhà thuộc trường Tiểu học`: a building owned by a school or an office is no
    dwelling (§7), so it counts as `infrastructure`."""
    return bool(_owner_re().match(text, pos))


@cache
def _negative_re() -> re.Pattern[str]:
    c = cues()
    signs = "".join(re.escape(x) for x in c.negative_signs)
    return re.compile(rf"(?:(?:^|[^\w])({alternation(c.negative_before)})[ \t]+|(?:^|[ \t(\[])(?<![\d.,][ \t])([{signs}]))$",
                      re.IGNORECASE)


def minus_start(text: str, pos: int) -> int | None:
    """Where the minus before the number at `pos` starts (`âm 2,5%`, `giảm −5%`, `(-3%)`), or
    None; the dash of a range (`25 -35cm`) is no minus.

    >>> t = "tăng trưởng âm 2,5%, từ 25 -35cm, (-3%)"
    >>> minus_start(t, t.index("2,5")), minus_start(t, t.index("35")), minus_start(t, t.index("3%"))
    (12, None, 35)
    """
    m = _negative_re().search(text, max(0, pos - windows().negative_sign), pos)
    if m is None:
        return None
    return m.start(1) if m.group(1) else m.start(2)


@cache
def _noun_res() -> dict[Kind, re.Pattern[str]]:
    forms: dict[Kind, list[str]] = {}
    for entry in unit_table().units:
        if not entry.case_sensitive and not entry.measure:
            forms.setdefault(entry.kind, []).extend(entry.forms)
    return {kind: word_re(words) for kind, words in forms.items()}


def clause_noun_kind(ctx: ArticleContext, start: int, kinds: list[Kind]) -> Kind | None:
    """The kind of the last counted noun of `kinds` named earlier in the clause of `start`
    (`lượng khách du lịch đạt 2,67 triệu lượt`: people), or None."""
    lower = max(ctx.sentence_start(start), start - windows().clause_noun)
    clause = _CLAUSE_BREAK.split(ctx.text[lower:start])[-1]
    best: tuple[int, Kind] | None = None
    for kind in kinds:
        rx = _noun_res().get(kind)
        for found in rx.finditer(clause) if rx else ():
            if best is None or found.start() > best[0]:
                best = (found.start(), kind)
    return best[1] if best else None


@cache
def _lone_nouns_re() -> re.Pattern[str]:
    table = unit_table()
    lone = {w.lower() for w in table.lone_classifiers}
    forms = {f for e in table.units if not e.case_sensitive and not e.measure
             and (e.kind in _LONE_KINDS or e.as_building in _LONE_KINDS) for f in e.forms if f.lower() not in lone}
    return word_re(forms | set(table.lone_classifier_others))


#: what a lone classifier may count beside `other` (a dwelling or a work, §7)
_LONE_KINDS = (Kind.houses, Kind.infrastructure)


def classifier_noun_kind(ctx: ArticleContext, start: int) -> Kind | None:
    """The kind of the counted noun a lone classifier before `start` stands for (`Nhà bị sập:
    25 cái`, `thiệt hại nhà cửa: sập 12 cái`): the nearest dwelling or work earlier in the
    sentence; None when a thing the classifier counts as `other` is nearer (`tàu cá bị chìm 5
    chiếc`) or none is named."""
    lower = max(ctx.sentence_start(start), start - windows().lone_classifier)
    last = None
    for last in _lone_nouns_re().finditer(ctx.text, lower, start):
        pass
    found = unit_at(ctx.text, last.start()) if last is not None else None
    if found is None or found.entry is None:
        return None
    kind = found.entry.as_building or found.kind
    return kind if kind in _LONE_KINDS else None
