"""How far the article reaches from its element: sibling sections taken, teasers, comments and
an author box past a share bar left. Built from blocks directly, or from hand-written pages."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.boilerplate.extent import extend
from cleantext.model import Block, BlockClass, PageMeta
from tests.boilerplate.domkit import BIO, PROSE, SHARE, TEASER, kept_text, weights_of


# Hand-written pages of the two shapes where choosing one element loses: a blog post whose
# sections sit in sibling elements beside a long comment thread, and a short story above a block
# of teasers. Each test states what is kept and what is dropped.
def test_a_blog_posts_sibling_sections_are_kept_with_their_headings_and_lists() -> None:
    text = kept_text("sections-blog.html")
    for kept in (
        "Every spring I get the same question",  # the first section, the heaviest element
        "Pick the right spot",  # a later section's heading ...
        "Vegetables want sun",  # ... its paragraph ...
        "Partial shade for lettuce and spinach",  # ... and its plain list
        "Line the bottom with cardboard",
        "Zucchini",  # a one-word point between two paragraphs
        "keep notes on what worked",  # the last section's last paragraph
    ):
        assert kept in text, kept
    for dropped in ("Reader 1 on March 1", "coffee grounds", "Facebook Twitter", "Categories", "Copyright"):
        assert dropped not in text, dropped


def test_a_short_story_leaves_the_teasers_below_it() -> None:
    text = kept_text("short-teasers.html")
    assert text.startswith("A line of thunderstorms swept through the valley")
    assert text.endswith("Crews from two neighbouring counties were called in to help.")
    for dropped in ("bus lanes", "library", "farmers market", "superintendent", "Read more", "More local news"):
        assert dropped not in text, dropped


def _section_page() -> list[Block]:
    """A post (container 2) whose sections are elements 3, 4, 5; comments (6) follow."""
    longest = PROSE * 3
    return [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        Block(1, longest, containers=(0, 1, 2, 3)),
        Block(2, "小标题", kind="h2", containers=(0, 1, 2, 4)),
        Block(3, PROSE, containers=(0, 1, 2, 4)),
        Block(4, "第一点", kind="li", in_list=True, containers=(0, 1, 2, 4, 9)),
        Block(5, "第二点", kind="li", in_list=True, containers=(0, 1, 2, 4, 9)),
        Block(6, PROSE, containers=(0, 1, 2, 5)),
        *[Block(i, TEASER, hint="comment", containers=(0, 1, 2, 6)) for i in range(7, 12)],
    ]


def test_extend_grows_over_sibling_sections_and_stops_at_comments() -> None:
    blocks = _section_page()
    judged, weights = weights_of(blocks)
    assert extend(blocks, judged, weights, 3) == (1, 6)


def test_extend_does_not_take_teasers_with_their_links() -> None:
    blocks = _section_page()
    linked = [b if b.index != 6 else Block(6, PROSE, link_chars=len(PROSE) // 2, containers=(0, 1, 2, 5)) for b in blocks]
    judged, weights = weights_of(linked)
    assert extend(linked, judged, weights, 3) == (1, 5)


def test_a_container_ending_in_boilerplate_does_not_grow_on_that_side() -> None:
    blocks = _section_page()
    shared = [*blocks[:2], Block(2, "分享到：微信 微博", containers=(0, 1, 2, 3)), *blocks[2:]]
    shared = [Block(i, b.text, kind=b.kind, in_list=b.in_list, hint=b.hint, containers=b.containers)
              for i, b in enumerate(shared)]
    judged, weights = weights_of(shared)
    assert extend(shared, judged, weights, 3) == (1, 2)


def test_classify_keeps_a_plain_list_between_paragraphs_and_drops_a_linked_one() -> None:
    blocks = _section_page()
    verdicts = classify(blocks, PageMeta(title="标题在这里"))
    assert [v.keep for v in verdicts[1:7]] == [True] * 6
    assert not any(v.keep for v in verdicts[7:])
    linked = [Block(b.index, b.text, kind=b.kind, in_list=b.in_list, hint=b.hint, containers=b.containers,
                    link_chars=len(b.text) if b.in_list else 0) for b in blocks]
    verdicts = classify(linked, PageMeta(title="标题在这里"))
    assert (verdicts[4].keep, verdicts[5].keep) == (False, False)


# An author's note: prose without links, like a section of the article, but after the share bar.
def test_extend_does_not_cross_a_share_bar_to_an_author_box() -> None:
    """The article (element 3) grows to its next section (4), not past the share bar (5) to the
    author's note (6), although the note would add more text than the bar costs."""
    blocks = [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        Block(1, PROSE * 3, containers=(0, 1, 2, 3)),
        Block(2, PROSE, containers=(0, 1, 2, 4)),
        Block(3, SHARE, containers=(0, 1, 2, 5)),
        Block(4, BIO, containers=(0, 1, 2, 6)),
    ]
    judged, weights = weights_of(blocks)
    assert weights[3] < 0 < weights[4] + weights[3]  # taking the note would pay off
    assert extend(blocks, judged, weights, 3) == (1, 2)


def test_a_related_box_in_the_storys_element_leaves_with_its_summaries() -> None:
    # the headline, the body and a box of related stories share one element: the box (linked
    # headlines, a "read more" each) follows the body past its share bar and is not the article
    text = kept_text("related-in-story-element.html")
    assert "first crossing in two years" in text
    assert "run it on weekends until October." in text
    for dropped in ("lamp room", "quay, the first increase", "breakfast on the sand", "Related Stories"):
        assert dropped not in text, dropped


def test_extend_does_not_take_a_box_under_a_title_the_ladder_drops() -> None:
    """A sidebar's author box beside the post: prose under a title its class names as a widget.
    A section of the post (element 5) opens on a heading the ladder leaves undecided; the box
    (element 7) opens on one the ladder drops, and is no section however much prose it holds."""
    blocks = _section_page()[:7]
    box = [
        Block(7, "关于作者", kind="h4", hint="widget title", containers=(0, 1, 7, 8)),
        Block(8, BIO, containers=(0, 1, 7, 10)),
        Block(9, BIO, containers=(0, 1, 7, 10)),
    ]
    judged, weights = weights_of([*blocks, *box])
    assert judged[7].cls is BlockClass.BAD
    assert extend([*blocks, *box], judged, weights, 3) == (1, 6)


AD = Block(0, "广告：本周园艺工具八折", link_chars=10)  # an advert: a linked line


def _sections_across(between: Block) -> list[Block]:
    """The article (element 3) and two sections in sibling elements (5, 6), each opening on a
    heading, with ``between`` (element 4) between the article and them; comments (7) follow."""
    return [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        Block(1, PROSE * 3, containers=(0, 1, 2, 3)),
        Block(2, between.text, link_chars=between.link_chars, hint=between.hint, containers=(0, 1, 2, 4)),
        Block(3, "小标题", kind="h2", containers=(0, 1, 2, 5)),
        Block(4, PROSE, containers=(0, 1, 2, 5)),
        Block(5, "另一个小标题", kind="h2", containers=(0, 1, 2, 6)),
        Block(6, PROSE, containers=(0, 1, 2, 6)),
        *[Block(i, TEASER, hint="comment", containers=(0, 1, 2, 7)) for i in range(7, 10)],
    ]


def test_extend_takes_sections_past_an_advert_between_them() -> None:
    """An advert (a linked line) between the article's element and its next sections costs, but
    does not end the post: the sections after it open on their headings and are taken."""
    blocks = _sections_across(AD)
    judged, weights = weights_of(blocks)
    assert weights[2] < 0
    assert extend(blocks, judged, weights, 3) == (1, 6)


def test_extend_takes_no_section_past_a_share_bar() -> None:
    """A share bar ends the article on its side: what follows it is not taken, heading or not."""
    blocks = _sections_across(Block(0, SHARE))
    judged, weights = weights_of(blocks)
    assert extend(blocks, judged, weights, 3) == (1, 1)


def test_extend_takes_no_box_without_a_heading_past_an_advert() -> None:
    """Past something costly, prose that opens on no section heading (an author's note, a
    promotion) is not more of the article."""
    blocks = [
        *_sections_across(AD)[:3],
        Block(3, BIO, containers=(0, 1, 2, 5)),
        Block(4, BIO, containers=(0, 1, 2, 5)),
        *[Block(i, TEASER, hint="comment", containers=(0, 1, 2, 7)) for i in range(5, 8)],
    ]
    judged, weights = weights_of(blocks)
    assert extend(blocks, judged, weights, 3) == (1, 1)


def test_a_posts_sections_past_a_table_of_contents_and_an_advert_are_kept() -> None:
    # a post whose first section is followed by a table of contents, an advert between two later
    # sections and a newsletter button before the last; a comment thread makes the first section
    # outweigh the post's element
    text = kept_text("sections-across-boxes.html")
    for kept in (
        "Every spring I get the same question",  # the first section, the heaviest element
        "Pick the right spot",  # the section after the table of contents ...
        "Vegetables want sun",
        "Raised beds warm up faster",  # ... the one after the advert ...
        "keep notes on what worked",  # ... and the last, after the button
    ):
        assert kept in text, kept
    for dropped in ("Contents", "Save 20%", "planting calendar", "Reader 1 on March 1", "Copyright"):
        assert dropped not in text, dropped


def test_extend_takes_no_sibling_of_summaries_closed_by_read_more_links() -> None:
    """Teasers whose headlines are not links read as a section (a paragraph, few links); a linked
    "Read more" under each summary makes the sibling a box of teasers, which only costs."""
    blocks = [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        Block(1, PROSE * 3, containers=(0, 1, 2, 3)),
        Block(2, TEASER, containers=(0, 1, 2, 4, 5)),
        Block(3, "Read more", link_chars=9, containers=(0, 1, 2, 4, 5)),
        Block(4, TEASER, containers=(0, 1, 2, 4, 6)),
        Block(5, "Read more", link_chars=9, containers=(0, 1, 2, 4, 6)),
    ]
    judged, weights = weights_of(blocks)
    assert extend(blocks, judged, weights, 3) == (1, 1)
    one = blocks[:4]  # one summary with its "Read more": a story's own summary as often
    judged, weights = weights_of(one)
    assert extend(one, judged, weights, 3) == (1, 3)


def test_a_short_story_leaves_teasers_closed_by_read_more_links() -> None:
    # a short story in the element beside a box of teasers: unlinked headlines, a summary and a
    # "Read more" link each; their summaries outweigh the story's element in its parent
    text = kept_text("read-more-teasers.html")
    assert text.startswith("The old harbour ferry made its first crossing")
    assert text.endswith("slow and loud and lovely.")
    for dropped in ("Elsewhere", "lamp room", "quay", "breakfast on the sand", "School bus", "Read more"):
        assert dropped not in text, dropped


def test_extend_takes_sections_past_a_credit_at_its_elements_end() -> None:
    """A linked credit under the article element's last picture costs, but does not end the post
    as a share bar does: the sections after the element that open on their headings are taken."""
    credit = Block(0, "图片来源：视觉中国", link_chars=4)
    blocks = _sections_across(credit)
    inside = [b if b.index != 2 else Block(2, b.text, link_chars=4, containers=(0, 1, 2, 3)) for b in blocks]
    judged, weights = weights_of(inside)
    assert weights[2] < 0
    assert extend(inside, judged, weights, 3) == (1, 6)
    shared = [b if b.index != 2 else Block(2, SHARE, containers=(0, 1, 2, 3)) for b in blocks]
    judged, weights = weights_of(shared)
    assert extend(shared, judged, weights, 3) == (1, 2)


def test_a_posts_sections_after_a_credit_closing_its_first_section_are_kept() -> None:
    # the post's first section (its heaviest element, a comment thread beside the sections) ends
    # with a picture's linked credit; the sections in the sibling elements after it are the post's
    text = kept_text("sections-after-a-credit.html")
    for kept in ("Every spring I get the same question", "Pick the right spot", "keep notes on what worked"):
        assert kept in text, kept
    for dropped in ("Unsplash", "Reader 1 on March 1", "Copyright"):
        assert dropped not in text, dropped


def test_extend_takes_a_section_whose_heading_has_an_element_of_its_own() -> None:
    """Page builders set a section's heading and its text in sibling elements of their own: past
    an advert, the text under a heading element is a section, on either side of the article."""
    below = [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        Block(1, PROSE * 3, containers=(0, 1, 2, 3)),
        Block(2, AD.text, link_chars=AD.link_chars, containers=(0, 1, 2, 4)),
        Block(3, "小标题", kind="h2", containers=(0, 1, 2, 5)),
        Block(4, PROSE, containers=(0, 1, 2, 6)),
        *[Block(i, TEASER, hint="comment", containers=(0, 1, 2, 7)) for i in range(5, 8)],
    ]
    judged, weights = weights_of(below)
    assert extend(below, judged, weights, 3) == (1, 4)
    above = [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        Block(1, "小标题", kind="h2", containers=(0, 1, 2, 3)),
        Block(2, PROSE, containers=(0, 1, 2, 4)),
        Block(3, AD.text, link_chars=AD.link_chars, containers=(0, 1, 2, 5)),
        Block(4, PROSE * 3, containers=(0, 1, 2, 6)),
        *[Block(i, TEASER, hint="comment", containers=(0, 1, 2, 7)) for i in range(5, 8)],
    ]
    judged, weights = weights_of(above)
    assert extend(above, judged, weights, 6) == (1, 4)


def test_an_element_holding_the_headline_and_the_body_takes_only_sections_after_it() -> None:
    """The headline and the body in one element are the story: prose in the element after it (a
    box about the site, a note) is not more of it; a sibling that opens a section still is."""
    story = [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2, 3)),
        Block(1, PROSE * 3, containers=(0, 1, 2, 3)),
    ]
    boxed = [*story, Block(2, BIO, containers=(0, 1, 2, 4)), Block(3, BIO, containers=(0, 1, 2, 4))]
    judged, weights = weights_of(boxed)
    assert extend(boxed, judged, weights, 3) == (0, 3)  # the headline unknown: the box reads as a section
    assert extend(boxed, judged, weights, 3, anchor=0) == (0, 1)
    headed = [*story, Block(2, "小标题", kind="h2", containers=(0, 1, 2, 4)), Block(3, PROSE, containers=(0, 1, 2, 4))]
    judged, weights = weights_of(headed)
    assert extend(headed, judged, weights, 3, anchor=0) == (0, 3)
