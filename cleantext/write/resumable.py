"""``-o FILE --resume``: one output file built over as many runs as it takes, never shown half-made.

Observations this module relies on:

- A file is written whole or not at all (``targets.py``): the final name only ever holds a finished
  run. A run that may be continued therefore keeps its records, until the last input is done, in a
  temporary file of the output's own family, ``.NAME.partial.tmp``, and its progress beside it in
  ``.NAME.progress.tmp``. Nothing else is written outside the output named; a run without
  ``--resume`` over the same output removes both (they match ``.NAME.*.tmp``), as it removes any
  temporary file no live writer holds.
- Outcomes arrive in input order, whatever ``--jobs`` (``Pipeline.run``), each with its place
  (``read.Place``: input ordinal, item ordinal, input name). After every outcome — a record
  written, or a drop or failure counted — the progress file is told the place and the length of
  the records file: the records file is flushed first, then the checkpoint written, with SIGINT and
  SIGTERM held in between (``targets.signals_held``). So after ``kill -9`` at any moment the
  records file holds at least what the checkpoint says, perhaps more (a record whose checkpoint
  never came, a cut last line), and the next run cuts it back to the checkpoint's length.
- A checkpoint is one ``pwrite`` of a few hundred bytes into one of two fixed slots (the progress
  file's format is ``write.progress``'s), alternately,
  each with its CRC-32 and a sequence number: the progress file does not grow with the run (a
  million inputs are a million checkpoints), and a slot torn by a kill or a lost machine fails its
  CRC, so the other, older slot is used. The settings, inputs and cleantext version come first,
  once, in the same file; a resumed run compares them with its own (``shards.setting_difference``) and
  refuses any difference, naming it, unless ``force``.
- Both files are ``flock``-ed for as long as their run lives (the records file first), so a second
  run over the same output is refused before it changes anything, and a dead run's files are
  recognised as free.
- Ctrl-C or SIGTERM: both files are flushed and synced and kept; the next ``--resume`` continues
  after the last outcome taken. When the last input is done, a last checkpoint says so, the
  records file is synced and renamed over the output, and the progress file removed; a kill
  between the rename and the removal leaves a progress file that the next ``--resume`` recognises
  as finished (it removes it, and cleans nothing again).
- A compressed output cannot be continued this way: the compressor's state (its window, running
  checksum and length) lives in the dead process, and a stream cut by a kill is not a prefix that
  can be appended to. Such outputs are refused with a pointer to shards, which are compressed and
  resumable. Stdout, pipes and devices cannot be read back, so they are refused too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO

from cleantext.config import Config
from cleantext.model import Article, Outcome
from cleantext.read.inputs import Place
from cleantext.write.jsonl import JsonlWriter
from cleantext.write.progress import PROGRESS_FORMAT, SLOT_BYTES, encode_slot, read_progress, slots_start
from cleantext.write.shards import recorded_settings, resume_refusal, setting_difference, sync_folder
from cleantext.write.targets import (
    NEW_FILE_MODE,
    STDOUT_NAMES,
    OutputFailed,
    Writer,
    describe,
    hold_lock,
    is_stream,
    let_go,
    remove_stale_temporaries,
    signals_held,
    temporary_pattern,
)

COMPRESSED = (".gz", ".bz2", ".xz", ".zst")
START_OVER = "starting from the first input"


class ResumeProblem(ValueError):
    """A file output that cannot be resumed as asked: one line for a person."""


@dataclass
class FilePlan:
    """What a resumable file run starts from: where its files are, and what an earlier run left.

    ``after`` is the place of the last outcome the earlier run took (None: start at the first
    input); ``kept_bytes`` and ``kept_records`` what of the records file is kept; ``note`` a line
    to say when an earlier run's files were found but could not be continued.
    """

    path: str
    final: str
    after: Place | None = None
    kept_bytes: int = 0
    kept_records: int = 0
    note: str | None = None
    held: int | None = None  # the earlier progress file, locked until the writer replaces it
    say: Callable[[str], None] | None = None  # where the writer tells that the run stays unfinished
    finished: bool = False  # the earlier run completed the output, and died before removing its progress

    @property
    def partial(self) -> str:
        return _beside(self.final, "partial")

    @property
    def progress(self) -> str:
        return _beside(self.final, "progress")

    def release(self) -> None:
        if self.held is not None:
            let_go(self.held)
            os.close(self.held)
            self.held = None

    def forget(self) -> None:
        """Remove a finished run's progress file (while still holding its lock)."""
        try:
            os.unlink(self.progress)
        except FileNotFoundError:
            pass
        self.release()


def _beside(final: str, role: str) -> str:
    folder, name = os.path.split(final)
    return os.path.join(folder, f".{name}.{role}.tmp")


def plan_file_resume(path: str | None, config: Config, inputs: Sequence[str]) -> FilePlan:
    """Check a ``-o FILE --resume`` output before any page is read; the plan, or a ResumeProblem."""
    if path is None or path in STDOUT_NAMES:
        raise ResumeProblem("--resume needs an output that stays: give -o FILE or -o DIR/ (stdout cannot be read back)")
    if is_stream(path):
        raise ResumeProblem(f"{path}: --resume cannot continue a pipe or device; give a file or a folder")
    if path.lower().endswith(COMPRESSED):
        raise ResumeProblem(
            f"{path}: --resume continues an uncompressed file only (a compressed stream cut by a kill cannot be "
            "appended to); write -o FILE.jsonl, or compressed shards with -o DIR/"
        )
    refusal = resume_refusal(config, inputs)
    if refusal:
        raise ResumeProblem(refusal)
    plan = FilePlan(path, os.path.realpath(path))
    try:
        fd = os.open(plan.progress, os.O_RDWR)
    except FileNotFoundError:
        return plan  # no earlier unfinished run: the whole run
    except OSError as exc:
        raise ResumeProblem(f"{plan.progress}: cannot read: {describe(exc)}") from exc
    try:
        hold_lock(fd, wait=False)
    except OSError as exc:
        os.close(fd)
        raise ResumeProblem(f"{path}: another cleantext run is writing it (its progress file is locked)") from exc
    plan.held = fd
    try:
        _continue(plan, fd, config, inputs)
    except ResumeProblem:
        plan.release()
        raise
    return plan


def _continue(plan: FilePlan, fd: int, config: Config, inputs: Sequence[str]) -> None:
    """Fill ``plan`` from the earlier run's progress file (locked, open as ``fd``)."""
    header, checkpoint = read_progress(fd)
    if header is None:
        plan.note = f"{plan.path}: the earlier run's progress file is unreadable; {START_OVER}"
        return
    difference = setting_difference(header, config, inputs)
    if difference and not config.force:
        raise ResumeProblem(f"{plan.path}: cannot resume: {difference} (add --force to resume anyway)")
    if checkpoint is None:
        return  # it took nothing
    if checkpoint.get("complete") and not os.path.exists(plan.partial):
        plan.finished = True  # renamed over the output: a kill came before its progress file went
        return
    kept = int(checkpoint["bytes"])
    try:
        with open(plan.partial, "rb") as stream:
            size = stream.seek(0, os.SEEK_END)
            stream.seek(max(kept - 1, 0))
            ends_line = kept == 0 or stream.read(1) == b"\n"
    except OSError as exc:
        plan.note = f"{plan.path}: the earlier run's records cannot be read ({describe(exc)}); {START_OVER}"
        return
    if size < kept or not ends_line:
        plan.note = f"{plan.path}: the earlier run's records are shorter than its progress says; {START_OVER}"
        return
    plan.after = Place.of(checkpoint["place"])
    plan.kept_bytes, plan.kept_records = kept, int(checkpoint["records"])


class ResumableFile(Writer):
    """Writes outcomes, in input order, into ``plan.partial``, with a checkpoint after each.

    The interface of ``ShardWriter``: ``take(outcome, place)``, ``count``, ``complete`` (set by
    the caller once the input ended), a context manager. Leaving it when complete renames the
    records over the output; leaving it otherwise (an interruption, a failed write) keeps both
    files for the next ``--resume``.
    """

    def __init__(self, plan: FilePlan, config: Config, inputs: Sequence[str]) -> None:
        from cleantext import __version__

        self.plan, self.config = plan, config
        self.count = 0  # records written by this run (as JsonlWriter.count)
        self.records = plan.kept_records  # records in the partial file: the earlier runs' and this one's
        self.complete = False
        self._lines = JsonlWriter(None, config.schema, config.fields, config.source_name)  # lines only
        self._header = {
            "format": PROGRESS_FORMAT,
            "cleantext": __version__,
            "output": os.path.basename(plan.final),
            "inputs": list(inputs),
            "settings": recorded_settings(config),
        }
        self._bytes = plan.kept_bytes
        self._seq = 0
        self._last = plan.after  # the place of the last outcome taken
        self._slots = 0
        self._data: IO[bytes] | None = None
        self._progress: int | None = None

    def open(self) -> ResumableFile:
        try:
            with signals_held():
                self._open()
        except OutputFailed:
            self.abort()
            raise
        except OSError as exc:
            self.abort()
            raise self._failed(exc) from exc
        return self

    def _open(self) -> None:
        """The records file first (locked: a second run over the same output stops here, before it
        touches anything), cut to the kept checkpoint; then a new progress file in place of the old."""
        plan = self.plan
        data_fd = os.open(plan.partial, os.O_RDWR | os.O_CREAT, NEW_FILE_MODE)
        try:
            hold_lock(data_fd, wait=False)
        except BlockingIOError as exc:
            os.close(data_fd)
            raise OutputFailed(f"{plan.path}: another cleantext run is writing it") from exc
        try:
            os.ftruncate(data_fd, plan.kept_bytes)  # what a killed run wrote after its last checkpoint goes
        except OSError:
            let_go(data_fd)
            os.close(data_fd)
            raise
        self._data = os.fdopen(data_fd, "r+b")
        self._data.seek(plan.kept_bytes)
        header = json.dumps(self._header, ensure_ascii=False).encode("utf-8") + b"\n"
        self._slots = slots_start(len(header))
        fresh = _temporary(plan.progress)
        fd = os.open(fresh, os.O_RDWR | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
        try:
            hold_lock(fd)
            os.pwrite(fd, header.ljust(self._slots, b" "), 0)
            if plan.after is not None:  # the earlier run's last checkpoint, carried over
                self._write_checkpoint(fd, plan.after)
            os.replace(fresh, plan.progress)
        except OSError:
            let_go(fd)
            os.close(fd)
            os.unlink(fresh)
            raise
        self._progress = fd
        plan.release()  # the earlier progress file is replaced: its lock is no longer needed
        remove_stale_temporaries(temporary_pattern(plan.final))  # dead runs' files; ours are locked

    def take(self, outcome: Outcome, place: Place) -> None:
        """One outcome and its place: an article's line is written and flushed, then the checkpoint."""
        assert self._data is not None and self._progress is not None
        with signals_held():
            try:
                if isinstance(outcome, Article):
                    line = self._lines.line(outcome)
                    self._data.write(line)
                    self._data.flush()
                    self._bytes += len(line)
                    self.records += 1
                    self.count += 1
                self._write_checkpoint(self._progress, place)
                self._last = place
            except OSError as exc:
                self._unfinished()
                raise self._failed(exc) from exc

    def _write_checkpoint(self, fd: int, place: Place, complete: bool = False) -> None:
        """The place and the records file's length into the older of the two slots (skipped when a
        pathological input name does not fit: the next checkpoint says more anyway)."""
        self._seq += 1
        checkpoint = {"seq": self._seq, "place": place.as_dict(), "bytes": self._bytes, "records": self.records}
        if complete:
            checkpoint["complete"] = True
        slot = encode_slot(checkpoint)
        if slot is not None:
            os.pwrite(fd, slot, self._slots + (self._seq % 2) * SLOT_BYTES)

    def close(self) -> None:
        """Complete: the records become the output. Not complete: both files are synced and kept."""
        with signals_held():
            try:
                if self.complete:
                    self._commit()
                else:
                    self._keep()
            except OSError as exc:
                self._unfinished()
                raise self._failed(exc) from exc

    def _commit(self) -> None:
        data, progress = self._data, self._progress
        assert data is not None and progress is not None
        data.flush()
        os.fsync(data.fileno())  # the rename must not land before the data
        if self._last is not None:  # a kill from here on: the next --resume finds the output finished
            self._write_checkpoint(progress, self._last, complete=True)
            os.fsync(progress)
        if os.path.exists(self.plan.final):
            os.chmod(self.plan.partial, os.stat(self.plan.final).st_mode & 0o7777)
        os.replace(self.plan.partial, self.plan.final)
        sync_folder(os.path.dirname(self.plan.final) or ".")
        os.unlink(self.plan.progress)
        self._data = self._progress = None
        let_go(data.fileno())
        data.close()
        let_go(progress)
        os.close(progress)

    def _keep(self) -> None:
        data, progress = self._data, self._progress
        assert data is not None and progress is not None
        data.flush()
        os.fsync(data.fileno())
        os.fsync(progress)
        self._unfinished()

    def _unfinished(self) -> None:
        """Close both files, keep them, and say where the records so far are."""
        self.abort()
        if self.plan.say is not None:
            self.plan.say(
                f"{self.plan.path}: not finished: its {self.records} record(s) so far are kept in "
                f"{self.plan.partial}; run the same command (with --resume) to continue"
            )

    def abort(self) -> None:
        """Close both files and keep them: the next ``--resume`` continues from the last checkpoint."""
        data, self._data = self._data, None
        progress, self._progress = self._progress, None
        self.plan.release()
        if data is not None:
            let_go(data.fileno())
            try:
                data.close()
            except OSError:
                pass  # what could not be flushed lies after the last checkpoint: it is cut off on resume
        if progress is not None:
            let_go(progress)
            os.close(progress)

    def _failed(self, exc: OSError) -> OutputFailed:
        return OutputFailed(f"{self.plan.path}: cannot write: {describe(exc)}", self.count)


def _temporary(path: str) -> str:
    """A fresh name in ``path``'s temporary family, for a file renamed onto ``path`` once written."""
    import uuid

    folder, name = os.path.split(path)
    return os.path.join(folder, f"{name}.{uuid.uuid4().hex[:12]}.tmp")
