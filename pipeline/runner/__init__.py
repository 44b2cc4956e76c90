"""Batch runs (`vnfig run`): run the step chain on workers over the inputs, write JSONL.

Inputs are read by `vnfigures.read` (the same reader the one-article API uses); the runner
only runs.

- `batch.run_batch(sources, RunOptions(...)) -> RunSummary` is the whole run: resume and
  duplicate gating, an engine, the output/failures/skipped/summary files, progress.
- `guard` keeps a run's outputs safe (never read back, never an input, never replaced
  unasked, one run per output); `stopping` turns Ctrl-C and SIGTERM into a clean stop;
  `reconcile` brings a `--db` target level with OUT.jsonl on resume; `cpus` sizes the pool.
- Engines implement `executor.Executor`: `local.LocalExecutor` (in-process or a spawned
  process pool, with per-article time limits and worker recycling) and `dask_engine.DaskExecutor` (LocalCluster or a scheduler address). Both
  call `worker.process_record`, so their records are identical.
"""
