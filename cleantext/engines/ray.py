"""``--engine ray``: the same pipeline over a Ray cluster, written as JSONL shards.

The run has four steps, each a plain Ray Data operation:

1. **List** (driver): the inputs become an explicit list of files in local input order
   (``listing``), so that every item keeps its local name and its place for duplicate removal.
2. **Clean** (cluster): ``StoredBytes`` (``read_binary_files`` minus its decompression) gives one
   row per file; ``map_batches`` over a pool
   of actors, each holding one ``PageCleaner`` built once (OpenCC and the rules load per actor, not
   per page), turns each file into one outcome row per page (``rows.OutcomeRows``): the JSON line of
   an article, a drop reason, or an error message. A bad page costs one error row, never the job.
   The result is materialised once (spilled to disk by Ray when it is large), because it is read
   twice below and cleaning is the expensive part. Faults use Ray's own retries: a read task that
   fails is run again (``max_retries``, ``retry_exceptions``), and a cleaning actor whose process
   dies is restarted and its batch run again (``max_restarts``, ``max_task_retries``), each up to
   ``TASK_RETRIES`` times. A batch that still fails is given up (``max_errored_blocks``) rather
   than the job; each file says in a marker row that it was cleaned, so the files of a lost batch
   are known. They are cleaned once more, each in a batch of its own, and those that fail again
   are reported as failures (one stderr line each, counted, exit 1), never silently lost.
3. **Count** (driver): the rows without their text (sorted by input order when duplicates are
   removed) stream through ``rows.Tally`` into the local engine's ``Ledger``: the same ``Dedup``
   stage (exact and near, across all shards), the same ``Stats``, the same stderr lines.
4. **Write** (cluster): the articles the filters kept, as ``JsonlWriter.line`` made them, go to
   ``OUT_DIR/part-NNNNN.jsonl`` (or ``.jsonl.gz``/``.jsonl.zst``/``.jsonl.bz2`` with
   ``compression``), one shard per block of at least ``ROWS_PER_SHARD`` records where there are
   that many. Order across shards is not kept.

What differs from the local engine: the output is a folder of shards; stdin cannot be an input;
``--strict`` cannot stop a cluster mid-way (the run ends, then exits 1 if anything failed); each
input file is read whole into a worker's memory (split containers above a few GB).

Importing this module raises ImportError when Ray is not installed; the CLI turns that into exit 2.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.compute as pc
import ray
from ray.data import ActorPoolStrategy, DataContext, Dataset
from ray.data.datasource import BlockBasedFileDatasink, FileBasedDatasource, FilenameProvider

from cleantext.config import Config
from cleantext.engines.listing import InputFile, bare, list_files
from cleantext.engines.rows import ARTICLE, ITEM_BITS, MAX_FILES, OutcomeRows, Tally, order_of
from cleantext.model import Failure
from cleantext.pipeline import Stats
from cleantext.stages import Stage

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
FILES_PER_BATCH = 4  # files per actor call: small, so one large container does not hold back others
ROWS_PER_SHARD = 10_000  # records: Ray buffers at least this many per shard file (fewer at the end)
ROWS_PER_COUNT_BATCH = 65_536  # rows pulled at a time by the driver's count (no text in them)
READ_TASK_CPUS = 0  # CPUs reserved per read task: reading is I/O, and the actors hold every CPU
#                    (a read task asking for one would wait forever for an actor to give it back)
LIGHT_TASK_CPUS = 0  # CPUs reserved for dropping a column: a copy, which need not wait (~10 s on
#                      2 CPUs) for the finished actor pool to hand its CPUs back
# Tasks that reserve no CPU are otherwise all started at once, each in a new worker process
# (~1.5 CPU s to start): 34 read tasks for 419 pages on 2 CPUs took the run from 11 s to 130 s.
# So as many run at once as there are cleaning actors (reads), or as there are CPUs (the copy).
TASK_RETRIES = 2  # runs after the first of a read task that failed, or of a batch whose worker died
CLEANED = "cleaned"  # kind of the marker row each file ends with: the file's rows are all there
LOST = (
    f"not cleaned: its Ray task failed {1 + TASK_RETRIES} times, then once more on its own"
    " (a worker died, or the read failed); nothing of this input was written"
)
SHARD_SUFFIXES = {None: "jsonl", "gzip": "jsonl.gz", "zstd": "jsonl.zst", "bz2": "jsonl.bz2"}

OUTCOME_SCHEMA = pa.schema(
    [
        ("order", pa.int64()),
        ("kind", pa.string()),
        ("uri", pa.string()),
        ("line", pa.large_binary()),
        ("id", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("stage", pa.string()),
        ("duplicate_of", pa.string()),
        ("message", pa.string()),
        ("key", pa.binary()),
        ("sketch", pa.binary()),
    ]
)


def run_on_ray(  # noqa: PLR0913 - the run's parts, as run_inputs takes them
    inputs: Sequence[str],
    config: Config,
    output_dir: str,
    stats_path: str | None = None,
    address: str | None = None,
    compression: str | None = None,
    errors: TextIO | None = None,
) -> int:
    """``cleantext run --engine ray``: clean ``inputs`` into shards in ``output_dir``; the exit code.

    Connects to the cluster at ``address`` (``auto``, ``ray://host:10001``; None starts a local
    Ray, or joins the one ``RAY_ADDRESS`` names), unless this process is connected already.
    """
    errors = errors or sys.stderr
    problem = usage_problem(inputs, output_dir, compression)
    if config.resume:
        problem = "--resume continues the shards of the local engine; the Ray engine writes its shards in one go"
    if problem:
        errors.write(f"cleantext: {problem}\n")
        return EXIT_USAGE
    started = _connect(address)
    try:
        stats = clean_on_ray(inputs, config, output_dir, compression=compression, errors=errors)
    except KeyboardInterrupt:
        errors.write("cleantext: interrupted; shards written so far are incomplete\n")
        return EXIT_INTERRUPTED
    finally:
        if started:
            ray.shutdown()
    errors.write(stats.summary() + "\n")
    if stats_path:
        stats.save(stats_path)
    return 1 if stats.failed else 0


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
    """
    errors = errors or sys.stderr
    _warn_unsupported(config, errors)
    files, failures = list_files(inputs)
    tally = Tally(config, errors)
    for failure in failures:
        tally.add_failure(failure)
    if len(files) >= MAX_FILES:
        raise ValueError(f"{len(files)} files: at most {MAX_FILES - 1} per run")
    if files:
        workers = workers or config.jobs or _cluster_cpus()
        ordered = config.dedup != "off"
        cleaned = _cleaned_rows(clean_files(files, config, workers, stages))
        done: set[int] = set()
        rows = _summary_rows(cleaned, ordered, done)
        if not ordered:
            tally.add_all(rows)  # streamed; fills ``done``
            rows = []
        lost = [number for number in range(len(files)) if number not in done]
        if len(lost) > 1:  # a batch given up: each of its files once more on its own, so only culprits fail
            again = _cleaned_rows(clean_files(files, config, workers, stages, only=lost))
            cleaned = cleaned.union(again)
            rows = [*rows, *_summary_rows(again, False, done)]
            lost = [number for number in lost if number not in done]
        tally.add_all(sorted(rows, key=itemgetter("order")) if ordered else rows)
        for number in lost:
            tally.add_failure(Failure(files[number].uri, LOST))
        write_shards(cleaned, tally.removed, output_dir, compression)
    return tally.stats


def clean_files(
    files: list[InputFile],
    config: Config,
    workers: int,
    stages: Sequence[Stage] | None = None,
    only: list[int] | None = None,
) -> Dataset:
    """The outcome rows of every page of ``files``, then one ``CLEANED`` row per file (lazy:
    nothing runs until it is consumed). A batch that fails ``1 + TASK_RETRIES`` times is left out.

    ``only``: the ordinals of the files to clean, each in a batch of its own and tried once more
    only (they were in a batch that was given up after its retries).
    """
    index = {bare(f.location): (number, f.uri) for number, f in enumerate(files)}
    chosen = files if only is None else [files[number] for number in only]
    retries = TASK_RETRIES if only is None else 0
    source = StoredBytes([f.location for f in chosen], include_paths=True)
    context = DataContext.get_current()
    strict, context.max_errored_blocks = context.max_errored_blocks, -1  # datasets copy it when made
    try:
        pages = ray.data.read_datasource(
            source,
            num_cpus=READ_TASK_CPUS,
            concurrency=max(1, workers),
            override_num_blocks=None if only is None else len(chosen),
            ray_remote_args={"max_retries": retries, "retry_exceptions": [OSError]},
        )
        return pages.map_batches(
            _CleanFiles,
            fn_constructor_args=(config, index, stages),
            batch_size=FILES_PER_BATCH if only is None else 1,
            batch_format="pyarrow",
            # a task queued on an actor that dies fails with it: once more, each actor runs one at a time
            compute=ActorPoolStrategy(size=max(1, workers), max_tasks_in_flight_per_actor=None if only is None else 1),
            num_cpus=1,
            max_restarts=-1,  # a dead worker is always replaced; its batch is retried a bounded number of times
            max_task_retries=retries,
        )
    finally:
        context.max_errored_blocks = strict


def _cleaned_rows(rows: Dataset) -> Dataset:
    """``rows`` run once and kept, as a new dataset under the default error policy (a failing
    step after cleaning, such as a shard write, must fail the job, not lose its records).

    Ray Data logs each batch it gives up with a traceback; the run reports each of the batch's
    inputs in one line instead, so its log is kept to what ends the job (which raises as well).
    """
    log = logging.getLogger("ray.data")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        kept = rows.materialize()
    finally:
        log.setLevel(level)
    return ray.data.from_arrow_refs(kept.to_arrow_refs())


class StoredBytes(FileBasedDatasource):
    """Files as stored, one row each (``bytes``, ``path``): like ``read_binary_files``, but a
    ``.gz`` or ``.zst`` file is not decompressed on the way, so the read package sees the same
    bytes as locally and reports a truncated stream as a failure of that input, not of the job."""

    def resolve_compression(self, path: str, open_args: dict[str, Any]) -> str | None:
        return None

    def _read_stream(self, f: Any, path: str) -> Iterator[pa.Table]:
        yield pa.table({"bytes": pa.array([f.readall()], pa.large_binary())})


class _CleanFiles:
    """The actor: one PageCleaner for its lifetime; a batch of files in, their outcome rows out."""

    def __init__(
        self, config: Config, index: dict[str, tuple[int, str]], stages: Sequence[Stage] | None = None
    ) -> None:
        self.rows = OutcomeRows(config, stages)
        self.index = index  # bare location → (file ordinal, name in records)

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows: list[dict[str, Any]] = []
        for i in range(batch.num_rows):
            number, uri = self.index[bare(batch["path"][i].as_py())]
            rows.extend(self.rows.rows_of_file(number, uri, batch["bytes"][i].as_py()))
            rows.append({"order": order_of(number, 0), "kind": CLEANED, "uri": uri})
        return pa.Table.from_pylist(rows, schema=OUTCOME_SCHEMA)


def _summary_rows(cleaned: Dataset, ordered: bool, done: set[int]) -> Iterable[dict[str, Any]]:
    """Every outcome row without its JSON line; in input order when ``ordered`` (duplicate removal).
    The ordinals of the files whose ``CLEANED`` row came go to ``done`` as the rows are read.

    Unordered rows stream through the driver; ordered ones are sorted there (~100 bytes per page,
    plus ~0.5 KB per article for near duplicates). Ray's own sort is a shuffle of many tasks:
    measured on 2 CPUs, it took 13 s for 21 rows, where the driver sorts 10⁶ rows in about a second.
    """
    summary = cleaned.drop_columns(["line"], num_cpus=LIGHT_TASK_CPUS, concurrency=_cluster_cpus())
    rows = _outcomes((row for batch in _batches(summary) for row in batch.to_pylist()), done)
    return sorted(rows, key=itemgetter("order")) if ordered else rows


def _outcomes(rows: Iterable[dict[str, Any]], done: set[int]) -> Iterator[dict[str, Any]]:
    for row in rows:
        if row["kind"] == CLEANED:
            done.add(row["order"] >> ITEM_BITS)
        else:
            yield row


def _batches(dataset: Dataset) -> Iterator[pa.Table]:
    for batch in dataset.iter_batches(batch_size=ROWS_PER_COUNT_BATCH, batch_format="pyarrow"):
        assert isinstance(batch, pa.Table)
        yield batch


def write_shards(cleaned: Dataset, removed: list[int], output_dir: str, compression: str | None) -> None:
    """Write the articles of ``cleaned`` except those at the ``removed`` orders, as JSONL shards."""
    removed_orders = pa.array(removed, pa.int64())

    def kept_lines(batch: pa.Table) -> pa.Table:
        dropped = pc.is_in(batch["order"], value_set=removed_orders)
        keep = pc.and_(pc.equal(batch["kind"], ARTICLE), pc.invert(dropped))
        return batch.filter(keep).select(["line"])

    kept = cleaned.map_batches(kept_lines, batch_size=None, batch_format="pyarrow")
    kept.write_datasink(JsonlShards(output_dir, compression))


class JsonlShards(BlockBasedFileDatasink):
    """A folder of ``part-NNNNN.jsonl[.gz|.zst|.bz2]`` files, one line per record, UTF-8."""

    def __init__(self, path: str, compression: str | None = None) -> None:
        suffix = SHARD_SUFFIXES[compression]
        super().__init__(
            path,
            min_rows_per_file=ROWS_PER_SHARD,
            open_stream_args={"compression": compression},
            filename_provider=_ShardNames(suffix),
            file_format=suffix,
        )

    def write_block_to_file(self, block: Any, file: Any) -> None:
        file.write(b"".join(block.to_arrow()["line"].to_pylist()))  # JsonlWriter's lines, newlines included


class _ShardNames(FilenameProvider):
    def __init__(self, suffix: str) -> None:
        super().__init__(file_format=suffix)
        self.suffix = suffix

    def get_filename_for_task(self, write_uuid: str, task_index: int) -> str:
        return f"part-{task_index:05d}.{self.suffix}"


def usage_problem(inputs: Sequence[str], output_dir: str, compression: str | None) -> str | None:
    """What is wrong with a ray run's arguments, said for a person, or None."""
    if "-" in inputs or not inputs:
        return "--engine ray cannot read stdin: give files, folders or URIs such as s3://bucket/pages/"
    if compression not in SHARD_SUFFIXES:
        return f"output compression must be one of gzip, zstd, bz2 (got {compression!r})"
    if "://" in output_dir:
        return None  # remote folders are not inspected: shard names are fixed, so a rerun overwrites
    if os.path.exists(output_dir) and not os.path.isdir(output_dir):
        return f"{output_dir}: --engine ray writes shards into a folder, and this is a file"
    if os.path.isdir(output_dir) and os.listdir(output_dir):
        return f"{output_dir}: the output folder is not empty; give a new or empty one"
    return None


def _connect(address: str | None) -> bool:
    """Join (or start) Ray unless connected; True when this call did, so the caller disconnects."""
    DataContext.get_current().enable_progress_bars = sys.stderr.isatty()
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # stderr is for the run's own lines
    if ray.is_initialized():
        return False
    ray.init(address=address, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    return True


def _cluster_cpus() -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _warn_unsupported(config: Config, errors: TextIO) -> None:
    if config.strict:
        errors.write("cleantext: --strict does not stop a ray run early; failures are counted (exit 1)\n")


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
    DataContext.get_current().enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    if ray.is_initialized():
        return False
    ray.init(num_cpus=num_cpus, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    return True
