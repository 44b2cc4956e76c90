"""Scoring of predicted figures against gold figures, exactly as ANNOTATION.md §6 defines it.

Two levels: a prediction matches a gold figure of the same article at the **value** level when
kind, unit and value agree (values within 0.1 % relative, `value_max` likewise, both None
equal); the **full** level also asks for the same qualifier and modality. Each level is its
own maximum matching, so a qualifier error costs only at the full level. Counts are
micro-averaged over all figures, and split per kind and for the core kinds.

>>> from vnfigures.schemas import Figure
>>> g = Figure(text="115 hộ", start=0, end=6, kind="households", value=115, unit="household")
>>> s = score_article(ArticleFigures("a", "115 hộ", [g]), ArticleFigures("a", "115 hộ", [g]))
>>> s.counts("value"), s.counts("full")
(PRF(tp=1, fp=0, fn=0), PRF(tp=1, fp=0, fn=0))
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from vnfigures.schemas import Entity, Figure, Kind

from .matching import match

Level = Literal["value", "full"]
LEVELS: tuple[Level, Level] = ("value", "full")

#: Kinds the project reports on first (ANNOTATION.md §4: the poverty-relief core).
CORE_KINDS: frozenset[Kind] = frozenset({Kind.households, Kind.money, Kind.houses, Kind.mass})

#: Relative tolerance of §6: values within 0.1 % are equal.
TOLERANCE = Decimal("0.001")


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / (tp + fp). Undefined ratios are 1.0 only when both sides are empty, else 0.0."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0 and self.fp == 0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn). Undefined ratios are 1.0 only when both sides are empty, else 0.0."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0 and self.fn == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (2tp / (2tp + fp + fn))."""
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 1.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rounded scores, for JSON reports and baselines."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class ArticleFigures:
    """What scoring needs of one article, gold or predicted: its text and its spans.

    `entities` is None when the side carries no entity annotation (entities then go unscored);
    `located` tells that a gold side carries ANNOTATION.md §8's place and year fields.
    """

    id: str
    text: str
    figures: Sequence[Figure]
    entities: Sequence[Entity] | None = None
    located: bool = False


#: ANNOTATION.md §8 levels: what a value-matched pair must share to count as right.
LOCATED_FIELDS: dict[str, Callable[[Figure], object]] = {
    "place": lambda f: f.province,
    "year": lambda f: None if f.year is None else (f.year, f.year_max),
}


@dataclass(frozen=True)
class FieldCounts:
    """One §8 level over value-matched figures: accuracy over all of them, and precision and
    recall over those whose prediction (precision) or gold (recall) is not null."""

    matched: int = 0
    correct: int = 0
    pred_set: int = 0
    pred_set_correct: int = 0
    gold_set: int = 0
    gold_set_correct: int = 0

    def __add__(self, other: FieldCounts) -> FieldCounts:
        return FieldCounts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.matched, self.correct, self.pred_set, self.pred_set_correct, self.gold_set,
                self.gold_set_correct)

    @property
    def accuracy(self) -> float:
        return self.correct / self.matched if self.matched else 1.0

    @property
    def precision(self) -> float:
        return self.pred_set_correct / self.pred_set if self.pred_set else float(self.gold_set == 0)

    @property
    def recall(self) -> float:
        return self.gold_set_correct / self.gold_set if self.gold_set else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"matched": self.matched, "correct": self.correct, "accuracy": round(self.accuracy, 4),
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "gold_not_null": self.gold_set, "pred_not_null": self.pred_set}


def located_counts(pairs: Iterable[tuple[Figure, Figure]], level: str) -> FieldCounts:
    """Count one §8 level (`place`: same province; `year`: same year and year_max) over pairs.

    >>> g = Figure(text="115 hộ", start=0, end=6, kind="households", value=115, unit="household", province="Cà Mau")
    >>> located_counts([(g, g.model_copy(update={"province": None}))], "place").as_dict()["recall"]
    0.0
    """
    read = LOCATED_FIELDS[level]
    counts = [0] * 6
    for gold, pred in pairs:
        g, p = read(gold), read(pred)
        same = g == p
        counts[0] += 1
        counts[1] += same
        counts[2] += p is not None
        counts[3] += p is not None and same
        counts[4] += g is not None
        counts[5] += g is not None and same
    return FieldCounts(*counts)


def close(a: Decimal | None, b: Decimal | None) -> bool:
    """Equal within 0.1 % of the larger magnitude; None only equals None.

    >>> close(Decimal("1000"), Decimal("1001")), close(Decimal("1000"), Decimal("1002"))
    (True, False)
    >>> close(None, None), close(Decimal(0), None)
    (True, False)
    """
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def value_match(gold: Figure, pred: Figure) -> bool:
    """The value level of §6: same kind and unit, value and value_max within tolerance."""
    return (gold.kind == pred.kind and gold.unit == pred.unit and close(gold.value, pred.value)
            and close(gold.value_max, pred.value_max))


def full_match(gold: Figure, pred: Figure) -> bool:
    """The full level of §6: a value match with the same qualifier and modality."""
    return value_match(gold, pred) and gold.qualifier == pred.qualifier and gold.modality == pred.modality


def _position_cost(gold: ArticleFigures, pred: ArticleFigures) -> Callable[[Figure, Figure], float]:
    """Preference among compatible pairs: nearest offsets, identical span text first.

    Offsets are only comparable when the prediction was made on the same text (§6); otherwise
    the relative position in the article stands in for them.
    """
    same_text = gold.text == pred.text
    g_len, p_len = max(len(gold.text), 1), max(len(pred.text), 1)

    def cost(g: Figure, p: Figure) -> float:
        if same_text:
            distance = abs(g.start - p.start) + abs(g.end - p.end)
        else:
            distance = abs(g.start / g_len - p.start / p_len) * 10_000
        return distance + (0.0 if g.text == p.text else 0.5)

    return cost


@dataclass
class LevelResult:
    """One level's matching in an article: the pairs and the leftovers on each side."""

    pairs: list[tuple[int, int]]
    missed: list[int]  # gold indices without a prediction: false negatives
    spurious: list[int]  # prediction indices without a gold figure: false positives


@dataclass
class ArticleScore:
    """Matching of one article at both levels, plus its entity counts when gold has entities."""

    gold: ArticleFigures
    pred: ArticleFigures
    levels: dict[str, LevelResult]
    entities: PRF | None = None
    predicted: bool = True  # False when no prediction existed for this gold article

    def counts(self, level: Level, kinds: Iterable[Kind] | None = None) -> PRF:
        """Counts at `level`, restricted to figures of `kinds` (gold kind for misses, else pred kind)."""
        wanted = None if kinds is None else set(kinds)
        res = self.levels[level]

        def keep(f: Figure) -> bool:
            return wanted is None or f.kind in wanted

        tp = sum(1 for g, _ in res.pairs if keep(self.gold.figures[g]))
        fn = sum(1 for g in res.missed if keep(self.gold.figures[g]))
        fp = sum(1 for p in res.spurious if keep(self.pred.figures[p]))
        return PRF(tp, fp, fn)

    def located(self, level: str) -> FieldCounts:
        """A §8 level over this article's value-matched figures (nothing when gold lacks §8)."""
        if not self.gold.located:
            return FieldCounts()
        pairs = ((self.gold.figures[g], self.pred.figures[p]) for g, p in self.levels["value"].pairs)
        return located_counts(pairs, level)


def _level(gold: ArticleFigures, pred: ArticleFigures, compatible: Callable[[Figure, Figure], bool]) -> LevelResult:
    """One maximum matching among the pairs `compatible` allows, nearest pairs preferred."""
    prefer = _position_cost(gold, pred)
    pairs = match(gold.figures, pred.figures, lambda g, p: prefer(g, p) if compatible(g, p) else None)
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    return LevelResult(
        pairs=pairs,
        missed=[i for i in range(len(gold.figures)) if i not in matched_g],
        spurious=[i for i in range(len(pred.figures)) if i not in matched_p],
    )


def entity_counts(gold: Sequence[Entity], pred: Sequence[Entity]) -> PRF:
    """Exact-span entity scores: a hit needs the same start, end and label (multiset match)."""
    remaining: dict[tuple[int, int, str], int] = {}
    for e in gold:
        key = (e.start, e.end, e.label.value)
        remaining[key] = remaining.get(key, 0) + 1
    tp = 0
    for e in pred:
        key = (e.start, e.end, e.label.value)
        if remaining.get(key, 0):
            remaining[key] -= 1
            tp += 1
    return PRF(tp, len(pred) - tp, len(gold) - tp)


def score_article(gold: ArticleFigures, pred: ArticleFigures | None) -> ArticleScore:
    """Match one article's predictions to its gold figures at both levels.

    Entities are scored when the gold has them and the prediction carries entities (None
    means NER did not run); a missing prediction misses them all.
    """
    predicted = pred is not None
    pred = pred or ArticleFigures(gold.id, gold.text, [], [])
    levels = {"value": _level(gold, pred, value_match), "full": _level(gold, pred, full_match)}
    entities = None
    if gold.entities is not None and (pred.entities is not None or not predicted):
        entities = entity_counts(gold.entities, pred.entities or [])
    return ArticleScore(gold, pred, levels, entities, predicted)


@dataclass
class Scores:
    """All articles' matchings, with micro-averaged totals overall, for core kinds and per kind."""

    articles: list[ArticleScore] = field(default_factory=list)
    unknown_predictions: list[str] = field(default_factory=list)  # predicted ids with no gold

    def counts(self, level: Level, kinds: Iterable[Kind] | None = None) -> PRF:
        """Micro-averaged counts at `level` over every article (optionally only `kinds`)."""
        kinds = None if kinds is None else list(kinds)
        total = PRF()
        for article in self.articles:
            total = total + article.counts(level, kinds)
        return total

    def overall(self, level: Level = "value") -> PRF:
        """Micro-averaged counts over every figure."""
        return self.counts(level)

    def core(self, level: Level = "value") -> PRF:
        """Counts over the core kinds only (households, money, houses, mass)."""
        return self.counts(level, CORE_KINDS)

    def per_kind(self, level: Level = "value") -> dict[str, PRF]:
        """Counts for every kind present in gold or predictions, in the order of `Kind`."""
        present = {f.kind for a in self.articles for f in (*a.gold.figures, *a.pred.figures)}
        return {k.value: self.counts(level, [k]) for k in Kind if k in present}

    def located(self, level: str) -> FieldCounts:
        """A §8 level (`place`, `year`) summed over the articles whose gold carries §8 fields."""
        total = FieldCounts()
        for article in self.articles:
            total = total + article.located(level)
        return total

    def entities(self) -> PRF | None:
        """Entity span scores over the articles whose gold has entities, else None."""
        scored = [a.entities for a in self.articles if a.entities is not None]
        if not scored:
            return None
        total = PRF()
        for counts in scored:
            total = total + counts
        return total

    def to_dict(self) -> dict:
        """The summary a machine reads: per level overall, core and per kind, and entities."""
        out: dict = {"articles": len(self.articles),
                     "unpredicted": [a.gold.id for a in self.articles if not a.predicted],
                     "unknown_predictions": list(self.unknown_predictions)}
        for level in LEVELS:
            out[level] = {"overall": self.overall(level).as_dict(), "core": self.core(level).as_dict(),
                          "per_kind": {k: c.as_dict() for k, c in self.per_kind(level).items()}}
        out["located"] = {level: self.located(level).as_dict() for level in LOCATED_FIELDS}
        ent = self.entities()
        out["entities"] = ent.as_dict() if ent is not None else None
        out["per_article"] = {a.gold.id: _article_dict(a) for a in self.articles}
        return out


def _article_dict(article: ArticleScore) -> dict:
    """One article's counts per level, and its §8 levels when its gold has them."""
    out: dict = {level: article.counts(level).as_dict() for level in LEVELS}
    if article.gold.located:
        out.update({level: article.located(level).as_dict() for level in LOCATED_FIELDS})
    return out


def score_articles(gold: Iterable[ArticleFigures], pred: Mapping[str, ArticleFigures]) -> Scores:
    """Score every gold article against the prediction with the same id (missing: all misses)."""
    gold = list(gold)
    ids = {g.id for g in gold}
    scores = Scores(unknown_predictions=sorted(set(pred) - ids))
    for g in gold:
        scores.articles.append(score_article(g, pred.get(g.id)))
    return scores
