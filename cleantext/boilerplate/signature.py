"""A notice's signature: the issuer's name and the date under its last paragraph are text.

Chinese official documents (notices, announcements, replies: 通知, 公告, 通告, 批复) end with a
signature block (落款): the issuing body's name on a line of its own, and under it the date the
document was signed, written in full (``2024年4月8日``, or in numerals: ``二〇二四年四月八日``). A
joint document names two or three bodies, a line each. The block is the document's, as a letter's
signature is the letter's; but each of its lines is short, with no sentence in it, so the ladder
leaves them undecided and smoothing drops them as lines after the text.

What tells the block from a page's chrome is its shape: lines that are only an institution's name
(ending in an institution's word: 政府, 委员会, 局, 办公室, 中心, 公司 …) under the last kept block
(a line or two apart at most), then a line that is only a full date. A site's footer names its
owner after a label (``主办单位：…``), and its dates stand beside other words; a related list's
entries are sentences or headlines, not names.

>>> from cleantext.boilerplate.context import Judged
>>> from cleantext.boilerplate.features import features_of
>>> from cleantext.model import Block, BlockClass, DropReason, KeepReason
>>> lines = ["现将有关事项通知如下，请认真贯彻执行。", "某某市住房和城乡建设局", "2024年4月8日", "网站地图"]
>>> blocks = [Block(i, text, source="text") for i, text in enumerate(lines)]
>>> judged = [Judged(BlockClass.GOOD, KeepReason.BODY, features_of(lines[0]), dump=True)]
>>> judged += [Judged(BlockClass.BAD, DropReason.SHORT, features_of(t), dump=True) for t in lines[1:]]
>>> signature(blocks, judged)
>>> [str(item.reason) for item in judged]
['body', 'signature', 'signature', 'short']
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step
from cleantext.regexes import compiled

# The last word of an institution's name: a government (政府), a committee (委员会, 委), a bureau,
# department or office (局, 厅, 部, 处, 科, 办公室, 办), a centre, a court or an academy (中心, 院, 庭),
# an institute (所), an association (会), a company or a group (公司, 集团), a school (学校, 大学,
# 学院), a station or a team (站, 队), an agency (署), a library or museum (馆), a working group (组),
# a society (社), a bank (银行).
INSTITUTION = "府会委局厅部处科室办心院庭所司团校站队署馆组社"
ISSUER = compiled(rf"[\u4e00-\u9fff（）()·]{{2,30}}(?:[{INSTITUTION}]|银行)")
# A date in full and nothing else, in digits or in Chinese numerals (二〇二四年四月八日).
YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
DAY_OR_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
SIGNED_DATE = compiled(rf"{YEAR}\s*年\s*{DAY_OR_MONTH}\s*月\s*{DAY_OR_MONTH}\s*日")
# Dropped blocks between the last kept one and the signature: a dump may set an attachment's second
# line apart as a list entry the ladder drops (``2. 申报材料清单.pdf``)
MAX_GAP = 3
MAX_ISSUERS = 3  # lines of issuers' names over the date: a joint document names two or three bodies
GOOD = BlockClass.GOOD
TO_SIGNATURE = Step("signature", GOOD, KeepReason.SIGNATURE)


def _undecided(item: Judged) -> bool:
    """A line the ladder left to its neighbours and smoothing dropped (no named boilerplate)."""
    return item.cls is not GOOD and item.reason is DropReason.SHORT


def signature(blocks: list[Block], judged: list[Judged]) -> None:
    """Keep the signature block (issuers' names, then the full date) under the last kept block,
    at most ``MAX_GAP`` blocks below it (in place)."""
    last = next((i for i in range(len(judged) - 1, -1, -1) if judged[i].cls is GOOD), None)
    if last is None:
        return
    issuers: list[int] = []
    below = range(last + 1, min(len(blocks), last + 1 + MAX_GAP))
    i = next((j for j in below if ISSUER.fullmatch(blocks[j].text.strip())), -1)
    if i < 0:
        return
    while i < len(blocks) and len(issuers) < MAX_ISSUERS and _undecided(judged[i]):
        if not ISSUER.fullmatch(blocks[i].text.strip()):
            break
        issuers.append(i)
        i += 1
    if not issuers or i == len(blocks) or not _undecided(judged[i]):
        return
    if SIGNED_DATE.fullmatch(blocks[i].text.strip()):
        for j in (*issuers, i):
            judged[j].set(TO_SIGNATURE)
