"""The wheel holds every module and data file of the source tree, and runs as the checkout does.

WHY: the top-level folders are mapped onto the `vnfigures` import name by hand
(`pyproject.toml`), and a data file setuptools is not told about silently misses the wheel
(once, 5 of the 14 data files did: the first article crashed a wheel install). The fast test
asks setuptools itself what a build would copy; the slow test builds and installs the wheel.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SKIP_PARTS = {"__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}
BUILD_LEFTOVERS = (".git", ".venv", "*.egg-info", "build", "dist", "out", "__pycache__",
                   ".pytest_cache", ".hypothesis")


@cache
def _setuptools_plan() -> tuple[set[str], set[Path]]:
    """The packages and the source files setuptools' `build_py` would put into the wheel."""
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    cwd = os.getcwd()
    os.chdir(REPO)  # setuptools resolves package-dir relative to the working directory
    try:
        dist = Distribution()
        dist.script_name = "setup.py"
        apply_configuration(dist, REPO / "pyproject.toml")
        dist.include_package_data = False  # only what pyproject declares, not SCM guesses
        build_py = dist.get_command_obj("build_py")
        build_py.ensure_finalized()
        files = {REPO / module for _, _, module in build_py.find_all_modules()}
        for _, src_dir, _, names in build_py.data_files:
            files |= {REPO / src_dir / name for name in names}
    finally:
        os.chdir(cwd)
    return set(dist.packages), {f.resolve() for f in files}


def _package_roots() -> dict[str, Path]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    return {name: REPO / folder for name, folder in config["tool"]["setuptools"]["package-dir"].items()}


def _source_tree() -> tuple[set[str], set[Path]]:
    """Every folder (as an import name) and file under the mapped roots, except caches."""
    roots = _package_roots()
    packages: set[str] = set()
    files: set[Path] = set()
    for name, root in roots.items():
        for path in root.rglob("*"):
            relative = path.relative_to(root)
            if SKIP_PARTS & set(relative.parts) or path.suffix in SKIP_SUFFIXES:
                continue
            if path.is_file():
                files.add(path.resolve())
                packages.add(".".join([name, *relative.parent.parts]))
    return packages, files


def test_every_folder_is_a_declared_package() -> None:
    declared, _ = _setuptools_plan()
    found, _ = _source_tree()
    assert sorted(found - declared) == [], "add these to [tool.setuptools] packages"
    assert sorted(declared - found) == [], "these packages have no folder"


def test_every_source_and_data_file_goes_into_the_wheel() -> None:
    _, planned = _setuptools_plan()
    _, tree = _source_tree()
    missing = sorted(str(p.relative_to(REPO)) for p in tree - planned)
    assert missing == [], "files the wheel would leave out (package-data globs?)"


@pytest.mark.parametrize("data_file", [
    "extractors/data/cues.yaml",
    "extractors/data/units.yaml",
    "extractors/data/number_words.yaml",
    "extractors/data/tone_marks.json",
    "pipeline/data/characters.json",
    "pipeline/clean/html.yaml",
    "pipeline/export/queries.yaml",
    "pipeline/nlp/models.json",
])
def test_known_data_files_are_planned(data_file: str) -> None:
    _, planned = _setuptools_plan()
    assert (REPO / data_file).resolve() in planned


# --- the wheel itself -------------------------------------------------------------------------


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)  # noqa: S603
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def _wheel_env(tmp: Path) -> Path:
    """A fresh virtual environment with only the built wheel installed in it.

    The wheel is built from a copy of the checkout without build leftovers: a stale
    `*.egg-info/SOURCES.txt` (the editable install writes one) would smuggle in data files
    that a clean clone's wheel leaves out.

    Offline: the wheel is built without build isolation (the test extra provides setuptools
    and wheel), and the dependencies are borrowed from the running environment through a
    `.pth` line appended after the new site-packages. `.pth` files inside a borrowed folder
    are not executed, so the editable install's import hook never reaches the new one.
    """
    source = tmp / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*BUILD_LEFTOVERS))
    dist = tmp / "dist"
    _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
          "--no-index", "-q", "-w", str(dist)], cwd=tmp)
    (wheel,) = dist.glob("vnfigures-*.whl")
    env_dir = tmp / "wheel-env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "-q", str(wheel)], cwd=tmp)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def _inputs() -> list[str]:
    """The bundled corpus, and the shared raw articles when they sit beside the checkout."""
    shared = REPO.parent / "shared" / "corpus" / "raw"
    return [str(REPO / "corpus"), *([str(shared)] if shared.is_dir() else [])]


def _records(vnfig: Path, out: Path, cwd: Path) -> list[list[dict]]:
    """The records and the failure records of one `vnfig run` over `_inputs()`, in input order."""
    result = subprocess.run([str(vnfig), "run", *_inputs(), "-o", str(out), "--workers", "1"],  # noqa: S603
                            capture_output=True, text=True, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr[-3000:]  # 1: some inputs are not articles
    failures = out.with_name(out.stem + ".failures.jsonl")
    return [[json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
            for path in (out, failures) if path.exists()]


@pytest.mark.slow
def test_the_installed_wheel_gives_the_editable_install_records(tmp_path: Path) -> None:
    env_dir = _wheel_env(tmp_path)
    where = _run([str(env_dir / "bin" / "python"), "-c", "import vnfigures; print(vnfigures.__file__)"],
                 cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(env_dir), f"vnfigures imported from {where}, not the wheel"
    editable = Path(sys.executable).parent / "vnfig"
    expected = _records(editable, tmp_path / "editable.jsonl", tmp_path)
    got = _records(env_dir / "bin" / "vnfig", tmp_path / "wheel.jsonl", tmp_path)
    assert expected[0] and got == expected
    seed = next(r for r in got[0] if r["id"] == "seed-camau-police-poverty")
    assert seed["figures"] and seed["entities"]  # the data files and models all loaded
