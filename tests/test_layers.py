"""The house's layering, read from the imports themselves (ast), lazy imports included.

schemas < extractors < reading, cleaning, nlp, steps, export < api < runner, evaluate < cli, bench:
a module may import its own layer or a lower one, never a higher one, and no import cycle
exists between modules. The extractors are text in, figures out: they import nothing of the
package but the schemas. A new top-level package must be given a layer here.
"""
from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: Import-name prefix -> layer (the longest prefix wins).
LAYERS: dict[str, int] = {
    "vnfigures.schemas": 0, "vnfigures.errors": 0, "vnfigures.version": 0,
    "vnfigures.extractors": 1,
    "vnfigures.read": 2, "vnfigures.clean": 2, "vnfigures.normalize": 2, "vnfigures.nlp": 2,
    "vnfigures.steps": 2, "vnfigures.export": 2,
    "vnfigures": 3, "vnfigures.api": 3,
    "vnfigures.runner": 4, "vnfigures.evaluate": 4,
    "vnfigures.cli": 5, "vnfigures.bench": 5,
}
#: What a layer's modules may import besides themselves, when narrower than "every lower layer".
ONLY = {"vnfigures.extractors": ("vnfigures.schemas", "vnfigures.extractors")}


def _modules() -> dict[str, Path]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    modules: dict[str, Path] = {}
    for root_name, folder in config["tool"]["setuptools"]["package-dir"].items():
        root = REPO / folder
        for path in root.rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join([root_name, *parts])] = path
    return modules


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str) -> Iterator[str]:
    """Every package module `name` imports, at the top or inside a function."""
    tree = ast.parse(MODULES[name].read_text("utf-8"))
    package = name if _is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield sub if sub in MODULES else base


@cache
def _graph() -> dict[str, set[str]]:
    return {name: {t for t in _imports(name) if t in MODULES and t != name} for name in MODULES}


def layer_of(name: str) -> tuple[str, int]:
    prefix = max((p for p in LAYERS if name == p or name.startswith(p + ".")), key=len, default=None)
    assert prefix is not None, f"{name} has no layer: add its package to LAYERS in {__file__}"
    return prefix, LAYERS[prefix]


def test_the_walk_sees_the_house() -> None:
    for name in ("vnfigures", "vnfigures.api", "vnfigures.read.inputs", "vnfigures.nlp.components",
                 "vnfigures.extractors.figures", "vnfigures.schemas.figure", "vnfigures.runner.batch"):
        assert name in MODULES
    graph = _graph()
    assert "vnfigures.read.inputs" in graph["vnfigures.api"] or "vnfigures.read.objects" in graph["vnfigures.api"]
    assert "vnfigures.extractors.figures" in graph["vnfigures.nlp.components"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_from_above_its_layer(name: str) -> None:
    prefix, layer = layer_of(name)
    allowed = ONLY.get(prefix)
    bad = []
    for target in sorted(_graph()[name]):
        target_prefix, target_layer = layer_of(target)
        if target_layer > layer or (allowed and not target.startswith(allowed)):
            bad.append(f"{target} (layer {target_layer}, {target_prefix})")
    assert bad == [], f"{name} (layer {layer}) imports from above: {bad}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"a"}, "c": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}}, [["a", "b", "c"]]),
])
def test_the_cycle_finder(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert _cycles(graph) == expected


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def _calls(name: str) -> set[str]:
    """Dotted names of everything `name` imports or calls, e.g. `yaml.safe_load`, `resources.files`."""
    tree = ast.parse(MODULES[name].read_text("utf-8"))
    seen = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    seen |= {f"{node.module}.{alias.name}" for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and node.module for alias in node.names}
    seen |= {f"{node.value.id}.{node.attr}" for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)}
    return seen


DATA_ACCESS = {"yaml", "importlib.resources", "resources.files", "importlib.resources.files"}


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"vnfigures.schemas.data"}))
def test_data_files_are_read_only_by_the_one_loader(name: str) -> None:
    assert _calls(name) & DATA_ACCESS == set(), "read data with vnfigures.schemas.load_data"
