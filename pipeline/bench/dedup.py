"""Near-duplicate detection: how well it finds copies.

    .venv/bin/python -m vnfigures.bench.dedup quality [--copies N] [--seeds 1,2,3]

What it costs a run is measured by `vnfigures.bench.throughput --dedup both` (each worker
count without and with detection, side by side, grouping included). `quality` builds a
corpus of republished copies from the shared raw texts (new titles, bylines, paragraphs
added or removed, truncation; several edits at once) and compares the pairs the grouping
puts together with the pairs whose exact shingle Jaccard reaches the threshold: pair
precision and recall, and the precision of the `duplicate_of` links themselves. Numbers for
a report, never assertions.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from rich.console import Console

from vnfigures.bench.throughput import DEFAULT_SOURCES
from vnfigures.dedup.config import load_config
from vnfigures.dedup.finalize import finalize
from vnfigures.dedup.shingles import jaccard, shingles
from vnfigures.schemas import Article

SHARED_TEXTS = DEFAULT_SOURCES[1]
EDITS = ("title", "byline", "add", "remove", "truncate")


def _republish(paragraphs: list[str], other: list[str], rng: random.Random) -> str:
    """A copy with one to three edits a republisher makes."""
    copy = list(paragraphs)
    for edit in rng.sample(EDITS, rng.randint(1, 3)):
        if edit == "title":
            copy[0] = "Tin mới: " + copy[0]
        elif edit == "byline":
            copy.append(rng.choice(["PV", "Minh Anh - Báo Cà Mau", "Theo TTXVN", "Hoàng Nam"]))
        elif edit == "add" and other:
            copy.insert(rng.randrange(len(copy) + 1), rng.choice(other))
        elif edit == "remove" and len(copy) > 2:
            copy.pop(rng.randrange(1, len(copy)))
        elif edit == "truncate":
            words = copy[-1].split()
            copy[-1] = " ".join(words[: max(1, len(words) * 2 // 3)])
    return "\n".join(copy)


def quality(args: argparse.Namespace, console: Console) -> dict[str, object]:
    """`quality_once` for every seed of `--seeds`, and the lowest precision and recall."""
    runs = [quality_once(args.copies, int(seed), console) for seed in args.seeds.split(",")]
    low = {"min_pair_precision": min(r["pair_precision"] for r in runs),
           "min_pair_recall": min(r["pair_recall"] for r in runs)}
    console.print(low)
    return {"seeds": runs, **low}


def quality_once(copies: int, seed: int, console: Console) -> dict[str, float]:
    """Pair precision and recall of the grouping against exact shingle Jaccard >= threshold."""
    from vnfigures.clean import clean_text

    rng = random.Random(seed)
    originals = {p.stem: clean_text(p.read_text(encoding="utf-8")).text for p in sorted(SHARED_TEXTS.glob("*.txt"))}
    originals = {k: v for k, v in originals.items() if v.strip()}
    texts = dict(originals)
    names = list(originals)
    for n in range(copies):
        source, donor = rng.choice(names), rng.choice(names)
        texts[f"copy{n:03d}-{source}"] = _republish(originals[source].split("\n"), originals[donor].split("\n"), rng)
    threshold = load_config().threshold
    sets = {k: shingles(v) for k, v in texts.items()}
    truth = {(a, b) for a, b in combinations(texts, 2) if jaccard(sets[a], sets[b]) >= threshold}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        out.write_text("".join(Article(id=k, text=v).model_dump_json() + "\n" for k, v in texts.items()), "utf-8")
        stats = finalize(out, Path(tmp) / "out.signatures", {k: i for i, k in enumerate(texts)}, threshold)
        lead = {r["id"]: r["duplicate_of"] or r["id"] for r in map(json.loads, out.read_text("utf-8").splitlines())}
    found = {(a, b) for a, b in combinations(texts, 2) if lead[a] == lead[b]}
    both = len(found & truth)
    links = {tuple(sorted((k, v), key=list(texts).index)) for k, v in lead.items() if k != v}
    wrong = found - truth
    result = {"seed": seed, "articles": len(texts), "copies": copies, "true_pairs": len(truth), "found_pairs": len(found),
              "pair_precision": round(both / len(found), 4) if found else 1.0,
              "pair_recall": round(both / len(truth), 4) if truth else 1.0,
              "link_precision": round(len(links & truth) / len(links), 4) if links else 1.0,
              "false_pairs_of_one_original": sum(_original(a) == _original(b) for a, b in wrong),
              "false_pairs": len(wrong), "grouping_seconds": stats.seconds}
    console.print(result)
    return result


def _original(name: str) -> str:
    """The shared text a copy was made from (`copy012-baomoi_3` -> `baomoi_3`)."""
    return name.split("-", 1)[1] if name.startswith("copy") else name


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    q = sub.add_parser("quality", parents=[common], help="pair precision/recall against exact Jaccard")
    q.add_argument("--copies", type=int, default=200, help="republished copies to make")
    q.add_argument("--seeds", default="1,2,3,4,5,17", help="comma-separated seeds of the edits")
    args = parser.parse_args(argv)
    console = Console(width=120)
    result = quality(args, console)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
