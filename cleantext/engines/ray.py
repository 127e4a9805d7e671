"""``--engine ray``: the same pipeline over a Ray cluster, into the local engine's shard folder.

The process you run (the driver) lists the inputs, hands batches of files to a pool of Ray actors,
and writes what comes back in input order, as it comes:

1. **List** (driver, ``listing.placed_files``): the inputs become files in local input order, each
   with the ordinal the local engine gives it (``Place.input``); folders are walked as the run goes.
2. **Clean** (cluster): one actor per CPU (or ``--jobs``), each holding one ``OutcomeRows`` built
   once (OpenCC and the rules load per actor, not per page). A call reads ``FILES_PER_BATCH``
   files, from paths or URIs every node can read, and returns one outcome row per page
   (``rows``): the JSON line of an article, a drop, or a failure. A bad page costs one failure
   row, an unreadable file one failure, as locally. Each actor cleans one batch at a time, and at
   most ``BATCHES_AHEAD`` batches per actor wait, cleaned, for an earlier one: the driver's memory
   is bounded however long the run.
3. **Settle and write** (driver): the batches are taken in input order; their rows go through
   ``rows.Tally`` (the local engine's ``Ledger``: the same Dedup, Stats and stderr lines) and the
   outcomes, with their places, to ``write.shards.ShardWriter``, the local engine's writer. So the
   shards and manifest are, byte for byte, a local run's; the first record is written as soon as
   the first batch is cleaned; and ``--resume`` continues a folder whichever engine wrote it.

Faults use Ray's own retries: an actor whose process dies is restarted (``max_restarts``) and the
batch it was cleaning is run again (``max_task_retries``), up to ``TASK_RETRIES`` times. The files
of a batch that still fails are cleaned once more, each alone, with no retry; a file that fails
then is reported as failed (one stderr line, counted, exit 1), never silently lost. A remote file
that cannot be read is read again up to ``TASK_RETRIES`` times in the actor, then is a failure.

What differs from the local engine: stdin cannot be an input; ``--strict`` cannot stop a cluster
mid-way (the run ends, then exits 1 if anything failed); each input file is read whole into a
worker's memory (split containers above a few GB); the shards are written by the driver, so ``-o``
is a folder on its machine (a shared file system on a cluster), not an object-store URI.

Importing this module raises ImportError when Ray is not installed; the CLI turns that into exit 2.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import ray
from ray.exceptions import RayError

from cleantext.config import Config
from cleantext.engines.listing import SCHEME_SEP, InputFile, placed_files
from cleantext.engines.rows import ITEM_BITS, MAX_FILES, OutcomeRows, Tally, failure_row, order_of
from cleantext.model import Failure
from cleantext.pipeline import Stats
from cleantext.read import InputsChanged, Place
from cleantext.read.streams import describe_os_error
from cleantext.runner import SigtermSeen, Terminated, sigterm_as_interrupt
from cleantext.stages import Stage
from cleantext.write.shards import ShardPlan, ShardProblem, ShardWriter, plan_shards
from cleantext.write.targets import OutputFailed, signals_held

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
FILES_PER_BATCH = 4  # files per actor call: small, so one large container does not hold back others
BATCHES_AHEAD = 4  # batches per actor cleaned (and held by the driver) ahead of the one it writes
TASK_RETRIES = 2  # runs after the first of a batch whose worker died, or of a failed remote read
ITEM_MASK = (1 << ITEM_BITS) - 1
LOST = (
    f"not cleaned: its Ray task failed {1 + TASK_RETRIES} times, then once more on its own"
    " (its worker died); nothing of this input was written"
)
SHARD_SUFFIXES = {"gzip": ".jsonl.gz", "zstd": ".jsonl.zst", "bz2": ".jsonl.bz2"}  # gzip: the local engine's

Batch = list[tuple[int, InputFile | Failure]]  # files with their ordinals; inputs not listed as failures


def run_on_ray(  # noqa: PLR0913 - the run's parts, as run_inputs takes them
    inputs: Sequence[str],
    config: Config,
    output_dir: str,
    stats_path: str | None = None,
    address: str | None = None,
    compression: str | None = None,
    errors: TextIO | None = None,
    stages: Sequence[Stage] | None = None,
) -> int:
    """``cleantext run --engine ray``: clean ``inputs`` into shards in ``output_dir``; the exit code.

    Connects to the cluster at ``address`` (``auto``, ``ray://host:10001``; None starts a local
    Ray, or joins the one ``RAY_ADDRESS`` names), unless this process is connected already.
    SIGTERM is handled as Ctrl-C: the shards taken so far are finished, the summary printed.
    ``stages``: the workers' per-page stages, as for ``clean_on_ray``.
    """
    errors = errors or sys.stderr
    problem = usage_problem(inputs, output_dir, compression)
    if problem:
        errors.write(f"cleantext: {problem}\n")
        return EXIT_USAGE
    try:
        plan = plan_shards(output_dir, config, list(inputs))
    except ShardProblem as exc:
        errors.write(f"cleantext: {exc}\n")
        return EXIT_USAGE
    job = RayRun(inputs, config, plan, compression=compression, errors=errors, stages=stages)
    code, ending = 0, ""
    try:
        # before the handler: ray.init waits inside Ray's C++ code, where a Python handler never runs,
        # so SIGTERM keeps its default there (the process ends; nothing was written yet)
        started = _connect(address)
    except ConnectionError as exc:  # no cluster there: nothing was read
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        errors.write(f"cleantext: cannot join the Ray cluster at {address or 'RAY_ADDRESS'}: {first}\n")
        return EXIT_USAGE
    seen = SigtermSeen()
    try:
        with sigterm_as_interrupt() as seen:
            try:
                job.run()
            finally:
                if started:
                    ray.shutdown()
    except KeyboardInterrupt as exc:
        terminated = seen.terminated or isinstance(exc, Terminated)  # ray.wait re-raises a plain one
        code, ending = (EXIT_TERMINATED, "; terminated") if terminated else (EXIT_INTERRUPTED, "; interrupted")
    except InputsChanged as exc:  # a resumed run found other inputs: nothing was written
        errors.write(f"cleantext: {exc}; start over with --force (without --resume)\n")
        return EXIT_USAGE
    except OutputFailed as exc:  # no space left, an I/O error: one line, exit 1
        errors.write(f"cleantext: {exc}\n")
        code = 1
    errors.write(job.stats.summary() + ending + "\n")
    if stats_path:
        job.stats.save(stats_path)
    return code or (1 if job.stats.failed else 0)


def clean_on_ray(  # noqa: PLR0913 - run_on_ray's parts, and a Python user's own stages
    inputs: Sequence[str],
    config: Config,
    output_dir: str,
    compression: str | None = None,
    errors: TextIO | None = None,
    workers: int | None = None,
    stages: Sequence[Stage] | None = None,
) -> Stats:
    """The run itself, on the Ray this process is connected to; the Stats of the run.

    ``workers`` is the size of the actor pool: ``config.jobs`` when set, else the cluster's CPUs.
    ``stages`` are the per-page stages the workers run (``PageCleaner``'s; by default ``config``'s).
    ShardProblem when the folder cannot be written or resumed as ``config`` asks.
    """
    job = RayRun(inputs, config, plan_shards(output_dir, config, list(inputs)), compression, errors, workers, stages)
    job.run()
    return job.stats


class RayRun:
    """One run into a shard folder: the actor pool, the driver's Tally and ShardWriter."""

    def __init__(  # noqa: PLR0913 - clean_on_ray's parts
        self,
        inputs: Sequence[str],
        config: Config,
        plan: ShardPlan,
        compression: str | None = None,
        errors: TextIO | None = None,
        workers: int | None = None,
        stages: Sequence[Stage] | None = None,
    ) -> None:
        self.inputs, self.config, self.plan, self.stages = list(inputs), config, plan, stages
        self.suffix = SHARD_SUFFIXES[compression or "gzip"]
        self.errors = errors or sys.stderr
        self.workers = workers
        self.tally = Tally(config, self.errors)

    @property
    def stats(self) -> Stats:
        return self.tally.stats

    def run(self) -> None:
        """Clean and write everything; an interruption (KeyboardInterrupt) is raised again once the
        shard being written is finished and listed, so a resumed run continues after it."""
        if self.config.strict:
            self.errors.write("cleantext: --strict does not stop a ray run early; failures are counted (exit 1)\n")
        after = self.plan.after
        if after is not None:
            kept = len(self.plan.earlier["shards"]) if self.plan.earlier else 0
            self.errors.write(f"cleantext: {self.plan.folder}: resuming after {after.name} ({kept} shard(s) kept)\n")
        stopped: KeyboardInterrupt | None = None
        with ShardWriter(self.plan, self.config, self.inputs, self.suffix) as writer:
            pool = _Pool(self.config, self.workers or self.config.jobs or _cluster_cpus(), self.stages)
            try:
                for place, row in self._rows(pool):
                    with signals_held():  # a record and its count, together
                        writer.take(self.tally.add(row), place, row["line"])
                writer.complete = True
            except KeyboardInterrupt as exc:
                stopped = exc
            finally:
                pool.close()
        if stopped is not None:
            raise stopped

    def _rows(self, pool: _Pool) -> Iterator[tuple[Place, dict[str, Any]]]:
        """Every outcome row, in input order, with its place; after the resumed place only."""
        after = self.plan.after
        for batch, cleaned in pool.in_order(self._batches()):
            for number, entry in batch:
                if isinstance(entry, Failure):
                    yield Place(number, 0, entry.uri), failure_row(order_of(number, 0), entry)
                    continue
                rows = cleaned.get(number)
                if rows is None:  # its worker died on every try
                    yield Place(number, 0, entry.uri), failure_row(order_of(number, 0), Failure(entry.uri, LOST))
                    continue
                for row in rows:
                    item = row["order"] & ITEM_MASK
                    if after is None or number > after.input or item > after.item:
                        yield Place(number, item, entry.uri), row

    def _batches(self) -> Iterator[Batch]:
        """The files to clean in batches, from the resumed input on (InputsChanged if it moved)."""
        after = self.plan.after
        batch: Batch = []
        for number, entry in placed_files(self.inputs):
            if number >= MAX_FILES:
                raise ValueError(f"more than {MAX_FILES - 1} files: at most that many per run")
            if after is not None and number < after.input:
                continue
            if after is not None and number == after.input and entry.uri != after.name:
                raise InputsChanged(f"input {number + 1} was {after.name}, now {entry.uri}: the inputs changed")
            batch.append((number, entry))
            if len(batch) == FILES_PER_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


class _Pool:
    """The cleaning actors, and the order in which their batches are taken."""

    def __init__(self, config: Config, workers: int, stages: Sequence[Stage] | None) -> None:
        cleaner = ray.remote(_Cleaner).options(num_cpus=1, max_restarts=-1, max_task_retries=TASK_RETRIES)
        self.actors: list[Any] = [cleaner.remote(config, stages) for _ in range(max(1, workers))]  # ActorHandles

    def close(self) -> None:
        """End the actors (on a shared cluster they would otherwise keep their CPUs)."""
        for actor in self.actors:
            ray.kill(actor)

    def in_order(self, batches: Iterator[Batch]) -> Iterator[tuple[Batch, dict[int, list[dict[str, Any]]]]]:
        """Each batch with its files' rows (a file whose worker died on every try has none), in the
        order given; batches are cleaned by whichever actor is free, at most ``BATCHES_AHEAD`` per
        actor ahead of the first one not yet given back."""
        idle = deque(self.actors)
        todo: deque[tuple[int, Batch]] = deque()  # read from ``batches``, not yet sent
        running: dict[Any, tuple[int, Batch, Any]] = {}  # ObjectRef → (index, batch, actor)
        done: dict[int, tuple[Batch, dict[int, list[dict[str, Any]]]]] = {}
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
                files = [(number, entry.uri, entry.location) for number, entry in batch if isinstance(entry, InputFile)]
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


def _alone(actor: Any, batch: Batch) -> dict[int, list[dict[str, Any]]]:
    """The files of a batch given up, each cleaned once more on its own (a task queued behind one
    that kills the worker would fail with it, so one at a time)."""
    cleaned: dict[int, list[dict[str, Any]]] = {}
    for number, entry in batch:
        if isinstance(entry, InputFile):
            try:
                once = actor.clean.options(max_task_retries=0)
                cleaned.update(ray.get(once.remote([(number, entry.uri, entry.location)])))
            except RayError:
                pass  # reported as LOST
    return cleaned


class _Cleaner:
    """The actor: one OutcomeRows (a PageCleaner) for its lifetime; files in, their rows out."""

    def __init__(self, config: Config, stages: Sequence[Stage] | None = None) -> None:
        self.rows = OutcomeRows(config, stages)

    def clean(self, files: list[tuple[int, str, str]]) -> dict[int, list[dict[str, Any]]]:
        """``files``: (ordinal, name in records, location); the outcome rows of each, by ordinal."""
        return {number: self._rows(number, uri, location) for number, uri, location in files}

    def _rows(self, number: int, uri: str, location: str) -> list[dict[str, Any]]:
        try:
            data = _read(location)
        except OSError as exc:
            return [failure_row(order_of(number, 0), Failure(uri, describe_os_error(exc)))]
        return list(self.rows.rows_of_file(number, uri, data))


def _read(location: str) -> bytes:
    """A file's bytes as stored (a .gz stays compressed: the read package opens it as locally)."""
    if SCHEME_SEP not in location:
        with open(location, "rb") as stream:
            return stream.read()
    from pyarrow import fs

    for attempt in range(1 + TASK_RETRIES):
        try:
            filesystem, path = fs.FileSystem.from_uri(location)
            with filesystem.open_input_stream(path, compression=None) as stream:
                return bytes(stream.readall())
        except OSError:
            if attempt == TASK_RETRIES:
                raise
            time.sleep(1 + attempt)
    raise AssertionError("unreachable")


def usage_problem(inputs: Sequence[str], output_dir: str, compression: str | None) -> str | None:
    """What is wrong with a ray run's arguments, said for a person, or None (the folder itself is
    checked by ``plan_shards``, as for the local engine)."""
    if "-" in inputs or not inputs:
        return "--engine ray cannot read stdin: give files, folders or URIs such as s3://bucket/pages/"
    if compression is not None and compression not in SHARD_SUFFIXES:
        return f"output compression must be one of gzip, zstd, bz2 (got {compression!r})"
    if SCHEME_SEP in output_dir:
        return (f"{output_dir}: --engine ray writes its shards from this machine: give a folder here "
                "(on a cluster, one on a shared file system), not a URI")
    return None


def _connect(address: str | None) -> bool:
    """Join (or start) Ray unless connected; True when this call did, so the caller disconnects."""
    if ray.is_initialized():
        return False
    ray.init(address=address, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    return True


def _cluster_cpus() -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def bench_ray(
    pages_dir: str, output_dir: str, config: Config | None = None, num_cpus: int = 2
) -> dict[str, Any]:
    """Time the ray engine on a folder of pages, Ray's start-up excluded; for ``make bench``.

    Starts a local Ray with ``num_cpus`` CPUs when none is connected (and stops it after).
    Returns ``{"pages": read, "written": …, "seconds": …, "pages_per_s": …, "startup_seconds": …}``.
    """
    start = time.perf_counter()
    started = _connect_local(num_cpus)
    ready = time.perf_counter()
    try:
        stats = clean_on_ray([pages_dir], config or Config(), output_dir, errors=sys.stderr)
    finally:
        if started:
            ray.shutdown()
    seconds = time.perf_counter() - ready
    return {
        "pages": stats.read,
        "written": stats.written,
        "seconds": round(seconds, 3),
        "pages_per_s": round(stats.read / seconds, 1) if seconds else 0.0,
        "startup_seconds": round(ready - start, 3),
    }


def _connect_local(num_cpus: int) -> bool:
    if ray.is_initialized():
        return False
    ray.init(num_cpus=num_cpus, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    return True
