"""The progress line: counts, pages/s and MB/s, erased at the end."""

from __future__ import annotations

import io

from cleantext.config import Config
from cleantext.model import RawPage
from cleantext.pipeline import Pipeline
from cleantext.progress import Progress


def test_progress_line_shows_counts_and_throughput() -> None:
    pipeline = Pipeline(Config())
    page = "<p>这是一段足够长的正文内容，它有逗号，也有句号。第二句话继续说明事情的经过。</p>".encode()
    list(pipeline.run([RawPage(f"p{i}", page) for i in range(3)]))
    assert pipeline.stats.bytes_read == 3 * len(page)
    out = io.StringIO()
    meter = Progress(out)
    meter.update(pipeline.stats)
    meter.close()
    text = out.getvalue()
    assert "3 read · 3 written · 0 dropped · 0 failed" in text and "MB/s" in text
    assert text.endswith("\r\x1b[K")
