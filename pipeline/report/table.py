"""The table of all figures: one row per figure, filterable and sortable in the page.

Rows are written while the run is read (into a spool, see `build`); the controls above them
are written at the end, once the kinds and provinces are known. Filtering works on plain
data attributes (`data-kind`, `data-modality`, `data-province`), so the page script stays
small and the logic is testable from the HTML alone.
"""
from __future__ import annotations

from html import escape

from vnfigures.report.article import figure_anchor
from vnfigures.report.labels import Labels, vn_number
from vnfigures.report.records import ArticleView, FigureView
from vnfigures.report.tally import Tally, year_key

#: Column heads of the table: (key, head, how the page script sorts it). The key names the
#: column in the address: report.html?sort=value (ascending) or ?sort=-value (descending).
COLUMNS = (("kind", "loại", "text"), ("value", "giá trị", "number"), ("qualifier", "hạn định", "text"),
           ("modality", "thực tế / mục tiêu", "text"), ("subject", "đối tượng", "text"),
           ("province", "tỉnh", "text"), ("year", "năm", "number"), ("article", "bài", "text"),
           ("text", "văn bản", "text"))
NO_PROVINCE = "-"  # the filter value that selects figures without a province
MODALITIES = ("actual", "target")


def figure_row(article: ArticleView, anchor: str, figure: FigureView, labels: Labels) -> str:
    """One `<tr>` of the table, linking to the figure's mark in its article."""
    value = labels.value(figure.kind, figure.unit, figure.value, figure.value_max)
    title = article.title or article.id
    short = title if len(title) <= 60 else title[:57] + "…"
    cells = [
        f"<td>{escape(labels.kind(figure.kind))}</td>",
        f'<td data-sort="{figure.value if figure.value is not None else ""}">{escape(value)}</td>',
        f"<td>{escape(labels.qualifier(figure.qualifier))}</td>",
        f"<td>{escape(labels.modality(figure.modality))}</td>",
        f"<td>{escape(figure.subject)}</td>",
        f"<td>{escape(figure.province or '')}</td>",
        f'<td data-sort="{figure.year or ""}">{escape(year_key(figure) or "")}</td>',
        f'<td><a href="#{figure_anchor(anchor, figure)}" title="{escape(title)}">{escape(short)}</a></td>',
        f"<td>{escape(figure.text)}</td>",
    ]
    return (f'<tr data-kind="{escape(figure.kind)}" data-modality="{escape(figure.modality)}" '
            f'data-province="{escape(figure.province or "")}">{"".join(cells)}</tr>\n')


def table_head(tally: Tally, labels: Labels, rows: int, note: str) -> str:
    """The section title, filter controls and `<thead>` written before the spooled rows."""
    kinds = "".join(f'<option value="{escape(k)}">{escape(labels.kind(k))}</option>' for k in tally.kinds)
    modalities = "".join(f'<option value="{m}">{escape(labels.modality(m))}</option>' for m in MODALITIES)
    provinces = "".join(f'<option value="{escape(p)}">{escape(p)}</option>' for p in sorted(tally.provinces))
    heads = "".join(f'<th data-key="{key}" data-type="{kind}" tabindex="0">{escape(name)}</th>'
                    for key, name, kind in COLUMNS)
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return (
        '<section id="figures"><h2>Bảng số liệu <small>(figures)</small></h2>'
        f"{note_html}"
        '<form class="filters" id="filters" onsubmit="return false">'
        f'<label>loại <select name="kind"><option value="">tất cả</option>{kinds}</select></label>'
        f'<label>thực tế / mục tiêu <select name="modality"><option value="">tất cả</option>{modalities}</select></label>'
        f'<label>tỉnh <select name="province"><option value="">tất cả</option>'
        f'<option value="{NO_PROVINCE}">(không có tỉnh)</option>{provinces}</select></label>'
        '<label>tìm <input type="search" name="q" placeholder="hộ nghèo, Cà Mau, 625…"></label>'
        '<button type="reset">xóa lọc</button>'
        f'<span class="count"><output id="shown">{rows}</output> / {vn_number(rows)} số liệu</span>'
        "</form>"
        f'<div class="scroll"><table id="fig-table" class="sortable"><thead><tr>{heads}</tr></thead><tbody>\n'
    )


TABLE_TAIL = "</tbody></table></div></section>\n"
