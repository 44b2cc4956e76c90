"""The locate benchmark rotates which chain reads an article first (#15): the second reader of
an article finds its per-text caches filled, so a fixed order billed that head start to the
step being measured."""
from __future__ import annotations

import pytest

from vnfigures.bench.locate import time_chains
from vnfigures.schemas import Article
from vnfigures.steps import FunctionStep


def _recording_chain(name: str, calls: list[tuple[str, str]]) -> list[FunctionStep]:
    def record(article: Article) -> Article:
        calls.append((article.id, name))
        return article
    return [FunctionStep(name, record)]


@pytest.mark.parametrize(("chains", "expected"), [
    (("with", "without"), [("a0", "with"), ("a0", "without"), ("a1", "without"), ("a1", "with"),
                           ("a2", "with"), ("a2", "without")]),
    (("with", "without", "again"), [("a0", "with"), ("a0", "without"), ("a0", "again"),
                                    ("a1", "without"), ("a1", "again"), ("a1", "with"),
                                    ("a2", "again"), ("a2", "with"), ("a2", "without")]),
])
def test_each_chain_reads_first_in_turn(chains: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    calls: list[tuple[str, str]] = []
    articles = [Article(id=f"a{i}", source="test", raw="Có 5 hộ nghèo.") for i in range(3)]
    spent = time_chains(articles, {name: _recording_chain(name, calls) for name in chains})
    assert calls == expected
    assert set(spent) == set(chains)
