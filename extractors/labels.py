"""Labels around a number that make it no quantity: dates, ordinals, codes, names, idioms.

`năm 2021`, `lần thứ 3`, `Quốc lộ 1A`, `Mazda 3`, `hai bên đường` (ANNOTATION.md §2, §7). The
words live in `data/cues.yaml`; a strong label always wins, a weak one (`cấp`, `số`) yields to
a measure unit (`khẩn cấp 200 tỷ đồng`).
"""
from __future__ import annotations

import re
from enum import Enum
from functools import cache

from vnfigures.schemas import Kind

from .context import ArticleContext
from .lexicon import alternation, alternation_or_never, cue_before_re, cues, function_words, number_words, windows
from .mention import NumberMention

__all__ = ["LabelBefore", "class_label_before", "function_words", "label_before", "name_before", "is_idiom",
           "indefinite_before"]


class LabelBefore(Enum):
    """What the words right before a number say about it (ANNOTATION.md §2, §7)."""

    #: a date word, ordinal, code prefix or label (`năm 2021`, `lần thứ 3`, `Quốc lộ 1A`): no quantity
    NOT_A_QUANTITY = "not_a_quantity"
    #: a label (`cấp`, `số`) that a measure unit or scale overrides (`khẩn cấp 200 tỷ đồng`)
    UNLESS_MEASURED = "unless_measured"




@cache
def _before_re() -> re.Pattern[str]:
    return cue_before_re(cues().not_figure_before)


@cache
def _weak_before_re() -> re.Pattern[str]:
    return cue_before_re(cues().not_figure_before_weak, group=True)


def _weak_label(window: str) -> bool:
    """A weak label word ends the window, unless it is the tail of a proper name (`Hải Phòng
    321 nhà` is a province's tally, `phòng 321` a room)."""
    found = _weak_before_re().search(window)
    if found is None:
        return False
    before = window[:found.start(1)].split()
    return not (found.group(1)[0].isupper() and before and before[-1][0].isupper())


@cache
def _weak_pattern_cs_re() -> re.Pattern[str]:
    pats = cues().weak_patterns_before_cs
    return re.compile("|".join(f"(?:{p})" for p in pats)) if pats else re.compile(r"(?!)")


@cache
def _before_cs_re() -> re.Pattern[str]:
    return cue_before_re(cues().not_figure_before_cs, ignore_case=False)


@cache
def _exempt_re() -> re.Pattern[str]:
    return cue_before_re(cues().not_figure_before_exempt)


@cache
def _pattern_res() -> dict[str, re.Pattern[str]]:
    pats = cues().not_figure_patterns
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE) for k, v in pats.items()}


@cache
def _idiom_re() -> re.Pattern[str]:
    return re.compile(rf"({alternation(cues().idioms)})(?![^\W\d_])", re.IGNORECASE)


def label_before(ctx: ArticleContext, m: NumberMention) -> LabelBefore | None:
    """The label right before the number, if any (see `LabelBefore`)."""
    window = ctx.text[max(ctx.sentence_start(m.start), m.start - windows().label):m.start]
    pats = _pattern_res()
    if ("before" in pats and pats["before"].search(window)) or (
            "at" in pats and pats["at"].match(ctx.text, m.start)):
        return LabelBefore.NOT_A_QUANTITY
    if _exempt_re().search(window):
        return None
    if (_before_re().search(window) or _before_cs_re().search(window) or _listed_label(window, m)
            or _place_part(ctx.text, window, m)):
        return LabelBefore.NOT_A_QUANTITY
    weak = _weak_label(window) or _weak_pattern_cs_re().search(window)
    return LabelBefore.UNLESS_MEASURED if weak else None


@cache
def _place_part_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    parts = cues().place_parts
    before = cue_before_re(parts.get("before") or [], r"[ \t]+")
    units = alternation_or_never(parts.get("units") or [])
    unit = re.compile(rf"[ \t]+(?:{units})(?![^\W\d_])", re.IGNORECASE)
    return before, unit


_NAME_WORD = re.compile(r"[ \t]+([^\W_][\w-]*)")
_LIST_JOIN = re.compile(r"[ \t]*(?:,|và(?!\w)|hoặc(?!\w))")


def _is_name(word: str) -> bool:
    return word[0].isupper() or word.isdigit()


def _name_end(text: str, pos: int) -> int | None:
    """The end of the capitalized or numbered name right after `pos` (`Tân Phú`, `5`), or None."""
    end = None
    while (w := _NAME_WORD.match(text, pos)) and _is_name(w.group(1)):
        end = pos = w.end()
    return end


def _place_part(text: str, window: str, m: NumberMention) -> bool:
    """`khu vực 2 xã Tân Phú`: the number of a part of the one place named after it (a name, §7),
    not a count of places; a list of names after it (`xã Tân Phú và Tân Lập`) is counted."""
    before, unit = _place_part_res()
    if m.form != "digits" or not before.search(window):
        return False
    after = unit.match(text, m.end)
    end = _name_end(text, after.end()) if after else None
    if end is None:
        return False
    join = _LIST_JOIN.match(text, end)
    nxt = _NAME_WORD.match(text, join.end()) if join else None
    return not (nxt and _is_name(nxt.group(1)))


@cache
def _list_re() -> re.Pattern[str]:
    nw = number_words()
    joins = alternation([*nw.list_separators, *nw.alternative_separators, *nw.range_separators])
    return re.compile(rf"(?:^|[^\w])((?:{alternation(cues().not_figure_before)}))\s+(\d[\d.,]*)[^\W\d_]?"
                      rf"\s*(?:{joins})\s*$", re.IGNORECASE)


def _listed_label(window: str, m: NumberMention) -> bool:
    """A number listed after a labelled one of the same length is a label too: `năm 2020
    và 2021`, `tỉnh lộ 127 và 129` (§2: years, road numbers). After `năm` only a year is a
    label: `mỗi năm 30 đến 50 triệu đồng/ha` is a range of money a year."""
    prev = _list_re().search(window)
    if not prev:
        return False
    digits = re.sub(r"\D", "", m.raw.split()[0])
    first = re.sub(r"\D", "", prev.group(2))
    if prev.group(1).lower() == "năm" and len(first) != 4:
        return False
    return len(first) == len(digits)


def name_before(ctx: ArticleContext, m: NumberMention) -> bool:
    """The number follows a capitalized word inside a sentence: a model or name (`Mazda 3`)."""
    sent = ctx.sentence_start(m.start)
    prev = re.search(r"(?:^|\s)([^\W\d_]+\d*)[ \t]+$", ctx.text[sent:m.start])
    if not prev or prev.start(1) == 0:
        return False
    word = prev.group(1)
    return any(ch.isupper() for ch in word) and word.lower() not in function_words()


@cache
def _class_res() -> dict[Kind, re.Pattern[str]]:
    return {kind: cue_before_re(words, r"[ \t]+") for kind, words in cues().class_label_before.items()}


def class_label_before(text: str, pos: int, kind: Kind) -> bool:
    """A figure of `kind` right after a noun it describes the type of (`1 ôtô 25 tấn`, like
    `xe 7 chỗ`, §7): a class label, not a quantity of goods."""
    rx = _class_res().get(kind)
    return bool(rx and rx.search(text, max(0, pos - windows().class_label), pos))


@cache
def _idiom_exception_re() -> re.Pattern[str]:
    return re.compile(rf"({alternation_or_never(cues().idiom_exceptions)})(?![^\W\d_])", re.IGNORECASE)


@cache
def _sides_re() -> re.Pattern[str]:
    sides = cues().sides
    if not sides.get("words") or not sides.get("after"):
        return re.compile(r"(?!)")
    word = rf"(?:{alternation(list(number_words().all_words()))})"
    return re.compile(rf"(?:\d+|{word}(?:[ \t]+{word})*)[ \t]+(?:{alternation(sides['words'])})"
                      rf"[ \t]+(?:{alternation(sides['after'])})(?![^\W\d_])", re.IGNORECASE)


def is_idiom(text: str, pos: int) -> bool:
    """An idiom or position starts at `pos` (`hai bên đường`, `một lòng`, `1 số`), unless it is
    a count that starts like one (`ba mẹ con`); `N bên` before a position or a joint act of the
    parties names sides (`2 bên tả luy`, `hai bên ký kết`), see `sides` in cues.yaml."""
    if _sides_re().match(text, pos):
        return True
    return bool(_idiom_re().match(text, pos)) and not _idiom_exception_re().match(text, pos)


@cache
def _indefinite_re() -> re.Pattern[str]:
    return cue_before_re(cues().indefinite_before, r"\s+")


def indefinite_before(text: str, pos: int) -> bool:
    """`dăm ba người`, `vài ba hộ`: a spelled-out number after these words is no count (§7);
    nor is the second of two neighbouring spelled digits (`một, hai căn`, `hai, ba hộ`: one or
    two, two or three)."""
    window = text[max(0, pos - windows().indefinite):pos]
    return bool(_indefinite_re().search(window)) or _neighbour_digit_before(text, pos, window)


@cache
def _digit_word_re() -> re.Pattern[str]:
    digits = [w for w, d in number_words().digits.items() if d.initial]
    return re.compile(rf"(?:^|[^\w])({alternation(digits)}),?[ \t]+$", re.IGNORECASE)


@cache
def _digit_at_re() -> re.Pattern[str]:
    return re.compile(rf"({alternation(list(number_words().digits))})(?![^\W\d_])", re.IGNORECASE)


def _neighbour_digit_before(text: str, pos: int, window: str) -> bool:
    """The spelled digit at `pos` follows the digit one below it (`hai, ba hộ`): a vague count."""
    here = _digit_at_re().match(text, pos)
    before = _digit_word_re().search(window)
    if not here or not before:
        return False
    digits = number_words().digits
    return digits[here.group(1).lower()].value == digits[before.group(1).lower()].value + 1
