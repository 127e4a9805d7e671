"""A notice's signature (``signature``): the issuers' names and the full date under the last kept
block are text; lines of other shapes there stay as they were."""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.signature import signature
from cleantext.model import Block, BlockClass, DropReason, KeepReason

LAST = "现将有关事项通知如下，请各单位认真贯彻执行。"


def _run(lines: list[str], reasons: dict[int, DropReason] | None = None) -> list[str]:
    """The reasons after the step, for a kept paragraph and then ``lines`` dropped as short
    (or with the reason ``reasons`` names for a line's index in ``lines``)."""
    reasons = reasons or {}
    texts = [LAST, *lines]
    blocks = [Block(i, text, source="text") for i, text in enumerate(texts)]
    judged = [Judged(BlockClass.GOOD, KeepReason.BODY, features_of(LAST), dump=True)]
    judged += [
        Judged(BlockClass.BAD, reasons.get(i, DropReason.SHORT), features_of(t), dump=True) for i, t in enumerate(lines)
    ]
    signature(blocks, judged)
    return [str(item.reason) for item in judged[1:]]


def test_the_issuer_and_the_date_under_the_notice_are_text() -> None:
    assert _run(["某某市住房和城乡建设局", "2024年4月8日", "网站地图"]) == ["signature", "signature", "short"]


def test_a_joint_notice_names_each_issuer_on_a_line() -> None:
    lines = ["某某市财政局", "某某市人力资源和社会保障局", "二〇二四年四月八日"]
    assert _run(lines) == ["signature"] * 3


def test_a_line_between_the_text_and_the_signature_is_passed_over() -> None:
    assert _run(["2. 申报材料清单.pdf", "某某市人民政府", "2024年4月8日"]) == ["short", "signature", "signature"]


def test_without_the_full_date_under_them_names_are_not_a_signature() -> None:
    assert _run(["某某市人民政府", "网站地图"]) == ["short", "short"]
    assert _run(["某某市人民政府", "2024年4月"]) == ["short", "short"]  # no day: a period, a month's archive
    assert _run(["2024年4月8日"]) == ["short"]  # a date alone may be the page's or a teaser's


def test_a_footers_owner_or_a_named_drop_is_not_a_signature() -> None:
    assert _run(["主办单位：某某市人民政府", "2024年4月8日"]) == ["short", "short"]  # a label, not a name alone
    assert _run(["某某市人民政府", "2024年4月8日"], {0: DropReason.FOOTER}) == ["footer", "short"]
    assert _run(["关于开展某某工作的通知", "2024年4月8日"]) == ["short", "short"]  # a teaser's headline and date


def test_a_signature_far_under_the_text_is_the_pages() -> None:
    lines = ["返回首页", "网站地图", "联系我们", "某某市人民政府", "2024年4月8日"]
    assert _run(lines)[-2:] == ["short", "short"]
