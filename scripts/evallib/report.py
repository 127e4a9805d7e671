"""The tables ``make eval`` prints: macro F1 per dataset and group × tool × half, the bench-to-check
gap, title and date accuracy, and the keep-all baseline of each dump tool.

Scored rows come from the bench's ``score.py`` (one per page: ``f1``, ``p``, ``r``, ``lang`` and,
when judged, ``title_ok``/``date_ok``), each tagged here with its ``dataset`` and ``half``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from evallib.split import CHECK, HALVES

# Curly quotes a page's head and its body may spell straight, and the other way round.
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def headline_key(title: object) -> str:
    """A headline as compared (``eval.py``, ``unseen.py``): NFKC, lowercase, straight quotes,
    without whitespace."""
    return "".join(unicodedata.normalize("NFKC", str(title or "")).lower().translate(QUOTES).split())


Rows = list[dict[str, Any]]
# The groups the project's targets are stated for. "en" is the three English datasets only;
# magic-html's English pages are reported in "en-all" with them, never silently pooled.
EN_DATASETS = ("cleaneval-en", "dragnet-en", "cleanportaleval-en")
GROUPS: dict[str, Callable[[str, str], bool]] = {
    "zh": lambda dataset, lang: lang == "zh",
    "en": lambda dataset, lang: lang == "en" and dataset in EN_DATASETS,
    "en-all": lambda dataset, lang: lang == "en",
    "other": lambda dataset, lang: lang not in ("zh", "en"),
    "all": lambda dataset, lang: True,
}
NAME_WIDTH = 22  # characters: the longest dataset name, with room


def macro(rows: Rows, key: str = "f1") -> float | None:
    return sum(r[key] for r in rows) / len(rows) if rows else None


def accuracy(rows: Rows, key: str) -> tuple[float, int] | None:
    judged = [r[key] for r in rows if key in r]
    return (sum(judged) / len(judged), len(judged)) if judged else None


def selections(datasets: Iterable[str]) -> list[tuple[str, Callable[[dict[str, Any]], bool]]]:
    """Each dataset, then each group: a name and the test a scored row passes to belong."""
    out: list[tuple[str, Callable[[dict[str, Any]], bool]]] = []
    for name in datasets:
        out.append((name, _in_dataset(name)))
    for group, test in GROUPS.items():
        out.append((f"== {group}", _in_group(test)))
    return out


def _in_dataset(name: str) -> Callable[[dict[str, Any]], bool]:
    return lambda row: bool(row["dataset"] == name)


def _in_group(test: Callable[[str, str], bool]) -> Callable[[dict[str, Any]], bool]:
    return lambda row: test(row["dataset"], row["lang"])


def _cell(value: float | None) -> str:
    return "    - " if value is None else f"{value:6.3f}"


def print_f1(title: str, scored: dict[str, Rows], datasets: list[str]) -> None:
    """macro F1, tune and check half, one column pair per tool."""
    tools = list(scored)
    print(f"\n{title}: macro F1, tune / check half (pages tune/check)")
    print(f"{'dataset / group':{NAME_WIDTH}s} {'pages':>7s}  " + "  ".join(f"{t:>13s}" for t in tools))
    for name, belongs in selections(datasets):
        rows = {t: [r for r in scored[t] if belongs(r)] for t in tools}
        first = rows[tools[0]] if tools else []
        if not first:
            continue
        counts = "/".join(str(sum(1 for r in first if r["half"] == h)) for h in HALVES)
        cells = [
            _cell(macro([r for r in rows[t] if r["half"] == h])) for t in tools for h in HALVES
        ]
        pairs = ["".join(cells[i : i + 2]) for i in range(0, len(cells), 2)]
        print(f"{name:{NAME_WIDTH}s} {counts:>7s}  " + "  ".join(f"{p:>13s}" for p in pairs))


def print_gap(scored: dict[str, Rows]) -> None:
    """Bench (every page) minus checking half, per group: how much the figures owe to tuning."""
    tools = list(scored)
    print("\nbench − check gap (macro F1 of every page minus the checking half's; > 0: the bench flatters)")
    print(f"{'group':{NAME_WIDTH}s} {'':>7s}  " + "  ".join(f"{t:>19s}" for t in tools))
    for group, test in GROUPS.items():
        cells = []
        for tool in tools:
            rows = [r for r in scored[tool] if test(r["dataset"], r["lang"])]
            whole, check = macro(rows), macro([r for r in rows if r["half"] == CHECK])
            cells.append("-" if whole is None or check is None else f"{whole:.3f}−{check:.3f}={whole - check:+.3f}")
        print(f"== {group:{NAME_WIDTH - 3}s} {'':>7s}  " + "  ".join(f"{c:>19s}" for c in cells))


def _acc(value: tuple[float, int] | None) -> str:
    """A share in three characters: ``.91``, ``1.0``, or ``  -`` when nothing was judged."""
    if value is None:
        return "  -"
    text = f"{value[0]:.2f}"
    return "1.0" if text == "1.00" else text[1:]


def print_meta(scored: dict[str, Rows], datasets: list[str]) -> None:
    """Title, date and author accuracy per dataset, on every page and on the checking half; rows
    where the truth has nothing to judge are left out."""
    tools = list(scored)
    keys = (("t", "title_ok"), ("d", "date_ok"), ("a", "author_ok"))
    for label, half in (("every page", None), ("checking half", CHECK)):
        print(f"\ntitle (t) / date (d) / author (a) accuracy, {label}; judged: pages whose truth has a title/date/author")
        print(f"{'dataset / group':{NAME_WIDTH}s} {'judged':>11s}  " + "  ".join(f"{t:>14s}" for t in tools))
        for name, belongs in selections(datasets):
            first = [r for r in scored[tools[0]] if belongs(r) and half in (None, r["half"])] if tools else []
            judged = [(accuracy(first, key) or (0, 0))[1] for _, key in keys]
            if not any(judged):
                continue
            cells = []
            for tool in tools:
                rows = [r for r in scored[tool] if belongs(r) and half in (None, r["half"])]
                cells.append(" ".join(f"{short}{_acc(accuracy(rows, key))}" for short, key in keys))
            counts = "/".join(map(str, judged))
            print(f"{name:{NAME_WIDTH}s} {counts:>11s}  " + "  ".join(f"{c:>14s}" for c in cells))
