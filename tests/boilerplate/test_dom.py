"""The container prior: built from blocks directly, no HTML."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate import classify
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.dom import (
    HEADLINE_BONUS,
    MIN_CONTAINER_UNITS,
    _choose,
    _extend,
    _headline_containers,
    _heaviest,
    _weight,
    container_prior,
    headline,
    main_container,
)
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.rules import judge
from cleantext.config import Config
from cleantext.model import Article, Block, BlockClass, DropReason, KeepReason, PageMeta, RawPage, Step
from cleantext.pipeline import PageCleaner

PROSE = "这是正文的一段，内容足够长，有逗号，也有句号。这是第二句，它让这一段读起来像文章的一部分。"
# unmarked and without grammatical words: the ladder cannot tell it from a menu, its container can
BARE = "玉峰道路一路上云气山岚滞留山头 顺路下切蜿蜒道路后不久即抵达来到玉峰国小 山峦层层嫣红彩衣"
MENU = "首页 国内 国际 财经 科技 体育 娱乐 汽车 房产 教育 健康 旅游 文化 军事 图片 视频 专题 评论 地方 博客 论坛"
TEASER = "另一篇文章的摘要，内容足够长，有逗号，也有句号。这是第二句，它读起来也像一篇文章的开头。"


def _judged(blocks: list[Block]) -> list[Judged]:
    out = []
    for block in blocks:
        feats = features_of(block.text)
        ruling = judge(block, feats)
        out.append(Judged(ruling.cls, ruling.reason, feats, (ruling,), in_list=block.in_list))
    return out


def _page() -> list[Block]:
    article = (0, 1, 2)
    return [
        Block(0, "首页", kind="li", in_list=True, link_chars=2, containers=(0, 5)),
        Block(1, "标题在这里", kind="h1", containers=(0, 1)),
        *[Block(i, PROSE, containers=article) for i in range(2, 6)],
        Block(6, BARE, containers=article),
        Block(7, PROSE, containers=article),
        Block(8, TEASER, containers=(0, 9)),
        Block(9, MENU, kind="li", in_list=True, link_chars=len(MENU), containers=(0, 9, 10)),
    ]


def test_headline_is_the_heading_the_title_repeats() -> None:
    blocks = [Block(0, "标题在这里", kind="li"), Block(1, "标题在这里", kind="h1")]
    assert headline(blocks, PageMeta(title="标题在这里_某某网")) == 1
    assert headline(blocks, PageMeta(title="别的")) is None


def test_main_container_is_the_heaviest_tightest_element() -> None:
    blocks = _page()
    assert main_container(blocks, _judged(blocks), None) == 2


def test_prior_keeps_bare_prose_inside_and_drops_text_outside() -> None:
    blocks = _page()
    judged = _judged(blocks)
    assert (judged[6].cls, judged[8].cls) == ("bad", "good")
    assert container_prior(blocks, judged, PageMeta(title="标题在这里")) == 2
    assert (judged[6].cls, judged[6].reason) == ("good", "in-main")
    assert judged[6].chain[1:] == (Step("container_prior", BlockClass.GOOD, KeepReason.IN_MAIN),)
    assert judged[6].chain[0][1:3] == ("bad", "nav")
    assert (judged[8].cls, judged[8].reason) == ("bad", "outside-main")


def test_prior_stands_back_when_the_headline_is_elsewhere() -> None:
    blocks = _page()
    far = [*blocks[:1], Block(1, "栏目", kind="h2", containers=(0, 1)), *blocks[2:]]
    far.append(Block(len(far), "标题在这里", kind="h1", containers=(0, 9)))
    assert container_prior(far, _judged(far), PageMeta(title="标题在这里")) is None


def test_prior_stands_back_without_structure() -> None:
    blocks = [Block(i, PROSE) for i in range(5)]
    assert container_prior(blocks, _judged(blocks), None) is None


def test_classify_shows_the_override() -> None:
    verdicts = classify(_page(), PageMeta(title="标题在这里"))
    assert (verdicts[6].keep, verdicts[6].reason, verdicts[6].rule) == (True, "in-main", "unpunctuated")
    assert [step.name for step in verdicts[6].changes] == ["container_prior"]
    assert (verdicts[8].keep, verdicts[8].reason) == (False, "outside-main")
    assert verdicts[8].changes[0] == Step("container_prior", BlockClass.BAD, DropReason.OUTSIDE)


@given(
    st.lists(
        st.tuples(st.lists(st.integers(0, 6), max_size=4, unique=True), st.sampled_from([-3.0, -1.0, 0.3, 0.5, 7.0, 60.0])),
        max_size=25,
    ),
    st.one_of(st.none(), st.integers(0, 24)),
)
def test_the_heaviest_container_is_the_plainly_summed_one(rows: list[tuple[list[int], float]], anchor: int | None) -> None:
    blocks = [Block(i, "x", containers=tuple(numbers)) for i, (numbers, _) in enumerate(rows)]
    weights = [weight for _, weight in rows]
    anchor = anchor if anchor is not None and anchor < len(blocks) else None
    sums: dict[int, float] = defaultdict(float)
    for block, weight in zip(blocks, weights, strict=True):
        for number in block.containers:
            sums[number] += weight
    for number in _headline_containers(blocks, anchor):
        sums[number] += HEADLINE_BONUS
    best = max(sums, key=lambda number: (sums[number], number)) if sums else None
    expected = best if best is not None and sums[best] >= MIN_CONTAINER_UNITS else None
    assert _heaviest(blocks, weights, anchor) == expected


# Hand-written pages of the two shapes where choosing one element loses: a blog post whose
# sections sit in sibling elements beside a long comment thread, and a short story above a block
# of teasers. Each test states what is kept and what is dropped.
REGION = Path(__file__).parent / "region"


def _kept(name: str) -> str:
    outcome = PageCleaner(Config(page_timeout=0))(RawPage(name, (REGION / name).read_bytes()))
    assert isinstance(outcome, Article)
    return outcome.text


def test_a_blog_posts_sibling_sections_are_kept_with_their_headings_and_lists() -> None:
    text = _kept("sections-blog.html")
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
    text = _kept("short-teasers.html")
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
    judged = _judged(blocks)
    weights = [_weight(b, j) for b, j in zip(blocks, judged, strict=True)]
    assert _extend(blocks, judged, weights, 3) == (1, 6)


def test_extend_does_not_take_teasers_with_their_links() -> None:
    blocks = _section_page()
    linked = [b if b.index != 6 else Block(6, PROSE, link_chars=len(PROSE) // 2, containers=(0, 1, 2, 5)) for b in blocks]
    judged = _judged(linked)
    weights = [_weight(b, j) for b, j in zip(linked, judged, strict=True)]
    assert _extend(linked, judged, weights, 3) == (1, 5)


def test_a_container_ending_in_boilerplate_does_not_grow_on_that_side() -> None:
    blocks = _section_page()
    shared = [*blocks[:2], Block(2, "分享到：微信 微博", containers=(0, 1, 2, 3)), *blocks[2:]]
    shared = [Block(i, b.text, kind=b.kind, in_list=b.in_list, hint=b.hint, containers=b.containers)
              for i, b in enumerate(shared)]
    judged = _judged(shared)
    weights = [_weight(b, j) for b, j in zip(shared, judged, strict=True)]
    assert _extend(shared, judged, weights, 3) == (1, 2)


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
BIO = "她长期关注城市交通与环境，写过很多报道，也出版过两本书。她住在北京，业余时间喜欢骑车和读书。"
SHARE = "分享到：微信 微博 QQ空间"


def _weights_of(blocks: list[Block]) -> tuple[list[Judged], list[float]]:
    judged = _judged(blocks)
    return judged, [_weight(b, j) for b, j in zip(blocks, judged, strict=True)]


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
    judged, weights = _weights_of(blocks)
    assert weights[3] < 0 < weights[4] + weights[3]  # taking the note would pay off
    assert _extend(blocks, judged, weights, 3) == (1, 2)


def test_the_articles_element_wins_over_a_parent_lifted_by_an_author_box() -> None:
    """The wrapper (1) holds the article (2) and an author box (5): the wrapper weighs more, but the
    article's element, on the headline's chain, holds most of its text and is chosen."""
    blocks = [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        *[Block(i, PROSE, containers=(0, 1, 2)) for i in range(1, 5)],
        Block(5, SHARE, containers=(0, 1, 4)),
        Block(6, BIO, containers=(0, 1, 5)),
        Block(7, MENU, kind="li", in_list=True, link_chars=len(MENU), containers=(0, 6)),
    ]
    judged, weights = _weights_of(blocks)
    anchor = headline(blocks, PageMeta(title="标题在这里"))
    assert anchor == 0
    assert _heaviest(blocks, weights, anchor) == 1  # the box lifts the wrapper above the article
    assert _choose(blocks, weights, anchor) == 2
    assert container_prior(blocks, judged, PageMeta(title="标题在这里")) == 2
    assert judged[6].reason is DropReason.OUTSIDE  # the author box leaves with the share bar between


def test_a_parent_whose_other_text_is_substantial_stays_chosen() -> None:
    """Two halves of an article in sibling elements: neither holds most of the text, the parent stays."""
    blocks = [
        Block(0, "标题在这里", kind="h1", containers=(0, 1, 2)),
        *[Block(i, PROSE, containers=(0, 1, 2)) for i in range(1, 4)],
        *[Block(i, PROSE, containers=(0, 1, 3)) for i in range(4, 7)],
    ]
    _, weights = _weights_of(blocks)
    assert _choose(blocks, weights, 0) == 1


def test_posts_in_elements_with_box_style_classes_are_text() -> None:
    # a question and its answer in elements styled ``uiPadding_bottom`` and ``border-bottom``:
    # those classes name the side the space goes on, not a footer
    text = _kept("box-style-classes.html")
    for kept in ("feeding my starter twice a day", "barely rises after feeding", "it is hungry, not dead"):
        assert kept in text, kept
    for dropped in ("Copyright", "Recipes"):
        assert dropped not in text, dropped


def test_a_related_box_in_the_storys_element_leaves_with_its_summaries() -> None:
    # the headline, the body and a box of related stories share one element: the box (linked
    # headlines, a "read more" each) follows the body past its share bar and is not the article
    text = _kept("related-in-story-element.html")
    assert "first crossing in two years" in text
    assert "run it on weekends until October." in text
    for dropped in ("lamp room", "quay, the first increase", "breakfast on the sand", "Related Stories"):
        assert dropped not in text, dropped


def test_a_label_heading_its_list_items_text_is_kept() -> None:
    # each tip is one list item: a short bold label, then its paragraph; the label is the
    # item's heading, not a menu entry
    text = _kept("labelled-tips.html")
    for kept in ("Wake with daylight", "Water first", "No screens at breakfast", "think about the kettle"):
        assert kept in text, kept
    assert "Home life" not in text


def test_section_headings_that_open_the_article_are_kept() -> None:
    # the post opens on a section heading (with its permalink) and a subheading, right under the
    # byline: they head the first paragraph, as the later heading heads the next one
    text = _kept("opening-section-heads.html")
    for kept in ("一、选盆和土", "盆要深", "二、浇水和施肥", "番茄的根扎得很深"):
        assert kept in text, kept
    for dropped in ("阅读 187", "阳台种辣椒", "首页"):
        assert dropped not in text, dropped


def test_a_list_announced_by_a_colon_after_the_last_paragraph_is_kept() -> None:
    # the last paragraph ends with a colon and a plain list (no links) follows it, then an
    # embedded post of links: the list is what the paragraph announced, not a menu
    text = _kept("announced-list.html")
    for kept in ("the recipe was simple enough:", "Get up before the ferries", "Show one boat", "Keep it short"):
        assert kept in text, kept
    for dropped in ("#harbour", "Fog over the pier", "Walks"):
        assert dropped not in text, dropped


def test_a_section_heading_after_a_dropped_credit_is_kept() -> None:
    # a picture's credit (dropped) stands between two paragraphs and a section heading: the
    # heading heads the text under it, though smoothing sees boilerplate on one side of it
    text = _kept("heading-after-credit.html")
    assert "Flour from the next village" in text
    for dropped in ("Photo: Valley Times", "all rights reserved", "Local"):
        assert dropped not in text, dropped
