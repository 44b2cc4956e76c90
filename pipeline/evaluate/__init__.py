"""Evaluation against gold files (ANNOTATION.md §5–§6): scoring, gold loading, reports.

    from vnfigures.evaluate import score_dir
    result = score_dir("../shared/corpus/gold")                    # runs the pipeline, NER off
    result = score_dir("gold/", predict=lambda g: my_figures(g.text))
    result.scores.overall("value").f1, result.scores.per_kind("full")
"""
from .gold import GoldArticle, GoldFileError, GoldProblem, GoldSet, load_gold, load_gold_dir
from .run import Evaluation, evaluate, pipeline_predictor, read_predictions, score_dir
from .score import CORE_KINDS, PRF, ArticleFigures, Scores, score_article, score_articles

__all__ = [
    "GoldArticle", "GoldFileError", "GoldProblem", "GoldSet", "load_gold", "load_gold_dir",
    "Evaluation", "evaluate", "pipeline_predictor", "read_predictions", "score_dir",
    "CORE_KINDS", "PRF", "ArticleFigures", "Scores", "score_article", "score_articles",
]
