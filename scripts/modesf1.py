#!/usr/bin/env python3
"""Does Markdown output keep the same text as text output? Measured on every bench page.

    python scripts/modesf1.py [BENCH_DIR] [--format html|txt|both] [--worst N]
    python scripts/modesf1.py --records TEXT.jsonl MARKDOWN.jsonl [--worst N]

Each page is cleaned twice, with ``text_format="text"`` and ``"markdown"`` (default options: no
links, no images). Two figures per format:

- blocks: the pages whose blocks or verdicts differ between the modes (the boilerplate stage must
  decide on the same blocks: Markdown is only a rendering), expected 0;
- F1: the Markdown's syntax is stripped (``strip_markdown``) and its tokens compared with the text
  output's, with the bench's own tokenizer (``score.py``), macro F1 over pages written in either
  mode. Formulas typeset from MathML, which text output leaves out, are the expected difference.

With ``--records``, the two runs were made beforehand (``cleantext run`` and ``cleantext run
--markdown`` over the same inputs; records are paired by ``input``) and only the F1 is measured:
one cleaning pass per mode instead of two plus the block comparison.

An evaluation, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleantext.boilerplate import classify  # noqa: E402
from cleantext.config import Config  # noqa: E402
from cleantext.decode import decode  # noqa: E402
from cleantext.document.escape import unescape  # noqa: E402
from cleantext.model import Article, Markup, RawPage  # noqa: E402
from cleantext.pipeline import PageCleaner  # noqa: E402
from cleantext.segment import segment  # noqa: E402

FENCE_LINE = re.compile(r"^(?:`{3,}|~{3,})[^\n]*$", re.M)  # a fence and its language name: no text of the page
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)")
STRUCTURE = ("depth", "item", "ordered", "quote", "cell", "code", "md", "lead")


def strip_markdown(markdown: str) -> str:
    """The text a reader sees: fences' info strings, link targets and images out, escapes undone.
    Punctuation (``#``, ``|``, ``*``, ``-``) is no token to the scorer and may stay."""
    text = FENCE_LINE.sub("", markdown)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return unescape(text)


def load_scorer(bench: Path) -> Any:
    spec = importlib.util.spec_from_file_location("bench_score", bench / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {bench}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def same_blocks(data: bytes, name: str) -> bool:
    """Do both modes segment the page into the same blocks, judged the same way?"""
    decoded = decode(RawPage(name, data))
    plain, meta, _ = segment(decoded, "auto")
    marked, _, _ = segment(decoded, "auto", Markup())
    if [b.text for b in plain] != [b.text for b in marked]:
        return False
    def bare(blocks: list[Any]) -> list[Any]:  # structure fields stripped on both sides (dumps set some in both modes)
        return [b.__class__(**{f: getattr(b, f) for f in b.__slots__ if f not in STRUCTURE}) for b in blocks]

    if bare(marked) != bare(plain):
        return False
    return [v.keep for v in classify(plain, meta)] == [v.keep for v in classify(marked, meta)]


def f1(scorer: Any, a: str, b: str) -> float:
    ta, tb = scorer.tokens(a), scorer.tokens(b)
    if not ta and not tb:
        return 1.0
    overlap = sum((ta & tb).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(tb.values()), overlap / sum(ta.values())
    return 2 * p * r / (p + r)


def compare_records(scorer: Any, text_path: Path, markdown_path: Path, worst: int) -> None:
    def texts(path: Path) -> dict[str, str]:
        records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        return {r["input"]: r["text"] for r in records}

    plain, marked = texts(text_path), texts(markdown_path)
    scores = sorted(
        (f1(scorer, plain.get(name, ""), strip_markdown(marked.get(name, ""))), name) for name in set(plain) | set(marked)
    )
    macro = sum(s for s, _ in scores) / len(scores) if scores else 0.0
    only = len(set(plain) ^ set(marked))
    print(f"pages {len(scores)} (written in one mode only: {only})  macro F1(text, stripped markdown) {macro:.4f}")
    for score, name in scores[:worst]:
        print(f"    {score:.4f}  {name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", nargs="?", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--format", choices=("html", "txt", "both"), default="both")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--records", nargs=2, type=Path, metavar=("TEXT", "MARKDOWN"))
    args = ap.parse_args()
    bench = Path(args.bench)
    scorer = load_scorer(bench)
    if args.records:
        compare_records(scorer, *args.records, args.worst)
        return
    text_cleaner = PageCleaner(Config(page_timeout=0))
    md_cleaner = PageCleaner(Config(page_timeout=0, text_format="markdown"))
    for ext in ("html", "txt") if args.format == "both" else (args.format,):
        scores: list[tuple[float, str]] = []
        differ = 0
        for path in sorted(bench.glob(f"*/*.{ext}")):
            data = path.read_bytes()
            differ += not same_blocks(data, path.name)
            plain, marked = text_cleaner(RawPage(path.name, data)), md_cleaner(RawPage(path.name, data))
            a = plain.text if isinstance(plain, Article) else ""
            b = strip_markdown(marked.text) if isinstance(marked, Article) else ""
            if a or b:
                scores.append((f1(scorer, a, b), path.parent.name + "/" + path.name))
        macro = sum(s for s, _ in scores) / len(scores) if scores else 0.0
        print(f"[{ext}] pages {len(scores)}  blocks differ on {differ}  macro F1(text, stripped markdown) {macro:.4f}")
        for score, name in sorted(scores)[: args.worst]:
            print(f"    {score:.4f}  {name}")


if __name__ == "__main__":
    main()
