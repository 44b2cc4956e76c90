"""Read one number in context: what it counts, its canonical value, its rate and its noun.

A `Candidate` is a number plus the unit after it (or none, when the number is bare). Whether a
bare number still becomes a figure (a range's low end, the first of `13/20 hộ`, `gấp đôi`) is
decided by the resolver, which sees the neighbouring readings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from vnfigures.schemas import CANONICAL_UNITS, Kind

from .context import ArticleContext
from .currency import currency_before
from .labels import (LabelBefore, class_label_before, function_words, indefinite_before, is_idiom, label_before,
                     name_before)
from .lexicon import alternation, alternation_or_never, cue_before_re, cues, word_set, number_words, separator_re, unit_table, windows
from .numbers import NumberMention
from .rejections import Reason, Rejection
from .surroundings import (as_building, classifier_noun_kind, clause_noun_kind, money_subject, needed_word_near, non_dwelling_owner,
                           one_counts, paid_months)
from .units import UnitMatch, blocked_after, unit_at, with_factor

_NOUN_WORD = re.compile(r"[ \t]+([^\W\d_][\w’'-]*)")
_YEAR = (Decimal(1945), Decimal(2099))
#: a spelled number ending in a scale word (`nghìn`, `triệu`, `tỷ`) with no unit is money like
#: `82 tỉ` (§7) when its clause names money (`thiệt hại ba tỷ`, `tiền công khoảng ba trăm ngàn`,
#: not `dân số hai triệu`)
_SPELLED_MONEY_SCALE = Decimal(1_000)
#: an all-capitals abbreviation naming what is counted (`500 CNVCLĐ`, `30 DN`, `5 HTX`)
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,7}")


@dataclass(frozen=True)
class Candidate:
    """A number read with what follows it. `unit` is None for a bare number."""

    mention: NumberMention
    unit: UnitMatch | None
    kind: Kind | None
    unit_code: str | None
    value: Decimal
    end: int
    subject: str
    per: str | None
    #: why a bare reading (no kind) becomes no figure unless a neighbour makes it one
    bare: Reason = Reason.no_counted_noun


def _thousands_of(text: str, m: NumberMention) -> Candidate | None:
    """A count in thousands of the noun right after it (`11 nghìn loài sinh vật`: kind other),
    or None when no noun follows or the noun names money (`200 nghìn tiền điện`)."""
    nxt = _NOUN_WORD.match(text, m.end)
    if nxt is None or not nxt.group(1).islower() or not _may_be_counted(nxt.group(1)):
        return None
    subject, end = _noun_words(text, m.end, 3)
    if not subject or any(subject == w or subject.startswith(w + " ") for w in _thousand_money_nouns()):
        return None
    return Candidate(m, None, Kind.other, "item", m.value, end, subject, None)


def _may_be_counted(word: str) -> bool:
    """Whether the word after a bare number may begin the noun it counts: no function word, and
    none of `not_nouns_after_bare` (`626 hiện còn 13 điểm`: `hiện` is "now")."""
    return word not in function_words() and word not in _not_nouns_after_bare()


@cache
def _thousand_money_nouns() -> tuple[str, ...]:
    return tuple(number_words().thousand_money_nouns)


def _noun_words(text: str, pos: int, limit: int) -> tuple[str, int]:
    """Up to `limit` words naming the counted thing after `pos`, and where they end. The phrase
    stops before a function word or a word opening the predicate (`tự`, `nghỉ học`)."""
    words: list[str] = []
    end = pos
    while len(words) < limit and not _phrase_ends(text, end):
        m = _NOUN_WORD.match(text, end)
        assert m is not None
        words.append(m.group(1))
        end = m.end()
    return " ".join(words), end


def _phrase_ends(text: str, end: int) -> bool:
    """No word of a counted noun phrase starts at `end`: none follows, or a function word, a
    predicate opener, a name, a number word or a blocked word (`ngày`) does."""
    m = _NOUN_WORD.match(text, end)
    if (not m or m.group(1).lower() in function_words() or blocked_after(text, end)
            or m.group(1)[0].isupper() or m.group(1).lower() in _number_words()
            or _predicate_re().match(text, end)):
        return True  # a number word starts the next figure (`hai vợ chồng nuôi bốn người con`)
    pair = _NOUN_WORD.match(text, m.end())
    return bool(pair and f"{m.group(1)} {pair.group(1)}".lower() in function_words())  # `trị giá`


@cache
def _predicate_re() -> re.Pattern[str]:
    return re.compile(rf"[ \t]+(?:{alternation(cues().predicate_openers)})(?![^\W\d_])", re.IGNORECASE)


@cache
def _not_nouns_after_bare() -> frozenset[str]:
    return word_set(cues().not_nouns_after_bare)


@cache
def _ordinal_before_re() -> re.Pattern[str]:
    """`vụ 1 nuôi tôm`: a word that makes the bare number after it an ordinal."""
    return cue_before_re(cues().ordinal_before_bare, r"[ \t]+")


@cache
def _number_words() -> frozenset[str]:
    return word_set(number_words().all_words())


def _drop_classifier(subject: str) -> str:
    """`căn nhà tình thương` counts `nhà tình thương`; a lone classifier stays."""
    head, _, rest = subject.partition(" ")
    return rest if rest and head in unit_table().subject_drop else subject


@cache
def _per_re() -> re.Pattern[str]:
    """`/kg`, `/1 nhà mới`, `mỗi kg`, `cho 2 sào` (the words in `cues.yaml`)."""
    c = cues()
    return re.compile(
        r"[ \t]*/[ \t]*(?:(1)[ \t]*|(\d+(?:[.,]\d+)?)[ \t]*)?([^\W\d_][\w²³]*)"
        rf"|[ \t]+(?:{alternation(c.per_words)})[ \t]+([^\W\d_]\w*)"
        rf"|[ \t]+(?:{alternation(c.per_quantity_words)})[ \t]+(\d+(?:[.,]\d+)?[ \t]*"
        rf"(?:{alternation(c.per_quantity_units)}))(?![^\W\d_])")


@cache
def _one_of_re() -> re.Pattern[str]:
    """`một trong ba thiết kế` (one of three designs): the spelled number counts the noun after it."""
    one = [w for w, d in number_words().digits.items() if d.value == 1 and d.initial]
    return cue_before_re([f"{o} {w}" for o in one for w in number_words().share_separators], r"[ \t]+")


def _per_at(text: str, pos: int, unit: UnitMatch | None = None) -> tuple[str | None, int]:
    """A rate's denominator after `/` or `mỗi` (`đồng/kg`, `đồng/1 nhà mới` -> `nhà mới`).
    A number in the same unit after the slash is no denominator: `64.000 tấn/80.000 tấn`
    is two figures, done out of planned (§7 `13/20 hộ`)."""
    m = _per_re().match(text, pos)
    if not m:
        return None, pos
    if m.group(2) and unit is not None:
        other = unit_at(text, m.end(2))
        if other is not None and other.kind is unit.kind:
            return None, pos
    if m.group(5):
        return m.group(5), m.end()
    head = m.group(3) or m.group(4)
    if m.group(4) and head.lower() in function_words():
        return None, pos
    end = m.end()
    if m.group(3):
        while (chained := _CHAINED_PER.match(text, end)):  # `đồng/lượt/xe`, `USD/m2/tháng`
            head, end = f"{head}/{chained.group(1)}", chained.end()
    more, end = _noun_words(text, end, 2)
    noun = f"{head} {more}".strip()
    return (f"{m.group(2)} {noun}" if m.group(2) else noun), end


#: a second denominator glued after the first: `35.000 đồng/lượt/xe`, `4.000 USD/người/năm`
_CHAINED_PER = re.compile(r"/([^\W\d_][\w²³]*)")


def interpret(ctx: ArticleContext, m: NumberMention) -> Candidate | Rejection:
    """Read mention `m`, or say why it is not a quantity (a label, date, year, code)."""
    found = _read(ctx, m)
    return found if isinstance(found, Candidate) else Rejection(m.start, m.end, found)


def _read(ctx: ArticleContext, m: NumberMention) -> Candidate | Reason:
    text = ctx.text
    label = label_before(ctx, m)
    if label is LabelBefore.NOT_A_QUANTITY:
        return Reason.label
    if is_idiom(text, m.start):
        return Reason.idiom
    if m.form == "words" and indefinite_before(text, m.start):
        return Reason.indefinite
    if m.form == "fraction":
        if class_label_before(text, m.start, Kind.percent):
            return Reason.class_label  # `thương binh 1/4`: a class, no share
        return _read_bare(ctx, m)  # `1/3 dân số` is a percentage whatever follows (§7)
    signed = _signed_money(ctx, m)
    if signed is not None:
        return signed
    unit = _unit_in_context(ctx, m)
    if unit and unit.entry and unit.entry.region_factor:  # `sào`, `mẫu` (§7)
        unit = with_factor(unit, ctx.land_factor(unit.entry.region_factor))
    if label is LabelBefore.UNLESS_MEASURED and m.scale == 1 and (unit is None or not unit.measure) and not (
            unit is None and _range_follows(text, m.end)) and not _count_per_mass(text, unit):
        return Reason.label  # `mệnh giá 1 – 2 chỉ`: the low end waits for its range partner
    if unit is None:
        # `3/5 xã` is a pair only when a unit follows; else `3/5` is a date
        return Reason.date if m.date_like and not m.pair_first else _read_bare(ctx, m)
    if not unit.measure and _year_before_noun(text, m):
        return Reason.year
    if m.bare_mot and not unit.measure and not one_counts(text, m.start):
        return Reason.one_as_article
    if class_label_before(text, m.start, unit.kind) or (
            unit.entry is not None and unit.entry.label_after and _after_label(text, m.start, unit.entry.label_after)):
        return Reason.class_label
    per, end = _per_at(text, unit.end, unit)
    subject, noun_end = _noun_words(text, unit.end if per is None else end,
                                    0 if unit.kind is Kind.money else 3)
    words_after = subject
    if not unit.measure:
        subject = _drop_classifier(f"{unit.form} {subject}".strip())
    elif unit.kind is Kind.money:
        subject = money_subject(ctx, m.start, unit.end)
    if per is None and "/" in unit.form:  # `km/h`, `lần/ngày`
        per = unit.form.split("/", 1)[1]
    if per is None and unit.kind is not Kind.money:
        end = noun_end
        if noun_end > unit.end and text.startswith("/", noun_end):  # `10 kg gạo/nhân khẩu`
            per, end = _per_at(text, noun_end, unit)
            end = end if per else noun_end
    borrowed = (clause_noun_kind(ctx, m.start, unit.entry.kind_from_clause)
                if unit.entry is not None and unit.entry.kind_from_clause else None)
    if borrowed is not None:  # `khách du lịch đạt 2,67 triệu lượt`
        return Candidate(m, unit, borrowed, CANONICAL_UNITS[borrowed], m.value, end, subject, per)
    lone = _lone_classifier_kind(ctx, m, unit, words_after)
    if lone is not None:  # `Nhà bị sập: 25 cái`
        return Candidate(m, unit, lone, CANONICAL_UNITS[lone], m.value, end, subject, per)
    if unit.kind is Kind.houses and non_dwelling_owner(text, noun_end):
        return Candidate(m, unit, Kind.infrastructure, "item", m.value, end, subject, per)
    building = unit.entry.as_building if unit.entry is not None else None
    if building is not None and as_building(ctx, m.start, noun_end):
        return Candidate(m, unit, building, CANONICAL_UNITS[building], m.value, end, subject, per)
    return Candidate(m, unit, unit.kind, unit.unit, m.value * unit.factor, end, subject, per)


def _count_per_mass(text: str, unit: UnitMatch | None) -> bool:
    """`loại 30 con/kg`: a count per unit of weight is a rate, a measure that a weak label
    (`loại`, `cỡ`) does not turn into a name; it names a size grade (§7 `cỡ 30 con/kg`)."""
    if unit is None:
        return False
    per, _ = _per_at(text, unit.end, unit)
    per_unit = unit_at(per, 0) if per else None
    return per_unit is not None and per_unit.kind is Kind.mass


def _lone_classifier_kind(ctx: ArticleContext, m: NumberMention, unit: UnitMatch, words_after: str) -> Kind | None:
    """A classifier with no noun of its own after it (`sập 12 cái`, `27 chiếc khác`) counts the
    dwelling or work its sentence named before it; None for any other unit."""
    lone, fillers = _lone_words()
    first = words_after.split()[0].lower() if words_after else None
    if unit.form not in lone or (first is not None and first not in fillers):
        return None
    return classifier_noun_kind(ctx, m.start)


@cache
def _lone_words() -> tuple[frozenset[str], frozenset[str]]:
    table = unit_table()
    return word_set(table.lone_classifiers), word_set(table.lone_classifier_fillers)


@cache
def _year_cue_re() -> re.Pattern[str]:
    return cue_before_re(number_words().year_before, r"[ \t]+")


#: what a year follows when it closes a span or dates a quarter: `2021-2025 tỉnh hỗ trợ`,
#: `quý I/2024 doanh nghiệp nộp`
_SPAN_OR_QUARTER = re.compile(r"(?:(?<![\d.,])(?:19|20)\d\d|(?<![^\W\d_])[IVX]{1,4})[ \t]*[-–/][ \t]*$")


def _year_before_noun(text: str, m: NumberMention) -> bool:
    """`đến 2025 xã có …`, `giai đoạn 2021-2025 tỉnh …`: a four-digit year (no thousands dot)
    after a time word, a span's first year or a quarter counts nothing, even with a counted
    noun after it."""
    if not (m.form == "digits" and m.scale == 1 and re.fullmatch(r"\d{4}", m.raw) is not None
            and _YEAR[0] <= m.value <= _YEAR[1]):
        return False
    before = max(0, m.start - windows().year_cue)
    return bool(_year_cue_re().search(text, before, m.start) or _SPAN_OR_QUARTER.search(text[before:m.start]))


@cache
def _label_after_re(nouns: tuple[str, ...]) -> re.Pattern[str]:
    return cue_before_re(set(nouns), r"[ \t]+")


def _after_label(text: str, pos: int, nouns: list[str]) -> bool:
    """The number follows one of `nouns` directly (`đường dây 500kV`): a class label."""
    return bool(_label_after_re(tuple(nouns)).search(text, max(0, pos - windows().class_label), pos))


def _range_follows(text: str, pos: int) -> bool:
    """A range separator and another number follow (`1 – 2 chỉ`)."""
    sep = separator_re("range_separators").match(text, pos)
    return bool(sep and text[sep.end():sep.end() + 1].isdigit())


def _unit_in_context(ctx: ArticleContext, m: NumberMention) -> UnitMatch | None:
    """The unit after `m` as its context allows: a unit needing a word (`chỉ` beside `vàng`)
    counts only with it in the sentence or as the article's topic."""
    text = ctx.text
    unit = unit_at(text, m.end, scaled=m.scale > 1)
    if unit is None or unit.entry is None:
        return unit
    if unit.entry.needs_word and not needed_word_near(ctx, m.start, unit.entry.needs_word):
        return None
    return unit


def _signed_money(ctx: ArticleContext, m: NumberMention) -> Candidate | None:
    """`$5`, `€20`, `US$1,5 tỷ`, `USD 5 triệu`: a currency sign or code before the number makes
    it money in that currency, its scale words included (`$1,5 tỷ` is USD, not VND); the span
    starts at the sign."""
    found = currency_before(ctx.text, m.start) if m.form == "digits" else None
    if found is None:
        return None
    sign_start, code = found
    if ctx.text[sign_start:m.start].strip().isalpha() and _unit_in_context(ctx, m) is not None:
        return None  # `tỷ giá USD 23.000 đồng`: the code names what is priced, the unit after decides
    per, end = _per_at(ctx.text, m.end)
    signed = replace(m, start=sign_start, raw=ctx.text[sign_start:m.end])
    return Candidate(signed, None, Kind.money, code, m.value, end if per else m.end,
                   money_subject(ctx, sign_start, m.end), per)


def _read_bare(ctx: ArticleContext, m: NumberMention) -> Candidate | Reason:
    """A number with no unit from the lexicon after it."""
    text = ctx.text
    if blocked_after(text, m.end):
        paid = paid_months(text, m.start, m.end)  # `chỉ trả 3 tháng`: months counted as money (§7)
        return Reason.not_counted_after if paid is None else Candidate(m, None, Kind.other, "item", m.value,
                                                                       paid, "tháng", None)
    if m.form == "words" and m.scale >= 1000:
        per, end = _per_at(text, m.end)  # `hơn trăm ngàn/ngày`: an amount of money per day
        subject = money_subject(ctx, m.start, m.end)
        if per or (m.scale >= _SPELLED_MONEY_SCALE and (subject or _money_verb_before(text, m))):
            # `thiệt hại ba tỷ` (§7 `82 tỉ`), `đã vay ba trăm triệu`
            return Candidate(m, None, Kind.money, "VND", m.value, end if per else m.end, subject, per)
    if m.form == "words":  # kept bare: only a range partner or `gấp ba` makes it a figure
        if _one_of_re().search(text, max(0, m.start - windows().one_of), m.start):  # `một trong ba thiết kế`
            subject, end = _noun_words(text, m.end, 3)
            if subject:
                return Candidate(m, None, Kind.other, "item", m.value, end, subject, None)
        return Candidate(m, None, None, None, m.value, m.end, "", None,
                       Reason.one_as_article if m.bare_mot else Reason.no_counted_noun)
    if m.form == "fraction":
        subject, end = _noun_words(text, m.end, 3)
        return Candidate(m, None, Kind.percent, "percent", m.value, m.end, subject, None)
    if name_before(ctx, m):
        counted = _headed_count(text, ctx.sentence_start(m.start), m.start)
        if counted is None:  # else a place in a tally's line: `Nhà bị sập: Cao Bằng 12, Yên Bái 15`
            return Reason.name  # a model or name (`Mazda 3`, `Mega 6/45`)
        return Candidate(m, None, counted.kind, counted.unit, m.value * counted.factor, m.end,
                         _drop_classifier(counted.form), None)
    if m.pair_first:
        return Candidate(m, None, None, None, m.value, m.end, "", None)
    if m.needs_money and (_grade_k_before(text, m) or not _money_context(ctx, m)):
        return Reason.code  # `màn hình 2K`, `chạy 10K`: a grade or distance, or no money named
    slang = _million_slang(ctx, m)
    if slang is not None:
        return slang
    if m.scale == 1000:
        counted = _thousands_of(text, m)
        if counted is not None:
            return counted
    if m.scale >= 1000:
        per, end = _per_at(text, m.end)  # a scale word alone is money: `82 tỉ` (§7)
        return Candidate(m, None, Kind.money, "VND", m.value, end, money_subject(ctx, m.start, m.end),
                       per)
    if re.match(r"[^\W\d_]", text[m.end:m.end + 1]):
        return Reason.code  # a code (`1A`, `5G`)
    per, per_end = _per_at(text, m.end)
    if per and m.value >= 1000 and text[m.end:per_end].lstrip().startswith("/"):
        return Candidate(m, None, Kind.money, "VND", m.value, per_end, "", per)  # 268.000/1 thâm niên
    is_year = _YEAR[0] <= m.value <= _YEAR[1] and m.value == m.value.to_integral_value()
    nxt = _NOUN_WORD.match(text, m.end)
    if (nxt and (nxt.group(1).islower() or _ABBREVIATION.fullmatch(nxt.group(1)))
            and _may_be_counted(nxt.group(1)) and not is_year and not _ordinal_before_re().search(text, max(0, m.start - windows().label), m.start)):
        subject, end = _noun_words(text, m.end, 3)
        if not subject and _ABBREVIATION.fullmatch(nxt.group(1)):  # `5 HTX` is the subject itself
            subject, end = nxt.group(1), nxt.end()
        if subject:  # else a verb follows (`bí truyền 400 điều trị bệnh trĩ`): it counts nothing
            per, per_end = _per_at(text, end)
            return Candidate(m, None, Kind.other, "item", m.value, per_end if per else end, subject,
                           per)
    counted = None if is_year else _counted_before(ctx, m)
    if counted is not None:  # `tổng số hộ nghèo là 115`
        return Candidate(m, None, counted.kind, counted.unit, m.value * counted.factor, m.end,
                       _drop_classifier(counted.form), None)
    return Candidate(m, None, None, None, m.value, m.end, "", None,
                   Reason.year if is_year else Reason.no_counted_noun)


def _money_context(ctx: ArticleContext, m: NumberMention, end: int | None = None) -> bool:
    """The clause of `m` names money: a rate follows (`200K/người`, `15k một bó`), a money noun
    stands before it (`giá`, `lương`) or names it after (`tiền cá`), or a verb pays or earns it."""
    end = m.end if end is None else end
    return bool(_per_at(ctx.text, end)[0] or money_subject(ctx, m.start, end)
                or _money_verb_re().search(ctx.text, max(0, m.start - windows().money_head), m.start))


@cache
def _grade_k_re() -> re.Pattern[str]:
    return cue_before_re(number_words().glued_scales_not_after, r"[ \t]+")


def _grade_k_before(text: str, m: NumberMention) -> bool:
    """`cự ly 5K`, `màn hình 4K`: a glued `k` right after these words grades or measures, even
    in a clause about money."""
    return bool(_grade_k_re().search(text, max(0, m.start - windows().label), m.start))


@cache
def _million_slang_re() -> re.Pattern[str]:
    return re.compile(rf"[ \t]+(?:{alternation(number_words().million_slang)})(?![^\W\d_])")


def _million_slang(ctx: ArticleContext, m: NumberMention) -> Candidate | None:
    """`giá 2 củ`, `kiếm được 7 củ`: a slang word for a million đồng after digits, money where
    the clause names money and no noun follows the word (`5 củ khoai` counts tubers)."""
    if m.form != "digits" or m.scale != 1:
        return None
    slang = _million_slang_re().match(ctx.text, m.end)
    if slang is None:
        return None
    nxt = _NOUN_WORD.match(ctx.text, slang.end())
    if nxt and nxt.group(1).islower() and nxt.group(1).lower() not in function_words():
        return None
    if not _money_context(ctx, m, slang.end()):
        return None
    per, end = _per_at(ctx.text, slang.end())
    return Candidate(m, None, Kind.money, "VND", m.value * 1_000_000, end if per else slang.end(),
                     money_subject(ctx, m.start, slang.end()), per)


#: a line or clause headed by what it counts, then a colon and its items: `Nhà bị sập: 25`, `- Người
#: chết: 3`, `Nhà dân: sập 5, tốc mái 120`, `Nhà bị sập: Cao Bằng 12, Lào Cai 20`
_HEADED = re.compile(r"(?:^|[;,(\n])[ \t]*(?:[-–+•][ \t]*)?(?=[^\W\d_])")
#: the items of a tally's line before the number being read (`sập 5, tốc mái 120, `, `Hải Phòng 36.675, `)
_TALLY_ITEMS = r"(?:(?:[^\W\d_]+[ \t]+){0,4}\d[\d.,]*(?:[ \t]+[^\W\d_]+){0,2}[ \t]*[,;][ \t]*)*"
_HEAD_TAIL = re.compile(rf"(?:[ \t,]+[^\W\d_]+){{0,6}}[ \t]*:[ \t]*{_TALLY_ITEMS}(?:[^\W\d_]+[ \t]+){{0,4}}")
#: what a tally's line may count (a line headed by `Xã`, `Giá` or `Tổng` is no tally of things)
_HEADED_KINDS = (Kind.houses, Kind.infrastructure, Kind.people, Kind.households)


def _headed_count(text: str, lower: int, pos: int) -> UnitMatch | None:
    """The counted noun heading the clause of a bare number after a colon, as tallies print their
    lines (`Nhà bị sập: 25` counts houses, `Người mất tích: 2` people), the items of the line
    included (`Nhà dân: sập 5, tốc mái 120`), or the noun of the total whose breakdown by place
    the number is an item of (`130.268 nhà hư hỏng, trong đó: Quảng Ninh 70.629`); `lower`
    starts the sentence."""
    for head in _HEADED.finditer(text[lower:pos]):
        unit = unit_at(text, lower + head.end())
        if unit is not None and unit.kind in _HEADED_KINDS and _HEAD_TAIL.fullmatch(text, unit.end, pos):
            return unit
    return _breakdown_count(text, lower, pos)


_TOTAL = re.compile(r"(?<![\w.,])\d[\d.,]*[ \t]+(?=[^\W\d_])")


@cache
def _breakdown_tail_re() -> re.Pattern[str]:
    """From a total's counted noun to a bare number of its breakdown: a few words, the opener
    and its colon, the items before (`…, Hải Phòng 36.675, `) and the place's name."""
    openers = alternation_or_never(cues().breakdown_openers)
    return re.compile(rf"(?:[ \t]+[^\W\d_]+){{0,4}}[ \t]*,?[ \t]*(?:{openers})[ \t]*:[ \t]*{_TALLY_ITEMS}(?:[^\W\d_]+[ \t]+){{1,4}}", re.IGNORECASE)


def _breakdown_count(text: str, lower: int, pos: int) -> UnitMatch | None:
    """The counted noun of a total whose breakdown by place holds the bare number at `pos`."""
    for total in _TOTAL.finditer(text, lower, pos):
        unit = unit_at(text, total.end())
        if unit is not None and unit.kind in _HEADED_KINDS and _breakdown_tail_re().fullmatch(text, unit.end, pos):
            return unit
    return None


#: the smallest scale a spelled amount after a money verb ends in to be money (`triệu`, `tỷ`):
#: `vay ba trăm triệu`, not `trao ba trăm nghìn` (which could count anything)
_MONEY_VERB_SCALE = Decimal(1_000_000)


@cache
def _money_verb_re() -> re.Pattern[str]:
    c = cues()
    between = alternation([*c.qualifier_fillers, *c.emphasis, *c.money_verb_fillers,
                           *(w for ws in c.qualifiers_before.values() for w in ws)])
    return re.compile(rf"(?:^|[^\w])(?:{alternation(c.money_verbs)})(?:[ \t]+(?:{between}))*[ \t]+$",
                      re.IGNORECASE)


def _money_verb_before(text: str, m: NumberMention) -> bool:
    """A verb that pays, lends or earns (`vay`, `kiếm được`, `bồi thường`) governs a spelled
    amount of millions or billions right after it: the amount is money."""
    if m.scale < _MONEY_VERB_SCALE:
        return False
    return bool(_money_verb_re().search(text, max(0, m.start - windows().money_head), m.start))


@cache
def _counted_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(cues().counted_before)})\s+", re.IGNORECASE)


@cache
def _counted_tail_re() -> re.Pattern[str]:
    links = alternation(cues().counted_links)
    return re.compile(rf"(?:[ \t]+[^\W\d_]+){{0,4}}?[ \t]*(?:{links}|:)?[ \t]*", re.IGNORECASE)


def _counted_before(ctx: ArticleContext, m: NumberMention) -> UnitMatch | None:
    """The counted noun named before a bare number: `số hộ nghèo còn 115` counts households."""
    text = ctx.text
    lower = max(ctx.sentence_start(m.start), m.start - windows().counted_before)
    last = None
    for last in _counted_re().finditer(text, lower, m.start):
        pass
    if last is None:
        sentence = ctx.sentence_start(m.start)
        return _headed_count(text, sentence, m.start) if m.start - sentence <= windows().counted_before else None
    unit = unit_at(text, last.end())
    if unit is None or unit.measure or not _counted_tail_re().fullmatch(text, unit.end, m.start):
        return None
    return unit
