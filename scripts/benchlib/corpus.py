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


def _until(paths: list[str], size: int) -> list[str]:
    """The first of ``paths`` that together hold at least ``size`` bytes (all of them if fewer)."""
    taken, total = [], 0
    for path in paths:
        if total >= size:
            break
        taken.append(path)
        total += os.path.getsize(path)
    return taken


def large_dump(paths: list[str], size: int = LARGE_PAGE_BYTES) -> tuple[Path, list[str]]:
    """One dump of at least ``size`` bytes made of distinct real dumps (a blank line between them),
    and the dumps it holds. Distinct, not one dump repeated: a repeated page would be cheaper than
    its copy count says, as the boilerplate stage remembers the short lines it has judged."""
    taken = _until(paths, size)
    target = SCRATCH / "large.txt"
    with open(target, "wb") as out:
        for path in taken:
            out.write(Path(path).read_bytes().rstrip(b"\n") + b"\n\n")
    return target, taken


def large_html(paths: list[str], size: int = LARGE_PAGE_BYTES, name: str = "large.html") -> tuple[Path, list[str]]:
    """One UTF-8 HTML page of at least ``size`` bytes whose body holds the bodies of distinct real
    pages (each decoded from its own encoding) in turn, and the pages it holds (see ``large_dump``)."""
    from cleantext.decode import decode
    from cleantext.model import RawPage

    taken = _until(paths, size)
    bodies = []
    for path in taken:
        text = decode(RawPage(path, Path(path).read_bytes())).text
        match = BODY.search(text)
        bodies.append(match.group(2) if match else text)
    SCRATCH.mkdir(exist_ok=True)
    target = SCRATCH / name
    page = '<html><head><meta charset="utf-8"><title>large page</title></head><body>' + "\n".join(bodies) + "</body></html>"
    target.write_bytes(page.encode("utf-8", "replace"))
    return target, taken


WRAP_WIDTH = 80  # columns: a terminal's width, as w3m and lynx wrap


def wrapped_dump(paths: list[str], size: int, name: str) -> Path:
    """A hard-wrapped dump of at least ``size`` bytes: the text of distinct real dumps, each
    flattened and run on into one stream with no blank line, wrapped at ``WRAP_WIDTH`` columns as
    a terminal would (the hardest case for the joining of wrapped lines: one paragraph as long as
    the file). Past the end of the corpus it goes round again after a numbered opening of its own
    length, so the lines break at other places and no line repeats one before it."""
    from benchlib.rewrap import flatten, wrap

    target = SCRATCH / name
    SCRATCH.mkdir(exist_ok=True)
    text = " ".join(flatten(Path(p).read_text(encoding="utf-8", errors="replace")) for p in paths)
    written, turn = 0, 0
    with open(target, "w", encoding="utf-8") as out:
        while written < size:
            for line in wrap(f"Part {turn}{'.' * (turn % WRAP_WIDTH)} {text}", WRAP_WIDTH):
                data = line + "\n"
                out.write(data)
                written += len(data.encode("utf-8"))
                if written >= size:
                    break
            turn += 1
    return target
