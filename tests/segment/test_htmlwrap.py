"""An HTML page's display lines (a ``<br>`` or a ``<p>`` after every line) joined into paragraphs."""

from __future__ import annotations

import textwrap

from cleantext.model import Markup
from cleantext.segment.html import parse_html
from cleantext.segment.htmlwrap import visible_indent

ROADS = (
    "市交通局昨天发布通知，三条主干道将于下月起分段封闭施工，工期约四个月，市民出行请提前规划路线。"
    "封闭施工期间，三条主干道沿线公交线路临时绕行，地铁运营时间延长一小时。交通部门提醒，施工路段限速每小时三十公里。"
)
PIPES = (
    "据介绍，此次施工主要是更换地下管网和重铺路面，完工后道路通行能力将提升三成。"
    "施工单位表示，将尽量安排夜间作业，减少对周边居民的影响。市民如有疑问，可拨打热线电话咨询。"
)
ENGLISH = (
    "The city transport office said on Monday that three main roads will close in stages for roadworks "
    "from next month. Buses on the three roads will take detours while the work lasts, and the metro "
    "will run an hour longer each night. Residents along the roads were told last week."
)


def _cut(text: str, width: int) -> list[str]:
    """CJK text cut every ``width`` characters, as a page typed at a fixed width has it."""
    return [text[i : i + width] for i in range(0, len(text), width)]


def _texts(html: str, markup: Markup | None = None) -> list[str]:
    return [block.text for block in parse_html(html, markup)[0]]


def _page(body: str) -> str:
    return f"<html><body><div class='content'>{body}</div></body></html>"


def test_lines_broken_by_br_are_joined_and_an_empty_line_parts_paragraphs() -> None:
    body = "<br>\n".join(_cut(ROADS, 20)) + "<br>\n<br>\n" + "<br>\n".join(_cut(PIPES, 20))
    assert _texts(_page(body)) == [ROADS, PIPES]


def test_a_paragraph_a_line_with_an_empty_one_between_and_indented_openings() -> None:
    # each display line its own <p>; an empty <p> between paragraphs, or a first line indented
    # with no-break spaces (a browser shows them; the line is as wide as the others with them)
    first = _cut(ROADS, 20)
    first[0] = "&nbsp;&nbsp;&nbsp;&nbsp;" + first[0][2:]
    second = _cut(PIPES, 20)
    second[0] = "&nbsp;&nbsp;&nbsp;&nbsp;" + second[0][2:]
    body = "".join(f"<p>{line}</p>" for line in first + second)
    assert _texts(_page(body)) == [ROADS[2:], PIPES[2:]]


def test_english_lines_join_with_a_space_and_a_broken_word_without() -> None:
    lines = textwrap.wrap(ENGLISH, 50, break_on_hyphens=False)
    lines[1] = lines[1] + " road-"
    lines[2] = "works " + lines[2]
    text = _texts(_page("<br>\n".join(lines)))
    assert len(text) == 1
    assert text[0].startswith(lines[0] + " " + lines[1][:10]) and "roadworks" in text[0]


def test_verse_of_one_length_keeps_its_lines() -> None:
    verse = [
        "春风吹过江南岸，杨柳依依绿满城，",
        "桃花开在小桥边，燕子归来绕旧庭。",
        "细雨轻敲青石路，行人撑伞过长亭，",
        "夜深灯火照书案，一卷诗篇到天明。",
        "山色空蒙云影淡，溪声婉转鸟声轻，",
    ]
    assert _texts(_page("<br>\n".join(verse))) == verse


def test_a_list_of_links_of_one_length_keeps_its_lines() -> None:
    titles = [title[:18] for title in _cut(ROADS + PIPES, 25)[:5]]
    body = "<br>\n".join(f"<a href='/{i}'>{title}</a>" for i, title in enumerate(titles))
    assert _texts(_page(body)) == titles


def test_paragraphs_of_different_lengths_are_left_as_they_are() -> None:
    paragraphs = [ROADS, PIPES, ROADS[:40], PIPES[:60], ENGLISH]
    assert _texts(_page("".join(f"<p>{p}</p>" for p in paragraphs))) == paragraphs


def test_markdown_mode_joins_the_same_lines() -> None:
    body = "<br>\n".join(_cut(ROADS, 20)) + "<br>\n<br>\n" + "<br>\n".join(_cut(PIPES, 20))
    assert _texts(_page(body), Markup(links=True, images=True)) == [ROADS, PIPES]


def test_visible_indent() -> None:
    assert visible_indent("\n  \xa0\xa0 text") == 3
    assert visible_indent("\u3000\u3000正文") == 4
    assert visible_indent("\n   text") == 0
