"""underthesea's CRF feature templates, compiled once into a fast whole-sentence featurizer.

WHY: underthesea's `tagged_feature.template2features` re-parses every template with a regex and
rebuilds every column of the sentence for every token and every template (quadratic in the
sentence length); that Python feature extraction is ~88 % of `ner()`'s time. Here each template
is parsed once, and each is evaluated for all positions of a sentence in one pass. The strings
produced are exactly underthesea's (`T[-1].lower=ông`, `T[0].istitle=True`, `T[-2]=BOS`, ...):
the CRF weights are keyed by them, and `tests/test_nlp_identical.py` checks every feature.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# The same grammar as underthesea.pipeline.*.tagged_feature.template2features.
_SYNTAX = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)


def _lower(word: str) -> str:
    return word.lower()


def _isdigit(word: str) -> str:
    return str(word.isdigit())


def _isallcap(word: str) -> bool:
    return all(letter.istitle() for letter in word)


def _istitle(word: str) -> bool:
    """underthesea's `text_istitle`, including its quirk: an empty syllable makes it False."""
    if len(word) == 0:
        return False
    try:
        return all(syllable[0].istitle() for syllable in word.split(" "))
    except IndexError:
        return False


FUNCTIONS: dict[str, Callable[[str], object]] = {
    "lower": _lower,
    "istitle": _istitle,
    "isdigit": _isdigit,
    "isallcap": _isallcap,
}


@dataclass(frozen=True, slots=True)
class Template:
    """One parsed template `T[index1(,index2)][column].function`."""

    syntax: str
    index1: int
    index2: int | None
    column: int
    function: str | None

    @property
    def prefix(self) -> str:
        return f"{self.syntax}="


def parse_template(syntax: str) -> Template:
    """Parse one template string the way underthesea does (column defaults to 0)."""
    matched = _SYNTAX.match(syntax)
    if matched is None:
        raise ValueError(f"not a feature template: {syntax!r}")
    column = matched.group("column")
    index2 = matched.group("index2")
    function = matched.group("function")
    if function is not None and function not in FUNCTIONS:
        raise ValueError(f"template {syntax!r} uses an unsupported function {function!r}")
    return Template(syntax, int(matched.group("index1")), int(index2) if index2 else None,
                    int(column) if column else 0, function)


class Featurizer:
    """Turn the columns of one sentence into underthesea's per-token feature lists."""

    def __init__(self, templates: Sequence[str]) -> None:
        self.templates = tuple(parse_template(t) for t in templates)
        self.columns_used = frozenset(t.column for t in self.templates)

    def __call__(self, columns: Sequence[Sequence[str]]) -> list[list[str]]:
        """`columns[c][i]` is column c of token i; returns one feature list per token."""
        n = len(columns[0]) if columns else 0
        if n == 0:
            return []
        cache: dict[tuple[int, str | None], list[str]] = {}
        per_template = [self._evaluate(t, columns, n, cache) for t in self.templates]
        return [list(row) for row in zip(*per_template)]

    @staticmethod
    def _values(column: Sequence[str], function: str | None) -> list[str]:
        if function is None:
            return list(column)
        apply = FUNCTIONS[function]
        return [f"{apply(word)}" for word in column]

    def _evaluate(self, t: Template, columns: Sequence[Sequence[str]], n: int,
                  cache: dict[tuple[int, str | None], list[str]]) -> list[str]:
        if t.index2 is not None:
            return self._window(t, columns[t.column], n)
        key = (t.column, t.function)
        if key not in cache:
            cache[key] = self._values(columns[t.column], t.function)
        values, prefix, a = cache[key], t.prefix, t.index1
        if a < 0:
            head = [f"{prefix}BOS"] * min(-a, n)
            return head + [prefix + v for v in values[:max(n + a, 0)]]
        return [prefix + v for v in values[a:]] + [f"{prefix}EOS"] * min(a, n)

    @staticmethod
    def _window(t: Template, column: Sequence[str], n: int) -> list[str]:
        """A multi-token template `T[a,b]`: the words a..b joined by a space (BOS/EOS at edges)."""
        prefix, a, b = t.prefix, t.index1, t.index2
        assert b is not None
        apply = FUNCTIONS[t.function] if t.function else None
        out: list[str] = []
        for i in range(n):
            if i + a < 0:
                out.append(f"{prefix}BOS")
            elif i + a >= n or i + b >= n:
                out.append(f"{prefix}EOS")
            else:
                word = " ".join(column[i + a:i + b + 1])
                out.append(f"{prefix}{apply(word) if apply else word}")
        return out
