"""The gazetteer of Vietnam's administrative units (vietnamadminunits data via underthesea):
names at each level map to today's provinces, named as in ANNOTATION.md §8."""
from __future__ import annotations

import pytest

from vnfigures.extractors.gazetteer import ascii_key, gazetteer, name_key, place_words


@pytest.mark.parametrize(("name", "levels", "provinces"), [
    # former provinces merged on 1 July 2025 get today's name (§8 table)
    ("Bạc Liêu", ["province"], {"Cà Mau"}),
    ("Hòa Bình", ["province"], {"Phú Thọ"}),
    ("Hoà Bình", ["province"], {"Phú Thọ"}),  # the other tone placement
    ("Bình Dương", ["province"], {"Hồ Chí Minh"}),
    ("Bà Rịa - Vũng Tàu", ["province"], {"Hồ Chí Minh"}),
    ("Quảng Nam", ["province"], {"Đà Nẵng"}),
    ("Kon Tum", ["province"], {"Quảng Ngãi"}),
    ("Long An", ["province"], {"Tây Ninh"}),
    ("Ðiện Biên", ["province"], {"Điện Biên"}),  # Icelandic Ð as scraped in Nhân Dân
    # aliases
    ("TP.HCM", ["province"], {"Hồ Chí Minh"}),
    ("TPHCM", ["province"], {"Hồ Chí Minh"}),
    ("Sài Gòn", ["province"], {"Hồ Chí Minh"}),
    ("Thừa Thiên - Huế", ["province"], {"Huế"}),
    # former districts and communes of the articles in ../shared/corpus
    ("Ba Vì", ["district"], {"Hà Nội"}),
    ("Ea H'leo", ["district"], {"Đắk Lắk"}),
    ("Mai Châu", ["district"], {"Phú Thọ"}),
    ("Nậm Pồ", ["district"], {"Điện Biên"}),
    ("Thủ Đức", ["district"], {"Hồ Chí Minh"}),
    ("Chà Nưa", ["ward"], {"Điện Biên"}),
    ("Thạch Trung", ["ward"], {"Hà Tĩnh"}),
    ("DLiê Yang", ["ward"], {"Đắk Lắk"}),
    # a level decides: Hà Tĩnh the city is a district of Hà Tĩnh province
    ("Hà Tĩnh", ["district"], {"Hà Tĩnh"}),
    ("Hồng Dân", ["province"], set()),
])
def test_lookup(name: str, levels: list[str], provinces: set[str]) -> None:
    assert gazetteer().provinces(name, levels) == provinces


def test_common_commune_name_is_ambiguous() -> None:
    """`Tân Thành` is a commune in many provinces: it resolves only through context."""
    assert len(gazetteer().provinces("Tân Thành", ["ward"])) > 5


def test_every_province_of_the_table_is_known() -> None:
    names = {p for held in gazetteer().index["province"].values() for p in held}
    assert names == set(place_words().provinces)


@pytest.mark.parametrize(("a", "b"), [
    ("Thừa Thiên - Huế", "thừa thiên huế"), ("Khánh Hoà", "Khánh Hòa"), ("Ðắk Lắk", "Đắk Lắk"),
])
def test_name_key_ignores_spelling(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("name", "key"), [("Hà Tĩnh", "hatinh"), ("Cà Mau", "camau"), ("Đắk Lắk", "daklak")])
def test_ascii_key(name: str, key: str) -> None:
    assert ascii_key(name) == key
