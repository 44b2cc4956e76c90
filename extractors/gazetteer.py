"""Vietnam's administrative units, mapped to today's 34 provinces (ANNOTATION.md §8).

WHY this data: a hand-typed table of ~10,000 communes would rot; the `vietnamadminunits`
dataset (MIT) is maintained, knows the 63 former and 34 current provinces, the former
districts and every former and current commune/ward, and how each former unit maps to a
province of 1 July 2025. underthesea (already a dependency) ships exactly that dataset as
`underthesea/address/data/mapping.json`, so it is read from there: no new dependency, no
geocoder and nothing that could go online. Only the JSON file is read; underthesea's address
code is never imported. The table is built once per process (cached).

A name is looked up at a level (`province`, `district`, `ward`) and gives the set of today's
provinces holding a unit of that name: one province resolves it, several leave it ambiguous.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from vnfigures.schemas import read_data

from .lexicon import nfc_tree

LEVELS = ("province", "district", "ward")

#: Type words that open a unit's full name in the dataset (`Huyện Phong Điền`), longest first.
_TYPE_PREFIX = re.compile(r"^(thành phố|thị xã|thị trấn|đặc khu|tỉnh|huyện|quận|xã|phường)\s+",
                          re.IGNORECASE)


class PlaceWords(BaseModel):
    """extractors/data/places.yaml: what the dataset does not hold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    provinces: list[str] = Field(min_length=34, max_length=34)
    unit_words: dict[str, list[str]]
    aliases: dict[str, str]
    landmarks: dict[str, str]
    national: list[str]
    regions: list[str]
    unnamed_regions: list[str]
    foreign: list[str]
    reference_words: list[str]
    reference_gap: list[str]
    share_before: str
    unit_only_aliases: list[str]
    residence_words: list[str]
    person_details_before: str
    constituency_words: list[str]
    registration_words: list[str]
    plate_vehicles: list[str]
    origin_words: list[str]
    arrival_words: list[str]
    destination_words: list[str]
    group_joiners: list[str]
    nationality_words: list[str]
    numbered_units: list[str]
    unit_compounds: list[str]
    lowercase_units: list[str]
    anaphora_before: list[str]
    counted_provinces: list[str]
    person_words: list[str]
    thing_words: list[str]
    route_words: list[str]
    route_compass: list[str]
    firm_words: list[str]
    body_words: list[str]
    programme_words: list[str]
    programme_breaks: list[str]
    names_with_places: list[str]
    locative_words: list[str]
    photo_credit: str


@cache
def place_words() -> PlaceWords:
    """The validated place-word table (NFC)."""
    data = nfc_tree(read_data("vnfigures.extractors", "data/places.yaml"))
    words = PlaceWords.model_validate(data)
    unknown = set(words.unit_words) - {"province", "city", "district", "ward", "below_ward"}
    if unknown:
        raise ValueError(f"places.yaml: unknown unit levels {sorted(unknown)}")
    return words


def _tone_old_style() -> dict[str, str]:
    """New-style tone placement on a closing oa/oe/uy -> old style (`hoà` -> `hòa`)."""
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            new = unicodedata.normalize("NFC", first + second + tone)
            table[new] = unicodedata.normalize("NFC", first + tone + second)
    return table


_OLD_STYLE = _tone_old_style()
_OLD_STYLE_RE = re.compile("|".join(_OLD_STYLE))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The lookup key of a written name: case, Đ look-alikes, tone placement, dots and dashes
    and spacing do not matter (`Thừa Thiên - Huế`, `thừa thiên huế`; `Ðiện Biên`, `Điện Biên`).

    >>> name_key("Thừa Thiên - Huế") == name_key("thừa  thiên huế")
    True
    >>> name_key("Hoà Bình") == name_key("Hòa Bình"), name_key("Ðiện Biên") == name_key("Điện Biên")
    (True, True)
    """
    key = unicodedata.normalize("NFC", name).lower().replace("ð", "đ").replace("’", "'")
    key = _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group(0)], key)
    key = re.sub(r"[.\-–—]", " ", key)
    return " ".join(key.split())


def ascii_key(name: str) -> str:
    """`name` without accents, spaces or punctuation (`Hà Tĩnh` -> `hatinh`), as in web addresses."""
    flat = unicodedata.normalize("NFKD", name_key(name).replace("đ", "d"))
    return re.sub(r"[^a-z]", "", "".join(c for c in flat if not unicodedata.combining(c)))


def short_name(full: str) -> str:
    """A unit's name without its type word (`Huyện Phong Điền` -> `Phong Điền`)."""
    return _TYPE_PREFIX.sub("", full.strip()).strip()


@dataclass(frozen=True)
class Gazetteer:
    """Name keys by level -> the §8 names of today's provinces holding a unit of that name."""

    index: dict[str, dict[str, frozenset[str]]]

    def provinces(self, name: str, levels: Iterable[str] = LEVELS) -> frozenset[str]:
        """Today's provinces holding a unit called `name` at any of `levels` (empty: unknown)."""
        key = name_key(name)
        found: set[str] = set()
        for level in levels:
            found |= self.index[level].get(key, frozenset())
        return frozenset(found)

    def is_province_name(self, name: str) -> bool:
        """True when `name` (or an alias) names a former or current province."""
        return name_key(name) in self.index["province"]

    def ascii_provinces(self) -> dict[str, frozenset[str]]:
        """Province-level names as `ascii_key`s (`camau`, `hatinh`) -> today's provinces."""
        return {ascii_key(key): provinces for key, provinces in self.index["province"].items()}


def _mapping_path() -> Path:
    """underthesea's copy of the vietnamadminunits data, found without importing underthesea."""
    spec = find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the gazetteer needs underthesea (its address/data/mapping.json)")
    return Path(next(iter(spec.submodule_search_locations))) / "address" / "data" / "mapping.json"


def _add(index: dict[str, dict[str, set[str]]], level: str, name: str, province: str) -> None:
    index[level].setdefault(name_key(name), set()).add(province)


@cache
def gazetteer() -> Gazetteer:
    """Build the lookup from the dataset and places.yaml (once per process)."""
    words = place_words()
    ours = {name_key(p): p for p in words.provinces}
    data = json.loads(_mapping_path().read_text("utf-8"))
    new_names = {key: ours.get(name_key(v["short"])) for key, v in data["province_names"].items()}
    missing = [k for k, v in new_names.items() if v is None]
    if missing or len(set(new_names.values())) != 34:
        raise ValueError(f"gazetteer: provinces of the dataset not in places.yaml: {missing}")
    index: dict[str, dict[str, set[str]]] = {level: {} for level in LEVELS}
    for key, name in new_names.items():
        _add(index, "province", name, name)
    for key, new_key in data["province_mapping"].items():
        _add(index, "province", data["old_province_names"][key]["short"], new_names[new_key])
    for row in data["ward_mapping"]:
        province = new_names[row["new_province_key"]]
        _add(index, "district", short_name(row["old_district"]), province)
        _add(index, "ward", short_name(row["old_ward"]), province)
        _add(index, "ward", short_name(row["new_ward"]), province)
    for alias, target in words.aliases.items():
        held = index["province"].get(name_key(target))
        if not held:
            raise ValueError(f"places.yaml: alias {alias!r} names {target!r}, not a province")
        index["province"][name_key(alias)] = set(held)
    return Gazetteer({level: {k: frozenset(v) for k, v in names.items()} for level, names in index.items()})
