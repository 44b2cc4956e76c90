"""Batch runs (`vnfig run`): run the step chain on workers over the inputs, write JSONL.

Inputs are read by `vnfigures.read` (the same reader the one-article API uses); the runner
only runs.

- `batch.run_batch(sources, RunOptions(...)) -> RunSummary` is the whole run: resume and
  duplicate gating, an engine, the output/failures/summary files, progress.
- Engines implement `executor.Executor`: `local.LocalExecutor` (in-process or a spawned
  process pool) and `dask_engine.DaskExecutor` (LocalCluster or a scheduler address). Both
  call `worker.process_record`, so their records are identical.
"""
