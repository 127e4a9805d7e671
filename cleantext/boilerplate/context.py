"""Context smoothing and the main-content region.

Two observations drive this stage:

1. A block too short to judge alone takes after its neighbours: a subheading or a one-line
   paragraph between two article paragraphs is article; the same line between two menu entries is
   menu. Each short block looks at the nearest decided block on each side.
2. An article is one contiguous stretch of the page. Giving each good block a positive weight
   (its length) and each bad block a negative one, the stretch with the largest sum is the main
   content; good-looking blocks outside it (a long comment, a teaser with punctuation) are dropped
   as ``outside-main``.

Every override is recorded in ``Verdict.overridden``, so ``cleantext explain`` shows what context
changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleantext.boilerplate.features import Features
from cleantext.model import DropReason

MIN_NEAR_GOOD_UNITS = 8  # units: a short block this long with punctuation may join an article
BAD_WEIGHT = 1.0  # weight of a bad block's units against good units in the region sum
MIN_BAD_PENALTY = 3  # units: even a tiny menu entry costs something to cross
SHORT_PENALTY = 1  # units: undecided blocks cost little, so a subheading does not split an article


@dataclass
class Judged:
    """A block's class as the ladder and then context left it."""

    cls: str  # "good" | "bad" | "short"
    reason: str
    feats: Features
    overridden: str = ""


def _neighbour(judged: list[Judged], start: int, step: int) -> str:
    i = start + step
    while 0 <= i < len(judged):
        if judged[i].cls != "short":
            return judged[i].cls
        i += step
    return "bad"  # the page's edges count as boilerplate


def smooth(judged: list[Judged]) -> None:
    """Decide short blocks from their nearest decided neighbours (in place)."""
    decided = []
    for i, item in enumerate(judged):
        if item.cls != "short":
            continue
        prev, nxt = _neighbour(judged, i, -1), _neighbour(judged, i, 1)
        near_good = item.feats.units >= MIN_NEAR_GOOD_UNITS and item.feats.punct > 0
        if prev == nxt == "good" or (near_good and "good" in (prev, nxt)):
            decided.append((i, "good", "context"))
        else:
            decided.append((i, "bad", item.reason))
    for i, cls, reason in decided:
        item = judged[i]
        item.overridden = f"{item.cls}:{item.reason}"
        item.cls, item.reason = cls, reason


def _weight(item: Judged) -> float:
    if item.cls == "good":
        return float(item.feats.units)
    if item.overridden.startswith("short"):
        return -float(SHORT_PENALTY)
    return -BAD_WEIGHT * max(item.feats.units, MIN_BAD_PENALTY)


def main_region(judged: list[Judged]) -> tuple[int, int]:
    """[start, end) of the stretch with the largest weight sum (Kadane); (0, 0) when none is positive."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, item in enumerate(judged):
        if total <= 0:
            total, start = 0.0, i
        total += _weight(item)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def confine(judged: list[Judged], span: tuple[int, int]) -> None:
    """Drop good blocks outside the main region (in place)."""
    lo, hi = span
    for i, item in enumerate(judged):
        if item.cls == "good" and not lo <= i < hi:
            item.overridden = item.overridden or f"good:{item.reason}"
            item.cls, item.reason = "bad", DropReason.OUTSIDE.value
