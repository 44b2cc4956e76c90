"""No figures from text the language step flags as not Vietnamese (#14.2)."""
from __future__ import annotations

import pytest

import vnfigures
from vnfigures.steps.standard import LanguageStep
from vnfigures.schemas import Article
from vnfigures.steps import default_steps, run_steps

ENGLISH = ("The province gave 1,500 low-income families are 625 million dong to build new houses. "
           "Officials said 115 gifts were handed out to poor households in the district.")
VIETNAMESE = "Xã đã hỗ trợ 115 hộ nghèo với tổng số tiền trên 625 triệu đồng."


@pytest.mark.parametrize(("text", "flags", "has_figures"), [
    (ENGLISH, ["not_vietnamese"], False),
    (VIETNAMESE, [], True),
])
def test_figures_only_from_vietnamese(text: str, flags: list[str], has_figures: bool) -> None:
    article = vnfigures.extract(text, ner=False)
    assert article.flags == flags
    assert bool(article.figures) is has_figures


@pytest.mark.parametrize(("text", "has_entities"), [(ENGLISH, False), (VIETNAMESE + " Công an tỉnh Cà Mau trao quà.", True)])
def test_entities_only_from_vietnamese(text: str, has_entities: bool) -> None:
    """The Vietnamese NER model reads English capitals as names (`The` PER): none are given."""
    assert bool(vnfigures.extract(text, ner=True).entities) is has_entities


def test_the_language_flag_is_the_cause() -> None:
    """Without the language step the same English text does yield (junk) figures."""
    steps = [s for s in default_steps(ner=False) if not isinstance(s, LanguageStep)]
    article = run_steps(Article(id="en", raw=ENGLISH), steps)
    assert article.flags == [] and article.figures
