"""Best-of-N timing and the figures printed for each measurement.

The machine is shared and noisy, so every measurement runs ``reps`` times and the fastest run is
kept: noise only ever adds time, so the minimum is the best estimate of the work itself.

One-core sections are timed in this process's CPU time (``CPU``): "per core" is exactly that, and
other tenants' load, which stretches wall time by whole multiples on an oversubscribed machine,
barely touches it. Sections whose work spans processes (``--jobs``, start-up, Ray) need wall time
(``WALL``); they are only as good as the machine is quiet.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

MB = 1_000_000  # bytes in a megabyte as the table counts them (decimal, like network and disk figures)
KB_PER_MB_RSS = 1024  # ru_maxrss is in KiB on Linux
CPU = time.process_time  # this process's CPU seconds (all its threads)
WALL = time.perf_counter


@dataclass
class Figure:
    """One row of the table: how much work, how long the best run took, and notes."""

    name: str
    pages: int
    nbytes: int
    seconds: float
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.nbytes / MB / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "pages": self.pages,
            "mb": round(self.nbytes / MB, 3),
            "seconds": round(self.seconds, 4),
            "pages_per_s": round(self.pages_per_s, 2),
            "mb_per_s": round(self.mb_per_s, 3),
            "note": self.note,
            **self.extra,
        }


def best_of(reps: int, run: Callable[[], object], clock: Callable[[], float] = WALL) -> float:
    """The shortest time, in seconds on ``clock``, of ``reps`` calls of ``run``."""
    best = float("inf")
    for _ in range(max(1, reps)):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best


def best_of_each(reps: int, runs: Mapping[str, Callable[[], object]], clock: Callable[[], float] = WALL) -> dict[str, float]:
    """``best_of`` for several runs compared with each other, taken in turn within each repetition,
    so that a noisy spell of the machine falls on all of them rather than on one."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(max(1, reps)):
        for name, run in runs.items():
            start = clock()
            run()
            best[name] = min(best[name], clock() - start)
    return best


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory so far, in MB, of this process (or of its finished children).

    This process's own is ``VmHWM`` where Linux has it: ``ru_maxrss`` keeps the resident size the
    process had when it was forked, so a child started by a parent holding 200 MB reported 200 MB
    before it did anything (``VmHWM`` belongs to the memory the child's program has since exec).
    """
    if not children:
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / KB_PER_MB_RSS
        except OSError:
            pass
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / KB_PER_MB_RSS


def say(message: str) -> None:
    """Progress for the person waiting, on stderr (the table goes to stdout)."""
    sys.stderr.write(f"bench: {message}\n")
    sys.stderr.flush()
