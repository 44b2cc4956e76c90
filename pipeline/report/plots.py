"""The report's plots, drawn from the summary tables: what a researcher reads at a glance.

Figures per kind; money (tỷ đồng) and households by province and by year, actual next to
target; and how many figures the articles hold. A plot with no data says why instead.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from html import escape

from vnfigures.report.labels import Labels, vn_number
from vnfigures.report.svg import BarChart, Series, horizontal, vertical
from vnfigures.report.tally import Tally, Totals

MODALITIES = ("actual", "target")
MAX_PROVINCES = 40
MAX_BINS = 15
BILLION = Decimal(10**9)
NO_PLACE = "Không có dữ liệu tỉnh/năm (no province/year data)"


def render_plots(tally: Tally, labels: Labels) -> str:
    """All plots of the report as HTML `<figure>` elements holding inline SVG."""
    money = tally.totals["money"]
    households = tally.totals["households"]
    parts = [
        _kinds_plot(tally, labels),
        _per_article_plot(tally),
        _totals_plot("plot-money-province", "Tiền theo tỉnh", "tỷ đồng", money, "province", tally, labels),
        _totals_plot("plot-households-province", "Hộ gia đình theo tỉnh", "hộ", households, "province", tally, labels),
        _totals_plot("plot-money-year", "Tiền theo năm", "tỷ đồng", money, "year", tally, labels),
        _totals_plot("plot-households-year", "Hộ gia đình theo năm", "hộ", households, "year", tally, labels),
    ]
    return "\n".join(parts)


def _figure(plot_id: str, title: str, body: str, note: str = "") -> str:
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    empty = ' empty' if body.startswith("<p") else ""
    return (f'<figure class="plot{empty}" id="{plot_id}"><figcaption>{escape(title)}</figcaption>'
            f"{body}{note_html}</figure>")


def _empty(text: str) -> str:
    return f'<p class="nodata">{escape(text)}</p>'


def _modality_series(labels: Labels, value: Callable[[str], list[float]]) -> list[Series]:
    return [Series(labels.modality(m), f"s-{m}", value(m)) for m in MODALITIES]


def _kinds_plot(tally: Tally, labels: Labels) -> str:
    title = "Số liệu theo loại"
    kinds = tally.kinds
    if not kinds:
        return _figure("plot-kinds", title, _empty("Không có số liệu nào (no figures)"))
    series = _modality_series(labels, lambda m: [float(tally.by_kind[(k, m)]) for k in kinds])
    chart = BarChart(title, [labels.kind(k) for k in kinds], series, "số liệu (figures)")
    return _figure("plot-kinds", title, horizontal(chart))


def _per_article_plot(tally: Tally) -> str:
    title = "Số liệu mỗi bài"
    if not tally.per_article:
        return _figure("plot-per-article", title, _empty("Không có bài nào (no articles)"))
    top = max(tally.per_article)
    width = max(1, math.ceil((top + 1) / MAX_BINS))
    bins = [(lo, lo + width - 1) for lo in range(0, top + 1, width)]
    counts = [float(sum(n for k, n in tally.per_article.items() if lo <= k <= hi)) for lo, hi in bins]
    names = [str(lo) if lo == hi else f"{lo}–{hi}" for lo, hi in bins]
    chart = BarChart(title, names, [Series("bài", "s-articles", counts)], "số bài (articles)",
                     "số liệu trong một bài (figures per article)")
    mean = tally.figures / tally.articles if tally.articles else 0
    return _figure("plot-per-article", title, vertical(chart),
                   f"{vn_number(tally.articles)} bài, trung bình {vn_number(mean, 1)} số liệu mỗi bài.")


def _totals_plot(plot_id: str, title: str, unit: str, totals: Totals, by: str, tally: Tally,
                 labels: Labels) -> str:
    full_title = f"{title} ({unit})"
    has_data = tally.has_place_data if by == "province" else tally.has_year_data
    table = totals.by_province if by == "province" else totals.by_year
    if not has_data:
        return _figure(plot_id, full_title, _empty(NO_PLACE), _why_no_place(tally))
    if not table:
        what = "tỉnh" if by == "province" else "năm"
        return _figure(plot_id, full_title, _empty(f"Không số liệu nào loại này có {what} (none has a {by})."))
    groups = _ordered_groups(table, by)
    shown = groups[:MAX_PROVINCES]
    scale = BILLION if unit == "tỷ đồng" else Decimal(1)
    series = _modality_series(labels, lambda m: [float(table.get((g, m), Decimal(0)) / scale) for g in shown])
    chart = BarChart(full_title, shown, series, unit, "năm (year)" if by == "year" else "", _places(series))
    svg = horizontal(chart) if by == "province" else vertical(chart)
    return _figure(plot_id, full_title, svg, _totals_note(totals, by, unit, scale, len(groups) - len(shown)))


def _ordered_groups(table: dict[tuple[str, str], Decimal], by: str) -> list[str]:
    sums: dict[str, Decimal] = {}
    for (group, _), amount in table.items():
        sums[group] = sums.get(group, Decimal(0)) + amount
    if by == "year":
        return sorted(sums)
    return sorted(sums, key=lambda g: (-sums[g], g))


def _places(series: list[Series]) -> int:
    top = max((v for s in series for v in s.values), default=0)
    if top >= 100 or all(v == int(v) for s in series for v in s.values):
        return 0
    return 1 if top >= 10 else 2


def _totals_note(totals: Totals, by: str, unit: str, scale: Decimal, hidden: int) -> str:
    missing = totals.no_province if by == "province" else totals.no_year
    what = "tỉnh" if by == "province" else "năm"
    notes = []
    if missing:
        notes.append(f"{vn_number(missing / scale, 2)} {unit} không gắn với {what} nào "
                     f"(no {by}: national, several provinces, or not said).")
    if hidden:
        notes.append(f"{hidden} nhóm nhỏ hơn không vẽ (smaller groups not drawn).")
    notes.append("Mỗi sự việc tính một lần; khoảng tính đầu dưới (repeats skipped, ranges at their low end).")
    return " ".join(notes)


def _why_no_place(tally: Tally) -> str:
    if tally.figures and not tally.figures_with_place_fields:
        versions = ", ".join(sorted(tally.versions)) or "?"
        return (f"Các bản ghi (pipeline {versions}) chưa có trường §8 province/year: chạy lại với "
                f"phiên bản mới (records carry no §8 fields; rerun with a newer pipeline).")
    return "Không số liệu nào có tỉnh hoặc năm (no figure has a province or year)."
