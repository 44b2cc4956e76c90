"""Count each fact once: near-duplicate articles across a run, repeated figures within one.

Across articles, in stages (as datatrove does), so that no text is held in memory:

1. **signature** — where an article is processed (the worker, on either engine), its cleaned
   text becomes a MinHash signature of its word shingles (`shingles.py`), appended to a side
   file of that process in `OUT.signatures/` (`store.py`);
2. **group** — once, at the end of the run, every signature goes into an LSH index;
   candidate pairs are confirmed by the exact Jaccard of their shingle sets and joined into
   groups (`group.py`);
3. **apply** — `duplicate_of` and `duplicates` are written into OUT.jsonl (an atomic
   rewrite) and the `--db` target (`finalize.py`).

Within an article, `mentions.py` points each repeated figure at its first mention.
"""
