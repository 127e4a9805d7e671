"""The Ray side of ``--engine ray``: joining the cluster, the pool of cleaning actors, the actor.

Imported by ``engines.ray`` only once the driver has cleaned its first pages itself, since
``import ray`` alone takes over a second; everything here needs Ray.
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

import ray
from ray.exceptions import RayError

from cleantext.config import Config
from cleantext.engines.listing import TASK_RETRIES, Batch, InputFile, read_bytes
from cleantext.engines.rows import OutcomeRows, failure_row, order_of
from cleantext.model import Failure
from cleantext.read.streams import describe_os_error
from cleantext.stages import Stage

BATCHES_AHEAD = 4  # batches per actor cleaned (and held by the driver) ahead of the one it writes
PROBE_SECONDS = 10.0  # how long a cluster's address may take to accept a connection

Cleaned = dict[int, list[dict[str, Any]]]  # a batch's rows by file ordinal (none: the file was lost)


def connected() -> bool:
    return ray.is_initialized()


def connect(address: str | None) -> None:
    """Join the cluster at ``address`` (``auto``, ``ray://host:10001``; None starts a local Ray, or
    joins the one ``RAY_ADDRESS`` names). ConnectionError when there is none.

    ``ray.init`` in the main thread puts a SIGTERM handler of its own (it exits) in place of the
    run's; the run's is put back after, and a SIGTERM that Ray's handler took while connecting is
    handed to it, so it ends the run as it would at any other moment.
    """
    probe(address)
    main = threading.current_thread() is threading.main_thread()
    handler = signal.getsignal(signal.SIGTERM) if main else None
    try:
        ray.init(address=address, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    except SystemExit as exc:  # Ray's handler: sys.exit(SIGTERM)
        if exc.code == signal.SIGTERM and callable(handler):
            handler(signal.SIGTERM, None)  # the run's: raises Terminated
        raise
    finally:
        if handler is not None:
            signal.signal(signal.SIGTERM, handler)


def probe(address: str | None, timeout: float = PROBE_SECONDS) -> None:
    """ConnectionError when nothing accepts a connection at a ``host:port`` or ``ray://host:port``
    address. ``ray.init`` keeps retrying such an address for minutes; one TCP connection tells at
    once. Other addresses (None, ``auto``, ``local``) are left to Ray."""
    if not address:
        return
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not host or not port.isdigit():
        return
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConnectionError(f"nothing answers at {host}:{port} ({reason})") from exc


def connect_local(num_cpus: int) -> None:
    """Start a local Ray with ``num_cpus`` CPUs."""
    ray.init(num_cpus=num_cpus, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)


def disconnect() -> None:
    ray.shutdown()


def cluster_cpus() -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class Pool:
    """The cleaning actors, and the order in which their batches are taken."""

    def __init__(self, config: Config, workers: int, stages: Sequence[Stage] | None) -> None:
        cleaner = ray.remote(Cleaner).options(num_cpus=1, max_restarts=-1, max_task_retries=TASK_RETRIES)
        self.actors: list[Any] = [cleaner.remote(config, stages) for _ in range(max(1, workers))]  # ActorHandles
        self._hellos = [actor.hello.remote() for actor in self.actors]  # answered once an actor is built
        self._answered = False

    def answered(self) -> bool:
        """Whether an actor has been built and answered (without waiting)."""
        if not self._answered:
            ready, _ = ray.wait(self._hellos, num_returns=1, timeout=0)
            self._answered = bool(ready)
        return self._answered

    def close(self) -> None:
        """End the actors (on a shared cluster they would otherwise keep their CPUs)."""
        for actor in self.actors:
            ray.kill(actor)

    def in_order(self, batches: Iterator[Batch]) -> Iterator[tuple[Batch, Cleaned]]:
        """Each batch with its files' rows (a file whose worker died on every try has none), in the
        order given; batches are cleaned by whichever actor is free, at most ``BATCHES_AHEAD`` per
        actor ahead of the first one not yet given back."""
        idle = deque(self.actors)
        todo: deque[tuple[int, Batch]] = deque()  # read from ``batches``, not yet sent
        running: dict[Any, tuple[int, Batch, Any]] = {}  # ObjectRef → (index, batch, actor)
        done: dict[int, tuple[Batch, Cleaned]] = {}
        held = BATCHES_AHEAD * len(self.actors)
        given = read = 0  # batches given back, and read from ``batches``
        more = True
        while True:
            while more and read - given < held:
                batch = next(batches, None)
                if batch is None:
                    more = False
                else:
                    todo.append((read, batch))
                    read += 1
            while todo and idle:
                index, batch = todo.popleft()
                files = _files(batch)
                if files:
                    actor = idle.popleft()
                    running[actor.clean.remote(files)] = (index, batch, actor)
                else:
                    done[index] = (batch, {})
            if given in done:
                yield done.pop(given)
                given += 1
                continue
            if not running:
                return
            [ref], _ = ray.wait(list(running), num_returns=1)
            index, batch, actor = running.pop(ref)
            try:
                done[index] = (batch, ray.get(ref))
            except RayError:  # its worker died 1 + TASK_RETRIES times
                done[index] = (batch, _alone(actor, batch))
            idle.append(actor)


def _files(batch: Batch) -> list[tuple[int, str, str, int]]:
    """What an actor is sent of a batch: (ordinal, name in records, location, first item)."""
    return [(number, file.uri, file.location, first) for number, file, first in batch if isinstance(file, InputFile)]


def _alone(actor: Any, batch: Batch) -> Cleaned:
    """The files of a batch given up, each cleaned once more on its own (a task queued behind one
    that kills the worker would fail with it, so one at a time)."""
    cleaned: Cleaned = {}
    for file in _files(batch):
        try:
            once = actor.clean.options(max_task_retries=0)
            cleaned.update(ray.get(once.remote([file])))
        except RayError:
            pass  # reported as lost
    return cleaned


class Cleaner:
    """The actor: one OutcomeRows (a PageCleaner) for its lifetime; files in, their rows out."""

    def __init__(self, config: Config, stages: Sequence[Stage] | None = None) -> None:
        self.rows = OutcomeRows(config, stages)

    def hello(self) -> bool:
        """Answered once the actor is built: the pool can take batches."""
        return True

    def clean(self, files: list[tuple[int, str, str, int]]) -> Cleaned:
        """``files``: (ordinal, name in records, location, first item); the outcome rows of each, by ordinal."""
        return {number: self._rows(number, uri, location, first) for number, uri, location, first in files}

    def _rows(self, number: int, uri: str, location: str, first: int) -> list[dict[str, Any]]:
        try:
            data = read_bytes(location)
        except OSError as exc:
            return [failure_row(order_of(number, first), Failure(uri, describe_os_error(exc)))]
        return list(self.rows.rows_of_file(number, uri, data, first))
