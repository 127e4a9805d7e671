"""Class words that wrap a page's article (``wrappers``): judged from the page's own text."""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.hints import NEGATIVE_HINTS, hint_word
from cleantext.boilerplate.rules import judge
from cleantext.boilerplate.wrappers import rejudge_wrappers
from cleantext.model import Block, BlockClass, DropReason
from tests.boilerplate.domkit import judged_by_ladder, kept_text

STORY = (
    "Every spring I get the same question from friends: where do you even begin? The honest answer "
    "is that you begin small, with a single bed and a handful of plants you actually like to eat."
)
SECTION = (
    "Raised beds warm up faster in spring, drain better after heavy rain, and save your back when you "
    "weed. I built mine from untreated cedar boards, four feet wide, so I can reach the middle."
)


def test_hint_word_is_the_word_container_hint_decides_by() -> None:
    for hint in ("widget", "elementor widget container", "article widget", "post content", "sidebar widget", "x y"):
        step = judge(Block(0, "Short lines", hint=hint))
        word = hint_word(hint)
        assert (step.name == "container_hint") == (word is not None), hint
        if word is not None:
            assert step.reason is NEGATIVE_HINTS[word]


def _rejudged(blocks: list[Block]) -> list[Judged]:
    judged = judged_by_ladder(blocks)
    rejudge_wrappers(blocks, judged)
    return judged


def test_a_word_wrapping_most_of_the_text_drops_nothing_for_itself() -> None:
    blocks = [
        Block(0, STORY, hint="widget"),
        Block(1, "Build the beds", kind="h2", hint="widget"),
        Block(2, SECTION, hint="widget"),
        Block(3, "Line the bottom with cardboard.", hint="widget"),
    ]
    judged = _rejudged(blocks)
    assert judged[1].cls is BlockClass.SHORT and judged[1].chain[-1].name == "rejudge_wrappers"
    assert judged[3].reason is not DropReason.RELATED


def test_a_sidebar_widget_beside_a_longer_story_stays_dropped() -> None:
    blocks = [
        Block(0, STORY, hint="entry"),
        Block(1, SECTION, hint="entry"),
        Block(2, "About me", kind="h3", hint="widget"),
        Block(3, "I write about gardens and food.", hint="widget"),
    ]
    judged = _rejudged(blocks)
    assert [judged[i].reason for i in (2, 3)] == [DropReason.RELATED, DropReason.RELATED]


def test_comments_are_not_judged_again_here() -> None:
    blocks = [Block(0, STORY, hint="widget"), Block(1, "Great post!", hint="comment widget")]
    judged = _rejudged(blocks)
    assert judged[1].reason is DropReason.COMMENT


def test_a_post_built_of_widgets_keeps_its_headings_short_paragraphs_and_lists() -> None:
    # a page builder's post: every heading, paragraph and list in a "widget" element of its own
    text = kept_text("builder-widgets.html")
    for kept in ("Every spring I get the same question", "Pick the right spot", "Vegetables want sun",
                 "Partial shade for lettuce and spinach", "Line the bottom with cardboard", "Zucchini",
                 "keep notes on what worked"):
        assert kept in text, kept
    for dropped in ("Save 20%", "Reader 1 on March 1", "Copyright"):
        assert dropped not in text, dropped
