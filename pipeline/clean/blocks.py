"""Paragraph units and runs of article sentences: the shape an article has on any site.

Why runs: on every news page, whatever its template (2012 tables, `<br>`-separated mobile
text, `<div>` paragraphs, today's `<p>`s), the article is a run of consecutive paragraphs
that read as sentences and hold few links, under one element. A list page or homepage has
many teasers too, but each is cut off from the next by a linked headline: no long run forms.

A container's direct content is cut into units: each `<p>` or text-only `<div>` child is one,
and inline text (at any depth of inline tags) between `<br>`s or block children is one. A unit
is a sentence (long enough, sentence-shaped, few links), a breaker (mostly link text: a
headline of another story) or neutral (a caption, a subheading, an empty ad slot). A run is a
sequence of sentences with only neutral units between; it qualifies when it has several
sentences, or one very long paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from bs4 import NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction
from vnfigures.clean.config import HtmlRules
from vnfigures.clean.page import squash

_SKIPPED = (Comment, Doctype, ProcessingInstruction)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)»]*(?=\s|$)")
_LAST_CHAR_ENDS = re.compile(r"[.!?…:;\"”’)]$")
_WHITESPACE = re.compile(r"\s")


class Kind(Enum):
    SENTENCE = "sentence"
    BREAKER = "breaker"
    NEUTRAL = "neutral"


@dataclass
class Unit:
    """One paragraph-like piece of a container's direct content."""

    child: int  # index of the container's direct child where the unit starts
    chars: int = 0
    link_chars: int = 0
    sentences: int = 0
    kind: Kind = Kind.NEUTRAL
    leading_link: bool = False  # opens with the linked headline of a story (a list item)
    headlines: int = 0  # linked headlines inside (a teaser card holds one)


@dataclass
class Runs:
    """A container's units and what its qualifying runs hold."""

    units: list[Unit] = field(default_factory=list)
    score: int = 0  # characters of sentence units in qualifying runs
    first: int | None = None  # direct-child index where the first qualifying run starts
    last: int | None = None  # ... and where the last one ends

    @property
    def longest(self) -> int:
        return max((u.chars for u in self.units if u.kind is not Kind.BREAKER), default=0)


class Index:
    """Visible characters, link characters and block content of every element, in one pass.

    Why: scoring looks at every element's children; asking BeautifulSoup for their text each
    time would walk the same subtrees again and again. Characters are counted without
    whitespace, text itself is read only for the paragraphs that are scored.
    """

    def __init__(self, tags: list[Tag], rules: HtmlRules) -> None:
        blocks = rules.block_tags - {"br", "hr"}
        self.chars: dict[int, int] = {}
        self.links: dict[int, int] = {}
        self.has_block: dict[int, bool] = {}
        self.has_br: dict[int, bool] = {}
        self.br_child: dict[int, bool] = {}
        self.headlines: dict[int, int] = {}  # linked headlines inside (anchors of enough words)
        for tag in reversed(tags):  # descendants before their ancestors
            chars = links = headlines = 0
            block = br = br_child = False
            for child in tag.children:
                if isinstance(child, NavigableString):
                    if not isinstance(child, _SKIPPED):
                        chars += len(child) - len(_WHITESPACE.findall(child))
                    continue
                if not isinstance(child, Tag):
                    continue
                key = id(child)
                chars += self.chars[key]
                links += self.links[key]
                headlines += self.headlines[key]
                block = block or child.name in blocks or self.has_block[key]
                br_child = br_child or child.name == "br"
                br = br or br_child or self.has_br[key]
            key = id(tag)
            self.chars[key], self.links[key] = chars, chars if tag.name == "a" else links
            if tag.name == "a" and len(tag.get_text(" ").split()) >= rules.headline_link_words:
                headlines += 1
            self.headlines[key] = headlines
            self.has_block[key], self.has_br[key], self.br_child[key] = block, br, br_child


def classify(text: str, link_chars: int, rules: HtmlRules) -> Unit:
    """A unit for `text` (already squashed), of which `link_chars` characters are links."""
    unit = Unit(child=0, chars=len(text), link_chars=link_chars)
    if not text:
        return unit
    share = link_chars / len(text)
    if share >= rules.breaker_link_share and len(text.split()) >= rules.headline_link_words:
        unit.kind = Kind.BREAKER
        return unit
    unit.sentences = len(_SENTENCE_END.findall(text))
    words = text.split()
    shaped = _LAST_CHAR_ENDS.search(text) is not None or len(words) >= rules.run_on_words
    if (len(words) >= rules.sentence_min_words and shaped and share <= rules.max_link_density
            and _lower_share(words) >= rules.sentence_min_lower_share):
        unit.kind = Kind.SENTENCE
    return unit


def _lower_share(words: list[str]) -> float:
    """Share of words written in lower case: running Vietnamese text is mostly lower case,
    a menu pasted in one line is Title Case."""
    letters = [w for w in words if w[0].isalpha()]
    return sum(1 for w in letters if w[0].islower()) / len(letters) if letters else 0.0


def container_runs(container: Tag, rules: HtmlRules, index: Index) -> Runs:
    """Cut the direct content of `container` into units and find its qualifying runs."""
    units: list[Unit] = []
    pieces: list[str] = []
    linked = [0]
    start = [0]
    leading = [False]

    def flush() -> None:
        text = squash("".join(pieces))
        if text:
            unit = classify(text, linked[0], rules)
            unit.child, unit.leading_link = start[0], leading[0]
            units.append(unit)
        pieces.clear()
        linked[0] = 0
        leading[0] = False

    def inline(node: Tag, in_link: bool) -> None:
        if node.name == "a" and not "".join(pieces).strip() and index.headlines[id(node)]:
            leading[0] = not _flows_on(node, rules)
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _SKIPPED):
                    pieces.append(str(child))
                    if in_link:
                        linked[0] += len(squash(str(child)))
            elif isinstance(child, Tag):
                if child.name == "br":
                    flush()
                elif child.name in rules.block_tags:
                    flush()  # a block inside inline markup (<font><p>...): a unit of its own
                    units.append(_block_unit(child, start[0], rules, index))
                else:
                    inline(child, in_link or child.name == "a")

    for position, child in enumerate(container.children):
        if not pieces:
            start[0] = position
        if isinstance(child, NavigableString):
            if not isinstance(child, _SKIPPED):
                pieces.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "br":
            flush()
        elif child.name in rules.block_tags:
            flush()
            start[0] = position
            units.append(_block_unit(child, position, rules, index))
        else:
            inline(child, child.name == "a")
    flush()
    return _runs(units, rules)


def _leading_link(tag: Tag, index: Index, rules: HtmlRules) -> bool:
    """The block's text opens inside a linked headline (`<p><a>Headline</a> - summary</p>`)."""
    first = next((node for node in tag.descendants if isinstance(node, NavigableString)
                  and not isinstance(node, _SKIPPED) and node.strip()), None)
    if first is None:
        return False
    for node in first.parents:
        if node is tag:
            return False
        if node.name == "a":
            return bool(index.headlines.get(id(node))) and not _flows_on(node, rules)
    return False


def _flows_on(anchor: Tag, rules: HtmlRules) -> bool:
    """The sentence runs on after the link in lower case ("<a>Bộ Tài chính</a> cho biết ..."):
    a name linked inside article text, not a story's headline, which stands alone (followed by
    a break, a dash, a date or a new sentence)."""
    node: Tag | None = anchor
    for _ in range(rules.link_flow_levels):
        if node is None:
            return False
        for sibling in node.next_siblings:
            if isinstance(sibling, Tag) and sibling.name in rules.block_tags:
                return False
            text = sibling.get_text() if isinstance(sibling, Tag) else str(sibling)
            if isinstance(sibling, _SKIPPED) or not text.strip():
                continue
            return text.lstrip()[:1].islower()
        node = node.parent if node.parent is not None and node.parent.name not in rules.block_tags else None
    return False


def _block_unit(child: Tag, position: int, rules: HtmlRules, index: Index) -> Unit:
    """A block child: a paragraph when it is a `<p>` or holds no block of its own (nor `<br>`s:
    its pieces are then units of the child itself), else neutral, or a breaker when mostly
    links or when it holds several linked headlines (a box of teasers)."""
    key = id(child)
    if child.name in rules.paragraph_tags or _single_paragraph(child, index):
        text = squash(child.get_text())
        unit = classify(text, round(index.links[key] * len(text) / max(index.chars[key], 1)), rules)
        unit.leading_link = index.headlines[key] > 0 and _leading_link(child, index, rules)
    else:
        unit = Unit(child=position, chars=index.chars[key], link_chars=index.links[key])
        linked = index.links[key] >= rules.breaker_link_share * index.chars[key] >= rules.headline_link_chars
        if linked or index.headlines[key] >= rules.teaser_box_headlines:
            unit.kind = Kind.BREAKER
    unit.child, unit.headlines = position, index.headlines[key]
    return unit


def _single_paragraph(tag: Tag, index: Index) -> bool:
    """A block holding one paragraph, however deeply wrapped (`<div><div><p>...</p></div></div>`),
    not cut in pieces by `<br>`s (those pieces are units of the block itself; a lone trailing
    `<br>` cuts nothing). Children without visible text (pictures, empty ad slots) are not
    content: a photo story's wrapper (`<div><figure><img></figure><figcaption>text</figcaption></div>`)
    holds one paragraph, its caption."""
    node = tag
    while index.has_block[id(node)]:
        content = [c for c in node.children
                   if (isinstance(c, Tag) and index.chars[id(c)]) or (isinstance(c, NavigableString) and c.strip())]
        if len(content) != 1 or not isinstance(content[0], Tag):
            return False
        node = content[0]
    return not index.has_br[id(node)] or _br_pieces(node) <= 1


def _br_pieces(node: Tag) -> int:
    """How many pieces of text the `<br>`s inside `node` cut it into (counting stops at 2)."""
    pieces, open_piece = 0, False
    for child in node.descendants:
        if isinstance(child, Tag) and child.name == "br":
            open_piece = False
        elif isinstance(child, NavigableString) and not isinstance(child, _SKIPPED) and child.strip() and not open_piece:
            pieces, open_piece = pieces + 1, True
            if pieces > 1:
                break
    return pieces


def _runs(units: list[Unit], rules: HtmlRules) -> Runs:
    result = Runs(units=units)
    run: list[Unit] = []

    def close() -> None:
        chars = sum(u.chars for u in run)
        if len(run) > 1 and 2 * sum(u.leading_link for u in run) >= len(run):
            run.clear()  # every other paragraph opens with a headline link: a list of stories
            return
        if len(run) >= rules.run_min_units or (
            run and chars >= rules.long_paragraph_chars and sum(u.sentences for u in run) >= rules.long_paragraph_sentences
        ):
            result.score += chars
            result.first = run[0].child if result.first is None else result.first
            result.last = run[-1].child
        run.clear()

    for unit in units:
        if unit.kind is Kind.SENTENCE:
            run.append(unit)
        elif unit.kind is Kind.BREAKER:
            close()
    close()
    return result
