"""``--jobs N``: the per-page pipeline on worker processes, output in input order.

Each worker receives the per-page function once, pickled with its stages (``PageCleaner.clean_noted``:
OpenCC's dictionaries and compiled rules are loaded per process, not per page); this module knows
nothing of what the function does, so it imports nothing of the pipeline. Pages travel in small
batches to amortise pickling, and at most
``IN_FLIGHT_BATCHES`` batches are out at any time, so memory stays flat however long the input.

Ctrl-C reaches every process of the terminal's process group. Workers ignore SIGINT, so only the
parent handles it (one KeyboardInterrupt, no traceback from each worker, no broken pool); when
the parent stops early for any reason (Ctrl-C, ``--strict``, a closed pipe) the batches not yet
started are cancelled instead of cleaned, and the few already handed to workers (at most one per
worker, plus one queued) are let finish, so it exits within a second or so. Ending workers while
they run is the last resort, after ``STOP_GRACE_S``: a worker killed while it sends a result
leaves half a message in the result pipe, and the pool's manager thread then waits for the rest
forever (seen about once in 60 ``--strict`` stops when workers were ended at once). The page
timeout works in workers: each runs the function in its main thread, where SIGALRM is delivered.

A parent that dies without a word (``kill -9``, the out-of-memory killer) cannot stop its pool, and
its workers would wait on their task pipe forever, holding the output's temporary file open. So each
worker watches its parent: a daemon thread notes the parent's pid when the worker starts and polls
``os.getppid()``; once it differs (the worker was re-parented to init or a subreaper), the worker
ends itself within ``ORPHAN_POLL_S``. SIGTERM, like SIGINT, is the parent's to handle: workers ignore
both, and the last resort ends them with SIGKILL.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

T = TypeVar("T")  # what the function returns for one item

BATCH_PAGES = 8  # pages per task: large enough to amortise IPC, small enough to balance load
IN_FLIGHT_PER_JOB = 4  # batches queued per worker: keeps workers busy while bounding memory
STOP_GRACE_S = 5.0  # seconds the batches already started get to finish when the run stops early
ORPHAN_POLL_S = 0.25  # seconds between a worker's checks that its parent is still alive
ORPHAN_EXIT = 70  # a worker's exit status when it ends itself because its parent died (EX_SOFTWARE)

_worker: Callable[[Any], Any] | None = None


class _Starter:
    """The pool's multiprocessing context (``mp_context``), keeping the worker processes it starts,
    so that a stop can end them as a last resort; everything else is the default context's."""

    def __init__(self) -> None:
        self.context = multiprocessing.get_context()
        self.started: list[BaseProcess] = []

    def Process(self, *args: Any, **kwargs: Any) -> BaseProcess:  # the context's own name
        process = self.context.Process(*args, **kwargs)
        self.started.append(process)
        return process

    def __getattr__(self, name: str) -> Any:
        return getattr(self.context, name)


def _init_worker(function: Callable[[Any], Any]) -> None:
    global _worker  # noqa: PLW0603 - one per worker process, unpickled once
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # as is SIGTERM (kill, timeout, a scheduler)
    watch_parent()
    _worker = function


def watch_parent(interval: float = ORPHAN_POLL_S) -> threading.Thread:
    """Start a daemon thread that ends this process once its parent is gone (it was re-parented).

    A forked worker whose parent died before this ran has been re-parented already: it ends at once.
    """
    parent = os.getppid()
    starter = multiprocessing.parent_process()
    if starter is not None and starter.pid != parent and multiprocessing.get_start_method() == "fork":
        os._exit(ORPHAN_EXIT)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(ORPHAN_EXIT)  # nothing of this worker's is worth finishing: its results have no reader

    thread = threading.Thread(target=watch, name="cleantext-parent-watch", daemon=True)
    thread.start()
    return thread


def _clean_batch(batch: list[Any]) -> list[Any]:
    assert _worker is not None
    return [_worker(item) for item in batch]


def _stop_now(pool: ProcessPoolExecutor, window: Iterable[Future[list[Any]]], starter: _Starter) -> None:
    """End the pool early: cancel the batches not started, let the started ones finish, shut down.

    Workers still busy after ``STOP_GRACE_S`` are ended (a long page in a batch): one killed in
    the middle of cleaning holds no half-sent result, so the shutdown can still complete. They
    ignore SIGTERM, so SIGKILL it is.
    """
    pending = [future for future in window if not future.cancel()]  # cancel() fails once started
    _done, busy = wait(pending, timeout=STOP_GRACE_S)
    if busy:
        for process in starter.started:
            if process.is_alive():
                process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def map_ordered(function: Callable[[Any], T], items: Iterable[Any], jobs: int) -> Iterator[T]:
    """Yield ``function(item)`` for every item, in input order, computed on ``jobs`` processes.

    ``function`` must pickle (a module-level function, or a bound method of an object that does).
    """
    it = iter(items)
    window: deque[Future[list[T]]] = deque()
    limit = jobs * IN_FLIGHT_PER_JOB
    starter = _Starter()
    context = cast("BaseContext", starter)  # a context in all but its class
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(function,))
    try:
        while True:
            while len(window) < limit:
                batch = list(islice(it, BATCH_PAGES))
                if not batch:
                    break
                window.append(pool.submit(_clean_batch, batch))
            if not window:
                break
            done = window[0].result()  # the head stays in the window while it is awaited
            window.popleft()
            yield from done
    except BaseException:  # interrupted, or the consumer stopped: drop queued work, finish started work
        _stop_now(pool, window, starter)
        raise
    pool.shutdown()
