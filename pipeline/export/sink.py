"""`ArticleSink`: where finished articles go, and `parse_target`, which tells a target's kind.

A target is a string a user types after `--to`/`--db`:
`sqlite:///path.db`, `postgresql://user@host/db` (driven by psycopg 3), or `path.parquet`
(a folder of Parquet files, one per table). The batch runner writes through the same sink
as `vnfig export`, so a run with `--db` and a later export give the same rows.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, Self

from vnfigures.schemas import Article

TargetKind = Literal["sql", "parquet"]

#: URL schemes accepted for databases, and the SQLAlchemy driver each maps to.
_SQL_SCHEMES = {
    "sqlite": "sqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}


@dataclass(frozen=True)
class Target:
    """A parsed export target: a SQLAlchemy URL, or the folder of a Parquet dataset."""

    kind: TargetKind
    location: str


def parse_target(target: str) -> Target:
    """Recognise a target string; ValueError with the accepted forms when it is none of them.

    >>> parse_target("postgresql://me@localhost/news")
    Target(kind='sql', location='postgresql+psycopg://me@localhost/news')
    >>> parse_target("out/figures.parquet")
    Target(kind='parquet', location='out/figures.parquet')
    """
    scheme, sep, rest = target.partition("://")
    if sep:
        if scheme not in _SQL_SCHEMES:
            raise ValueError(f"unsupported database {scheme!r} in {target!r}: {_FORMS}")
        return Target("sql", f"{_SQL_SCHEMES[scheme]}://{rest}")
    if target.rstrip("/").endswith(".parquet"):
        return Target("parquet", target.rstrip("/"))
    raise ValueError(f"cannot tell what {target!r} is: {_FORMS}")


_FORMS = "use sqlite:///path.db, postgresql://user@host/db or path.parquet"


class ArticleSink(ABC):
    """Writes articles to a store; each article's rows land whole or not at all.

    Use as a context manager (`with open_sink(t) as sink: sink.write(a)`), or call `close()`.
    Writing an article whose id is already stored replaces it (figures and entities too), so
    re-exporting is idempotent. `write` raises `ExportError` for an article that cannot be
    stored; the sink stays usable for the next one.
    """

    #: Articles written so far through this sink.
    written: int = 0

    @abstractmethod
    def write(self, article: Article) -> None:
        """Store `article`, replacing any earlier version with the same id."""

    @abstractmethod
    def close(self) -> None:
        """Commit what was written and release the store (safe to call twice)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # Articles written before an interruption are complete and are kept: a rerun replaces
        # them anyway. The article being written when it happened was already rolled back.
        self.close()
