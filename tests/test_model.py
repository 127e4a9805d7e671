"""The hand-offs: a verdict's derived fields and the decision records it carries."""

from __future__ import annotations

import dataclasses

import pytest

from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step, Verdict


def test_a_verdict_built_by_hand_names_no_rule() -> None:
    verdict = Verdict(Block(0, "x"), False, DropReason.SHORT)
    assert (verdict.rule, verdict.ruling, verdict.chain, verdict.cls) == ("", None, (), BlockClass.BAD)


def test_rule_and_class_come_from_the_ruling_and_the_last_word() -> None:
    ruling = Step("unpunctuated", BlockClass.BAD, DropReason.NAV)
    changed = Step("container_prior", BlockClass.GOOD, KeepReason.IN_MAIN)
    verdict = Verdict(Block(0, "x"), True, KeepReason.IN_MAIN, 3.0, (ruling, changed))
    assert (verdict.rule, verdict.cls, verdict.chain[-1].reason) == ("unpunctuated", BlockClass.GOOD, verdict.reason)
    assert (verdict.ruling, verdict.changes) == (ruling, (changed,))


def test_verdicts_and_steps_are_immutable() -> None:
    verdict = Verdict(Block(0, "x"), True, KeepReason.BODY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.reason = DropReason.NAV  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Step("smooth", BlockClass.GOOD, KeepReason.CONTEXT).name = "other"  # type: ignore[misc]


def test_reasons_read_as_the_words_people_see() -> None:
    assert [str(r) for r in (KeepReason.IN_MAIN, DropReason.RELATED, BlockClass.SHORT)] == ["in-main", "related-list", "short"]
    assert not set(KeepReason) & set(DropReason)  # one word never means both
