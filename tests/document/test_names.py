"""Writers named by position only (``document/names.py``): a name alone, in brackets at a story's
end, in a wire story's dateline, in square brackets on a dateline."""

from __future__ import annotations

import pytest

from cleantext.document.names import bracketed_name, closing_names, lead_credit, name_line, signature_line


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("周明远", "周明远"),
        ("林小雨、周明远", "林小雨、周明远"),
        ("欧阳明远", "欧阳明远"),  # a compound surname
        ("全文", None),  # 全 is a surname, 全文 the full text
        ("北京", None),  # no surname opens it
        ("关于我们", None),  # four characters opening with a surname: a menu's words
        ("周明远 责任编辑", None),  # a label is no name
        ("周明远在河边走", None),
    ],
)
def test_a_line_of_names_alone(line: str, names: str | None) -> None:
    assert name_line(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [("（周明远）", "周明远"), ("(滨江晨报记者 周明远)", "周明远"), ("（完）", None), ("（待续）", None), ("周明远", None)],
)
def test_a_signature_line_holds_names_in_brackets(line: str, names: str | None) -> None:
    assert signature_line(line) == names


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("沿河步道将于下月开工。（周明远 林小雨）", "周明远 林小雨"),
        ("沿河步道将于下月开工。(晨报记者 周明远)", "周明远"),
        ("沿河步道将于下月开工。（记者周明远 整合）", "周明远"),  # compiled by the reporter
        ("沿河步道将于下月开工。（全文完）", None),
        ("沿河步道将于下月开工。（图）", None),
        ("沿河步道的设计方案来自市规划院（北京）", None),
        ("（周明远）沿河步道将于下月开工。", None),  # names open the paragraph: not its signature
    ],
)
def test_names_closing_a_story(paragraph: str, names: str | None) -> None:
    assert closing_names(paragraph) == names


def test_a_wire_storys_dateline_credits_its_reporter() -> None:
    assert lead_credit("新华社杭州3月2日电（记者 周明远）沿河步道将于下月开工。") == "周明远"
    assert lead_credit("沿河步道将于下月开工，记者周明远在现场看到……") is None


def test_a_name_in_square_brackets_on_a_dateline() -> None:
    assert bracketed_name("2024年3月2日08:19 [ 周明远 ] 来源：[ 滨江晨报 ]") == "周明远"
    assert bracketed_name("2024年3月2日 【图集】") is None


def test_traditional_script_names() -> None:
    assert closing_names("沿河步道將於下月開工。（陳明遠 劉小雨）") == "陳明遠 劉小雨"
    assert name_line("趙延東、馮笑天") == "趙延東、馮笑天"


def test_a_headers_buttons_are_no_names() -> None:
    # follow, close, view: a surname's character and one more, on a line of their own in a header
    assert [name_line(word) for word in ("关注", "关闭", "查看", "關注")] == [None] * 4
    assert name_line("关小雨") == "关小雨"


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("本报讯（记者 周明远 通讯员 林小雨）昨天，市里召开会议。", "周明远"),  # the reporter, not the correspondent
        ("本报讯（记者周明远 通讯员林小雨）昨天，市里召开会议。", "周明远"),
        ("本报讯（通讯员 林小雨 记者 周明远）昨天，市里召开会议。", "周明远"),  # the correspondent first
        ("本报讯（记者 周明远 实习生 林小雨）昨天，市里召开会议。", "周明远"),  # an intern beside
    ],
)
def test_a_datelines_reporter_beside_other_credits(paragraph: str, names: str) -> None:
    assert lead_credit(paragraph) == names


def test_a_closing_credit_names_the_reporter_beside_the_correspondent() -> None:
    assert closing_names("过一个祥和的春节。（记者 周明远 通讯员 林小雨）") == "周明远"


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("本报讯 记者周明远报道：昨天，市里召开会议。", "周明远"),
        ("新华社杭州3月2日电 记者周明远 林小雨 报道：昨天，市里召开会议。", "周明远 林小雨"),
        ("本报讯 记者 周明远、林小雨：昨天，市里召开会议。", "周明远、林小雨"),
        ("本报讯 记者昨天从市里获悉，会议将在下月召开。", None),  # the reporter, unnamed
        ("新华社杭州3月2日电 记者日前从有关部门获悉：会议将在下月召开。", None),
    ],
)
def test_a_datelines_reporter_without_brackets(paragraph: str, names: str | None) -> None:
    assert lead_credit(paragraph) == names


def test_a_reporter_of_another_outlet_cited_is_no_credit() -> None:
    assert lead_credit("据滨江电视台记者周明远报道，会议将在下月召开。") is None
