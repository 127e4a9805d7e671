"""Threads (``boilerplate.posts``): a forum thread or a Q&A page keeps every post's text and drops
the chrome its template repeats per post; an article's comment list leaves. The fixtures are
hand-made (``tests/boilerplate/posts``): each page beside the text it must give."""

from __future__ import annotations

import pytest

from cleantext.boilerplate import classify
from cleantext.boilerplate.posts import find_thread
from cleantext.model import Block, Decoded, DropReason, KeepReason
from cleantext.segment import segment
from tests.boilerplate.threadkit import FIXTURES, PROSE, cleaned, expected, judged, reasons

PAGES = [
    "thread-en.html",
    "thread-zh.html",
    "thread-phpbb.html",  # each post under a permalink subject repeating the topic (Re: …)
    "thread-phpbb-quote.html",  # a quote whose source is an inline <cite> (X wrote: ↑date); signatures
    "thread-discourse.html",  # avatar, name and date over each post, a row of buttons under it; a table of topics
    "thread-pair.html",  # a question and its one answer, each under a full card (name, rank, counts)
    "thread-discuz.html",  # table-set posts; an edit note over a post, a quote headed by a name and a date
    "thread-signature.html",  # a signature of two sentences under one user's posts, in an element named so
    "qa-en.html",
    "qa-zh.html",
    "qa-apart.html",  # a long question set apart from its answers, under a heading counting them
    "qa-outweighed.html",  # a question set apart, outweighed by its comments and answers in the region
    "news-comments-en.html",
    "news-comments-zh.html",
]



@pytest.mark.parametrize("name", PAGES)
def test_the_content_is_kept_and_nothing_else(name: str) -> None:
    assert cleaned(name)[1].text == expected(name)


def test_the_question_laid_out_like_its_answers_is_the_lead() -> None:
    verdicts = cleaned("qa-zh.html")[0]
    assert reasons(verdicts, "买了一辆二手山地车") <= {str(KeepReason.BODY), str(KeepReason.POST)}
    assert reasons(verdicts, "提问于") == {str(DropReason.POST_CHROME)}
    assert all(not v.keep for v in verdicts if "赞同" in v.block.text)


def test_a_heading_counting_answers_makes_the_list_answers_under_a_long_question() -> None:
    verdicts = cleaned("qa-apart.html")[0]
    assert all(v.keep for v in verdicts if v.block.text.startswith(("Wait until spring", "Roots coming out")))
    unheaded = (FIXTURES / "qa-apart.html").read_text(encoding="utf-8").replace("<h2>3 Answers</h2>", "")
    doc = Decoded("unheaded.html", unheaded, "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    answers = [v for v in classify(blocks, meta) if v.block.text.startswith("Wait until spring")]
    assert [v.reason for v in answers] == [DropReason.COMMENT]  # without it, a long text above is an article


def test_a_question_only_the_region_dropped_is_the_threads_lead() -> None:
    verdicts = cleaned("qa-outweighed.html")[0]
    question = [v for v in verdicts if v.block.text.startswith(("My cactus", "I have read"))]
    assert len(question) == 2 and all(v.keep and v.reason is KeepReason.POST for v in question)
    assert not any(v.keep for v in verdicts if v.block.text in ("Answered", "Should I repot a cactus in winter?"))


def test_a_comment_box_without_a_thread_keeps_its_paragraphs_when_comments_are_wanted() -> None:
    story = "".join(f"<p>{PROSE} Story part {n}.</p>" for n in range(6))
    comment = "I walked past the new library last week, and the garden in front of it is lovely already."
    html = (
        f"<html><body><div class='story'><h1>Library opens</h1>{story}</div>"
        f"<div id='comments'><h3>One comment</h3><p>Ann</p><p>{comment}</p><p>Reply</p></div></body></html>"
    )
    doc = Decoded("a.html", html, "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    assert not any(v.keep for v in classify(blocks, meta) if v.block.text == comment)
    kept = [v for v in classify(blocks, meta, comments=True) if v.keep]
    assert comment in {v.block.text for v in kept}
    assert not {"Ann", "Reply"} & {v.block.text for v in kept}


def _units(card: str, heading: str = "p", link: int = 0, prose: str = PROSE) -> list[Block]:
    """Three sibling units (``div.u``, numbered 10, 20, 30 under 1), each a card and a text."""
    blocks: list[Block] = []
    for n in (10, 20, 30):
        blocks.append(
            Block(
                len(blocks),
                card,
                kind=heading,
                tag_path=f"body>div.list>div.u>{heading}.card",
                link_chars=link,
                containers=(0, 1, n, n + 1),
            )
        )
        blocks.append(
            Block(len(blocks), prose, tag_path="body>div.list>div.u>div.text>p", containers=(0, 1, n, n + 2, n + 3))
        )
    return blocks


def test_a_repeated_card_with_a_name_or_a_date_makes_a_post_list() -> None:
    blocks = _units("maple_leaf 12 Mar 2024")
    thread = find_thread(blocks, judged(blocks))
    assert thread is not None
    assert len(thread.units) == 3
    assert thread.body == ("div.text", "p")
    assert thread.chrome == {("p.card",)}


def test_chinese_replies_without_sentence_marks_are_posts() -> None:
    # Chinese replies are often typed with spaces or nothing between clauses, no full stop
    blocks = _units("老园丁 2024-05-12 08:30", prose="直接用深一点的盆就好了 底下多垫些碎瓦片")
    thread = find_thread(blocks, judged(blocks))
    assert thread is not None and len(thread.units) == 3


def test_sections_with_plain_headings_are_not_posts() -> None:
    blocks = _units("Why clay holds water", heading="h2")  # no link, no digit: a blog's sections
    assert find_thread(blocks, judged(blocks)) is None


def test_a_list_of_linked_headlines_is_not_posts() -> None:
    blocks = _units("Council votes 2024 budget", heading="h3", link=len("Council votes 2024 budget"))
    assert find_thread(blocks, judged(blocks)) is None


def test_teasers_cut_short_are_not_posts() -> None:
    blocks = _units("maple_leaf 12 Mar 2024", prose="A summary of another story that trails off, as teasers do...")
    assert find_thread(blocks, judged(blocks)) is None


def test_two_units_with_a_thin_card_are_not_a_list() -> None:
    blocks = _units("maple_leaf 12 Mar 2024")[:4]  # one card line each: two columns could print as much
    assert find_thread(blocks, judged(blocks)) is None


def test_a_users_name_set_as_a_heading_is_not_a_posts_title() -> None:
    blocks = _units("maple_leaf", heading="h4", link=len("maple_leaf"))  # a linked name, in a heading
    thread = find_thread(blocks, judged(blocks))
    assert thread is not None and len(thread.units) == 3


def test_a_dump_has_no_elements_to_read() -> None:
    blocks = [Block(i, PROSE, source="text") for i in range(6)]
    assert find_thread(blocks, judged(blocks)) is None  # its repeated lines are read by ``dump_thread``


def _opening_post(label: str) -> list[Block]:
    """An opening post framed apart from the replies (``div.op``), its text in ``label``, then
    three replies whose text sits in ``div.rich``."""
    opening = [
        Block(i, f"{PROSE} Part {i}.", tag_path=f"body>div.op>div.frame>{label}", containers=(0, 5, 6, 7 + i))
        for i in range(3)
    ]
    replies = []
    for n in (10, 20, 30):
        replies += [
            Block(0, f"maple_leaf {n} Mar 2024", tag_path="body>div.list>div.u>p.card", containers=(0, 1, n, n + 1)),
            Block(0, PROSE, tag_path="body>div.list>div.u>div.rich", containers=(0, 1, n, n + 2)),
        ]
    return [Block(i, b.text, tag_path=b.tag_path, containers=b.containers) for i, b in enumerate(opening + replies)]


def test_an_opening_post_whose_text_is_set_like_the_replies_is_the_lead() -> None:
    blocks = _opening_post("div.rich")
    thread = find_thread(blocks, judged(blocks))
    assert thread is not None and [i for i, _ in thread.lead] == [0, 1, 2]
    # a story's text in an element of its own: an article, the list its comments
    blocks = _opening_post("div.story")
    thread = find_thread(blocks, judged(blocks))
    assert thread is not None and thread.lead == []
