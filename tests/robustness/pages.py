"""Inputs for the robustness tests: realistic pages and the bad inputs a crawl is full of.

Pages are a few kilobytes, like real ones: the decode stage tolerates a few invalid bytes only in
proportion to a page's size, so tiny test pages would test a different rule.
"""

from __future__ import annotations

import gzip
import io
import json
import lzma
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import zstandard

from tests.conftest import ROOT

PARAGRAPH = "这是一段足够长的正文内容，它有逗号，也有句号。第二句话继续说明事情的经过，读起来像新闻。"
RUSSIAN = "Это достаточно длинный текст на русском языке, в нём есть запятые и точки, как в новостях."
PARAGRAPHS = 20  # paragraphs per generated page: ~3 KB of UTF-8, a small real article


def article_html(
    i: int = 0, paragraph: str = PARAGRAPH, head: str = "", title: str = "标题", paragraphs: int = PARAGRAPHS
) -> str:
    body = "".join(f"<p>{paragraph}{i}-{n}</p>" for n in range(paragraphs))
    return f"<html><head>{head}<title>{title}{i}</title></head><body><h1>{title}{i}</h1>{body}</body></html>"


def article_dump(i: int = 0) -> str:
    return f"标题{i}\n时间：2025-07-03 09:55 来源：示例网\n\n" + "\n\n".join(
        f"{PARAGRAPH}{i}-{n}" for n in range(PARAGRAPHS)
    )


def truncated(data: bytes, compression: str) -> bytes:
    """``data`` compressed, then cut in the middle of the stream."""
    packed = {
        "gz": lambda: gzip.compress(data),
        "xz": lambda: lzma.compress(data),
        "zst": lambda: zstandard.ZstdCompressor().compress(data),
    }[compression]()
    return packed[: len(packed) // 2]


def warc(records: list[tuple[str, str, bytes]]) -> bytes:
    """A WARC of HTTP responses, each (url, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def jsonl(records: list[dict[str, object] | str]) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def noise(size: int, seed: int, low: int = 0x80) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(size))


def write_pages(folder: Path, count: int) -> Path:
    """``count`` distinct article pages, HTML and dumps alternating."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        if i % 2:
            (folder / f"p{i:05d}.txt").write_text(article_dump(i), encoding="utf-8")
        else:
            (folder / f"p{i:05d}.html").write_text(article_html(i), encoding="utf-8")
    return folder


def start_cli(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.Popen[bytes]:
    """``python -m cleantext`` in its own process group, as a shell would start a job."""
    return subprocess.Popen(
        [sys.executable, "-m", "cleantext", *args],
        stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True,
    )


def wait_for_temporary(folder: Path, name: str, min_bytes: int = 0, timeout: float = 60) -> Path:
    """Wait until the writer's temporary file for ``name`` exists (the run is under way)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for tmp in folder.glob(f".{name}.*.tmp"):
            if tmp.stat().st_size >= min_bytes:
                return tmp
        time.sleep(0.02)
    raise AssertionError(f"no temporary output for {name} after {timeout} s")


def interrupt(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C: SIGINT to the whole process group, workers included."""
    os.killpg(proc.pid, signal.SIGINT)
