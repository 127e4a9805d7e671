"""(n) The cost curve of one page as it grows: a hard-wrapped dump of 1, 4, 20 and 100 MB, an HTML
page of 1, 4 and 20 MB (``--quick``: no 100 MB dump).

Each size is cleaned once in a fresh process (so its peak RSS is its own), timed in CPU seconds.
The dump is ``corpus.wrapped_dump``: distinct real dumps run on into one paragraph wrapped at 80
columns, the case whose joining was quadratic (a 20 MB dump took 85 s). The HTML page is
``corpus.large_html``: the bodies of distinct real pages in one body (the bench holds ~36 MB of
HTML, so it stops short of 100 MB). Linear cost shows as a flat s/MB column; memory as the peak
RSS (interpreter included) over the input's size, and as the peak past the RSS once the
interpreter is ready (``grown``), which is the page's own.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchlib.corpus import ROOT, large_html, wrapped_dump
from benchlib.procs import run_child
from benchlib.timing import MB, Figure, peak_rss_mb, say

CURVE_MB = (1, 4, 20, 100)  # dump sizes measured
QUICK_CURVE_MB = (1, 4, 20)  # with --quick
HTML_CURVE_MB = (1, 4, 20)  # HTML page sizes (made of distinct bench pages)
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


def measure_curve(dumps: list[str], pages: list[str], quick: bool) -> list[Figure]:
    """The curve's points: the dumps, then the HTML pages, each cleaned in a fresh process."""
    figures = []
    for size in QUICK_CURVE_MB if quick else CURVE_MB:
        say(f"curve: a {size} MB hard-wrapped dump in a fresh process")
        figures.append(_point(f"wrapped dump {size} MB", wrapped_dump(dumps, size * MB, f"wrapped-{size}mb.txt")))
    for size in HTML_CURVE_MB:
        say(f"curve: a {size} MB HTML page in a fresh process")
        page, _ = large_html(pages, size * MB, f"html-{size}mb.html")
        figures.append(_point(f"HTML page {size} MB", page))
    return figures


def _point(name: str, page: Path) -> Figure:
    script = str(ROOT / "scripts" / "bench.py")
    got = run_child([script, "--child", "curve", "--folder", str(page)], timeout=CURVE_TIMEOUT_S)
    size_mb = got["bytes"] / MB
    grown = got["peak_rss_mb"] - got["rss_ready_mb"]
    note = (
        f"{got['seconds'] / size_mb:.3f} s/MB; peak RSS {got['peak_rss_mb'] / size_mb:.1f}x the input, "
        f"grown {grown / size_mb:.1f}x (ready {got['rss_ready_mb']:.0f} MB); {got['outcome']} {got['kept_chars']} chars"
    )
    extra = {"peak_rss_mb": round(got["peak_rss_mb"], 1), "rss_ready_mb": round(got["rss_ready_mb"], 1)}
    return Figure(name, 1, got["bytes"], got["seconds"], note, extra)
