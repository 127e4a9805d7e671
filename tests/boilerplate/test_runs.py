"""Section heads and trailing paragraphs judged by the page around them (``boilerplate.runs``)."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.runs import subheads, teasers
from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step

PARA = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"
TRAILING = "记者从市交通局获悉，为配合地铁建设，市区主干道将于下周起分段封闭施工，请市民提前规划出行路线……"


def _numbered(index: int, text: str, number: int) -> Block:
    return Block(index, text, kind="li", in_list=True, bullet=True, source="text", item=number, ordered=True)


def _para(index: int, text: str = PARA) -> Block:
    return Block(index, text, source="text")


def test_a_numbered_line_alone_above_a_paragraph_is_a_section_head() -> None:
    blocks = [_para(0), _numbered(1, "施工时间", 1), _para(2), _numbered(3, "绕行路线", 2), _para(4)]
    verdicts = classify(blocks)
    assert [v.keep for v in verdicts] == [True] * 5
    assert [step.name for step in verdicts[1].chain] == ["list_item", "subheads", "smooth"]


def test_a_numbered_list_stays_a_list() -> None:
    # entries that follow one another, even with a paragraph under the last one
    blocks = [_para(0), _numbered(1, "全市中小学下周开学", 1), _numbered(2, "春季花展开幕", 2), _para(3)]
    verdicts = classify(blocks)
    assert [v.keep for v in verdicts] == [True, False, False, True]
    # a bullet that is not numbered is not a section head
    blocks = [_para(0), Block(1, "施工时间", kind="li", in_list=True, bullet=True, source="text"), _para(2)]
    assert not classify(blocks)[1].keep


def test_a_bulleted_question_alone_between_paragraphs_is_the_articles() -> None:
    # an interview that sets each question in a list of its own: a list of one that is a
    # sentence, between two paragraphs of the article, is no list of other pages
    question = Block(1, "你平时的一天是怎样安排的？", kind="li", in_list=True, bullet=True, source="text")
    assert [v.keep for v in classify([_para(0), question, _para(2)])] == [True] * 3
    # a bullet of a few words that ends no sentence stays a list's entry, as before
    label = Block(1, "施工时间", kind="li", in_list=True, bullet=True, source="text")
    assert not classify([_para(0), label, _para(2)])[1].keep


def test_subheads_leaves_html_and_other_drops_alone() -> None:
    html = [Block(0, PARA), Block(1, "施工时间", kind="li", in_list=True, item=1, ordered=True), Block(2, PARA)]
    judged = [Judged(BlockClass.GOOD, KeepReason.BODY, features_of(PARA)),
              Judged(BlockClass.BAD, DropReason.RELATED, features_of("施工时间"),
                     (Step("list_item", BlockClass.BAD, DropReason.RELATED),), in_list=True),
              Judged(BlockClass.GOOD, KeepReason.BODY, features_of(PARA))]
    subheads(html, judged)
    assert judged[1].cls is BlockClass.BAD  # not a dump line


def _trailing(text: str = TRAILING) -> Judged:
    return Judged(BlockClass.SHORT, DropReason.TEASER, features_of(text), dump=True)


def test_a_page_with_several_truncated_lines_makes_them_teasers() -> None:
    one = [_trailing(), Judged(BlockClass.GOOD, KeepReason.BODY, features_of(PARA), dump=True)]
    teasers(one)
    assert one[0].cls is BlockClass.SHORT
    feed = [_trailing(), _trailing(TRAILING.replace("市区", "城区")), _trailing(TRAILING.replace("地铁", "高架"))]
    teasers(feed)
    assert all(item.cls is BlockClass.BAD and item.chain[-1].name == "teasers" for item in feed)


EN_PARA = ("The council met on Tuesday evening to discuss the new parking rules, and most members agreed "
           "that the changes should start in the spring, once the signs are in place.")


def _bullet(index: int, text: str, number: int = 0) -> Block:
    """A dump's list entry; ``number``: its number in a numbered list (``1.``), 0 for a bullet."""
    return Block(index, text, kind="li", in_list=True, bullet=True, source="text", ordered=number > 0, item=number)


def test_a_list_an_article_line_announces_is_kept() -> None:
    steps = ["Open the settings page", "Pick the widget you want", "Paste the code into your sidebar"]
    blocks = [_para(0, EN_PARA), _para(1, "Here is how you add the widget to your own blog:"),
              *(_bullet(2 + i, step) for i, step in enumerate(steps)), _para(5, EN_PARA.replace("Tuesday", "Monday"))]
    verdicts = classify(blocks)
    assert [v.keep for v in verdicts] == [True] * 6
    assert verdicts[2].chain[-1].name == "announced_lists"
    # a picture between two steps does not end the list, and stays out of the text
    blocks.insert(3, Block(9, "[step-one-screenshot]", source="text"))
    assert [v.keep for v in classify(blocks)] == [True, True, True, False, True, True, True]


def test_a_label_or_a_list_of_buttons_announces_nothing() -> None:
    headlines = ["Storm closes the coast road", "Mayor opens the new library", "Schools shut for a week"]
    label = [_para(0, EN_PARA), _para(1, "More news on this site:"),
             *(_bullet(2 + i, h) for i, h in enumerate(headlines)), _para(5, EN_PARA)]
    assert [v.keep for v in classify(label)][2:5] == [False] * 3
    buttons = [_para(0, EN_PARA), _para(1, "If you liked this story, please share it on these sites:"),
               *(_bullet(2 + i, b) for i, b in enumerate(["Tweet It", "Digg", "Email"])), _para(5, EN_PARA)]
    assert [v.keep for v in classify(buttons)][2:5] == [False] * 3


def test_an_announced_numbered_list_of_short_points_is_kept() -> None:
    # two words a point is what a list of buttons holds too, but buttons are never numbered
    points = ["Dream often", "Stay active", "Rest well", "Keep curious"]
    numbered = [_para(0, EN_PARA), _para(1, "The book sums the practice up in four short rules:"),
                *(_bullet(2 + i, point, number=i + 1) for i, point in enumerate(points)), _para(6, EN_PARA)]
    assert [v.keep for v in classify(numbered)][2:6] == [True] * 4
    bulleted = [_para(0, EN_PARA), _para(1, "The book sums the practice up in four short rules:"),
                *(_bullet(2 + i, point) for i, point in enumerate(points)), _para(6, EN_PARA)]
    assert [v.keep for v in classify(bulleted)][2:6] == [False] * 4


def test_an_announced_list_goes_on_past_an_entry_long_enough_to_be_prose() -> None:
    points = ["How the council will pay for the new signs, the extra wardens and the road markings, "
              "and why the residents' permits will cost less than they do today, as the report explains.",
              "Which streets change first", "What happens to the old meters"]
    blocks = [_para(0, EN_PARA), _para(1, "Here is what the report sets out for the town:"),
              *(_bullet(2 + i, point) for i, point in enumerate(points)), _para(5, EN_PARA.replace("evening", "night"))]
    verdicts = classify(blocks)
    assert verdicts[2].rule == "prose"
    assert [v.keep for v in verdicts] == [True] * 6


def test_a_line_with_a_colon_between_kept_text_introduces_what_follows() -> None:
    # a paragraph, the line that introduces a listing, eight lines of code, a paragraph: the
    # listing is a long run of short lines, where smoothing keeps sentences and code only
    code = ["import json", "import redis", "client = redis.Redis()", "def parse():", "data = client.lpop('q')",
            "if not data:", "return", "handler.insert_one(json.loads(data))"]
    texts = [PARA, "示例代码如下：", *code, PARA.replace("国务院", "会议")]
    verdicts = classify([_para(i, text) for i, text in enumerate(texts)])
    assert all(v.keep for v in verdicts), [v.block.text for v in verdicts if not v.keep]
    assert verdicts[1].chain[-1].name == "lead_ins"
    # a label under the article has no kept text under it
    verdicts = classify([_para(i, text) for i, text in enumerate([PARA, "回复本帖：", "张三", "2024-05-01"])])
    assert not verdicts[1].keep
