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
        """Machine-readable summary: scores (overall, per kind, per article, per paper) and
        every problem met on the way."""
        from .per_paper import per_paper_dict

        out = self.scores.to_dict()
        out["per_paper"] = per_paper_dict(self.scores)
        out["gold_problems"] = [vars(p) for p in self.gold.problems]
        out["prediction_failures"] = dict(self.failures)
        out["prediction_problems"] = list(self.pred_problems)
        return out


def pipeline_predictor(ner: bool = False) -> Predictor:
    """Run the whole pipeline (`vnfigures.extract`) on a gold article's text.

    NER is off by default: figure scoring does not need it and it is the slowest step; without
    it, entities are left unscored rather than counted as all missed.
    """
    from vnfigures.steps import default_steps, run_steps

    steps = default_steps(ner=ner)

    def predict(gold: GoldArticle) -> Prediction:
        # The gold file's publication date and source are the article's own metadata (a page
        # or feed gives them too); relative years and a paper's province need them (§8).
        raw = Article(id=gold.id, raw=gold.text, published=gold.published, source=gold.source)
        article = run_steps(raw, steps)
        return ArticleFigures(gold.id, article.text, article.figures, article.entities if ner else None)

    return predict


#: The extensions a raw page of a gold article may have, tried in this order.
RAW_SUFFIXES = (".txt", ".html", ".htm")


def raw_predictor(raw_dir: str | Path, ner: bool = False) -> Predictor:
    """Run the whole pipeline on each gold article's raw page (`<raw_dir>/<id>.txt` or `.html`),
    as `vnfig run` reads it: page furniture, the page's own date and nothing from the gold file.

    This is how a new user meets the pipeline: the cleaner decides what the article is, and
    relative years need the date the page itself prints. An article without a raw page fails
    and counts as unpredicted.
    """
    from vnfigures.read.inputs import read_file
    from vnfigures.steps import default_steps, run_steps

    steps, root = default_steps(ner=ner), Path(raw_dir)

    def predict(gold: GoldArticle) -> Prediction:
        path = next((p for p in (root / f"{gold.id}{s}" for s in RAW_SUFFIXES) if p.is_file()), None)
        if path is None:
            raise FileNotFoundError(f"no raw page {gold.id}{{{','.join(RAW_SUFFIXES)}}} in {root}")
        article = run_steps(read_file(path, gold.id), steps)
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
    raw: str | Path | None = None,
    ner: bool = False,
) -> Evaluation:
    """Evaluate against every gold file in `gold_dir`.

    Predictions come from `pred` (a JSONL file of Article records) when given, else from
    `predict(gold_article)` (default: the whole pipeline on the gold text, NER off; with `raw`,
    on the raw pages of that folder, see `raw_predictor`).
    """
    gold = load_gold_dir(gold_dir)
    if pred is not None:
        predictions, problems = read_predictions(pred)
        result = evaluate(gold, predictions)
        result.pred_problems = problems
        return result
    if predict is None:
        predict = raw_predictor(raw, ner=ner) if raw is not None else pipeline_predictor(ner=ner)
    predictions, failures = predict_all(gold.articles, predict)
    result = evaluate(gold, predictions)
    result.failures = failures
    return result
