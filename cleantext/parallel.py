"""``--jobs N``: the per-page pipeline on worker processes, output in input order.

Each worker builds its PageCleaner once (OpenCC's dictionaries and compiled rules are loaded per
process, not per page). Pages travel in small batches to amortise pickling, and at most
``IN_FLIGHT_BATCHES`` batches are out at any time, so memory stays flat however long the input.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from cleantext.config import Config
from cleantext.model import Failure, Outcome, RawPage

BATCH_PAGES = 8  # pages per task: large enough to amortise IPC, small enough to balance load
IN_FLIGHT_PER_JOB = 4  # batches queued per worker: keeps workers busy while bounding memory

_worker = None


def _init_worker(config: Config) -> None:
    global _worker  # noqa: PLW0603 - one cleaner per worker process, built once
    from cleantext.pipeline import PageCleaner

    _worker = PageCleaner(config)


def _clean_batch(batch: list[RawPage | Failure]) -> list[Outcome]:
    assert _worker is not None
    return [_worker(page) for page in batch]


def map_ordered(config: Config, pages: Iterable[RawPage | Failure], jobs: int) -> Iterator[Outcome]:
    """Yield the outcome of every page, in input order, cleaned on ``jobs`` processes."""
    it = iter(pages)
    window: deque[Future[list[Outcome]]] = deque()
    limit = jobs * IN_FLIGHT_PER_JOB
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config,)) as pool:
        while True:
            while len(window) < limit:
                batch = list(islice(it, BATCH_PAGES))
                if not batch:
                    break
                window.append(pool.submit(_clean_batch, batch))
            if not window:
                return
            yield from window.popleft().result()
