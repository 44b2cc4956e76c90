"""The step contract: what a step is, how a chain runs, what a failed article becomes.

A step is any callable `Article -> Article` with a `name`. Steps are small and swappable: the
executors only ever call `process_one`, which runs the chain and turns every exception into a
`Failure` record so that one bad input never stops a batch.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from vnfigures.errors import ArticleError
from vnfigures.schemas import Article, Failure


@runtime_checkable
class Step(Protocol):
    """One stage of the pipeline: reads some fields of an article and fills others.

    A step returns an updated copy and never changes the article it is given (nor the lists
    it holds): the caller of `vnfigures.process` keeps its own record as it was.
    """

    name: str

    def __call__(self, article: Article) -> Article: ...


class FunctionStep:
    """Wrap a plain function `Article -> Article` as a named step."""

    def __init__(self, name: str, func: Callable[[Article], Article]) -> None:
        self.name = name
        self._func = func

    def __call__(self, article: Article) -> Article:
        return self._func(article)

    def __repr__(self) -> str:
        return f"FunctionStep({self.name!r})"


def run_steps(article: Article, steps: Sequence[Step]) -> Article:
    """Run `steps` in order. An exception propagates tagged with the failing step's name."""
    for step in steps:
        try:
            article = step(article)
        except Exception as exc:
            if not isinstance(exc, ArticleError) or exc.step == ArticleError.step:
                exc.step = step.name  # type: ignore[attr-defined]
            raise
    return article


def process_one(article: Article, steps: Sequence[Step]) -> Article | Failure:
    """Run the chain on one article; any exception becomes a `Failure` naming step and cause."""
    try:
        return run_steps(article, steps)
    except Exception as exc:  # noqa: BLE001 - a batch must survive any bug in one article
        return failure_for(article, getattr(exc, "step", "process"), exc)


def failure_for(article: Article, step: str, exc: BaseException) -> Failure:
    """Build the failure record of `article` for an exception raised in `step`."""
    message = str(exc) or exc.__class__.__name__
    return Failure(id=article.id, input=article.origin, step=step, error=exc.__class__.__name__, message=message)
