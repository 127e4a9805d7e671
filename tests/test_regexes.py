"""regexes.compiled: what re.compile gives, compiled on first use, and no file written anywhere."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from cleantext.regexes import compiled


def test_a_pattern_compiles_on_first_use_and_answers_as_re_does() -> None:
    lazy = compiled(r"(\d+)\s*年", re.I)
    assert "compiled" not in vars(lazy)
    assert lazy.pattern == r"(\d+)\s*年"
    assert lazy.sub(r"<\1>", "2025 年 1999年") == re.sub(r"(\d+)\s*年", r"<\1>", "2025 年 1999年")
    assert "compiled" in vars(lazy)
    assert lazy.findall("7年") == ["7"] and lazy.groups == 1
    assert compiled(b"ab+").search(b"xabbb").group() == b"abbb"


def test_importing_every_stage_writes_nothing_in_home(tmp_path: Path) -> None:
    code = "import cleantext.pipeline, cleantext.cli; from cleantext import clean; clean('<p>正文内容足够长。</p>')"
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert list(tmp_path.iterdir()) == []
