"""Issue 4.4: pipes, Ctrl-C and kill -9 through the real CLI: quiet ends, whole lines, atomic files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, json_lines
from tests.robustness.pages import interrupt, start_cli, wait_for_temporary, write_pages

RUN_PAGES = 1500  # pages: several seconds of work, so a signal lands mid-run
SIGINT_EXIT = 130
SIGTERM_EXIT = 143
ORPHAN_SECONDS = 2  # seconds within which workers of a killed parent must be gone
QUIET_EXIT_SECONDS = 10  # seconds from Ctrl-C to exit, workers included (batches in flight finish)


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pages(tmp_path_factory.mktemp("big") / "pages", RUN_PAGES)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_stdout_ends_quietly(big_folder: Path, jobs: str) -> None:
    proc = subprocess.run(
        f"{sys.executable} -m cleantext run {big_folder} --jobs {jobs} | head -1",
        shell=True, capture_output=True, cwd=ROOT, timeout=120, check=False,
    )
    assert len(json_lines(proc.stdout)) == 1
    assert b"Traceback" not in proc.stderr and b"Exception" not in proc.stderr
    assert proc.stderr.decode().splitlines()[-1].startswith("cleantext: ")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_with_a_summary_and_whole_lines(big_folder: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out.jsonl"
    proc = start_cli("run", str(big_folder), "-o", str(out), "--jobs", jobs)
    wait_for_temporary(tmp_path, out.name, min_bytes=1)  # under way: records are being written
    interrupt(proc)
    sent = time.monotonic()
    try:
        _, err = proc.communicate(timeout=60)  # stderr closes when the last worker is gone too
    except subprocess.TimeoutExpired:  # say what still runs (seen once in CI, never reproduced)
        left = _group_state(proc.pid)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"still running 60 s after Ctrl-C: {left}")
    assert time.monotonic() - sent < QUIET_EXIT_SECONDS
    assert proc.returncode == SIGINT_EXIT
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    summary = err.decode().splitlines()[-1]
    assert summary.startswith("cleantext: ") and summary.endswith("; interrupted")
    if out.exists():
        written = int(summary.split(" read, ")[1].split(" written")[0])
        assert len(json_lines(out.read_bytes())) == written < RUN_PAGES
    assert not list(tmp_path.glob(".out.jsonl.*.tmp"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_kill_9_leaves_the_previous_output_whole(big_folder: Path, tmp_path: Path, jobs: str) -> None:
    out, fresh = tmp_path / "out.jsonl", tmp_path / "fresh.jsonl"
    previous = json.dumps({"id": "old", "text": "上一次的完整输出"}, ensure_ascii=False) + "\n"
    out.write_text(previous, encoding="utf-8")
    for target in (out, fresh):
        proc = start_cli("run", str(big_folder), "-o", str(target), "--jobs", jobs, stdout=subprocess.DEVNULL)
        wait_for_temporary(tmp_path, target.name, min_bytes=1)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8") == previous  # the old version, untouched
    assert not fresh.exists()  # never a partial file under the final name


def _group_state(group: int) -> list[str]:
    """The processes of a process group with their state and what they wait in (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:  # after the name: state, ppid, pgrp
                wchan = (stat.parent / "wchan").read_text()
                found.append(f"{stat.parent.name} ppid {fields[1]} {fields[0]} {wchan}")
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def test_ctrl_c_while_workers_wait_for_input(tmp_path: Path) -> None:
    """Idle workers (blocked on their task queue) must not print a KeyboardInterrupt traceback each."""
    folder = write_pages(tmp_path / "few", 20)  # enough for batches to go out, then stdin blocks the parent
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleantext", "run", str(folder), "-", "--jobs", "2"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:  # the pool is up, stdin stays open
        time.sleep(0.05)
    time.sleep(1)  # the workers have built their cleaners and wait
    assert len(_children(proc.pid)) == 2
    interrupt(proc)
    _, err = proc.communicate(timeout=QUIET_EXIT_SECONDS)
    assert proc.returncode == SIGINT_EXIT
    assert b"Traceback" not in err
    [summary] = err.decode().splitlines()
    assert summary.startswith("cleantext: ") and summary.endswith("; interrupted")


def _alive(pid: str) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_workers_end_themselves_when_the_parent_is_killed(big_folder: Path, tmp_path: Path) -> None:
    """kill -9 of the parent alone: its workers notice and exit within ORPHAN_SECONDS."""
    out = tmp_path / "out.jsonl"
    proc = start_cli("run", str(big_folder), "-o", str(out), "--jobs", "2", stdout=subprocess.DEVNULL)
    wait_for_temporary(tmp_path, out.name, min_bytes=1)
    workers = _children(proc.pid)
    assert len(workers) == 2
    proc.kill()  # the parent only, as the out-of-memory killer does
    proc.communicate(timeout=60)
    deadline = time.monotonic() + ORPHAN_SECONDS
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]
    assert not out.exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_ends_like_ctrl_c_with_exit_143(big_folder: Path, tmp_path: Path, jobs: str) -> None:
    """kill (SIGTERM) of the parent alone: workers stopped, whole lines committed, a summary, 143."""
    out = tmp_path / "out.jsonl"
    proc = start_cli("run", str(big_folder), "-o", str(out), "--jobs", jobs)
    wait_for_temporary(tmp_path, out.name, min_bytes=1)
    workers = _children(proc.pid)
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == SIGTERM_EXIT
    assert b"Traceback" not in err
    summary = err.decode().splitlines()[-1]
    assert summary.startswith("cleantext: ") and summary.endswith("; terminated")
    written = int(summary.split(" read, ")[1].split(" written")[0])
    assert 0 < len(json_lines(out.read_bytes())) == written < RUN_PAGES
    assert not [pid for pid in workers if _alive(pid)]
    assert not list(tmp_path.glob(".out.jsonl.*.tmp"))
