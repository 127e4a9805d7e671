"""Regular expressions compiled once per machine, not once per run.

Observations:

- Python compiles a regular expression in Python code (``re._parser``, ``re._compiler``) and keeps
  the result for the life of the process only. cleantext's stages hold about 150 patterns, some
  with the large character classes of CJK text, and compiling them is most of a one-page run's
  start-up (about 80 ms of 0.3 s).
- The compiled form is a list of integers that the regex engine (``_sre``) turns into a Pattern
  in microseconds, and it depends on the pattern, its flags, the Python version and the engine's
  version only.

So ``compiled`` returns what ``re.compile`` returns, built from the compiled form an earlier run
saved (one file in the user's cache folder, per Python version and engine version) when it has
it; the forms it had to compute are added to that file when the process ends, as Python does
with its ``.pyc`` files. A missing, unreadable or foreign cache file, a Python that is not
CPython, or an engine that lacks what this relies on only means compiling as ``re`` does.
``CLEANTEXT_CACHE_DIR`` sets the folder; set to an empty string, it turns the cache off.

>>> compiled(r"(?P<year>\\d{4})年", re.I) == re.compile(r"(?P<year>\\d{4})年", re.I)
True
"""

from __future__ import annotations

import atexit
import functools
import marshal
import os
import platform
import re
import sys
from pathlib import Path
from typing import Any, AnyStr, cast

try:  # the engine and the compiler's stages, as CPython 3.11+ has them
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    ENGINE: Any = _sre if platform.python_implementation() == "CPython" else None
except ImportError:  # pragma: no cover - another Python
    ENGINE = None

Form = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # what _sre.compile takes

_new: dict[tuple[str, int], Form] = {}  # compiled by this process, saved at its end
_built: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's patterns, as re keeps its own


def cache_file() -> Path | None:
    """The cache file for this Python and engine, or None when the cache is off."""
    folder = os.environ.get("CLEANTEXT_CACHE_DIR")
    if folder == "":
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "cleantext")
    version = ".".join(map(str, sys.version_info[:3]))  # a patch release may compile differently
    return Path(folder) / f"regexes-cpython{version}-{getattr(ENGINE, 'MAGIC', 0)}.marshal"


def compiled(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the saved compiled form when there is one (text
    patterns; byte patterns are few and small, and compile as ``re`` does)."""
    flags = int(flags)
    if ENGINE is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    built = _built.get(key)
    if built is not None:
        return cast("re.Pattern[AnyStr]", built)
    form = _load().get(key)  # a form this process compiled is in _built already
    try:
        if form is None:
            form = _compile_form(pattern, flags)
            _new[key] = form
        built = ENGINE.compile(pattern, *form)
    except Exception:  # noqa: BLE001 - an engine this does not know: compile as re does
        built = re.compile(pattern, flags)
    _built[key] = built
    return cast("re.Pattern[AnyStr]", built)


def _compile_form(pattern: str, flags: int) -> Form:
    """What ``re._compiler.compile`` hands the engine, as plain values ``marshal`` can save."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    return int(flags | parsed.state.flags), [int(c) for c in code], groups, groupindex, tuple(indexgroup)


@functools.cache
def _load() -> dict[tuple[str, int], Form]:
    """The forms earlier runs saved (read once per process); ``_save`` runs at the process's end."""
    atexit.register(_save)
    path = cache_file()
    if path is not None:
        try:
            data = marshal.loads(path.read_bytes())
            if isinstance(data, dict):
                return data
        except (OSError, ValueError, EOFError, TypeError):
            pass  # no cache yet, or not one this Python wrote
    return {}


def _save() -> None:
    """Add this run's newly compiled forms to the cache file (atomically; best effort)."""
    path = cache_file()
    if not _new or path is None:
        return
    import tempfile  # here: only a run that compiled something new saves (~3 ms of start-up)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return  # a read-only home: every run compiles, as without the cache
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps({**_load(), **_new}))
        os.replace(tmp, path)
        _new.clear()
    except (OSError, ValueError):
        Path(tmp).unlink(missing_ok=True)
