"""Scoring (ANNOTATION.md §6) on hand-made gold/prediction pairs whose P/R/F1 are known exactly."""
from __future__ import annotations

from decimal import Decimal

import pytest

from vnfigures.evaluate.matching import assignment, match
from vnfigures.evaluate.score import PRF, ArticleFigures, close, score_article, score_articles
from vnfigures.schemas import Entity, Figure

TEXT = "x" * 200


def fig(kind: str, value: str, start: int = 0, *, unit: str | None = None, vmax: str | None = None,
        qualifier: str | None = None, modality: str = "actual", text: str | None = None) -> Figure:
    """A figure on the dummy text; spans are placeholders of the right length."""
    units = {"households": "household", "money": "VND", "houses": "house", "mass": "tonne",
             "people": "person", "percent": "percent", "other": "item"}
    span = text or "x" * 3
    return Figure(text=span, start=start, end=start + len(span), kind=kind, value=Decimal(value),
                  value_max=Decimal(vmax) if vmax else None, unit=unit or units[kind],
                  qualifier=qualifier or ("range" if vmax else "exact"), modality=modality)


def art(*figures: Figure, text: str = TEXT, id: str = "a") -> ArticleFigures:
    return ArticleFigures(id, text, list(figures))


H115 = fig("households", "115", 10)
M625 = fig("money", "625000000", 30, qualifier="more_than")
T262 = fig("mass", "262", 50)

# (case, gold figures, predicted figures, expected value-level PRF, expected full-level PRF)
CASES = [
    ("perfect", [H115, M625, T262], [H115, M625, T262], PRF(3, 0, 0), PRF(3, 0, 0)),
    ("nothing predicted", [H115, M625], [], PRF(0, 0, 2), PRF(0, 0, 2)),
    ("only spurious", [], [H115], PRF(0, 1, 0), PRF(0, 1, 0)),
    ("duplicate prediction matches gold once", [H115], [H115, fig("households", "115", 90)],
     PRF(1, 1, 0), PRF(1, 1, 0)),
    ("duplicate gold needs two predictions", [H115, fig("households", "115", 90)], [H115],
     PRF(1, 0, 1), PRF(1, 0, 1)),
    ("within 0.1 %", [fig("money", "1000000")], [fig("money", "1001000")], PRF(1, 0, 0), PRF(1, 0, 0)),
    ("beyond 0.1 %", [fig("money", "1000000")], [fig("money", "1001100")], PRF(0, 1, 1), PRF(0, 1, 1)),
    ("wrong kind", [fig("households", "5")], [fig("people", "5")], PRF(0, 1, 1), PRF(0, 1, 1)),
    ("other currency", [fig("money", "100", unit="USD")], [fig("money", "100")], PRF(0, 1, 1), PRF(0, 1, 1)),
    ("range equal", [fig("households", "10", vmax="15")], [fig("households", "10", vmax="15")],
     PRF(1, 0, 0), PRF(1, 0, 0)),
    ("range max differs", [fig("households", "10", vmax="15")], [fig("households", "10", vmax="16")],
     PRF(0, 1, 1), PRF(0, 1, 1)),
    ("range against single value", [fig("households", "10", vmax="15")], [fig("households", "10")],
     PRF(0, 1, 1), PRF(0, 1, 1)),
    ("qualifier mismatch fails only full", [M625], [fig("money", "625000000", 30)], PRF(1, 0, 0), PRF(0, 1, 1)),
    ("modality mismatch fails only full", [H115], [fig("households", "115", 10, modality="target")],
     PRF(1, 0, 0), PRF(0, 1, 1)),
    ("mixed", [H115, M625, T262, fig("people", "3")], [H115, fig("money", "625000000"), fig("mass", "2.62"),
                                                       fig("other", "7")],
     PRF(2, 2, 2), PRF(1, 3, 3)),
]


@pytest.mark.parametrize(("case", "gold", "pred", "value", "full"), CASES, ids=[c[0] for c in CASES])
def test_counts(case: str, gold: list[Figure], pred: list[Figure], value: PRF, full: PRF) -> None:
    scored = score_article(art(*gold), art(*pred))
    assert scored.counts("value") == value
    assert scored.counts("full") == full


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        (PRF(2, 2, 2), 0.5, 0.5, 0.5),
        (PRF(3, 1, 0), 0.75, 1.0, 6 / 7),
        (PRF(1, 0, 3), 1.0, 0.25, 0.4),
        (PRF(0, 0, 0), 1.0, 1.0, 1.0),
        (PRF(0, 2, 0), 0.0, 0.0, 0.0),
        (PRF(0, 0, 2), 0.0, 0.0, 0.0),
    ],
)
def test_prf(counts: PRF, precision: float, recall: float, f1: float) -> None:
    assert counts.precision == pytest.approx(precision)
    assert counts.recall == pytest.approx(recall)
    assert counts.f1 == pytest.approx(f1)


def test_maximum_matching_beats_greedy() -> None:
    """Gold 1000 and 1001.5 vs pred 1000.8 and 1002: greedy nearest pairing loses one pair."""
    gold = [fig("money", "1000", 0), fig("money", "1001.5", 10)]
    pred = [fig("money", "1000.8", 0), fig("money", "1002", 10)]
    assert score_article(art(*gold), art(*pred)).counts("value") == PRF(2, 0, 0)


def test_nearest_offset_pairs_preferred() -> None:
    """Two equal gold figures, one prediction: the miss reported is the far one."""
    gold = [fig("households", "5", 10), fig("households", "5", 120)]
    scored = score_article(art(*gold), art(fig("households", "5", 118)))
    assert scored.levels["value"].pairs == [(1, 0)]
    assert scored.levels["value"].missed == [0]


def test_per_kind_and_core() -> None:
    gold = art(H115, M625, fig("people", "3"), id="a")
    pred = art(H115, fig("people", "4"), id="a")
    scores = score_articles([gold, art(T262, id="b")], {"a": pred, "zzz": pred})
    assert scores.per_kind("value") == {"households": PRF(1, 0, 0), "money": PRF(0, 0, 1),
                                        "mass": PRF(0, 0, 1), "people": PRF(0, 1, 1)}
    assert scores.core("value") == PRF(1, 0, 2)
    assert scores.overall("value") == PRF(1, 1, 3)
    summary = scores.to_dict()
    assert summary["unpredicted"] == ["b"]
    assert summary["unknown_predictions"] == ["zzz"]
    assert summary["value"]["overall"]["f1"] == pytest.approx(2 / 6, abs=1e-4)


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [("100", "100.1", True), ("100", "100.11", False), ("0", "0", True), ("0", "0.0001", False),
     ("553763000000", "553763000000", True), ("33.33", "33.333", True)],
)
def test_close(a: str, b: str, equal: bool) -> None:
    assert close(Decimal(a), Decimal(b)) is equal
    assert close(Decimal(b), Decimal(a)) is equal


@pytest.mark.parametrize(
    ("cost", "total"),
    [([[4, 1, 3], [2, 0, 5], [3, 2, 2]], 5), ([[1, 2], [1, 3], [9, 9]], 3), ([[7]], 7), ([[5, 1, 9]], 1)],
)
def test_assignment_is_minimal(cost: list[list[int]], total: int) -> None:
    pairs = assignment(cost)
    assert len(pairs) == min(len(cost), len(cost[0]))
    assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
    assert sum(cost[r][c] for r, c in pairs) == total


def test_match_ignores_forbidden_pairs() -> None:
    assert match(["a", "b"], ["c", "b"], lambda g, p: 0.0 if g == p else None) == [(1, 1)]


def _ent(start: int, end: int, label: str = "PER") -> Entity:
    return Entity(text="x" * (end - start), start=start, end=end, label=label)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ([_ent(0, 3), _ent(5, 9, "LOC")], [_ent(0, 3), _ent(5, 9, "LOC")], PRF(2, 0, 0)),
        ([_ent(0, 3)], [_ent(0, 4)], PRF(0, 1, 1)),  # boundary off by one
        ([_ent(0, 3)], [_ent(0, 3, "ORG")], PRF(0, 1, 1)),  # wrong label
        ([_ent(0, 3)], [_ent(0, 3), _ent(0, 3)], PRF(1, 1, 0)),  # duplicate counted once
        ([], [_ent(1, 2)], PRF(0, 1, 0)),
    ],
)
def test_entity_spans(gold: list[Entity], pred: list[Entity], expected: PRF) -> None:
    scores = score_articles([ArticleFigures("a", TEXT, [], gold)], {"a": ArticleFigures("a", TEXT, [], pred)})
    assert scores.entities() == expected


def test_entities_unscored_without_gold_entities() -> None:
    scores = score_articles([art(H115)], {"a": ArticleFigures("a", TEXT, [H115], [_ent(0, 3)])})
    assert scores.entities() is None
    assert scores.to_dict()["entities"] is None


def test_per_article_counts() -> None:
    scores = score_articles([art(H115, M625, id="a"), art(T262, id="b")],
                            {"a": art(H115, fig("money", "625000000", 30), id="a"), "b": art(id="b")})
    per_article = scores.to_dict()["per_article"]
    assert per_article["a"]["value"]["tp"] == 2 and per_article["a"]["full"]["tp"] == 1
    assert per_article["b"]["value"] == PRF(0, 0, 1).as_dict()
