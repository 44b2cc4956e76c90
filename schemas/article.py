"""The one record that flows through every pipeline step, and the records a run writes beside it.

An `Article` starts as raw input (`raw`, `raw_format`), is cleaned into `title` and `text`,
then gains `figures` and `entities`. Only the public fields are written out; the working fields
(`raw`, `origin`) are excluded from serialization so output lines stay small.
"""
from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from .entity import Entity
from .figure import Figure

RawFormat = Literal["text", "html"]


class Article(BaseModel):
    """A news article and everything the pipeline found in it."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    id: str = Field(min_length=1, description="article id: a file's relative path without extension, or the JSONL id")
    source: str | None = Field(default=None, description="where the article came from (site, or input file)")
    url: str | None = None
    published: str | None = Field(default=None, description="publication date, ISO YYYY-MM-DD when known")
    province: str | None = Field(default=None, description="the article's main province (dateline, lead or paper)")
    title: str | None = None
    text: str = Field(default="", description="normalized clean text; figure and entity offsets index into it")
    figures: list[Figure] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list, description="warnings about the input, e.g. 'not_vietnamese' (then no figures are read)")
    pipeline_version: str = ""
    # Near-duplicate articles across a run: nothing is dropped, copies point at the first.
    duplicate_of: str | None = Field(default=None, description="id of the first article of its near-duplicate group, or null")
    duplicates: int = Field(default=1, ge=1, description="size of its near-duplicate group (1: unique)")

    raw: str | None = Field(default=None, exclude=True, description="the input as read, before cleaning")
    raw_format: RawFormat = Field(default="text", exclude=True)
    origin: str | None = Field(default=None, exclude=True, description="input path or path:line, for error records")

    _doc: object | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _spans_fit_text(self) -> Self:
        for span in (*self.figures, *self.entities):
            if self.text[span.start:span.end] != span.text:
                raise ValueError(
                    f"span {span.start}:{span.end} reads {self.text[span.start:span.end]!r}, "
                    f"not {span.text!r}"
                )
        return self

    @property
    def doc(self) -> object | None:
        """The spaCy `Doc` of `text`, once the tokenize step has run (not serialized)."""
        return self._doc

    def attach_doc(self, doc: object) -> None:
        """Keep the tokenized `Doc` beside the record for the extract steps."""
        self._doc = doc


class Failure(BaseModel):
    """Why one input did not become an article record (written to `<output>.failures.jsonl`)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(description="article id when it could be read")
    input: str | None = Field(description="input path, or path:line for JSONL")
    step: str = Field(description="pipeline step that failed, e.g. 'read', 'clean'")
    error: str = Field(description="error class, e.g. 'NoArticleFound'")
    message: str = Field(description="what went wrong, in words a user can act on")
