#!/usr/bin/env python3
"""Structure score of Markdown output on the labelled fixtures (tests/structure/fixtures).

    python scripts/structeval.py [--fixtures DIR] [--trafilatura PYTHON] [--worst N]

Each fixture is a small page (``NAME.html``) beside the Markdown a careful person would extract
from it (``NAME.expected.md``: the article only, the title not repeated, links as text, no
images). cleantext runs with ``--markdown``; with ``--trafilatura PYTHON`` (a Python with
trafilatura installed, outside the project's environment), trafilatura's Markdown output on the
same pages is scored beside it.

Scores, pooled over the fixtures:

- per element kind (heading, list item, table cell, code block, formula): precision and recall of
  the elements found, each matched at most once to an expected element of the same kind with the
  same text (compared after undoing escapes and emphasis, folding case and spaces; a code block's
  lines keep their indentation);
- edit similarity: for each fixture, difflib's ratio between the two Markdown texts (1 = the
  same), averaged.

An evaluation, not a test: it asserts nothing (tests/structure checks the fixtures).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleantext.config import Config  # noqa: E402
from cleantext.model import Article, RawPage  # noqa: E402
from cleantext.pipeline import PageCleaner  # noqa: E402

KINDS = ("heading", "list item", "table cell", "code block", "formula")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
RULE_ROW = re.compile(r"^\|?[\s:|-]+\|?$")
CELL_SPLIT = re.compile(r"(?<!\\)\|")
FORMULA = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)([^$\n]+?)(?<![\\\s])\$")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
MARKS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|`")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

TRAFILATURA = """
import json, sys, trafilatura
out = {}
for path in sys.argv[1:]:
    html = open(path, encoding="utf-8").read()
    out[path] = trafilatura.extract(html, output_format="markdown", include_tables=True,
                                    include_formatting=True, include_links=False, include_images=False) or ""
print(json.dumps(out))
"""


def _key(text: str) -> str:
    text = LINK.sub(r"\1", text)
    text = MARKS.sub("", ESCAPE.sub(r"\1", text))
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def elements(markdown: str) -> dict[str, Counter[str]]:
    """The elements of each kind in a Markdown text, as comparable keys."""
    found: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    code: list[str] | None = None
    fence = ""
    for line in markdown.splitlines():
        opened = FENCE.match(line)
        if code is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                found["code block"]["\n".join(code).strip("\n")] += 1
                code = None
            else:
                code.append(line.rstrip())
            continue
        if opened:
            code, fence = [], opened.group(1)
            continue
        _line_elements(line, found)
    if code is not None:
        found["code block"]["\n".join(code).strip("\n")] += 1
    return found


def _line_elements(line: str, found: dict[str, Counter[str]]) -> None:
    for display, inline in FORMULA.findall(line):
        found["formula"]["".join((display or inline).split())] += 1
    stripped = line.strip()
    heading = HEADING.match(stripped)
    item = ITEM.match(line)
    if heading:
        found["heading"][_key(heading.group(1))] += 1
    elif item and not RULE_ROW.match(stripped):
        found["list item"][_key(item.group(1))] += 1
    elif stripped.startswith("|") and not RULE_ROW.match(stripped):
        cells = CELL_SPLIT.split(stripped.strip("|"))
        for cell in cells:
            if _key(cell):
                found["table cell"][_key(cell)] += 1


def score(pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float, int, int]]:
    """Per kind: (precision, recall, predicted, expected), pooled over (predicted, expected) pairs."""
    totals = {kind: [0, 0, 0] for kind in KINDS}  # matched, predicted, expected
    for predicted, expected in pairs:
        got, want = elements(predicted), elements(expected)
        for kind in KINDS:
            totals[kind][0] += sum((got[kind] & want[kind]).values())
            totals[kind][1] += sum(got[kind].values())
            totals[kind][2] += sum(want[kind].values())
    out = {}
    for kind, (matched, predicted, expected) in totals.items():
        precision = matched / predicted if predicted else (1.0 if not expected else 0.0)
        recall = matched / expected if expected else 1.0
        out[kind] = (precision, recall, predicted, expected)
    return out


def similarity(predicted: str, expected: str) -> float:
    return difflib.SequenceMatcher(None, predicted.strip(), expected.strip(), autojunk=False).ratio()


def cleantext_markdown(paths: list[Path]) -> dict[str, str]:
    cleaner = PageCleaner(Config(page_timeout=0, text_format="markdown"))
    out = {}
    for path in paths:
        outcome = cleaner(RawPage(path.name, path.read_bytes()))
        out[str(path)] = outcome.text if isinstance(outcome, Article) else ""
    return out


def trafilatura_markdown(python: str, paths: list[Path]) -> dict[str, str]:
    done = subprocess.run(
        [python, "-c", TRAFILATURA, *map(str, paths)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def report(name: str, outputs: dict[str, str], expected: dict[str, str], worst: int) -> None:
    pairs = [(outputs[path], expected[path]) for path in expected]
    sims = {path: similarity(outputs[path], expected[path]) for path in expected}
    print(f"\n{name}: {len(pairs)} fixtures, edit similarity {sum(sims.values()) / len(sims):.3f}")
    print(f"  {'kind':12s} {'precision':>9s} {'recall':>7s} {'found':>6s} {'expected':>8s}")
    for kind, (precision, recall, found, want) in score(pairs).items():
        print(f"  {kind:12s} {precision:9.3f} {recall:7.3f} {found:6d} {want:8d}")
    for path, value in sorted(sims.items(), key=lambda kv: kv[1])[:worst]:
        print(f"    {value:.3f}  {Path(path).stem}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fixtures", default=str(ROOT / "tests" / "structure" / "fixtures"))
    ap.add_argument("--trafilatura", help="a Python that has trafilatura (an eval environment, not the project's)")
    ap.add_argument("--worst", type=int, default=0, help="list the N fixtures with the lowest edit similarity")
    args = ap.parse_args()
    paths = sorted(Path(args.fixtures).glob("*.html"))
    expected = {str(p): p.with_suffix(".expected.md").read_text(encoding="utf-8") for p in paths}
    print("Structure of Markdown output on the labelled fixtures (precision/recall pooled per element kind)")
    report("cleantext --markdown", cleantext_markdown(paths), expected, args.worst)
    if args.trafilatura:
        report("trafilatura output_format=markdown", trafilatura_markdown(args.trafilatura, paths), expected, args.worst)


if __name__ == "__main__":
    main()
