"""Bylines: the forms an author line takes, and a byline under the headline is not the headline."""

from __future__ import annotations

import pytest

from cleantext.document import finalize
from cleantext.document.lines import read_line, split_byline
from cleantext.document.title import looks_like_title
from cleantext.model import Block, Decoded, Verdict
from cleantext.text import units_of

EN_BODY = (
    "The council voted on Tuesday to widen the footpaths along the river, citing a rise in walkers "
    "over the past year and the need for safer crossings near the school."
)
ZH_BODY = "市议会周二投票决定拓宽沿河人行道，理由是过去一年步行人数增加，学校附近需要更安全的过街设施。"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者：周明远", "周明远"),
        ("文/周明远", "周明远"),
        ("文／周明远", "周明远"),
        ("文 / 周明远  图 / 林小雨", "周明远"),  # the writer, not the photographer
        ("本报记者 周明远 通讯员 林小雨", "周明远"),  # the reporter first
        ("记者 周明远 通讯员 林小雨 报道", "周明远"),
        ("（记者 周明远）", "周明远"),
        ("本报记者周明远发自杭州", "周明远"),
        ("By Maria Lindqvist", "Maria Lindqvist"),
        ("By Maria Lindqvist, March 3, 2024", "Maria Lindqvist"),
        ("作者：周明远 林小雨", "周明远 林小雨"),  # two writers after one label
        ("作者：周明远、林小雨", "周明远、林小雨"),
        ("作者： 周明远 (Ming Zhou)", "周明远 (Ming Zhou)"),  # the name's Latin form beside it
        ("记者：周明远 林小雨 通讯员 陈立", "周明远 林小雨"),  # the reporters, not the correspondent
        ("作者：周明远 2024-03-02", "周明远"),
        ("Author: Maria Lindqvist", "Maria Lindqvist"),
        ("Author: Maria Lindqvist and Tom Berg", "Maria Lindqvist and Tom Berg"),
        ("滨江晨报记者 周明远 林小雨", "周明远 林小雨"),  # the newsroom before 记者 is part of the credit
        ("整理 滨江晨报·客户端记者 周明远", "周明远"),
        ("2024年3月2日08:19 [ 周明远 ]  来源：[ 滨江晨报 ]", "周明远"),  # a dateline's writer in brackets
        ("By Ana Rivera, Tom Berg and Li Wei, WXYZ", "Ana Rivera, Tom Berg and Li Wei"),  # several, then a newsroom
        ("By Ana M. Rivera , Tom Berg, and Li Wei", "Ana M. Rivera , Tom Berg, and Li Wei"),
        ("By Ana Rivera, WXYZ", "Ana Rivera"),
        ("By Ana Rivera — March 3, 2024", "Ana Rivera"),  # the byline's date after a dash
        # other languages' bylines: French par, Spanish and Portuguese por, German von
        ("Par Jean Dupont", "Jean Dupont"),
        ("Par Jean Dupont - 3 mars 2024", "Jean Dupont"),
        ("Por Ana Silva e João Costa", "Ana Silva e João Costa"),
        ("Von Max Müller und Anna Schmidt", "Max Müller und Anna Schmidt"),
    ],
)
def test_author_lines(line: str, author: str) -> None:
    meta = read_line(line)
    assert (meta.author, meta.consumed) == (author, True)


@pytest.mark.parametrize(
    "line",
    [
        "记者从市交通局获悉，沿河步道将于下月开工。",  # prose that starts with 记者
        "记者调查，步道", # a short line of prose: the name-like word is followed by more text
        "3月2日，工人在河边施工。本报记者周明远摄",  # a photo caption credits the photographer
        "本报记者周明远摄",
        "Currently used by Riverside and Eastfield.",  # a sentence ending in "by X and Y"
        "原文/译文对照",  # 文/ inside a word
        "by the river the path is narrow",
        "第二版：小记者夏令营",  # 小记者: young reporters, and the words after it no name
        "Par ailleurs, le gouvernement a annoncé un plan.",  # par, por, von are common words
        "Le budget voté par Martin Roux",
        "Von Kindern und Eltern",  # a German headline: its nouns are capitalised, but one word each
        "Por Madrid pasa el tren",
    ],
)
def test_prose_is_no_byline(line: str) -> None:
    assert read_line(line).author is None


def _dump(texts: list[tuple[str, bool]]) -> list[Verdict]:
    return [Verdict(Block(i, t, source="text"), keep, "body" if keep else "short", 20.0) for i, (t, keep) in enumerate(texts)]


@pytest.mark.parametrize(
    ("headline", "byline", "body"),
    [
        ("Council votes to widen river footpaths", "By Maria Lindqvist", EN_BODY),
        ("市议会决定拓宽沿河人行道", "文/周明远", ZH_BODY),
        ("市议会决定拓宽沿河人行道", "本报记者 周明远 通讯员 林小雨", ZH_BODY),
    ],
)
def test_a_byline_under_the_headline_is_not_the_title(headline: str, byline: str, body: str) -> None:
    for lines in ([headline, byline, "2024-03-03 10:15"], [headline, byline]):
        verdicts = _dump([(line, False) for line in lines] + [(body, True)])
        article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
        assert (article.title, article.author) == (headline, read_line(byline).author)  # type: ignore[union-attr]


def test_a_line_of_metadata_only_does_not_look_like_a_title() -> None:
    assert not looks_like_title("来源：市政府办公室")
    assert looks_like_title("市议会决定拓宽沿河人行道")


def test_a_value_in_brackets_is_read_and_a_bracket_alone_is_no_value() -> None:
    assert read_line("来源：[ 滨江晨报 ]").site == "滨江晨报"
    assert read_line("来源：[").site is None


def test_a_sentence_opening_with_by_and_names_stays_in_the_text() -> None:
    assert not read_line("By Monday, Smith and Jones had left the harbour.").consumed


@pytest.mark.parametrize(
    ("word", "name", "author"),
    [
        ("por", "César Salza", "César Salza"),  # the name in a link or a list's entry of its own
        ("By", "Maria Lindqvist and Tom Hale", "Maria Lindqvist and Tom Hale"),
        ("作者：", "周明远", "周明远"),
        ("文/", "周明远 林小雨", "周明远 林小雨"),
        ("Author", "Sunny Beach", None),  # a table's column heading: a label needs its colon
        ("作者", "周明远", None),
        ("By", "the river", None),  # no name
        ("By", "Madrid", None),  # a given name and a surname
    ],
)
def test_a_bylines_word_alone_names_the_writer_on_the_next_line(word: str, name: str, author: str | None) -> None:
    assert split_byline(word, name) == author


def test_a_split_byline_is_read_and_leaves_the_body() -> None:
    headline = "Council votes to widen river footpaths"
    lines = [(headline, False), ("By", False), ("", False), ("Maria Lindqvist", True), (EN_BODY, True)]
    # the score holds the block's units, as the boilerplate stage leaves it
    verdicts = [Verdict(Block(i, t, source="text"), keep, "body" if keep else "short", float(units_of(t))) for i, (t, keep) in enumerate(lines)]
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert (article.author, article.text) == ("Maria Lindqvist", EN_BODY)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("03.03.2024 10:15 | von Max Müller", "Max Müller"),  # the byline one part of a dateline
        ("Le Soir | 03.03.2024 à 10h15 | Par Jean Dupont (avec Marie Curie et Paul Roux)", "Jean Dupont (avec Marie Curie et Paul Roux)"),
        ("Le Soir | 03.03.2024 | Par ailleurs", None),  # no name after it
    ],
)
def test_a_bylines_word_opens_a_part_of_a_dateline(line: str, author: str | None) -> None:
    assert read_line(line, edge=True).author == author


def test_a_notices_issuer_is_its_author_and_its_header_row_stays() -> None:
    meta = read_line("发文机关：   滨江市人民政府办公室      成文日期： 2022年01月27日")
    assert (meta.author, meta.date, meta.consumed) == ("滨江市人民政府办公室", "2022-01-27", False)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者｜周明远 林小雨", "周明远 林小雨"),  # a bar for the label's colon
        ("文 | 周明远", "周明远"),
        ("作者｜深夜的猫", "深夜的猫"),  # a pen name
        ("作者/周明远", "周明远"),
        ("作者 :周明远", "周明远"),  # a space before the colon
        ("撰稿人：周明远", "周明远"),
        ("文/图 周明远", "周明远"),  # text and photographs by one writer
        ("文｜图 周明远", "周明远"),
        ("本报记者 周明远 实习生 林小雨", "周明远"),  # the reporter, not the intern
        ("首页 | 新闻 | 作者 | 关于", None),  # a menu's items between bars
        ("首页 / 作者 / 关于", None),  # a breadcrumb
        ("中文|English", None),  # 文 ending a word
    ],
)
def test_a_writers_label_with_a_bar_or_a_slash(line: str, author: str | None) -> None:
    assert read_line(line).author == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者：周明远（滨江大学教授）", "周明远"),  # the writer's title in brackets is no part of the name
        ("作者：周明远 (Ming Zhou)", "周明远 (Ming Zhou)"),  # the name's Latin form is
        ("作者：新华社记者 周明远", "周明远"),  # the newsroom before 记者 after the label
        ("记者周明远 通讯员林小雨", "周明远"),  # a space before the correspondent's credit
    ],
)
def test_what_stands_around_a_labelled_name(line: str, author: str) -> None:
    assert read_line(line).author == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Maria Lindqvist on March 3, 2024", "Maria Lindqvist"),  # "on" before the date
        ("Posted by Maria Lindqvist on March 3, 2024", "Maria Lindqvist"),
        ("Par Jean Dupont, publié le 3 mars 2024", "Jean Dupont"),  # a comma before a word in lower case
        ("Von Max Müller, 03.03.2024", "Max Müller"),
        ("By Ana Rivera, Tom Hale, and Li Wei", "Ana Rivera, Tom Hale, and Li Wei"),  # but "and"
        ("By Maria Lindqvist • 5 min read", "Maria Lindqvist"),
        ("The bill was approved by Parliament on 3 March.", None),  # a sentence: more words before "by"
        ("By Maria Lindqvist on a typewriter", None),  # no date after "on"
    ],
)
def test_where_a_bylines_names_end(line: str, author: str | None) -> None:
    assert read_line(line, edge=True).author == author


def test_the_new_labels_match_traditional_script() -> None:
    assert read_line("本報記者 周明遠 實習生 林小雨").author == "周明遠"
    assert read_line("發文機關：濱江市人民政府").author == "濱江市人民政府"
