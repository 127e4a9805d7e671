"""Block features: the fast patterns count what the plain statement of each rule counts."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate.features import TAIL_CHARS, TRUNCATED, features_of
from cleantext.text import CJK_BLOCKS, CJK_LETTERS, OWN_MARKS, WORD

# The rules as first written, one pattern each: the reference the faster forms must agree with.
PUNCT = re.compile(rf"[，。！？；：、{OWN_MARKS}]|[,.!?;:](?=[\"'”’)\]]?(?:\s|$)|[{CJK_BLOCKS}“‘])|(?<=[{CJK_BLOCKS}”’])[,.!?;:]")
SENTENCE_END = re.compile(rf"[。！？!?.…」』”\"’)）{OWN_MARKS}]\s*$")
TRICKY = st.text(alphabet=st.sampled_from("ab Zé_9,.!?;:“”‘’\"')]([中文，。、…」؟\n\t&|$_{}\\-=#/<>）】\u3000"), max_size=30)


@given(TRICKY)
def test_counts_agree_with_the_reference_patterns(text: str) -> None:
    f = features_of(text)
    assert f.punct == len(PUNCT.findall(text))
    assert f.words == len(WORD.findall(text))
    assert f.ends_sentence == (SENTENCE_END.search(text[-TAIL_CHARS:]) is not None)
    assert f.truncated == (TRUNCATED.search(text[-TAIL_CHARS:]) is not None)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_text_counts_like_any_text(text: str) -> None:
    f = features_of(text)
    assert (f.words, f.punct, f.cjk) == (len(WORD.findall(text)), len(PUNCT.findall(text)), 0)


def test_features_of_examples() -> None:
    f = features_of("Hello, world. 3.14 is pi")
    assert (f.words, f.punct, f.units) == (4, 2, 8)
    f = features_of("互联,合规。这是“引用”, 好")
    assert (f.cjk, f.punct) == (9, 3)  # "互联,合规", "合规。", "”,"


@given(st.text(alphabet=st.sampled_from("ab 中文한글かな，。、1_é\U00020000"), max_size=30))
def test_cjk_count_is_the_cjk_characters(text: str) -> None:
    assert features_of(text).cjk == len(re.findall(rf"[{CJK_LETTERS}]", text))


def test_a_space_between_thai_words_is_their_sentence_mark() -> None:
    # Thai and Khmer put a space where other scripts put a comma or a full stop
    assert features_of("ตำรวจได้รับแจ้ง เจ้าหน้าที่ลงพื้นที่ตรวจสอบ พบศพลอยน้ำ").punct == 2
    assert features_of("Thai news ข่าว").punct == 0  # a space next to Latin text is only a space


def test_a_paragraph_that_names_a_call_is_no_code() -> None:
    paragraph = (
        "Another way would be a custom column on a watchlist. Then you can use the RTD() function in Excel "
        "to read the live data from that column. It needs a Windows computer."
    )
    assert not features_of(paragraph).code_like
    # code keeps its look, a comment's sentence or a message's in it
    for line in ("ws = RTD() # Read the live data. Then store it.", "if ready && count > 0; then", "total = rtd();"):
        assert features_of(line).code_like, line


def test_a_line_of_code_that_prints_chinese_is_code_and_a_quoting_sentence_is_not() -> None:
    # the CJK text of a program's line sits in its strings; a sentence quotes in its own words
    for line in ("print('队列已清空')", 'logger.info(f"已处理 {n} 条")'):
        assert features_of(line).code_like, line
    for line in ('他说"明天见"。', "print 队列 ('done')", "“你好”"):
        assert not features_of(line).code_like, line


def test_an_ellipsis_before_the_link_to_the_rest_is_a_teasers_end() -> None:
    for text in (
        "Over the time we've had our long-term test car, we've enjoyed a... Read More",
        "She oversees the production of reviews, evaluating vehicles firsthand... More",
        "市交通局昨天发布通知，三条主干道将于下月起分段封闭施工……全文",
        "The council met on Monday to discuss the new roads… Continue reading »",
    ):
        assert features_of(text).truncated, text
    for text in ("Read more about the roads on our page.", "He wanted more...than that, he said more."):
        assert not features_of(text).truncated, text
