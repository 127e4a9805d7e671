"""Threads in dumps (``boilerplate.dumpposts``): the lines a thread's template prints for every
post mark the post list; its posts stay and those lines leave. The fixtures are the lynx dumps of
the hand-made thread pages in ``tests/boilerplate/posts`` (``qa-apart.txt`` is w3m's)."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.boilerplate.dumpposts import apply_dump_thread, dump_thread
from cleantext.boilerplate.dumpshapes import shape_of_line
from cleantext.model import Block, DropReason, KeepReason
from cleantext.segment.dump import split_dump
from tests.boilerplate.threadkit import FIXTURES, PROSE, cleaned, expected, judged, reasons


def test_a_dump_of_a_thread_keeps_every_post_and_drops_the_template_lines() -> None:
    verdicts, record = cleaned("thread-zh.txt")  # ``lynx -dump`` of thread-zh.html
    assert record.text == expected("thread-zh.html")
    for text in ("主题 12 帖子", "注册时间", "发表于", "回复 引用 举报", "引用 老园丁 的发言", "种菜使我快乐"):
        assert reasons(verdicts, text) == {str(DropReason.POST_CHROME)}, text
    # a signature used once is not the template's: the neighbours drop it, as any short line
    assert not any(v.keep for v in verdicts if "一亩三分地" in v.block.text)


def test_a_posts_date_line_anchors_the_template_rather_than_its_button_row() -> None:
    # ``lynx -dump`` of thread-discuz.html: the reply and report buttons under every post come
    # first and once more than the dated line over each reply (the opening post's differs), and
    # a dated footer line ends a sentence after the last post. Taking the buttons for the
    # template read the list as starting under the opening post, an article with comments.
    verdicts, record = cleaned("thread-discuz.txt")
    assert "谢谢师傅和楼上，心里有底了，就按南北分开的办法装" in record.text.splitlines()  # a reply, no stop
    for text in ("论坛元老", "注册会员", "发表于 2024-4-17", "专注门窗安装十五年"):  # the replies' cards, dates
        assert reasons(verdicts, text) == {str(DropReason.POST_CHROME)}, text
    assert not any(v.keep for v in verdicts if v.block.text in ("中级会员", "回复", "举报") or "只看该作者" in v.block.text)


def test_a_dump_of_an_english_thread_keeps_every_post() -> None:
    record = cleaned("thread-en.txt")[1]
    for paragraph in expected("thread-en.html").splitlines():
        assert paragraph in record.text
    for text in ("Joined:", "Posted 12 Apr", "Reply", "Report", "hedgehog_jo wrote:"):
        assert text not in record.text, text
    # a signature its writer uses once and that ends a sentence stays: nothing repeats it
    assert "Growing since the last century." in record.text


def test_a_line_that_ends_two_posts_word_for_word_is_a_signature_however_long() -> None:
    # ``lynx -dump`` of thread-signature.html: one user's motto of two sentences under each of
    # their posts; a quoted sentence would stand at the start of a post, not at its end
    verdicts, record = cleaned("thread-signature.txt")
    assert record.text == expected("thread-signature.html")
    assert reasons(verdicts, "Bread is a conversation") == {str(DropReason.POST_CHROME)}


def _lines(texts: list[str]) -> list[Block]:
    return [Block(i, text, kind="line", source="text") for i, text in enumerate(texts)]


def test_a_dumps_answers_under_a_heading_counting_them_are_posts_under_a_long_question() -> None:
    # ``w3m -dump`` of qa-apart.html: each answer's card names its writer and an age whose unit
    # changes (``1 day ago``, ``20 hours ago``); the question above is long enough to be an article
    verdicts, record = cleaned("qa-apart.txt")
    for paragraph in expected("qa-apart.html").splitlines():
        assert paragraph in record.text
    for text in ("Bruno 1 day ago", "Tomas 20 hours ago", "Reply Quote Report"):
        assert reasons(verdicts, text) == {str(DropReason.POST_CHROME)}, text


def test_an_age_is_one_mark_of_the_shape() -> None:
    assert shape_of_line("Ann 1 day ago · Votes: 12") == shape_of_line("Ann 20 hours ago · Votes: 2")
    assert shape_of_line("Ann 3小时前") == shape_of_line("Ann 2天前")
    assert shape_of_line("Ann 3 days") != shape_of_line("Ann 3 hours")  # a duration, no age


def test_dated_teasers_in_a_dump_are_not_posts() -> None:
    teasers = []
    for n in range(5):
        teasers += [
            f"2024-05-0{n + 1} 08:00",
            "A summary of another story that trails off before its end, as teasers do...",
        ]
    assert dump_thread(_lines(teasers), judged(_lines(teasers))) is None


def test_a_dump_thread_is_a_template_block_repeated_with_prose_after_it() -> None:
    posts = []
    for n in range(4):
        posts += [f"Posted 1{n} Apr 2024", f"Messages: {40 + n}", f"{PROSE} Reply number {n}."]
    found = dump_thread(_lines(posts), judged(_lines(posts)))
    assert found is not None
    assert found.chrome == {0, 1, 3, 4, 6, 7, 9, 10}
    assert found.prose == {2, 5, 8, 11}
    # a sentence printed word for word under every item is a form's or an advert's, not a post
    copied = [PROSE if line.startswith(PROSE) else line for line in posts]
    assert dump_thread(_lines(copied), judged(_lines(copied))) is None
    # one stamped line alone repeats as often in a gallery or a feed: not a template
    stamps = [line for line in posts if not line.startswith("Messages")]
    assert len(stamps) == 8
    assert dump_thread(_lines(stamps), judged(_lines(stamps))) is None
    # the template block with nothing said between: a menu
    menu = [line for line in posts if not line.startswith(PROSE)]
    assert len(menu) == 8
    assert dump_thread(_lines(menu), judged(_lines(menu))) is None


def test_a_numbered_line_printed_the_same_every_time_stamps_no_posts() -> None:
    # a section's name in a menu, beside the story and in a box of teasers, with a teaser's
    # headline holding a price printed twice at the same distance: no post's date or count
    page = []
    for n in range(3):
        page += ["Phones", f"{PROSE} Part {n}.", "Model 25 phone ships in May", "Tablets"]
    assert dump_thread(_lines(page), judged(_lines(page))) is None
    # the same lines with a count that changes from post to post are a template
    posts = [line.replace("Model 25 phone ships in May", f"Messages: {40 + k}") for k, line in enumerate(page)]
    assert dump_thread(_lines(posts), judged(_lines(posts))) is not None


def test_a_dump_thread_of_two_posts_has_a_fuller_card_printed_twice() -> None:
    def card(n: int, name: str, extra: list[str]) -> list[str]:
        return [name, *extra, f"Joined: 201{n}-03-0{n}", f"Posts: {n * 7}", f"Likes: {n * 3}", f"#{n}"]

    question, answer = f"{PROSE} How do I start?", f"{PROSE} Start from the seeds."
    # the answer's card holds one line more (an avatar): its text stands a line further down
    posts = ["Forum", *card(1, "junchen", []), question, *card(2, "sh4nks", ["avatar"]), answer, "Pages"]
    found = dump_thread(_lines(posts), judged(_lines(posts)))
    assert found is not None
    assert {posts[i] for i in found.prose} == {question, answer}
    assert {posts[i] for i in found.chrome} >= {"Joined: 2011-03-01", "Posts: 14", "Likes: 6"}
    # two cards of two shapes (a join date, a floor number) are as often a heading over two columns
    short = [line for line in posts if not line.startswith(("Posts", "Likes"))]
    assert dump_thread(_lines(short), judged(_lines(short))) is None
    # nothing said after the second card: a menu above and below the text, not a thread
    menu = posts[: posts.index(answer)]
    assert dump_thread(_lines(menu), judged(_lines(menu))) is None
    # a bar printed word for word above and below one story is no pair of writers' cards
    bars = ["Forum", *card(1, "junchen", []), question, *card(1, "junchen", []), answer]
    assert dump_thread(_lines(bars), judged(_lines(bars))) is None


def test_short_replies_in_a_dump_thread_are_posts_not_card_lines() -> None:
    names = ["alice", "bob", "carol", "dave"]
    replies = [f"{PROSE} Sow in spring.", "Works for me now", f"{PROSE} Or wait.", f"{PROSE} Water them daily."]
    posts = []
    for n, (name, reply) in enumerate(zip(names, replies, strict=True)):
        posts += [name, f"Posts: {40 + n}", f"Posted 1{n} Apr 2024", reply]
    blocks = _lines(posts)
    found = dump_thread(blocks, judged(blocks))
    assert found is not None
    assert {posts[i] for i in found.prose} == {replies[0], replies[2], replies[3]}
    # a few words without a mark, where every post's text stands (after its card), are a reply,
    # not one more card line
    assert {posts[i] for i in found.short} == {"Works for me now"}
    assert {posts[i] for i in found.chrome} == set(posts) - set(replies)
    items = judged(blocks)
    assert apply_dump_thread(blocks, items, found)
    assert [posts[i] for i, item in enumerate(items) if item.reason is KeepReason.POST] == ["Works for me now"]
    # a line ending with a colon there is a quote's header (``X wrote:``): the card's, as before
    quoted = [line.replace("Works for me now", "alice wrote:") for line in posts]
    found = dump_thread(_lines(quoted), judged(_lines(quoted)))
    assert found is not None
    assert not found.short
    assert 5 + 2 in found.chrome


def test_a_dumps_comment_list_under_an_article_is_set_as_posts_when_comments_are_wanted() -> None:
    """Under an article a dump's post list is left to the other steps (its edges are a guess);
    with comments wanted it is set as a thread's from its first card line on: the replies stay,
    every card line leaves, the article above is untouched."""
    thread = (FIXTURES / "thread-en.txt").read_text(encoding="utf-8")
    story = [f"   {PROSE} The story's paragraph {n} tells of the plot." for n in range(8)]
    blocks = split_dump("\n\n".join(["   Allotment plots on clay", *story, thread]))
    wanted = {v.block.text: v for v in classify(blocks, comments=True)}
    assert all(wanted[line.strip()].keep for line in story)
    assert wanted["I did exactly that three years ago. Break up the clay under each bed with a fork first, "
                  "then the water drains away instead of sitting under the boards."].keep
    card = "hedgehog_joMemberJoined: Nov 2021Messages: 87"
    assert {v.block.text: v for v in classify(blocks)}[card].keep  # the other steps keep a card between replies
    assert wanted[card].reason is DropReason.POST_CHROME


def test_a_comment_list_that_a_heading_opens_under_a_short_article_leaves() -> None:
    """A news story of four short paragraphs, a comment heading and four comments, each a name and
    a time, a paragraph and a row of buttons (the w3m dump of ``posts/news-comments-en.html``):
    the heading is the list's edge, and the comments leave unless they are wanted. A post list
    with no heading over it is left to the other steps, as before."""
    story = [
        "The town library will open on Sunday afternoons from June, the council said on Friday.",
        "The extra hours will be staffed by two new part-time librarians and a rota of volunteers.",
        "The change costs about twelve thousand pounds a year and is paid for from the leisure budget.",
        "Councillors will review visitor numbers after six months before deciding.",
    ]
    comments = [f"{PROSE} Comment number {n}." for n in range(4)]
    lines = ["Town library extends weekend hours", "By Pat Keane · 4 May 2024", *story, "4 comments"]
    names = ("reader_one", "quietcorner", "m_harlow", "bookworm77")
    for n, (name, comment) in enumerate(zip(names, comments, strict=True)):
        lines += [f"{name} 4 May 2024 1{n}:02", comment, f"Reply Report Like ({n + 2})"]
    lines.append("© Riverside Gazette. All rights reserved.")
    kept = [v.block.text for v in classify(_lines(lines)) if v.keep]
    assert kept == story
    dropped = {v.block.text: v for v in classify(_lines(lines))}
    assert all(dropped[c].reason is DropReason.COMMENT for c in comments)
    wanted = [v.block.text for v in classify(_lines(lines), comments=True) if v.keep]
    assert set(story + comments) <= set(wanted)
    unheaded = [line for line in lines if line != "4 comments"]
    assert all(c in [v.block.text for v in classify(_lines(unheaded)) if v.keep] for c in comments)


def test_a_month_named_next_to_a_number_is_a_mark_of_the_shape() -> None:
    # the month of a date line changes from post to post as its digits do
    assert shape_of_line("#1 · March 29, 2024, 10:35 am") == shape_of_line("#12 · May 3, 2024, 8:39 am")
    assert shape_of_line("Joined 4 avril 2019") == shape_of_line("Joined 12 mai 2020")
    # a month's word away from a number is a word
    assert shape_of_line("May I ask 2 things") != shape_of_line("Can I ask 2 things")


def test_a_weekday_named_next_to_a_date_is_a_mark_of_the_shape() -> None:
    # a card's join date names its weekday too: it changes from writer to writer as the digits do
    assert shape_of_line("Joined: Sun Jan 08, 2017 3:02 pm") == shape_of_line("Joined: Thu Sep 22, 2022 6:11 pm")
    assert shape_of_line("Posted Monday, 3 May 2024") == shape_of_line("Posted Friday, 21 June 2024")
    assert shape_of_line("发表于 2024年3月12日 星期二") == shape_of_line("发表于 2024年4月2日 星期日")
    # a weekday's word away from a date is a word
    assert shape_of_line("Sunday school at 10") != shape_of_line("Monday school at 10")


def test_a_card_whose_join_dates_name_their_weekdays_still_marks_the_thread() -> None:
    days = ("Sun Jan 08, 2017", "Mon Apr 14, 2014", "Thu Sep 22, 2022", "Wed Feb 02, 2011")
    replies = [f"{PROSE} Number {n}." for n in range(4)]
    posts = []
    for n, (day, reply) in enumerate(zip(days, replies, strict=True)):
        posts += [reply, f"writer{n}", f"Posts: {10 + 7 * n}", f"Joined: {day} 3:02 pm"]
    found = dump_thread(_lines(posts), judged(_lines(posts)))
    assert found is not None
    assert {posts[i] for i in found.prose} == set(replies)
    assert {f"Joined: {day} 3:02 pm" for day in days} <= {posts[i] for i in found.chrome}


def _rank_cards(texts: list[str]) -> list[str]:
    """A thread of four posts whose cards name the month of their dates, the second and the
    fourth with a rank between the count of posts and the date line."""
    posts = []
    for n, (month, reply) in enumerate(zip(("March", "March", "April", "May"), texts, strict=True)):
        rank = ["Supporter"] if n % 2 else []
        posts += [f"writer{n}", f"{10 + 7 * n} Posts", *rank, f"#{n + 1} · {month} {n + 3}, 2024", reply]
    return posts


def test_a_card_holding_a_line_more_in_some_posts_still_marks_the_thread() -> None:
    replies = [f"{PROSE} Number {n}." for n in range(4)]
    posts = _rank_cards(replies)
    found = dump_thread(_lines(posts), judged(_lines(posts)))
    assert found is not None
    assert {posts[i] for i in found.prose} == set(replies)
    assert {"17 Posts", "#2 · March 4, 2024", "Supporter"} <= {posts[i] for i in found.chrome}


def test_a_posts_own_list_item_and_a_line_trailing_off_are_the_posts() -> None:
    item = "Sadly I cannot find the option to set the colour in the settings (see the picture)"
    trailing = "I will write it in German for a change…"
    replies = [f"{PROSE} Number {n}." for n in range(4)]
    posts = _rank_cards(replies)
    posts[posts.index(replies[1]) + 1 : posts.index(replies[1]) + 1] = [item, trailing]
    blocks = [Block(i, text, kind="line", source="text", in_list=text == item) for i, text in enumerate(posts)]
    items = judged(blocks)
    assert {items[posts.index(item)].rule, items[posts.index(trailing)].rule} == {"list_item", "teaser"}
    found = dump_thread(blocks, items)
    assert found is not None
    assert {posts[i] for i in found.short} == {item, trailing}
    # the same lines where a card stands (before the first post's text) are no post's
    early = [item, trailing, *_rank_cards(replies)]
    blocks = [Block(i, text, kind="line", source="text", in_list=text == item) for i, text in enumerate(early)]
    found = dump_thread(blocks, judged(blocks))
    assert found is not None
    assert not {early[i] for i in found.short} & {item, trailing}


def _numbered_thread(floor: str) -> str:
    """A dump of a thread whose replies carry a floor number (``floor`` with ``{n}`` in it) under
    their date line and say a few words without a mark; the opening post's card has no number."""
    opening = [f"   {PROSE} The first post's paragraph {n} tells the story." for n in range(6)]
    lines = ["   Forum Home", "   ranger_sue", "   13-05-2024 00:58", "   Has anyone seen the comet tonight", *opening]
    lines += ["   42", "   Quote", "   Replies"]
    replies = ["Seen it from the hill", "clouds here all night", "try again after midnight", "wow thanks for sharing",
               "same here in the north"]
    for n, (name, reply) in enumerate(zip(("otter", "moth", "kestrel", "vole", "newt"), replies, strict=True), 1):
        lines += [f"   {name}", f"   13-05-2024 0{n}:1{n}", "   " + floor.format(n=n), f"   {reply}", "   0", "   Quote",
                  "   Reply"]
    return "\n\n".join([*lines, "   Terms of use"])


def test_short_replies_under_floor_numbers_are_posts_and_the_opening_post_is_the_threads() -> None:
    # the replies say a few words without a mark, so no line after a date reads as prose; the
    # floor number (one more on each reply) says what stands under it is a reply, and the opening
    # post above, whose card prints the same date line, opens the thread rather than an article
    verdicts = classify(split_dump(_numbered_thread("#{n}")))
    kept = [v.block.text for v in verdicts if v.keep]
    for reply in ("Seen it from the hill", "clouds here all night", "same here in the north"):
        assert reply in kept, reply
    assert any("The first post's paragraph 5" in text for text in kept)
    for chrome in ("#1", "#5", "13-05-2024 03:13", "moth", "Quote", "Reply"):
        assert reasons(verdicts, chrome) == {str(DropReason.POST_CHROME)}, chrome


def test_a_number_that_does_not_count_the_posts_marks_no_reply() -> None:
    # the same line on every reply (``#1`` each time) or a bare number (a ranking's place) counts
    # nothing: the few words under it stay undecided, and the long first post is an article
    for floor in ("#1", "{n}"):
        kept = [v.block.text for v in classify(split_dump(_numbered_thread(floor))) if v.keep]
        assert "clouds here all night" not in kept, floor


def test_a_header_naming_each_posts_writer_is_one_template_line() -> None:
    # ``Post by X » date`` differs from post to post in the writer's name as well as the date:
    # the name is a slot of the shape, so the headers are one template line and the thread is found
    writers = ["treefeller", "old_pip", "Mags", "hedgerow"]
    replies = [f"{PROSE} Cut in winter.", "Thanks, will do", f"{PROSE} Paint nothing.", f"{PROSE} Wait a year."]
    posts: list[str] = []
    for n, (writer, reply) in enumerate(zip(writers, replies, strict=True)):
        posts += [f"Post by {writer} » Mon Jan 0{n + 1}, 2024 7:4{n} pm", "Re: Pruning an old apple tree", reply]
    blocks = _lines(posts)
    found = dump_thread(blocks, judged(blocks))
    assert found is not None
    assert {posts[i] for i in found.chrome} >= {posts[0], posts[3], posts[6], posts[9]}
    assert "Thanks, will do" in {posts[i] for i in found.short}


def test_lines_that_differ_in_one_word_but_hold_no_number_are_no_template() -> None:
    # a list of names (``Photo by X``) repeats a shape but stamps no date: no thread
    lines: list[str] = []
    for name in ["Ann", "Bo", "Cy", "Di"]:
        lines += [f"Photo by {name} for the paper", f"{PROSE} A caption."]
    assert dump_thread(_lines(lines), judged(_lines(lines))) is None


ANSWERS_ZH = [
    "多半是后拨的高限位螺丝拧得太松了，把链条挂到最小飞轮上再调。",
    "也检查一下后轮有没有装正，快拆没有锁紧的话，轮子会歪一点。",
    "二手车还要看挂钩有没有被撞弯，挂钩弯了，限位螺丝怎么调都不准。",
]


def _answers(headers: list[str], buttons: str) -> list[str]:
    """A Q&A page's answers as a dump writes them: each header, its answer, its vote and button row."""
    lines: list[str] = []
    for n, (header, answer) in enumerate(zip(headers, ANSWERS_ZH, strict=True)):
        lines += [header, answer, f"赞同 {10 + n} 评论 {n} {buttons}"]
    return lines


def _assert_headers_are_chrome(headers: list[str], buttons: str) -> None:
    """The answers under ``headers`` (``_answers``) are a thread, and every header is its chrome."""
    lines = _answers(headers, buttons)
    found = dump_thread(_lines(lines), judged(_lines(lines)))
    assert found is not None
    assert {lines[i] for i in found.chrome} >= set(headers)


def test_a_writers_name_and_rank_fill_one_slot_of_the_header() -> None:
    # some answerers show a rank beside their name, others none: the slot takes one word or two
    headers = ["链条匠 骑行十年 回答于 2024-04-18", "周末骑士 回答于 2024-04-19", "修车老李 认证车店师傅 回答于 2024-04-20"]
    _assert_headers_are_chrome(headers, "分享 举报")


def test_a_number_beside_a_varying_phrase_is_no_named_header() -> None:
    # a ticker of quotes (``Trades below 1.9600`` over ``(04:34 GMT)``): the phrase varies, one
    # number stays beside it, and the time under each stamps the pair as a template would
    lines: list[str] = []
    for n, (phrase, quote) in enumerate([("Drops below", "1.3150"), ("Trades below", "1.9600"),
                                         ("Trades around", "1.2200"), ("Moves up", "119.00")]):
        lines += [f"{phrase} {quote}", f"(04:3{n} GMT)", f"{PROSE} Note {n}."]
    assert dump_thread(_lines(lines), judged(_lines(lines))) is None


def test_a_name_glued_to_its_label_fills_the_slot_of_the_header() -> None:
    # w3m sets CJK spans with no space between: the answerer's name (and rank) run into 回答于
    headers = ["链条匠骑行十年回答于 2024-04-18", "周末骑士回答于 2024-04-19", "修车老李认证车店师傅回答于 2024-04-20"]
    _assert_headers_are_chrome(headers, "分享举报")
    # without a number, glued words sharing their last characters are no header (a list of names)
    names = [line.split(" ")[0] for line in headers]
    plain = [x for name, answer in zip(names, ANSWERS_ZH, strict=True) for x in (name, answer)]
    assert dump_thread(_lines(plain), judged(_lines(plain))) is None


def test_a_post_printed_twice_keeps_its_short_lines_and_a_sign_off_in_two_posts_is_chrome() -> None:
    # a forum that prints a post's text twice (a hidden copy for its quote button) repeats the
    # post's greeting and sign-off word for word, but in one post: a signature is repeated in
    # other posts
    replies = [f"{PROSE} Number {n}." for n in range(4)]
    posts = _rank_cards(replies)
    at = posts.index(replies[1])
    twice = ["Hello everyone", replies[1], "Regards from the valley"]
    posts[at : at + 1] = [*twice, *twice, f"{PROSE} A last word."]
    for reply in (replies[0], replies[2]):
        at = posts.index(reply)
        posts[at + 1 : at + 1] = ["Cheers from the hill"]
    found = dump_thread(_lines(posts), judged(_lines(posts)))
    assert found is not None
    assert {posts[i] for i in found.chrome} & {"Cheers from the hill", *twice} == {"Cheers from the hill"}
    assert {posts[i] for i in found.short} == {"Hello everyone", "Regards from the valley"}
    # a line printed twice in a row is a layout's double (a widget's heading), not the writer's
    at = posts.index(replies[2])
    posts[at:at] = ["Latest topics", "", "Latest topics"]
    found = dump_thread(_lines(posts), judged(_lines(posts)))
    assert found is not None
    assert {"Latest topics", "Hello everyone"} & {posts[i] for i in found.chrome} == {"Latest topics"}
