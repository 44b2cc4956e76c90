"""A tiny step chain for the runner's tests (no models: fast), and tests of it.

Workers import this module by name (`test_run_steps:tiny_steps`), which works because pytest
puts `tests/` on `sys.path` and spawned workers inherit it. Cue words in the raw text drive
behaviour: `BOOM` makes the figures step raise, `CRASH` kills the worker process, `SLOW`
takes 50 ms (to stop a run midway), `HANG` sleeps for an hour (to hit the article timeout).
"""
from __future__ import annotations

import html
import os
import re
import time

import pytest

from vnfigures.steps.standard import LanguageStep
from vnfigures.errors import NoArticleFound
from vnfigures.schemas import Article
from vnfigures.steps import FunctionStep, Step, process_one

FACTORY = "test_run_steps:tiny_steps"
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.S | re.I)


def _clean(article: Article) -> Article:
    raw = article.raw or ""
    if article.raw_format == "html":
        paragraphs = [html.unescape(_TAG.sub("", p)).strip() for p in _PARAGRAPH.findall(raw)]
        if not paragraphs:
            raise NoArticleFound("no article found in the page")
        raw = "\n".join(paragraphs)
    return article.model_copy(update={"text": raw.strip()})


def _figures(article: Article) -> Article:
    if "BOOM" in article.text:
        raise ValueError("boom in figures")
    if "CRASH" in article.text:
        os._exit(3)  # simulate a worker killed by a native crash
    if "SLOW" in article.text:
        time.sleep(0.05)
    if "HANG" in article.text:
        time.sleep(3600)
    return article


def _entities(article: Article) -> Article:
    return article.model_copy(update={"flags": [*article.flags, "ner"]})


def tiny_steps(ner: bool = True) -> list[Step]:
    steps: list[Step] = [FunctionStep("clean", _clean), LanguageStep(), FunctionStep("figures", _figures)]
    if ner:
        steps.append(FunctionStep("entities", _entities))
    return steps


@pytest.mark.parametrize(
    ("raw", "raw_format", "expected"),
    [
        ("Hà Nội trao 50 suất quà.", "text", "Hà Nội trao 50 suất quà."),
        ("<html><p>Đoạn <b>một</b></p><p>hai &amp; ba</p></html>", "html", "Đoạn một\nhai & ba"),
    ],
)
def test_tiny_clean(raw: str, raw_format: str, expected: str) -> None:
    result = process_one(Article(id="a", raw=raw, raw_format=raw_format), tiny_steps())
    assert isinstance(result, Article)
    assert result.text == expected
    assert result.flags == ["ner"]


@pytest.mark.parametrize(
    ("raw", "raw_format", "step", "error"),
    [("<html><nav>menu</nav></html>", "html", "clean", "NoArticleFound"),
     ("BOOM", "text", "figures", "ValueError")],
)
def test_tiny_failures(raw: str, raw_format: str, step: str, error: str) -> None:
    result = process_one(Article(id="a", raw=raw, raw_format=raw_format), tiny_steps(ner=False))
    assert (result.step, result.error) == (step, error)  # type: ignore[union-attr]


CLEAN_FACTORY = "test_run_steps:clean_steps"


def clean_steps(ner: bool = True) -> list[Step]:
    """The real clean and normalize steps (no models), for inputs whose behaviour is cleaning."""
    from vnfigures.steps.standard import CleanStep, NormalizeStep

    return [CleanStep(), NormalizeStep()]


def _snapshot(article: Article) -> tuple[dict, list[str], object]:
    return article.model_dump(), list(article.flags), article.doc


# (raw input, format) the whole standard chain runs on, step by step
UNTOUCHED_INPUTS = [
    ("Xã đã hỗ trợ 115 hộ nghèo với tổng số tiền trên 625 triệu đồng.", "text"),
    ("The committee approved 300 new houses for poor families in the province last year.", "text"),
]


@pytest.mark.parametrize(("raw", "raw_format"), UNTOUCHED_INPUTS)
def test_no_standard_step_changes_its_input(raw: str, raw_format: str) -> None:
    from vnfigures.steps import default_steps

    article = Article(id="a", raw=raw, raw_format=raw_format, flags=["encoding:tcvn3"])
    for step in default_steps(ner=True):
        before = _snapshot(article)
        result = step(article)
        assert _snapshot(article) == before, step.name
        article = result
    assert "encoding:tcvn3" in article.flags
    assert bool(article.figures) == ("not_vietnamese" not in article.flags)  # no figures from English


def test_process_leaves_the_callers_article_as_it_was() -> None:
    import vnfigures

    mine = Article(id="en", raw=UNTOUCHED_INPUTS[1][0], flags=[])
    (result,) = vnfigures.process([mine], ner=False)
    assert result.flags == ["not_vietnamese"] and mine.flags == [] and mine.text == ""
