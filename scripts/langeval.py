"""How often a record's ``lang`` is right on the bench, new identifier beside the old heuristic.

    python scripts/langeval.py ../shared/bench        # part of `make eval`

Labels are the bench's ``<id>.json`` ``lang``. Three kinds of text are identified:

- each page's ground-truth ``text``;
- the text cleantext extracts from the page's HTML and from its text dump (``cleantext run``'s record);
  a page that gives no record is counted wrong;
- snippets of 20–200 characters cut from the ground-truth paragraphs (``langcompare.snippets``).

"new" is the record's ``lang`` (``convert/lang.py``); "old" is the script-and-function-word guess
records had before (``convert/script.lang_of``, which names only zh, ja, ko and en; no answer is
wrong). Pass ``--show`` to list the pages the new identifier gets wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langcompare import load_pages, snippets

from cleantext.config import Config
from cleantext.convert.lang import LanguageTagger
from cleantext.convert.script import lang_of
from cleantext.model import Article, RawPage
from cleantext.pipeline import Pipeline

Item = tuple[str, str, str | None]  # id, label, text (None: no record)


def extracted(bench: Path, pages: list[tuple[str, str, str]], suffix: str) -> list[Item]:
    """(id, label, the record's text) for each page's ``suffix`` input, cleaned by cleantext."""
    pipeline = Pipeline(Config(jobs=1))
    items: list[Item] = []
    for page_id, lang, _truth in pages:
        path = bench / f"{page_id}{suffix}"
        outcome = pipeline.clean(RawPage(str(path), path.read_bytes()))
        items.append((page_id, lang, outcome.text if isinstance(outcome, Article) else None))
    return items


def score(items: list[Item], guess: Callable[[str], str | None]) -> tuple[Counter[str], Counter[str], Counter[tuple[str, str]]]:
    """Right and seen per label, and the confusions (label, answer)."""
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    for _id, lang, text in items:
        answer = guess(text) if text is not None else "no record"
        seen[lang] += 1
        if answer == lang:
            right[lang] += 1
        else:
            wrong[(lang, str(answer))] += 1
    return right, seen, wrong


def _acc(right: Counter[str], seen: Counter[str], lang: str | None = None) -> str:
    r = right[lang] if lang else sum(right.values())
    n = seen[lang] if lang else sum(seen.values())
    return f"{r / n:.3f} ({r}/{n})" if n else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path)
    args = parser.parse_args()
    tagger = LanguageTagger()

    def new(text: str) -> str:
        return tagger.identify(text).lang

    pages = load_pages(args.bench)
    sets: dict[str, list[Item]] = {
        "ground-truth text": [(i, lang, text) for i, lang, text in pages],
        "cleantext on HTML": extracted(args.bench, pages, ".html"),
        "cleantext on dumps": extracted(args.bench, pages, ".txt"),
    }
    print("language identification — pages (accuracy overall | on Chinese), new vs old heuristic")
    for name, items in sets.items():
        r_new, seen, w_new = score(items, new)
        r_old, _, _w = score(items, lang_of)
        print(
            f"  {name:20} new {_acc(r_new, seen)} | zh {_acc(r_new, seen, 'zh')}   "
            f"old {_acc(r_old, seen)} | zh {_acc(r_old, seen, 'zh')}"
        )
        if w_new:
            print(f"    new confusions (label, answer): {dict(w_new.most_common())}")
    snips: list[Item] = [(i, lang, text) for i, lang, text in snippets(pages)]
    r_new, seen, w_new = score(snips, new)
    r_old, _, _w = score(snips, lang_of)
    print(f"snippets of 20–200 characters: new {_acc(r_new, seen)}, old {_acc(r_old, seen)}")
    for lang in sorted(seen, key=lambda k: (-seen[k], k)):
        print(f"  {lang:4} new {_acc(r_new, seen, lang):16} old {_acc(r_old, seen, lang)}")
    print(f"  remaining confusions (label, answer): {dict(w_new.most_common(12))}")


if __name__ == "__main__":
    main()
