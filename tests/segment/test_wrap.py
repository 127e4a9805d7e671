"""The wrap width read from line lengths, and the indent that opens paragraphs."""

from __future__ import annotations

from cleantext.segment.wrap import MIN_EDGE, centre, edge, opening_indent


def test_an_edge_is_the_length_many_lines_reach_and_few_pass() -> None:
    sizes = [58, 57, 58, 58, 31, 58, 56, 58, 12, 58, 40, 58]
    assert edge(sizes, slack=2) == (58, 9)


def test_a_few_unbreakable_lines_past_the_edge_do_not_hide_it() -> None:
    sizes = [72] * 10 + [70, 71, 33, 20] + [95, 130]
    assert edge(sizes, slack=4)[0] == 72


def test_unwrapped_lines_of_different_lengths_have_no_edge() -> None:
    sizes = [212, 95, 160, 48, 33, 301, 87, 140, 77, 19]
    assert edge(sizes, slack=4) == (0, 0)


def test_many_short_lines_of_one_length_are_no_edge() -> None:
    assert edge([MIN_EDGE - 2] * 30, slack=2) == (0, 0)


def test_long_lines_that_rarely_reach_one_length_are_no_edge() -> None:
    sizes = [80, 80, 80, 80, *range(41, 76)]  # four at 80 among 35 long lines of other lengths
    assert edge(sizes, slack=1) == (0, 0)


def test_paragraphs_opened_by_an_indent_give_that_indent() -> None:
    paragraph = [(2, True), (0, True), (0, True), (0, False)]
    assert opening_indent(paragraph * 5) == 2


def test_a_quotation_indented_as_a_whole_has_no_opening_indent() -> None:
    quote = [(4, True), (4, True), (4, True), (4, False), None]
    assert opening_indent(quote * 5 + [(4, True), (0, False)]) == 0


def test_centred_lines_share_their_indent_plus_width() -> None:
    # a heading and a paragraph's short last line, centred on a page whose full lines end at 74
    rows = [(33, 43), (32, 44), (26, 51), (16, 61), (7, 70), (20, 57), (3, 74), (4, 74)]
    assert centre(rows, edge=74) == 77
    # lines stepped in by a list's or a quote's indent, whatever their width: nothing centred
    assert centre([(8, width) for width in range(30, 70, 5)], edge=74) == 0
    # full lines alone say nothing: any alignment gives them the same sum
    assert centre([(6, 74)] * 10, edge=74) == 0
