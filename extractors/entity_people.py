"""People in the entity rules: names after a word of address or a post, and the family-name
test that tells a person from a place the NER confused them with.

WHY: underthesea often reads a ranked name (`Thượng tướng Tô Lâm`) or a full name without a
middle name (`Nguyễn Trường Giang`) as a place; Vietnamese names have a closed list of
family names and regular posts before them (data/entities.yaml).
"""
from __future__ import annotations

import re
from functools import cache

from vnfigures.schemas import Entity, EntityLabel

from .entity_words import WORD_RE, entity_words, starts_re
from .lexicon import UPPERCASE, alternation
from .places import find_places


@cache
def _person_re() -> re.Pattern[str]:
    """A word of address or a post, then a capitalized name of one to four words."""
    words = entity_words()
    name = rf"[{UPPERCASE}](?:(?![{UPPERCASE}\d_])[\w'’])*(?![\w.])"  # `Vượng`, not `HoREA`, `TP.`
    return re.compile(rf"(?<!\w)(?:(?P<title>{alternation(words.person_titles)})|{alternation(words.person_posts)})"
                      rf"\s+(?P<name>(?-i:{name}(?:[ \t]+{name}){{0,3}}))(?!\w)", re.IGNORECASE)


def people_after_titles(text: str) -> list[Entity]:
    """People named right after a word of address (`anh Hùng`) or, in two words or more, a
    post (`Bộ trưởng Tô Lâm`, not `Chủ tịch Vingroup`), unless the name is an organisation, a
    place head, a document or a date (`Chủ tịch UBND`, `bà Huyện`)."""
    out: list[Entity] = []
    for m in _person_re().finditer(text):
        name = m.group("name")
        if (m.group("title") is None and " " not in name) or any(starts_re(kind).match(text, m.start("name")) for kind in (
                "organisation_words", "place_heads", "document_words", "time_words", "role_words")):
            continue
        out.append(Entity(text=name, start=m.start("name"), end=m.end("name"), label=EntityLabel.PER))
    return out


def is_person_name(words: list[str], *, whole: bool = True) -> bool:
    """A family name, a middle name and a given name (`Trịnh Văn Quyết`, `Hồ Thị Điệp`), or
    a family name and two capitalized words that the gazetteer does not know as a place
    (`Nguyễn Trường Giang`; not `Hồ Chí Minh`). WHY: Vietnamese full names are three
    syllables or more behind a closed list of family names; a place name of three syllables
    starting with one is rare and, when administrative, in the gazetteer. Only the first
    kind when not `whole`: the words end a place's span (a street: `Đại lộ Trần Hưng Đạo`)."""
    known = entity_words()
    if len(words) < 3 or words[0] not in known.surnames or not all(w[:1].isupper() for w in words):
        return False
    if words[1] in known.middle_names:
        return True
    name = " ".join(words)
    return whole and len(words) == 3 and not any(p.start == 0 for p in find_places(name))


def post_across(text: str, words: list[tuple[int, int]],
                 label: EntityLabel) -> tuple[list[tuple[int, int]], EntityLabel]:
    """A post that begins before the NER span and ends inside it (`Chủ tịch` + `nước Trần
    Đại Quang`): the words of the post go and a name after it is a person. WHY: the NER
    often starts a span inside a post of several words, leaving `nước` to look like a place."""
    if not words:
        return words, label
    before = [m.start() for m in WORD_RE.finditer(text, max(0, words[0][0] - 40), words[0][0])][-3:]
    for position in before:
        post = starts_re("person_posts").match(text, position)
        if post and words[0][0] < post.end() < words[-1][1]:
            after = words_after(words, post.end())
            if is_posted_name(text, after):
                return after, EntityLabel.PER
    return words, label


def names_a_place_or_body(text: str, position: int) -> bool:
    return bool(starts_re("place_heads").match(text, position) or starts_re("organisation_words").match(text, position))


def is_posted_name(text: str, words: list[tuple[int, int]]) -> bool:
    """What follows a rank or post is a person's name: two to four capitalized words that
    are neither a place head nor an organisation (`Thượng tướng Tô Lâm`, `Chủ tịch nước
    Trần Đại Quang`; not `Chủ tịch UBND`, `Chủ tịch HĐQT HTX`, `Thiếu tướng Nguyễn` alone)."""
    names = [text[a:b] for a, b in words]
    return (2 <= len(names) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in names)
            and not names_a_place_or_body(text, words[0][0]))


def words_after(words: list[tuple[int, int]], position: int) -> list[tuple[int, int]]:
    return [w for w in words if w[0] >= position]
