"""Context smoothing, the fallback, the thread re-judging and the main region, on blocks built directly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate import classify
from cleantext.boilerplate.context import Judged, _heaviest, confine, fallback, main_region, smooth
from cleantext.boilerplate.features import features_of
from cleantext.model import Block, BlockClass, BlockReason, DropReason, KeepReason, Step

PARA = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"


def _reason(value: str) -> BlockReason:
    return KeepReason(value) if value in set(KeepReason) else DropReason(value)


def _j(cls: str, text: str, reason: str = "", dump: bool = True, in_list: bool = False) -> Judged:
    reason = reason or {"good": "body", "bad": "nav", "short": "short"}[cls]
    return Judged(BlockClass(cls), _reason(reason), features_of(text), in_list=in_list, dump=dump)


def test_short_between_good_becomes_good() -> None:
    judged = [_j("good", PARA), _j("short", "小标题"), _j("good", PARA)]
    smooth(judged)
    assert (judged[1].cls, judged[1].reason) == (BlockClass.GOOD, KeepReason.CONTEXT)
    assert judged[1].chain == (Step("smooth", BlockClass.GOOD, KeepReason.CONTEXT),)


def test_a_short_exclaimed_line_beside_the_article_joins_it() -> None:
    judged = [_j("bad", "首页"), _j("short", "全！封！闭！"), _j("short", "将进行封闭施工！！！"), _j("good", PARA)]
    smooth(judged)
    assert [item.cls for item in judged[1:3]] == ["good", "good"]
    # a button or a label carries no marks, a one-mark label does not end a sentence
    judged = [_j("bad", "首页"), _j("short", "登录"), _j("short", "来源：晚报"), _j("good", PARA)]
    smooth(judged)
    assert [item.cls for item in judged[1:3]] == ["bad", "bad"]


def test_short_next_to_bad_stays_bad() -> None:
    judged = [_j("bad", "首页"), _j("short", "新闻"), _j("good", PARA)]
    smooth(judged)
    assert judged[1].cls == "bad"


def test_long_run_of_short_dump_lines_is_a_list() -> None:
    headlines = [_j("short", f"第{i}条新闻标题在这里") for i in range(8)]
    judged = [_j("good", PARA), *headlines, _j("good", PARA)]
    smooth(judged)
    assert all(item.cls == "bad" for item in judged[1:-1])


def test_a_question_deep_in_a_headline_list_beside_the_article_is_the_lists() -> None:
    para = "The council met on Tuesday to weigh the plan for the river path, and most members asked for more time."
    headlines = [
        "Mayor Opens New Bridge Over Canal",
        "Local Team Wins Cup Final",
        "Will the Vote on the Budget Be Delayed Again?",  # a sentence, but no neighbour of the article
        "Farmers Market Moves to Saturday",
        "Is the New Tram Line Worth the Cost?",
        "School Holidays Start Next Week",
        "Police Seek Witnesses After Crash",
    ]
    closing = "The vote will take place next month."  # the article's last line goes on from it
    judged = [_j("good", para), _j("short", closing), *[_j("short", h) for h in headlines], _j("bad", "Home")]
    smooth(judged)
    assert judged[1].cls == "good"
    assert all(item.cls == "bad" for item in judged[2:])


def test_long_run_in_html_is_judged_by_neighbours() -> None:
    lines = [_j("short", f"第{i}行诗句在这里", dump=False) for i in range(8)]
    judged = [_j("good", PARA, dump=False), *lines, _j("good", PARA, dump=False)]
    smooth(judged)
    assert all(item.cls == "good" for item in judged[1:-1])


def test_fallback_takes_undecided_blocks_when_little_is_good() -> None:
    judged = [
        _j("bad", "首页"),
        _j("bad", "快跑！！", reason="short"),
        _j("bad", "第一章 总则与适用范围", reason="short"),
    ]
    fallback(judged)
    assert [item.cls for item in judged] == ["bad", "good", "good"]
    line = "第一章 总则与适用范围"
    judged = [_j("good", PARA), _j("bad", line, reason="short")]  # one sentence: still a thin page
    fallback(judged)
    assert judged[1].cls == "good"
    judged = [_j("good", PARA), _j("good", PARA), _j("good", PARA), _j("bad", line, reason="short")]
    fallback(judged)
    assert judged[3].cls == "bad"


def test_fallback_leaves_a_thin_pages_labels_and_buttons() -> None:
    # a forum page with a one-line post: its labels, buttons and counts are no text of the page
    labels = ["Replies", "Edit", "2 years ago", "Cancel reply", "回复", "举报"]
    post = "Has anybody tried the new flow yet? It looks great to me."
    judged = [_j("bad", "Home"), *[_j("bad", x, reason="short") for x in labels], _j("bad", post, reason="short")]
    fallback(judged)
    assert [item.cls for item in judged[1:-1]] == ["bad"] * len(labels)
    assert judged[-1].cls == "good"
    # a one-line reply that ends a sentence, however short, is a post
    judged = [_j("bad", "Home"), _j("bad", "Edit", reason="short"), _j("bad", "Agreed.", reason="short")]
    fallback(judged)
    assert [item.cls for item in judged] == ["bad", "bad", "good"]


def test_fallback_takes_the_steps_a_list_leaves_to_its_neighbours() -> None:
    # a recipe with no paragraph: its steps are list items the ladder left undecided (they end
    # with a stop), dropped by smoothing for want of text around them
    steps = ["Backofen auf 200 °C (Umluft) vorheizen.", "Ein Backblech mit Backpapier auslegen."]
    left = Step("list_item", BlockClass.SHORT, DropReason.RELATED)
    judged = [_j("bad", text, reason="related-list", dump=False, in_list=True) for text in steps]
    for item in judged:
        item.chain = (left, Step("smooth", BlockClass.BAD, DropReason.RELATED))
    menu = _j("bad", "Gebäck", reason="related-list", dump=False, in_list=True)
    menu.chain = (Step("list_item", BlockClass.BAD, DropReason.RELATED),)  # a menu's entry: decided
    fallback([*judged, menu])
    assert [item.cls for item in judged] == ["good", "good"]
    assert menu.cls == "bad"


def test_fallback_leaves_an_html_pages_labels_but_not_its_headings() -> None:
    # HTML as well as dumps: a bbPress-like topic of one post, its counters' labels around it
    post = "Has anybody tried the new flow yet? It looks great to me."
    texts = ["Kupimo flow", "Replies", "Voices", "Freshness", "2 years ago", post]
    blocks = [Block(i, text, kind="h1" if i == 0 else "p", containers=(0, 1)) for i, text in enumerate(texts)]
    judged = [_j("bad", text, reason="short", dump=False) for text in texts]
    fallback(judged, blocks)
    assert [item.cls for item in judged] == ["good", "bad", "bad", "bad", "bad", "good"]
    # a dump's Markdown heading that short is as often a widget's title: a label, as before
    dump = [Block(i, text, kind="h1" if i == 0 else "p", source="text") for i, text in enumerate(texts)]
    judged = [_j("bad", text, reason="short") for text in texts]
    fallback(judged, dump)
    assert judged[0].cls == "bad"


def test_region_drops_good_blocks_past_a_boilerplate_stretch() -> None:
    menu = [_j("bad", "首页 新闻 国内 国际 社会 财经 体育 娱乐 科技 汽车 房产 教育 健康 旅游") for _ in range(3)]
    judged = [_j("good", PARA), _j("good", PARA), *menu, _j("good", "短评，很好。" * 3)]
    region = main_region(judged)
    confine(judged, region, region)
    assert [item.cls for item in judged] == ["good", "good", "bad", "bad", "bad", "bad"]
    assert judged[-1].reason == "outside-main" and judged[-1].chain[-1].name == "main_region"


def test_confine_names_the_region_or_the_first_article() -> None:
    judged = [_j("good", PARA) for _ in range(4)]
    confine(judged, (0, 3), (0, 2))
    assert [item.chain[-1].name if item.chain else "" for item in judged] == ["", "", "first_article", "main_region"]


def test_list_prose_weighs_less_than_the_article() -> None:
    # a teaser list: a linked headline (bad) and a summary (good prose) per item
    headline = _j("bad", "纳达尔现身练球六千人争睹 打不打法网就将揭晓", reason="link-dense", in_list=True)
    teasers = [headline, _j("good", PARA, in_list=True)] * 4
    judged = [_j("good", PARA), _j("bad", "其他人也在看"), *teasers]
    assert main_region(judged) == (0, 1)


def test_prose_in_another_script_than_the_page_weighs_less() -> None:
    # a Chinese page (its menus and labels are Chinese) whose article sits among English teasers
    teaser = "Compared to the rest of the world, the US economy looks fantastic. Our columnist explains why."
    labels = [_j("bad", "香港電台財經新聞首頁"), _j("bad", "閱讀整篇文章"), _j("bad", "服務條款私隱政策")]
    english = [_j("good", teaser), _j("short", "News 5 小時前")] * 3
    judged = [*labels, *english, *labels, _j("good", PARA), *labels]
    assert main_region(judged) == (12, 13)


def test_an_english_article_on_an_english_page_is_not_foreign() -> None:
    article = "The council met on Tuesday and agreed, after a long debate, to keep the library open on Sundays."
    judged = [_j("bad", "Home News Sport"), _j("good", article), _j("good", article), _j("bad", "Contact us")]
    assert main_region(judged) == (1, 3)


def test_an_earlier_stretch_nearly_as_heavy_is_the_article() -> None:
    # a poem's note above, the site's long legal notice at the foot, a menu between: near equals
    note, notice = _j("good", PARA), _j("good", PARA + "本站")
    menu = [_j("bad", "首页 新闻 国内 国际 社会 财经 体育 娱乐") for _ in range(3)]
    assert main_region([_j("bad", "首页"), note, *menu, notice]) == (1, 2)
    heavier = [_j("good", PARA), _j("good", PARA)]  # twice the note: the later stretch stands
    assert main_region([_j("bad", "首页"), note, *menu, *heavier]) == (5, 7)


def test_thread_page_keeps_its_comments() -> None:
    blocks = [
        Block(0, "提前祝大家元旦快乐！", hint="topic content"),
        Block(1, "可以的，好好休息，开开心心过年！", hint="comment content"),
        Block(2, "元旦快乐！", hint="comment content"),
    ]
    verdicts = classify(blocks)
    assert [v.keep for v in verdicts] == [True, True, True]


def test_a_comment_forms_prompt_stays_chrome_on_a_thin_thread() -> None:
    # a thread of one short post: its comment section is judged again as text, and the thin page
    # takes its undecided lines as text, but not the prompt the vocabulary named (its comment form's)
    blocks = [
        Block(0, "Has anybody tried the new flow yet? It looks great to me.", hint="topic content"),
        Block(1, "Reply", hint="comment"),
        Block(2, "You must be logged in to post a comment.", hint="comment-respond"),
        Block(3, "请先登录后发表评论。", hint="comment-form"),
    ]
    verdicts = classify(blocks)
    assert [v.keep for v in verdicts] == [True, False, False, False]
    assert [v.rule for v in verdicts[2:]] == ["marker", "marker"]


def test_article_page_drops_its_comments() -> None:
    blocks = [Block(0, PARA), Block(1, PARA), Block(2, PARA), Block(3, "写得好，支持！", hint="comment")]
    verdicts = classify(blocks)
    assert [v.keep for v in verdicts] == [True, True, True, False]
    assert verdicts[3].reason == "comment"


def test_a_long_run_of_chinese_sentences_is_a_poem_not_a_list() -> None:
    verse = [_j("short", f"我有所念人，隔在远远乡第{i}句。") for i in range(10)]
    judged = [_j("bad", "首页"), *verse, _j("bad", "版权所有")]
    smooth(judged)
    assert all(item.cls == "good" for item in judged[1:-1])
    headlines = [_j("short", f"第{i}条新闻标题在这里") for i in range(10)]
    judged = [_j("bad", "首页"), *headlines, _j("bad", "版权所有")]
    smooth(judged)
    assert all(item.cls == "bad" for item in judged[1:-1])


def test_lines_of_verse_under_a_byline_join_the_article_below() -> None:
    # five- and seven-character lines, each ending with its comma or full stop, between a byline
    # and the poet's note: lines of a poem, not a list of links
    verse = ["春风吹绿江边草，", "细雨湿衣看不见。", "夜来独坐小楼中，", "一盏清茶伴书眠。"]
    judged = _between_byline_and_article(verse)
    smooth(judged)
    assert [item.cls for item in judged[2:6]] == ["good"] * 4
    # a run of short entries with no mark at their end stays a list
    judged = _between_byline_and_article(["江边春草", "细雨小楼", "夜来独坐", "清茶书眠"])
    smooth(judged)
    assert all(item.cls == "bad" for item in judged[1:-1])


def _between_byline_and_article(lines: list[str]) -> list[Judged]:
    """Short ``lines`` between a byline and its preface label above and a note and the article below."""
    return [
        _j("bad", "作者：某某", "credit"),
        _j("short", "序："),
        *[_j("short", line) for line in lines],
        _j("short", "注释："),
        _j("short", "写于某年春日"),
        _j("good", PARA),
    ]


def _plain_heaviest(weights: list[float], end: int) -> tuple[float, tuple[int, int]]:
    """Kadane over ``weights[:end]``, as written before the prefixes shared one pass."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i in range(end):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_span = total, (start, i + 1)
    return best, best_span


@given(st.lists(st.sampled_from([-3.0, -1.0, -0.5, 0.0, 0.3, 1.0, 2.7, 5.0, 40.0]), max_size=30))
def test_one_pass_finds_the_heaviest_stretch_of_every_prefix(weights: list[float]) -> None:
    found = _heaviest(weights)
    assert found[-1] == _plain_heaviest(weights, len(weights))
    for end in range(len(weights) + 1):
        assert next(x for x in reversed(found) if x[1][1] <= end) == _plain_heaviest(weights, end)


def test_a_sparsely_marked_dump_line_weighs_less_in_the_region() -> None:
    run = "市民夜跑遇暴雨警方连夜搜救两名被困游客地铁三号线东延段开通运营全市中小学秋季开学时间确定：" * 3
    footer = "版权所有 某某日报社 地址：某某市某某路一百号 邮编一二三四五六"  # 26 units: costs less than the line, more than its share
    chrome = [_j("bad", footer), _j("bad", footer)]
    judged = [_j("good", PARA), _j("good", PARA), _j("good", PARA), *chrome, _j("good", run)]
    assert main_region(judged) == (0, 3)
    html = [
        _j("good", PARA, dump=False),
        _j("good", PARA, dump=False),
        _j("good", PARA, dump=False),
        *chrome,
        _j("good", run, dump=False),
    ]
    assert main_region(html) == (0, len(html))


EN_PARA = "The council approved the new budget on Monday, after a long debate about schools and roads in the county."


def test_a_long_run_of_headlines_in_a_dump_costs_the_region_its_length() -> None:
    # a sidebar of related headlines between the article and a donation box: the box is not the article's
    headlines = [f"Why the river town of number {i} votes early" for i in range(8)]
    texts = [EN_PARA, *headlines, EN_PARA[:60] + "."]
    judged = [_j("good", EN_PARA), *(_j("short", text) for text in headlines), _j("good", texts[-1])]
    smooth(judged, texts)
    assert {item.chain[-1].name for item in judged[1:-1]} == {"link_run"}
    assert main_region(judged) == (0, 1)


def test_a_wrapped_paragraph_or_cjk_lines_stay_cheap_to_cross() -> None:
    # a paragraph a dumper wrapped at a narrow width and left in lines: its lines go on in lower case
    words = EN_PARA.split()
    lines = [" ".join(words[i : i + 3]) for i in range(0, 24, 3)]
    texts = [EN_PARA, *lines, EN_PARA]
    judged = [_j("good", EN_PARA), *(_j("short", text) for text in lines), _j("good", EN_PARA)]
    smooth(judged, texts)
    assert "link_run" not in {step.name for item in judged for step in item.chain}
    assert main_region(judged) == (0, len(judged))
    headlines = [f"第{i}条新闻标题在这里" for i in range(8)]
    judged = [_j("good", PARA), *(_j("short", text) for text in headlines), _j("good", PARA)]
    smooth(judged, [PARA, *headlines, PARA])
    assert "link_run" not in {step.name for item in judged for step in item.chain}
