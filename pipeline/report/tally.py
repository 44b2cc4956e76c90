"""The summary tables of a report: the only things held in memory while a run is read.

Sums count each fact once: a figure that repeats an earlier one (`mention_of` set) is
counted among the figures but left out of the money and household totals. A range adds its
low end (`value`). Money totals are in VND only; other currencies are counted, not summed.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from vnfigures.report.records import ArticleView, FailureView, FigureView, Problem
from vnfigures.schemas import CANONICAL_UNITS, Kind

#: Kinds whose values add up (not percentages, nor items of different things), in the unit
#: they are summed in; money and households are also plotted by province and by year.
SUMMED = {kind.value: CANONICAL_UNITS[kind] for kind in (
    Kind.money, Kind.households, Kind.houses, Kind.mass, Kind.area, Kind.people, Kind.gifts)}
MAX_PROBLEMS = 200


def year_key(figure: FigureView) -> str | None:
    """The period a figure holds for, as a plot label: `2024`, or `2023–2024` for a span."""
    if figure.year is None:
        return None
    if figure.year_max is not None and figure.year_max != figure.year:
        return f"{figure.year}–{figure.year_max}"
    return str(figure.year)


@dataclass
class Totals:
    """Sums of one summed kind, by (group, modality)."""

    by_province: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_year: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_modality: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    no_province: Decimal = Decimal(0)
    no_year: Decimal = Decimal(0)

    def add(self, figure: FigureView, amount: Decimal) -> None:
        self.by_modality[figure.modality] += amount
        if figure.province:
            self.by_province[(figure.province, figure.modality)] += amount
        else:
            self.no_province += amount
        period = year_key(figure)
        if period:
            self.by_year[(period, figure.modality)] += amount
        else:
            self.no_year += amount


@dataclass
class Tally:
    """Counts and sums over every article, failure and unreadable line of a run."""

    articles: int = 0
    figures: int = 0
    entities: int = 0
    by_kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    per_article: Counter[int] = field(default_factory=Counter)
    versions: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    provinces: Counter[str] = field(default_factory=Counter)
    figures_with_place_fields: int = 0
    figures_with_province: int = 0
    figures_with_year: int = 0
    repeats: int = 0
    ranges: int = 0
    other_currency: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    totals: dict[str, Totals] = field(default_factory=lambda: {kind: Totals() for kind in SUMMED})
    failures: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    def add_article(self, article: ArticleView) -> None:
        self.articles += 1
        self.figures += len(article.figures)
        self.entities += len(article.entities)
        self.per_article[len(article.figures)] += 1
        self.versions[article.pipeline_version] += 1
        self.flags.update(article.flags)
        self.duplicates += article.duplicate_of is not None
        for figure in article.figures:
            self._add_figure(figure)

    def _add_figure(self, figure: FigureView) -> None:
        self.by_kind[(figure.kind, figure.modality)] += 1
        self.figures_with_place_fields += figure.has_place_fields
        self.figures_with_province += figure.province is not None
        self.figures_with_year += figure.year is not None
        if figure.province:
            self.provinces[figure.province] += 1
        if figure.value_max is not None:
            self.ranges += 1
        if figure.kind == "money" and figure.unit != "VND":
            self.other_currency[figure.unit] += 1
        if figure.mention_of is not None:
            self.repeats += 1
            return
        unit = SUMMED.get(figure.kind)
        if unit is not None and figure.unit == unit and figure.value is not None:
            self.totals[figure.kind].add(figure, figure.value)

    def add_failure(self, failure: FailureView) -> None:
        self.failures[failure.error] += 1

    def add_problem(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    @property
    def kinds(self) -> list[str]:
        """Kinds found, most figures first."""
        counts: Counter[str] = Counter()
        for (kind, _), n in self.by_kind.items():
            counts[kind] += n
        return [kind for kind, _ in counts.most_common()]

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def has_place_data(self) -> bool:
        return self.figures_with_province > 0

    @property
    def has_year_data(self) -> bool:
        return self.figures_with_year > 0
