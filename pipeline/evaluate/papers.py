"""Scores per source paper, and leave-one-paper-out evaluation of anything fitted on gold.

Rules written on some papers fit those papers; the honest measure is a paper the rules (or
weights) never saw. `by_paper` splits one evaluation by paper; `leave_one_paper_out` fits a
predictor on every paper but one and scores it on the one left out, once per paper.

The grouping itself (`paper_of`, `by_paper`, the `per_paper` block) lives in `per_paper`, which
`run` uses without importing this module back.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import run
from .gold import GoldArticle, GoldSet
from .run import Evaluation, Predictor, evaluate, predict_all
from .per_paper import by_paper, paper_of, summary
from .score import Scores

__all__ = ["Fitter", "HeldOut", "PIPELINE_FITTED_ON_GOLD", "by_paper", "held_out_dict", "leave_one_paper_out",
           "paper_of", "pipeline_fitter", "pooled"]

#: Builds a predictor from training articles; a pure rule system ignores them.
Fitter = Callable[[Sequence[GoldArticle]], Predictor]


@dataclass
class HeldOut:
    """One paper scored by a predictor fitted on the other papers."""

    paper: str
    train_articles: int
    evaluation: Evaluation


def leave_one_paper_out(gold: GoldSet, fit: Fitter) -> list[HeldOut]:
    """For each paper: fit on the gold articles of every other paper, score on this one.

    Articles whose prediction fails are kept out and noted in that paper's evaluation, as in
    `score_dir`.
    """
    papers = sorted({paper_of(a.id) for a in gold.articles})
    results = []
    for paper in papers:
        test = [a for a in gold.articles if paper_of(a.id) == paper]
        train = [a for a in gold.articles if paper_of(a.id) != paper]
        predictions, failures = predict_all(test, fit(train))
        evaluation = evaluate(GoldSet(articles=test), predictions)
        evaluation.failures = failures
        results.append(HeldOut(paper, len(train), evaluation))
    return results


def pooled(results: Sequence[HeldOut]) -> Scores:
    """Every held-out paper's matchings together: the micro-averaged leave-one-out score."""
    return Scores(articles=[a for r in results for a in r.evaluation.scores.articles])


def held_out_dict(results: Sequence[HeldOut], trained: bool) -> dict:
    """The `leave_one_paper_out` block of `--json`: pooled and per paper."""
    return {"trained": trained, "pooled": summary(pooled(results)),
            "per_paper": {r.paper: {"train_articles": r.train_articles, **summary(r.evaluation.scores)}
                          for r in results}}


#: Nothing in the pipeline is fitted to gold files: its extractors are rules and data.
#: Leave-one-paper-out then scores each paper exactly as the per-paper table does; the mode is
#: there for a component trained on gold, whose `Fitter` refits it without the held-out paper.
PIPELINE_FITTED_ON_GOLD = False


def pipeline_fitter(ner: bool = False) -> Fitter:
    """The pipeline as a `Fitter`: rules, so the training articles are not used."""

    def fit(train: Sequence[GoldArticle]) -> Predictor:
        return run.pipeline_predictor(ner=ner)

    return fit
