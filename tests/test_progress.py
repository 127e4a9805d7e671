"""The progress line: counts, pages/s and MB/s, erased at the end and before every message."""

from __future__ import annotations

import io
from pathlib import Path

from cleantext.config import Config
from cleantext.model import RawPage
from cleantext.pipeline import Pipeline
from cleantext.progress import Progress
from cleantext.runner import run_inputs


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


def test_a_message_erases_the_progress_line_first(tmp_path: Path) -> None:
    good = tmp_path / "a.html"
    good.write_text("<p>这是一段足够长的正文内容，它有逗号，也有句号。第二句话继续说明事情的经过。</p>", encoding="utf-8")
    errors = io.StringIO()
    run_inputs([str(good), str(tmp_path / "missing.html"), str(good)], Config(jobs=1), output=str(tmp_path / "o.jsonl"),
               errors=errors, progress=True)
    text = errors.getvalue()
    assert "read ·" in text  # the meter was drawn before the failure
    for at in (i for i in range(len(text)) if text.startswith("cleantext:", i)):
        assert text[:at].endswith(("\r\x1b[K", "\n")), text[:at][-60:]  # never after the meter's text


def test_clear_erases_only_a_drawn_meter() -> None:
    out = io.StringIO()
    meter = Progress(out)
    meter.clear()
    meter.messages().write("cleantext: x\n")
    assert out.getvalue() == "cleantext: x\n"
