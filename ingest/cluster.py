"""The batch on a Dask cluster: ``--scheduler tcp://HOST:8786`` or ``local``.

The client streams the input (already-stored documents skipped), submits
chunks as tasks -- at most two per worker thread in flight, so its memory
stays flat -- and writes results as they come back, exactly as the local
``--jobs`` run does. Each worker process loads the pipeline once (on its
first chunk) and keeps it. Workers of a remote cluster need this project and
its gazetteer cache installed; they need no access to the input or the store.
"""
from __future__ import annotations

import itertools
import logging
from typing import Callable, Iterable, Iterator, Optional

IN_FLIGHT_PER_THREAD = 2


def local_cluster(n_workers: int):
    """A LocalCluster of *n_workers* processes with one thread each, no dashboard."""
    from dask.distributed import LocalCluster

    return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.ERROR)


def run_dask(chunks: Iterable[list[dict]], scheduler: str, jobs: int = 2,
             work: Optional[Callable] = None) -> Iterator[list]:
    """Results of *work* (default ``extract_chunk``) for each chunk, as they complete."""
    from dask.distributed import Client, as_completed

    from ingest.work import extract_chunk

    work = work or extract_chunk
    chunks = iter(chunks)
    first = next(chunks, None)
    if first is None:          # nothing to extract: no cluster needed
        return
    cluster = local_cluster(max(jobs, 1)) if scheduler == "local" else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        threads = sum(client.nthreads().values()) or 1
        window = threads * IN_FLIGHT_PER_THREAD
        running = as_completed()
        for chunk in itertools.chain([first], chunks):
            running.add(client.submit(work, chunk, pure=False))
            while running.count() >= window:
                yield _take(running)
        while running.count():
            yield _take(running)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(running) -> list:
    future = next(running)
    try:
        return future.result()
    finally:
        future.release()
