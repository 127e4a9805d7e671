"""Boilerplate: keep the article's blocks, drop everything else, each drop with its reason.

The method, in three steps (one module each):

1. ``rules``: every block goes down an ordered ladder of named rules over its features
   (``features``) and the boilerplate vocabulary (``markers``); the first rule that answers
   classes it good, bad, or short (undecided).
2. ``context``: short blocks take after their neighbours; then the main-content region is the
   contiguous stretch of blocks with the largest weight (good text minus boilerplate), and good
   blocks outside it are dropped.
3. Here: the verdicts, one per block, for the document stage and for ``cleantext explain``.

>>> from cleantext.model import Block
>>> blocks = [Block(0, "首页", in_list=True, source="text"),
...           Block(1, "这是正文的第一段，内容足够长，有逗号，也有句号。这是第二句。", source="text")]
>>> [(v.keep, v.reason) for v in classify(blocks)]
[(False, 'related-list'), (True, 'body')]
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged, confine, main_region, smooth
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.rules import judge
from cleantext.model import Block, PageMeta, Verdict


def classify(blocks: list[Block], meta: PageMeta | None = None) -> list[Verdict]:
    """One verdict per block, in order."""
    judged = []
    for block in blocks:
        feats = features_of(block.text)
        cls, reason = judge(block, feats)
        judged.append(Judged(cls, reason, feats))
    smooth(judged)
    confine(judged, main_region(judged))
    return [
        Verdict(block, item.cls == "good", item.reason, float(item.feats.units), item.overridden)
        for block, item in zip(blocks, judged, strict=True)
    ]
