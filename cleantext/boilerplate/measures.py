"""A list of measures inside an article: a recipe's ingredients, a kit's parts.

A dump writes an article's ingredient list as it writes a menu: short lines in a list, one after
another, none a sentence. The ladder takes them for list entries (a menu, a teaser list) and
smoothing cannot win them back, since their neighbours are entries as well. What tells them apart
is how each entry opens: with a quantity and its unit (``2 cups flour``, ``1 ½ teaspoon salt``,
``4 ounces, weight chocolate``). A menu's or a teaser list's entries open with a word, or with a
number and a noun (``10 Ways to …``), not with a unit of measure. Such a list between kept lines
of the article is the article's: between its paragraphs on their own merits, before smoothing
and the region (``measured_entries``: taken for a menu, the list weighed against the text and cut
a recipe's method away from it), and between the article's lines after the region steps
(``measured_lists``: the lines smoothing kept around it count then).

>>> from cleantext.model import Block
>>> from cleantext.boilerplate import classify
>>> para = "Cream the butter with the sugar, then add the egg and the vanilla and mix until it is smooth."
>>> items = ["2 cups flour", "1 ½ teaspoon salt", "3 tablespoons butter, soft"]
>>> blocks = [Block(0, para, source="text"),
...           *(Block(i + 1, t, kind="li", in_list=True, bullet=True, source="text") for i, t in enumerate(items)),
...           Block(4, para.replace("butter", "dough"), source="text")]
>>> [v.keep for v in classify(blocks)]
[True, True, True, True, True]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.entries import list_item
from cleantext.model import Block, BlockClass, KeepReason, Step
from cleantext.regexes import compiled

GOOD = BlockClass.GOOD
MEASURED = Step("measured_lists", GOOD, KeepReason.CONTEXT)
MEASURED_EARLY = Step("measured_entries", GOOD, KeepReason.CONTEXT)
LIST_ENTRY = list_item.__name__  # the ladder's rule for a list's short entries
# A quantity (``2``, ``1.5``, ``2-1/2``, ``1 ½``, ``½``), a range of them (``2-3``, ``2 to 3``),
# then a unit of measure or of count of a recipe or a parts list.
_NUMBER = r"(?:\d+(?:[.,/]\d+)?(?:[-\s]\d+/\d+)?\s*[½⅓⅔¼¾⅛]?|[½⅓⅔¼¾⅛])"
_UNIT = (
    r"cups?|c\.|tablespoons?|teaspoons?|tbsps?|tsps?|tbs|fl\.?\s*oz|oz|ounces?|pounds?|lbs?|g|kg|grams?"
    r"|ml|dl|l|litres?|liters?|pinch(?:es)?|dash(?:es)?|cloves?|slices?|cans?|sticks?|whole|large|medium"
    r"|small|bunch(?:es)?|packages?|packets?|quarts?|pints?|sprigs?|handfuls?|heads?|jars?|bottles?"
)
MEASURE = compiled(
    rf"^{_NUMBER}(?:\s*(?:-|–|to)\s*{_NUMBER})?\s*(?:\([^)]{{0,20}}\)\s*)?(?:{_UNIT})\b", re.IGNORECASE
)
# Measured lines a list needs, and the share of its lines that open with a measure.
MIN_MEASURED = 3
MIN_MEASURED_SHARE = 0.5
# Lines between two measured lines of one list at most (an unmeasured entry: ``2 pears, diced``,
# a sub-heading, a picture).
MAX_STEP = 3
# Blocks a kept line of the article may stand away from the list, above it and under it, when
# all between are short lines, list entries or pictures (a recipe's name, ``Makes 10 cups``,
# ``Ingredients``, a photo): no marker of chrome (a menu, a comment count) and no prose dropped.
MAX_GAP = 10
# The ladder's rules of the lines a list of measures keeps: short lines and list entries.
ENTRY_RULES = frozenset((LIST_ENTRY, "short"))
BETWEEN_RULES = frozenset(("placeholder", "empty"))
FIRST = frozenset("0123456789½⅓⅔¼¾⅛")


def _kept_beyond(judged: list[Judged], j: int, step: int) -> bool:
    """Is the first block from ``j`` on (going by ``step``) that is no short line, entry or
    picture a kept one, within ``MAX_GAP`` blocks?"""
    for _ in range(MAX_GAP):
        if not 0 <= j < len(judged):
            return False
        item = judged[j]
        if item.cls is GOOD:
            return True
        if item.rule not in ENTRY_RULES and item.rule not in BETWEEN_RULES:
            return False
        j += step
    return False


def _clusters(measured: list[int]) -> list[tuple[int, int, int]]:
    """(first, last, count) of each group of measured lines at most ``MAX_STEP`` apart."""
    groups: list[tuple[int, int, int]] = []
    for j in measured:
        if groups and j - groups[-1][1] <= MAX_STEP:
            first, _, count = groups[-1]
            groups[-1] = (first, j, count + 1)
        else:
            groups.append((j, j, 1))
    return groups


def _measured_runs(blocks: list[Block], judged: list[Judged]) -> Iterator[range]:
    """The runs of dump lines (list entries or lines of their own) most of which open with a
    quantity and its unit (``MEASURE``), with a kept line above and one under them
    (``_kept_beyond``), each with the rest of a list it starts or ends inside."""
    n = len(blocks)
    measured = [
        j
        for j, (block, item) in enumerate(zip(blocks, judged, strict=True))
        if item.dump and block.text[:1] in FIRST and MEASURE.match(block.text)
    ]
    for top, bottom, count in _clusters(measured):
        if count < MIN_MEASURED:
            continue
        first, last = top, bottom
        while first > 0 and blocks[first].in_list and blocks[first - 1].in_list:
            first -= 1
        while last + 1 < n and blocks[last].in_list and blocks[last + 1].in_list:
            last += 1
        span = range(first, last + 1)
        lines = sum(1 for j in span if judged[j].rule not in BETWEEN_RULES)
        if (
            count >= MIN_MEASURED_SHARE * lines
            and _kept_beyond(judged, first - 1, -1)
            and _kept_beyond(judged, last + 1, 1)
        ):
            yield span


def measured_entries(blocks: list[Block], judged: list[Judged]) -> None:
    """Before smoothing and the region: the entries of a list of measures between the article's
    text on its own merits (``_measured_runs``) are text, not the menu's entries the ladder took
    them for, and weigh as text in the region: an ingredient list no longer cuts a recipe from
    its method, nor is a run of short lines for smoothing to take for a link list (in place)."""
    for span in _measured_runs(blocks, judged):
        for j in span:
            if judged[j].cls is not GOOD and judged[j].rule == LIST_ENTRY:
                judged[j].set(MEASURED_EARLY)


def measured_lists(blocks: list[Block], judged: list[Judged]) -> None:
    """After the article is found: a run of dump lines most of which open with a quantity and its
    unit, between kept lines of the article (``_measured_runs``), is kept: its short lines and
    entries, and the rest of a list it starts or ends inside (in place)."""
    for span in _measured_runs(blocks, judged):
        for j in span:
            if judged[j].cls is not GOOD and judged[j].rule in ENTRY_RULES:
                judged[j].set(MEASURED)
