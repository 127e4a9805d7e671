"""Threads (``boilerplate.posts``): a forum thread or a Q&A page keeps every post's text and drops
the chrome its template repeats per post; an article's comment list leaves. The fixtures are
hand-made (``tests/boilerplate/posts``): each page beside the text it must give."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.boilerplate import classify
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.posts import dump_thread, find_thread
from cleantext.boilerplate.rules import judge
from cleantext.document import finalize
from cleantext.model import Article, Block, Decoded, DropReason, KeepReason, Verdict
from cleantext.segment import segment

FIXTURES = Path(__file__).parent / "posts"
PAGES = ["thread-en.html", "thread-zh.html", "qa-en.html", "qa-zh.html", "news-comments-en.html", "news-comments-zh.html"]


def _page(name: str) -> tuple[Decoded, list[Verdict], Article]:
    path = FIXTURES / name
    doc = Decoded(str(path), path.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    verdicts = classify(blocks, meta)
    record = finalize(doc, verdicts, meta, None)[0]
    assert isinstance(record, Article)
    return doc, verdicts, record


def _expected(name: str) -> str:
    return (FIXTURES / name).with_suffix(".expected.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("name", PAGES)
def test_the_content_is_kept_and_nothing_else(name: str) -> None:
    assert _page(name)[2].text == _expected(name)


def _reasons(verdicts: list[Verdict], text: str) -> set[str]:
    return {str(v.reason) for v in verdicts if text in v.block.text}


def test_cards_signatures_buttons_and_quote_headers_are_post_chrome() -> None:
    verdicts = _page("thread-en.html")[1]
    for text in ("Joined: Mar 2019", "Three beds, two cats, one shed.", "Posted 12 Apr 2024", "hedgehog_jo wrote:"):
        assert _reasons(verdicts, text) == {str(DropReason.POST_CHROME)}, text
    # the quoted text stays, as the post shows it; the first post is kept like the others
    quoted = [v for v in verdicts if v.block.text == "Break up the clay under each bed with a fork first."]
    assert len(quoted) == 1 and quoted[0].keep
    # the posts the region left out come back as posts
    assert _reasons(_page("thread-zh.html")[1], "谢谢两位") == {str(KeepReason.POST)}
    zh = _page("thread-zh.html")[1]
    for text in ("注册时间", "种菜使我快乐", "引用 老园丁 的发言", "发表于"):
        assert _reasons(zh, text) == {str(DropReason.POST_CHROME)}, text


def test_the_question_laid_out_like_its_answers_is_the_lead() -> None:
    verdicts = _page("qa-zh.html")[1]
    assert _reasons(verdicts, "买了一辆二手山地车") <= {str(KeepReason.BODY), str(KeepReason.POST)}
    assert _reasons(verdicts, "提问于") == {str(DropReason.POST_CHROME)}
    assert all(not v.keep for v in verdicts if "赞同" in v.block.text)


def test_comments_under_an_article_are_not_the_article() -> None:
    verdicts = _page("news-comments-en.html")[1]
    assert _reasons(verdicts, "About time.") == {str(DropReason.COMMENT)}
    assert all(v.keep for v in verdicts if v.block.text.startswith("The town library will open"))


def _judged(blocks: list[Block]) -> list[Judged]:
    out = []
    for block in blocks:
        step = judge(block)
        out.append(Judged(step.cls, step.reason, features_of(block.text), (step,), block.in_list))
    return out


PROSE = "A reply long enough to read as a sentence, with a comma and a full stop at its end."


def _units(card: str, heading: str = "p", link: int = 0, prose: str = PROSE) -> list[Block]:
    """Three sibling units (``div.u``, numbered 10, 20, 30 under 1), each a card and a text."""
    blocks: list[Block] = []
    for n in (10, 20, 30):
        blocks.append(
            Block(len(blocks), card, kind=heading, tag_path=f"body>div.list>div.u>{heading}.card",
                  link_chars=link, containers=(0, 1, n, n + 1))
        )
        blocks.append(
            Block(len(blocks), prose, tag_path="body>div.list>div.u>div.text>p", containers=(0, 1, n, n + 2, n + 3))
        )
    return blocks


def test_a_repeated_card_with_a_name_or_a_date_makes_a_post_list() -> None:
    blocks = _units("maple_leaf 12 Mar 2024")
    thread = find_thread(blocks, _judged(blocks))
    assert thread is not None
    assert len(thread.units) == 3
    assert thread.body == ("div.text", "p")
    assert thread.chrome == {("p.card",)}


def test_sections_with_plain_headings_are_not_posts() -> None:
    blocks = _units("Why clay holds water", heading="h2")  # no link, no digit: a blog's sections
    assert find_thread(blocks, _judged(blocks)) is None


def test_a_list_of_linked_headlines_is_not_posts() -> None:
    blocks = _units("Council votes 2024 budget", heading="h3", link=len("Council votes 2024 budget"))
    assert find_thread(blocks, _judged(blocks)) is None


def test_teasers_cut_short_are_not_posts() -> None:
    blocks = _units("maple_leaf 12 Mar 2024", prose="A summary of another story that trails off, as teasers do...")
    assert find_thread(blocks, _judged(blocks)) is None


def test_two_units_are_not_a_list() -> None:
    blocks = _units("maple_leaf 12 Mar 2024")[:4]
    assert find_thread(blocks, _judged(blocks)) is None


def test_a_dump_has_no_elements_to_read() -> None:
    blocks = [Block(i, PROSE, source="text") for i in range(6)]
    assert find_thread(blocks, _judged(blocks)) is None  # its repeated lines are read by ``dump_thread``


def _dump(name: str) -> tuple[list[Verdict], Article]:
    path = FIXTURES / name
    doc = Decoded(str(path), path.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    verdicts = classify(blocks, meta)
    record = finalize(doc, verdicts, meta, None)[0]
    assert isinstance(record, Article)
    return verdicts, record


def test_a_dump_of_a_thread_keeps_every_post_and_drops_the_template_lines() -> None:
    verdicts, record = _dump("thread-zh.txt")  # ``lynx -dump`` of thread-zh.html
    assert record.text == _expected("thread-zh.html")
    for text in ("主题 12 帖子", "注册时间", "发表于", "回复 引用 举报", "引用 老园丁 的发言", "种菜使我快乐"):
        assert _reasons(verdicts, text) == {str(DropReason.POST_CHROME)}, text
    # a signature used once is not the template's: the neighbours drop it, as any short line
    assert not any(v.keep for v in verdicts if "一亩三分地" in v.block.text)


def test_a_dump_of_an_english_thread_keeps_every_post() -> None:
    record = _dump("thread-en.txt")[1]
    for paragraph in _expected("thread-en.html").splitlines():
        assert paragraph in record.text
    for text in ("Joined:", "Posted 12 Apr", "Reply", "Report", "hedgehog_jo wrote:"):
        assert text not in record.text, text
    # a signature its writer uses once and that ends a sentence stays: nothing repeats it
    assert "Growing since the last century." in record.text


def _lines(texts: list[str]) -> list[Block]:
    return [Block(i, text, kind="line", source="text") for i, text in enumerate(texts)]


def test_dated_teasers_in_a_dump_are_not_posts() -> None:
    teasers = []
    for n in range(5):
        teasers += [f"2024-05-0{n + 1} 08:00", "A summary of another story that trails off before its end, as teasers do..."]
    assert dump_thread(_lines(teasers), _judged(_lines(teasers))) is None


def test_a_dump_thread_is_a_template_block_repeated_with_prose_after_it() -> None:
    posts = []
    for n in range(4):
        posts += [f"Posted 1{n} Apr 2024", f"Messages: {40 + n}", f"{PROSE} Reply number {n}."]
    found = dump_thread(_lines(posts), _judged(_lines(posts)))
    assert found is not None
    assert found.chrome == {0, 1, 3, 4, 6, 7, 9, 10}
    assert found.prose == {2, 5, 8, 11}
    # a sentence printed word for word under every item is a form's or an advert's, not a post
    copied = [PROSE if line.startswith(PROSE) else line for line in posts]
    assert dump_thread(_lines(copied), _judged(_lines(copied))) is None
    # one stamped line alone repeats as often in a gallery or a feed: not a template
    stamps = [line for line in posts if not line.startswith("Messages")]
    assert len(stamps) == 8
    assert dump_thread(_lines(stamps), _judged(_lines(stamps))) is None
    # the template block with nothing said between: a menu
    menu = [line for line in posts if not line.startswith(PROSE)]
    assert len(menu) == 8
    assert dump_thread(_lines(menu), _judged(_lines(menu))) is None
