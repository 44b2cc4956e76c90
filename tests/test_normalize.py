"""Normalization: one spelling per character, idempotent, and the doctests hold."""
from __future__ import annotations

import unicodedata

import pytest

from vnfigures.normalize import normalize_text

ROWS = [
    ("hoà", "hòa"),
    ("Hoà Bình", "Hòa Bình"),
    ("HOÀ BÌNH", "HÒA BÌNH"),
    ("thuỷ lợi", "thủy lợi"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("quý khách", "quý khách"),        # qu + y keeps its tone
    ("hoàng hôn", "hoàng hôn"),        # a final consonant follows: untouched
    ("khoái lạc", "khoái lạc"),
    ("xoá đói", "xóa đói"),
    (unicodedata.normalize("NFD", "Hòa Bình"), "Hòa Bình"),
    ("a\u00a0b", "a b"),
    ("a\u200bb", "ab"),
    ("  hai   khoảng  trắng ", "hai khoảng trắng"),
    ("dòng 1\r\n\r\n\ndòng 2", "dòng 1\ndòng 2"),
    ("«trích dẫn»", "“trích dẫn”"),
    ("„Vì người nghèo‟", "“Vì người nghèo”"),
    ("115 hộ nghèo", "115 hộ nghèo"),
]


@pytest.mark.parametrize(("raw", "expected"), ROWS)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(("raw", "_"), ROWS)
def test_normalize_is_idempotent(raw: str, _: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
