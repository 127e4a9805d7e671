"""The ladder's rules that read a line's shape (``boilerplate.lineshapes``), on blocks built
directly (no HTML, no files)."""

from __future__ import annotations

from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.lineshapes import (
    ad_label,
    bar_menu,
    controls,
    dash_menu,
    form_line,
    frame_stand_ins,
    run_together,
)
from cleantext.model import Block

# Chinese prose: densely marked, no spaces between words
PROSE_ZH = "市政府今天宣布，从下个月起，全市公交车将延长运营时间，方便夜间出行的市民。"


def _f(text: str):  # type: ignore[no-untyped-def]
    return features_of(text)


def test_a_run_of_bracketed_controls_is_a_toolbar() -> None:
    for text in ("【我来说两句】【打印】【关闭】", "页面功能 【我来说两句】【推荐】【字体：大 中 小】【打印】 【关闭】",
                 "［收藏］［推荐给朋友］"):
        assert controls(Block(0, text, source="text"), _f(text)) == ("bad", "share"), text
    for text in ("【新华社北京电】国务院近日召开会议，部署下一阶段工作。", "【打印】", "[image] [image] [登录]",
                 "【记者 张三】【通讯员 李四】本报讯，昨日上午，市区举行了一场大型消防综合演练。"):
        assert controls(Block(0, text, source="text"), _f(text)) is None, text


def test_short_entries_between_bars_are_a_menu() -> None:
    for text in ("首页 | 新闻", "Home | News", "首页｜新闻｜体育｜财经", "| About us | Contact |"):
        assert bar_menu(Block(0, text, source="text"), _f(text)) == ("bad", "nav"), text
    for text in ("型号 | 2024 | 1.5L", "他说：好 | 她说：不好", "首页", "国务院召开常务会议研究部署经济工作 | 新闻",
                 "a|b"):
        assert bar_menu(Block(0, text, source="text"), _f(text)) is None, text


def test_headlines_run_together_with_spaces_are_a_list() -> None:
    line = " ".join(["市民夜跑遇暴雨", "警方连夜搜救两名被困游客", "地铁三号线东延段开通运营", "重磅：本市出台人才新政"] * 3)
    assert run_together(Block(0, line, source="text"), _f(line)) == ("bad", "related-list")
    # prose (densely marked, no spaces), and program code with Chinese comments, are not
    prose_line = PROSE_ZH * 3
    assert run_together(Block(0, prose_line, source="text"), _f(prose_line)) is None
    shell = " ".join(["# 快速运行容器服务", "docker run -d -p 19093:9093", "# 查看日志输出内容", "docker logs -f"] * 4)
    assert run_together(Block(0, shell, source="text"), _f(shell)) is None


def test_a_dumps_form_line_is_a_text_box_with_its_label_and_button() -> None:
    for text in ("Search the site: [                    ] [Go]", "Email ____________________ Sign me up"):
        assert form_line(Block(0, text, source="text"), _f(text))
    # a fill-in-the-blank exercise ends its sentence; a long line sets a form beside text; HTML has no boxes
    blank = "The capital of France is ________ and it lies on the Seine."
    beside = "Planning board notes   the river crossing opened to traffic in the spring after years  [          ] Go"
    assert not form_line(Block(0, blank, source="text"), _f(blank))
    assert not form_line(Block(0, beside, source="text"), _f(beside))
    assert not form_line(Block(0, "Search the site: [                    ]"), _f("Search the site: [  ]"))


def test_a_line_of_short_entries_between_dashes_or_arrows_is_a_menu() -> None:
    jump = "Go to: General talk — Members' videos — Lost and found, stolen gear — Beginners' questions — Archive"
    crumbs = "#Garden Club » Feed Garden Club » Comments Feed Garden Club » Spring show, who is coming? Comments Feed"
    for text in (jump, crumbs):
        assert dash_menu(Block(0, text, source="text"), _f(text)) == ("bad", "nav")
    # a writer's dashes: a sentence ends inside, or the pieces are clauses, not names
    prose = "Size of the tank – litres: 120 – Adult fish grow to 10 cm. Young ones – 2 to 4 cm – are sold in shops."
    clauses = (
        "The river rose overnight — faster than anyone on the council had feared after the dry spring"
        " — and by morning the old bridge was closed to traffic — the third closure this year"
        " — while engineers checked the piers for damage"
    )
    for text in (prose, clauses):
        assert dash_menu(Block(0, text, source="text"), _f(text)) is None


def test_a_frames_stand_in_is_its_label_with_the_address_or_the_address_under_it() -> None:
    lines = [
        "IFRAME: http://video.example.org/embed/42",
        "A paragraph of the story.",
        "IFRAME:",
        "https://maps.example.org/?ll=37.7,-119.5&layer=c&pano=L opk6J",
        "IFRAME: ad_slot_6",
        "IFRAME: a frame named in a sentence, which is text.",
    ]
    blocks = [Block(i, text, source="text") for i, text in enumerate(lines)]
    assert list(frame_stand_ins(blocks)) == [0, 2, 3, 4]
    html = [Block(0, "IFRAME: http://video.example.org/embed/42", source="html")]
    assert list(frame_stand_ins(html)) == []  # an HTML page's text that says so is the page's


def test_an_adverts_label_alone_on_its_line_is_one() -> None:
    for text in ("Advertisement", "ADVERTISEMENT", "— Advertisement —", "广告", "Sponsored content", "Anzeige"):
        assert ad_label(Block(0, text, source="text")), text
    for text in ("Ad blockers are common.", "广告法规定，不得虚假宣传。", "Advertising standards"):
        assert not ad_label(Block(0, text, source="text")), text
    assert not ad_label(Block(0, "Advertisement"))  # an HTML page's own words: its elements say more
