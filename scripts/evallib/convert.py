#!/usr/bin/env python3
"""Runs in the eval environment (``.eval-venv``), never in the project's: HTML → text with the
converters and peer extractors that are no project dependency.

    .eval-venv/bin/python scripts/evallib/convert.py < jobs.jsonl

Each input line is ``{"tool", "src", "out"}``: ``src`` a UTF-8 HTML file, ``out`` where the text
goes. Dump tools (``inscriptis``, ``html2text``, ``htmltext``) write the whole page as text, each with its
default layout (inscriptis lays text out as a browser's innerText would; html2text writes
Markdown and wraps at its default width; html-text, held out, is another innerText-like layout). Peers (``trafilatura``, ``readability``) write a JSON
object ``{"text", "title", "date"}`` with their article (no ``date`` from readability). A page that fails writes nothing and is
counted; the last line printed is ``{"done": N, "failed": M}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _inscriptis(html: str) -> str:
    from inscriptis import get_text

    return str(get_text(html))


def _html2text(html: str) -> str:
    import html2text

    return str(html2text.html2text(html))


def _htmltext(html: str) -> str:
    import html_text

    return str(html_text.extract_text(html, guess_layout=True))


def _trafilatura(html: str) -> str:
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True)
    if found is None:
        return json.dumps({"text": "", "title": None, "date": None})
    data: Any = found.as_dict() if hasattr(found, "as_dict") else found
    return json.dumps({"text": data.get("text") or "", "title": data.get("title"), "date": data.get("date")})


def _readability(html: str) -> str:
    from inscriptis import get_text
    from readability import Document

    doc = Document(html)
    # The summary is HTML: laid out as text the same way as the inscriptis dumps, so its
    # paragraphs keep their breaks.
    # readability-lxml finds no date: the key is left out, so the page is not judged on one.
    return json.dumps({"text": get_text(doc.summary(html_partial=True)), "title": doc.short_title()})


TOOLS = {"inscriptis": _inscriptis, "html2text": _html2text, "htmltext": _htmltext, "trafilatura": _trafilatura, "readability": _readability}


def main() -> None:
    done = failed = 0
    for line in sys.stdin:
        job = json.loads(line)
        out = Path(job["out"])
        try:
            text = TOOLS[job["tool"]](Path(job["src"]).read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001 - a converter's crash on one page is that page's result
            failed += 1
            print(f"{job['src']}: {job['tool']} failed: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        done += 1
    print(json.dumps({"done": done, "failed": failed}))


if __name__ == "__main__":
    main()
