"""What of a thread stays and what leaves (``boilerplate.postchrome``): each post's text stays,
its card, buttons, signature, a quote's header and the edit note leave; under an article of its
own the list is comments. Over the hand-made fixtures in ``tests/boilerplate/posts``."""

from __future__ import annotations

import pytest

from cleantext.boilerplate import classify
from cleantext.model import Decoded, DropReason, KeepReason, Verdict
from cleantext.segment import segment
from tests.boilerplate.threadkit import FIXTURES, cleaned, reasons


def test_cards_signatures_buttons_and_quote_headers_are_post_chrome() -> None:
    verdicts = cleaned("thread-en.html")[0]
    for text in ("Joined: Mar 2019", "Three beds, two cats, one shed.", "Posted 12 Apr 2024", "hedgehog_jo wrote:"):
        assert reasons(verdicts, text) == {str(DropReason.POST_CHROME)}, text
    # the quoted text stays, as the post shows it; the first post is kept like the others
    quoted = [v for v in verdicts if v.block.text == "Break up the clay under each bed with a fork first."]
    assert len(quoted) == 1 and quoted[0].keep
    # the posts the region left out come back as posts
    assert reasons(cleaned("thread-zh.html")[0], "谢谢两位") == {str(KeepReason.POST)}
    zh = cleaned("thread-zh.html")[0]
    for text in ("注册时间", "种菜使我快乐", "引用 老园丁 的发言", "发表于"):
        assert reasons(zh, text) == {str(DropReason.POST_CHROME)}, text


def test_comments_under_an_article_are_not_the_article() -> None:
    verdicts = cleaned("news-comments-en.html")[0]
    assert reasons(verdicts, "About time.") == {str(DropReason.COMMENT)}
    assert all(v.keep for v in verdicts if v.block.text.startswith("The town library will open"))


def _with_comments(name: str) -> list[Verdict]:
    path = FIXTURES / name
    doc = Decoded(str(path), path.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    return classify(blocks, meta, comments=True)


@pytest.mark.parametrize("name", ["news-comments-en.html", "news-comments-zh.html"])
def test_comments_wanted_keep_their_text_and_drop_their_cards(name: str) -> None:
    default, wanted = cleaned(name)[0], _with_comments(name)
    story = {v.block.text for v in default if v.keep}
    assert story <= {v.block.text for v in wanted if v.keep}  # the article as before
    added = [v for v in wanted if v.keep and v.block.text not in story]
    assert len(added) >= 3 and all(v.reason is KeepReason.POST for v in added)
    # names, dates and buttons are still no text
    assert not any(v.keep for v in wanted if v.block.text in ("Reply Report Like (4)", "reader_one 4 May 2024 10:02"))


def test_an_edit_note_and_a_dated_quote_header_are_post_chrome() -> None:
    verdicts, _ = cleaned("thread-discuz.html")
    assert reasons(verdicts, "本帖最后由") == {"post-chrome"}  # the forum's note of the last edit
    assert reasons(verdicts, "门窗师傅阿强 发表于") == {"post-chrome"}  # the quote's header: a name, a date


def test_a_line_ending_with_a_colon_inside_one_paragraph_is_not_a_quote_header() -> None:
    verdicts, record = cleaned("thread-pair.html")  # "explains it:<br><a>…</a>" in one <p>
    assert "The feeding guide explains it:" in record.text.splitlines()
    assert "post-chrome" not in reasons(verdicts, "explains it:")
