"""(n) The cost curve of one hard-wrapped dump as it grows: 1, 4, 20 (and 100) MB.

Each size is cleaned once in a fresh process (so its peak RSS is its own), timed in CPU seconds.
The dump is ``corpus.wrapped_dump``: distinct real dumps run on into one paragraph wrapped at 80
columns, the case whose joining was quadratic (a 20 MB dump took 85 s). Linear cost shows as a
flat s/MB column; memory as the peak RSS (interpreter included) over the input's size.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchlib.corpus import ROOT, wrapped_dump
from benchlib.procs import run_child
from benchlib.timing import MB, Figure, peak_rss_mb, say

CURVE_MB = (1, 4, 20)  # sizes always measured
HUGE_MB = 100  # with --huge: a few minutes on a quiet core, so not in every run
CURVE_TIMEOUT_S = 3600  # seconds: the 100 MB point on a busy machine
NO_LIMIT_BYTES = 1 << 40  # --max-page-bytes raised past any dump measured here
NO_TIMEOUT_S = 1e9  # --page-timeout raised: the curve measures the whole page, however long


def child_curve(page: Path) -> dict[str, Any]:
    """In a fresh process: clean ``page`` once through ``PageCleaner``; CPU seconds and peak RSS."""
    from cleantext.config import Config
    from cleantext.model import RawPage
    from cleantext.pipeline import PageCleaner

    cleaner = PageCleaner(Config(max_page_bytes=NO_LIMIT_BYTES, page_timeout=NO_TIMEOUT_S))
    cleaner(RawPage("warm.txt", "标题\n\n正文第一段。".encode()))  # lazy imports out of the timing
    ready = peak_rss_mb()
    data = page.read_bytes()
    start = time.process_time()
    outcome = cleaner(RawPage(page.name, data))
    seconds = time.process_time() - start
    return {
        "bytes": len(data),
        "seconds": seconds,
        "outcome": type(outcome).__name__,
        "kept_chars": len(getattr(outcome, "text", "")),
        "rss_ready_mb": ready,
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_curve(paths: list[str], huge: bool) -> list[Figure]:
    figures = []
    for size in (*CURVE_MB, HUGE_MB) if huge else CURVE_MB:
        say(f"curve: a {size} MB hard-wrapped dump in a fresh process")
        page = wrapped_dump(paths, size * MB, f"wrapped-{size}mb.txt")
        script = str(ROOT / "scripts" / "bench.py")
        got = run_child([script, "--child", "curve", "--folder", str(page)], timeout=CURVE_TIMEOUT_S)
        size_mb = got["bytes"] / MB
        note = (
            f"{got['seconds'] / size_mb:.3f} s/MB; peak RSS {got['peak_rss_mb'] / size_mb:.1f}x the input "
            f"(ready {got['rss_ready_mb']:.0f} MB); {got['outcome']} {got['kept_chars']} chars"
        )
        extra = {"peak_rss_mb": round(got["peak_rss_mb"], 1), "rss_ready_mb": round(got["rss_ready_mb"], 1)}
        figures.append(Figure(f"wrapped dump {size} MB", 1, got["bytes"], got["seconds"], note, extra))
    return figures
