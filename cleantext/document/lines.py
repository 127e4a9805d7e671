"""Metadata written in the page's own lines: ``时间:2025-07-03 09:55:12来源:中国新闻网``,
``发布时间：``, ``作者：``, ``来源：``, ``By Jane Doe``, ``Published: …``.

Bylines come labelled (``作者：张三``, ``Author: Jane Doe``; several writers after one label,
``作者：张三 李四``) or in forms of their own: ``By Jane Doe``, ``文/张三`` (the writer, often
next to ``图/`` for the photographer), ``记者 张三 通讯员 李四`` or ``（记者 张三）`` (the
reporter first; the newsroom glued before 记者, ``人民日报记者 张三``, is part of the credit).
Names a page gives by position only (under the headline, closing the story) are ``names``'.
An unlabelled name is taken only when it has a Chinese name's length, ends where the line, a
bracket or the next credit does, and the line holds nothing else: prose that goes on after 记者
or a photo caption (``…记者张三摄``) is no byline.
A ``By`` line names one author: ``by X and Y`` ends many a sentence (``used by A and B.``).

Such lines sit just before (or, for credits, just after) the article. A line is *consumed* — it
leaves the body — when, once its labels, values and date are taken out, almost nothing remains.

>>> m = read_line("时间:2025-07-03 09:55:12来源:中国新闻网")
>>> m.date, m.site, m.consumed
('2025-07-03T09:55:12', '中国新闻网', True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cleantext.document.dates import date_span, dated, find_date, relative_span
from cleantext.document.names import bracketed_name
from cleantext.document.vocabulary import NAMELESS_SOURCES
from cleantext.regexes import compiled
from cleantext.text import WORD_UNITS, both_scripts, letter_counts, units_of

# Labels are written in Simplified Chinese and compiled to match Traditional too (``both_scripts``).
STOP = (
    r"(?=\s{2,}|[\s　|｜/]*(?:时间|日期|发布|来源|出自|作者|记者|编辑|责任编辑|浏览|阅读|点击|字号|$)"
    r"|\s?[\]】)）|｜])"
)
LABEL_COLON = r"[:：]"  # between a label and its value
# A value is no markup a converter left behind (html2text writes ``作者： size="20"``), and may
# stand in brackets (``来源：[ 国际金融报 ]``): an opening bracket is not the value.
VALUE = LABEL_COLON + r"\s*(?:[\[【]\s*)?([^\s:：|｜\[\]【】=\"]{1,40}?)" + STOP
# A picture's, a video's or a figure's source (``图片来源：…``, ``数据来源：…``) is not the article's.
SITE = compiled(both_scripts(r"(?<!图片)(?<!照片)(?<!视频)(?<!数据)(?:来源于?|稿源|出处|source)" + VALUE), re.I)
CJK_NAME = r"([\u4e00-\u9fff·]{2,4})"
# Several writers after one label, split by spaces or 、 (``作者：宋怡 杨志华``), a name maybe
# followed by its Latin form in brackets (``作者：周思博 (Joel Spolsky)``); a label word is no name
# (``记者：张三 通讯员 李四``: the reporter). Latin names are capitalised words (``Author: Jane Doe``).
NOT_A_NAME = r"(?!通讯员|实习生|责任|编辑|摄影|摄|来源|出自|时间|日期|发布|报道|发自)"
ONE_NAME = (
    NOT_A_NAME + r"[\u4e00-\u9fff·]{2,4}(?:\s*[(（][A-Za-z][A-Za-z .'-]{1,40}[)）])?"
    r"|(?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})"
)
NAMES = r"(?:" + ONE_NAME + r")(?:(?:\s+|\s*[、，,]\s*|\s+and\s+)(?:" + ONE_NAME + r")){0,3}"
NAMES_END = (
    r"(?=\s*$|\s{2,}|\s+\d|[\s　|｜/]*(?:时间|日期|发布|来源|出自|通讯员|实习生|编辑|$)|\s?[\]】)）|｜·•,，]"
    r"|\s*[(（](?![A-Za-z]))"  # a bracket opening the writer's title or school: ``作者：张三（北京大学教授）``
)
# Two or three Chinese names written with no space between, and nothing else (no 发自, 摄…)
CJK_NAMES = r"((?:(?!发自|报道|通讯员|摄)[\u4e00-\u9fff·]){5,8})"
# Where an unlabelled Chinese name ends: the line, a closing bracket, the next credit (not 摄:
# ``记者张三摄`` credits a photograph, not the article); after a space also a space or a list mark.
# Glued to 记者 a word ending at a space is a compound's end (``小记者训练营``), not a name.
CJK_NAME_END = r"(?<!摄)(?=$|[)）\]】]|\s*通讯员|报道|发自)"
CJK_SPACED_NAME_END = r"(?<!摄)(?=$|\s|[)）\]】,，、;；]|通讯员|报道|发自)"
PEN_NAME = r"([^\s/／|｜:：，,。；;（）()【】\[\]]{1,20})"
# A reporter's newsroom before the names after a label (``作者：新华社记者 张三``)
NEWSROOM_REPORTER = r"(?:[\u4e00-\u9fff·]{0,10}?记者\s*)?"
# A Chinese writer's label (作者, 撰文, 撰稿人, 记者) and its name with a colon between, a space maybe
# before it (``作者 :张三``)
WRITER_SEP = r"\s*[:：]"
# Or with a bar or a slash (``作者｜张三``, ``作者/张三``, ``文 | 张三``; 文/ is a CREDIT), the label opening
# the line or a part of it, not after a bar or a slash: a menu's items and a breadcrumb's stand between
# them (``首页 | 作者 | 关于``). 文 is a word of its own there (not 中文|English).
BAR_LABEL = r"(?:^|(?<![|｜/／])[\s（(【\[])(?:(?:作者|撰文|撰稿人?)\s*[|｜/／]|文\s*[|｜])\s*"
# The photographs' credit beside the writer's (``文/图 张三``, ``文｜图：张三``): the name after it is
# the writer's too
PHOTO = r"(?:图(?:片)?(?:\s*[:：/／|｜]\s*|\s+))?"
BAR_VALUE = r"(?:[\[【]\s*)?([^\s:：|｜\[\]【】=\"/／]{1,40}?)" + STOP  # after 文/: any name up to a space or mark
# A byline naming several writers (``By Dana A. Ford, Chien-Ming Wang and Tom Watkins, CNN``) is read
# only when it is the whole line; the fewest names are taken, so that a newsroom's acronym after
# the last comma stays out.
LATIN_NAME = r"(?-i:[A-Z][\w.'-]*(?:\s+(?:(?:de|del|della|van|von|der|da|di|la|le)\s+)?[A-Z][\w.'-]*){0,3})"
LATIN_NAMES = LATIN_NAME + r"(?:\s*,\s*(?:and\s+)?" + LATIN_NAME + r"|\s+(?:and|&)\s+" + LATIN_NAME + r"){0,5}?"
# Bylines in French (par), Spanish and Portuguese (por) and German (von): in prose and in headlines
# these are common words ("Par ailleurs", "Von Bären und Menschen"), so each name must have two
# words or more (a given name and a surname) and the line hold nothing else (but a date after a
# dash). Dutch "door" is left out: it is also an English word that opens headlines.
OTHER_BY = r"(?:par|por|von)"
OTHER_BY_AT = r"(?:^|[|｜•]|\s-)\s*"  # where those open a byline: the line's start, or a part's after a separator
FULL_NAME = r"(?-i:[A-Z][\w.'-]*(?:\s+(?:(?:de|del|della|van|von|der|da|di|la|le|dos|das)\s+)?[A-Z][\w.'-]*){1,3})"
OTHER_AND = r"(?:,|\s+(?:et|y|e|und|and|&))"  # "and" in those languages, or a comma
FULL_NAMES = FULL_NAME + r"(?:" + OTHER_AND + r"\s+" + FULL_NAME + r"){0,3}?"
# A date ahead: a digit in the next two words (``March 3, 2024``, ``3 mars``, ``03.03.2024``)
DATE_AHEAD = r"(?=\S*\d|\S+\s+\d)"
# Where a byline's names end: the line's end; a dash or a bar before its date; a comma before a word
# in lower case (but "and": ``A, B, and C``) or a digit (``Par Jean Dupont, publié le …``; before a
# capital, another name); "on" before the date (``By Jane Doe on March 3, 2024``; in German, French
# and Spanish the word before the date follows capitalised words that read as more of the name)
AND_WORD = r"(?:and|et|y|e|und)\b"
BY_NAME = r"((?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}))"  # one name after "by": capitalised words
BYLINE_END = r"\s*(?:$|[—–|•]|-\s|,\s*(?!" + AND_WORD + r")(?-i:[a-zà-ÿ\d])|(?<=\s)(?-i:on)\s+" + DATE_AHEAD + ")"
# Writers credited beside the byline's in brackets (``Par Jean Dupont (avec Marie Curie)``) are the
# byline's too: "with" in French, Spanish, Portuguese and German
WITH_NAMES = r"(?:\s*\((?:avec|con|com|mit)\s+" + FULL_NAMES + r"\))?"
MAX_BYLINE_LEAD_WORDS = 3  # words before "by Name" in a byline (``Photos and story by``); more is a sentence
AUTHOR = compiled(
    both_scripts(
        # labelled: 作者：张三, Author: Jane Doe; 文： only as a word of its own (a name ending in 文,
        # ``王文：…``, opens many a headline)
        r"(?:(?:作者|撰文|撰稿人?|(?<!小)记者)" + WRITER_SEP + r"|(?:author|written by)" + LABEL_COLON + r")"
        + r"\s*" + NEWSROOM_REPORTER + r"(" + NAMES + ")" + NAMES_END + "|"
        # 发文机关: the body that issues an official document, its author in a notice's header table
        r"(?:(?<!责任)(?:作者|记者|撰文|图文|发文机关)|(?<![\u4e00-\u9fff])文|author|by)" + VALUE
        # By A, B and C, CNN: the line alone, or a date after a dash (By Ana Rivera — March 3, 2024)
        + r"|^\s*by\s+(" + LATIN_NAMES + r")(?:\s*,\s*(?-i:[A-Z]{2,}))?" + BYLINE_END
        # Par Jean Dupont, Von Max Müller: opening the line or one of its parts (``Le Monde | … | Par …``)
        + r"|" + OTHER_BY_AT + OTHER_BY + r"\s+(" + FULL_NAMES + WITH_NAMES + ")" + BYLINE_END
        + r"|(?:^|\s)by\s+" + BY_NAME + r"\s*(?:$|[|,·•])"  # a byline: By Jane Doe
        # Posted by Jane Doe on March 3, 2024: a byline's few words before "by" (a sentence has more)
        + rf"|^\s*(?:[\w'-]+\s+){{1,{MAX_BYLINE_LEAD_WORDS}}}by\s+" + BY_NAME + r"\s+(?-i:on)\s+" + DATE_AHEAD
        # 作者｜张三 李四, 文 | 深夜的猫: names, else any pen name, after a bar or a slash
        + r"|" + BAR_LABEL + r"(" + NAMES + ")" + NAMES_END
        + r"|" + BAR_LABEL + PHOTO + BAR_VALUE
    ),
    re.I,
)
# Credits without a label's colon: 文/张三 (the writer), 本报记者 张三 通讯员 李四, （记者 张三）. Prose
# holds the same words, so such a name counts only on a line that is nothing else.
CREDIT = compiled(
    both_scripts(
        r"(?:^|[\s（(【\[])文\s*[/／]\s*" + PHOTO + PEN_NAME  # 文/张三, 文/图 张三
        + r"|记者\s+((?:" + NOT_A_NAME + r"[\u4e00-\u9fff·]{2,4}\s+){1,2}" + NOT_A_NAME + r"[\u4e00-\u9fff·]{2,4})"
        + r"(?=\s*$|\s*[)）\]】]|\s+通讯员)"  # 光明日报记者 张三 李四: the reporters, each name spaced
        + r"|记者\s+" + CJK_NAME + CJK_SPACED_NAME_END  # 本报记者 张三 通讯员 李四
        + r"|(?<!小)记者" + CJK_NAME + CJK_NAME_END  # （记者张三）, 本报记者张三发自北京; 小记者: young reporters
        + r"|(?:^|[报社台网站])记者" + CJK_NAMES + r"$"  # 本报记者张三李四: two names glued, alone on the line
    )
)
# A byline's word alone on a line (``By``, ``Par``, ``作者：``, ``文/``), the name on the next line: a
# dump breaks the byline where the page put the name in a link or a list's entry. A label needs its
# colon: bare, ``Author`` and ``作者`` head a table's column (``Title / Date / Author``). The next
# line must be nothing but names: a given name and a surname (``FULL_NAMES``), or Chinese names.
BYLINE_WORD = compiled(
    both_scripts(r"^\s*(?:(?:by|written by|" + OTHER_BY + r")\s*[:：]?|(?:author|作者|撰文)\s*[:：]|文\s*[/／])\s*$"),
    re.I,
)
SPLIT_NAMES = compiled(
    r"^\s*(" + FULL_NAMES + r"|(?:" + NOT_A_NAME + r"[\u4e00-\u9fff·]{2,4})(?:(?:\s+|\s*[、，,]\s*)"
    + NOT_A_NAME + r"[\u4e00-\u9fff·]{2,4}){0,3})\s*$"
)
# The label of a notice's issuer (see AUTHOR): its header table (索引号, 发文机关, 成文日期, 发文字号)
# is part of the notice, cited by its number and dates, and stays in its text.
ISSUER = compiled(both_scripts("发文机关"))
WRITER_BAR = r"(?:作者|撰文|撰稿人?|文)\s*[|｜]"  # a writer's label and a bar (both scripts write these alike)
WRITER_BAR_SEARCH = compiled(WRITER_BAR)  # for may_name
# Every labelled value follows a colon, every byline holds "by", a slash, 记者 or a writer's bar: most lines hold
# none, and skip the searches. ``may_name`` tests it; this is the test as one case-blind pattern.
MAY_NAME = LABEL_COLON + "|by|" + OTHER_BY_AT + OTHER_BY + "\\s|[/／]|" + both_scripts("记者") + "|" + WRITER_BAR
REPORTER = ("记者", "記者")  # 记者 in both scripts, for may_name
BY = compiled(r"by|" + OTHER_BY_AT + OTHER_BY + r"\s", re.I)  # "by", or another language's byline word (OTHER_BY_AT)
LABELS = compiled(
    both_scripts(
        r"(?:发布|发表|更新|出版)?(?:时间|日期)|来源|稿源|作者|发文机关|记者|通讯员|责任编辑|编辑|浏览(?:次数)?|阅读(?:量)?|点击(?:数)?|"
        r"published|posted|updated|date|source|author|by|on|\b" + OTHER_BY + r"\b"
    ),
    re.I,
)
# The newsroom a reporter writes for, glued before 记者 (``新华日报·交汇点记者``), is part of the credit.
NEWSROOM = compiled(both_scripts(r"[\u4e00-\u9fff·]{1,12}(?=记者)"))
# A dump's stand-in for a button or a picture, one word or file name in brackets (``[点击此处收藏本文]``,
# ``[share.png]``): no words of the line's. Bracketed words with spaces (``[214 total comments]``) are text.
STAND_IN = compiled(r"\[[^\[\]\s]+\]")
RESIDUE_NOISE = compiled(r"[\s:：|｜\[\]【】()（）/\\,，.·•\-—_\d]+")
# Latin words of one or two letters left between a dateline's parts (``at``, ``PM``, ``ET``, ``p.m.``)
# say nothing more about the article; longer words do (a sentence mentioning a date has many).
SHORT_WORD = compiled(r"(?<![^\W\d_])[A-Za-z]{1,2}(?![^\W\d_])")
# A date right after one of these labels is when a user joined the site, printed on a forum's user
# card beside every post (``Joined: Sat Mar 02, 2019``, ``注册时间：2019-03-02``), not the page's date.
MEMBER_SINCE = compiled(
    both_scripts(
        r"(?:joined|registered|member since|注册(?:时间|日期|于)?|加入(?:时间|日期|于))\s*[:：]?"
        r"(?:\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?)?\s*$"  # the weekday before a named month
    ),
    re.I,
)
MAX_BYLINE_WORD_CHARS = 16  # characters: a byline's word alone, with spaces around (see BYLINE_WORD)
MAX_SPLIT_NAMES_CHARS = 80  # characters: four names and the words between them
MAX_META_UNITS = 60  # units: longer lines are prose that happens to mention a date or a source
MAX_RESIDUE_UNITS = 6  # units left after the metadata is taken out: more means the line says more
# At the article's edges (its first and last lines, and above and below them) a byline or a date
# line carries a trailer: the writer's role or source (``by R. Hale, from the collection …``), the
# page's footer (``… registered charity no. 1. Page updated 1 March 2024.``). There a Latin word of
# the residue counts one unit, not ``WORD_UNITS`` (six words may stand beside the metadata; CJK
# characters count as anywhere); inside the article, a sentence that names a date or ends with
# "by Someone" is text.
EDGE_WORD_UNITS = 1
# A line longer than a metadata line may still open with the article's date, when the page glues
# its toolbar after it (``2019-09-07 13:43:45 来源：… 分享到 … 字号 …``): the date counts if it
# stands within the line's first characters with only a label before it, and carries a time of
# day or a label (an article's lead opens with a bare date too: ``2019年9月7日，记者从…``).
LEAD_CHARS = 40  # characters
TIME_OF_DAY = compiled(r"\d[:：]\d\d")


@dataclass(frozen=True)
class LineMeta:
    """What one line says about the article."""

    date: str | None = None
    site: str | None = None
    author: str | None = None
    consumed: bool = False


NO_META = LineMeta()  # what most lines say (immutable, so one instance serves them all)


def may_name(text: str) -> bool:
    """Does ``MAY_NAME`` (case-blind) occur in ``text``? The colons, slashes and 记者 have no case, so
    substring tests find them, and the pattern's search is left with "by" alone."""
    return (
        ":" in text
        or "：" in text
        or "/" in text
        or "／" in text
        or any(word in text for word in REPORTER)
        or BY.search(text) is not None
        or (("|" in text or "｜" in text) and WRITER_BAR_SEARCH.search(text) is not None)
    )


# What joins two dates into a period: 至, 到, a dash or a tilde, "to", "until" (and French, German).
RANGE_JOIN = compiled(r"\s*(?:至|到|~|～|－|—|–|-|to|until|till|au|bis)\s*", re.I)


def _first_group(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    value = next((g for g in match.groups() if g), None)
    return value.strip() if value else None


def read_line(text: str, lang: str | None = None, units: int | None = None, *, edge: bool = False) -> LineMeta:
    """Date, site and author written in one short line, and whether the line is only that.
    ``units`` is the line's length when the caller measured it already (the boilerplate stage);
    ``edge``: the line stands at the article's edge (a Latin word of its residue counts ``EDGE_WORD_UNITS``)."""
    if (units_of(text) if units is None else units) > MAX_META_UNITS:
        return NO_META
    found = dated(text, lang)
    if found and _period(text):
        return NO_META  # two dates joined as a period (申报时间 X至Y): a deadline in the text
    # after a membership label the date is a user card's join date
    date = found[1] if found and not MEMBER_SINCE.search(text, 0, found[0]) else None
    site_m = author_m = credit_m = None
    if may_name(text):
        site_m, author_m = SITE.search(text), AUTHOR.search(text)
        credit_m = CREDIT.search(text) if author_m is None else None
    site, author = _first_group(site_m), _first_group(author_m or credit_m)
    if not (date or site or author):
        return NO_META
    if author is None and ("[" in text or "【" in text):
        author = bracketed_name(text)  # a dateline's writer in brackets: ``[ 黄宇 ] 来源：…``
    word_units = EDGE_WORD_UNITS if edge else WORD_UNITS
    consumed = _residue_units(text, site, author, date_span, word_units) <= MAX_RESIDUE_UNITS
    consumed = consumed and not (author and ISSUER.search(text))  # a notice's header row stays its text
    if not consumed and (credit_m is not None or _by_in_prose(text, author_m)):
        author = None  # an unlabelled credit, or "by Name" ending a sentence: see CREDIT
    if site is not None and site.lower() in NAMELESS_SOURCES:
        site = None  # ``来源：本站原创``: a source line naming no publisher
    return LineMeta(date, site, author, consumed)


def _period(text: str) -> bool:
    """Does the line's first date run on to a second (``2024年4月15日至2024年6月30日``,
    ``1 May to 30 June 2024``)? A page's date is one day; two joined so are a period the text sets."""
    span = date_span(text)
    if span is None:
        return False
    joined = RANGE_JOIN.match(text, span[1])
    if joined is None:
        return False
    second = date_span(text[joined.end() :])  # right after the join: "X - Updated Y" is two dates
    return second is not None and second[0] == 0 and dated(text[joined.end() :]) is not None


def _residue_units(
    text: str,
    site: str | None,
    author: str | None,
    span_of: Callable[[str], tuple[int, int] | None],
    word_units: int = WORD_UNITS,
) -> int:
    """Units left of ``text`` once its site, author, the span ``span_of`` finds and its labels are
    taken out, a Latin word counting ``word_units``."""
    residue = STAND_IN.sub(" ", text)  # a dump's button or picture beside the dateline is not its words
    for found in (site, author):
        if found:
            residue = residue.replace(found, " ")
    if author:
        residue = NEWSROOM.sub("", residue)
    span = span_of(residue)
    if span:
        residue = residue[: span[0]] + " " + residue[span[1] :]
    # the noise leaves a space: taken out, it would glue the words around it into one (a sentence
    # that mentions a date would weigh a word or two, and leave the body as a line of metadata)
    cjk, words = letter_counts(SHORT_WORD.sub(" ", RESIDUE_NOISE.sub(" ", LABELS.sub("", residue))))
    return cjk + word_units * words


def _by_in_prose(text: str, author_m: re.Match[str] | None) -> bool:
    """Is ``author_m`` the byline form (``by Name``, no label) after more words than a byline's
    lead-in (``Story by``, ``Posted by``): a sentence ending "… approved by Parliament."?"""
    if author_m is None or author_m.group(1) is not None:
        return False
    return len(text[: author_m.start()].split()) > MAX_BYLINE_LEAD_WORDS


def split_byline(text: str, following: str) -> str | None:
    """The writer a byline names on the line after its word (see ``BYLINE_WORD``).

    >>> split_byline("por", "César Salza"), split_byline("作者：", "张三"), split_byline("by", "the way")
    ('César Salza', '张三', None)
    """
    if len(text) > MAX_BYLINE_WORD_CHARS or not BYLINE_WORD.match(text):
        return None
    found = SPLIT_NAMES.match(following) if len(following) <= MAX_SPLIT_NAMES_CHARS else None
    return found.group(1).strip() if found else None


def relative_line(text: str, units: int | None = None) -> bool:
    """Is ``text`` a line of metadata whose date is relative (``张三 3小时前``, ``昨天 10:20 来源：X``)?
    Prose that says ``3天前`` is not: the line must hold nothing more, as for ``consumed``."""
    if (units_of(text) if units is None else units) > MAX_META_UNITS or relative_span(text) is None:
        return False
    site = author = None
    if may_name(text):
        site = _first_group(SITE.search(text))
        author = _first_group(AUTHOR.search(text) or CREDIT.search(text))
    return _residue_units(text, site, author, relative_span) <= MAX_RESIDUE_UNITS


def lead_date(text: str, lang: str | None = None) -> str | None:
    """The date that opens a line too long to be read by ``read_line`` (see ``LEAD_CHARS``)."""
    head = text[:LEAD_CHARS]
    span = date_span(head)
    if span is None:
        return None
    before = head[: span[0]]
    if RESIDUE_NOISE.sub("", LABELS.sub("", before)):
        return None  # words before the date: it is in a sentence, not a dateline
    if not (TIME_OF_DAY.search(head, span[0], span[1]) or LABELS.search(before)):
        return None
    return find_date(head[span[0] :], lang)
