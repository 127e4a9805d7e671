"""The container prior: built from blocks directly, no HTML."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate import classify
from cleantext.boilerplate.dom import (
    HEADLINE_BONUS,
    MIN_CONTAINER_UNITS,
    _choose,
    _headline_containers,
    _heaviest,
    container_prior,
    headline,
    main_container,
)
from cleantext.model import Block, BlockClass, DropReason, KeepReason, PageMeta, Step
from tests.boilerplate.domkit import BIO, MENU, PROSE, SHARE, TEASER, judged_by_ladder, kept_text, weights_of

# unmarked and without grammatical words: the ladder cannot tell it from a menu, its container can
BARE = "玉峰道路一路上云气山岚滞留山头 顺路下切蜿蜒道路后不久即抵达来到玉峰国小 山峦层层嫣红彩衣"


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
    assert main_container(blocks, judged_by_ladder(blocks), None) == 2


def test_prior_keeps_bare_prose_inside_and_drops_text_outside() -> None:
    blocks = _page()
    judged = judged_by_ladder(blocks)
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
    assert container_prior(far, judged_by_ladder(far), PageMeta(title="标题在这里")) is None


def test_prior_stands_back_without_structure() -> None:
    blocks = [Block(i, PROSE) for i in range(5)]
    assert container_prior(blocks, judged_by_ladder(blocks), None) is None


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
    judged, weights = weights_of(blocks)
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
    _, weights = weights_of(blocks)
    assert _choose(blocks, weights, 0) == 1


def test_posts_in_elements_with_box_style_classes_are_text() -> None:
    # a question and its answer in elements styled ``uiPadding_bottom`` and ``border-bottom``:
    # those classes name the side the space goes on, not a footer
    text = kept_text("box-style-classes.html")
    for kept in ("feeding my starter twice a day", "barely rises after feeding", "it is hungry, not dead"):
        assert kept in text, kept
    for dropped in ("Copyright", "Recipes"):
        assert dropped not in text, dropped
