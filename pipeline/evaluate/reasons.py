"""Why a gold figure was missed: the reason the extractor dropped the number at its place.

Beside each false negative, `vnfig eval --errors` says what happened where the gold figure
stands: a figure was made there but read differently (`misread`), the number there was
dropped for a reason of the extractor (`date`, `label`, `no_counted_noun`, …, see
`vnfigures.extractors.rejections.Reason`), or no number was seen there at all. The
extractor is re-run on the article's text (rules only, its own sentence splitter), so saved
predictions get reasons too.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from vnfigures.extractors.figures import extract_with_rejections
from vnfigures.schemas import Figure

from .score import ArticleScore

__all__ = ["MISREAD", "NOT_SEEN", "miss_reasons", "reason_counts"]

#: a predicted figure overlaps the gold one but differs in kind, unit or value
MISREAD = "misread"
#: the extractor saw no candidate number inside the gold figure's span
NOT_SEEN = "no number seen there"


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _misread(gold: Figure, predicted: Iterable[Figure]) -> str | None:
    for p in predicted:
        if _overlaps(gold.start, gold.end, p.start, p.end):
            vmax = f"–{p.value_max}" if p.value_max is not None else ""
            return f"{MISREAD} as {p.kind.value} {p.value}{vmax} {p.unit}"
    return None


def miss_reasons(article: ArticleScore) -> dict[int, str]:
    """For each missed gold figure of `article` (by index), why no prediction matched it.

    Offsets of the prediction are used only when it was made on the gold text; otherwise the
    extractor is run on the gold text itself.
    """
    missed = article.levels["value"].missed
    if not missed:
        return {}
    gold, pred = article.gold, article.pred
    same_text = pred.text == gold.text
    figures, rejected = extract_with_rejections(gold.text)
    predicted = pred.figures if same_text else figures
    out: dict[int, str] = {}
    for g in missed:
        f = gold.figures[g]
        why = _misread(f, predicted)
        if why is None:
            here = [r for r in rejected if _overlaps(f.start, f.end, r.start, r.end)]
            why = here[0].reason.value if here else NOT_SEEN
        out[g] = why
    return out


def reason_counts(reasons: Iterable[str]) -> Counter[str]:
    """How many misses each reason explains (`misread as …` counted as `misread`)."""
    return Counter(MISREAD if r.startswith(MISREAD) else r for r in reasons)
