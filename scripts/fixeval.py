#!/usr/bin/env python3
"""The page-type fixtures through every dump tool: token F1 against each fixture's expected text.

    python scripts/fixeval.py [--tools w3m,lynx,...]

The fixtures are the hand-made pages in ``tests/`` that have an expected text beside them
(``NAME.html`` and ``NAME.expected.txt``): a forum thread of each common engine's layout, Q&A
pages, an article with comments, blogs, recipes, a product page, a government notice. The tests
check them as HTML and through the dumps committed beside some of them; here each page is also
dumped by every tool that can run (``evallib.dumps``: w3m, lynx, inscriptis, html2text, and the
held-out elinks, links and html-text), and the dump is cleaned as a user's would be.

What it shows: which page types a dump tool's layout still costs, page type by page type,
where the bench mixes them. What it does not: generalisation. The fixtures were written here,
and rules were checked against them, so a figure here says nothing of unseen pages (the bench's
checking half and ``scripts/unseen.py`` do). Tokens as the bench's ``score.py`` counts them: each
CJK character one token, other words lowercased.

An evaluation, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from evallib.dumps import DUMP_TOOLS, HOLDOUT_TOOLS, DumpMaker  # noqa: E402

from cleantext.config import Config  # noqa: E402
from cleantext.model import Article, RawPage  # noqa: E402
from cleantext.pipeline import PageCleaner  # noqa: E402

EVAL_PYTHON = ROOT / ".eval-venv" / "bin" / "python"
TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+")


class FixtureDumps(DumpMaker):
    """Dumps of the fixtures under ``.eval/dumps/<tool>/fixtures/<folder>/``, made fresh for
    every tool: a dump committed beside a fixture (``thread-zh.txt``, from lynx) is no w3m dump."""

    def dump_path(self, tool: str, html: Path) -> Path:
        return self.root / "dumps" / tool / "fixtures" / html.parent.name / f"{html.stem}.txt"


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(unicodedata.normalize("NFKC", text).lower()))


def f1(got: str, want: str) -> float:
    a, b = tokens(got), tokens(want)
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * p * r / (p + r)


def fixtures() -> list[Path]:
    """Every ``tests/**/NAME.html`` with a ``NAME.expected.txt`` beside it, in path order."""
    return sorted(p for p in (ROOT / "tests").rglob("*.html") if p.with_suffix(".expected.txt").exists())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", default=",".join((*DUMP_TOOLS, *HOLDOUT_TOOLS)), help="comma-separated dump tools")
    args = ap.parse_args()
    pages = fixtures()
    maker = FixtureDumps(ROOT / ".eval", EVAL_PYTHON)
    tools = ["html"]
    for tool in [t for t in args.tools.split(",") if t]:
        why_not = maker.available(tool)
        if why_not:
            print(f"fixeval: skipped {tool}: {why_not}", file=sys.stderr)
            continue
        maker.make(tool, pages)
        if not any(maker.dump_path(tool, page).exists() for page in pages):
            print(f"fixeval: skipped {tool}: it made no dump (not installed?)", file=sys.stderr)
            continue
        tools.append(tool)
    cleaner = PageCleaner(Config(page_timeout=0))
    print("\n== page-type fixtures (hand-made, checked by the tests: not unseen) through each tool: token F1")
    print(f"{'fixture':38s} " + " ".join(f"{t[:10]:>10s}" for t in tools))
    sums = {t: 0.0 for t in tools}
    for html in pages:
        want = html.with_suffix(".expected.txt").read_text(encoding="utf-8")
        row = []
        for tool in tools:
            path = html if tool == "html" else maker.dump_path(tool, html)
            score = 0.0
            if path.exists():
                outcome = cleaner(RawPage(path.name, path.read_bytes()))
                score = f1(outcome.text, want) if isinstance(outcome, Article) else 0.0
            sums[tool] += score
            row.append(score)
        name = f"{html.parent.name}/{html.stem}"
        print(f"{name:38s} " + " ".join(f"{v:10.3f}" for v in row))
    print(f"{'== mean':38s} " + " ".join(f"{sums[t] / len(pages):10.3f}" for t in tools))


if __name__ == "__main__":
    main()
