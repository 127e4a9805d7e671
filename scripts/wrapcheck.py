#!/usr/bin/env python3
"""Are display lines joined back into paragraphs? A measurement on dumps and HTML, not a test.

    python scripts/wrapcheck.py [BENCH_DIR] [--widths 38c,58,72] [--lynx] [--src DIR] [--dataset NAME ...]

Each bench page's text goes through cleantext (``PageCleaner``, as ``cleantext run``), from
several sources:

- ``w3m``: the bench's own dump (``<id>.txt``);
- ``truth@W/STYLE``: the page's ground-truth paragraphs wrapped here at width ``W`` (display
  columns; ``38c`` counts characters, as ``textwrap`` and editors do), CJK-aware (a CJK character
  may end a line anywhere, takes two columns, and no line opens with a closing mark; Latin words
  break at spaces and after hyphens), with a blank line between paragraphs (``blank``) or with
  each paragraph's first line indented and no blank line (``indent``: ``　　`` before Chinese,
  four spaces before other text);
- ``html``: the page's HTML (``<id>.html``), as the bench ships it;
- ``truth@W/<br>``: the ground-truth paragraphs wrapped at ``W`` as above and written as an HTML
  page that ends every display line with ``<br>`` (a blank line: ``<br><br>``);
- ``lynx``: ``lynx -dump -nolist -display_charset=utf-8`` of the page's HTML (``--lynx``; lynx is an
  evaluation tool, never a dependency).

Two figures per source, both against the ground truth (whitespace removed, so a join needs no
separator to match):

- ``broken``: of the output lines, the share that end without sentence-final punctuation while
  the next output line continues the same ground-truth paragraph (the end of one and the start
  of the next are found side by side in it) — a display line left unjoined;
- ``glued``: of the ground-truth paragraph boundaries whose two sides both reach the output, the
  share found inside one output line — two paragraphs joined into one.

``--src DIR`` measures another checkout's ``cleantext`` (e.g. an unpacked ``git archive`` of main)
for the before/after comparison.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from benchlib.rewrap import rewrap

ROOT = Path(__file__).resolve().parent.parent
KEY_CHARS = 8  # non-space characters each side of a join: enough to be found in one place only
MIN_KEY_CHARS = 4  # shorter line ends say too little to place them
LYNX_TIMEOUT_S = 60  # seconds: lynx on one page; a page that takes longer is left out
SENTENCE_END = set("。！？!?.…；;:：」』”\"'）)】")
@dataclass
class Tally:
    lines: int = 0
    broken: int = 0
    boundaries: int = 0
    glued: int = 0
    pages: int = 0

    def add(self, output: str, truth: list[str]) -> None:
        self.pages += 1
        flat = [re.sub(r"\s+", "", p) for p in truth]
        joined = "\n".join(flat)
        out = [re.sub(r"\s+", "", ln) for ln in output.splitlines()]
        out = [ln for ln in out if ln]
        self.lines += len(out)
        for here, there in pairwise(out):
            if here[-1] in SENTENCE_END or min(len(here), len(there)) < MIN_KEY_CHARS:
                continue
            if here[-KEY_CHARS:] + there[:KEY_CHARS] in joined:
                self.broken += 1
        whole = "\n".join(out)
        for left, right in pairwise(flat):
            if min(len(left), len(right)) < MIN_KEY_CHARS:
                continue
            if left[-KEY_CHARS:] not in whole or right[:KEY_CHARS] not in whole:
                continue
            self.boundaries += 1
            if left[-KEY_CHARS:] + right[:KEY_CHARS] in whole:
                self.glued += 1

    def row(self, name: str) -> str:
        broken = self.broken / self.lines if self.lines else 0.0
        glued = self.glued / self.boundaries if self.boundaries else 0.0
        return (
            f"{name:<22} {self.pages:>5} {self.lines:>7} {broken:>8.2%} ({self.broken:>5}) "
            f"{glued:>8.2%} ({self.glued:>4} of {self.boundaries:>5})"
        )


def lynx_dump(html: Path) -> str | None:
    lynx = shutil.which("lynx")
    if lynx is None:
        return None
    command = [lynx, "-dump", "-nolist", "-display_charset=utf-8", str(html)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=LYNX_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def broken_html(wrapped: str) -> str:
    """A page that breaks its lines for display: a ``<br>`` after every line of ``wrapped`` (a
    rewrapped text with blank lines between paragraphs), so a blank line is ``<br><br>``."""
    lines = [html.escape(line.strip()) for line in wrapped.splitlines()]
    return "<html><body><div>" + "<br>\n".join(lines) + "</div></body></html>"


def sources(page: Path, truth: list[str], widths: list[str], lynx: bool) -> Iterator[tuple[str, bytes, str]]:
    """(name, bytes, suffix) of each source of the page: dumps (``.txt``) and HTML (``.html``)."""
    txt = page.with_suffix(".txt")
    if txt.exists():
        yield "w3m", txt.read_bytes(), ".txt"
    source = page.with_suffix(".html")
    if source.exists():
        yield "html", source.read_bytes(), ".html"
    for spec in widths:
        chars = spec.endswith("c")
        width = int(spec.rstrip("c"))
        for style in ("blank", "indent"):
            yield f"truth@{spec}/{style}", rewrap(truth, width, chars, style).encode("utf-8"), ".txt"
        yield f"truth@{spec}/<br>", broken_html(rewrap(truth, width, chars, "blank")).encode("utf-8"), ".html"
    if lynx and page.with_suffix(".html").exists():
        dumped = lynx_dump(page.with_suffix(".html"))
        if dumped is not None:
            yield "lynx", dumped.encode("utf-8"), ".txt"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", nargs="?", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--widths", default="38c,58,72", help="rewrap widths (columns; 'c': characters)")
    parser.add_argument("--lynx", action="store_true", help="also lynx -dump of each page's HTML")
    parser.add_argument("--src", type=Path, default=ROOT, help="the checkout whose cleantext is measured")
    parser.add_argument("--dataset", action="append", default=[], help="only these datasets")
    parser.add_argument("--lang", default="", help="only pages of this language (e.g. zh)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.src))
    from cleantext.config import Config
    from cleantext.model import Article, RawPage
    from cleantext.pipeline import PageCleaner

    cleaner = PageCleaner(Config())
    widths = [w for w in args.widths.split(",") if w]
    tallies: dict[str, Tally] = {}
    for truth_file in sorted(args.bench.glob("*/*.json")):
        if args.dataset and truth_file.parent.name not in args.dataset:
            continue
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if args.lang and truth.get("lang") != args.lang:
            continue
        paragraphs = [p.strip() for p in (truth.get("text") or "").split("\n") if p.strip()]
        for name, data, suffix in sources(truth_file, paragraphs, widths, args.lynx):
            outcome = cleaner(RawPage(truth_file.stem + suffix, data))
            output = outcome.text if isinstance(outcome, Article) else ""
            tallies.setdefault(name, Tally()).add(output, paragraphs)
    print(f"cleantext from {args.src}; {args.bench}{' lang=' + args.lang if args.lang else ''}")
    print(f"{'source':<22} {'pages':>5} {'lines':>7} {'broken':>8} {'':7} {'glued':>8}")
    for name, tally in tallies.items():
        print(tally.row(name))


if __name__ == "__main__":
    main(sys.argv[1:])
