"""Boilerplate: keep the article's blocks, drop everything else, each drop with its reason.

The method, step by step (one module each):

1. ``rules``: every block goes down an ordered ladder of named rules over its features
   (``features``) and the boilerplate vocabulary (``markers``); the first rule that answers
   classes it good, bad, or short (undecided).
2. Here, one page-level look: a page with almost no text outside its comment sections is a
   thread (a forum post and its replies, a question and its answers), and its comments are
   judged again as text.
3. ``dom`` (HTML): the element holding most of the article's text is found from the blocks'
   container numbers; bare prose and short lines inside it lean to text, good text outside it
   leaves (``outside-main``).
4. ``context``: short blocks take after their neighbours (a long run of short dump lines is a
   link list); a page with no good block at all (a table of contents, one-line posts) takes its
   undecided blocks as text; then the main-content region is the contiguous stretch of blocks with
   the largest weight (good text minus boilerplate), and good blocks outside it are dropped, as
   are copies of a block already kept.
5. ``articles``: the region holds one article: it ends where an article ends (the editor's
   sign-off, the reprint notice, the previous/next links, the writer's biography, the comment
   section), and a region holding two (a blog archive, a next story appended in full, a feed of
   full teasers) is cut at the second one's header.
6. Here: a dump's placeholder lines (``[image]``, ``[button]``) leave the kept text; they took
   part in the steps above as what they stand for, a picture or a control between paragraphs.
7. Here: the verdicts, one per block, for the document stage and for ``cleantext explain``.

>>> from cleantext.model import Block
>>> blocks = [Block(0, "首页", in_list=True, source="text"),
...           Block(1, "这是正文的第一段，内容足够长，有逗号，也有句号。这是第二句，它让这一段读起来像文章。",
...                 source="text")]
>>> [(v.keep, v.reason) for v in classify(blocks)]
[(False, 'nav'), (True, 'body')]
"""

from __future__ import annotations

from cleantext.boilerplate.articles import first_article
from cleantext.boilerplate.context import Judged, confine, fallback, main_region, repeated, smooth
from cleantext.boilerplate.dom import container_prior
from cleantext.boilerplate.rules import judge, judge_remembered
from cleantext.model import Block, DropReason, PageMeta, Verdict
from cleantext.regexes import compiled

# A page whose text outside comment sections is less than this is a thread (a forum post, a
# question and its answers): its comments are the content, as readers and annotators take them.
MIN_ARTICLE_UNITS = 100  # units of good text outside comments; about two short paragraphs
COMMENT = DropReason.COMMENT.value
# A dump line of bracketed stand-ins only: images, buttons, form fields ([4e2062a5cf], [登录]).
PLACEHOLDERS = compiled(r"(?:\[[^\[\]]*\]\s*)+")


def _drop_placeholders(blocks: list[Block], judged: list[Judged]) -> None:
    """Kept dump lines that are only placeholders are dropped (in place)."""
    for block, item in zip(blocks, judged, strict=True):
        if item.cls == "good" and item.dump and block.text.startswith("[") and PLACEHOLDERS.fullmatch(block.text):
            item.overridden = item.overridden or f"good:{item.reason}"
            item.cls, item.reason = "bad", DropReason.EMPTY.value


def _rejudge_thread(blocks: list[Block], judged: list[Judged]) -> None:
    """When almost nothing but comments holds text, judge the comments as text (in place)."""
    article = sum(item.feats.units for item in judged if item.cls == "good")
    if article >= MIN_ARTICLE_UNITS or not any(item.reason == COMMENT for item in judged):
        return
    for block, item in zip(blocks, judged, strict=True):
        if item.reason == COMMENT:
            cls, reason = judge(block, item.feats, skip=frozenset((COMMENT,)))
            item.overridden, item.cls, item.reason = f"{item.cls}:{item.reason}", cls, reason


def classify(blocks: list[Block], meta: PageMeta | None = None) -> list[Verdict]:
    """One verdict per block, in order."""
    judged = []
    for block in blocks:
        cls, reason, feats = judge_remembered(block)
        judged.append(Judged(cls, reason, feats, "", block.in_list, block.source == "text"))  # positional: faster
    _rejudge_thread(blocks, judged)
    container_prior(blocks, judged, meta)
    smooth(judged)
    fallback(judged)
    confine(judged, first_article(blocks, judged, main_region(judged), meta))
    repeated(judged, [block.text for block in blocks])
    _drop_placeholders(blocks, judged)
    return [
        Verdict(block, item.cls == "good", item.reason, float(item.feats.units), item.overridden)
        for block, item in zip(blocks, judged, strict=True)
    ]
