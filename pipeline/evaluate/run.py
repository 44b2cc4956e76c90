"""One evaluation from end to end: load gold, get predictions, score — usable from a notebook.

Not run as a doctest (it runs the whole pipeline on a gold folder):

    from vnfigures.evaluate import score_dir
    result = score_dir("../shared/corpus/gold")
    result.scores.overall("value").f1
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vnfigures.errors import InputError
from vnfigures.read.jsonl import json_lines, parse_json_object
from vnfigures.schemas import Article, Figure

from .errors import errors_as_dicts
from .gold import GoldArticle, GoldProblem, GoldSet, load_gold_dir
from .score import ArticleFigures, Scores, score_articles

#: What a predictor returns for one gold text: a pipeline `Article`, its scored view, or just
#: figures (then taken to index the gold text).
Prediction = Article | ArticleFigures | Sequence[Figure]
Predictor = Callable[[GoldArticle], Prediction]


@dataclass
class Evaluation:
    """Scores, plus everything that kept an article out of them (bad gold, failed predictions)."""

    scores: Scores
    gold: GoldSet
    failures: dict[str, str] = field(default_factory=dict)  # article id -> why no prediction
    pred_problems: list[str] = field(default_factory=list)  # unreadable prediction lines

    @property
    def problems(self) -> list[GoldProblem]:
        return self.gold.problems

    def errors(self) -> list[dict]:
        """Every false negative, false positive and full-level mismatch, one record each
        (with its sentence) — ready for `pandas.DataFrame(result.errors())` in a notebook."""
        return errors_as_dicts(self.scores)

    def to_dict(self) -> dict:
        """Machine-readable summary: scores and every problem met on the way."""
        out = self.scores.to_dict()
        out["gold_problems"] = [vars(p) for p in self.gold.problems]
        out["prediction_failures"] = dict(self.failures)
        out["prediction_problems"] = list(self.pred_problems)
        return out


def pipeline_predictor(ner: bool = False) -> Predictor:
    """Run the whole pipeline (`vnfigures.extract`) on a gold article's text.

    NER is off by default: figure scoring does not need it and it is the slowest step; without
    it, entities are left unscored rather than counted as all missed.
    """
    import vnfigures.api as api

    def predict(gold: GoldArticle) -> Prediction:
        article = api.extract(gold.text, id=gold.id, ner=ner)
        return ArticleFigures(gold.id, article.text, article.figures, article.entities if ner else None)

    return predict


def as_scored(gold: GoldArticle, prediction: Prediction) -> ArticleFigures:
    """The predicted side of scoring; bare figures are taken to index the gold text."""
    if isinstance(prediction, ArticleFigures):
        return prediction
    if isinstance(prediction, Article):
        return ArticleFigures(gold.id, prediction.text, prediction.figures, prediction.entities)
    return ArticleFigures(gold.id, gold.text, list(prediction), None)


def predict_all(gold: Sequence[GoldArticle], predict: Predictor) -> tuple[dict[str, ArticleFigures], dict[str, str]]:
    """Predictions by id; an article whose prediction raises is kept out and its error noted."""
    preds: dict[str, ArticleFigures] = {}
    failures: dict[str, str] = {}
    for article in gold:
        try:
            preds[article.id] = as_scored(article, predict(article))
        except Exception as exc:  # noqa: BLE001 - one failing article must not stop the evaluation
            failures[article.id] = f"{exc.__class__.__name__}: {exc}"
    return preds, failures


def read_predictions(path: str | Path) -> tuple[dict[str, ArticleFigures], list[str]]:
    """Article records from a JSONL file, by id; bad lines become problems naming line and field.

    Failure records (lines without `text`/`figures` but with `error`) are skipped silently: the
    article then counts as unpredicted.
    """
    preds: dict[str, ArticleFigures] = {}
    problems: list[str] = []
    with open(path, "rb") as handle:
        for number, line in json_lines(handle):
            try:
                record = parse_json_object(line)
                if "error" in record and "figures" not in record:
                    continue
                article = Article.model_validate(record)
            except InputError as exc:
                problems.append(f"{path}:{number}: {exc}")
                continue
            except ValidationError as exc:
                err = exc.errors(include_url=False)[0]
                loc = ".".join(str(p) for p in err["loc"]) or "<record>"
                problems.append(f"{path}:{number}: {loc}: {err['msg']}")
                continue
            if article.id in preds:
                problems.append(f"{path}:{number}: id {article.id!r} appears again; this later line is used")
            preds[article.id] = ArticleFigures(article.id, article.text, article.figures, article.entities)
    return preds, problems


def evaluate(gold: GoldSet, predictions: Mapping[str, ArticleFigures]) -> Evaluation:
    """Score loaded gold against predictions keyed by article id."""
    return Evaluation(score_articles((g.scored() for g in gold.articles), predictions), gold)


def score_dir(
    gold_dir: str | Path,
    predict: Predictor | None = None,
    *,
    pred: str | Path | None = None,
    ner: bool = False,
) -> Evaluation:
    """Evaluate against every gold file in `gold_dir`.

    Predictions come from `pred` (a JSONL file of Article records) when given, else from
    `predict(gold_article)` (default: the whole pipeline on the gold text, NER off).
    """
    gold = load_gold_dir(gold_dir)
    if pred is not None:
        predictions, problems = read_predictions(pred)
        result = evaluate(gold, predictions)
        result.pred_problems = problems
        return result
    predictions, failures = predict_all(gold.articles, predict or pipeline_predictor(ner=ner))
    result = evaluate(gold, predictions)
    result.failures = failures
    return result
