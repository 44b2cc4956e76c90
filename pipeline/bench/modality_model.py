"""Modality by rules or by a small statistical model: which generalizes better, measured.

    .venv/bin/python -m vnfigures.bench.modality_model [GOLD_DIR] [--test DIR]

Issue #11 allows a model trained on the visible gold where it measurably generalizes better
than the rules. This is that measure. The model is a logistic regression over the words around
a figure in its sentence, i.e. the evidence the cue rules read. It keeps the pipeline's figures
and replaces only their modality. Two scores, side by side:

- leave one paper out on GOLD_DIR (default `../shared/corpus/gold`): the model is refitted
  without each paper and scored on it. The rules were written on these papers, so this
  flatters the rules;
- with `--test DIR`, a gold folder that neither the rules nor the model saw: the model is
  fitted on all of GOLD_DIR. This is the fair comparison.

It needs scikit-learn (`pip install -e '.[bench]'`). Nothing in the pipeline uses a model.
On 4 Dec 2026 the rules won both: the model did no better than answering "actual" everywhere,
because the gold has 77 targets among 894 figures. See README.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from functools import lru_cache
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vnfigures.extractors.context import split_sentences
from vnfigures.evaluate.gold import GoldArticle, GoldSet, load_gold_dir
from vnfigures.evaluate.papers import Fitter, leave_one_paper_out, pipeline_fitter, pooled
from vnfigures.evaluate.run import Predictor, as_scored, evaluate, predict_all
from vnfigures.evaluate.score import ArticleFigures, Scores
from vnfigures.schemas import Modality

WORD = re.compile(r"\w+")
BEFORE, AFTER, OPENING = 10, 6, 3


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """An article's sentences, split once for all of its figures."""
    return tuple(split_sentences(text))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end], as the extractors split sentences."""
    for left, right in _sentences(text):
        if left <= start < right:
            return left, max(right, end)
    return start, end


def context_features(text: str, start: int, end: int) -> dict[str, float]:
    """The words before and after a figure in its sentence, word pairs before it and the
    sentence's opening words. Cue rules read this same evidence, so the comparison is fair.

    >>> text = "Năm tới, tỉnh sẽ xây 20 nhà."
    >>> sorted(context_features(text, text.index("20"), text.index("20") + 6))
    ['b:năm', 'b:sẽ', 'b:tỉnh', 'b:tới', 'b:xây', 'bb:năm_tới', 'bb:sẽ_xây', 'bb:tỉnh_sẽ', 'bb:tới_tỉnh', 's:năm', 's:tỉnh', 's:tới']
    """
    left, right = sentence_around(text, start, end)
    before = [w.lower() for w in WORD.findall(text[left:start])][-BEFORE:]
    after = [w.lower() for w in WORD.findall(text[end:right])][:AFTER]
    opening = [w.lower() for w in WORD.findall(text[left:right])][:OPENING]
    features: Counter[str] = Counter()
    features.update(f"b:{w}" for w in before)
    features.update(f"bb:{a}_{b}" for a, b in zip(before, before[1:]))
    features.update(f"a:{w}" for w in after)
    features.update(f"s:{w}" for w in opening)
    return dict(features)


def training_rows(articles: Sequence[GoldArticle]) -> tuple[list[dict[str, float]], list[str]]:
    """One row per gold figure: its context features and its gold modality."""
    rows, labels = [], []
    for article in articles:
        for figure in article.figures:
            rows.append(context_features(article.text, figure.start, figure.end))
            labels.append(figure.modality.value)
    return rows, labels


def model_fitter(base: Predictor, c: float = 1.0) -> Fitter:
    """A `Fitter` whose predictor keeps `base`'s figures and has the model decide modality."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    def fit(train: Sequence[GoldArticle]) -> Predictor:
        rows, labels = training_rows(train)
        vectorizer = DictVectorizer()
        model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
        model.fit(vectorizer.fit_transform(rows), labels)

        def predict(gold: GoldArticle) -> ArticleFigures:
            scored = as_scored(gold, base(gold))
            if not scored.figures:
                return scored
            features = [context_features(scored.text, f.start, f.end) for f in scored.figures]
            labels = model.predict(vectorizer.transform(features))
            figures = [f.model_copy(update={"modality": Modality(label)}) for f, label in zip(scored.figures, labels)]
            return ArticleFigures(scored.id, scored.text, figures, scored.entities)

        return predict

    return fit


def cached(predict: Predictor) -> Predictor:
    """Run the pipeline once per gold article however many fits ask for it."""
    memo: dict[str, ArticleFigures] = {}

    def predict_once(gold: GoldArticle) -> ArticleFigures:
        if gold.id not in memo:
            memo[gold.id] = as_scored(gold, predict(gold))
        return memo[gold.id]

    return predict_once


def modality_accuracy(scores: Scores) -> tuple[float, int]:
    """Share of value-matched figures whose modality agrees with gold, and their number."""
    pairs = [(a.gold.figures[g], a.pred.figures[p]) for a in scores.articles for g, p in a.levels["value"].pairs]
    agree = sum(gold.modality == pred.modality for gold, pred in pairs)
    return (agree / len(pairs) if pairs else 0.0), len(pairs)


def held_out_scores(gold: GoldSet, test: GoldSet | None, fitters: dict[str, Fitter]) -> dict[str, dict[str, Scores]]:
    """Each fitter's pooled leave-one-paper-out scores on `gold` and, given `test`, its scores
    there after fitting on all of `gold`."""
    out: dict[str, dict[str, Scores]] = {}
    for name, fit in fitters.items():
        out[name] = {"leave one paper out": pooled(leave_one_paper_out(gold, fit))}
        if test is not None:
            predictions, _ = predict_all(test.articles, fit(gold.articles))
            out[name]["unseen test set"] = evaluate(test, predictions).scores
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vnfigures.bench.modality_model",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=Path("../shared/corpus/gold"))
    parser.add_argument("--test", type=Path, help="a gold folder neither the rules nor the model saw")
    parser.add_argument("--c", type=float, default=1.0, help="the model's inverse regularisation")
    args = parser.parse_args(argv)
    gold = load_gold_dir(args.gold)
    test = load_gold_dir(args.test) if args.test else None
    base = cached(pipeline_fitter()([]))
    fitters: dict[str, Fitter] = {"rules": lambda train: base, "model": model_fitter(base, args.c)}
    table = Table(title=f"modality: rules vs model ({len(gold.articles)} gold articles"
                        + (f", {len(test.articles)} unseen" if test else "") + ")")
    for column in ("set", "modality by", "figures", "modality accuracy", "full F1"):
        table.add_column(column, justify="right")
    for name, sets in held_out_scores(gold, test, fitters).items():
        for set_name, scores in sets.items():
            accuracy, count = modality_accuracy(scores)
            table.add_row(set_name, name, str(count), f"{accuracy:.3f}", f"{scores.overall('full').f1:.3f}")
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
