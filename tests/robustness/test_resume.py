"""Issue 18: real shard runs killed at random points (SIGKILL of the parent alone, SIGTERM), then resumed.

After each kill: no worker outlives its parent by more than ``ORPHAN_SECONDS``, every shard the
manifest lists is whole and matches its checksum, and anything else in the folder is the dead run's
unfinished work (its next shard, temporary files), which the next ``--resume`` removes. The resumed
chain must end with exactly the records of one uninterrupted run, in the same order, and the same counts.

The quick version (a few hundred pages, 3 kill points) runs with the suite; ``make test-kill`` runs
the long one (a few thousand pages, 20 kill points).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BENCH, ROOT
from tests.robustness.pages import write_pages

ORPHAN_SECONDS = 2.0  # seconds within which the workers of a killed parent must be gone
SHARD_SIZE = "20"  # records: small shards, so that kills land between many shard ends
JOBS = "2"
SIGTERM_EXIT = 143
RUN_TIMEOUT = 600  # seconds for one uninterrupted run (the long version, on a busy machine)


def copy_bench(folder: Path, count: int) -> Path:
    """``count`` pages: the bench's text dumps copied round-robin into a few sub-folders (made-up pages
    when the bench is not there)."""
    sources = sorted(BENCH.glob("*/*.txt")) if BENCH.is_dir() else []
    if not sources:
        return write_pages(folder, count)
    for number in range(count):
        target = folder / f"d{number % 7}" / f"{number:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sources[number % len(sources)], target)
    return folder


def _start(pages: Path, out: Path, log: Path, *extra: str) -> subprocess.Popen[bytes]:
    with log.open("ab") as stderr:  # a file, not a pipe: nothing blocks a run nobody reads
        return subprocess.Popen(
            [sys.executable, "-m", "cleantext", "run", str(pages), "-o", f"{out}/", "-q",
             "--jobs", JOBS, "--shard-size", SHARD_SIZE, *extra],
            stdout=subprocess.DEVNULL, stderr=stderr, cwd=ROOT, start_new_session=True,
        )


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def _alive(pid: str) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its parent's reaping is left


def _survivors(workers: list[str]) -> list[str]:
    deadline = time.monotonic() + ORPHAN_SECONDS
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in workers):
            return []
        time.sleep(0.05)
    return [pid for pid in workers if _alive(pid)]


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _check_folder(out: Path) -> None:
    """Listed shards whole and as the manifest says; the rest only a dead run's unfinished work."""
    if not out.exists():  # killed while starting, before it made the folder: nothing to check
        return
    listed: set[str] = set()
    if (out / "manifest.json").exists():
        manifest = _manifest(out)
        for shard in manifest["shards"]:
            data = (out / shard["name"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == shard["sha256"]
            assert gzip.decompress(data).count(b"\n") == shard["records"]
            listed.add(shard["name"])
        counts = manifest["counts"]
        assert counts["read"] == counts["written"] + counts["dropped"] + counts["failed"]
    unlisted = {p.name for p in out.iterdir()} - listed - {"manifest.json"}
    next_shard = f"part-{len(listed):05d}.jsonl.gz"  # renamed, but the run died before listing it
    assert all(name == next_shard or (name.startswith(".") and name.endswith(".tmp")) for name in unlisted), unlisted


def _records(out: Path) -> list[bytes]:
    return [line for shard in _manifest(out)["shards"] for line in gzip.decompress((out / shard["name"]).read_bytes()).splitlines()]


def _summary(log: Path) -> str:
    return log.read_text(encoding="utf-8").splitlines()[-1]


def _kill_and_resume(pages: Path, tmp_path: Path, kills: int, seed: int) -> None:
    reference, out, log = tmp_path / "reference", tmp_path / "out", tmp_path / "run.log"
    started = time.monotonic()
    proc = _start(pages, reference, tmp_path / "reference.log")
    assert proc.wait(timeout=RUN_TIMEOUT) == 0
    whole = time.monotonic() - started
    rng = random.Random(seed)
    for number in range(kills):
        said = log.stat().st_size if log.exists() else 0
        proc = _start(pages, out, log, *(["--resume"] if number else []))
        time.sleep(rng.uniform(0.1, max(0.5, 2 * whole / kills)))  # a random point, some before any shard ends
        workers = _children(proc.pid)
        if number % 4 == 3:  # SIGTERM: as Ctrl-C, with a summary and exit 143
            proc.terminate()
            code = proc.wait(timeout=60)
            starting = code == -signal.SIGTERM and log.stat().st_size == said  # still importing: the default action
            if code != 0 and not starting:  # 0: the run ended before the signal
                assert code == SIGTERM_EXIT and _summary(log).endswith("; terminated"), _summary(log)
        else:  # the parent alone, as the out-of-memory killer does
            proc.kill()
            proc.wait(timeout=60)
        assert _survivors(workers) == [], f"kill {number}: workers outlived their parent"
        _check_folder(out)
    proc = _start(pages, out, log, "--resume")
    assert proc.wait(timeout=RUN_TIMEOUT) == 0, log.read_text(encoding="utf-8")[-2000:]
    _check_folder(out)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # nothing of the dead runs is left
    assert _records(out) == _records(reference)  # record for record, in input order
    finished, expected = _manifest(out), _manifest(reference)
    assert finished["counts"] == expected["counts"] and finished["complete"] is True
    assert b"Traceback" not in log.read_bytes()


def test_killed_runs_resume_to_the_uninterrupted_output(tmp_path: Path) -> None:
    pages = copy_bench(tmp_path / "pages", 120)
    _kill_and_resume(pages, tmp_path, kills=3, seed=18)


@pytest.mark.kill
def test_twenty_random_kills_resume_to_the_uninterrupted_output(tmp_path: Path) -> None:
    pages = copy_bench(tmp_path / "pages", 2400)
    _kill_and_resume(pages, tmp_path, kills=20, seed=1818)


def test_a_resumed_run_with_other_settings_is_refused_in_one_line(tmp_path: Path) -> None:
    pages = copy_bench(tmp_path / "pages", 3)
    out = tmp_path / "out"
    assert _start(pages, out, tmp_path / "a.log").wait(timeout=RUN_TIMEOUT) == 0
    proc = subprocess.run(
        [sys.executable, "-m", "cleantext", "run", str(pages), "-o", f"{out}/", "--resume", "--to", "traditional"],
        capture_output=True, cwd=ROOT, timeout=RUN_TIMEOUT, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"cleantext: {out}/: cannot resume: to was unset, now \"traditional\" (add --force to resume anyway)"
    ]


def test_sigterm_of_a_shard_run_closes_the_partial_shard(tmp_path: Path) -> None:
    """SIGTERM: the shard being written is closed with what it took, listed, and resumed from."""
    pages = copy_bench(tmp_path / "pages", 1500)  # many seconds of work: the signal lands mid-run
    out, log = tmp_path / "out", tmp_path / "run.log"
    proc = _start(pages, out, log, "--shard-size", "100000")  # one shard: only the partial one can hold records
    deadline = time.monotonic() + RUN_TIMEOUT
    while not list(out.glob(".part-00000.jsonl.gz.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(1)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == SIGTERM_EXIT
    summary = _summary(log)
    written = int(summary.split(" read, ")[1].split(" written")[0])
    manifest = _manifest(out)
    assert manifest["complete"] is False and manifest["counts"]["written"] == written > 0
    _check_folder(out)
