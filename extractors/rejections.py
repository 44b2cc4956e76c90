"""Why a candidate number became no figure: one short reason code per dropped number.

The extractor drops numbers in many places (a date, a code, a label before it, no counted noun
after it, a figure overlapping another). Each drop leaves a `Rejection` with its span and a
`Reason`, so that an evaluation can say beside a missed gold figure why the number there was
dropped (`vnfig eval --errors`), and a rule can be fixed where it fires.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Reason", "Rejection"]


class Reason(StrEnum):
    """The reason codes, each a family of ANNOTATION.md §2/§7 non-figures (or a conflict)."""

    date = "date"  #: a date, a month and year or a day-month pair (`ngày 5/11`, `tháng 8/2020`)
    time = "time"  #: a time of day (`18:42`, `5h30`)
    code = "code"  #: an identifier, model or phone number (`S20`, `0913…`, `1A`, `100/2019/NĐ-CP`)
    label = "label"  #: a label word before the number (`năm 2021`, `Quốc lộ 1`, `lần thứ 3`)
    name = "name"  #: a capitalized word before it or a capitalized run: a name (`Mazda 3`)
    class_label = "class_label"  #: a type description (`1 ôtô 25 tấn`, `gạo 5%`)
    idiom = "idiom"  #: an idiom or position (`hai bên đường`, `một số`, `3 ca, 4 kíp`)
    indefinite = "indefinite"  #: an indefinite amount (`vài trăm`, `dăm ba người`)
    one_as_article = "one_as_article"  #: `một` read as "a/an" (§7)
    not_counted_after = "not_counted_after"  #: a duration, age, time or score word follows (`3 ngày`)
    year = "year"  #: a bare year (`2024`), or a spelled number before one (`năm 2017`)
    no_counted_noun = "no_counted_noun"  #: a bare number that no unit, noun or partner makes a figure
    invalid = "invalid"  #: digits that read as no number, or a figure the record refuses
    overlap = "overlap"  #: inside the span of another figure
    story_link = "story_link"  #: inside a related-story link set in the body (§7)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A candidate number that became no figure: its span in the text and why."""

    start: int
    end: int
    reason: Reason
