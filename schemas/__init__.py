"""Pydantic v2 records of the pipeline: articles, figures, entities, failures.

`vnfig schema` prints the JSON Schema of `Article` as written to the output.
"""
from .article import Article, Failure
from .data import DataFile, load_data, read_data
from .decimals import canonical_decimal
from .entity import Entity
from .enums import CANONICAL_UNITS, CURRENCIES, EntityLabel, Kind, Modality, Qualifier, unit_allowed
from .figure import Figure

__all__ = [
    "Article", "Failure", "Entity", "Figure", "Kind", "Qualifier", "Modality", "EntityLabel",
    "CANONICAL_UNITS", "CURRENCIES", "unit_allowed", "canonical_decimal",
    "DataFile", "load_data", "read_data",
]
