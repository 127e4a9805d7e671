"""Which display line goes on with the one above (``segment.joins``), one decision at a time."""

from __future__ import annotations

from cleantext.segment.joins import Line, Wrap, separator, wrapped
from cleantext.segment.wrap import display_width

PAGE = Wrap(edge=74, widest=74, certain=True)  # full lines end at 74 columns


def _line(text: str, indent: int = 3) -> Line:
    raw = " " * indent + text
    return Line(text, indent, display_width(raw), False, 0, text, len(raw), indent)


def test_the_separator_is_a_space_between_words_and_nothing_beside_cjk_or_after_a_hyphen() -> None:
    assert separator("the old", "library") == " "
    assert separator("互联网执法", "协作") == ""
    assert separator("a well-", "known fact") == ""
    assert separator("pages 3-", "5") == " "  # a dash after a digit is no word's hyphen


def test_a_full_line_goes_on_and_a_short_one_ends_its_paragraph() -> None:
    full = _line("The county council agreed on Tuesday to keep the old library open for")
    assert wrapped(full, _line("another three years."), PAGE, 0)
    assert not wrapped(_line("Library to stay open"), _line("The county council agreed"), PAGE, 0)


def test_a_line_stopping_on_a_lower_case_word_goes_on_when_the_next_opens_in_lower_case() -> None:
    # 26 columns short of the edge: the next words were bound to each other by no-break spaces
    prev = _line("The budget passed after a long debate in which")
    assert wrapped(prev, _line("the mayor and her two deputies spoke for the plan."), PAGE, 0)
    # a name at the end of the line, over a date line: no sentence going on
    assert not wrapped(_line("By Metro Desk The Evening Courier"), _line("on May 3, 2024 at 12:06 PM"), PAGE, 0)


def test_centred_lines_go_on_whatever_their_indents() -> None:
    page = Wrap(edge=74, widest=74, certain=True, centre=77)  # room 71 columns, centred
    prev = _line("network connectivity, Disk space, CPU, servers, and important", indent=8)
    assert wrapped(prev, _line("processes can be tracked.", indent=26), page, 0)
    # a centred heading under a paragraph's last line: the word would have fitted
    assert not wrapped(_line("processes can be tracked.", indent=26), _line("Big Brother", indent=33), page, 0)
    # without a centre the deeper indent starts a paragraph
    assert not wrapped(prev, _line("processes can be tracked.", indent=26), PAGE, 0)


def test_a_line_over_a_cjk_run_too_long_for_the_page_goes_on() -> None:
    # lynx breaks CJK text only at spaces: the run after 记者 moved down whole, past the width
    run = "刘晓明）5月12日上午9时，江城地铁三号线北延段正式开通运营。北延段全长9.8公里，新增六座车站。"
    assert display_width(" " * 3 + run) > PAGE.edge
    assert wrapped(_line("　　本报讯（记者"), _line(run), PAGE, 0)
    # a paragraph that ended over it, or a run that fits the page, is a line of its own
    assert not wrapped(_line("市民在科技园北站乘车。"), _line(run), PAGE, 0)
    assert not wrapped(_line("本报讯（记者"), _line("刘晓明）5月12日上午9时开通。"), PAGE, 0)


def test_an_image_stand_in_broken_at_the_width_goes_on_however_much_it_looks_like_code() -> None:
    name = "[u=3520354527,3726615008&amp;fm=173&amp;s=2C704A947EDB46DC0D24ED0F030070"
    assert wrapped(_line(name), _line("E3&amp;w=640&amp;h=640&amp;img.JPEG]"), PAGE, 0)
    # the same code-like line with no bracket left open, or a next line opening a bracket of its own
    assert not wrapped(_line(name[1:] + "xx"), _line("E3&amp;w=640&amp;h=640&amp;img.JPEG"), PAGE, 0)
    assert not wrapped(_line(name), _line("[E3&amp;w=640&amp;h=640&amp;img.JPEG]"), PAGE, 0)
