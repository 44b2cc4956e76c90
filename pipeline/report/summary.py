"""The summary section: what the run read, wrote, failed and skipped, and what it found.

Counts come from OUT.summary.json when the run left one, else from the files themselves;
when the two disagree (a run resumed into the same file, a file edited by hand) both are
shown. Every failure is listed with its message and input, grouped by error class.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Any

from vnfigures.report.labels import Labels, vn_number
from vnfigures.report.records import FailureView, Problem
from vnfigures.report.tally import SUMMED, Tally

BILLION = Decimal(10**9)
CENT = Decimal("0.01")
OPEN_FAILURES = 50  # an error class with more failures starts folded


def render_summary(tally: Tally, run: dict[str, Any] | None, failures: Sequence[FailureView],
                   labels: Labels, notes: Sequence[str]) -> str:
    """The `<section id="summary">` of the report."""
    parts = [
        '<section id="summary"><h2>Tóm tắt <small>(summary)</small></h2>',
        "".join(f'<p class="note">{escape(n)}</p>' for n in notes if n),
        _cards(tally, run),
        '<div class="cols">', _kind_table(tally, labels), _totals_table(tally, labels), "</div>",
        _skipped(run),
        _flags(tally),
        _failures(failures, tally.failures),
        _problems(tally.problems, tally.problem_count),
        "</section>",
    ]
    return "\n".join(p for p in parts if p)


def _card(name: str, value: str, css: str = "") -> str:
    klass = f"card {css}".strip()
    return f'<div class="{klass}"><span class="n">{escape(value)}</span><span class="l">{escape(name)}</span></div>'


def _count(run: dict[str, Any] | None, key: str) -> int | None:
    value = run.get(key) if run else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _cards(tally: Tally, run: dict[str, Any] | None) -> str:
    written, failed = _count(run, "written"), _count(run, "failed")
    skipped = _count(run, "skipped_total")
    read = _count(run, "read")
    seconds = run.get("seconds") if run else None
    cards = [
        _card("bài đã đọc (read)", vn_number(read) if read is not None else "?"),
        _card("bài đã ghi (written)", _both(written, tally.articles)),
        _card("bài lỗi (failed)", _both(failed, tally.failed), "bad" if tally.failed or failed else ""),
        _card("bài bỏ qua (skipped)", vn_number(skipped) if skipped is not None else "?"),
        _card("số liệu (figures)", vn_number(tally.figures)),
        _card("thực thể (entities)", vn_number(tally.entities)),
        _card("thời gian chạy (run time)", f"{vn_number(seconds, 1)} s" if isinstance(seconds, Decimal | int) else "?"),
        _card("phiên bản pipeline", ", ".join(sorted(tally.versions)) or "?"),
    ]
    if run is None:
        cards.append('<p class="note">Không có OUT.summary.json: số bài đọc, bỏ qua và thời gian không rõ '
                     "(no summary file; counts are taken from the files).</p>")
    elif run.get("interrupted"):
        cards.append('<p class="note bad">Lần chạy bị ngắt (interrupted): chạy lại với --resume.</p>')
    return f'<div class="cards">{"".join(cards)}</div>'


def _both(summary: int | None, in_file: int) -> str:
    """The summary's count, and the file's when it differs (a resumed or edited run)."""
    if summary is None or summary == in_file:
        return vn_number(in_file)
    return f"{vn_number(summary)} (tệp: {vn_number(in_file)})"


def _kind_table(tally: Tally, labels: Labels) -> str:
    rows = []
    for kind in tally.kinds:
        actual, target = tally.by_kind[(kind, "actual")], tally.by_kind[(kind, "target")]
        rows.append(f"<tr><td>{escape(labels.kind(kind))}</td><td>{vn_number(actual)}</td>"
                    f"<td>{vn_number(target)}</td><td>{vn_number(actual + target)}</td></tr>")
    if not rows:
        rows.append('<tr><td colspan="4">không có số liệu (no figures)</td></tr>')
    return ('<table class="kinds" id="kinds"><caption>Số liệu theo loại: thực tế và mục tiêu</caption>'
            f"<thead><tr><th>loại</th><th>{labels.modality('actual')}</th><th>{labels.modality('target')}</th>"
            f"<th>tổng</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _totals_table(tally: Tally, labels: Labels) -> str:
    rows = []
    for kind, unit in SUMMED.items():
        totals = tally.totals[kind]
        if not any(totals.by_modality.values()):
            continue
        cells = [_total(kind, unit, totals.by_modality.get(m, Decimal(0)), labels) for m in ("actual", "target")]
        rows.append(f"<tr><td>{escape(labels.kind(kind))}</td>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    if not rows:
        rows.append('<tr><td colspan="3">không có gì để cộng (nothing to add up)</td></tr>')
    notes = [f"{vn_number(tally.repeats)} số liệu nhắc lại không cộng (repeats not added)",
             f"{vn_number(tally.ranges)} khoảng cộng đầu dưới (ranges at their low end)"]
    if tally.other_currency:
        other = ", ".join(f"{n} {unit}" for unit, n in sorted(tally.other_currency.items()))
        notes.append(f"ngoại tệ không cộng (other currencies not added): {other}")
    return ('<table class="totals" id="totals"><caption>Tổng cộng (totals)</caption>'
            f"<thead><tr><th>loại</th><th>{labels.modality('actual')}</th><th>{labels.modality('target')}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody>"
            f'<tfoot><tr><td colspan="3">{escape("; ".join(notes))}</td></tr></tfoot></table>')


def _total(kind: str, unit: str, amount: Decimal, labels: Labels) -> str:
    """A total as a reader compares it: money always in tỷ đồng, all to two decimals at most."""
    if kind == "money":
        return f"{vn_number(amount / BILLION, 2)} tỷ đồng"
    return labels.value(kind, unit, amount.quantize(CENT) if amount >= 1 else amount)


def _skipped(run: dict[str, Any] | None) -> str:
    skipped = run.get("skipped") if run else None
    if not isinstance(skipped, dict) or not skipped:
        return ""
    items = ", ".join(f"{escape(str(reason))}: {escape(str(n))}" for reason, n in sorted(skipped.items()))
    return f'<p class="skipped">Bỏ qua theo lý do (skipped by reason): {items}</p>'


def _flags(tally: Tally) -> str:
    """Warnings the pipeline put on articles, and near-duplicates, when there are any."""
    parts = [f"{escape(flag)}: {n}" for flag, n in sorted(tally.flags.items())]
    if tally.duplicates:
        parts.append(f"bản gần trùng (near-duplicates of an earlier article): {tally.duplicates}")
    return f'<p class="flags">Cờ cảnh báo (flags): {" · ".join(parts)}</p>' if parts else ""


def _failures(failures: Sequence[FailureView], by_error: Counter[str]) -> str:
    """Every failure listed (up to the cap), grouped by error class, counts from all of them."""
    count = sum(by_error.values())
    if not count:
        return '<p class="ok" id="failures">Không có bài lỗi (no failures).</p>'
    groups: dict[str, list[FailureView]] = {}
    for failure in failures:
        groups.setdefault(failure.error, []).append(failure)
    blocks = []
    for error, total in sorted(by_error.items(), key=lambda kv: (-kv[1], kv[0])):
        rows = "".join(
            f'<tr class="failure"><td><code>{escape(f.id or "—")}</code></td><td>{escape(f.input or "—")}</td>'
            f"<td>{escape(f.step)}</td><td>{escape(f.message)}</td></tr>" for f in groups.get(error, []))
        opened = " open" if total <= OPEN_FAILURES else ""
        blocks.append(f'<details{opened} class="errclass"><summary><b>{escape(error)}</b> ({total})</summary>'
                      '<div class="scroll"><table><thead><tr><th>id</th><th>đầu vào (input)</th><th>bước (step)</th>'
                      f"<th>thông báo (message)</th></tr></thead><tbody>{rows}</tbody></table></div></details>")
    hidden = count - len(failures)
    more = f'<p class="note">… và {vn_number(hidden)} lỗi nữa không liệt kê (not listed).</p>' if hidden else ""
    return (f'<div id="failures"><h3>Bài lỗi theo loại lỗi <small>(failures by error class)</small>: '
            f"{vn_number(count)}</h3>{''.join(blocks)}{more}</div>")


def _problems(problems: Sequence[Problem], count: int) -> str:
    if not count:
        return ""
    items = "".join(f"<li><code>{escape(p.file)}</code> dòng {p.line}: {escape(p.message)}</li>" for p in problems)
    more = f"<li>… và {vn_number(count - len(problems))} dòng nữa</li>" if count > len(problems) else ""
    return (f'<div id="problems" class="bad"><h3>Dòng không đọc được <small>(unreadable lines)</small>: '
            f"{vn_number(count)}</h3><ul>{items}{more}</ul></div>")
