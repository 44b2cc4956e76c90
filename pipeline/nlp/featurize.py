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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

# The same grammar as underthesea.pipeline.*.tagged_feature.template2features.
_SYNTAX = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)


def _lower(word: str) -> str:
    return word.lower()


def _isdigit(word: str) -> str:
    return str(word.isdigit())


def _isallcap(word: str) -> str:
    return str(all(letter.istitle() for letter in word))


@lru_cache(maxsize=65536)
def _istitle(word: str) -> str:
    """underthesea's `text_istitle` as its feature text; an empty syllable makes it False.

    Cached: words recur across sentences, and this is the one template function not in C.
    """
    if len(word) == 0:
        return "False"
    for syllable in word.split(" "):
        if not syllable or not syllable[0].istitle():
            return "False"
    return "True"


Functions = Mapping[str, Callable[[str], str]]
"""Template functions by name; each returns the text written after `=` in the feature."""

FUNCTIONS: Functions = {
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


def parse_template(syntax: str, functions: Functions = FUNCTIONS) -> Template:
    """Parse one template string the way underthesea does (column defaults to 0)."""
    matched = _SYNTAX.match(syntax)
    if matched is None:
        raise ValueError(f"not a feature template: {syntax!r}")
    column = matched.group("column")
    index2 = matched.group("index2")
    function = matched.group("function")
    if function is not None and function not in functions:
        raise ValueError(f"template {syntax!r} uses an unsupported function {function!r}")
    return Template(syntax, int(matched.group("index1")), int(index2) if index2 else None,
                    int(column) if column else 0, function)


class Featurizer:
    """Turn the columns of one sentence into underthesea's per-token feature lists."""

    def __init__(self, templates: Sequence[str], functions: Functions = FUNCTIONS) -> None:
        self.functions = functions
        self.templates = tuple(parse_template(t, functions) for t in templates)

    def __call__(self, columns: Sequence[Sequence[str]],
                 memo: dict[str, list[str]] | None = None) -> list[tuple[str, ...]]:
        """`columns[c][i]` is column c of token i; returns one feature tuple per token.

        `memo`, shared by the stages tagging one sentence, keeps the features of word-column
        templates: POS, chunk and NER all use `T[-1].lower`, `T[0,1]`, ... on the same words.
        """
        n = len(columns[0]) if columns else 0
        if n == 0:
            return []
        cache: dict[tuple[int, int, str | None], list[str]] = {}
        per_template = []
        for t in self.templates:
            shared = memo is not None and t.column == 0
            if shared and t.syntax in memo:
                per_template.append(memo[t.syntax])
                continue
            values = self._evaluate(t, columns, n, cache, t.prefix)
            if shared:
                memo[t.syntax] = values
            per_template.append(values)
        return list(zip(*per_template))

    def values(self, columns: Sequence[Sequence[str]]) -> list[list[str]]:
        """Per template, the text after `=` for every token ('BOS'/'EOS' at the edges).

        What a scorer that keys weights by (template, value) needs: no feature string is built.
        """
        n = len(columns[0]) if columns else 0
        cache: dict[tuple[int, int, str | None], list[str]] = {}
        return [self._evaluate(t, columns, n, cache, "") for t in self.templates]

    def _evaluate(self, t: Template, columns: Sequence[Sequence[str]], n: int,
                  cache: dict[tuple[int, int, str | None], list[str]], prefix: str) -> list[str]:
        """Values of template `t` at every position, each preceded by `prefix`.

        The values of a (column, width, function) are computed once per sentence: `T[-1]`,
        `T[0]`, `T[1]` or `T[-1,0]`, `T[0,1]` are the same list, shifted.
        """
        b = t.index1 if t.index2 is None else t.index2
        width = b - t.index1 + 1
        key = (t.column, width, t.function)
        if key not in cache:
            cache[key] = self._window_values(columns[t.column], width, t.function)
        return _place(prefix, cache[key], n, t.index1, b)

    def _window_values(self, column: Sequence[str], width: int, function: str | None) -> list[str]:
        """Value of a window of `width` words starting at each token, joined by a space."""
        if width == 1:
            joined = list(column)
        elif width == 2:
            joined = [f"{x} {y}" for x, y in pairwise(column)]
        else:
            joined = [" ".join(column[j:j + width]) for j in range(len(column) - width + 1)]
        if function is None:
            return joined
        return list(map(self.functions[function], joined))


def _place(prefix: str, values: list[str], n: int, a: int, b: int) -> list[str]:
    """Token i gets `values[i + a]`; BOS where i + a < 0 (checked first), EOS where i + b >= n.

    The same precedence as underthesea's `template2features`, computed by slicing instead of
    per-token branching: BOS for the first `-a` tokens, then values, then EOS to the end.
    """
    bos = min(max(-a, 0), n)
    valid = max(0, n - b - bos) if b >= 0 else n - bos
    start = bos + a
    window = values[start:start + valid]
    body = [prefix + v for v in window] if prefix else window
    return [f"{prefix}BOS"] * bos + body + [f"{prefix}EOS"] * (n - bos - len(body))
