"""beautifulsoup4 for the HTML segmenter, imported without the encoding detector it never uses here.

Observations this relies on:

- Importing bs4 imports an encoding detector at once (``bs4.dammit``: cchardet, else chardet, else
  charset_normalizer), for ``UnicodeDammit`` to guess the encoding of bytes. cleantext hands bs4
  decoded text only (the decode stage chose the encoding), so that detector is never asked, and
  chardet alone costs ~25 ms of a one-page run (whose whole budget is 0.3 s).
- bs4 4.13+ imports the detector inside ``try: ... except ImportError`` and keeps the one it found
  in ``bs4.dammit.chardet_module`` (None when none is installed). While the detectors look absent
  (a finder first on ``sys.meta_path`` denies them to the importing thread, and to no other),
  bs4 records None; right after, they are found again (the decode stage imports chardet itself
  when a page needs it), and bs4's record becomes a ``DetectorOnDemand``, which imports the
  detector bs4 would have chosen at bs4's first question. Any other user of bs4 in the process
  sees the same detection as before, only later.
- Relying on bs4's internals is guarded: a bs4 that fails to import with the detectors hidden is
  imported again as usual, and a bs4 whose ``dammit`` has no ``chardet_module`` set to None has
  its ``dammit`` run again with the detectors visible, which is what a plain import would have done.
"""

from __future__ import annotations

import functools
import importlib
import sys
import threading
from types import ModuleType
from typing import Any

BS4_DETECTORS = ("cchardet", "chardet", "charset_normalizer")  # bs4's order of preference


class DetectorOnDemand:
    """Stands in for bs4's detector module: imports the first of ``names`` installed when asked.

    >>> DetectorOnDemand(("no_such_detector",)).detect(b"abc")
    {'encoding': None}
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def detect(self, data: bytes) -> dict[str, Any]:
        module = _first_installed(self.names)
        return {"encoding": None} if module is None else dict(module.detect(data))


@functools.cache
def _first_installed(names: tuple[str, ...]) -> ModuleType | None:
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    return None


def import_without_detectors(package: str, dammit: str, detectors: tuple[str, ...]) -> None:
    """Import ``package`` while ``detectors`` look absent, then give its ``dammit`` module a
    ``DetectorOnDemand`` (see the module's notes). Does nothing when ``package`` is imported."""
    if package in sys.modules:
        return
    hidden = tuple(name for name in detectors if name not in sys.modules)
    hider = _Hider(hidden, threading.get_ident())
    sys.meta_path.insert(0, hider)
    try:
        importlib.import_module(dammit)
    except ImportError:
        sys.meta_path.remove(hider)
        importlib.import_module(dammit)  # a version that needs its detector: imported as usual
        return
    finally:
        if hider in sys.meta_path:
            sys.meta_path.remove(hider)
    module = sys.modules[dammit]
    if getattr(module, "chardet_module", "unknown") is None:
        module.chardet_module = DetectorOnDemand(detectors)  # type: ignore[attr-defined]
    elif hidden:
        importlib.reload(module)  # not the layout this trick knows: detection as a plain import has it


class _Hider:
    """A finder first on ``sys.meta_path`` that says ``names`` do not exist, to one thread only:
    any other thread importing a detector meanwhile finds it as usual."""

    def __init__(self, names: tuple[str, ...], thread: int) -> None:
        self.names = names
        self.thread = thread

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"{name} is hidden while bs4 is imported", name=name)


import_without_detectors("bs4", "bs4.dammit", BS4_DETECTORS)

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag  # noqa: E402 - bs4 is imported just above

__all__ = ["BS4_DETECTORS", "BeautifulSoup", "DetectorOnDemand", "NavigableString", "PageElement", "Tag"]
