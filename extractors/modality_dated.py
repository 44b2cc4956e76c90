"""A figure its own sentence dates after the article was published is no fact yet (ANNOTATION.md §7).

An organisation's estimate quoted for a coming year (`GDP năm 2020 và 2021 lần lượt đạt tăng
trưởng 1,6% và 6,7%` in an article of October 2020) reads like a report but forecasts: what holds
for a year after publication has not happened when the article is written, so it is a target like
any forecast. The cue scopes (`modality.py`) read text only; the year a figure holds for
(`locate.py`, §8) and the publication year are known after locating, so this runs then, and only
when the publication year is known (`Article.published`): without it nothing changes.

Only a result said to be reached is forecast so: a verb of result (`đạt`, `tăng trưởng`, `tăng`;
`dated_result_verbs` in modality.yaml) in the figure's clause before it. What is scheduled already
exists (`Sang năm 2025, lượng trái phiếu đáo hạn khoảng 270.000 tỷ đồng`, hanoimoi_201 gold: the
bonds due are a fact) and stays actual; so does a figure a fact cue governs (`đã phân bổ 50 tỷ
đồng cho năm 2026`: money already allocated, §7) and one whose year is only inherited (the
title's, a framing paragraph's): the year must be written in the figure's own sentence.
"""
from __future__ import annotations

import re

from vnfigures.schemas import Article, Figure, Modality

from .context import ArticleContext
from .locate import published_year
from .modality import innermost, scopes
from .modality_cues import dated_result_re, horizon_year_re


def dated_later(article: Article) -> Article:
    """The article with its actual figures dated, in their own sentence, after the publication
    year turned into targets (a forecast for a coming year, §7), and its targets whose horizon
    has passed by publication (`Tính đến cuối năm 2015, ...` in 2016) turned into facts."""
    published = published_year(article)
    if published is None or not any(_later(f, published) or _horizon_candidate(f) for f in article.figures):
        return article
    ctx = ArticleContext.build(article.text, None)
    figures = []
    for f in article.figures:
        if _later(f, published) and _forecast(ctx, f):
            f = f.model_copy(update={"modality": Modality.target})
        elif _horizon_candidate(f) and _past_horizon(ctx, f, published):
            f = f.model_copy(update={"modality": Modality.actual})
        figures.append(f)
    return article.model_copy(update={"figures": figures})


def _horizon_candidate(fig: Figure) -> bool:
    return fig.modality is Modality.target and fig.year is not None


def _past_horizon(ctx: ArticleContext, fig: Figure, published: int) -> bool:
    """The figure's innermost target scope is a horizon cue whose year is before publication."""
    sentence = ctx.fine_sentence(fig.start)
    scope = innermost(scopes(ctx.text, *sentence), fig.start)
    if scope is None or scope.modality is not Modality.target:
        return False
    horizon = horizon_year_re().match(ctx.text, scope.start)
    return horizon is not None and int(horizon.group("year")) < published


def _later(fig: Figure, published: int) -> bool:
    return fig.modality is Modality.actual and fig.year is not None and fig.year > published


def _forecast(ctx: ArticleContext, fig: Figure) -> bool:
    """Its year is written in its own sentence, a verb of result stands before it in its clause,
    and no fact cue governs it."""
    sentence = ctx.fine_sentence(fig.start)
    if not re.search(rf"(?<!\d){fig.year}(?!\d)", ctx.text[sentence[0]:sentence[1]]):
        return False
    clause = max(ctx.text.rfind(mark, sentence[0], fig.start) for mark in ",;:")
    if not dated_result_re().search(ctx.text, max(clause + 1, sentence[0]), fig.start):
        return False
    scope = innermost(scopes(ctx.text, *sentence), fig.start)
    return scope is None or scope.modality is Modality.target
