"""``--jobs N``: the per-page pipeline on worker processes, output in input order.

Each worker builds its PageCleaner once (OpenCC's dictionaries and compiled rules are loaded per
process, not per page). Pages travel in small batches to amortise pickling, and at most
``IN_FLIGHT_BATCHES`` batches are out at any time, so memory stays flat however long the input.

Ctrl-C reaches every process of the terminal's process group. Workers ignore SIGINT, so only the
parent handles it (one KeyboardInterrupt, no traceback from each worker, no broken pool); when
the parent stops early for any reason (Ctrl-C, ``--strict``, a closed pipe) the batches not yet
started are cancelled instead of cleaned, so it exits at once. The page timeout works in workers:
each runs PageCleaner in its main thread, where SIGALRM is delivered.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

from cleantext.config import Config
from cleantext.model import Failure, RawPage

if TYPE_CHECKING:
    from cleantext.pipeline import Cleaned

BATCH_PAGES = 8  # pages per task: large enough to amortise IPC, small enough to balance load
IN_FLIGHT_PER_JOB = 4  # batches queued per worker: keeps workers busy while bounding memory

_worker = None


def _init_worker(config: Config) -> None:
    global _worker  # noqa: PLW0603 - one cleaner per worker process, built once
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from cleantext.pipeline import PageCleaner

    _worker = PageCleaner(config)


def _clean_batch(batch: list[RawPage | Failure]) -> list[Cleaned]:
    assert _worker is not None
    return [_worker.clean_noted(page) for page in batch]


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """End the pool at once: cancel queued batches, end the workers, then join its threads.

    ``shutdown(wait=False)`` alone leaves the executor's manager thread running into interpreter
    exit, where it may write to an already closed pipe and print an ignored-exception traceback.
    Ending the workers first lets a waiting shutdown return immediately.
    """
    for process in list(getattr(pool, "_processes", {}).values()):  # CPython keeps them here
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def map_ordered(config: Config, pages: Iterable[RawPage | Failure], jobs: int) -> Iterator[Cleaned]:
    """Yield the outcome (and notice) of every page, in input order, cleaned on ``jobs`` processes."""
    it = iter(pages)
    window: deque[Future[list[Cleaned]]] = deque()
    limit = jobs * IN_FLIGHT_PER_JOB
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config,))
    try:
        while True:
            while len(window) < limit:
                batch = list(islice(it, BATCH_PAGES))
                if not batch:
                    break
                window.append(pool.submit(_clean_batch, batch))
            if not window:
                break
            yield from window.popleft().result()
    except BaseException:  # interrupted, or the consumer stopped: drop queued work, do not wait for it
        _stop_now(pool)
        raise
    pool.shutdown()
