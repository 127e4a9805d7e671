"""Doctest collection (``pytest --doctest-modules``) without the ``ray`` extra installed.

Here, at the root, not in the package: a conftest is a test's file, not something to ship.
``cleantext/engines/ray.py`` imports Ray at the top on purpose (the CLI relies on the ImportError), so without Ray
it is left out of collection instead of failing it. Found without importing Ray (~1 s).
"""

from __future__ import annotations

import importlib.util


def _ray_installed() -> bool:
    try:
        return importlib.util.find_spec("ray") is not None
    except (ImportError, ValueError):  # ValueError: sys.modules["ray"] is None (hidden on purpose)
        return False


collect_ignore = [] if _ray_installed() else ["cleantext/engines/ray.py"]
