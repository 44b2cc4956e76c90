"""The scoring errors of an evaluation as records: what was missed, added or half right, where.

Plain data (no rich), shared by the JSON output, `Evaluation.errors()` and the printed listing.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from vnfigures.extractors.context import split_sentences
from vnfigures.schemas import Figure

from .score import ArticleScore, Scores


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` that hold the span start..end, as the extractor splits them.

    >>> sentence_at("Xã có 144.000 dân. Đã hỗ trợ 115 hộ nghèo.\\nDòng khác", 28, 34)
    'Đã hỗ trợ 115 hộ nghèo.'
    """
    around = [(a, b) for a, b in split_sentences(text) if a < max(end, start + 1) and b > start]
    if not around:
        return text.strip()
    return text[around[0][0]:around[-1][1]].strip()


@dataclass(frozen=True)
class ErrorLine:
    """One scoring error: a missed gold figure, a spurious prediction, or a full-level mismatch."""

    article: str
    what: str  # "FN", "FP" or "FULL"
    figure: Figure
    sentence: str
    note: str = ""


def article_errors(article: ArticleScore) -> Iterator[ErrorLine]:
    """Value-level misses and spurious figures, then pairs that match only at the value level."""
    gold, pred = article.gold, article.pred
    value = article.levels["value"]
    for g in value.missed:
        f = gold.figures[g]
        yield ErrorLine(gold.id, "FN", f, sentence_at(gold.text, f.start, f.end))
    for p in value.spurious:
        f = pred.figures[p]
        yield ErrorLine(gold.id, "FP", f, sentence_at(pred.text, f.start, f.end))
    for g, p in value.pairs:
        gf, pf = gold.figures[g], pred.figures[p]
        if gf.qualifier != pf.qualifier or gf.modality != pf.modality:
            note = f"predicted {pf.qualifier.value}/{pf.modality.value}"
            yield ErrorLine(gold.id, "FULL", gf, sentence_at(gold.text, gf.start, gf.end), note)


def errors_as_dicts(scores: Scores) -> list[dict]:
    """Every error as a JSON-ready record (for `--json --errors` and `Evaluation.errors()`)."""
    out = []
    for article in scores.articles:
        for line in sorted(article_errors(article), key=lambda item: item.figure.start):
            record = {"article": line.article, "error": line.what, **line.figure.model_dump(mode="json"),
                      "sentence": line.sentence}
            if line.note:
                record["note"] = line.note
            out.append(record)
    return out
