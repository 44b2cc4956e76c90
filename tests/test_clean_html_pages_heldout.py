"""clean_html on the held-out whole pages (tests/data/clean_pages/heldout): written before the
rules they test were changed and checked only once those rules were done, so they measure how
the cleaner does on templates it was not fitted to (see test_clean_html_pages.py)."""
from __future__ import annotations

import pytest

from test_clean_html_pages import check, entries


@pytest.mark.parametrize("entry", entries("heldout"), ids=lambda e: e["file"])
def test_heldout_page(entry: dict) -> None:
    check(entry)
