"""Every docstring example in the package runs and holds.

WHY a walk rather than `--doctest-modules`: pytest would import `pipeline/api.py` by its folder
(`pipeline.api`), a second copy beside the installed `vnfigures.api`; walking the installed
packages imports each module under its one real name. The list is found, never kept by hand,
so a new module's examples run from the day they are written.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

ROOTS = ("vnfigures", "vnfigures.extractors", "vnfigures.schemas")


def _module_names() -> list[str]:
    names: set[str] = set()
    for root in ROOTS:
        package = importlib.import_module(root)
        names.add(root)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{root}."):
            if info.name.rsplit(".", 1)[-1] != "__main__":  # importing it would run it
                names.add(info.name)
    return sorted(names)


def _has_examples(name: str) -> bool:
    try:
        tests = doctest.DocTestFinder().find(importlib.import_module(name))
        return any(not example.options.get(doctest.SKIP) for test in tests for example in test.examples)
    except ValueError:  # an example that does not even parse: collect it, so that it fails
        return True


MODULES = _module_names()


def test_the_walk_finds_every_layer() -> None:
    for name in ("vnfigures.api", "vnfigures.extractors.figures", "vnfigures.schemas.figure",
                 "vnfigures.clean.html", "vnfigures.evaluate.score", "vnfigures.nlp.align"):
        assert name in MODULES


@pytest.mark.parametrize("name", [name for name in MODULES if _has_examples(name)])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
