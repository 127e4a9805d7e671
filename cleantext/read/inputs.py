"""From what the user typed to a stable sequence of paths to read.

Observations this module relies on:

- Users quote globs so that the shell does not expand them (``cleantext run 'data/**/*.html'``);
  the tool expands them with ``glob.glob(recursive=True)``. A path that exists is never taken for
  a pattern, even when its name holds ``*``, ``?`` or ``[``.
- A run must be reproducible, so every listing is sorted: folders are walked depth-first with the
  entries of each folder in name order, glob matches are sorted.
- Folders hold things that are not pages: hidden files and folders (``.git``, ``.DS_Store``) are
  skipped; FIFOs, sockets and devices found inside a folder are reported, not opened (opening a
  FIFO nobody writes to would hang the run). Named explicitly, they are read: that is how
  ``<(zcat x.gz)`` and ``/dev/stdin`` work.
- Symlinked folders are followed, but each folder is visited once per walk, recognised by its
  ``(st_dev, st_ino)``; a symlink loop therefore ends the descent instead of the run.
- A directory matched by a ``**`` pattern is not walked again: the pattern already reaches into it,
  and walking it would read its files twice.

Problems become ``Failure(path, message)`` items in the same stream, so the run goes on and the
count of failed inputs stays exact.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from cleantext.model import Failure
from cleantext.read.streams import describe_os_error
from cleantext.regexes import compiled

STDIN = "-"

_GLOB_CHARS = compiled(r"[*?[]")

_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


@dataclass(frozen=True)
class Place:
    """Where an item is in a run: the ``input``-th path ``expand_inputs`` gives (named ``name``), and
    the ``item``-th item read from it. Stable across runs over unchanged inputs, so a resumed run
    can start after a place an earlier run recorded."""

    input: int
    item: int
    name: str

    def as_dict(self) -> dict[str, Any]:
        return {"input": self.input, "item": self.item, "name": self.name}

    @classmethod
    def of(cls, data: dict[str, Any]) -> Place:
        return cls(int(data["input"]), int(data["item"]), str(data["name"]))


def expand_inputs(inputs: Sequence[str]) -> Iterator[str | Failure]:
    """Paths to read, in a stable order, with a Failure for each input that cannot be read.

    No inputs means stdin (``-``). Folders are walked, globs expanded.

    >>> list(expand_inputs([]))
    ['-']
    >>> list(expand_inputs(["/no/such/file.html"]))
    [Failure(uri='/no/such/file.html', message='missing: no such file or directory')]
    """
    for item in inputs or [STDIN]:
        if item == STDIN:
            yield STDIN
        elif os.path.lexists(item) or not _GLOB_CHARS.search(item):
            yield from _expand_path(item)
        else:
            yield from _expand_glob(item)


def _expand_glob(pattern: str) -> Iterator[str | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure(pattern, "no match: the pattern matched no files")
        return
    reaches_down = "**" in pattern
    for match in matches:
        if reaches_down and os.path.isdir(match):
            continue
        yield from _expand_path(match)


def _expand_path(path: str) -> Iterator[str | Failure]:
    """One path named by the user: a folder is walked; anything else is read as given."""
    try:
        info = os.stat(path)
    except OSError as exc:
        yield Failure(path, _stat_message(path, exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path)
    else:
        yield path


def _walk(root: str) -> Iterator[str | Failure]:
    """Files under a folder: depth-first, each folder's entries in name order, hidden ones skipped.

    Lazy: what is held is the sorted names of the folders on the way down to the current one
    (a folder of a million files costs its names, ~60 MB; a million files in a thousand folders
    a few thousand names), never the list of every file.
    """
    visited: set[tuple[int, int]] = set()  # (st_dev, st_ino) of folders entered in this walk
    levels: list[Iterator[str]] = [iter([root])]  # per open folder, the paths still to visit in it
    while levels:
        path = next(levels[-1], None)
        if path is None:
            levels.pop()
            continue
        try:
            info = os.stat(path)
        except OSError as exc:
            yield Failure(path, _stat_message(path, exc))
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield _regular_or_failure(path, info.st_mode)
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:  # a symlink back to a folder of this walk: a loop, or a second route
            continue
        visited.add(key)
        try:
            names = sorted(name for name in os.listdir(path) if not name.startswith("."))
        except OSError as exc:
            yield Failure(path, describe_os_error(exc))
            continue
        levels.append(_joined(path, names))


def _joined(folder: str, names: list[str]) -> Iterator[str]:
    for name in names:
        yield os.path.join(folder, name)


def _regular_or_failure(path: str, mode: int) -> str | Failure:
    for test, kind in _SPECIAL_KINDS:
        if test(mode):
            return Failure(path, f"not a regular file ({kind}); skipped")
    return path


def _stat_message(path: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        return "missing: broken symlink (its target does not exist)"
    return describe_os_error(exc)
