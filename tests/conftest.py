"""Shared paths and helpers for the suite. Real files, real processes, real OpenCC and chardet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "dumps" / "000_547391f3b4e202b1.txt"
BENCH = ROOT.parent / "shared" / "bench"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``kill`` take minutes: they run only when asked for by name (``-m kill``, make test-kill)."""
    if "kill" in (config.getoption("markexpr") or ""):
        return
    kept = [item for item in items if item.get_closest_marker("kill") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("kill")])
        items[:] = kept


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """Run the real entry point (``python -m cleantext``) in a subprocess."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR",)}
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args],
        input=stdin, capture_output=True, cwd=cwd, timeout=timeout, env=env, check=False,
    )


def json_lines(data: bytes) -> list[dict[str, object]]:
    """Parse stdout as JSON lines, failing on anything that is not one JSON object per line."""
    out = []
    for line in data.decode("utf-8").splitlines():
        obj = json.loads(line)
        assert isinstance(obj, dict), line
        out.append(obj)
    return out


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()
