"""Streaming: an engine pulls only a bounded window of articles ahead of what it has returned.

Memory stays flat however long the input: what is held at any time is the window of
articles in flight (plus one id per article for duplicate detection), never the input list.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from vnfigures.runner.local import IN_FLIGHT_PER_WORKER, LocalExecutor
from vnfigures.runner.worker import StepsSpec
from vnfigures.schemas import Article
from test_run_steps import FACTORY


class Counted:
    """An endless-looking stream of articles that counts how many were pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    def __iter__(self) -> Iterator[Article]:
        for i in range(self.total):
            self.pulled += 1
            yield Article(id=f"a{i}", raw=f"Có {i} hộ nghèo được hỗ trợ.", raw_format="text")


@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine_holds_a_bounded_window(workers: int) -> None:
    stream = Counted(400)
    window = 1 if workers == 1 else workers * IN_FLIGHT_PER_WORKER
    ahead = []
    with LocalExecutor(StepsSpec(FACTORY, ner=False), workers) as executor:
        for returned, _ in enumerate(executor.map(stream), start=1):
            ahead.append(stream.pulled - returned)
    assert stream.pulled == 400 and len(ahead) == 400
    assert max(ahead) <= window


def test_dask_engine_holds_a_bounded_window() -> None:
    distributed = pytest.importorskip("distributed")
    from vnfigures.runner.dask_engine import IN_FLIGHT_PER_THREAD, DaskExecutor

    stream = Counted(200)
    ahead = []
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as cluster:
        executor = DaskExecutor(StepsSpec(FACTORY, ner=False), scheduler=cluster.scheduler_address,
                                parts=None, partition_size=5)
        with executor:
            for returned, _ in enumerate(executor.map(stream), start=1):
                ahead.append(stream.pulled - returned)
    assert stream.pulled == 200 and len(ahead) == 200
    assert max(ahead) <= (2 * IN_FLIGHT_PER_THREAD + 1) * 5
