"""Entity quality on NER gold in CoNLL/BIO form: underthesea as is vs. the project's entities.

    .venv/bin/python -m vnfigures.bench.ner PATH [--tag-column N] [--json]

PATH holds one word per line (word first, its BIO tag in the last column or `--tag-column`;
`_` joins the syllables of a segmented word), a blank line between sentences. Each sentence
is rebuilt as its words joined by spaces and run through the project's tokenizer, then tagged
three ways: `underthesea` (its NER output exactly), `labels` (the CRF fed its own predicted
labels, no rules) and `project` (the default: labels plus `entity_rules`). Scores are exact
matches of (label, start, end) over PER, ORG and LOC; MISC is ignored on both sides. CPU times
are printed beside them (the rules' own cost too); nothing here asserts a speed.

WHY here and not in `vnfig eval`: NER gold is public data the project must not ship; this
tool reads it from wherever the user keeps it.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vnfigures.extractors.entities import entities_from_words, iob_spans
from vnfigures.extractors.entity_rules import refine_entities
from vnfigures.schemas import Entity, EntityLabel

Span = tuple[str, int, int]
"""(label, start, end) in the rebuilt sentence."""
LABELS = tuple(label.value for label in EntityLabel)


@dataclass(frozen=True)
class GoldSentence:
    text: str
    entities: frozenset[Span]


def read_bio(lines: Iterable[str], tag_column: int = -1) -> list[GoldSentence]:
    """Sentences of a CoNLL/BIO file with their gold PER/ORG/LOC spans.

    >>> [s.entities for s in read_bio(["Ông\\tO", "Nguyễn_Văn_A\\tB-PER", "", "Hà_Nội\\tB-LOC"])]
    [frozenset({('PER', 4, 16)}), frozenset({('LOC', 0, 6)})]
    """
    sentences: list[GoldSentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in [*lines, ""]:
        columns = line.split()
        if columns and not line.startswith("-DOCSTART-"):
            words.append(columns[0].replace("_", " "))
            tags.append(columns[tag_column])
            continue
        if words:
            sentences.append(_gold_sentence(words, tags))
            words, tags = [], []
    return sentences


def _gold_sentence(words: Sequence[str], tags: Sequence[str]) -> GoldSentence:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for word in words:
        spans.append((cursor, cursor + len(word)))
        cursor += len(word) + 1
    text = " ".join(words)
    return GoldSentence(text, frozenset((e.label.value, e.start, e.end)
                                        for e in entities_from_words(text, spans, tags)))


@dataclass
class Score:
    """True positives, false positives and false negatives per label."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))

    def add(self, gold: frozenset[Span], found: frozenset[Span]) -> None:
        for label, *_ in gold & found:
            self.tp[label] += 1
        for label, *_ in found - gold:
            self.fp[label] += 1
        for label, *_ in gold - found:
            self.fn[label] += 1

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of one label, or micro-averaged over all with None."""
        keys = LABELS if label is None else (label,)
        tp, fp, fn = (sum(d[k] for k in keys) for d in (self.tp, self.fp, self.fn))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


System = Callable[[str], list[Entity]]


def systems() -> dict[str, System]:
    """The three taggers compared, each text in, entities out, on the project's tokenizer."""
    from vnfigures.nlp.analysis import ner_tags, pos_tags
    from vnfigures.nlp.components import NerComponent
    from vnfigures.nlp.language import FIGURES_PIPE, build, warm_up
    from vnfigures.nlp.tokenizer import WORDS_KEY

    nlp = build(ner=False)
    nlp.remove_pipe(FIGURES_PIPE)
    warm_up()

    def component(exact: bool) -> System:
        ner = NerComponent(set_tags=False, exact=exact)
        return lambda text: list(ner(nlp.make_doc(text))._.entities)

    def labels_only(text: str) -> list[Entity]:
        doc = nlp.make_doc(text)
        found: list[Entity] = []
        for sentence in doc.user_data[WORDS_KEY]:
            words = [word for _, word in sentence]
            memo: dict[str, list[str]] = {}
            tags = ner_tags(words, pos_tags(words, memo), memo)
            spans = [(doc[i].idx, doc[i].idx + len(doc[i])) for i, _ in sentence]
            found.extend(entities_from_words(text, spans, tags))
        return found

    return {"underthesea": component(exact=True), "labels": labels_only, "project": component(exact=False)}


def measure(gold: Sequence[GoldSentence], named: dict[str, System]) -> dict[str, tuple[Score, float]]:
    """Each system's score and CPU seconds over the gold sentences (systems take turns per
    sentence, so a shared machine's load falls on all alike)."""
    results = {name: (Score(), 0.0) for name in named}
    for system in named.values():  # first calls fill caches (gazetteer, patterns): not timed
        system(gold[0].text if gold else "Hà Nội.")
    for sentence in gold:
        for name, system in named.items():
            start = time.process_time()
            found = system(sentence.text)
            spent = time.process_time() - start
            score, total = results[name]
            score.add(sentence.entities, frozenset((e.label.value, e.start, e.end) for e in found))
            results[name] = (score, total + spent)
    return results


def rules_seconds(gold: Sequence[GoldSentence], labels: System) -> float:
    """CPU seconds of `refine_entities` alone over the gold sentences' NER entities."""
    inputs = [(s.text, labels(s.text)) for s in gold]
    start = time.process_time()
    for text, entities in inputs:
        refine_entities(text, entities)
    return time.process_time() - start


def report(results: dict[str, tuple[Score, float]], sentences: int, rules: float) -> dict[str, object]:
    """Scores as plain data (for `--json` and the table)."""
    out: dict[str, object] = {"sentences": sentences, "rules_ms_per_sentence": 1000 * rules / max(sentences, 1)}
    for name, (score, seconds) in results.items():
        rows = {label: dict(zip(("p", "r", "f1"), score.prf(label)), gold=score.tp[label] + score.fn[label])
                for label in LABELS}
        rows["all"] = dict(zip(("p", "r", "f1"), score.prf()), gold=sum(r["gold"] for r in rows.values()))
        out[name] = {"labels": rows, "ms_per_sentence": 1000 * seconds / max(sentences, 1)}
    return out


def print_table(data: dict[str, object], title: str) -> None:
    table = Table(title=title)
    for column in ("system", "label", "gold", "P", "R", "F1"):
        table.add_column(column, justify="right")
    for name, value in data.items():
        if not isinstance(value, dict):
            continue
        for label, row in value["labels"].items():
            table.add_row(name, label, str(row["gold"]), *(f"{row[k]:.3f}" for k in ("p", "r", "f1")))
        table.add_section()
    console = Console()
    console.print(table)
    for name, value in data.items():
        if isinstance(value, dict):
            console.print(f"{name}: {value['ms_per_sentence']:.2f} CPU ms/sentence (tokenizer included)")
    console.print(f"entity rules alone: {data['rules_ms_per_sentence']:.3f} CPU ms/sentence")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vnfigures.bench.ner", description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="CoNLL/BIO file (word first, BIO tag last)")
    parser.add_argument("--tag-column", type=int, default=-1, help="column of the BIO tag (default: last)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        gold = read_bio(args.path.read_text(encoding="utf-8").splitlines(), args.tag_column)
    except (OSError, UnicodeDecodeError, IndexError) as error:
        print(f"cannot read {args.path}: {error}", file=sys.stderr)
        return 2
    named = systems()
    results = measure(gold, named)
    data = report(results, len(gold), rules_seconds(gold, named["labels"]))
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print_table(data, f"NER exact match — {args.path.name}, {len(gold)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
