"""``-o FILE --resume`` with real files: checkpoints, what an earlier run left, and what is refused.

The runs killed for real (SIGKILL, SIGTERM) are in ``tests/robustness/test_resume_file.py``.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.pipeline import Pipeline
from cleantext.read import iter_placed
from cleantext.runner import run_inputs
from cleantext.write.progress import SLOT_BYTES, read_progress, slots_start
from cleantext.write.resumable import FilePlan, ResumableFile, ResumeProblem, plan_file_resume
from tests.robustness.pages import article_dump, write_pages

MIN_CHARS = 700  # drops the short page, keeps the others
ITEMS = 18  # in _pages(): 12 pages, a short one, and a JSONL input of 5 records (its items 6 to 10)


def _pages(tmp_path: Path, count: int = 12) -> Path:
    pages = write_pages(tmp_path / "pages", count)
    (pages / "p00003.html").write_text("<html><body><p>短。</p></body></html>", encoding="utf-8")  # dropped
    records = "".join(json.dumps({"id": f"j{n}", "text": article_dump(100 + n)}, ensure_ascii=False) + "\n" for n in range(5))
    (pages / "p00005.jsonl").write_text(records, encoding="utf-8")  # one input, several records
    return pages


def _plain(pages: Path, out: Path, config: Config) -> bytes:
    assert run_inputs([str(pages)], config, output=str(out), errors=io.StringIO()).exit_code == 0
    return out.read_bytes()


def _stopped_after(pages: Path, out: Path, config: Config, items: int) -> FilePlan:
    """What a run stopped after its first ``items`` outcomes leaves: its partial copy and progress."""
    placed = list(iter_placed([str(pages)], config))[:items]
    plan = plan_file_resume(str(out), config, [str(pages)])
    with ResumableFile(plan, config, [str(pages)]) as writer:  # left without complete: kept
        for (place, _), outcome in zip(placed, Pipeline(config).run([item for _, item in placed]), strict=True):
            writer.take(outcome, place)
    return plan


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_resumable_run_writes_what_a_plain_run_writes_and_leaves_nothing_else(tmp_path: Path) -> None:
    pages, config = _pages(tmp_path), Config(min_chars=MIN_CHARS, jobs=1)
    expected = _plain(pages, tmp_path / "plain.jsonl", config)
    assert _plain(pages, tmp_path / "out.jsonl", config.with_(resume=True)) == expected
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("items", [1, 4, 8, 11, ITEMS])  # after a record, the drop, inside the JSONL input, its end
def test_a_stopped_run_is_continued_after_its_last_outcome(tmp_path: Path, items: int) -> None:
    pages, config = _pages(tmp_path), Config(min_chars=MIN_CHARS, jobs=1)
    expected = _plain(pages, tmp_path / "plain.jsonl", config)
    out = tmp_path / "out.jsonl"
    plan = _stopped_after(pages, out, config.with_(resume=True), items)
    assert not out.exists()  # never a half-made output under its name
    assert _leftovers(tmp_path) == [".out.jsonl.partial.tmp", ".out.jsonl.progress.tmp"]
    kept = Path(plan.partial).read_bytes()
    assert expected.startswith(kept) and kept.endswith(b"\n")
    errors = io.StringIO()
    result = run_inputs([str(pages)], config.with_(resume=True), output=str(out), errors=errors)
    assert result.exit_code == 0 and result.stats.read == ITEMS - items
    assert out.read_bytes() == expected
    assert f"resuming after {pages}/" in errors.getvalue()
    assert _leftovers(tmp_path) == []


def test_a_cut_last_line_after_the_checkpoint_is_cut_off(tmp_path: Path) -> None:
    pages, config = _pages(tmp_path), Config(min_chars=MIN_CHARS, jobs=1, resume=True)
    expected = _plain(pages, tmp_path / "plain.jsonl", config)
    out = tmp_path / "out.jsonl"
    plan = _stopped_after(pages, out, config, 2)
    with open(plan.partial, "ab") as partial:  # a kill between a record's bytes and its checkpoint
        partial.write(b'{"id": "half a rec')
    assert run_inputs([str(pages)], config, output=str(out), errors=io.StringIO()).exit_code == 0
    assert out.read_bytes() == expected


def test_a_torn_checkpoint_falls_back_to_the_one_before(tmp_path: Path) -> None:
    pages, config = _pages(tmp_path), Config(min_chars=MIN_CHARS, jobs=1, resume=True)
    plan = _stopped_after(pages, tmp_path / "out.jsonl", config, 4)
    fd = os.open(plan.progress, os.O_RDWR)
    try:
        _, newest = read_progress(fd)
        assert newest is not None and newest["place"]["input"] == 3
        start = slots_start(os.pread(fd, SLOT_BYTES, 0).index(b"\n") + 1)
        os.pwrite(fd, b"#" * 100, start + (newest["seq"] % 2) * SLOT_BYTES)  # torn by a lost machine
        _, older = read_progress(fd)
    finally:
        os.close(fd)
    assert older is not None and older["seq"] == newest["seq"] - 1 and older["place"]["input"] == 2
    expected = _plain(pages, tmp_path / "plain.jsonl", config.with_(resume=False))
    assert run_inputs([str(pages)], config, output=str(tmp_path / "out.jsonl"), errors=io.StringIO()).exit_code == 0
    assert (tmp_path / "out.jsonl").read_bytes() == expected


def test_records_shorter_than_the_progress_says_start_over_with_a_note(tmp_path: Path) -> None:
    pages, config = _pages(tmp_path), Config(min_chars=MIN_CHARS, jobs=1, resume=True)
    out = tmp_path / "out.jsonl"
    plan = _stopped_after(pages, out, config, 4)
    os.truncate(plan.partial, 10)
    again = plan_file_resume(str(out), config, [str(pages)])
    again.release()
    assert again.after is None and again.note == (
        f"{out}: the earlier run's records are shorter than its progress says; starting from the first input"
    )


def test_what_resuming_a_file_refuses(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    _stopped_after(pages, out, Config(resume=True), 2)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    resume = Config(resume=True)
    refusals = {
        "--resume needs an output that stays": (None, resume, [str(pages)]),
        "--resume needs an output that stays: give -o FILE": ("-", resume, [str(pages)]),
        "--resume continues an uncompressed file only": (str(tmp_path / "out.jsonl.gz"), resume, [str(pages)]),
        "--resume cannot continue a pipe or device": (str(fifo), resume, [str(pages)]),
        "cannot continue duplicate removal": (str(out), Config(resume=True, dedup="exact"), [str(pages)]),
        "cannot read stdin again": (str(out), resume, ["-"]),
        "cannot resume: min_chars was 0, now 5 (add --force": (str(out), Config(resume=True, min_chars=5), [str(pages)]),
        "cannot resume: other inputs": (str(out), resume, [str(pages), str(pages)]),
    }
    for message, (output, config, inputs) in refusals.items():
        with pytest.raises(ResumeProblem, match=message.replace("(", r"\(")):
            plan_file_resume(output, config, inputs)
        errors = io.StringIO()
        assert run_inputs(inputs, config, output=output, errors=errors).exit_code == 2
        assert errors.getvalue().count("\n") == 1
    assert _leftovers(tmp_path) == [".out.jsonl.partial.tmp", ".out.jsonl.progress.tmp"]  # untouched
    forced = plan_file_resume(str(out), Config(resume=True, min_chars=5, force=True), [str(pages)])
    forced.release()
    assert forced.after is not None and forced.kept_records == 2


def test_a_file_another_run_is_writing_is_refused(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    plan = _stopped_after(pages, out, Config(resume=True), 2)
    fd = os.open(plan.progress, os.O_RDONLY)  # as a live run holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(ResumeProblem, match="another cleantext run is writing it"):
            plan_file_resume(str(out), Config(resume=True), [str(pages)])
    finally:
        os.close(fd)


def test_a_run_without_resume_removes_an_unfinished_ones_files(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    _stopped_after(pages, out, Config(resume=True), 2)
    assert run_inputs([str(pages)], Config(), output=str(out), errors=io.StringIO()).exit_code == 0
    assert _leftovers(tmp_path) == []


def test_a_resumable_run_removes_what_dead_runs_left_for_its_output(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 4)
    dead = tmp_path / ".out.jsonl.0123456789ab.tmp"  # a plain run's temporary file, its writer killed
    dead.write_bytes(b'{"id": "cut')
    assert run_inputs([str(pages)], Config(resume=True), output=str(tmp_path / "out.jsonl"), errors=io.StringIO()).exit_code == 0
    assert _leftovers(tmp_path) == []


def test_a_run_killed_after_its_output_was_renamed_is_found_finished(tmp_path: Path) -> None:
    pages, config = _pages(tmp_path, 4), Config(resume=True, jobs=1)
    out = tmp_path / "out.jsonl"
    expected = _plain(pages, tmp_path / "plain.jsonl", config.with_(resume=False))
    placed = list(iter_placed([str(pages)], config))
    writer = ResumableFile(plan_file_resume(str(out), config, [str(pages)]), config, [str(pages)]).open()
    for (place, _), outcome in zip(placed, Pipeline(config).run([item for _, item in placed]), strict=True):
        writer.take(outcome, place)
    fd = os.open(writer.plan.progress, os.O_WRONLY)
    writer._write_checkpoint(fd, placed[-1][0], complete=True)
    os.close(fd)
    os.replace(writer.plan.partial, out)  # what _commit does next; then a kill, before the progress file went
    writer.abort()
    errors = io.StringIO()
    result = run_inputs([str(pages)], config, output=str(out), errors=errors)
    assert result.exit_code == 0 and result.stats.read == 0
    assert errors.getvalue().splitlines()[0] == f"cleantext: {out}: an earlier run finished it; nothing to resume"
    assert out.read_bytes() == expected and _leftovers(tmp_path) == []


def test_a_run_starting_beside_a_live_one_stops_before_touching_its_files(tmp_path: Path) -> None:
    pages = _pages(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    partial = tmp_path / ".out.jsonl.partial.tmp"
    partial.write_bytes(b'{"id": "being written"}\n')
    fd = os.open(partial, os.O_RDONLY)  # a live run that has not written its progress file yet
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        errors = io.StringIO()
        result = run_inputs([str(pages)], Config(resume=True), output=str(out), errors=errors)
    finally:
        os.close(fd)
    assert result.exit_code == 1
    assert errors.getvalue().splitlines()[0] == f"cleantext: {out}: another cleantext run is writing it"
    assert partial.read_bytes() == b'{"id": "being written"}\n' and _leftovers(tmp_path) == [partial.name]
