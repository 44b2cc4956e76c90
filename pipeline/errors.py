"""Expected, per-article failures. Each becomes a `Failure` record, never a crashed batch.

The class name is written as the failure's `error`; the message must tell a user what to do.
"""
from __future__ import annotations


class ArticleError(Exception):
    """An input that cannot become an article record, with a message a user can act on."""

    step: str = "process"

    def __init__(self, message: str, *, step: str | None = None) -> None:
        super().__init__(message)
        if step is not None:
            self.step = step


#: The message of an empty input, the same from a file, a JSONL line, a string or stdin.
EMPTY_INPUT = "the input is empty (no text to read)"


class InputError(ArticleError):
    """The input could not be read: empty, binary, malformed JSONL, missing id, too large."""

    step = "read"


class EncodingError(InputError):
    """The bytes are not UTF-8 and no supported legacy Vietnamese encoding fits them."""


class NoArticleFound(ArticleError):
    """The page holds no article (a section list, a homepage, or nothing but furniture)."""

    step = "clean"
