"""DOM helpers for the HTML cleaner: paragraph density, page boxes, dropping junk, text blocks.

The body itself is found by body.py (runs of sentences); these helpers check a body a page
names (`itemprop=articleBody`), tell page boxes (popups, footers) apart, remove furniture
inside the body and cut it into text blocks.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bs4 import Comment, NavigableString, Tag
from bs4.element import Doctype, ProcessingInstruction
from vnfigures.clean.config import HtmlRules, attribute_words

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
#: Characters that end a sentence, or open a pointer ("Xem thêm:"), before an inline element.
_SENTENCE_ENDS = (".", "!", "?", "…", ":", '"', "”")
_SKIPPED_STRINGS = (Comment, Doctype, ProcessingInstruction)


def squash(text: str) -> str:
    """NFC, one space for every run of whitespace (NBSP included), no outer spaces."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def tags_in(root: Tag, names: set[str] | frozenset[str] | None = None) -> list[Tag]:
    """The elements under `root` (named one of `names`, if given), in document order.

    Why not `find_all`: BeautifulSoup's filter machinery costs ~30x a plain walk over
    `descendants`, and the cleaner looks over whole pages several times.
    """
    return [node for node in root.descendants
            if isinstance(node, Tag) and (names is None or node.name in names)]


def tag_words(tag: Tag, rules: HtmlRules) -> set[str]:
    """The words of the attributes that name a box (class, id, type, ...)."""
    words: set[str] = set()
    for attribute in rules.junk_attributes:
        words |= attribute_words(tag.get(attribute))  # type: ignore[arg-type]
    return words


def drop_junk(body: Tag, rules: HtmlRules, selectors: tuple[str, ...] = ()) -> None:
    """Remove boxes inside the body: related stories, tags, share bars, bylines, ads."""
    for tag in tags_in(body, rules.drop_tags):
        tag.decompose()
    for selector in selectors:
        for tag in body.select(selector):
            tag.decompose()
    for tag in tags_in(body):
        if tag.decomposed or tag.attrs is None:
            continue
        if rules.is_junk(tag_words(tag, rules)) and not in_sentence(tag, rules):
            tag.decompose()


def in_sentence(tag: Tag, rules: HtmlRules) -> bool:
    """An inline element written inside a sentence ("sản phẩm của <a class='cms-relate'>PNJ</a>
    (bao gồm ..."): its line holds `inline_sentence_words` words of unlinked text outside it,
    and the sentence goes on after it, or had not ended before it.

    Why: sites mark links to tag pages and older stories with the same class words as their
    related-stories boxes; removing such a link cuts words out of the sentence. A box (an
    element holding blocks), a link on a line of its own ("Xem thêm: ...") or one appended
    after a paragraph's last sentence is still junk.
    """
    if tag.name in rules.block_tags or any(True for _ in tags_in(tag, rules.block_tags)):
        return False
    block = next((parent for parent in tag.parents if parent.name in rules.block_tags), None)
    if block is None:
        return False
    before, after, words = _line_around(block, tag, rules)
    return words >= rules.inline_sentence_words and bool(after or not before.endswith(_SENTENCE_ENDS))


def _line_around(block: Tag, tag: Tag, rules: HtmlRules) -> tuple[str, str, int]:
    """The text before and after `tag` on its line of `block` (lines end at nested blocks and
    `<br>`, as in `text_blocks`), and the line's unlinked words outside `tag`."""
    lines: list[list[tuple[str, bool]]] = [[]]
    mark: tuple[int, int] | None = None

    def walk(node: Tag, linked: bool) -> None:
        nonlocal mark
        for child in node.children:
            if child is tag:
                mark = (len(lines) - 1, len(lines[-1]))
            elif isinstance(child, NavigableString):
                if not isinstance(child, _SKIPPED_STRINGS):
                    lines[-1].append((str(child), linked))
            elif isinstance(child, Tag):
                if child.name in rules.block_tags:
                    lines.append([])
                    walk(child, linked)
                    lines.append([])
                else:
                    walk(child, linked or child.name == "a")

    walk(block, False)
    if mark is None:
        return "", "", 0
    line, at = lines[mark[0]], mark[1]
    words = sum(len(_WORD.findall(text)) for text, linked in line if not linked)
    return (squash("".join(t for t, _ in line[:at])), squash("".join(t for t, _ in line[at:])), words)


def text_blocks(element: Tag, rules: HtmlRules) -> list[str]:
    """The text of `element` cut into blocks at block-level tags, in reading order.

    A block that is nothing but a link is a pointer to another story ("Xem thêm" lists,
    embedded related links), not article text, and is left out.
    """
    blocks: list[str] = []
    buffer: list[tuple[str, bool]] = []

    def flush() -> None:
        text = squash("".join(piece for piece, _ in buffer))
        linked = len(squash("".join(piece for piece, in_link in buffer if in_link)))
        buffer.clear()
        if text and linked < rules.link_block_share * len(text):
            blocks.append(text)

    def walk(node: Tag, in_link: bool) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _SKIPPED_STRINGS):
                    buffer.append((str(child), in_link))
            elif isinstance(child, Tag):
                inside = in_link or child.name == "a"
                if child.name in rules.block_tags:
                    flush()
                    walk(child, inside)
                    flush()
                else:
                    walk(child, inside)

    walk(element, False)
    flush()
    return blocks


@dataclass(frozen=True)
class Density:
    """How much paragraph text a container holds, and how much of it is links."""

    chars: int
    paragraphs: int
    link_chars: int

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 1.0

    def is_article(self, rules: HtmlRules) -> bool:
        """Enough running text to be an article, not a list of links or one teaser."""
        return (
            self.chars >= rules.min_body_chars
            and self.paragraphs >= rules.min_body_paragraphs
            and self.link_density <= rules.max_link_density
        )


def density(container: Tag, rules: HtmlRules) -> Density:
    """Paragraph text directly under `container` (its `<p>` children)."""
    chars = paragraphs = links = 0
    for child in container.find_all(list(rules.paragraph_tags), recursive=False):
        length = len(squash(child.get_text()))
        if length:
            chars += length
            paragraphs += 1
            links += sum(len(squash(a.get_text())) for a in child.find_all("a"))
    return Density(chars, paragraphs, links)


def inside_box(tag: Tag, rules: HtmlRules) -> bool:
    """Inside a <footer>/<nav>/... at any depth, or a box named so a few levels up."""
    for level, node in enumerate([tag, *tag.parents]):
        if node.name in rules.box_tags:
            return True
        if level <= rules.box_ancestor_levels and tag_words(node, rules) & rules.box_words:
            return True
    return False
