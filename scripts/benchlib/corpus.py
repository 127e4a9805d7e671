"""The pages measured: ``samples/`` plus the shared bench, as lists of paths read on demand.

Every section streams its pages from disk through cleantext's own reader, so memory holds one page
at a time (a repeated corpus is the same path list repeated, never the bytes). The bench holds, per
page, ``<id>.html`` (original bytes, original encoding), ``<id>.txt`` (a w3m dump) and ``<id>.json``
(ground truth, whose ``lang`` picks out the Chinese pages).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SCRATCH = ROOT / ".bench"
QUICK_STRIDE = 4  # --quick keeps every 4th page: a quarter of the corpus, all datasets still present
CHINESE = "zh"
LARGE_PAGE_BYTES = 5 * 1_000_000  # bytes: the size of the generated large pages
BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.IGNORECASE | re.DOTALL)


@dataclass
class Corpus:
    """Paths of the HTML pages and text dumps, and which of them are Chinese."""

    html: list[str] = field(default_factory=list)
    txt: list[str] = field(default_factory=list)
    zh_html: list[str] = field(default_factory=list)
    zh_txt: list[str] = field(default_factory=list)

    def thinned(self, stride: int) -> Corpus:
        """Every ``stride``-th page of each list (``--quick``)."""
        return Corpus(self.html[::stride], self.txt[::stride], self.zh_html[::stride], self.zh_txt[::stride])


def build_corpus(bench: Path | None, quick: bool = False) -> Corpus:
    """The samples' pages, then the bench's (when ``bench`` is a folder), in a stable order."""
    corpus = Corpus()
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix == ".html":
            corpus.html.append(str(path))
        elif path.suffix == ".txt":
            corpus.txt.append(str(path))
    if bench is not None and bench.is_dir():
        for truth in sorted(bench.glob("*/*.json")):
            _add_bench_page(corpus, truth)
    return corpus.thinned(QUICK_STRIDE) if quick else corpus


def _add_bench_page(corpus: Corpus, truth: Path) -> None:
    html, txt = truth.with_suffix(".html"), truth.with_suffix(".txt")
    chinese = json.loads(truth.read_text(encoding="utf-8")).get("lang") == CHINESE
    if html.exists():
        corpus.html.append(str(html))
        if chinese:
            corpus.zh_html.append(str(html))
    if txt.exists():
        corpus.txt.append(str(txt))
        if chinese:
            corpus.zh_txt.append(str(txt))


def total_bytes(paths: list[str]) -> int:
    return sum(os.path.getsize(p) for p in paths)


def save_paths(paths: list[str], name: str) -> Path:
    """Write a path list for a child process; returns the file."""
    SCRATCH.mkdir(exist_ok=True)
    target = SCRATCH / name
    target.write_text("\n".join(paths) + "\n", encoding="utf-8")
    return target


def load_paths(listing: Path) -> list[str]:
    return [line for line in listing.read_text(encoding="utf-8").splitlines() if line]


def page_folder(paths: list[str], name: str) -> Path:
    """A fresh folder holding ``paths`` (hard links, else copies) under unique names, for engines that
    take a folder."""
    folder = SCRATCH / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for number, path in enumerate(paths):
        target = folder / f"{number:05d}-{Path(path).name}"
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)
    return folder


def largest(paths: list[str]) -> str:
    return max(paths, key=os.path.getsize)


def large_dump(source: str, size: int = LARGE_PAGE_BYTES) -> Path:
    """A real dump repeated (blank line between copies) until it is at least ``size`` bytes."""
    data = Path(source).read_bytes().rstrip(b"\n") + b"\n\n"
    target = SCRATCH / "large.txt"
    target.write_bytes(data * (size // len(data) + 1))
    return target


def large_html(source: str, size: int = LARGE_PAGE_BYTES) -> Path:
    """A real page whose body is repeated until the page is at least ``size`` bytes, in the page's
    own encoding (so its declared charset stays true)."""
    from cleantext.decode import decode
    from cleantext.model import RawPage

    decoded = decode(RawPage(source, Path(source).read_bytes()))
    match = BODY.search(decoded.text)
    head, inner, tail = (
        (decoded.text[: match.end(1)], match.group(2), decoded.text[match.start(3) :])
        if match
        else ("", decoded.text, "")
    )
    copies = size // max(1, len(inner.encode(decoded.encoding, "replace"))) + 1
    target = SCRATCH / "large.html"
    target.write_bytes((head + inner * copies + tail).encode(decoded.encoding, "replace"))
    return target
