"""Bar charts drawn as inline SVG, so that the report is one file that needs no network.

Two layouts of one `BarChart`: horizontal bars for long category names (provinces, kinds),
vertical bars for ordered categories (years, figures per article). Series sit side by side
in each category (actual next to target). Colours come from CSS classes of the page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from vnfigures.report.labels import vn_number

WIDTH = 560
FONT = 12
LEGEND_H = 24


@dataclass(frozen=True)
class Series:
    """One group of bars: its name in the legend, CSS class and a value per category."""

    name: str
    css: str
    values: list[float]


@dataclass(frozen=True)
class BarChart:
    """Categories and series, with the axis titles that carry the unit."""

    title: str
    categories: list[str]
    series: list[Series]
    value_label: str
    category_label: str = ""
    places: int = 0  # decimals shown on value labels; 0 also keeps axis ticks whole

    @property
    def whole(self) -> bool:
        return self.places == 0 and all(v == int(v) for s in self.series for v in s.values)

    @property
    def top(self) -> float:
        return max((v for s in self.series for v in s.values), default=0.0)


def nice_ticks(top: float, count: int = 5, whole: bool = False) -> list[float]:
    """Round axis ticks from 0 to at least `top` (whole numbers only for counts).

    >>> nice_ticks(37), nice_ticks(0.8, 4), nice_ticks(0), nice_ticks(1, whole=True)
    ([0, 10, 20, 30, 40], [0.0, 0.2, 0.4, 0.6, 0.8], [0, 1], [0, 1])
    """
    if top <= 0:
        return [0, 1]
    raw = max(top / count, 1) if whole else top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    steps = math.ceil(top / step - 1e-9)
    return [round(i * step, 9) for i in range(steps + 1)]


def _tick_text(value: float, step: float) -> str:
    places = 0 if step >= 1 else min(6, -math.floor(math.log10(step)) + 1)
    return vn_number(round(value, places), places=places)


def value_text(value: float, places: int) -> str:
    """A bar's value, with enough decimals that a small non-zero value never reads as 0.

    >>> value_text(19127.4, 0), value_text(0.034, 0), value_text(0, 1)
    ('19.127', '0,034', '0')
    """
    if value and round(value, places) == 0:
        places = min(9, -math.floor(math.log10(abs(value))) + 1)
    return vn_number(round(value, places), places=places)


def _text(x: float, y: float, text: str, anchor: str = "start", css: str = "", rotate: float = 0) -> str:
    transform = f' transform="rotate({rotate} {x:.1f} {y:.1f})"' if rotate else ""
    klass = f' class="{css}"' if css else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}{transform}>'
            f"{escape(text)}</text>")


def _bar(x: float, y: float, w: float, h: float, css: str, tip: str) -> str:
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
            f'class="{css}"><title>{escape(tip)}</title></rect>')


def _legend(chart: BarChart, x: float) -> list[str]:
    if len(chart.series) < 2:
        return []
    parts = []
    for series in chart.series:
        parts.append(f'<rect x="{x:.1f}" y="6" width="12" height="12" class="key {series.css}"/>')
        parts.append(_text(x + 16, 16, series.name))
        x += 28 + 7 * len(series.name)
    return parts


def _svg(chart: BarChart, height: float, parts: list[str]) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" role="img" '
            f'aria-label="{escape(chart.title)}" font-size="{FONT}">'
            f"<title>{escape(chart.title)}</title>{''.join(parts)}</svg>")


def horizontal(chart: BarChart) -> str:
    """Horizontal grouped bars: one row per category, value axis at the bottom."""
    label_w = min(190, 12 + 7 * max((len(c) for c in chart.categories), default=4))
    x0, x1 = label_w, WIDTH - 70
    bar_h, gap = 13, 8
    row_h = bar_h * len(chart.series) + gap
    y0 = LEGEND_H + 6
    y1 = y0 + row_h * len(chart.categories)
    ticks = nice_ticks(chart.top, whole=chart.whole)
    scale = (x1 - x0) / ticks[-1]
    parts = _legend(chart, x0)
    step = ticks[1] - ticks[0]
    for tick in ticks:
        x = x0 + tick * scale
        parts.append(f'<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y1}" class="grid"/>')
        parts.append(_text(x, y1 + 15, _tick_text(tick, step), "middle", "tick"))
    for row, category in enumerate(chart.categories):
        top = y0 + row * row_h + gap / 2
        parts.append(_text(x0 - 6, top + row_h / 2, category, "end", "cat"))
        for k, series in enumerate(chart.series):
            value = series.values[row]
            y = top + k * bar_h
            tip = f"{category} · {series.name}: {value_text(value, chart.places)} {chart.value_label}"
            parts.append(_bar(x0, y + 1, value * scale, bar_h - 2, series.css, tip))
            if value:
                parts.append(_text(x0 + value * scale + 4, y + bar_h - 3, value_text(value, chart.places), css="val"))
    parts.append(f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}" class="axis"/>')
    parts.append(_text((x0 + x1) / 2, y1 + 32, chart.value_label, "middle", "axis-title"))
    return _svg(chart, y1 + 40, parts)


def vertical(chart: BarChart) -> str:
    """Vertical grouped bars: categories along the bottom, value axis on the left."""
    n = max(len(chart.categories), 1)
    longest = max((len(c) for c in chart.categories), default=2)
    y0, y1 = LEGEND_H + 14, LEGEND_H + 14 + 200
    ticks = nice_ticks(chart.top, whole=chart.whole)
    step = ticks[1] - ticks[0]
    x0, x1 = 34 + 7 * max(len(_tick_text(t, step)) for t in ticks), WIDTH - 12
    scale = (y1 - y0) / ticks[-1]
    group_w = (x1 - x0) / n
    rotate = longest * 7 > group_w
    label_h = 10 + (5 * longest if rotate else 14)
    bar_w = min(38.0, group_w * 0.8 / len(chart.series))
    parts = _legend(chart, x0)
    for tick in ticks:
        y = y1 - tick * scale
        parts.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" class="grid"/>')
        parts.append(_text(x0 - 6, y + 4, _tick_text(tick, step), "end", "tick"))
    show_values = n * len(chart.series) <= 24
    for col, category in enumerate(chart.categories):
        center = x0 + group_w * (col + 0.5)
        left = center - bar_w * len(chart.series) / 2
        for k, series in enumerate(chart.series):
            value = series.values[col]
            x, h = left + k * bar_w, value * scale
            tip = f"{category} · {series.name}: {value_text(value, chart.places)} {chart.value_label}"
            parts.append(_bar(x + 1, y1 - h, bar_w - 2, h, series.css, tip))
            if show_values and value:
                parts.append(_text(x + bar_w / 2, y1 - h - 3, value_text(value, chart.places), "middle", "val"))
        if rotate:
            parts.append(_text(center + 4, y1 + 12, category, "end", "cat", rotate=-45))
        else:
            parts.append(_text(center, y1 + 15, category, "middle", "cat"))
    parts.append(f'<line x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}" class="axis"/>')
    parts.append(_text(16, (y0 + y1) / 2, chart.value_label, "middle", "axis-title", rotate=-90))
    bottom = y1 + label_h
    if chart.category_label:
        parts.append(_text((x0 + x1) / 2, bottom + 14, chart.category_label, "middle", "axis-title"))
        bottom += 22
    return _svg(chart, bottom + 6, parts)
