"""Gold files (ANNOTATION.md §5): one validated JSON file per annotated article.

A gold file is checked on load — every figure through the project's own `Figure` record
(canonical units, ranges, span length) and every span against the article text — so that a
typo in an annotation is caught where it was made, not as a puzzling score. A malformed file
becomes a `GoldProblem` naming its path and the field at fault; the other files still load.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from vnfigures.schemas import Article, Entity, Figure

from .score import ArticleFigures


class GoldArticle(BaseModel):
    """One annotated article: its text exactly as annotated and its figures (and entities)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    text: str = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    entities: list[Entity] | None = Field(default=None, description="None: entities not annotated")

    @field_validator("figures", "entities")
    @classmethod
    def _spans_fit_text(cls, spans: list | None, info: ValidationInfo) -> list | None:
        """Every span must read its own text in the article text (§5); checked where typed."""
        text = info.data.get("text")
        if spans is None or text is None:
            return spans
        for i, span in enumerate(spans):
            found = text[span.start:span.end]
            if found != span.text:
                raise ValueError(f"{info.field_name}[{i}] {span.text!r}: text[{span.start}:{span.end}] reads {found!r}")
        return spans

    def scored(self) -> ArticleFigures:
        """The gold side of scoring."""
        return ArticleFigures(self.id, self.text, self.figures, self.entities, self.located)

    @property
    def located(self) -> bool:
        """Whether the file's figures carry ANNOTATION.md §8's fields (`province` written, even
        as null); older gold has none and is not scored at the place and year levels."""
        return any("province" in f.model_fields_set for f in self.figures)

    def to_json(self) -> str:
        """The file's content in the §5 layout (entities only when annotated), UTF-8 friendly."""
        data = self.model_dump(mode="json", exclude_none=True, exclude={"figures"})
        data["figures"] = [f.model_dump(mode="json") for f in self.figures]
        if self.entities is not None:
            data["entities"] = [e.model_dump(mode="json") for e in self.entities]
        order = ["id", "source", "title", "url", "published", "text", "figures", "entities"]
        return json.dumps({k: data[k] for k in order if k in data}, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class GoldProblem:
    """Why one gold file could not be used: where it is, which field, and what is wrong."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


class GoldFileError(ValueError):
    """A gold file that does not follow §5; carries every problem found in it."""

    def __init__(self, problems: list[GoldProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _problems(path: Path, exc: ValidationError) -> list[GoldProblem]:
    """One problem per pydantic error, the field given as its dotted location."""
    out = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(part) for part in err["loc"]) or "<file>"
        out.append(GoldProblem(str(path), loc, err["msg"]))
    return out


def load_gold(path: str | Path) -> GoldArticle:
    """Read and validate one gold file; raise `GoldFileError` naming the fields at fault."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GoldFileError([GoldProblem(str(path), "<file>", f"cannot read: {exc.strerror}")]) from exc
    try:
        return GoldArticle.model_validate_json(raw)
    except ValidationError as exc:
        raise GoldFileError(_problems(path, exc)) from exc


def gold_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand directories to their `*.json` files (sorted); keep files as given."""
    out: list[Path] = []
    for item in inputs:
        p = Path(item)
        out.extend(sorted(p.glob("*.json")) if p.is_dir() else [p])
    return out


@dataclass
class GoldSet:
    """The gold articles that loaded, and the problems of those that did not."""

    articles: list[GoldArticle] = field(default_factory=list)
    problems: list[GoldProblem] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)


def load_gold_dir(*inputs: str | Path) -> GoldSet:
    """Load every gold file under `inputs`; bad files become problems, duplicate ids too."""
    gold = GoldSet()
    seen: dict[str, Path] = {}
    for path in gold_paths(inputs):
        try:
            article = load_gold(path)
        except GoldFileError as exc:
            gold.problems.extend(exc.problems)
            continue
        if article.id in seen:
            gold.problems.append(GoldProblem(str(path), "id", f"duplicate id {article.id!r}, also in {seen[article.id]}"))
            continue
        seen[article.id] = path
        gold.articles.append(article)
        gold.paths.append(path)
    return gold


def from_article(article: Article) -> GoldArticle:
    """A gold record holding a pipeline article's figures (e.g. to start an annotation)."""
    return GoldArticle(id=article.id, source=article.source, title=article.title, url=article.url,
                       published=article.published, text=article.text, figures=list(article.figures),
                       entities=list(article.entities) or None)
