"""vnfigures: validated figures (households, money, houses, tonnage, people …) from Vietnamese news.

Public API: `extract` one article, `process` many, `load` the spaCy `Language`.
"""
from __future__ import annotations

from vnfigures.api import extract, load, process
from vnfigures.version import __version__

__all__ = ["__version__", "extract", "process", "load"]
