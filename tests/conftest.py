"""Shared fixtures: where the project's own corpus and the optional shared corpus live."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PROJECT_CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def project_corpus() -> Path:
    """The bundled `corpus/` folder (the seed article and its gold file)."""
    return PROJECT_CORPUS


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """`../shared/corpus` beside the checkout; tests that need it skip cleanly when absent."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present beside this checkout")
    return SHARED_CORPUS
