"""Label Studio round trip: gold or predicted figures out as tasks, an export back as gold files.

A figure becomes one text region: a `labels` result (label = kind) carrying the span, and
per-region results sharing its id for the other fields — `textarea` for value, value_max,
subject and per, `choices` for unit, qualifier and modality (the labeling config marks them
`perRegion`). Entities, when annotated, are regions of a second `Labels` control. The task's
`data` keeps every article field, so gold -> tasks -> export -> gold loses nothing.

Label Studio counts offsets in UTF-16 code units (JavaScript strings); Python counts code
points. They differ only after characters outside the BMP (emoji), and are converted both ways.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from pydantic import ValidationError

from vnfigures.schemas import CANONICAL_UNITS, CURRENCIES, EntityLabel, Kind, Modality, Qualifier

from .gold import GoldArticle

TEXT = "text"  # name of the <Text> object tag
KIND, ENTITY = "kind", "entity"  # names of the two <Labels> controls
TEXTAREAS = ("value", "value_max", "subject", "per", "place", "province", "year", "year_max")
CHOICES: dict[str, list[str]] = {
    "unit": sorted({*CANONICAL_UNITS.values(), *CURRENCIES}),
    "qualifier": [q.value for q in Qualifier],
    "modality": [m.value for m in Modality],
}
ARTICLE_FIELDS = ("id", "source", "title", "url", "published")


class LabelStudioError(ValueError):
    """A task of an export that cannot become a gold file; lists every problem found in it."""

    def __init__(self, where: str, problems: list[str]) -> None:
        super().__init__(f"{where}: " + "; ".join(problems))
        self.where = where
        self.problems = problems


def labeling_config() -> str:
    """The labeling config XML matching the tasks this module writes."""
    def options(tag: str, values: Iterable[str]) -> str:
        return "".join(f'<{tag} value={quoteattr(v)}/>' for v in values)

    per_region = "".join(
        f'    <Header value="{name}"/>\n'
        f'    <TextArea name="{name}" toName="{TEXT}" perRegion="true" editable="true" maxSubmissions="1"'
        f' rows="1"/>\n' for name in TEXTAREAS)
    per_region += "".join(
        f'    <Header value="{name}"/>\n'
        f'    <Choices name="{name}" toName="{TEXT}" perRegion="true" choice="single" showInline="true">'
        f'{options("Choice", values)}</Choices>\n' for name, values in CHOICES.items())
    return (
        "<View>\n"
        "  <Style>.htx-text { white-space: pre-wrap; }</Style>\n"
        f'  <Labels name="{KIND}" toName="{TEXT}">{options("Label", (k.value for k in Kind))}</Labels>\n'
        f'  <Labels name="{ENTITY}" toName="{TEXT}">{options("Label", (e.value for e in EntityLabel))}</Labels>\n'
        f'  <Text name="{TEXT}" value="${TEXT}"/>\n'
        '  <View visibleWhen="region-selected" whenTagName="kind">\n'
        f"{per_region}"
        "  </View>\n"
        "</View>\n"
    )


def _to_utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _from_utf16(text: str, units: int) -> int:
    """Python index of the UTF-16 offset `units` (-1 when it splits a surrogate pair)."""
    count = 0
    for i, ch in enumerate(text):
        if count >= units:
            return i if count == units else -1
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if count == units else -1


def _region(rid: str, control: str, rtype: str, doc: str, start: int, end: int, **value: Any) -> dict:
    span = {"start": _to_utf16(doc, start), "end": _to_utf16(doc, end)}
    return {"id": rid, "from_name": control, "to_name": TEXT, "type": rtype, "value": {**span, **value}}


def _plain(number: Decimal) -> str:
    """A decimal as an annotator types it: no exponent, no trailing zeros (`1E+3` -> `1000`)."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def task_results(article: GoldArticle) -> list[dict]:
    """Label Studio results for every figure (label + per-region fields) and entity."""
    text, out = article.text, []
    for i, f in enumerate(article.figures):
        rid = f"f{i}"
        out.append(_region(rid, KIND, "labels", text, f.start, f.end, text=f.text, labels=[f.kind.value]))
        fields = {"value": _plain(f.value), "value_max": None if f.value_max is None else _plain(f.value_max),
                  "subject": f.subject or None, "per": f.per, "place": f.place, "province": f.province,
                  "year": None if f.year is None else str(f.year),
                  "year_max": None if f.year_max is None else str(f.year_max)}
        for name, val in fields.items():
            if val is not None:
                out.append(_region(rid, name, "textarea", text, f.start, f.end, text=[val]))
        for name, val in (("unit", f.unit), ("qualifier", f.qualifier.value), ("modality", f.modality.value)):
            out.append(_region(rid, name, "choices", text, f.start, f.end, choices=[val]))
    for i, e in enumerate(article.entities or []):
        out.append(_region(f"e{i}", ENTITY, "labels", text, e.start, e.end, text=e.text, labels=[e.label.value]))
    return out


def to_task(article: GoldArticle, model_version: str = "vnfigures") -> dict:
    """One task: the article in `data`, its figures as a prediction (pre-annotation)."""
    data = {name: getattr(article, name) for name in ARTICLE_FIELDS if getattr(article, name) is not None}
    data[TEXT] = article.text
    data["entities_annotated"] = article.entities is not None
    return {"data": data, "predictions": [{"model_version": model_version, "result": task_results(article)}]}


def _chosen_result(task: dict) -> list[dict]:
    """The latest annotation that was not cancelled, else the first prediction, else nothing."""
    kept = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if kept:
        kept.sort(key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""))
        return kept[-1].get("result") or []
    preds = task.get("predictions") or []
    return (preds[0].get("result") or []) if preds else []


def _span(text: str, rid: str, value: dict, problems: list[str]) -> tuple[int, int, str] | None:
    try:
        start, end = _from_utf16(text, int(value["start"])), _from_utf16(text, int(value["end"]))
    except (KeyError, TypeError, ValueError):
        problems.append(f"region {rid}: no character offsets (start/end)")
        return None
    if start < 0 or end <= start:
        problems.append(f"region {rid}: offsets {value['start']}:{value['end']} do not fit the text")
        return None
    span = text[start:end]
    if "text" in value and isinstance(value["text"], str) and value["text"] != span:
        problems.append(f"region {rid}: text[{start}:{end}] reads {span!r}, but the region says {value['text']!r}")
        return None
    return start, end, span


def _number(raw: str | None, rid: str, name: str, problems: list[str]) -> Decimal | None:
    if raw is None or not raw.strip():
        return None
    try:
        return Decimal(raw.strip().replace(" ", "").replace("_", ""))
    except InvalidOperation:
        problems.append(f"region {rid}: {name} {raw!r} is not a plain number (use digits and '.' for decimals)")
        return None


def _group(results: list[dict]) -> dict[str, dict[str, dict]]:
    """Results by region id, then by control name (first value wins)."""
    regions: dict[str, dict[str, dict]] = {}
    for res in results:
        if "id" in res and "from_name" in res:
            regions.setdefault(str(res["id"]), {}).setdefault(res["from_name"], res.get("value") or {})
    return regions


def _default_unit(kind: str) -> str:
    """An annotator may leave the unit unset when it is the kind's canonical one."""
    try:
        return CANONICAL_UNITS[Kind(kind)]
    except ValueError:
        return ""


def _figure(text: str, rid: str, fields: dict[str, dict], problems: list[str]) -> dict | None:
    label = fields[KIND]
    span = _span(text, rid, label, problems)
    kinds = label.get("labels") or []
    if span is None or len(kinds) != 1:
        if span is not None:
            problems.append(f"region {rid}: needs exactly one kind label, has {kinds}")
        return None
    start, end, span_text = span

    def first(name: str, key: str) -> str | None:
        values = fields.get(name, {}).get(key) or []
        return str(values[0]) if values else None

    kind = kinds[0]
    figure = {
        "text": span_text, "start": start, "end": end, "kind": kind,
        "value": _number(first("value", "text"), rid, "value", problems),
        "value_max": _number(first("value_max", "text"), rid, "value_max", problems),
        "unit": first("unit", "choices") or _default_unit(kind),
        "qualifier": first("qualifier", "choices") or "exact",
        "modality": first("modality", "choices") or "actual",
        "subject": first("subject", "text") or "",
        "per": first("per", "text"),
        "place": first("place", "text"),
        "province": first("province", "text"),
        "year": first("year", "text"),
        "year_max": first("year_max", "text"),
    }
    if figure["value"] is None:
        problems.append(f"region {rid} ({span_text!r}): no value")
        return None
    return figure


def from_task(task: dict, where: str = "task") -> GoldArticle:
    """The gold article of one exported task; raise `LabelStudioError` listing what is wrong."""
    data = task.get("data") or {}
    text = data.get(TEXT)
    if not isinstance(text, str) or not text:
        raise LabelStudioError(where, ["data.text is missing"])
    article_id = data.get("id") or f"task-{task.get('id')}"
    where = f"{where} ({article_id})"
    problems: list[str] = []
    figures, entities = [], []
    for rid, fields in _group(_chosen_result(task)).items():
        if KIND in fields:
            fig = _figure(text, rid, fields, problems)
            if fig is not None:
                figures.append(fig)
        elif ENTITY in fields:
            span = _span(text, rid, fields[ENTITY], problems)
            labels = fields[ENTITY].get("labels") or []
            if span is not None and len(labels) == 1:
                entities.append({"text": span[2], "start": span[0], "end": span[1], "label": labels[0]})
            elif span is not None:
                problems.append(f"region {rid}: needs exactly one entity label, has {labels}")
    figures.sort(key=lambda f: (f["start"], f["end"]))
    entities.sort(key=lambda e: (e["start"], e["end"]))
    record = {name: data.get(name) for name in ARTICLE_FIELDS}
    record.update(id=article_id, text=text, figures=figures)
    record["entities"] = entities if (entities or data.get("entities_annotated")) else None
    if problems:
        raise LabelStudioError(where, problems)
    try:
        return GoldArticle.model_validate(record)
    except ValidationError as exc:
        raise LabelStudioError(where, _validation_problems(exc, figures)) from exc


def _validation_problems(exc: ValidationError, figures: list[dict]) -> list[str]:
    """Pydantic errors as 'figures.3.unit: message (span text)' so the region can be found."""
    out = []
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        where = ".".join(str(p) for p in loc) or "article"
        hint = ""
        if len(loc) > 1 and loc[0] == "figures" and isinstance(loc[1], int):
            hint = f" ({figures[loc[1]]['text']!r})"
        out.append(f"{where}: {err['msg']}{hint}")
    return out


def read_export(path: str | Path) -> tuple[list[GoldArticle], list[LabelStudioError]]:
    """Every task of a Label Studio JSON export: the gold articles, and the tasks that failed."""
    tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(tasks, dict):
        tasks = [tasks]
    articles, errors = [], []
    for number, task in enumerate(tasks, 1):
        try:
            articles.append(from_task(task, where=f"{path} task {task.get('id', number)}"))
        except LabelStudioError as exc:
            errors.append(exc)
    return articles, errors
