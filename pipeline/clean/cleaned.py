"""`Cleaned`: what both cleaners return (kept apart so the cleaners and the package import it
without importing each other)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cleaned:
    """The article part of a page: its title (if any) and its paragraphs, in reading order."""

    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    url: str | None = None  # the page's canonical address, when HTML metadata gives it
    published: str | None = None  # publication time as the page writes it (ISO 8601 mostly)

    @property
    def text(self) -> str:
        """Title line followed by one paragraph per line, as the gold files write articles."""
        lines = ([self.title] if self.title else []) + self.paragraphs
        return "\n".join(lines)
