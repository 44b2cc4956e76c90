"""Closed vocabularies of a figure record, exactly as ANNOTATION.md §3–§4 names them.

`StrEnum`s so that records serialize to the plain strings the gold files use, and print as
them too (`print(f.kind)` shows `houses`, not `Kind.houses`).
"""
from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a figure counts (ANNOTATION.md §4)."""

    households = "households"
    money = "money"
    houses = "houses"
    mass = "mass"
    people = "people"
    gifts = "gifts"
    infrastructure = "infrastructure"
    percent = "percent"
    area = "area"
    other = "other"


class Qualifier(StrEnum):
    """How the number is hedged; the qualifier word nearest the number decides (§7)."""

    exact = "exact"
    approx = "approx"
    nearly = "nearly"
    more_than = "more_than"
    less_than = "less_than"
    at_least = "at_least"
    at_most = "at_most"
    range = "range"


class Modality(StrEnum):
    """Whether a figure is reported as fact or exists only as a goal, plan or forecast."""

    actual = "actual"
    target = "target"


class EntityLabel(StrEnum):
    """Named-entity classes kept from underthesea's NER (people, organisations, places)."""

    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"


#: Canonical unit of each kind. Money may also carry another currency's ISO 4217 code.
CANONICAL_UNITS: dict[Kind, str] = {
    Kind.households: "household",
    Kind.money: "VND",
    Kind.houses: "house",
    Kind.mass: "tonne",
    Kind.people: "person",
    Kind.gifts: "gift",
    Kind.infrastructure: "item",
    Kind.percent: "percent",
    Kind.area: "hectare",
    Kind.other: "item",
}

#: Currencies a money figure may be expressed in besides VND (ISO 4217 codes).
CURRENCIES: frozenset[str] = frozenset(
    {"VND", "USD", "EUR", "JPY", "CNY", "GBP", "KRW", "AUD", "SGD", "THB", "CHF", "CAD", "HKD",
     "TWD", "RUB", "INR", "LAK", "KHR", "MYR", "IDR", "PHP", "NZD", "AED"}
)


def unit_allowed(kind: Kind, unit: str) -> bool:
    """True when `unit` is a canonical unit of `kind` (any listed currency for money)."""
    if kind is Kind.money:
        return unit in CURRENCIES
    return CANONICAL_UNITS[kind] == unit
