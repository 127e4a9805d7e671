"""The stage as a whole (``Classifier``): every verdict names its rule and the steps that changed
it, and the memory of judged blocks belongs to the classifier that built it."""

from __future__ import annotations

from cleantext.boilerplate import Classifier, classify
from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step

PARA = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"


def test_a_block_no_step_changed_has_the_rules_answer_and_an_empty_chain() -> None:
    verdict = classify([Block(0, PARA, source="text")])[0]
    assert (verdict.keep, verdict.reason, verdict.rule, verdict.changes) == (True, KeepReason.BODY, "prose", ())
    assert verdict.chain == (Step("prose", BlockClass.GOOD, KeepReason.BODY),)
    other = classify([Block(0, PARA, source="text"), Block(1, PARA + "另一段。", source="text")])
    assert other[0].chain is other[1].chain  # one shared record for one answer: nothing built per block


def test_a_smoothed_block_keeps_the_rules_answer_and_names_the_step() -> None:
    blocks = [Block(0, PARA, source="text"), Block(1, "小标题", source="text"), Block(2, PARA, source="text")]
    verdict = classify(blocks)[1]
    assert verdict.ruling == Step("short", BlockClass.SHORT, DropReason.SHORT)
    assert verdict.changes == (Step("smooth", BlockClass.GOOD, KeepReason.CONTEXT),)
    assert (verdict.keep, verdict.reason, verdict.cls) == (True, KeepReason.CONTEXT, BlockClass.GOOD)


def test_every_step_of_the_chain_is_kept_not_only_the_first() -> None:
    # a placeholder line: undecided, text by context, then dropped as a placeholder
    blocks = [Block(0, PARA, source="text"), Block(1, "[image] [登录]", source="text"), Block(2, PARA, source="text")]
    verdict = classify(blocks)[1]
    assert [step.name for step in verdict.changes] == ["smooth", "drop_placeholders"]
    assert verdict.chain[-1] == Step("drop_placeholders", BlockClass.BAD, DropReason.EMPTY)
    assert (verdict.keep, verdict.reason) == (False, DropReason.EMPTY)


def test_a_threads_comments_are_judged_again_and_the_step_names_the_rule_that_answered() -> None:
    blocks = [
        Block(0, "提前祝大家元旦快乐！", hint="topic content"),
        Block(1, "可以的，好好休息，开开心心过年！", hint="comment content"),
    ]
    verdict = classify(blocks)[1]
    assert verdict.ruling is not None and (verdict.rule, verdict.ruling.reason) == ("container_hint", "comment")
    assert verdict.changes[0] == Step("rejudge_thread", BlockClass.SHORT, DropReason.SHORT, "short")


def test_the_memory_belongs_to_its_classifier() -> None:
    menu = [Block(0, "分享到：微信 微博", source="text"), Block(1, PARA, source="text")]
    first, second = Classifier(), Classifier()
    first(menu)
    assert len(first.judge) == 2 and len(second.judge) == 0
    assert first(menu) == second(menu)  # remembered answers are the ladder's answers


def test_a_dumps_search_box_between_paragraphs_is_not_kept() -> None:
    # undecided like any short line, so its neighbours' context is not changed, and dropped at the end
    text = "Find out more in your area: [                    ] [Go]"
    blocks = [Block(0, PARA, source="text"), Block(1, text, source="text"), Block(2, PARA, source="text")]
    verdict = classify(blocks)[1]
    assert verdict.ruling == Step("short", BlockClass.SHORT, DropReason.SHORT)
    assert [step.name for step in verdict.changes] == ["smooth", "drop_placeholders"]
    assert (verdict.keep, verdict.reason) == (False, DropReason.NAV)


def test_a_dumps_embedded_frame_between_paragraphs_is_not_kept() -> None:
    lines = [PARA, "IFRAME:", "http://video.example.org/embed/42?player=1", PARA + "又一段。"]
    verdicts = classify([Block(i, text, source="text") for i, text in enumerate(lines)])
    assert [v.keep for v in verdicts] == [True, False, False, True]
    assert verdicts[2].chain[-1].name == "drop_placeholders"


def test_an_adverts_label_between_paragraphs_leaves_the_text_but_does_not_cut_it() -> None:
    # undecided at the region step (a picture's place), dropped at the end
    lines = [PARA, "Advertisement", PARA + "又一段。"]
    verdicts = classify([Block(i, text, source="text") for i, text in enumerate(lines)])
    assert [v.keep for v in verdicts] == [True, False, True]
    assert verdicts[1].chain[-1].name == "drop_placeholders" and verdicts[1].reason == DropReason.RELATED


def test_a_posts_affiliate_disclosure_is_no_text() -> None:
    text = "This post may contain affiliate links. Please read our disclosure policy."
    assert classify([Block(0, text, source="text"), Block(1, PARA, source="text")])[0].reason == DropReason.RELATED
