"""Where output goes: what an output path is, checked before the first page is read, then opened.

Observations this module relies on:

- A regular file is best written under a temporary name in its folder and renamed over the target
  when the run ends well: a half-written corpus never appears under the final name. That needs
  permission to create files in the folder, not only to write the file.
- Anything else at the path is not a file to replace: a device (``/dev/null``, ``/dev/full``, a
  terminal) or a FIFO that another program reads is written through, as ``>`` in a shell does;
  replacing it with a regular file would break the device node or leave the reader with nothing.
  A socket cannot be opened at all.
- A symlink is followed, as ``>`` does: the file it points to is the output (replaced atomically
  beside itself), and the link stays a link. A dangling link names the file to create.
- Every problem an output path can have before the run is visible with ``stat`` and ``access``:
  a missing folder, a folder where a file is expected, a parent that is a file, no permission.
  Found at the end of an hour of cleaning, they cost the hour; so they are checked first.
- ``os.access`` answers for the real user, the one who typed the command; root passes every
  permission check except on a read-only file system.
- A failure while writing (no space left, an I/O error) can only be known when it happens: it
  leaves as one ``OutputFailed`` naming the output, never a traceback, and the temporary file
  is removed.
- A run killed outright (``kill -9``, the out-of-memory killer, a lost machine) cannot remove its
  temporary file. So a temporary file is named ``.NAME.<hex>.tmp`` and holds an exclusive ``flock``
  for as long as its writer lives (the kernel releases it with the last process holding the file);
  the next run writing ``NAME`` removes every such file it can lock: those of dead runs, never
  that of a run still writing.
- An ``flock`` belongs to the open file, and a forked process (a ``--jobs`` worker) shares the
  parent's open files: after ``kill -9`` of the parent alone its workers would hold the lock until
  they notice and end, and the next run would take a dead run's file for a live one. So every lock
  is taken with ``hold_lock``, and a forked child closes its copies of the locked descriptors at
  once (``os.register_at_fork``): a lock lives exactly as long as the process that took it.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     problem_with(os.path.join(folder, "no", "out.jsonl")) is not None, problem_with(folder) is not None
(True, True)
>>> problem_with("-") is None
True
"""

from __future__ import annotations

import array
import errno
import fcntl
import glob
import os
import signal
import stat
import sys
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import IO, Self

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
NEW_FILE_MODE = 0o666  # before the umask, as open() creates files
STDOUT_NAMES = ("-", "")

_OS_PROBLEMS = {
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a parent of this path is not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symlink loop: too many levels of symbolic links",
    errno.ENAMETOOLONG: "path name too long",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EIO: "input/output error",
    errno.EFBIG: "file too large",
}


class OutputError(ValueError):
    """An output path that cannot be written; ``str(error)`` is one line naming the path."""


class OutputFailed(Exception):
    """Writing an output failed during the run (no space left, an I/O error).

    ``written`` is how many records the output holds afterwards: those a stream took before the
    failure, and 0 for a file, whose temporary copy is removed.
    """

    def __init__(self, message: str, written: int = 0) -> None:
        super().__init__(message)
        self.written = written


@contextmanager
def signals_held() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM wait; at its end the first one is handled as it would have been.

    For the few steps that must not be cut in the middle: a record through a compressor (gzip keeps
    its checksum in Python, after the bytes), a record and its count. Blocking the signals with
    ``pthread_sigmask`` is not enough: another thread of the process (a pool's) still receives them
    and Python runs the handler in the main thread at once; so the handlers are swapped instead.
    In a thread other than the main one, where handlers cannot be set, nothing is held.
    """
    caught: list[int] = []

    def hold(signum: int, frame: object) -> None:
        caught.append(signum)

    try:
        previous = [(number, signal.signal(number, hold)) for number in STOP_SIGNALS]
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous:
            signal.signal(number, handler)
        for number, handler in previous:
            if number in caught[:1]:
                if callable(handler):
                    handler(number, None)  # KeyboardInterrupt, or the run's own SIGTERM handling
                elif handler == signal.SIG_DFL:
                    signal.raise_signal(number)  # the default: end the process, as it would have


def describe(exc: OSError) -> str:
    """A short message for an operating-system error while writing.

    >>> describe(OSError(errno.ENOSPC, "No space left on device"))
    'no space left on the device'
    """
    return _OS_PROBLEMS.get(exc.errno or 0, exc.strerror or str(exc))


def check_outputs(paths: Iterable[str | None]) -> str | None:
    """The first problem among output paths (``-o``, ``--stats``), said for a person, or None."""
    for path in paths:
        problem = problem_with(path)
        if problem:
            return problem
    return None


def problem_with(path: str | None) -> str | None:
    """Why a file could not be written at ``path`` (``None``/``-``: stdout, always fine), or None."""
    if path is None or path in STDOUT_NAMES:
        return None
    try:
        info = os.stat(path)  # follows a symlink to what it names
    except FileNotFoundError:
        return _problem_creating(path)
    except OSError as exc:
        return f"{path}: cannot write here: {describe(exc)}"
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return f"{path}: is a folder; give a file name such as {os.path.join(path, 'out.jsonl')}"
    if stat.S_ISSOCK(mode):
        return f"{path}: is a socket; cannot write to it"
    if not os.access(path, os.W_OK):
        return f"{path}: permission denied (cannot write to it)"
    if stat.S_ISREG(mode):
        folder = os.path.dirname(os.path.realpath(path))
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"{path}: permission denied: cannot create the new copy in {folder}"
    return None


def _problem_creating(path: str) -> str | None:
    """Why a new file at ``path`` (or at the file a dangling symlink names) could not be created."""
    folder = os.path.dirname(os.path.realpath(path))
    shown = folder if os.path.islink(path) else (os.path.dirname(path) or ".")
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        return f"{path}: the folder {shown} does not exist"
    except OSError as exc:
        return f"{path}: cannot write here: {describe(exc)}"
    if not stat.S_ISDIR(info.st_mode):
        return f"{path}: {shown} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{path}: permission denied: cannot create files in {shown}"
    return None


def is_stream(path: str) -> bool:
    """Whether ``path`` names something to write through (device, FIFO) rather than a file to replace."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def stdout_is_stream() -> bool:
    """Whether stdout is a pipe, terminal or device, whose reader takes records as they come."""
    try:
        return not stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # no file descriptor: a test's StringIO
        return False


def unread_bytes(stream: IO[bytes]) -> int:
    """Bytes written into a pipe that its reader has not read (0 when not a pipe, or unknown).

    After the reader left (``| head -1``), the pipe still holds what it never read: the difference
    tells how many records the reader can actually have received.
    """
    try:
        import fcntl
        import termios

        count = array.array("i", [0])
        fcntl.ioctl(stream.fileno(), termios.FIONREAD, count)
    except (ImportError, OSError, ValueError, AttributeError):
        return 0
    return max(count[0], 0)


class Writer:
    """What every output writer is, used as ``with``: ``open`` on entry, ``close`` (make the output
    final) when the block ends well, ``abort`` (keep or remove what was written, as the writer's
    kind wants) when it raises."""

    def open(self) -> Self:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class Target:
    """An output opened for bytes: ``raw`` takes them; ``commit`` makes them final, ``discard`` gives up.

    A regular file (or a new one) is a temporary file beside it, renamed over it on ``commit``;
    a device or FIFO is opened and written through.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.streaming = is_stream(path)
        self._tmp: str | None = None
        self._final = os.path.realpath(path)  # a symlink's target is replaced, the link kept
        if self.streaming:
            self.raw: IO[bytes] = open(path, "wb")  # closed by commit or discard
        else:
            self._tmp, self.raw = _create_temporary(self._final)

    def commit(self) -> None:
        """Flush and close; a file is synced, given the old file's permissions and moved into place."""
        self.raw.flush()
        if self._tmp is None:
            self.raw.close()
            return
        os.fsync(self.raw.fileno())  # the rename must not land before the data
        let_go(self.raw.fileno())
        self.raw.close()
        if os.path.exists(self._final):
            os.chmod(self._tmp, os.stat(self._final).st_mode & 0o7777)
        os.replace(self._tmp, self._final)
        self._tmp = None

    def discard(self) -> None:
        """Give up: close, and remove the temporary file; the target stays as it was."""
        try:
            if not self.raw.closed:
                let_go(self.raw.fileno())
            self.raw.close()
        except OSError:
            pass  # the data that could not be flushed is being thrown away anyway
        finally:
            if self._tmp is not None:
                os.unlink(self._tmp)
                self._tmp = None


def temporary_pattern(path: str) -> str:
    """The glob of the temporary files of ``path``'s writers (``.NAME.<hex>.tmp`` beside it)."""
    folder, name = os.path.split(path)
    return os.path.join(glob.escape(folder), f".{glob.escape(name)}.*.tmp")


_LOCKED: dict[int, tuple[int, int]] = {}  # descriptor -> (device, inode) of each file this process locked


def hold_lock(fd: int, wait: bool = True) -> None:
    """Lock ``fd`` exclusively, for this process alone (module notes); BlockingIOError when another
    process holds it and not ``wait``. ``let_go`` before the descriptor is closed."""
    fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    info = os.fstat(fd)
    _LOCKED[fd] = (info.st_dev, info.st_ino)


def let_go(fd: int) -> None:
    """Forget ``fd``'s lock (its descriptor is about to be closed, which releases it)."""
    _LOCKED.pop(fd, None)


def _close_locked_in_child() -> None:
    """In a forked child: close the copies of the parent's locked descriptors (the same files
    still: a number closed and reused meanwhile is left alone)."""
    for fd, identity in _LOCKED.items():
        try:
            info = os.fstat(fd)
            if (info.st_dev, info.st_ino) == identity:
                os.close(fd)
        except OSError:
            pass
    _LOCKED.clear()


os.register_at_fork(after_in_child=_close_locked_in_child)


def _create_temporary(path: str) -> tuple[str, IO[bytes]]:
    """A new file beside ``path`` (same file system, so the final rename is atomic), locked while
    its writer lives; the temporary files dead writers left for ``path`` are removed first."""
    remove_stale_temporaries(temporary_pattern(path))
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{uuid.uuid4().hex[:12]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    hold_lock(fd)  # a new file: nobody else holds it
    return tmp, os.fdopen(fd, "wb")


def remove_stale_temporaries(pattern: str) -> list[str]:
    """Remove the files matching ``pattern`` that no live process holds locked; the removed paths."""
    removed = []
    for tmp in sorted(glob.glob(pattern)):
        try:
            fd = os.open(tmp, os.O_RDONLY)
        except OSError:
            continue  # gone already, or not ours to open
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a live writer holds it
        else:
            try:
                os.unlink(tmp)
                removed.append(tmp)
            except OSError:
                pass
        finally:
            os.close(fd)
    return removed


def write_bytes(path: str, data: bytes) -> None:
    """Write a small output (``--stats``) the way records are written; OutputFailed on failure."""
    try:
        target = Target(path)
    except OSError as exc:
        raise OutputFailed(f"{path}: cannot write: {describe(exc)}") from exc
    try:
        target.raw.write(data)
        target.commit()
    except OSError as exc:
        target.discard()
        raise OutputFailed(f"{path}: cannot write: {describe(exc)}") from exc
