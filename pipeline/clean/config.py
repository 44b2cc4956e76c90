"""The HTML cleaner's settings: generic rules (`html.yaml`) and per-site selectors (`sites.yaml`).

Why validated models: both files are edited by hand when a new site is added; a typo (a
misspelt key, a string where a list belongs) should fail loudly when the rules load, not
silently make a selector disappear.
"""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from vnfigures.schemas import read_data


class SiteRules(BaseModel):
    """CSS selectors for one news site; each is optional (generic rules fill the gaps)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    lead: str | None = None
    body: str | None = None
    drop: tuple[str, ...] = ()


class HtmlRules(BaseModel):
    """Generic rules for any page (see the comments in html.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def is_junk(self, words: set[str]) -> bool:
        """Attribute words that name a furniture box (a junk word, or a junk prefix)."""
        return bool(words & self.junk_words) or any(w.startswith(self.junk_prefixes) for w in words)

    hidden_tags: frozenset[str]
    box_tags: frozenset[str]
    drop_tags: frozenset[str]
    junk_words: frozenset[str]
    junk_prefixes: tuple[str, ...]
    junk_attributes: tuple[str, ...]
    inline_sentence_words: int = Field(gt=0)
    box_words: frozenset[str]
    box_ancestor_levels: int = Field(ge=0)
    block_tags: frozenset[str]
    paragraph_tags: frozenset[str]
    min_body_chars: int = Field(gt=0)
    min_body_paragraphs: int = Field(gt=0)
    bare_page_max_chars: int = Field(gt=0)
    bare_page_max_headlines: int = Field(ge=0)
    max_link_density: float = Field(gt=0, le=1)
    link_block_share: float = Field(gt=0, le=1)
    lead_min_words: int = Field(gt=0)
    lead_lookback: int = Field(gt=0)
    dateline_strings: int = Field(gt=0)
    dateline_max_chars: int = Field(gt=0)
    sentence_min_words: int = Field(gt=0)
    sentence_min_lower_share: float = Field(ge=0, le=1)
    run_on_words: int = Field(gt=0)
    breaker_link_share: float = Field(gt=0, le=1)
    headline_link_words: int = Field(gt=0)
    headline_link_chars: int = Field(gt=0)
    teaser_box_headlines: int = Field(gt=0)
    run_min_units: int = Field(gt=0)
    long_paragraph_chars: int = Field(gt=0)
    long_paragraph_sentences: int = Field(gt=0)
    merge_levels: int = Field(ge=0)
    candidates_tried: int = Field(gt=0)
    promo_link_share: float = Field(gt=0, le=1)
    promo_min_lines: int = Field(gt=0)
    promo_max_line_words: int = Field(gt=0)
    merge_min_chars: int = Field(gt=0)
    ad_slot_max_chars: int = Field(ge=0)
    caption_max_chars: int = Field(gt=0)
    interrupt_max_chars: int = Field(gt=0)
    interrupts_max: int = Field(ge=0)
    link_flow_levels: int = Field(gt=0)


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[\s_\-:.]+")


def attribute_words(value: str | list[str] | None) -> set[str]:
    """Lower-case words of an attribute value: `RelatedNewsBox` -> {related, news, box}.

    >>> sorted(attribute_words(["box-tinlienquanv2", "article-detail-author__main"]))
    ['article', 'author', 'box', 'detail', 'main', 'tinlienquanv2']
    """
    text = " ".join(value) if isinstance(value, list) else (value or "")
    words = set()
    for chunk in _SPLIT.split(text):
        whole = chunk.lower()
        if whole:
            words.add(whole)
        words.update(w.lower() for w in _CAMEL.split(chunk) if w)
    return words


def _read_yaml(name: str) -> object:
    return read_data("vnfigures.clean", name)


@cache
def html_rules() -> HtmlRules:
    """The generic rules shipped in html.yaml (loaded once)."""
    return HtmlRules.model_validate(_read_yaml("html.yaml"))


@cache
def _sites() -> dict[str, SiteRules]:
    data = _read_yaml("sites.yaml")
    assert isinstance(data, dict), "sites.yaml must map host names to selectors"
    return {host.lower(): SiteRules.model_validate(rules or {}) for host, rules in data.items()}


def site_rules(url: str | None) -> SiteRules | None:
    """The selectors of the site serving `url` (a subdomain matches its parent), if known.

    >>> site_rules("https://www.vnexpress.net/abc.html").body
    'article.fck_detail'
    >>> site_rules("https://example.org/a") is None
    True
    """
    if not url:
        return None
    host = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
    sites = _sites()
    while host:
        if host in sites:
            return sites[host]
        _, _, host = host.partition(".")
    return None
