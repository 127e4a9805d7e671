"""Chinese writers' names standing without a label: where a page credits its writer by position.

Four places do it:

- a line of its own right under the headline, holding only the writer's name (``胡平``, or several:
  ``赵延东、风笑天``), as essays, papers and columns print it;
- a dateline, the names in square brackets beside the date and source (``[ 黄宇 ] 来源：…``);
- the article's start, a wire story's dateline (``新华社拉萨1月2日电（记者 张三）``);
- the article's end, the names in brackets closing its last paragraph or on a line of their own
  (``……过一个祥和的春节。（常书香 马丹阳）``, ``（袁源）``, ``（总台记者 张倩）``), as news
  agencies sign a story.

Brackets and short lines hold many other things (``（完）``, ``（待续）``, ``（全文）``, a place, a
company), so a name must read as one: two or three Chinese characters opening with a common surname
(the first of several names, the others only need a name's length), and none of the words that
close a story. Positions are the caller's to check (``scan.placed_author``): the line right under
the headline, or right above the story's first paragraph in its header; after the story, only
names in brackets.

>>> closing_names("过一个平安、祥和的春节。（常书香 马丹阳 ）")
'常书香 马丹阳'
>>> name_line("赵延东、风笑天"), signature_line("（完）"), name_line("全文"), name_line("关于我们")
('赵延东、风笑天', None, None, None)
"""

from __future__ import annotations

import re

from cleantext.regexes import compiled
from cleantext.text import both_scripts

# The commonest Chinese surnames (together they cover most of the population), compound ones first.
COMPOUND_SURNAMES = "欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|公孙|夏侯|端木|长孙|宇文|司徒"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
    "汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟"
)
# Words brackets close a story with: the end, to be continued, the full text, pictures (``（全文完）``);
# and a header's buttons that open with a surname's character, a line of their own beside the
# writer's name and the date: follow, close, view (``关注``, ``关闭``, ``查看``)
NOT_NAMES = compiled(both_scripts(r"[完续]|全文|原文|译文|图文|图片|视频|组图|本文|来源|转载|关注|关闭|查看"))
GIVEN = r"[\u4e00-\u9fff]"
# A surname and one or two given characters (four-character words opening with a surname are
# mostly no names: ``关于我们``, ``安全退出``); a label's word is no name (``刘满仓 责任编辑``,
# ``（记者张三 整合）``: compiled by the reporter).
FIRST_NAME = r"(?:(?:" + COMPOUND_SURNAMES + r")|[" + SURNAMES + r"])" + GIVEN + r"{1,2}(?!" + GIVEN + ")"
OTHER_NAME = r"(?!责任|编辑|记者|通讯员|实习生|摄影|来源|整合|整理|编译|综合|报道)" + GIVEN + r"{2,4}"
NAMES = FIRST_NAME + r"(?:(?:\s+|\s*[、，,]\s*)" + OTHER_NAME + r"){0,3}"
NAME_LINE = compiled(both_scripts(r"^\s*(" + NAMES + r")\s*$"))
# After 记者 (``（总台记者 张倩）``) the label vouches for the names: any name's length will do.
COMPILED = r"(?:\s*(?:整合|整理|编译|综合|报道))?"  # the reporter compiled the story
# The other credits beside the reporters' in the brackets: the correspondent (通讯员), the intern
# (实习生), the photographer (摄影), before or after them (``（通讯员 李四 记者 张三）``,
# ``（记者 张三 通讯员 李四）``); the reporters are the writers.
OTHER_CREDIT = r"(?:通讯员|实习生|摄影)"
CREDIT_BEFORE = r"(?:" + OTHER_CREDIT + r"\s*[\u4e00-\u9fff·、，, ]{2,20}?\s+)?"
CREDIT_AFTER = r"(?:\s*" + OTHER_CREDIT + r"[^)）]{0,30})?"
REPORTERS = (
    CREDIT_BEFORE + r"[\u4e00-\u9fff·]{0,10}记者\s*("
    + OTHER_NAME + r"(?:(?:\s+|\s*[、，,]\s*)" + OTHER_NAME + r"){0,3})" + COMPILED + CREDIT_AFTER
)
SIGNATURE = r"[(（]\s*(?:" + REPORTERS + "|(" + NAMES + r"))\s*[)）]\s*$"
CLOSING = compiled(both_scripts(SIGNATURE))
SIGNATURE_LINE = compiled(both_scripts(r"^\s*" + SIGNATURE))
# A wire story's dateline credits its reporter in brackets: ``新华社拉萨1月2日电（记者 张三）``
# or without brackets, the names then ending at a space, 报道 (reports) or a colon: ``本报讯 记者 张三 报道：``
# (a newsroom before 记者 only after a space: ``据某电视台记者张三报道`` cites another outlet)
LAZY_NAME = r"(?!责任|编辑|记者|通讯员|实习生|摄影|来源|报道)" + GIVEN + r"{2,4}?"
UNBRACKETED = (
    r"(?:\s+[\u4e00-\u9fff·]{0,10}?)?记者\s*(" + LAZY_NAME + r"(?:(?:\s+|\s*[、，,]\s*)" + LAZY_NAME + r"){0,3})"
    r"(?=\s|报道|[:：])"
)
LEAD = compiled(both_scripts(r"[电讯](?:\s*[(（]\s*" + REPORTERS + r"\s*[)）]|" + UNBRACKETED + ")"))
LEAD_CHARS = 60  # characters of the article's first paragraph where its dateline stands
BRACKETED = compiled(both_scripts(r"[\[【]\s*(" + NAMES + r")\s*[\]】]"))


def _checked(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    names = next(group for group in match.groups() if group)
    return None if NOT_NAMES.search(names) else names


def name_line(text: str) -> str | None:
    """The names a line holds when it holds nothing else."""
    return _checked(NAME_LINE.match(text)) if len(text) <= 40 else None


def signature_line(text: str) -> str | None:
    """The names a line holds in brackets when it holds nothing else (``（袁源）``)."""
    return _checked(SIGNATURE_LINE.match(text)) if len(text) <= 40 else None


def closing_names(text: str) -> str | None:
    """The names in brackets that close ``text`` (a story's last paragraph), if any."""
    return _checked(CLOSING.search(text[-40:]))


def lead_credit(text: str) -> str | None:
    """The reporters a wire story's dateline credits, at the start of its first paragraph."""
    return _checked(LEAD.search(text[:LEAD_CHARS]))


def bracketed_name(text: str) -> str | None:
    """The names in square brackets on a dateline (``2004年7月16日08:19 [ 黄宇 ] 来源：…``)."""
    return _checked(BRACKETED.search(text))
