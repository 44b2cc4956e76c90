"""Word segmentation scored in Python from the CRF weights, with underthesea_core's exact result.

WHY: `word_tokenize` featurizes each syllable into 43 strings with underthesea_core's Rust
`CRFFeaturizer`, copies them to Python, and hands them back to the Rust `CRFTagger`, which looks
each one up again. On the shared corpus that round trip was over half of our whole chain. Here
the template *values* of a sentence (`Featurizer.values`, no feature string built) are looked up
in per-template weight tables read from the same model file, and Viterbi runs over the two labels
(B-W, I-W). It reproduces underthesea_core's arithmetic: emission scores summed from 0.0 in
template order (a missing weight adds 0.0, which changes no float), weights |w| <= 1e-10 dropped
as its loader drops them, and its Viterbi tie-breaking (the first best label wins).

The template functions follow the Rust featurizer, not underthesea's Python ones: `isdigit` is
"parses as an i32", `istitle` "each part's first char equals its uppercase" (so digits are
title), `is_in_dict` looks the lowercased text up in the model's dictionary. Case mappings of
Python and Rust may disagree on rare scripts, so only sentences whose characters all lie in the
Latin/Vietnamese, punctuation and symbol blocks are scored here; any other sentence goes through
underthesea_core itself. `tests/test_nlp_segment_crf.py` checks the tags against it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import add, itemgetter

from vnfigures.nlp.crfsuite import CrfWeights
from vnfigures.nlp.featurize import Featurizer, Functions

_I32 = re.compile(r"[+-]?[0-9]+")
_I32_MIN, _I32_MAX = -(2**31), 2**31 - 1
_MIN_WEIGHT = 1e-10  # underthesea_core's CRFModel.set_state_weight keeps only |w| > 1e-10

# Basic Latin .. Latin Extended-B, combining diacritics, Latin Extended Additional (Vietnamese),
# general punctuation, currency, letterlike and number forms, arrows, mathematical operators.
_FAST_PATH = re.compile(
    "[\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u22ff]*"
)


def _rust_isdigit(text: str) -> str:
    """`text.parse::<i32>().is_ok()`: optional sign, ASCII digits, within the i32 range."""
    return "True" if _I32.fullmatch(text) and _I32_MIN <= int(text) <= _I32_MAX else "False"


def _rust_istitle(text: str) -> str:
    """True when the first char of every space-separated part equals its uppercase."""
    for part in text.split(" "):
        first = part[:1]
        if first != first.upper():
            return "False"
    return "True"


def rust_functions(dictionary: frozenset[str]) -> Functions:
    """underthesea_core's template functions; `is_in_dict` closes over the model dictionary."""

    def is_in_dict(text: str) -> str:
        return "True" if text.lower() in dictionary else "False"

    return {"lower": str.lower, "isdigit": _rust_isdigit, "istitle": _rust_istitle,
            "is_in_dict": is_in_dict}


def fast_path_applies(sentence: str) -> bool:
    """Whether every character is in the blocks where Python and Rust case mappings agree."""
    return _FAST_PATH.fullmatch(sentence) is not None


@dataclass
class _Group:
    """Templates reading the same value list (same width and function), e.g. T[-2]..T[2]."""

    width: int
    function: str | None
    slots: list[tuple[int, int, int]] = field(default_factory=list)  # (template index, a, b)
    rows: dict[str, tuple[float, ...]] = field(default_factory=dict)  # value -> weight per (slot, label)
    zero: tuple[float, ...] = ()
    getters: list[itemgetter] = field(default_factory=list)  # one per (slot, label)


class SegmentScorer:
    """B-W / I-W tags of a sentence's syllables from the model's weights (two-label Viterbi).

    Each distinct value list (12 for the 43 templates) is looked up once per syllable: the
    weights of every template reading it come out together (slot-major, label-minor), are
    shifted into place, and the per-template contributions are added in template order, as
    underthesea_core adds them.
    """

    def __init__(self, templates: Sequence[str], dictionary: frozenset[str], weights: CrfWeights) -> None:
        if len(weights.labels) != 2:
            raise ValueError("the segmentation scorer expects a two-label (B-W, I-W) model")
        self.featurize = Featurizer(templates, rust_functions(dictionary))
        if any(t.column for t in self.featurize.templates):
            raise ValueError("the Rust featurizer reads column 0 only")
        self.labels = weights.labels
        self.transition = weights.transition
        self.groups = self._groups(weights)

    def _groups(self, weights: CrfWeights) -> list[_Group]:
        groups: dict[tuple[int, str | None], _Group] = {}
        where: dict[str, tuple[_Group, int]] = {}
        for index, t in enumerate(self.featurize.templates):
            b = t.index1 if t.index2 is None else t.index2
            group = groups.setdefault((b - t.index1 + 1, t.function), _Group(b - t.index1 + 1, t.function))
            where[t.syntax] = (group, len(group.slots))
            group.slots.append((index, t.index1, b))
        rows: dict[int, dict[str, list[float]]] = {id(g): {} for g in groups.values()}
        for attribute_id, attribute in enumerate(weights.attributes):
            syntax, _, value = attribute.partition("=")
            if syntax not in where:  # attributes no template can produce never fire
                continue
            group, slot = where[syntax]
            row = rows[id(group)].setdefault(value, [0.0] * (2 * len(group.slots)))
            for label in (0, 1):
                weight = weights.state.get((attribute_id, label), 0.0)
                if abs(weight) > _MIN_WEIGHT:
                    row[2 * slot + label] = weight
        for group in groups.values():
            group.rows = {value: tuple(row) for value, row in rows[id(group)].items()}
            group.zero = (0.0,) * (2 * len(group.slots))
            group.getters = [itemgetter(j) for j in range(2 * len(group.slots))]
        return list(groups.values())

    def emissions(self, tokens: Sequence[str]) -> tuple[list[float], list[float]]:
        """Emission scores of every token for label 0 and 1, summed from 0.0 in template order."""
        n = len(tokens)
        parts: list[tuple[list[float], list[float]]] = [([], [])] * len(self.featurize.templates)
        for group in self.groups:
            values = self.featurize._window_values(tokens, group.width, group.function)
            get, zero = group.rows.get, group.zero
            looked = [get(v, zero) for v in values]
            bos, eos = get("BOS", zero), get("EOS", zero)
            for slot, (index, a, b) in enumerate(group.slots):
                head = min(max(-a, 0), n)
                valid = max(0, n - b - head) if b >= 0 else n - head
                window = looked[head + a:head + a + valid]
                tail = n - head - len(window)
                j = 2 * slot
                part0, part1 = [bos[j]] * head, [bos[j + 1]] * head
                part0 += map(group.getters[j], window)
                part1 += map(group.getters[j + 1], window)
                part0 += [eos[j]] * tail
                part1 += [eos[j + 1]] * tail
                parts[index] = (part0, part1)
        first, second = [0.0] * n, [0.0] * n
        for part0, part1 in parts:
            first = list(map(add, first, part0))
            second = list(map(add, second, part1))
        return first, second

    def tags(self, tokens: Sequence[str]) -> list[str]:
        """Viterbi over the two labels, as underthesea_core decodes (first best label wins)."""
        if not tokens:
            return []
        e0, e1 = self.emissions(tokens)
        (t00, t01), (t10, t11) = self.transition
        s0, s1 = e0[0], e1[0]
        back: list[tuple[int, int]] = [(0, 0)]
        for i in range(1, len(tokens)):
            a, b = s0 + t00, s1 + t10  # ending in label 0, from 0 / from 1
            c, d = s0 + t01, s1 + t11  # ending in label 1
            p0, p1 = (1 if b > a else 0), (1 if d > c else 0)
            s0 = (b if p0 else a) + e0[i]
            s1 = (d if p1 else c) + e1[i]
            back.append((p0, p1))
        label = 1 if s1 > s0 else 0
        path = [label]
        for i in range(len(tokens) - 1, 0, -1):
            label = back[i][label]
            path.append(label)
        return [self.labels[k] for k in reversed(path)]
