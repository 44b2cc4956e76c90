"""What the README shows is what the project does: printed values, the sample record, paths (#14.6, #14.9)."""
from __future__ import annotations

import contextlib
import io
import json
import re
from enum import Enum
from pathlib import Path

import pytest

import vnfigures
from vnfigures.schemas import EntityLabel, Kind, Modality, Qualifier

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
API_SNIPPET = '''
article = vnfigures.extract("Xã đã hỗ trợ 115 hộ nghèo với tổng số tiền trên 625 triệu đồng.", ner=False)
for f in article.figures:
    print(f.kind, f.value, f.unit, f.qualifier, f.subject, f.modality)
'''


@pytest.mark.parametrize("member", [m for enum in (Kind, Qualifier, Modality, EntityLabel) for m in enum],
                         ids=str)
def test_enums_print_as_their_values(member: Enum) -> None:
    assert (str(member), f"{member}", f"{member!s:>1}") == (member.value,) * 3


def test_readme_api_example_prints_what_it_shows() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(API_SNIPPET, {"vnfigures": vnfigures})  # noqa: S102 - the README's own example
    lines = out.getvalue().splitlines()
    assert lines and all(f"\n# {line}\n" in README for line in lines)


def test_readme_sample_figure_comes_from_a_real_run(project_corpus: Path) -> None:
    shown = json.loads(re.search(r'\{"text": "trên 625 triệu đồng".*?\}', README, re.S).group(0))
    record = next(vnfigures.process([project_corpus / "seed-camau-police-poverty.txt"], ner=False))
    real = next(f for f in record.model_dump(mode="json")["figures"] if f["text"] == shown["text"])
    assert real == shown


@pytest.mark.parametrize("path", sorted(set(re.findall(
    r"`((?:vnfigures|pipeline|extractors|schemas|docs|tests|corpus|\.ci)/[\w./-]*\w)`", README))))
def test_readme_names_real_paths(path: str) -> None:
    assert (REPO / path).exists(), f"README names {path}, which is not in the repository"
