"""``-o OUT_DIR/``: the records as numbered shards plus a manifest, any of which survives a kill.

Observations this module relies on:

- A corpus run takes hours and machines get killed. A shard (``part-00000.jsonl.gz``, …) is a
  complete gzip file of at most ``shard_size`` records (and ``shard_bytes`` uncompressed bytes), written
  under a temporary name and renamed when full (``targets.Target``), so a shard under its final
  name is always whole. The gzip header has no timestamp: the same records give the same bytes.
- Outcomes arrive in input order, whatever ``--jobs`` (``Pipeline.run``), so the shards of a run
  are the same for any number of workers, and each shard covers a contiguous range of the inputs:
  its records, and the drops and failures between them. The manifest (``manifest.json``, replaced
  atomically after each shard) records, per shard, its file's checksum and counts and the place
  of the last item it covers: the input's ordinal among the expanded inputs, which are listed in
  a stable order (``read.inputs``), the item's ordinal within that input, and the input's name.
- An outcome is taken (a record written and counted, a shard finished and listed) with SIGINT
  and SIGTERM held until it is done (``targets.signals_held``), so Ctrl-C or ``kill`` never lands
  between a record and its count, or inside the compressor. An interrupted run still closes its
  last, partial shard: it covers exactly the items taken.
- ``--resume`` continues from the place the last shard of the manifest covers: earlier inputs
  are not opened, and the items of the input where it stopped are read but not cleaned again.
  What a dead run left (a shard renamed before the manifest listed it, temporary files whose
  writer is gone) is removed first. The union of the shards is then what one uninterrupted run
  writes, and the manifest's counts are the sums of the shards'.
- Resuming is only right with the same settings and inputs: any difference is refused, naming
  it, unless ``force``. Duplicate removal remembers every earlier record, which is not saved, so
  it cannot resume; stdin cannot be read twice.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cleantext.config import Config
from cleantext.model import Article, Drop, Outcome
from cleantext.read.inputs import Place
from cleantext.write.jsonl import JsonlWriter
from cleantext.write.targets import OutputFailed, Writer, describe, remove_stale_temporaries, signals_held, write_bytes

MANIFEST = "manifest.json"
SHARD_SUFFIX = ".jsonl.gz"
SHARD_NAME = "part-{:05d}{}"  # number, suffix (SHARD_SUFFIX; the Ray engine may ask for .jsonl.zst)
SHARD_FILE = re.compile(r"part-\d{5,}\.jsonl(\.gz|\.zst|\.bz2|\.xz)?")  # this engine's and the Ray engine's
MANIFEST_FORMAT = 1
# settings that do not change a record: not written to the manifest, not compared on resume
RUN_ONLY = frozenset({"jobs", "strict", "resume", "force"})
LAYOUT = frozenset({"shard_size", "shard_bytes"})  # recorded; a resumed run may cut its shards otherwise
HASH_CHUNK = 1 << 20


class ShardProblem(ValueError):
    """A shard folder that cannot be written or resumed as asked: one line for a person."""


def is_shard_folder(path: str | None) -> bool:
    """Whether ``-o path`` asks for shards: an existing folder, or a path ending in ``/``.

    >>> is_shard_folder("out/"), is_shard_folder("out.jsonl"), is_shard_folder(None), is_shard_folder("-")
    (True, False, False, False)
    """
    if path is None or path in ("-", ""):
        return False
    return path.endswith(("/", os.sep)) or os.path.isdir(path)


def recorded_settings(config: Config) -> dict[str, Any]:
    """The settings a manifest records, as JSON values."""
    values = {k: v for k, v in config.as_dict().items() if k not in RUN_ONLY}
    return json.loads(json.dumps(values, ensure_ascii=False))


@dataclass
class ShardPlan:
    """What a shard run starts from: the folder, and the earlier run's manifest when resuming."""

    folder: str
    earlier: dict[str, Any] | None = None

    @property
    def after(self) -> Place | None:
        """The place of the last item the earlier run's shards cover (None: start at the beginning)."""
        shards = (self.earlier or {}).get("shards") or []
        return Place.of(shards[-1]["last"]) if shards else None

    def resuming(self) -> str | None:
        """What a resumed run says before its first page (None: it starts at the first input)."""
        after = self.after
        if after is None:
            return None
        kept = len(self.earlier["shards"]) if self.earlier else 0
        return f"{self.folder}: resuming after {after.name} ({kept} shard(s) kept)"


def plan_shards(folder: str, config: Config, inputs: Sequence[str]) -> ShardPlan:
    """Check the folder before any page is read; the plan, or a ShardProblem naming what is wrong."""
    problem = _folder_problem(folder)
    if problem:
        raise ShardProblem(f"{folder}: {problem}")
    manifest_path = os.path.join(folder, MANIFEST)
    earlier = _read_manifest(folder, manifest_path) if os.path.exists(manifest_path) else None
    if not config.resume:
        leftovers = earlier is not None or any(SHARD_FILE.fullmatch(n) for n in _names(folder))
        if leftovers and not config.force:
            raise ShardProblem(
                f"{folder}: holds the shards of an earlier run; add --resume to continue it or --force to replace it"
            )
        return ShardPlan(folder)
    refusal = resume_refusal(config, inputs)
    if refusal:
        raise ShardProblem(refusal)
    if earlier is None:
        return ShardPlan(folder)  # nothing finished yet: the whole run
    difference = setting_difference(earlier, config, inputs)
    if difference and not config.force:
        raise ShardProblem(f"{folder}: cannot resume: {difference} (add --force to resume anyway)")
    return ShardPlan(folder, earlier)


def resume_refusal(config: Config, inputs: Sequence[str]) -> str | None:
    """Why no run with these settings and inputs can be resumed, whatever its output (None: it can)."""
    if config.dedup != "off":
        return "--resume cannot continue duplicate removal (--dedup): earlier records are not remembered"
    if any(item == "-" for item in inputs) or not inputs:
        return "--resume cannot read stdin again: give files or folders as inputs"
    return None


def _folder_problem(folder: str) -> str | None:
    if os.path.isdir(folder):
        return None if os.access(folder, os.W_OK | os.X_OK) else "permission denied: cannot create files here"
    if os.path.lexists(folder.rstrip("/" + os.sep) or folder):
        return "is not a folder (a shard output is a folder: drop the trailing /)"
    parent = os.path.dirname(os.path.abspath(folder.rstrip("/" + os.sep))) or "."
    if not os.path.isdir(parent):
        return f"the folder {parent} does not exist"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"permission denied: cannot create a folder in {parent}"
    return None


def _names(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _read_manifest(folder: str, path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, ValueError) as exc:
        why = describe(exc) if isinstance(exc, OSError) else "not valid JSON"
        raise ShardProblem(f"{path}: cannot read the manifest: {why}") from exc
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT or not isinstance(data.get("shards"), list):
        raise ShardProblem(f"{path}: not a cleantext shard manifest (format {MANIFEST_FORMAT})")
    return data


def setting_difference(earlier: dict[str, Any], config: Config, inputs: Sequence[str]) -> str | None:
    """The first difference between the earlier run and this one that changes records, said briefly."""
    from cleantext import __version__

    if earlier.get("cleantext") != __version__:
        return f"the earlier run used cleantext {earlier.get('cleantext')}, this is {__version__}"
    if earlier.get("inputs") != list(inputs):
        return f"other inputs (earlier: {' '.join(earlier.get('inputs') or [])})"
    before, now = earlier.get("settings") or {}, recorded_settings(config)
    for key in sorted(set(before) | set(now)):
        if key not in LAYOUT and before.get(key) != now.get(key):
            return f"{key} was {_shown(before.get(key))}, now {_shown(now.get(key))}"
    return None


def _shown(value: Any) -> str:
    return "unset" if value is None else json.dumps(value, ensure_ascii=False)


@dataclass
class _Shard:
    """The shard being written: its writer, and what it has taken so far."""

    number: int
    writer: JsonlWriter
    records: int = 0
    line_bytes: int = 0
    read: int = 0
    failed: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    first: Place | None = None
    last: Place | None = None


class ShardWriter(Writer):
    """Writes outcomes, in input order, into the shards of ``plan.folder`` and keeps its manifest.

    ``take(outcome, place)`` for every outcome; ``complete`` is set by the caller once the input
    ended (the manifest then says the run is complete). A context manager, like ``JsonlWriter``:
    leaving normally (an interruption is caught inside) closes the last shard; leaving on an
    exception (a failed write) discards it.
    """

    def __init__(self, plan: ShardPlan, config: Config, inputs: Sequence[str], suffix: str = SHARD_SUFFIX) -> None:
        from cleantext import __version__

        self.folder, self.config, self.suffix = plan.folder, config, suffix
        self.count = 0  # records written by this run (as JsonlWriter.count)
        self.durable = 0  # records of this run in finished shards
        self.complete = False
        earlier = plan.earlier or {}
        self.shards: list[dict[str, Any]] = list(earlier.get("shards") or [])
        self.manifest: dict[str, Any] = {
            "format": MANIFEST_FORMAT,
            "cleantext": __version__,
            "inputs": list(inputs),
            "settings": recorded_settings(config),
        }
        self._current: _Shard | None = None

    def open(self) -> ShardWriter:
        try:
            os.makedirs(self.folder, exist_ok=True)
            self._sweep()
        except OSError as exc:
            raise OutputFailed(f"{self.folder}: cannot write: {describe(exc)}") from exc
        return self

    def _sweep(self) -> None:
        """Remove what is not part of the run being continued: shards the manifest does not list
        (all of them when starting over) and temporary files no live writer holds."""
        listed = {shard["name"] for shard in self.shards}
        for name in _names(self.folder):
            if SHARD_FILE.fullmatch(name) and name not in listed:
                os.unlink(os.path.join(self.folder, name))
        if not self.shards and os.path.exists(os.path.join(self.folder, MANIFEST)):
            os.unlink(os.path.join(self.folder, MANIFEST))
        remove_stale_temporaries(os.path.join(self.folder, ".part-*.tmp"))
        remove_stale_temporaries(os.path.join(self.folder, f".{MANIFEST}.*.tmp"))

    def take(self, outcome: Outcome, place: Place, line: bytes | None = None) -> None:
        """One outcome and its place in the input: an article is written, anything else counted.

        ``line``: the article's line as ``JsonlWriter.line`` made it elsewhere (a Ray worker); the
        article itself then only says that it is one.
        """
        with signals_held(), self._failing():
            if not isinstance(outcome, Article):
                line = None
            elif line is None:
                line = self._line_writer().line(outcome)
            if line is not None:
                self._make_room(len(line))
            shard = self._current or self._start()
            if line is not None:
                shard.writer.write_line(line)
                shard.records += 1
                shard.line_bytes += len(line)
                self.count += 1
            elif isinstance(outcome, Drop):
                shard.dropped[str(outcome.reason)] += 1
            else:
                shard.failed += 1
            shard.read += 1
            shard.first = shard.first or place
            shard.last = place

    @contextmanager
    def _failing(self) -> Iterator[None]:
        """A failed write names the output and says how many records it holds: the finished shards'."""
        try:
            yield
        except OutputFailed as exc:
            self.abort()
            raise OutputFailed(str(exc), self.durable) from exc

    def _line_writer(self) -> JsonlWriter:
        if self._current is not None:
            return self._current.writer
        return JsonlWriter(None, self.config.schema, self.config.fields, self.config.source_name)  # lines only

    def _make_room(self, size: int) -> None:
        """Finish the current shard when the next record would not fit in it."""
        shard = self._current
        if shard is None or not shard.records:
            return
        over_bytes = self.config.shard_bytes and shard.line_bytes + size > self.config.shard_bytes
        if shard.records >= self.config.shard_size or over_bytes:
            self._finish()

    def _start(self) -> _Shard:
        number = len(self.shards)
        path = os.path.join(self.folder, SHARD_NAME.format(number, self.suffix))
        writer = JsonlWriter(path, self.config.schema, self.config.fields, self.config.source_name)
        self._current = _Shard(number, writer.open())
        return self._current

    def _finish(self) -> None:
        """Close the current shard under its final name, then list it in the manifest."""
        shard, self._current = self._current, None
        if shard is None:
            return
        shard.writer.close()
        self.durable += shard.records
        assert shard.writer.path is not None and shard.first is not None and shard.last is not None
        sync_folder(self.folder)
        self.shards.append({
            "name": os.path.basename(shard.writer.path),
            "records": shard.records,
            "bytes": os.path.getsize(shard.writer.path),
            "sha256": _sha256(shard.writer.path),
            "read": shard.read,
            "dropped_by_reason": dict(sorted(shard.dropped.items())),
            "failed": shard.failed,
            "first": shard.first.as_dict(),
            "last": shard.last.as_dict(),
        })
        self._write_manifest()

    def _write_manifest(self) -> None:
        dropped: Counter[str] = Counter()
        for shard in self.shards:
            dropped.update(shard["dropped_by_reason"])
        counts = {
            "read": sum(shard["read"] for shard in self.shards),
            "written": sum(shard["records"] for shard in self.shards),
            "dropped": sum(dropped.values()),
            "dropped_by_reason": dict(sorted(dropped.items())),
            "failed": sum(shard["failed"] for shard in self.shards),
        }
        manifest = {**self.manifest, "complete": self.complete, "counts": counts, "shards": self.shards}
        data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
        write_bytes(os.path.join(self.folder, MANIFEST), data)
        sync_folder(self.folder)

    def close(self) -> None:
        """Finish the last shard (when it took anything) and write the final manifest."""
        with signals_held(), self._failing():
            self._finish()
            self._write_manifest()

    def abort(self) -> None:
        """Give up the shard being written (its temporary file goes); finished shards stay listed."""
        shard, self._current = self._current, None
        if shard is not None:
            shard.writer.abort()


def _sha256(path: str) -> str:
    import hashlib  # here: ~1 ms of start-up that only shard runs need

    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sync_folder(folder: str) -> None:
    """Make the renames in ``folder`` durable (a shard is only listed once it is surely there)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(fd)


def read_shards(folder: str) -> Iterator[bytes]:
    """Every line of the shards the manifest of ``folder`` lists, in order (for checks and tests)."""
    import gzip

    manifest = _read_manifest(folder, os.path.join(folder, MANIFEST))
    for shard in manifest["shards"]:
        with gzip.open(os.path.join(folder, shard["name"]), "rb") as stream:
            yield from stream
