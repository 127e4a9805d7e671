"""Boilerplate: keep the article's blocks, drop everything else, each drop with its reason.

The method, step by step (one module each):

1. ``rules``: every block goes down an ordered ladder of named rules over its features
   (``features``), the boilerplate vocabulary (``markers``), the shapes of chrome lines
   (``lineshapes``: toolbars, menus written out as a line, headlines run together) and of lists'
   entries (``entries``: menu and related-list entries, stamped posts, teasers); the first
   rule that answers classes it good, bad, or short (undecided).
2. Here, one page-level look: a page with almost no text outside its comment sections is a
   thread (a forum post and its replies, a question and its answers), and its comments are
   judged again as text. ``wrappers``: a boilerplate class word (``widget``) under which most of
   the page's text sits wraps its article there, and what it dropped is judged again without it.
   ``banners``: the paragraphs around a consent banner's paragraph that speak of consent, data
   and partners are the banner's too.
3. ``runs``: a numbered dump line standing alone above a paragraph is a section head, not a
   list entry, and is left to smoothing; a paragraph that trails off (``……``) is left to it too,
   unless the page holds several such lines (a feed of teasers).
4. ``dom`` (HTML): the element holding most of the article's text is found from the blocks'
   container numbers; ``extent`` grows it to sibling elements that hold more of the article and
   ends it where a related box follows the body; inside it bare prose and the short lines
   ``leaning`` names lean to text, good text outside it leaves (``outside-main``).
5. ``tables``: the rows of a key/value table (specifications) that touches the article's text
   are text, though each cell is too short to judge alone; ``clauses``: so are the heads of a
   numbered outline (一、二、三、, （一）（二）) among the article's text (a notice's clauses).
6. ``context``: short blocks take after their neighbours (a long run of short dump lines is a
   link list); a page with no good block at all (a table of contents, one-line posts) takes its
   undecided blocks as text; then the main-content region is the contiguous stretch of blocks with
   the largest weight (good text minus boilerplate), and good blocks outside it are dropped;
   ``copies``: so are copies of a block already kept.
7. ``articles``: the region holds one article: it ends where an article ends (the editor's
   sign-off, the reprint notice, the previous/next links, the writer's biography, the comment
   section), and a region holding two (a blog archive, a next story appended in full, a feed of
   full teasers) is cut at the second one's header. ``runs``: a dump's list that a kept line of
   the article announces (a sentence ending with a colon) is the article's, however short its
   entries. ``signature``: so is a notice's signature under its last paragraph, the issuer's name
   and the full date on lines of their own.
8. ``posts`` (finding the list) and ``postchrome`` (setting it): on a page whose text is a list
   of posts (a forum thread, a question and its answers), every post's text is kept and what the
   template prints for each post (a user card, a signature, buttons, a quote's header) leaves as
   ``post-chrome``, whatever the region steps decided; above an article of its own, the list is
   its comments and leaves (``docs/threads.md``). The list is found before the region steps,
   from the ladder's answers.
9. Here: a dump's placeholder lines (``[image]``, ``[button]``, ``IFRAME: <address>``, an
   advert's label: ``Advertisement``) and its form lines (a text box with its label and button,
   ``lineshapes.form_line``) leave the kept text; they took part in the steps above as what they
   stand for, a picture or a control between paragraphs.
10. Here: the verdicts, one per block, for the document stage and for ``cleantext explain``.

Every verdict names the rule that decided (``Verdict.rule``) and the steps after the ladder that
changed it, each by its function's name (``Verdict.chain``, which opens with the ladder's answer).
A ``Classifier`` remembers the ladder's answers for repeated short blocks
(``memory.RememberingJudge``) for as long as it lives: build one per run; ``classify`` judges one
page with a memory of its own.

>>> from cleantext.model import Block
>>> blocks = [Block(0, "首页", in_list=True, source="text"),
...           Block(1, "这是正文的第一段，内容足够长，有逗号，也有句号。这是第二句，它让这一段读起来像文章。",
...                 source="text")]
>>> [(v.keep, str(v.reason), v.rule) for v in classify(blocks)]
[(False, 'nav', 'marker'), (True, 'body', 'prose')]
"""

from __future__ import annotations

from cleantext.boilerplate.articles import first_article
from cleantext.boilerplate.banners import consent_box
from cleantext.boilerplate.clauses import numbered_clauses
from cleantext.boilerplate.context import Judged, confine, fallback, main_region, smooth
from cleantext.boilerplate.copies import repeated
from cleantext.boilerplate.dom import container_prior, headline
from cleantext.boilerplate.dumpposts import apply_dump_thread, dump_thread
from cleantext.boilerplate.lineshapes import ad_label, form_line, frame_stand_ins
from cleantext.boilerplate.measures import measured_entries, measured_lists
from cleantext.boilerplate.memory import RememberingJudge
from cleantext.boilerplate.postchrome import apply_thread
from cleantext.boilerplate.posts import find_thread
from cleantext.boilerplate.rules import CONTAINER_HINT, judge, stand_ins
from cleantext.boilerplate.runs import announced_lists, lead_ins, subheads, teasers
from cleantext.boilerplate.signature import signature
from cleantext.boilerplate.tables import key_value_tables
from cleantext.boilerplate.wrappers import rejudge_wrappers
from cleantext.model import Block, BlockClass, DropReason, KeepReason, PageMeta, Step, Verdict

# A page whose text outside comment sections is less than this is a thread (a forum post, a
# question and its answers): its comments are the content, as readers and annotators take them.
MIN_ARTICLE_UNITS = 100  # units of good text outside comments; about two short paragraphs
COMMENT = DropReason.COMMENT
SKIP_COMMENT = frozenset((COMMENT,))
GOOD, BAD = BlockClass.GOOD, BlockClass.BAD
PLACEHOLDER = Step("drop_placeholders", BAD, DropReason.EMPTY)
FORM = Step("drop_placeholders", BAD, DropReason.NAV)
AD = Step("drop_placeholders", BAD, DropReason.RELATED)  # an advert's label: the promotions' reason


def drop_placeholders(blocks: list[Block], judged: list[Judged]) -> None:
    """Kept dump lines that are only placeholders (pictures, buttons, embedded frames:
    ``lineshapes.frame_stand_ins``), a form's text box with its label and button, or an advert's
    label (``lineshapes.ad_label``) are dropped (in place)."""
    for i in frame_stand_ins(blocks):
        if judged[i].cls is GOOD:
            judged[i].set(PLACEHOLDER)
    for block, item in zip(blocks, judged, strict=True):
        if item.cls is GOOD and item.dump:
            if stand_ins(block):
                item.set(PLACEHOLDER)
            elif form_line(block, item.feats):
                item.set(FORM)
            elif ad_label(block):
                item.set(AD)


TO_COMMENT_TEXT = Step("keep_comments", GOOD, KeepReason.POST)


def keep_comments(blocks: list[Block], judged: list[Judged]) -> None:
    """Comments wanted: the blocks of an element named as a comment section that the ladder reads
    as text once the section's name is passed over (a comment's paragraphs) are kept (in place);
    its short lines (names, dates, buttons) stay dropped."""
    for block, item in zip(blocks, judged, strict=True):
        if item.chain and item.chain[0].name == CONTAINER_HINT and item.chain[0].reason is COMMENT and item.cls is BAD:
            if judge(block, item.feats, skip=SKIP_COMMENT).cls is GOOD:
                item.set(TO_COMMENT_TEXT)


def rejudge_thread(blocks: list[Block], judged: list[Judged]) -> None:
    """When almost nothing but comments holds text, judge the comments as text (in place); the
    step names the rule that answered the second time."""
    article = sum(item.feats.units for item in judged if item.cls is GOOD)
    if article >= MIN_ARTICLE_UNITS or not any(item.reason is COMMENT for item in judged):
        return
    for block, item in zip(blocks, judged, strict=True):
        if item.reason is COMMENT:
            again = judge(block, item.feats, skip=SKIP_COMMENT)
            item.chain = (*item.chain, Step("rejudge_thread", again.cls, again.reason, again.name))
            item.cls, item.reason = again.cls, again.reason


class Classifier:
    """The boilerplate stage: one verdict per block, in order. It remembers the ladder's answers
    across the pages it classifies (a site's menus repeat on all its pages), so build one per run.
    ``comments``: keep the posts of a comment list under an article, as a thread's (their text;
    their cards and buttons still go)."""

    def __init__(self, comments: bool = False) -> None:
        self.judge = RememberingJudge()
        self.comments = comments

    def __call__(self, blocks: list[Block], meta: PageMeta | None = None) -> list[Verdict]:
        remembered = self.judge.__call__  # a bound method calls faster than the instance, once per block
        judged = []
        for block in blocks:
            cls, reason, chain, feats = remembered(block)
            # positional arguments: faster, once per block
            judged.append(Judged(cls, reason, feats, chain, block.in_list, block.source == "text"))
        rejudge_thread(blocks, judged)
        rejudge_wrappers(blocks, judged)
        consent_box(blocks, judged)
        html = bool(blocks) and bool(blocks[0].containers)
        thread = find_thread(blocks, judged, headline(blocks, meta)) if html else None
        posts = dump_thread(blocks, judged) if blocks and not html else None
        subheads(blocks, judged)
        teasers(judged)
        container_prior(blocks, judged, meta)
        key_value_tables(blocks, judged)
        numbered_clauses(blocks, judged)
        measured_entries(blocks, judged)
        texts = [block.text for block in blocks]
        smooth(judged, texts)
        fallback(judged, blocks)
        region = main_region(judged)
        confine(judged, region, first_article(blocks, judged, region, meta))
        announced_lists(blocks, judged)
        measured_lists(blocks, judged)
        lead_ins(blocks, judged)
        signature(blocks, judged)
        if thread is not None:
            apply_thread(blocks, judged, thread, self.comments)
        elif posts is not None:
            apply_dump_thread(blocks, judged, posts, self.comments)
        if self.comments and html:
            keep_comments(blocks, judged)
        repeated(judged, texts)
        drop_placeholders(blocks, judged)
        return [
            Verdict(block, item.cls is GOOD, item.reason, float(item.feats.units), item.chain)
            for block, item in zip(blocks, judged, strict=True)
        ]


def classify(blocks: list[Block], meta: PageMeta | None = None, comments: bool = False) -> list[Verdict]:
    """One page's verdicts, by a ``Classifier`` of its own (a run builds one for all its pages)."""
    return Classifier(comments)(blocks, meta)
