"""Scores split by source paper: a corpus mean can hide a weak paper.

>>> paper_of("baomoi_10"), paper_of("vnexpress_201"), paper_of("seed-camau-police-poverty")
('baomoi', 'vnexpress', 'seed-camau-police-poverty')
"""
from __future__ import annotations

from .score import LEVELS, Scores

__all__ = ["by_paper", "paper_of", "per_paper_dict", "summary"]


def paper_of(article_id: str) -> str:
    """The paper an article comes from: the id's prefix before the first `_` (the corpus
    names its files `<paper>_<n>`), or the whole id when it has none."""
    return article_id.split("_", 1)[0] if "_" in article_id else article_id


def by_paper(scores: Scores) -> dict[str, Scores]:
    """The articles' matchings grouped by paper, papers in alphabetical order."""
    groups: dict[str, Scores] = {}
    for article in scores.articles:
        groups.setdefault(paper_of(article.gold.id), Scores()).articles.append(article)
    return dict(sorted(groups.items()))


def summary(scores: Scores) -> dict:
    """Articles, figures and the overall and core counts at both levels, for one group."""
    out: dict = {"articles": len(scores.articles)}
    for level in LEVELS:
        out[level] = {"overall": scores.overall(level).as_dict(), "core": scores.core(level).as_dict()}
    return out


def per_paper_dict(scores: Scores) -> dict[str, dict]:
    """`summary` of every paper, keyed by paper (the `per_paper` block of `--json`)."""
    return {paper: summary(group) for paper, group in by_paper(scores).items()}
