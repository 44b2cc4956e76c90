"""One article of the report: its text with every figure highlighted and labelled.

In the manner of displaCy's span view, each figure is a coloured `<mark class="fig">` with a
label (kind, value, modality) and entities are marked in a quieter style inside or around
it. Every figure of the record becomes exactly one mark, even when its offsets are bad
(clipped to the text, or drawn as an empty mark), so a reader never loses a figure.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Protocol, TypeVar

from vnfigures.report.labels import Labels
from vnfigures.report.records import ArticleView, EntityView, FigureView


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)

FIGURE_COLUMNS = ("#", "loại", "giá trị", "hạn định", "thực tế / mục tiêu", "đối tượng", "nơi", "tỉnh", "năm",
                  "văn bản")


def article_anchor(number: int) -> str:
    """The HTML id of the n-th article of the run (record ids may hold any character)."""
    return f"a{number}"


def figure_anchor(anchor: str, figure: FigureView) -> str:
    return f"{anchor}-f{figure.ordinal}"


def place_spans(spans: Sequence[S], length: int) -> list[tuple[int, int, S]]:
    """Spans in text order with offsets clipped so that none crosses the one before it.

    >>> from vnfigures.report.records import EntityView as E
    >>> [(s, e) for s, e, _ in place_spans([E("b", 5, 9, "LOC"), E("a", 0, 6, "PER"), E("z", 40, 45, "ORG")], 20)]
    [(0, 6), (6, 9), (20, 20)]
    """
    placed = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start = min(max(span.start, cursor), length)
        end = min(max(span.end, start), length)
        placed.append((start, end, span))
        cursor = end
    return placed


INDEX_HEAD = '<details class="index"><summary>Danh sách bài (list of articles)</summary><ol>\n'
INDEX_TAIL = "</ol></details>\n"


def index_entry(article: ArticleView, anchor: str) -> str:
    """One line of the list of articles that opens the articles section."""
    return (f'<li><a href="#{anchor}">{escape(article.title or article.id)}</a> '
            f'<span class="note">{escape(article.id)} · {len(article.figures)} số liệu</span></li>\n')


def render_article(article: ArticleView, anchor: str, labels: Labels) -> str:
    """The `<article>` section: header, marked text, and the table of its figures."""
    title = escape(article.title or article.id)
    return (
        f'<article class="art" id="{anchor}" data-id="{escape(article.id)}">'
        f"<h3>{title} <a class=\"up\" href=\"#figures\" title=\"bảng số liệu\">↑</a></h3>"
        f"{_meta(article)}"
        f'<div class="text">{mark_text(article, anchor, labels)}</div>'
        f"{_figure_table(article, anchor, labels)}</article>\n"
    )


def _meta(article: ArticleView) -> str:
    items = [f"id <code>{escape(article.id)}</code>"]
    if article.source:
        items.append(f"nguồn {escape(article.source)}")
    if article.url and article.url.startswith(("http://", "https://")):
        items.append(f'<a href="{escape(article.url)}" rel="noreferrer">{escape(article.url)}</a>')
    items.append(f"ngày {escape(article.published)}" if article.published else "ngày không rõ")
    if article.province:
        items.append(f"tỉnh {escape(article.province)}")
    if article.duplicate_of:
        items.append(f"bản trùng của <code>{escape(article.duplicate_of)}</code>")
    items.extend(f'<span class="flag">{escape(flag)}</span>' for flag in article.flags)
    items.append(f"{len(article.figures)} số liệu · {len(article.entities)} thực thể")
    return f'<p class="meta">{" · ".join(items)}</p>'


def mark_text(article: ArticleView, anchor: str, labels: Labels) -> str:
    """The article text as HTML, figures as `<mark class="fig">`, entities as `<span class="ent">`."""
    text = article.text
    entities = [e for e in place_spans(article.entities, len(text)) if e[1] > e[0]]
    marker = _EntityMarker(text, entities, labels)
    out: list[str] = []
    pos = 0
    for start, end, figure in place_spans(article.figures, len(text)):
        out.append(marker.range(pos, start))
        out.append(_figure_mark(figure, anchor, marker.range(start, end), labels))
        pos = end
    out.append(marker.range(pos, len(text)))
    return "".join(out)


def _figure_mark(figure: FigureView, anchor: str, inner: str, labels: Labels) -> str:
    value = labels.value(figure.kind, figure.unit, figure.value, figure.value_max)
    tag = f"{labels.kind(figure.kind)} · {value} · {labels.modality(figure.modality)}"
    if figure.mention_of is not None:  # a repeat of figure #k: shown, but not added to totals
        tag += f" · nhắc lại #{figure.mention_of + 1}"
    tip = f"{figure.kind} · {figure.qualifier} · {figure.modality} · {figure.subject or '—'}"
    return (f'<mark class="fig k-{escape(figure.kind)} m-{escape(figure.modality)}" '
            f'id="{figure_anchor(anchor, figure)}" title="{escape(tip)}">{inner}'
            f'<span class="tag">{escape(tag)}</span></mark>')


class _EntityMarker:
    """Marks entities inside successive ranges of the text, splitting one that a range cuts."""

    def __init__(self, text: str, entities: list[tuple[int, int, EntityView]], labels: Labels) -> None:
        self.text = text
        self.entities = entities
        self.labels = labels
        self.first = 0  # entities before this index end before every later range

    def range(self, lo: int, hi: int) -> str:
        while self.first < len(self.entities) and self.entities[self.first][1] <= lo:
            self.first += 1
        out, pos = [], lo
        for start, end, entity in self.entities[self.first:]:
            if start >= hi:
                break
            s, e = max(start, lo), min(end, hi)
            out.append(escape(self.text[pos:s]))
            label = escape(entity.label)
            tag = f'<sup class="etag">{label}</sup>' if s == start else ""
            out.append(f'<span class="ent e-{label}" title="{escape(self.labels.entity(entity.label))}">'
                       f"{escape(self.text[s:e])}{tag}</span>")
            pos = e
        out.append(escape(self.text[pos:hi]))
        return "".join(out)


def _figure_table(article: ArticleView, anchor: str, labels: Labels) -> str:
    if not article.figures:
        return '<p class="nofigs">Không có số liệu (no figures).</p>'
    rows = []
    for figure in article.figures:
        value = labels.value(figure.kind, figure.unit, figure.value, figure.value_max)
        year = figure.year if figure.year_max in (None, figure.year) else f"{figure.year}–{figure.year_max}"
        cells = [f'<a href="#{figure_anchor(anchor, figure)}">{figure.ordinal + 1}</a>', escape(labels.kind(figure.kind)),
                 escape(value), escape(labels.qualifier(figure.qualifier)), escape(labels.modality(figure.modality)),
                 escape(figure.subject), escape(figure.place or ""), escape(figure.province or ""),
                 escape("" if year is None else str(year)), escape(figure.text)]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in FIGURE_COLUMNS)
    return f'<table class="figs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
