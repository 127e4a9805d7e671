"""Issue 18: real ``-o FILE --resume`` runs killed mid-run (SIGKILL of the parent alone, SIGTERM), then resumed.

After each kill nothing half-made is under the output's name, and what the run leaves is only its
``.out.jsonl.*.tmp`` files; the chain of runs ends with exactly the records of one uninterrupted run.
The inputs are the samples' pages and dumps copied many times, JSONL inputs of several records each,
and ``--min-chars`` so that many pages are dropped (written nowhere, yet never cleaned twice).
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, json_lines

COPIES = 12  # of the samples: ~500 inputs, several seconds of work, so a kill lands mid-run
SETTINGS = ("--min-chars", "200", "--jobs", "2", "-q")  # about half the samples' pages are too short
SIGTERM_EXIT = 143
WAIT_SECONDS = 120  # for a run to get under way, or to end, on a busy machine


def _corpus(folder: Path, copies: int = COPIES) -> Path:
    pages = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".html", ".txt") and p.is_file())
    records = b"".join(p.read_bytes() for p in sorted(SAMPLES.rglob("*.expected.jsonl")))
    folder.mkdir()
    for copy in range(copies):
        for number, page in enumerate(pages):
            shutil.copyfile(page, folder / f"{copy:02d}-{number:02d}-{page.name}")
        (folder / f"{copy:02d}-records.jsonl").write_bytes(records)  # one input, several records
    return folder


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleantext", *args], capture_output=True, cwd=ROOT,
                          timeout=WAIT_SECONDS * 5, check=False)


def _start(pages: Path, out: Path, log: Path, *extra: str) -> subprocess.Popen[bytes]:
    with log.open("ab") as stderr:  # a file, not a pipe: nothing blocks a run nobody reads
        return subprocess.Popen(
            [sys.executable, "-m", "cleantext", "run", str(pages), "-o", str(out), *SETTINGS, "--resume", *extra],
            stdout=subprocess.DEVNULL, stderr=stderr, cwd=ROOT, start_new_session=True,
        )


def _partial(out: Path) -> Path:
    return out.parent / f".{out.name}.partial.tmp"


def _wait_for_records(proc: subprocess.Popen[bytes], partial: Path, more_than: int) -> None:
    """Until the run's partial copy holds more than ``more_than`` bytes (or the run ended)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.stat().st_size > more_than:
            return
        time.sleep(0.02)


def _leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}."))


def _by_id(data: bytes) -> list[dict[str, object]]:
    return sorted(json_lines(data), key=lambda record: str(record["id"]))


def test_killed_and_terminated_runs_resume_to_the_uninterrupted_output(tmp_path: Path) -> None:
    pages = _corpus(tmp_path / "pages")
    reference = tmp_path / "reference.jsonl"
    assert _cli("run", str(pages), "-o", str(reference), *SETTINGS).returncode == 0
    out, log = tmp_path / "out.jsonl", tmp_path / "run.log"

    proc = _start(pages, out, log)  # 1: killed outright once records are on disk
    _wait_for_records(proc, _partial(out), 0)
    proc.kill()
    proc.wait(timeout=WAIT_SECONDS)
    assert not out.exists()  # never a half-made output under its name
    assert _leftovers(tmp_path, out.name) in ([], [".out.jsonl.partial.tmp", ".out.jsonl.progress.tmp"])
    killed_at = _partial(out).stat().st_size if _partial(out).exists() else 0

    changed = _cli("run", str(pages), "-o", str(out), *SETTINGS, "--resume", "--min-chars", "300")
    if killed_at:  # other settings: refused in one line, and nothing touched
        assert changed.returncode == 2
        assert changed.stderr.decode().splitlines() == [
            f"cleantext: {out}: cannot resume: min_chars was 200, now 300 (add --force to resume anyway)"
        ]
        assert _partial(out).stat().st_size == killed_at

    proc = _start(pages, out, log)  # 2: resumed, then SIGTERM once it wrote records of its own
    _wait_for_records(proc, _partial(out), killed_at)
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=WAIT_SECONDS)
    stderr = log.read_text(encoding="utf-8").splitlines()
    if code != 0:  # 0: the run ended before the signal
        assert code == SIGTERM_EXIT and stderr[-1].endswith("; terminated"), stderr
        assert stderr[-2].startswith(f"cleantext: {out}: not finished: its "), stderr
        assert not out.exists()

    proc = _start(pages, out, log)  # 3: to the end
    assert proc.wait(timeout=WAIT_SECONDS * 5) == 0, log.read_text(encoding="utf-8")[-2000:]
    assert _leftovers(tmp_path, out.name) == []  # nothing of the stopped runs is left
    assert _by_id(out.read_bytes()) == _by_id(reference.read_bytes())  # record for record
    assert out.read_bytes() == reference.read_bytes()  # and in the same order
    assert "Traceback" not in log.read_text(encoding="utf-8")


def _kill_chain(pages: Path, tmp_path: Path, kills: int, seed: int) -> None:
    """Runs killed one after the other, each once its partial copy grew by a random amount (SIGKILL
    of the parent alone, as the out-of-memory killer does; every fourth a SIGTERM), then one to the end."""
    reference = tmp_path / "reference.jsonl"
    assert _cli("run", str(pages), "-o", str(reference), *SETTINGS).returncode == 0
    out, log = tmp_path / "out.jsonl", tmp_path / "run.log"
    rng = random.Random(seed)
    size = 0
    for number in range(kills):
        proc = _start(pages, out, log)
        _wait_for_records(proc, _partial(out), size + rng.randrange(len(reference.read_bytes()) // kills))
        if number % 4 == 3:
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=WAIT_SECONDS) in (0, SIGTERM_EXIT)
        else:
            proc.kill()
            proc.wait(timeout=WAIT_SECONDS)
        if proc.returncode == 0:  # it ended first: the output is whole, and the next --resume starts over
            assert out.read_bytes() == reference.read_bytes()
            out.unlink()
        assert not out.exists()
        assert _leftovers(tmp_path, out.name) in ([], [".out.jsonl.partial.tmp", ".out.jsonl.progress.tmp"])
        size = _partial(out).stat().st_size if _partial(out).exists() else 0
    proc = _start(pages, out, log)
    assert proc.wait(timeout=WAIT_SECONDS * 5) == 0, log.read_text(encoding="utf-8")[-2000:]
    assert _leftovers(tmp_path, out.name) == []
    assert out.read_bytes() == reference.read_bytes()
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.mark.kill
def test_twenty_random_kills_of_a_file_run_resume_to_the_uninterrupted_output(tmp_path: Path) -> None:
    _kill_chain(_corpus(tmp_path / "pages", copies=60), tmp_path, kills=20, seed=1818)


def test_force_resumes_with_other_settings_keeping_what_was_written(tmp_path: Path) -> None:
    pages = _corpus(tmp_path / "pages")
    out, log = tmp_path / "out.jsonl", tmp_path / "run.log"
    proc = _start(pages, out, log)
    _wait_for_records(proc, _partial(out), 0)
    proc.send_signal(signal.SIGTERM)
    if proc.wait(timeout=WAIT_SECONDS) == 0:
        return  # the run ended before the signal: nothing to resume (a machine far faster than this test expects)
    kept = _partial(out).read_bytes()
    resumed = _cli("run", str(pages), "-o", str(out), *SETTINGS, "--resume", "--force", "--to", "traditional")
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stderr.decode().startswith(f"cleantext: {out}: resuming after {pages}/")
    data = out.read_bytes()
    assert data.startswith(kept) and len(data) > len(kept)  # the earlier records as they were, then the rest
    assert json.loads(data[len(kept):].splitlines()[-1])["id"]
    assert _leftovers(tmp_path, out.name) == []


def test_outputs_that_cannot_be_resumed_are_refused_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    shutil.copyfile(sorted(SAMPLES.rglob("*.html"))[0], page)
    for output, message in (
        (tmp_path / "out.jsonl.gz", "--resume continues an uncompressed file only"),
        ("-", "--resume needs an output that stays: give -o FILE or -o DIR/"),
    ):
        proc = _cli("run", str(page), "-o", str(output), "--resume")
        assert proc.returncode == 2 and proc.stdout == b""
        lines = proc.stderr.decode().splitlines()
        assert len(lines) == 1 and message in lines[0], lines
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
