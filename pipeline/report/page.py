"""The frame of the report page: head with the inlined style, header, navigation, script.

Everything the page needs is inside it (style, script, SVG plots), so it opens from disk or
from an e-mail attachment with no network. The `generator` meta tag marks a file as a
vnfigures report, which is what lets a later report replace it without `--force`.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from html import escape
from pathlib import Path

from vnfigures import __version__

GENERATOR = "vnfigures report"

#: Registered before anything else runs: an error in the page script is written into the page.
_ERROR_HOOK = (
    "window.addEventListener('error',function(e){var b=document.getElementById('script-errors');"
    "document.documentElement.dataset.ready='error';if(b){b.hidden=false;"
    "b.textContent+=(e.message||'script error')+'\\n';}});"
)


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    """The page's own style or script, shipped beside this module (package data)."""
    return Path(__file__).with_name(name).read_text(encoding="utf-8")


def page_head(source: str) -> str:
    """`<!doctype>` up to the start of `<main>`."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!doctype html>\n<html lang="vi" data-ready="no">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{GENERATOR} {__version__}">\n'
        f"<title>Báo cáo số liệu — {escape(source)}</title>\n"
        f"<script>{_ERROR_HOOK}</script>\n<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n"
        '<header class="top"><h1>Báo cáo số liệu <small>(vnfigures report)</small></h1>'
        f"<p>{escape(source)} · tạo lúc {now} · vnfigures {__version__}</p></header>\n"
        '<nav class="toc"><a href="#summary">Tóm tắt</a><a href="#plots">Biểu đồ</a>'
        '<a href="#figures">Bảng số liệu</a><a href="#articles">Bài báo</a>'
        '<a href="#failures">Lỗi</a></nav>\n'
        '<pre id="script-errors" hidden></pre>\n<main>\n'
    )


def plots_section(plots: str) -> str:
    return (
        '<section id="plots"><h2>Biểu đồ <small>(plots)</small></h2>'
        '<p class="legend"><span style="color:var(--actual)">■ thực tế (actual)</span>'
        '<span style="color:var(--target)">■ mục tiêu (target)</span></p>'
        f'<div class="plots">{plots}</div></section>\n'
    )


def articles_head(shown: int, total: int, note: str) -> str:
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return (f'<section id="articles"><h2>Bài báo <small>(articles: {shown} / {total})</small></h2>'
            f"{note_html}"
            '<p class="legend"><mark class="fig">số liệu thực tế<span class="tag">loại · giá trị · thực tế</span></mark> '
            '<mark class="fig m-target">mục tiêu<span class="tag">loại · giá trị · mục tiêu</span></mark> '
            '<span class="ent e-LOC">thực thể<sup class="etag">LOC</sup></span> (PER người, ORG tổ chức, LOC địa danh)</p>\n')


def page_tail() -> str:
    return f"</section>\n</main>\n<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"


def is_report(head: bytes) -> bool:
    """True when the start of a file shows it is a report this module wrote."""
    return f'<meta name="generator" content="{GENERATOR}'.encode() in head
