"""Hand-written dumps of the failure classes seen on unseen Chinese pages (issue 15), each through
the dump segmenter and the whole classifier: what is kept is the article, line for line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.boilerplate import classify
from cleantext.model import Decoded
from cleantext.segment import segment
from cleantext.segment.dump import split_dump

DUMPS = Path(__file__).with_name("dumps")
# the article's paragraphs in every fixture below
OPENING = "交警部门发布提示，下周起市区主干道将分段封闭施工，请广大市民朋友提前了解以下安排，合理规划出行。"
HOURS = "施工自五月十日开始，预计持续三个月，每天夜间二十二时至次日凌晨六时进行主体作业，白天恢复部分车道通行。"
DETOUR = "市民可从东侧的环城路绕行，或者换乘地铁二号线，交警部门提醒大家注意安全，服从现场指挥人员的引导。"


def _kept(name: str) -> list[str]:
    blocks = split_dump((DUMPS / name).read_text(encoding="utf-8"))
    return [v.block.text for v in classify(blocks) if v.keep]


def test_a_story_opening_that_trails_off_and_its_exclaimed_lines_are_kept() -> None:
    kept = _kept("trailing_opening.txt")
    assert kept[:3] == [
        "记者从市交通局获悉，为配合地铁建设，市区主干道将于下周起分段封闭施工，请市民提前规划出行路线……",
        "全！封！闭！",
        "将进行封闭施工！！！",
    ]
    assert "首页 | 新闻 | 本地 | 财经" not in kept and len(kept) == 5


def test_a_feed_of_summaries_cut_short_stays_dropped() -> None:
    assert _kept("teaser_list.txt") == []


def test_numbered_section_heads_are_kept_and_a_numbered_list_is_not() -> None:
    kept = _kept("subheads.txt")
    assert kept[1:6:2] == ["施工时间", "绕行路线", "注意事项"]
    assert not {"全市中小学下周开学", "春季花展在人民公园开幕", "热门文章"} & set(kept)


@pytest.mark.parametrize("name", ["chrome_after.txt", "chrome_beside.txt", "promo_player.txt"])
def test_chrome_around_the_story_goes(name: str) -> None:
    # toolbars of bracketed controls, search counts, comment rules, bar menus, promotions after a
    # toolbar, a video player's messages, save-to-favourites and free-trial prompts
    assert [text for text in _kept(name) if text.endswith("。")] == [OPENING, HOURS, DETOUR]
    assert all(text.endswith("。") or text == "市区主干道施工安排" for text in _kept(name))


def test_headlines_run_together_above_the_story_neither_stay_nor_take_its_place() -> None:
    assert _kept("headline_block.txt") == [OPENING, HOURS, DETOUR]


def test_a_quoted_letter_in_a_markdown_dump_is_kept_as_text() -> None:
    # html2text writes a <blockquote> as "> " lines: without the marker they read as prose, with
    # it as a shell's prompt (program code), and a quote's part between an empty ">" line and a
    # link was left to its neighbours, which dropped it
    text = (DUMPS / "markdown_quote.txt").read_text(encoding="utf-8")
    blocks, _, fmt = segment(Decoded("markdown_quote.txt", text, "utf-8", "utf-8"), "text")
    kept = " ".join(v.block.text for v in classify(blocks) if v.keep)
    assert fmt == "text"
    for line in ("I expected a walking simulator", "The lighthouse itself turns out", "and I regret nothing."):
        assert line in kept, line
    assert ">" not in kept and "Copyright" not in kept and "Share on" not in kept


def test_a_dumps_list_of_sentences_is_text_and_a_list_of_headlines_is_not() -> None:
    # bullet lines that end with a full stop are the article's points, left to their neighbours;
    # a menu's entries and teaser headlines end with none
    kept = _kept("sentence_points.txt")
    for point in (
        "Most residents want more shade along the walking path.",
        "Almost nobody wants a second café on the site.",
    ):
        assert point in kept, point
    assert kept[-1].startswith("The council said it would hold two public meetings")
    assert not {"Home", "Weather", "Library opens on Sundays", "Photos: the winter market"} & set(kept)


def test_every_line_of_a_program_listing_between_paragraphs_is_kept() -> None:
    # imports, calls, block openings and a return carry no assignment, brace or shell operator,
    # and a call may print a string of CJK text: still code, so the listing stays with the
    # article instead of reading as a list of short links
    kept = _kept("code_listing.txt")
    listing = (DUMPS / "code_listing.txt").read_text(encoding="utf-8").split("\n\n")[3].splitlines()
    assert len(listing) == 13 and all(line in kept for line in listing), set(listing) - set(kept)
    assert not {"Home", "Popular posts", "Why our builds got faster this year"} & set(kept)
