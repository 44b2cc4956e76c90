"""The Python API researchers use from notebooks: `extract`, `process`, `load`.

>>> import vnfigures
>>> article = vnfigures.extract("Xã đã hỗ trợ 115 hộ nghèo với tổng số tiền trên 625 triệu đồng.", ner=False)
>>> [(f.kind.value, str(f.value), f.qualifier.value) for f in article.figures]
[('households', '115', 'exact'), ('money', '625000000', 'more_than')]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from vnfigures.errors import ArticleError
from vnfigures.read.inputs import read_failure
from vnfigures.read.objects import ArticleInput, to_article
from vnfigures.schemas import Article, Failure
from vnfigures.steps import default_steps, process_one, run_steps

__all__ = ["ArticleInput", "extract", "load", "process", "to_article"]


def extract(text_or_html: str, id: str | None = None, *, ner: bool = True) -> Article:  # noqa: A002
    """Run the whole pipeline on one article (plain text or an HTML page) and return it.

    Raises `vnfigures.errors.ArticleError` (e.g. `NoArticleFound`) when the input holds no
    article; the returned record's `doc` property holds the spaCy `Doc`.
    """
    article = to_article(text_or_html, default_id=id or "article")
    return run_steps(article, default_steps(ner=ner))


def process(inputs: Iterable[ArticleInput], *, ner: bool = True) -> Iterator[Article | Failure]:
    """Run the pipeline over many inputs, yielding one result per input, in order.

    Each input is a text or HTML string, a path to a `.txt`/`.html` file, a mapping shaped like
    a JSONL input line (`id`, `text` or `html`, optional `title`, `url`, `published`,
    `source`), or an `Article`. A bad input yields a `Failure` record saying why; it never
    stops the iteration.
    """
    steps = default_steps(ner=ner)
    for index, item in enumerate(inputs):
        try:
            article = to_article(item, default_id=f"article-{index}")
        except (TypeError, ArticleError, OSError) as exc:
            origin = str(item) if isinstance(item, Path) else f"input {index}"
            yield read_failure(exc, origin, getattr(exc, "article_id", None))
            continue
        yield process_one(article, steps)


def load(ner: bool = True):  # noqa: ANN201 - spacy.Language, imported lazily
    """The spaCy `Language` itself: `doc = load()(text)` gives `doc.spans["figures"]`, `doc.ents`.

    Each figure span carries its record as `span._.figure`; displaCy renders both
    (`displacy.render(doc, style="span", options={"spans_key": "figures"})`).
    """
    from vnfigures.nlp import load as load_language

    return load_language(ner=ner)
