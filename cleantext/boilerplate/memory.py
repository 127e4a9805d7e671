"""A run's memory of the ladder's answers (``RememberingJudge``).

A site's menus, share bars and footers repeat on all its pages: a quarter of the bench's dump
lines repeat an earlier one. The ladder (``rules.judge``) is pure and reads only a few fields of
a block (``JUDGED_FIELDS``), so equal fields get an equal answer, and a run can remember the
answers for short blocks instead of asking again. Article text is long and does not repeat; it
is never remembered.
"""

from __future__ import annotations

import functools
import operator

from cleantext.boilerplate.features import Features, features_of
from cleantext.boilerplate.rules import judge
from cleantext.model import Block, BlockClass, BlockReason, Step

# The fields of a block the ladder reads: equal fields, equal answer.
JUDGED_FIELDS = ("text", "kind", "hint", "in_list", "link_chars", "source")
MEMO_BLOCKS = 8192  # answers remembered (~3 MB on the bench's dumps); the memory starts over when full
MEMO_MAX_CHARS = 200  # longer blocks are article text, which does not repeat
_judged_fields = operator.attrgetter(*JUDGED_FIELDS)
Remembered = tuple[BlockClass, BlockReason, tuple[Step], Features]


class RememberingJudge:
    """``judge`` with the block's features, from memory when a block with the same
    ``JUDGED_FIELDS`` was judged before by this judge. One per run (per ``Classifier``), so a run
    starts with no memory and two runs never share one.

    The answer is the class and reason (unpacked: read once per block, faster than from the
    ``Step``), the chain a block's verdict opens with (the ``Step`` naming the rule, shared by
    every block with the same answer), and the features.

    >>> remember = RememberingJudge()
    >>> cls, reason, chain, feats = remember(Block(0, "分享到：微信 微博"))
    >>> chain[0].name, len(remember)
    ('marker', 1)
    """

    def __init__(self, capacity: int = MEMO_BLOCKS) -> None:
        self.capacity = capacity  # answers remembered at most
        self._memo: dict[tuple[object, ...], Remembered] = {}

    def __len__(self) -> int:
        """Answers remembered now."""
        return len(self._memo)

    def __call__(self, block: Block) -> Remembered:
        key = _judged_fields(block)
        known = self._memo.get(key)
        if known is not None:
            return known
        feats = features_of(block.text)
        step = judge(block, feats)
        answer = (step.cls, step.reason, _opening(step), feats)
        if len(block.text) <= MEMO_MAX_CHARS:
            if len(self._memo) >= self.capacity:
                self._memo.clear()
            self._memo[key] = answer
        return answer


@functools.cache
def _opening(step: Step) -> tuple[Step]:
    """The chain a verdict opens with: one tuple per distinct answer, shared by its blocks."""
    return (step,)
