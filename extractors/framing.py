"""The period that frames a whole article (ANNOTATION.md §8): what a figure with no year of its
own, in its clause, sentence, paragraph opener or heading, holds for.

WHY apart from `locate`: the article's period is read once, from its title and lead (`Tổng kết năm
2024`, `Trưa 27/8, ...`), else from the sentence that dates the event it reports (`Vụ việc xảy ra
sáng 9/12`) or the date opening its first body paragraph when that tells of an incident; each
source has its own limits (a congress's term in the title, a statement's or a meeting's day, a
one-paragraph scrape whose "lead" is the whole page), and `locate` only asks for the result.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .layout import Layout
from .lexicon import alternation, windows, word_re
from .years import YearMention, lowered, year_words

#: A year frames what follows when its clause has at most this many other words (`Trong
#: năm 2024,`; `Mưa liên tục từ chiều 28-8,`).
_FRAME_WORDS = 4

#: A digit: a number before a title's year makes the year that figure's (`_figure_before`).
_DIGIT = re.compile(r"\d")

Period = tuple[int | None, int | None]


def article_period(years: Sequence[YearMention], lay: Layout) -> tuple[Period, Period, bool]:
    """(the period framing the article, the period its title names, whether the framing is the
    day of the event the article reports rather than a period it names), periods as (year,
    year_max) pairs."""
    text_end = len(lay.text)
    head_end = lay.paragraphs[1][1] if len(lay.paragraphs) > 1 else text_end
    title_end = lay.paragraphs[0][1] if lay.paragraphs else 0
    found = (framing_mention(years, lay, title_end, _lead_end(lay, head_end)) or event_date(years, lay, head_end)
             or body_lead_date(years, lay))
    title = framing_mention(years, lay, title_end, title_end)
    return _period(found), _period(title), bool(found and (found.dated or found.day))


def _period(mention: YearMention | None) -> Period:
    return (mention.year, mention.year_max) if mention is not None else (None, None)


def framing_mention(years: Sequence[YearMention], lay: Layout, title_end: int,
                    head_end: int) -> YearMention | None:
    """The period the title names, else the one a framing phrase of the lead names
    (`trong 9 tháng đầu năm 2024, ...`; `Trưa 27/8, ...` dates the event: the publication
    year). A day in the title dates the event too, even after a figure (`trao 500 suất quà dịp
    27/7`). A day written without its year anywhere in the lead's first sentence dates the event
    the article reports (`mưa lũ xảy ra từ ngày 7-7 đến nay ...`): the publication year. Any other
    year inside a longer clause of the lead is that clause's, not the article's."""
    own = [y for y in years if y.end <= head_end and not y.comparison]
    first = lay.sentence(title_end + 1) if title_end < head_end else (0, 0)
    in_first = [y for y in own if first[0] <= y.start < first[1]]
    for y in own:
        if y.end <= title_end and _names_a_term(lay, y):
            continue  # `Đại hội ... nhiệm kỳ 2018 - 2023 thành công tốt đẹp`: the congress's name
        in_title = y.end <= title_end and (y.dated or not _figure_before(lay, y))
        if y in in_first and _vague(y) and any(o.this_year for o in in_first):
            continue  # `Trong vòng 5 năm trở lại đây, chưa năm nào ... nhiều như năm nay`: this year's
        if (in_title or frames(lay, y) or ((y.dated or y.this_year or (y.day and not _bracketed(lay, y))) and y in in_first)
                or (y in in_first and _opening_frame(lay, y, first))):
            return y
    return None


def _bracketed(lay: Layout, year: YearMention) -> bool:
    """Whether `year` stands inside brackets in its sentence: an aside (`(01/4/1959 – 01/4/2018)`)."""
    before = lay.text[lay.sentence(year.start)[0]:year.start]
    return before.count("(") > before.count(")")


def _names_a_term(lay: Layout, year: YearMention) -> bool:
    """Whether `year` is a term's (`nhiệm kỳ 2018 - 2023`): in a title it names a congress."""
    around = windows().term_around
    return _term_re().search(lowered(lay.text[max(0, year.start - around):year.start + around])) is not None


@cache
def _term_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(year_words().term_heads)})\s+\d")


def _vague(year: YearMention) -> bool:
    """A span that names no year (`5 năm trở lại đây`, `thời gian qua`)."""
    return year.year is None and not (year.dated or year.this_year or year.current)


def _opening_frame(lay: Layout, year: YearMention, sentence: tuple[int, int]) -> bool:
    """Whether `year` lies in the clause that opens `sentence`, that clause opening with a word of
    time (`Đến những ngày trước và sau Tết Nguyên đán 2018, giá tôm ... phục hồi`) and holding no
    other number: a framing phrase however long, since it says when the whole sentence holds."""
    lo, hi = lay.clause(sentence[0])
    if not lo <= year.start < hi or _DIGIT.search(lay.text[lo:year.start] + lay.text[year.end:hi]):
        return False
    return _frame_opener_re().match(lowered(lay.text[lo:hi]).lstrip()) is not None


@cache
def _frame_opener_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(year_words().frame_openers)})(?!\w)")


def event_date(years: Sequence[YearMention], lay: Layout, head_end: int) -> YearMention | None:
    """The year of the first body sentence that says when an event happened (`Vụ việc xảy ra
    sáng 9/12`, `Mưa lớn diễn ra vào rạng sáng 28-8`): with no period in the title or lead, that
    dates the event the article reports (§8). A sentence opening with `Trước đó` tells of an
    earlier event and dates nothing; nor does a quote."""
    pattern = _event_dating_re()
    for y in years:
        if y.start < head_end or y.comparison or not (y.dated or y.year is not None):
            continue
        lo, _ = lay.clause(y.start)
        sentence = lay.sentence(y.start)
        if (pattern.search(lowered(lay.text[max(lo, y.start - windows().event_dating_before):y.start]))
                and not _story_past_re().match(lowered(lay.text[sentence[0]:sentence[1]]).lstrip(' "“'))
                and '"' not in lay.text[sentence[0]:y.start] and "“" not in lay.text[sentence[0]:y.start]):
            return y
    return None


def body_lead_date(years: Sequence[YearMention], lay: Layout) -> YearMention | None:
    """The date opening the first body paragraph (`Ngày 31/10, người dân ... phát hiện cá chết`)
    when the title and the lead (the sapo) date nothing and that sentence reports an incident (a
    fire, a flood, a death: `incident_words`): the news lead of papers that print a sapo first,
    dating the incident the article reports, every figure of it (§8 `that fire or flood`). A
    meeting's or a statement's day dates nothing more than its own sentence."""
    if len(lay.paragraphs) < 3:
        return None
    first = lay.paragraphs[2]
    opener, sentence = lay.clause(first[0]), lay.sentence(first[0])
    said = lowered(lay.text[sentence[0]:sentence[1]])
    if _statement_re().search(said) or not _incident_re().search(said):
        return None  # `Ngày 8-11, ông A cho biết ...`: the day of a statement, not of the event
    for y in years:
        if opener[0] <= y.start < opener[1] and (y.dated or y.day) and not y.comparison and frames(lay, y):
            return y
    return None


@cache
def _incident_re() -> re.Pattern[str]:
    return word_re(year_words().incident_words)


@cache
def _statement_re() -> re.Pattern[str]:
    return word_re(year_words().statement_verbs)


@cache
def _event_dating_re() -> re.Pattern[str]:
    words = year_words()
    gap = words.event_dating_gap
    return re.compile(rf"(?<!\w)(?:{alternation(words.event_dating_words)})(?:\s+\S+){{0,{gap}}}\s+$")


@cache
def _story_past_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(year_words().event_dating_not_after)})(?!\w)")


def _figure_before(lay: Layout, year: YearMention) -> bool:
    """Whether a number stands before `year` in its clause (`657.000 tỷ đồng đầu tư công năm
    2024`): the year is that figure's, not the period the whole article reports on."""
    lo = lay.clause(year.start)[0]
    return _DIGIT.search(lay.text, lo, year.start) is not None


def frames(lay: Layout, year: YearMention) -> bool:
    """Whether `year` is a framing phrase: its clause holds little else (`Năm 2024,`). A clause in
    brackets is an aside, never a frame (`kỷ niệm 59 năm ngày truyền thống ngành (01/4/1959 –
    01/4/2018), ngày 30/3/2018, ...`: the anniversary's dates are not the event's)."""
    lo, hi = lay.clause(year.start)
    if lay.text[lo - 1:lo] == "(" or lay.text[lo:lo + 1] == "(":
        return False
    rest = lay.text[lo:year.start] + lay.text[year.end:hi]
    return len(re.findall(r"\w+", rest)) <= _FRAME_WORDS


def _lead_end(lay: Layout, head_end: int) -> int:
    """Where the lead ends for the period it frames: the first paragraph after the title, but no
    further than its first `lead_sentences` sentences (a scraped page that runs the whole body into
    one paragraph has no lead paragraph: `năm 2024,` in its middle frames no figure before it)."""
    if not lay.paragraphs or len(lay.paragraphs) < 2:
        return head_end
    end = lay.paragraphs[1][0]
    for _ in range(windows().lead_sentences):
        if end >= head_end:
            break
        end = max(end + 1, lay.sentence(end)[1])
    return min(end, head_end)
