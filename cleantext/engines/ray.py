"""``--engine ray``: the same pipeline over a Ray cluster, into the local engine's shard folder.

The process you run (the driver) lists the inputs, cleans the first pages itself while Ray starts,
hands the other files, in batches, to a pool of Ray actors, and writes what comes back in input
order, as it comes:

1. **List** (driver, ``listing.placed_files``): the inputs become files in local input order, each
   with the ordinal the local engine gives it (``Place.input``); folders are walked as the run goes.
2. **First pages** (driver): joining costs seconds before an actor can clean anything (``import
   ray`` alone over one, then a worker process per actor that imports Ray and cleantext), so the
   driver does not wait: it cleans the first pages with its own ``OutcomeRows`` (the actors' stage
   sequence, so the same rows) for ``ALONE_SECONDS``, then imports Ray, joins and starts the pool,
   and cleans on, page by page, until an actor has answered (``DRIVER_PAGES`` pages at most). The
   first records are on disk well before Ray is; the rest of the file it was in goes to the pool
   from the next page on. A page that raises is a counted failure here exactly as on an actor.
3. **Clean** (cluster, ``raypool.Pool``): one actor per CPU (or ``--jobs``), each holding one
   ``OutcomeRows`` built once (OpenCC and the rules load per actor, not per page). A call reads
   ``FILES_PER_BATCH`` files, from paths or URIs every node can read, and returns one outcome row
   per page (``rows``): the JSON line of an article, a drop, or a failure. A bad page costs one
   failure row, an unreadable file one failure, as locally. Each actor cleans one batch at a time,
   and at most ``BATCHES_AHEAD`` batches per actor wait, cleaned, for an earlier one: the driver's
   memory is bounded however long the run.
4. **Settle and write** (driver): the rows are taken in input order (the driver's first); they go
   through ``rows.Tally`` (the local engine's ``Ledger``: the same Dedup, Stats and stderr lines)
   and the outcomes, with their places, to ``write.shards.ShardWriter``, the local engine's
   writer. So the shards and manifest are, byte for byte, a local run's, and ``--resume``
   continues a folder whichever engine wrote it (a resumed file is cleaned from its next item).

Faults use Ray's own retries: an actor whose process dies is restarted (``max_restarts``) and the
batch it was cleaning is run again (``max_task_retries``), up to ``TASK_RETRIES`` times. The files
of a batch that still fails are cleaned once more, each alone, with no retry; a file that fails
then is reported as failed (one stderr line, counted, exit 1), never silently lost. A remote file
that cannot be read is read again up to ``TASK_RETRIES`` times, then is a failure.

When there is no cluster at the address, the run stops with one line and exit 2 once it tries to
join, after the driver's first pages: those stay in finished, listed shards (the manifest says the
run is not complete), so ``--resume`` continues from them once the cluster is up. A ``host:port``
address is tried with one TCP connection first (``raypool.probe``), since ``ray.init`` would retry
it for minutes; a run whose pages the driver cleaned all by itself never joins.

What differs from the local engine: stdin cannot be an input; ``--strict`` cannot stop a cluster
mid-way (the run ends, then exits 1 if anything failed); each input file is read whole into a
worker's memory (split containers above a few GB); the shards are written by the driver, so ``-o``
is a folder on its machine (a shared file system on a cluster), not an object-store URI.

Importing this module raises ImportError when Ray is not installed (the CLI turns that into exit
2), yet does not import Ray: ``engines.raypool`` does, when the driver joins.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
import time
from collections.abc import Generator, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, TextIO

from cleantext.config import Config
from cleantext.engines.listing import SCHEME_SEP, TASK_RETRIES, Batch, InputFile, placed_files, read_bytes
from cleantext.engines.rows import ITEM_BITS, MAX_FILES, OutcomeRows, Tally, failure_row, order_of
from cleantext.model import Failure
from cleantext.pipeline import Stats
from cleantext.read import InputsChanged, Place
from cleantext.read.streams import describe_os_error
from cleantext.runner import SigtermSeen, Terminated, sigterm_as_interrupt
from cleantext.stages import Stage
from cleantext.write.shards import ShardPlan, ShardProblem, ShardWriter, plan_shards
from cleantext.write.targets import OutputFailed, signals_held

if TYPE_CHECKING:
    from cleantext.engines.raypool import Pool

if importlib.util.find_spec("ray") is None:
    raise ImportError("No module named 'ray'", name="ray")

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
FILES_PER_BATCH = 4  # files per actor call: small, so one large container does not hold back others
ALONE_SECONDS = 0.5  # the driver cleans this long before it imports Ray: the first records come at once
DRIVER_PAGES = 64  # pages the driver cleans at most while the pool starts; the rest is the cluster's
ITEM_MASK = (1 << ITEM_BITS) - 1
LOST = (
    f"not cleaned: its Ray task failed {1 + TASK_RETRIES} times, then once more on its own"
    " (its worker died); nothing of this input was written"
)
SHARD_SUFFIXES = {"gzip": ".jsonl.gz", "zstd": ".jsonl.zst", "bz2": ".jsonl.bz2"}  # gzip: the local engine's

Rows = Iterator[tuple[Place, dict[str, Any]]]


class CannotJoin(Exception):
    """No Ray cluster at the address (Ray's ConnectionError, its first line)."""


def run_on_ray(  # noqa: PLR0913 - the run's parts, as run_inputs takes them
    inputs: Sequence[str],
    config: Config,
    output_dir: str,
    stats_path: str | None = None,
    address: str | None = None,
    compression: str | None = None,
    errors: TextIO | None = None,
    stages: Sequence[Stage] | None = None,
    driver_pages: int = DRIVER_PAGES,
) -> int:
    """``cleantext run --engine ray``: clean ``inputs`` into shards in ``output_dir``; the exit code.

    Joins the cluster at ``address`` (``auto``, ``ray://host:10001``; None starts a local Ray, or
    joins the one ``RAY_ADDRESS`` names), unless this process is connected already, and leaves it
    at the end. SIGTERM is handled as Ctrl-C: the shards taken so far are finished, the summary
    printed. ``stages``: the per-page stages, as for ``clean_on_ray``; ``driver_pages``: the most
    pages the driver cleans itself while the pool starts (0: none).
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
    job = RayRun(inputs, config, plan, compression, errors, stages=stages, address=address, driver_pages=driver_pages)
    code, ending = 0, ""
    seen = SigtermSeen()
    try:
        with sigterm_as_interrupt() as seen:
            job.run()
    except KeyboardInterrupt as exc:
        terminated = seen.terminated or isinstance(exc, Terminated)  # ray.wait re-raises a plain one
        code, ending = (EXIT_TERMINATED, "; terminated") if terminated else (EXIT_INTERRUPTED, "; interrupted")
    except CannotJoin as exc:  # the driver's first pages are kept, in listed shards
        kept = f"; the {job.stats.read} page(s) cleaned before are kept (--resume continues)" if job.stats.read else ""
        errors.write(f"cleantext: cannot join the Ray cluster at {address or 'RAY_ADDRESS'}: {exc}{kept}\n")
        return EXIT_USAGE
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
    driver_pages: int = DRIVER_PAGES,
) -> Stats:
    """The run itself, on the Ray this process is connected to (else a local one, for the run); the
    Stats of the run.

    ``workers`` is the size of the actor pool: ``config.jobs`` when set, else the cluster's CPUs.
    ``stages`` are the per-page stages (``PageCleaner``'s; by default ``config``'s), run by the
    driver on its first pages (at most ``driver_pages``) and by the actors.
    ShardProblem when the folder cannot be written or resumed as ``config`` asks.
    """
    plan = plan_shards(output_dir, config, list(inputs))
    job = RayRun(inputs, config, plan, compression, errors, workers, stages, driver_pages=driver_pages)
    job.run()
    return job.stats


class RayRun:
    """One run into a shard folder: the driver's first pages, the actor pool, the driver's Tally
    and ShardWriter."""

    def __init__(  # noqa: PLR0913 - clean_on_ray's parts
        self,
        inputs: Sequence[str],
        config: Config,
        plan: ShardPlan,
        compression: str | None = None,
        errors: TextIO | None = None,
        workers: int | None = None,
        stages: Sequence[Stage] | None = None,
        address: str | None = None,
        driver_pages: int = DRIVER_PAGES,
    ) -> None:
        self.inputs, self.config, self.plan, self.stages = list(inputs), config, plan, stages
        self.suffix = SHARD_SUFFIXES[compression or "gzip"]
        self.errors = errors or sys.stderr
        self.workers, self.address, self.driver_pages = workers, address, driver_pages
        self.tally = Tally(config, self.errors)
        self.driver_cleaned = 0  # pages the driver cleaned itself
        self._ray: Any = None  # the raypool module, once imported
        self._pool: Pool | None = None
        self._joined = False  # this run connected, so it disconnects
        self._alone_until = 0.0
        self._stop_error: Exception | None = None

    @property
    def stats(self) -> Stats:
        return self.tally.stats

    def run(self) -> None:
        """Clean and write everything; an interruption (KeyboardInterrupt) or CannotJoin is raised
        again once the shard being written is finished and listed, so a resumed run continues after it."""
        if self.config.strict:
            self.errors.write("cleantext: --strict does not stop a ray run early; failures are counted (exit 1)\n")
        resuming = self.plan.resuming()
        if resuming:
            self.errors.write(f"cleantext: {resuming}\n")
        stopped: BaseException | None = None
        with ShardWriter(self.plan, self.config, self.inputs, self.suffix) as writer:
            try:
                for place, row in self._rows():
                    with signals_held():  # a record and its count, together
                        writer.take(self.tally.add(row), place, row["line"])
                writer.complete = True
            except (KeyboardInterrupt, CannotJoin) as exc:
                stopped = exc
            finally:
                self._leave()
        if stopped is not None:
            raise stopped

    def _rows(self) -> Rows:
        """Every outcome row, in input order, with its place; after the resumed place only."""
        after = self.plan.after
        for place, row in self._cleaned():
            if after is None or (place.input, place.item) > (after.input, after.item):
                yield place, row

    def _cleaned(self) -> Rows:
        """The rows the driver cleans itself, then those of the pool, for the files it left."""
        batches = self._batches()
        rest = yield from self._first_rows(batches)
        work = chain([rest] if rest else [], batches)
        head = next(work, None)
        if head is None:  # the driver cleaned everything: no need to join (nor wait for a cluster)
            return
        pool = self._started_pool()
        for batch, cleaned in pool.in_order(chain([head], work)):
            for number, entry, first in batch:
                if isinstance(entry, Failure):
                    yield Place(number, 0, entry.uri), failure_row(order_of(number, 0), entry)
                    continue
                rows = cleaned.get(number)
                if rows is None:  # its worker died on every try
                    lost = Failure(entry.uri, LOST)
                    yield Place(number, first, entry.uri), failure_row(order_of(number, first), lost)
                    continue
                for row in rows:
                    yield Place(number, row["order"] & ITEM_MASK, entry.uri), row

    def _first_rows(self, batches: Iterator[Batch]) -> Generator[tuple[Place, dict[str, Any]], None, Batch]:
        """The driver's own rows, for the first pages; returns the work it leaves to the pool (the
        rest of the file it was in, from the next page, and of that file's batch)."""
        if self.driver_pages <= 0:
            return []
        # a copy: stages load models when first used, and the actors are sent them as given, unused
        cleaner = OutcomeRows(self.config, copy.deepcopy(self.stages))
        self._alone_until = time.monotonic() + ALONE_SECONDS
        for batch in batches:
            for index, (number, entry, first) in enumerate(batch):
                if isinstance(entry, Failure):
                    yield Place(number, 0, entry.uri), failure_row(order_of(number, 0), entry)
                    continue
                if self._handing_over():
                    return batch[index:]
                stopped_at = yield from self._file_rows(cleaner, number, entry, first)
                if stopped_at is not None:
                    return [(number, entry, stopped_at), *batch[index + 1 :]]
        return []

    def _file_rows(
        self, cleaner: OutcomeRows, number: int, entry: InputFile, first: int
    ) -> Generator[tuple[Place, dict[str, Any]], None, int | None]:
        """The driver's rows of one file, from item ``first``, until it hands over: returns the
        item the pool goes on from, or None when the file is done."""
        try:
            data = read_bytes(entry.location)
        except OSError as exc:
            failure = Failure(entry.uri, describe_os_error(exc))
            yield Place(number, first, entry.uri), failure_row(order_of(number, first), failure)
            return None
        rows = cleaner.rows_of_file(number, entry.uri, data, first, self._stops)
        while True:
            try:
                row = next(rows)
            except StopIteration as end:
                if self._stop_error is not None:  # joining failed (CannotJoin), not the page
                    raise self._stop_error from None
                return end.value
            yield Place(number, row["order"] & ITEM_MASK, entry.uri), row

    def _stops(self) -> bool:
        """Asked before the driver cleans a page: whether it hands the rest to the pool instead.
        An error joining stops the file, to be raised by the driver (``rows_of_file`` would count
        an Exception raised inside it as the file's failure)."""
        try:
            if self._handing_over():
                return True
        except Exception as exc:  # noqa: BLE001 - raised again in _first_rows
            self._stop_error = exc
            return True
        self.driver_cleaned += 1
        return False

    def _handing_over(self) -> bool:
        """Whether the driver stops cleaning: it has cleaned ``driver_pages``, or an actor has
        answered. ``ALONE_SECONDS`` after its first page, it starts Ray (and goes on meanwhile)."""
        if self.driver_cleaned >= self.driver_pages:
            return True
        if self._pool is None:
            if time.monotonic() < self._alone_until:
                return False
            self._started_pool()
            return False
        return self._pool.answered()

    def _join(self) -> None:
        """Import Ray and join the cluster, unless this process is connected already."""
        if self._ray is not None:
            return
        from cleantext.engines import raypool  # imports Ray: over a second

        self._ray = raypool
        if raypool.connected():
            return
        self._joined = True
        try:
            raypool.connect(self.address)
        except ConnectionError as exc:
            text = str(exc).strip()
            raise CannotJoin(text.splitlines()[0].rstrip(".") if text else type(exc).__name__) from exc

    def _started_pool(self) -> Pool:
        """The actor pool, started on the first call (joining first): its actors start meanwhile."""
        if self._pool is None:
            self._join()
            workers = self.workers or self.config.jobs or self._ray.cluster_cpus()
            self._pool = self._ray.Pool(self.config, workers, self.stages)
        return self._pool

    def _leave(self) -> None:
        """End the actors, and disconnect when this run connected."""
        if self._pool is not None:
            self._pool.close()
        if self._joined and self._ray.connected():
            self._ray.disconnect()

    def _batches(self) -> Iterator[Batch]:
        """The files to clean in batches, from the resumed input on (InputsChanged if it moved)."""
        after = self.plan.after
        batch: Batch = []
        for number, entry in placed_files(self.inputs):
            if number >= MAX_FILES:
                raise ValueError(f"more than {MAX_FILES - 1} files: at most that many per run")
            if after is not None and number < after.input:
                continue
            resumed = after is not None and number == after.input
            if resumed and after is not None and entry.uri != after.name:
                raise InputsChanged(f"input {number + 1} was {after.name}, now {entry.uri}: the inputs changed")
            batch.append((number, entry, after.item + 1 if resumed and after is not None else 0))
            if len(batch) == FILES_PER_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


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
