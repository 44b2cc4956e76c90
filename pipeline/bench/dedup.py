"""Near-duplicate detection: how well it finds copies.

    .venv/bin/python -m vnfigures.bench.dedup quality [--copies N] [--seeds 1,2,3]

What it costs a run is measured by `vnfigures.bench.throughput --dedup both` (each worker
count without and with detection, side by side, grouping included). `quality` builds a
corpus of republished copies from the shared raw texts (new titles, bylines, paragraphs
added or removed, truncation; several edits at once) and compares the pairs the grouping
puts together with the pairs whose exact shingle Jaccard reaches the threshold: pair
precision and recall, and the precision of the `duplicate_of` links themselves. Numbers for
a report, never assertions.

    .venv/bin/python -m vnfigures.bench.dedup corpus DIR [--thresholds 0.8,0.7] [--run OUT.jsonl]

`corpus` does the same on a folder of real texts (`.txt`, read, cleaned and normalized as
`vnfig run` does before signing; ids are paths under DIR without the suffix). A text in a subfolder
belongs to that subfolder's cluster (a multi-document corpus: one folder per event), which
the report uses only to say where the true pairs are (inside a cluster or across) and how
the groups fall against the clusters. The truth is every pair whose exact shingle Jaccard
reaches the threshold. With `--run OUT.jsonl` the groups are the
`duplicate_of` of that run's records (scored as a user gets them, the truth computed on the
records' own texts) instead of a fresh grouping; DIR is then not read. `--pairs` lists the
missed and the false pairs with their Jaccard. `--from-csv FILE.csv` first writes the articles
of a cluster-per-row CSV (a multi-document summarization corpus: `document` holds a cluster's
articles joined by ` ||||| `) into DIR, one folder per row. The truth compares every pair (a text only
with texts at most 1/threshold its size): fine for thousands of texts, not for millions.
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
    lead, seconds = group_texts(texts, threshold)
    scores = score_pairs(list(texts), truth, lead)
    wrong = scores.pop("false")
    scores.pop("missed")
    result = {"seed": seed, "articles": len(texts), "copies": copies, **scores,
              "false_pairs_of_one_original": sum(_original(a) == _original(b) for a, b in wrong),
              "false_pairs": len(wrong), "grouping_seconds": seconds}
    console.print(result)
    return result


def group_texts(texts: dict[str, str], threshold: float) -> tuple[dict[str, str], float]:
    """Every id's group leader (itself when alone) as the run's grouping gives it, and its seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        out.write_text("".join(Article(id=k, text=v).model_dump_json() + "\n" for k, v in texts.items()), "utf-8")
        stats = finalize(out, Path(tmp) / "out.signatures", {k: i for i, k in enumerate(texts)}, threshold)
        return _leads(out), stats.seconds


def _leads(output: Path) -> dict[str, str]:
    """id -> the id of its group's first article, from the records of a run's OUT.jsonl."""
    records = (json.loads(line) for line in output.read_text("utf-8").splitlines() if line.strip())
    return {r["id"]: r.get("duplicate_of") or r["id"] for r in records if isinstance(r.get("id"), str)}


def score_pairs(ids: list[str], truth: set[tuple[str, str]], lead: dict[str, str]) -> dict:
    """Pair precision and recall of the groups (`lead`) against `truth` (pairs in `ids` order).

    Also the precision of the `duplicate_of` links alone, and the false and missed pairs.
    """
    position = {k: i for i, k in enumerate(ids)}
    members: dict[str, list[str]] = {}
    for k in ids:
        members.setdefault(lead.get(k, k), []).append(k)
    found = {(a, b) for group in members.values() for a, b in combinations(group, 2)}
    links = {tuple(sorted((k, v), key=position.__getitem__)) for k, v in lead.items()
             if k != v and k in position and v in position}  # a lead outside `ids` (a subset scored) is no link
    both = len(found & truth)
    return {"true_pairs": len(truth), "found_pairs": len(found),
            "pair_precision": round(both / len(found), 4) if found else 1.0,
            "pair_recall": round(both / len(truth), 4) if truth else 1.0,
            "link_precision": round(len(links & truth) / len(links), 4) if links else 1.0,
            "false": sorted(found - truth), "missed": sorted(truth - found)}


def read_corpus(folder: Path) -> dict[str, str]:
    """id -> text of every `.txt` under `folder`, read, named, cleaned and normalized as `vnfig run`
    does before it signs a text (a text the run would fail, such as a list page, is left out)."""
    from vnfigures.clean import clean_text
    from vnfigures.errors import ArticleError
    from vnfigures.normalize import normalize_text
    from vnfigures.read.inputs import read_file

    texts = {}
    for path in sorted(folder.rglob("*.txt")):
        article_id = path.relative_to(folder).with_suffix("").as_posix()
        try:
            texts[article_id] = normalize_text(clean_text(read_file(path, article_id).raw or "").text)
        except ArticleError:
            continue
    return texts


#: How a multi-document summarization CSV (one row per cluster) separates a cluster's articles.
MDS_SEPARATOR = " ||||| "


def split_mds_csv(source: Path, folder: Path, column: str = "document", separator: str = MDS_SEPARATOR) -> int:
    """Write each article of a cluster-per-row CSV as `folder/rNNNNN/dNNN.txt`; return how many.

    WHY: a public MDS corpus (such as mews-mds.csv) ships clusters as rows, `vnfig run` reads
    files; one folder per row keeps the cluster, so `corpus` can say where the pairs are.
    """
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)  # one cluster's articles in one field
    written = 0
    with open(source, encoding="utf-8", newline="") as handle:
        for row_number, row in enumerate(csv.DictReader(handle)):
            for doc_number, text in enumerate(t.strip() for t in (row.get(column) or "").split(separator)):
                if text:
                    path = folder / f"r{row_number:05d}" / f"d{doc_number:03d}.txt"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text + "\n", encoding="utf-8")
                    written += 1
    return written


def run_texts(output: Path) -> dict[str, str]:
    """id -> text of every record of a run's OUT.jsonl: the very text the run signed."""
    records = (json.loads(line) for line in output.read_text("utf-8").splitlines() if line.strip())
    return {r["id"]: r.get("text") or "" for r in records if isinstance(r.get("id"), str)}


def cluster_of(article_id: str) -> str:
    """The cluster of an article: its first folder under DIR (`c012/a3` -> `c012`), else itself."""
    return article_id.split("/", 1)[0]


def pair_jaccards(texts: dict[str, str], floor: float) -> dict[tuple[str, str], float]:
    """Every pair (in input order) whose exact shingle Jaccard is at least `floor`.

    WHY the sizes are sorted first: J(A, B) <= |A| / |B| for |A| <= |B|, so a text is only
    compared with texts at most 1/floor times its size; the answer is still exact.
    """
    sets = {k: shingles(v) for k, v in texts.items()}
    position = {k: i for i, k in enumerate(texts)}
    by_size = sorted((k for k in texts if sets[k]), key=lambda k: len(sets[k]))
    found: dict[tuple[str, str], float] = {}
    for i, a in enumerate(by_size):
        for b in by_size[i + 1:]:
            if floor > 0 and len(sets[a]) < floor * len(sets[b]):
                break
            value = jaccard(sets[a], sets[b])
            if value >= floor:
                found[tuple(sorted((a, b), key=position.__getitem__))] = value  # type: ignore[index]
    return found


#: Lower ends of the bins the report counts pairs in (a pair falls in the highest it reaches).
JACCARD_BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def _bins(values: Sequence[float]) -> dict[str, int]:
    counts = {f">={b}": 0 for b in JACCARD_BINS}
    for value in values:
        reached = [b for b in JACCARD_BINS if value >= b - 1e-12]
        if reached:
            counts[f">={reached[-1]}"] += 1
    return counts


def corpus_report(texts: dict[str, str], thresholds: Sequence[float], run: Path | None = None,
                  pairs: bool = False) -> dict:
    """Pairs by Jaccard, and for each threshold the groups scored against the exact pairs."""
    ids = list(texts)
    clusters = {k: cluster_of(k) for k in ids}
    near = pair_jaccards(texts, min((*thresholds, JACCARD_BINS[0])))
    inside = [v for (a, b), v in near.items() if clusters[a] == clusters[b]]
    across = [v for (a, b), v in near.items() if clusters[a] != clusters[b]]
    report: dict = {"articles": len(ids), "clusters": len(set(clusters.values())),
                    "pairs": len(ids) * (len(ids) - 1) // 2,
                    "pairs_by_jaccard_inside_clusters": _bins(inside),
                    "pairs_by_jaccard_across_clusters": _bins(across), "thresholds": []}
    for threshold in thresholds:
        truth = {pair for pair, value in near.items() if value >= threshold}
        lead = _leads(run) if run is not None else group_texts(texts, threshold)[0]
        scores = score_pairs(ids, truth, lead)
        wrong, missed = scores.pop("false"), scores.pop("missed")
        groups: dict[str, list[str]] = {}
        for k in ids:
            groups.setdefault(lead.get(k, k), []).append(clusters[k])
        row = {"threshold": threshold, **scores,
               "true_pairs_across_clusters": sum(clusters[a] != clusters[b] for a, b in truth),
               "groups_of_two_or_more": sum(len(c) > 1 for c in groups.values()),
               "groups_spanning_clusters": sum(len(set(c)) > 1 for c in groups.values())}
        if pairs:
            row["false"] = [(a, b, round(jaccard(shingles(texts[a]), shingles(texts[b])), 4)) for a, b in wrong]
            row["missed"] = [(a, b, round(near[(a, b)], 4)) for a, b in missed]
        report["thresholds"].append(row)
    return report


def corpus(args: argparse.Namespace, console: Console) -> dict:
    """`corpus_report` on the texts of `args.folder`."""
    thresholds = [float(t) for t in args.thresholds.split(",")]
    if args.run is not None and len(thresholds) != 1:
        raise SystemExit("--run scores one run: give the one threshold it was run with")
    if args.from_csv is not None:
        console.print(f"{split_mds_csv(args.from_csv, args.folder, args.column)} articles written to {args.folder}")
    texts = read_corpus(args.folder) if args.run is None else run_texts(args.run)
    result = corpus_report(texts, thresholds, args.run, args.pairs)
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
    c = sub.add_parser("corpus", parents=[common], help="the same on a folder of texts (subfolders = clusters)")
    c.add_argument("folder", type=Path, help="folder of .txt texts, one subfolder per cluster")
    c.add_argument("--thresholds", default=str(load_config().threshold), help="comma-separated thresholds")
    c.add_argument("--run", type=Path, help="score the duplicate_of of this vnfig run's OUT.jsonl instead")
    c.add_argument("--pairs", action="store_true", help="list the false and the missed pairs")
    c.add_argument("--from-csv", type=Path, help="first split this cluster-per-row CSV into FOLDER (rNNNNN/dNNN.txt)")
    c.add_argument("--column", default="document", help=f"the CSV column of articles joined by {MDS_SEPARATOR.strip()!r}")
    args = parser.parse_args(argv)
    console = Console(width=120)
    result = quality(args, console) if args.what == "quality" else corpus(args, console)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
