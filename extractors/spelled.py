"""Spelled-out Vietnamese numbers: `hai mươi mốt`, `một trăm linh năm`, `ba trăm nghìn`.

A run of number words is read left to right with the usual place rules (`mươi` multiplies the
digit before it, `trăm` the small part, scale words the whole); a run that breaks those rules is
not a number. Capitalized runs inside a sentence are names (`thôn Hai Căn`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from vnfigures.schemas import canonical_decimal

from .lexicon import alternation, cue_before_re, number_words, windows
from .mention import NumberMention
from .rejections import Reason, Rejection

_LETTER = r"[^\W\d_]"
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"'“”(\[…–-])\s*$")


@cache
def _word_re() -> re.Pattern[str]:
    return re.compile(rf"{_LETTER}+")


@dataclass(frozen=True)
class _Word:
    """One word of the text, shaped like a `re.Match` (`group`, `start`, `end`)."""

    at: int
    to: int
    text: str

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to


def _words(text: str) -> list[_Word]:
    """The words of `text`, a word glued to the one before it split off where a capital opens a
    lower-case word (`TP HCMHai dãy nhà`, `Hà NộiNhận`: a dateline copied without its break).

    >>> [w.group() for w in _words("TP HCMHai dãy")]
    ['TP', 'HCM', 'Hai', 'dãy']
    """
    out: list[_Word] = []
    for m in _word_re().finditer(text):
        word, at = m.group(), m.start()
        cuts = [i for i in range(1, len(word) - 1)
                if word[i].isupper() and word[i + 1].islower() and word[i - 1].isalpha()]
        for a, b in zip([0, *cuts], [*cuts, len(word)]):
            out.append(_Word(at + a, at + b, word[a:b]))
    return out


def _words_value(words: list[str], hundred_alone: bool = False) -> Decimal | None:
    """Value of a run of number words, or None when the run is not a well-formed number;
    `hundred_alone`: a leading `trăm` or scale word is one of it (`hơn trăm ngàn`, `gần triệu`). A digit ending the run
    right after `trăm` or a scale word fills the next place down, as speech shortens it:
    `một trăm hai` = 120, `hai nghìn ba` = 2.300, `một tỷ hai` = 1,2 tỷ (`linh` keeps the units:
    `một trăm linh hai` = 102)."""
    nw = number_words()
    if hundred_alone:
        words = [next(iter(w for w, d in nw.digits.items() if d.value == 1)), *words]
    total, small, last, place = Decimal(0), Decimal(0), Decimal(0), Decimal(1)
    big = Decimal(1)
    for i, raw in enumerate(words):
        w = raw.lower()
        if w in nw.zero_words:
            if i == 0 or words[i - 1].lower() not in nw.scales:
                return None
            last = Decimal(0)
        elif w in nw.digits:
            if (i == 0 and not nw.digits[w].initial) or (i > 0 and words[i - 1].lower() in nw.digits):
                return None  # `hai năm` is "two years", not a number
            last = Decimal(nw.digits[w].value)
            small += last
        elif w in nw.ten_words:
            small += 10
            last, place = Decimal(0), Decimal(10)
        elif w in nw.tens_multipliers:
            if i == 0:
                return None
            small += last * 9
            last, place = Decimal(0), Decimal(10)
        elif w in nw.hundred_words:
            if i == 0:
                return None
            small *= 100
            last, place = Decimal(0), Decimal(100)
        elif w in nw.joiners:
            if i == 0:
                return None
        elif w in nw.half_words:
            if i == 0:
                return None
            small += place / 2 if place < 1000 else 0
            if place >= 1000:
                total += place / 2
        elif w in nw.scales:
            if i == 0:
                return None
            scale = Decimal(nw.scales[w])
            if scale > big:
                total = (total + small) * scale
                big = scale
            else:
                total += small * scale
            small, last, place = Decimal(0), Decimal(0), scale
        else:
            return None
    if len(words) > 1 and words[-1].lower() in nw.digits and (
            words[-2].lower() in nw.hundred_words or words[-2].lower() in nw.scales):
        small += last * (place / 10 - 1)  # `một trăm hai`, `một tỷ hai`: the next place down
    return total + small


def is_sentence_start(text: str, pos: int) -> bool:
    """A sentence mark right before `pos`, or a letter glued to it (a dateline: `TP HCMHai`)."""
    if pos > 0 and text[pos - 1].isalpha():
        return True
    return bool(_SENTENCE_START.search(text[max(0, pos - windows().sentence_mark):pos]))


def word_runs(text: str, rejected: list[Rejection] | None = None) -> list[NumberMention]:
    """Spelled-out numbers: maximal runs of number words separated by single spaces; a run
    read as a name or a year goes to `rejected` with its reason when it is given.

    >>> [(m.raw, m.value) for m in word_runs("hai mươi mốt hộ, thôn Hai Căn, năm 2017")]
    [('hai mươi mốt', Decimal('21'))]
    """
    nw = number_words()
    vocab = nw.all_words()
    out: list[NumberMention] = []
    words = _words(text)
    i = 0
    while i < len(words):
        j = i
        while (j < len(words) and (words[j].group().lower() in vocab or _zero_at(words, i, j))
               and (j == i or text[words[j - 1].end():words[j].start()] == " ")
               and not _scale_of_noun(words, j)):
            j += 1
        if j == i:
            i += 1
            continue
        run = words[i:j]
        alone = _hundred_alone(text, run)
        for k in range(len(run), 0, -1):  # the longest well-formed prefix: `hai | năm`
            if run[k - 1].group().lower() in nw.joiners or _words_value(
                    [m.group() for m in run[:k]], alone) is None:
                continue
            mention = _word_mention(text, run[:k], alone)
            if isinstance(mention, NumberMention):
                out.append(mention)
            elif mention is not None and rejected is not None:
                rejected.append(Rejection(run[0].start(), run[k - 1].end(), mention))
            break
        i = j
    return out


def _zero_at(words: list[_Word], i: int, j: int) -> bool:
    """`không` inside a run, right before `trăm`: a zero (`một nghìn không trăm linh năm`)."""
    nw = number_words()
    return (j > i and words[j].group().lower() in nw.zero_words and j + 1 < len(words)
            and words[j + 1].group().lower() in nw.hundred_words)


@cache
def _hundred_alone_re() -> re.Pattern[str]:
    return cue_before_re(number_words().hundred_alone_after, r"[ \t]+")


def _hundred_alone(text: str, run: list[_Word]) -> bool:
    """A run opening with `trăm` (or a scale word) after `hơn`, `gần`…, or followed by a half
    word: one of it (`hơn trăm ngàn/ngày`, `hơn nghìn tỷ đồng`, `triệu rưỡi`)."""
    nw = number_words()
    first = run[0]
    if first.group().lower() not in nw.alone_words:
        return False
    if len(run) > 1 and run[1].group().lower() in nw.half_words:
        return True
    if _half_before(text, run) is not None:
        return True
    return bool(_hundred_alone_re().search(text, max(0, first.start() - windows().hundred_alone), first.start()))


@cache
def _half_before_re() -> re.Pattern[str]:
    return cue_before_re(number_words().half_before, r"[ \t]+", group=True)


def _half_before(text: str, run: list[_Word]) -> int | None:
    """Where a half word right before a run of one scale word starts (`nửa triệu đồng`,
    `nửa tỷ`), or None: the run is then half of that scale. `một nửa` is an idiom (§7), not
    half of a scale."""
    nw = number_words()
    if len(run) != 1 or run[0].group().lower() not in nw.scales:
        return None
    start = run[0].start()
    cue = _half_before_re().search(text, max(0, start - windows().hundred_alone), start)
    if cue is None:
        return None
    before = text[max(0, cue.start(1) - 8):cue.start(1)].lower().rstrip()
    ones = [w for w, d in nw.digits.items() if d.value == 1]
    return None if before.endswith(tuple(ones)) else cue.start(1)


@cache
def _noun_res() -> dict[str, re.Pattern[str]]:
    return {word: cue_before_re(before, r"[ \t]+") for word, before in number_words().noun_after.items()}


@cache
def _noun_before_verb_res() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    out = {}
    for word, rule in number_words().noun_before_verbs.items():
        after = rf"(?:[ \t]+[^\W\d_]+){{0,{rule.gap}}}?[ \t]+(?:{alternation(rule.verbs)})(?![^\W\d_])"
        out[word] = (cue_before_re(rule.before, r"[ \t]+"), re.compile(after, re.IGNORECASE))
    return out


def _noun_before_verb(text: str, word: _Word) -> bool:
    """A lone number word that its word before and the verb after make a noun (see
    `noun_before_verbs` in number_words.yaml): the clause is about the year, it counts nothing."""
    rule = _noun_before_verb_res().get(word.group().lower())
    if rule is None:
        return False
    before, after = rule
    return bool(before.search(text, max(0, word.start() - windows().noun_after), word.start())
                and after.match(text, word.end()))


def _scale_of_noun(words: list[_Word], j: int) -> bool:
    """`triệu` in `một triệu phú` (a millionaire) starts a noun, it scales nothing."""
    nw = number_words()
    return (words[j].group().lower() in nw.scales and j + 1 < len(words)
            and words[j + 1].group().lower() in nw.not_scale_before)


def _word_mention(text: str, run: list[_Word], hundred_alone: bool = False
                  ) -> NumberMention | Reason | None:
    """The number a well-formed run of number words makes, why it makes none, or None when
    the run is no candidate at all (a unit word after digits, `sau 10 năm`)."""
    first = run[0]
    noun = _noun_res().get(first.group().lower()) if len(run) == 1 else None
    if noun is not None and noun.search(text, max(0, first.start() - windows().noun_after), first.start()):
        return Reason.year  # `đầu năm con chị`: the noun "year"
    if len(run) == 1 and _noun_before_verb(text, first):
        return Reason.year  # `có năm người dân bán được giá`: "in some years"
    if first.group()[0].isupper() and (not is_sentence_start(text, first.start())
                                       or re.match(r"\s+[A-ZĐ]", text[run[-1].end():])):
        return Reason.name  # a name such as "thôn Hai Căn", "H.Năm Căn", "Hai Bà Trưng"
    if re.match(r"\s*\d", text[run[-1].end():]):
        return Reason.year  # "năm 2017": the year, not five
    if re.search(r"\d[ \t]*\Z", text[max(0, first.start() - 3):first.start()]):
        return None  # "sau 10 năm": the noun after a number, not a number
    value = _words_value([m.group() for m in run], hundred_alone)
    if value is None or value == 0:
        return None
    start, end = first.start(), run[-1].end()
    half = _half_before(text, run)
    if half is not None:  # `nửa triệu đồng`: half of the scale, the span from the half word
        start, value = half, value / 2
    scales = number_words().scales
    last_scale = next((Decimal(scales[m.group().lower()]) for m in reversed(run)
                       if m.group().lower() in scales), Decimal(1))
    return NumberMention(start, end, canonical_decimal(value), text[start:end], "words", last_scale,
                         bare_mot=len(run) == 1 and first.group().lower() == "một")
