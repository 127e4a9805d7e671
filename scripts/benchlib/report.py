"""The printed table, the ratios against the issue's targets, and the profile's top functions.

Ratios come first in a reader's mind: on a noisy shared machine, absolute pages/s move from run
to run, while cleantext against bs4 (or OpenCC, or itself on one core) on the same pages and in
the same minute holds much better.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchlib.corpus import ROOT
from benchlib.timing import MB, Figure

PROFILE_ROWS = 25  # functions listed per ordering
NAME_WIDTH = 46  # characters of the first column


@dataclass
class Ratio:
    """A ratio or derived figure with its target; ``ok`` is None when there is no pass/fail."""

    name: str
    value: float
    target: str
    ok: bool | None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": round(self.value, 4), "target": self.target, "ok": self.ok}


@dataclass
class Report:
    """Everything measured in one run, by section letter and row key."""

    rows: list[tuple[str, str, Figure]] = field(default_factory=list)  # (section, key, figure)
    ratios: list[Ratio] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, section: str, key: str, figure: Figure) -> None:
        self.rows.append((section, key, figure))
        sys.stderr.write(f"bench:   {figure.name}: {figure.pages_per_s:.1f} pages/s, {figure.mb_per_s:.2f} MB/s\n")

    def get(self, key: str) -> Figure | None:
        return next((fig for _, k, fig in self.rows if k == key), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "figures": [{"section": s, "key": k, **f.as_dict()} for s, k, f in self.rows],
            "ratios": [r.as_dict() for r in self.ratios],
            "notes": self.notes,
            "profile": self.profile,
        }


def print_report(report: Report, header: str) -> None:
    print(header)
    print()
    print(
        f"{'measurement':<{NAME_WIDTH}} {'pages':>6} {'MB':>7} {'best s':>8} {'pages/s':>8} "
        f"{'MB/s':>7} {'RSS MB':>7}  note"
    )
    for section, _, fig in report.rows:
        rss = fig.extra.get("peak_rss_mb")
        rss_text = f"{rss:7.0f}" if rss is not None else f"{'':7}"
        name = f"({section}) {fig.name}"[:NAME_WIDTH]
        print(
            f"{name:<{NAME_WIDTH}} {fig.pages:6d} {fig.nbytes / MB:7.2f} {fig.seconds:8.3f} "
            f"{fig.pages_per_s:8.1f} {fig.mb_per_s:7.2f} {rss_text}  {fig.note}"
        )
    if report.ratios:
        print()
        print(f"{'ratio':<{NAME_WIDTH + 8}} {'value':>9}  {'target':<14} verdict")
        for ratio in report.ratios:
            verdict = {True: "ok", False: "MISS", None: "-"}[ratio.ok]
            print(f"{ratio.name:<{NAME_WIDTH + 8}} {ratio.value:9.3f}  {ratio.target:<14} {verdict}")
    for note in report.notes:
        print(f"note: {note}")


def profile_call(run: Callable[[], object]) -> dict[str, list[dict[str, Any]]]:
    """cProfile ``run``; the top functions by cumulative and by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries = [
        {"function": _where(func), "calls": nc, "own_s": tt, "cumulative_s": ct}
        for func, (_, nc, tt, ct, _) in stats.stats.items()  # type: ignore[attr-defined]
    ]
    return {
        "cumulative": sorted(entries, key=lambda e: -e["cumulative_s"])[:PROFILE_ROWS],
        "own": sorted(entries, key=lambda e: -e["own_s"])[:PROFILE_ROWS],
    }


def _where(func: tuple[str, int, str]) -> str:
    """``package/module.py:LINE(name)``, relative to the repo or to site-packages."""
    path, line, name = func
    if path == "~":
        return name  # a builtin, e.g. <method 'join' of 'str' objects>
    text = str(path)
    for anchor in (str(ROOT) + "/", "site-packages/", "lib/python3.11/"):
        if anchor in text:
            text = text.split(anchor, 1)[1]
            break
    return f"{Path(text)}:{line}({name})"


def print_profile(profile: dict[str, list[dict[str, Any]]], title: str) -> None:
    for order in ("cumulative", "own"):
        print()
        print(f"profile ({title}), top {PROFILE_ROWS} by {order} time")
        print(f"{'calls':>9} {'own s':>8} {'cum s':>8}  function")
        for entry in profile.get(order, []):
            print(f"{entry['calls']:9d} {entry['own_s']:8.3f} {entry['cumulative_s']:8.3f}  {entry['function']}")
