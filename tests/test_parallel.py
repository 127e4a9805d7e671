"""parallel: any picklable function over items on worker processes, results in input order."""

from __future__ import annotations

import pytest

from cleantext.parallel import map_ordered


def _square_or_fail(n: int) -> int:
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def test_results_come_in_input_order() -> None:
    items = list(range(100))
    assert list(map_ordered(_square_or_fail, (i for i in items if i != 13), 2)) == [i * i for i in items if i != 13]


def test_an_exception_in_a_worker_reaches_the_caller_and_stops_the_pool() -> None:
    with pytest.raises(ValueError, match="thirteen"):
        list(map_ordered(_square_or_fail, range(40), 2))


def test_a_worker_ends_itself_when_its_parent_is_gone() -> None:
    """watch_parent in a real grandchild: its parent exits, and it ends within a few polls."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    script = (
        "import os, sys, time\n"
        "from cleantext.parallel import watch_parent\n"
        "read, write = os.pipe()\n"
        "if os.fork() == 0:\n"
        "    watch_parent(0.05)\n"
        "    os.write(write, str(os.getpid()).encode())\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(os.read(read, 100).decode(), flush=True)\n"  # the child watches: leave without a word to it
        "os._exit(0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], stdout=subprocess.PIPE, timeout=60, check=True)
    pid = int(proc.stdout)
    deadline = time.monotonic() + 5
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        stat = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}").exists() else ""
        if stat.rsplit(")", 1)[-1].split()[:1] == ["Z"]:
            break
        time.sleep(0.05)
    stat = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}").exists() else ""
    assert not stat or stat.rsplit(")", 1)[1].split()[0] == "Z"
