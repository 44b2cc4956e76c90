"""vnfigures: validated figures (households, money, houses, tonnage, people …) from Vietnamese news.

Public API: `extract` one article, `process` many, `load` the spaCy `Language`.
"""
from __future__ import annotations

__version__ = "0.1.0"

from vnfigures.api import extract, load, process  # noqa: E402 - needs __version__ first

__all__ = ["__version__", "extract", "process", "load"]
