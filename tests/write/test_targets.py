"""Output targets with real paths: what is checked before a run, what is replaced, what is written through."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from cleantext.write import JsonlWriter, OutputFailed, check_outputs
from cleantext.write.targets import Target, problem_with, unread_bytes, write_bytes
from tests.write.test_jsonl import make_article


def test_problems_are_named_for_a_person(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    assert problem_with(str(tmp_path / "no" / "o.jsonl")) == f"{tmp_path}/no/o.jsonl: the folder {tmp_path}/no does not exist"
    assert "is a folder" in (problem_with(str(tmp_path)) or "")
    assert "not a folder" in (problem_with(str(tmp_path / "file" / "o.jsonl")) or "")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert "symlink loop" in (problem_with(str(loop)) or "")


def test_good_targets_have_no_problem(tmp_path: Path) -> None:
    (tmp_path / "old.jsonl").write_text("x")
    good = [None, "-", str(tmp_path / "new.jsonl"), str(tmp_path / "old.jsonl"), "o.jsonl"]
    assert check_outputs(good) is None
    assert check_outputs([*good, str(tmp_path)]) is not None


def test_a_socket_cannot_be_an_output(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        assert problem_with(str(path)) == f"{path}: is a socket; cannot write to it"


def test_a_device_is_a_stream_and_a_file_is_replaced(tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    device = Target(str(node))
    assert device.streaming
    device.raw.write(b"x\n")
    device.commit()
    assert stat.S_ISCHR(node.stat().st_mode)
    regular = Target(str(tmp_path / "f"))
    assert not regular.streaming
    regular.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_stats_are_written_like_records_and_fail_in_one_message(tmp_path: Path) -> None:
    write_bytes(str(tmp_path / "s.json"), b"{}\n")
    assert (tmp_path / "s.json").read_bytes() == b"{}\n"
    with pytest.raises(OutputFailed, match="cannot write"):
        write_bytes(str(tmp_path / "no" / "s.json"), b"{}\n")


def test_records_the_reader_of_a_pipe_never_read_are_not_counted(tmp_path: Path) -> None:
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    first_line: list[bytes] = []

    def read_one_line() -> None:
        with fifo.open("rb", buffering=0) as fh:
            line = b""
            while not line.endswith(b"\n"):
                line += fh.read(1)
            first_line.append(line)

    reader = threading.Thread(target=read_one_line)
    reader.start()
    with pytest.raises(BrokenPipeError), JsonlWriter(str(fifo)) as writer:
        writer.write(make_article(1))
        reader.join()
        for number in range(2, 5):  # the pipe takes these, but nobody will read them
            writer.write(make_article(number))
        writer.write(make_article(5))
    assert first_line and writer.count == 1


def test_unread_bytes_of_a_pipe(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as writer:
        writer.write(b"abcdef")
        writer.flush()
        assert os.read(read_end, 2) == b"ab"
        assert unread_bytes(writer) == 4
    os.close(read_end)
    with (tmp_path / "f").open("wb") as regular:
        assert unread_bytes(regular) == 0


def test_a_dead_writers_temporary_file_is_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    """Stale ``.NAME.<hex>.tmp`` files go when the next run writes NAME; one a live process holds stays."""
    import subprocess
    import sys

    out = tmp_path / "out.jsonl"
    stale, live = tmp_path / ".out.jsonl.0123456789ab.tmp", tmp_path / ".out.jsonl.ba9876543210.tmp"
    other = tmp_path / ".other.jsonl.0123456789ab.tmp"  # another output's: not ours to remove
    for path in (stale, live, other):
        path.write_bytes(b'{"id": "partial"')
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()", str(live)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        with JsonlWriter(out) as writer:
            writer.write(make_article(1))
            assert not stale.exists() and live.exists() and other.exists()
    finally:
        holder.communicate(b"", timeout=10)
    assert out.read_bytes().count(b"\n") == 1
    with JsonlWriter(out) as writer:  # the holder is gone: its file is stale now
        pass
    assert not live.exists() and other.exists()


def test_signals_held_wait_until_the_block_ends() -> None:
    """Ctrl-C inside the block: the block finishes, then KeyboardInterrupt, as it would have been."""
    import signal

    from cleantext.write.targets import signals_held

    finished = []
    with pytest.raises(KeyboardInterrupt):
        with signals_held():
            os.kill(os.getpid(), signal.SIGINT)
            finished.append("after the signal")
    assert finished == ["after the signal"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is back


HOLDER = """
import os, sys, time
from cleantext.write.targets import hold_lock
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
hold_lock(fd)
child = os.fork()
if child == 0:  # the fork hooks have run before this line
    open(sys.argv[1] + ".child", "w").close()
    time.sleep(60)  # a worker still busy when its parent is killed
    os._exit(0)
while not os.path.exists(sys.argv[1] + ".child"):
    time.sleep(0.01)
print(child, flush=True)
time.sleep(60)
"""


def test_a_lock_dies_with_its_process_not_with_its_forked_children(tmp_path: Path) -> None:
    import fcntl
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    locked = tmp_path / "locked.tmp"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(locked)], stdout=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None
    child = int(proc.stdout.readline())
    try:
        fd = os.open(locked, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):  # the parent holds it while it lives
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            proc.kill()
            proc.wait(timeout=30)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free at once, though the child lives on
        finally:
            os.close(fd)
        os.kill(child, 0)  # (the child is still alive: the lock was not freed by its death)
    finally:
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass
