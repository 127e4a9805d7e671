"""A notice's numbered clauses: its outline is text, though each head is a short line.

A government notice, a regulation or a call for applications sets its body out in numbered
clauses (``一、申报范围`` … ``四、申报材料``, ``（一）补贴申请表；``, ``第三条``), each head a line of a
few characters, some clauses a single short line. In a dump these lines make long runs of short
lines, which smoothing takes for a list of links. What tells them apart is the numbering: a
clause head carries the next number of its style after the previous head (二 after 一), a menu
or a teaser list does not number its entries that way in Chinese enumerators, and a numbered
list of headlines is a list (its lines are list entries to the ladder already, and stay so).

A sequence of ``MIN_CLAUSES`` heads or more, numbered 1, 2, 3 … in one style, with article text
among or just before them, is the notice's outline: its undecided heads are text (``clause``), and
the short lines between two of its heads are the clauses' own text, decided by smoothing between
them as usual.

>>> from cleantext.boilerplate.context import Judged
>>> from cleantext.boilerplate.features import features_of
>>> from cleantext.model import Block, BlockClass, DropReason, KeepReason
>>> prose = "为改善老旧小区居民出行条件，根据有关规定，现就有关工作通知如下。"
>>> lines = [prose, "一、申报范围", "二、补贴标准", "每台补贴二十万元。", "三、申报时间"]
>>> blocks = [Block(i, text, source="text") for i, text in enumerate(lines)]
>>> judged = [Judged(BlockClass.GOOD, KeepReason.BODY, features_of(prose), dump=True)]
>>> judged += [Judged(BlockClass.SHORT, DropReason.SHORT, features_of(t), dump=True) for t in lines[1:]]
>>> numbered_clauses(blocks, judged)
>>> [str(item.reason) for item in judged]
['body', 'clause', 'clause', 'short', 'clause']
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.model import Block, BlockClass, KeepReason, Step
from cleantext.regexes import compiled

MIN_CLAUSES = 3  # heads in sequence: two numbered lines may be chance, three are an outline
MAX_HEAD_UNITS = 40  # units: a clause head, or a one-line clause (（二）电梯验收合格证明；)
# Blocks before the first head where the notice's text may stand (its opening sentence, a label)
MAX_LEAD = 3
NUMERALS = "一二三四五六七八九十"
# A clause's number at the start of its line, in the styles Chinese documents use: 第三条 (article),
# （三） or (3) (a sub-clause), 三、 (a section), 3、 (a numbered point with the enumeration comma).
ENUMERATOR = compiled(
    rf"\s*(?:第([{NUMERALS}\d]{{1,3}})([条章节款])|[（(]([{NUMERALS}]{{1,3}}|\d{{1,2}})[)）]"
    rf"|([{NUMERALS}]{{1,3}})\s*[、．]|(\d{{1,2}})\s*、)"
)
HEAD_OPENINGS = "第（(" + NUMERALS + "0123456789"  # a quick test before the pattern: most lines open otherwise
GOOD, SHORT = BlockClass.GOOD, BlockClass.SHORT
TO_CLAUSE = Step("numbered_clauses", GOOD, KeepReason.CLAUSE)


def numeral(text: str) -> int:
    """The value of a number written in digits or in Chinese numerals up to 99 (0 if neither).

    >>> numeral("三"), numeral("十二"), numeral("二十"), numeral("二十一"), numeral("12")
    (3, 12, 20, 21, 12)
    """
    if text.isdigit():
        return int(text)
    digits = [NUMERALS.index(c) + 1 for c in text if c in NUMERALS]
    if len(digits) != len(text) or not digits:
        return 0
    if len(digits) == 1:
        return digits[0]
    if digits[0] == 10:  # 十二
        return 10 + digits[1] if len(digits) == 2 else 0
    if digits[1] == 10:  # 二十, 二十一
        return digits[0] * 10 + (digits[2] if len(digits) == 3 else 0)
    return 0


def enumerator(text: str) -> tuple[str, int] | None:
    """A line's clause number: (its style, its value), or None."""
    match = ENUMERATOR.match(text)
    if match is None:
        return None
    article, kind, sub, section, point = match.groups()
    if article is not None:
        return "第" + kind, numeral(article)
    if sub is not None:
        return ("（一）" if not sub.isdigit() else "(1)"), numeral(sub)
    if section is not None:
        return "一、", numeral(section)
    return "1、", numeral(point)


def _sequences(blocks: list[Block], judged: list[Judged]) -> list[list[int]]:
    """Indices of the heads of each sequence numbered 1, 2, 3 … in one style."""
    open_: dict[str, list[int]] = {}  # style → the heads of its current sequence
    done: list[list[int]] = []
    for block, item in zip(blocks, judged, strict=True):
        if item.feats.units > MAX_HEAD_UNITS or block.text[:1] not in HEAD_OPENINGS:
            continue
        found = enumerator(block.text)
        if found is None:
            continue
        style, value = found
        heads = open_.get(style)
        if heads is not None and value == numeral_of(blocks, heads[-1], style) + 1:
            heads.append(block.index)
        elif value == 1:
            if heads is not None:
                done.append(heads)
            open_[style] = [block.index]
    done.extend(open_.values())
    return [heads for heads in done if len(heads) >= MIN_CLAUSES]


def numeral_of(blocks: list[Block], index: int, style: str) -> int:
    found = enumerator(blocks[index].text)
    return found[1] if found is not None and found[0] == style else -1


def numbered_clauses(blocks: list[Block], judged: list[Judged]) -> None:
    """Make the undecided heads of a numbered outline with article text around it text (in place)."""
    for heads in _sequences(blocks, judged):
        first, last = heads[0], heads[-1]
        if not any(item.cls is GOOD for item in judged[max(0, first - MAX_LEAD) : last + 1]):
            continue
        for i in heads:
            if judged[i].cls is SHORT:
                judged[i].set(TO_CLAUSE)
