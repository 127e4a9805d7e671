"""Issue 20: every output does what a user expects, through the real entry point.

A regular file is replaced atomically; a FIFO and a device node are written through; a symlink is
followed and kept; a bad output path is one line and exit 2 before any input is opened; a full
disk is one line and exit 1. Everything lives in the test's temporary folder: the device node is
a null device made there, and ``/dev/full`` is only written to by the shell's redirection.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, json_lines, run_cli

NOBODY = 65534  # uid and gid of "nobody": the owner of a folder root may not write in once it gives up its override
FILE_LIMIT_BYTES = 4096  # RLIMIT_FSIZE for the full-disk case: past it every write fails (EFBIG)
READ_TIMEOUT = 60  # seconds: a run that opened its input FIFO would wait for a writer forever


def _lines(stderr: bytes) -> list[str]:
    return stderr.decode().splitlines()


@pytest.fixture
def unread_input(tmp_path: Path) -> Iterator[Path]:
    """An input that cannot be read without hanging: a FIFO nobody writes to."""
    fifo = tmp_path / "input.html"
    os.mkfifo(fifo)
    yield fifo


@pytest.mark.parametrize(
    ("option", "where", "message"),
    [
        ("-o", "missing/out.jsonl", "the folder {tmp}/missing does not exist"),
        ("-o", "file/out.jsonl", "a parent of this path is not a folder"),
        ("--stats", "missing/stats.json", "the folder {tmp}/missing does not exist"),
    ],
)
def test_a_bad_output_path_is_one_line_and_exit_2_before_anything_is_read(
    tmp_path: Path, unread_input: Path, option: str, where: str, message: str
) -> None:
    (tmp_path / "file").write_text("x")
    target = os.path.normpath(tmp_path / where)
    proc = run_cli("run", str(unread_input), option, target, timeout=READ_TIMEOUT)
    [line] = _lines(proc.stderr)
    assert line.startswith(f"cleantext: {target}: ") and message.format(tmp=tmp_path) in line
    assert proc.returncode == 2 and proc.stdout == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "input.html"]  # no temporary file


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/out/", "the folder {tmp}/missing does not exist"),
        ("file/", "is not a folder"),
        ("done/", "holds the shards of an earlier run; add --resume to continue it or --force to replace it"),
    ],
)
def test_a_bad_shard_folder_is_one_line_and_exit_2_before_anything_is_read(
    tmp_path: Path, unread_input: Path, where: str, message: str
) -> None:
    """``-o DIR/`` is checked like a file output: before the first input is opened."""
    (tmp_path / "file").write_text("x")
    (tmp_path / "done").mkdir()
    (tmp_path / "done" / "part-00000.jsonl.gz").write_bytes(b"")
    target = f"{tmp_path}/{where}"
    proc = run_cli("run", str(unread_input), "-o", target, timeout=READ_TIMEOUT)
    [line] = _lines(proc.stderr)
    assert line.startswith(f"cleantext: {target}: ") and message.format(tmp=tmp_path) in line
    assert proc.returncode == 2 and proc.stdout == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done", "file", "input.html"]


def _as_user_without_rights(locked: Path) -> list[str]:
    """Make ``locked`` unwritable for the command, and the prefix that runs the command without root's rights."""
    if os.geteuid() != 0:
        locked.chmod(0o555)
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("as root, setpriv (util-linux) is needed to give up the right to write anywhere")
    os.chown(locked, NOBODY, NOBODY)  # someone else's folder: only root's override could write in it
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-all"]


def test_no_permission_is_one_line_and_exit_2(tmp_path: Path, unread_input: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o755)
    prefix = _as_user_without_rights(locked)
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "cleantext", "run", str(unread_input), "-o", str(locked / "out.jsonl")],
        capture_output=True, cwd=ROOT, timeout=READ_TIMEOUT, check=False,
    )
    assert _lines(proc.stderr) == [f"cleantext: {locked}/out.jsonl: permission denied: cannot create files in {locked}"]
    assert proc.returncode == 2 and list(locked.iterdir()) == []


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "data" / "records.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    proc = run_cli("run", str(SEED), "-q", "-o", str(link))
    assert proc.returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert len(json_lines(target.read_bytes())) == 1
    assert sorted(p.name for p in target.parent.iterdir()) == ["records.jsonl"]  # replaced beside itself


def test_a_dangling_symlink_names_the_file_to_create(tmp_path: Path) -> None:
    link = tmp_path / "out.jsonl"
    link.symlink_to(tmp_path / "new.jsonl")
    assert run_cli("run", str(SEED), "-q", "-o", str(link)).returncode == 0
    assert link.is_symlink() and len(json_lines((tmp_path / "new.jsonl").read_bytes())) == 1


def test_a_fifo_is_written_through_to_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    proc = run_cli("run", str(SEED), *map(str, sorted((ROOT / "samples" / "html").glob("*.html"))), "-q", "-o", str(fifo))
    reader.join(timeout=60)
    assert proc.returncode == 0
    assert len(json_lines(received[0])) == 4  # the seed and three HTML samples
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a FIFO, not replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_device_node_is_written_through_and_stays_a_device(tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a null device, made in the test's folder
    proc = run_cli("run", str(SEED), "-q", "-o", str(node))
    assert proc.returncode == 0 and proc.stderr.decode().endswith("1 written, 0 dropped (none), 0 failed\n")
    assert stat.S_ISCHR(node.stat().st_mode) and node.stat().st_rdev == os.makedev(1, 3)


def test_a_full_disk_on_stdout_is_one_line_and_exit_1() -> None:
    proc = subprocess.run(  # the shell opens /dev/full; the test only names it
        f"{sys.executable} -m cleantext run {SEED} {ROOT / 'samples' / 'html' / 'news-gbk.html'} > /dev/full",
        shell=True, capture_output=True, cwd=ROOT, timeout=120, check=False,
    )
    assert _lines(proc.stderr) == [
        "cleantext: stdout: cannot write: no space left on the device",
        "cleantext: 1 read, 0 written, 0 dropped (none), 1 failed",
    ]
    assert proc.returncode == 1


def _limit_file_size() -> None:
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT_BYTES, FILE_LIMIT_BYTES))


def test_a_write_failing_mid_run_removes_the_temporary_file(tmp_path: Path) -> None:
    for i in range(12):
        shutil.copy(SEED, tmp_path / f"page{i:02d}.txt")
    out = tmp_path / "out" / "corpus.jsonl"
    out.parent.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "cleantext", "run", str(tmp_path), "-q", "--jobs", "1", "-o", str(out)],
        capture_output=True, cwd=ROOT, timeout=120, check=False, preexec_fn=_limit_file_size,
    )
    lines = _lines(proc.stderr)
    assert lines[0] == f"cleantext: {out}: cannot write: file too large"
    assert len(lines) == 2 and "0 written" in lines[1] and "Traceback" not in proc.stderr.decode()
    assert proc.returncode == 1
    assert list(out.parent.iterdir()) == []  # neither the output nor its partial temporary file


def test_the_summary_counts_what_a_reader_that_left_received(tmp_path: Path) -> None:
    for i in range(30):
        shutil.copy(SEED, tmp_path / f"page{i:02d}.txt")
    one_line = "import os\nwhile os.read(0, 1) not in (b'\\n', b''): pass"  # reads one record, leaves
    proc = subprocess.run(
        f"{sys.executable} -m cleantext run {tmp_path} --jobs 2 | {sys.executable} -c \"{one_line}\"",
        shell=True, capture_output=True, cwd=ROOT, timeout=120, check=False,
    )
    assert _lines(proc.stderr) == ["cleantext: 1 read, 1 written, 0 dropped (none), 0 failed"]
    assert proc.returncode == 0
