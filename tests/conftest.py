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
