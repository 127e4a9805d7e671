"""Compiled regular expressions saved between runs: the same patterns as ``re.compile``, in real
processes with a real cache folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from cleantext.boilerplate import features, markers
from cleantext.regexes import compiled

PROBE = """
import re, sys
from cleantext import regexes
pattern = regexes.compiled(r"(?P<year>\\d{4})\\s*年", re.I)
print(len(regexes._load()), pattern.search("公元 2025 年").group("year"), pattern == re.compile(pattern.pattern, re.I))
"""


def _probe(cache: str, **more: str) -> str:
    env = {**os.environ, "CLEANTEXT_CACHE_DIR": cache, **more}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_package_patterns_compile_to_what_re_compiles() -> None:
    for pattern in (markers.ANY_ANYWHERE, features.ASCII_PUNCT, features.WORD, features.NOT_CJK_RUN):
        assert compiled(pattern.pattern, pattern.flags) == re.compile(pattern.pattern, pattern.flags)
    assert compiled(rb"\x00+") == re.compile(rb"\x00+")  # byte patterns: compiled as re does


def test_a_second_run_reads_what_the_first_saved(tmp_path: Path) -> None:
    assert _probe(str(tmp_path)) == "0 2025 True"  # nothing saved yet: compiled, then saved
    assert len(list(tmp_path.glob("regexes-*.marshal"))) == 1
    first, year, same = _probe(str(tmp_path)).split()
    assert int(first) >= 1 and (year, same) == ("2025", "True")  # read back, and equal to re's


def test_a_broken_cache_file_only_means_compiling(tmp_path: Path) -> None:
    _probe(str(tmp_path))
    (cache,) = tmp_path.glob("regexes-*.marshal")
    cache.write_bytes(b"not a marshal file")
    assert _probe(str(tmp_path)) == "0 2025 True"


def test_an_empty_cache_folder_setting_turns_the_cache_off(tmp_path: Path) -> None:
    assert _probe("", XDG_CACHE_HOME=str(tmp_path), HOME=str(tmp_path)) == "0 2025 True"
    assert _probe("", XDG_CACHE_HOME=str(tmp_path), HOME=str(tmp_path)) == "0 2025 True"  # nothing was saved
    assert not list(tmp_path.rglob("*.marshal"))


def test_without_a_setting_the_cache_is_in_the_users_cache_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CLEANTEXT_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    assert len(list((tmp_path / "cleantext").glob("regexes-*.marshal"))) == 1
