"""The files of a cluster run, listed on the driver as the run goes, in the order the local engine reads them.

Observations this module relies on:

- Duplicate removal keeps the first copy in input order, and every item is named after its input
  (``path``, ``path#N``), so the cluster must know, for each file it reads, its place in the input
  and the name the local engine would give it. The driver lists the inputs itself and hands the
  cluster an explicit list of files: Ray's own listing would lose both.
- Local paths are expanded by ``cleantext.read.expand_inputs`` (folders walked depth-first, entries
  in name order, globs sorted, hidden files skipped, missing inputs as Failures), so the order and
  names are exactly the local ones.
- A URI with a scheme (``s3://bucket/pages/``, ``gs://…``) is listed through pyarrow's filesystems,
  which Ray uses for reading as well: a folder (a key prefix) recursively, in path order, hidden
  names skipped as locally. pyarrow (a dependency of Ray Data) is imported only for such URIs.
- Ray reports the path of each row without the scheme (``bucket/pages/a.html`` for
  ``s3://bucket/pages/a.html``) and local paths as given; ``bare`` gives both sides one spelling.

>>> [(number, type(entry).__name__) for number, entry in placed_files(["/no/such/dir/"])]
[(0, 'Failure')]
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cleantext.model import Failure
from cleantext.read import expand_inputs

SCHEME_SEP = "://"
TASK_RETRIES = 2  # runs after the first of a cluster task whose worker died, or of a failed remote read


@dataclass(frozen=True)
class InputFile:
    """One file to read: its name in records (``uri``) and the path handed to Ray (``location``)."""

    uri: str
    location: str


# files to clean, in input order: each with its ordinal and the first item to clean (0, unless a
# run resumed inside it or the driver cleaned its first items); inputs not listed are Failures
Batch = list[tuple[int, "InputFile | Failure", int]]


def bare(location: str) -> str:
    """A location without its scheme, as Ray reports row paths.

    >>> bare("s3://bucket/a.html"), bare("/data/a.html")
    ('bucket/a.html', '/data/a.html')
    """
    return location.split(SCHEME_SEP, 1)[-1]


def placed_files(inputs: Sequence[str]) -> Iterator[tuple[int, InputFile | Failure]]:
    """Every file of the inputs, and a Failure for each input that cannot be listed, each with its
    ordinal: the ``Place.input`` the local engine gives it (``read.iter_placed``). Local folders are
    walked as the run goes, not listed up front.

    >>> [(number, entry.uri) for number, entry in placed_files(["/no/such.html", "/no/such/dir/"])]
    [(0, '/no/such.html'), (1, '/no/such/dir/')]
    """
    number = 0
    for item in inputs:
        for entry in _list_remote(item) if SCHEME_SEP in item else _walk_local(item):
            yield number, entry
            number += 1


def _walk_local(item: str) -> Iterator[InputFile | Failure]:
    for path in expand_inputs([item]):
        yield path if isinstance(path, Failure) else InputFile(path, os.path.abspath(path))


def _list_remote(uri: str) -> list[InputFile | Failure]:
    """A remote file, or the files under a remote folder (key prefix), in path order."""
    from pyarrow import fs

    scheme = uri.split(SCHEME_SEP, 1)[0]
    try:
        filesystem, root = fs.FileSystem.from_uri(uri)
        info = filesystem.get_file_info(root)
        if info.type == fs.FileType.File:
            return [InputFile(uri, uri)]
        if info.type == fs.FileType.NotFound:
            return [Failure(uri, "missing: no such file or folder")]
        found = filesystem.get_file_info(fs.FileSelector(root, recursive=True))
    except (OSError, ValueError) as exc:  # pyarrow reports access and URI problems so
        return [Failure(uri, f"cannot list: {exc}")]
    paths = sorted(f.path for f in found if f.type == fs.FileType.File and not _hidden(f.path, root))
    return [InputFile(f"{scheme}{SCHEME_SEP}{path}", f"{scheme}{SCHEME_SEP}{path}") for path in paths]


def _hidden(path: str, root: str) -> bool:
    """Whether a name below ``root`` starts with a dot (``.git``, ``.DS_Store``), as skipped locally."""
    relative = path[len(root) :].strip("/")
    return any(part.startswith(".") for part in relative.split("/"))


def read_bytes(location: str) -> bytes:
    """A file's bytes as stored (a .gz stays compressed: the read package opens it as locally); a
    remote one is read again up to ``TASK_RETRIES`` times before its OSError is raised."""
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
