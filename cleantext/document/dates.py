"""Dates as pages write them → ISO 8601, keeping the local time as written.

Forms read: ``2025-07-03 09:55:12``, ``2025/7/3``, ``2025.07.03``, ``2025年7月3日 09:55``,
ISO with ``T`` and an offset (kept: ``+08:00``, ``Z``), ``July 3, 2025``, ``3 July 2025`` (a time
may follow, also after "at"), ``06/02/2022 - 13:48``; the month named in French, German, Spanish,
Portuguese, Italian, Dutch or Indonesian (``30 avril 2015 à 07:19``, ``24. Mai 2018``,
``21.dez.2018 às 12h55``, ``29-Jul-2004``). A day-month-year form with both numbers ≤ 12 is
ambiguous: it is read month-first only for English pages (``lang`` starting with ``en``),
day-first elsewhere, as most of the world writes it, unless the page's other dates say how it
writes them (``written_order``: a day above 12 first, or second). A page's language for this is its own claim
(``<html lang>``), where English of a region that writes the day first (``en-GB``) is not
month-first, or, on a page that claims none (every text dump), English when its text reads as
English (``date_language``). No timezone is ever invented.

Twelve-hour clocks are read to 24 hours: an ``AM``/``PM`` (``a.m.``, ``pm``) after the time, or a
period of the day before it as Chinese pages write it (``下午3:20``, ``晚上8:20``, ``上午11:20``).
``12`` is midnight in the morning (``12:30 AM`` → 00:30) and noon after it (``中午12:10`` → 12:10);
an hour past 12 already is a 24-hour reading and is kept as written (``下午15:20``).

Relative dates (``昨天 10:20``, ``3小时前``, ``2 days ago``) name no day by themselves: they are read
against a reference, the time the page was fetched (a WARC record's ``WARC-Date``), and only then
(``relative_date``). The day is the reference's minus the offset; a time of day is kept only
when the line writes one (``昨天 10:20``): ``3小时前`` gives the day alone, since the page's own
timezone is not known. So is a day written with its time but without its year (``发布时间：10-08
12:00``) read: in the latest year that does not put it after the fetch.

>>> find_date("时间:2025-07-03 09:55:12来源:中国新闻网")
'2025-07-03T09:55:12'
>>> find_date("2025年7月3日 09:55")
'2025-07-03T09:55'
>>> find_date("Published July 3, 2025"), find_date("Mon Jan 8, 2024 at 7:40 pm")
('2025-07-03', '2024-01-08T19:40')
>>> find_date("发表时间： 06/02/2022 - 13:48")
'2022-02-06T13:48'
>>> find_date("7/5/2005 9:23:57 PM", "en"), find_date("2024年5月15日 下午3:20")
('2005-07-05T21:23:57', '2024-05-15T15:20')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from cleantext.regexes import compiled
from cleantext.text import MONTH_NAME, MONTH_WORDS, MONTHS, both_scripts

DIGIT = compiled(r"\d")
# Every form below holds a year of four digits: most lines with a digit (a count, a time, a
# price) hold none, and skip the four searches.
YEAR_DIGITS = compiled(r"\d{4}")
MIN_YEAR, MAX_YEAR = 1990, 2100  # years outside are more likely numbers than publication dates
# Periods of the day Chinese pages write before a 12-hour time, by the hours they add to it (an
# hour of 12 in a morning period is midnight: see ``_hour``).
MORNING = ("凌晨", "早上", "早晨", "上午")
AFTERNOON = ("中午", "下午", "傍晚", "晚上", "晚间", "夜间")
DAY_PERIOD = "|".join(MORNING + AFTERNOON)
TIME = both_scripts(  # 时/號 in Traditional: 時, 號
    r"(?:\s*(?:T|\s|,|-|日|号)?\s*(?:(" + DAY_PERIOD + r")\s*)?"  # period of the day: 下午
    r"(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?"  # hh:mm[:ss]
    r"(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?"  # fraction, offset
    r"(?:\s*([AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?)?"  # AM / PM
)
HOURS_ON_CLOCK = 12  # a 12-hour clock's face: 12 AM is 0 h, 1–11 PM are 13–23 h
# Year and month are parted by a mark, or by a space when month and day are (``2019 09/07``).
YMD = compiled(r"(?<!\d)(\d{4})(?:\s*[-/.年]\s*|\s+)(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?" + TIME)
DMY = compiled(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)" + TIME)
# After a named month's date the time may follow a word for "at" or "@" (``May 12, 2024 at 9:15
# am``, ``30 avril 2015 à 07:19``, ``24. Mai 2018 um 7:19``), and be written ``12h55``.
NAMED_TIME = r"(?:\s+(?:at|à|às|a las|alle|um|om)(?=\s)|\s*@)?" + TIME.replace("[:：", "[:：h", 1)
MDY_NAMED = compiled(r"(?i)\b(?:" + MONTH_NAME + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b" + NAMED_TIME)
# The day may be followed by a point (``24. Mai 2018``) or ``de`` (``30 de abril de 2015``), or
# joined to the month by a point or dash (``21.dez.2018``).
DMY_NAMED = compiled(
    r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er)?(?:\.?\s+(?:de\s+)?|[.-])(?:" + MONTH_NAME + r")"
    r"(?:,?\s+(?:de\s+)?|[.-])(\d{4})\b" + NAMED_TIME
)


def _month(stem: str | None, word: str | None) -> int:
    """The month of a name that ``MONTH_NAME`` matched (its English stem, or another word)."""
    return MONTHS[stem[:3].lower()] if stem else MONTH_WORDS[(word or "").lower()]


def _hour(hh: str, period: str | None, meridiem: str | None) -> int:
    """The hour on a 24-hour clock. Periods and AM/PM apply to hours 1–12 only.

    >>> _hour("12", None, "A"), _hour("3", "下午", None), _hour("12", "中午", None), _hour("15", "下午", None)
    (0, 15, 12, 15)
    """
    hour = int(hh)
    if not 1 <= hour <= HOURS_ON_CLOCK:
        return hour
    if meridiem:
        after_noon = meridiem in "Pp"
    elif period:
        after_noon = period not in MORNING  # the morning words are written alike in both scripts
    else:
        return hour
    return hour % HOURS_ON_CLOCK + (HOURS_ON_CLOCK if after_noon else 0)


def _iso(y: int, m: int, d: int, time: tuple[str | None, ...] = ()) -> str | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        date(y, m, d)
    except ValueError:
        return None
    out = f"{y:04d}-{m:02d}-{d:02d}"
    period, hh, mm, ss, tz, meridiem = (tuple(time) + (None,) * 6)[:6]
    if hh is not None and mm is not None and int(mm) < 60 and (hour := _hour(hh, period, meridiem)) < 24:
        out += f"T{hour:02d}:{mm}" + (f":{ss}" if ss else "")
        if tz:
            out += tz if tz == "Z" or ":" in tz else f"{tz[:3]}:{tz[3:]}"
    return out


# Regions whose English writes the day first (7/5/2005 is 7 May): Britain, Ireland, Australia,
# New Zealand, India, South Africa, Singapore
DAY_FIRST_REGIONS = frozenset(("gb", "uk", "ie", "au", "nz", "in", "za", "sg"))
# English's most frequent words: the share of a text's words they make tells English text apart
# (about a fifth of English prose; a word or two in a hundred of other Latin-script languages)
ENGLISH_WORDS = frozenset("the and of to in is that for on with was it as are by this from at".split())
MIN_ENGLISH_SHARE = 0.1
MIN_ENGLISH_WORDS = 30  # words of text at least: fewer are a menu or a caption, no evidence
MAX_SAMPLE_CHARS = 4000  # characters of the text looked at: the language shows early


def date_language(claimed: str | None, text: str) -> str | None:
    """The language a page's numeric dates are read in (``en``: month first): the page's own claim
    (``<html lang>``, its region dropped; None for English of a region that writes the day
    first), else ``en`` when ``text`` reads as English, else None.

    >>> date_language("en-US", ""), date_language("en-GB", ""), date_language("zh-CN", "")
    ('en', None, 'zh')
    >>> date_language(None, "The council voted on Tuesday to keep the library open for the town " * 5)
    'en'
    """
    if claimed:
        lang, _, region = claimed.lower().replace("_", "-").partition("-")
        return None if lang == "en" and region[:2] in DAY_FIRST_REGIONS else lang
    words = text[:MAX_SAMPLE_CHARS].lower().split()
    if len(words) < MIN_ENGLISH_WORDS:
        return None
    common = sum(word in ENGLISH_WORDS for word in words)
    return "en" if common >= MIN_ENGLISH_SHARE * len(words) else None


def written_order(texts: Iterable[str]) -> str | None:
    """How a page writes its numeric dates, read from those that can be read one way only: ``dmy``
    when one opens with a number above 12 (``25/05/2005``), ``mdy`` when one has it second
    (``05/25/2005``); None when none tells, or when they disagree.

    >>> written_order(["Updated 25/05/2005", "Posted 7/5/2005"]), written_order(["05/25/2005 10:00"])
    ('dmy', 'mdy')
    >>> written_order(["7/5/2005"]) is None
    True
    """
    orders = set()
    for text in texts:
        if DIGIT.search(text) is None:
            continue
        for m in DMY.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 >= b:
                orders.add("dmy")
            elif b > 12 >= a:
                orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def ambiguous(text: str) -> bool:
    """Does ``text`` hold a numeric date that reads both ways (both numbers 12 or less)?

    >>> ambiguous("Posted 7/5/2005"), ambiguous("Posted 25/5/2005"), ambiguous("2005-07-05")
    (True, False, False)
    """
    return any(int(m.group(1)) <= 12 and int(m.group(2)) <= 12 for m in DMY.finditer(text))


def _dmy(match: re.Match[str], month_first: bool) -> str | None:
    a, b, y = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if a > 12 or (b <= 12 and not month_first):
        d, m = a, b
    else:
        m, d = a, b
    return _iso(y, m, d, match.groups()[3:])


def find_date(text: str, lang: str | None = None) -> str | None:
    """The first date written in ``text`` as ISO 8601, or None."""
    found = dated(text, lang)
    return found[1] if found else None


def dated(text: str, lang: str | None = None) -> tuple[int, str] | None:
    """Where the first date written in ``text`` starts, and the date as ISO 8601 (``find_date``);
    None without one."""
    if DIGIT.search(text) is None:  # most lines end here: one digit is found faster than four in a row
        return None
    if YEAR_DIGITS.search(text) is None:
        return None
    found: list[tuple[int, str]] = []
    m = YMD.search(text)
    if m:
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.groups()[3:])
        if iso:
            found.append((m.start(), iso))
    m = DMY.search(text)
    if m:
        iso = _dmy(m, month_first=(lang or "").startswith("en"))
        if iso:
            found.append((m.start(), iso))
    for pattern, order in ((MDY_NAMED, "mdy"), (DMY_NAMED, "dmy")):
        m = pattern.search(text)
        if m:
            g = m.groups()
            stem, word, day, y = g[:4] if order == "mdy" else (g[1], g[2], g[0], g[3])
            iso = _iso(int(y), _month(stem, word), int(day), g[4:])
            if iso:
                found.append((m.start(), iso))
    return min(found) if found else None


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first date (numeric with its time, or with the month's name) stands in ``text``.

    >>> text = "Posted Sun, May 12, 2024 at 9:15 am"
    >>> text[slice(*date_span(text))]
    'May 12, 2024 at 9:15 am'
    """
    found = (YMD.search(text), DMY.search(text), MDY_NAMED.search(text), DMY_NAMED.search(text))
    spans = [m.span() for m in found if m]
    return min(spans) if spans else None


# Days before the reference that pages name by a word (Simplified; ``both_scripts`` matches the
# Traditional forms too), and the units an ``N … ago`` offset counts in, in minutes.
DAY_WORDS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2, "today": 0, "yesterday": 1}
AGO_MINUTES = {"秒": 0, "分钟": 1, "分": 1, "小时": 60, "天": 1440, "周": 10080, "星期": 10080,
               "second": 0, "sec": 0, "minute": 1, "min": 1, "hour": 60, "hr": 60, "day": 1440, "week": 10080}
# A day word counts only as a word of its own, alone or before a time (``昨天 10:20``): glued to
# other characters it is part of a name (``今日头条``) or of prose.
RELATIVE = compiled(
    both_scripts(
        r"(?i)(?:^|(?<=[\s|｜·,，]))(" + "|".join(DAY_WORDS) + r")"
        r"(?:\s*(\d{1,2})\s*[:：]\s*(\d{2})(?!\d)|(?=\s|$|[|｜·,，]))"
        r"|(?<!\d)(\d{1,3})\s*(" + "|".join(sorted(AGO_MINUTES, key=len, reverse=True)) + r")s?\s*(?:前|ago\b)"
    )
)


# A day written without its year and with its time (``发布时间：10-08 12:00``, ``10月8日 12:00``): a
# recent page's, the year being the current one. The time is needed: numbers joined by a dash are
# a score, a range or a version too, and a headline opens with the day a rule takes effect.
YEARLESS = compiled(
    both_scripts(
        r"(?<![\d/.-])(\d{1,2})\s*-\s*(\d{1,2})\s+(\d{1,2})\s*[:：]\s*(\d{2})(?![\d/.:-])"
        r"|(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(\d{1,2})\s*[:：]\s*(\d{2})(?!\d)"
    )
)


def _reference(crawled: str) -> datetime | None:
    """A WARC-Date (``2019-09-07T10:00:00Z``, seconds optional) as a naive datetime."""
    try:
        return datetime.fromisoformat(crawled.strip().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def relative_span(text: str) -> tuple[int, int] | None:
    """Where a relative date, or a day without its year, stands in ``text``, if one does."""
    m = RELATIVE.search(text) or YEARLESS.search(text)
    return m.span() if m else None


def relative_date(text: str, crawled: str | None) -> str | None:
    """A relative date in ``text`` read against the crawl time ``crawled`` (ISO 8601), or None.

    >>> relative_date("昨天 21:05", "2024-03-01T02:00:00Z"), relative_date("3小时前", "2024-03-01T02:00:00Z")
    ('2024-02-29T21:05', '2024-02-29')
    """
    if not crawled:
        return None
    ref = _reference(crawled)
    if ref is None:
        return None
    m = RELATIVE.search(text)
    if m is None:
        return _yearless(text, ref)
    word, hh, mm, count, unit = m.groups()
    if word is not None:
        day = (ref - timedelta(days=DAY_WORDS[word.lower()])).date()
        return _iso(day.year, day.month, day.day, (None, hh, mm))
    day = (ref - timedelta(minutes=AGO_MINUTES[unit.lower()] * int(count))).date()
    return _iso(day.year, day.month, day.day)


def _yearless(text: str, ref: datetime) -> str | None:
    """A day written without its year, in the latest year that does not put it after ``ref``
    (a page is not dated after it was fetched; a day past it is last year's).

    >>> _yearless("发布时间：10-08 12:00", datetime(2019, 12, 1)), _yearless("12月30日 9:05", datetime(2020, 1, 2))
    ('2019-10-08T12:00', '2019-12-30T09:05')
    """
    m = YEARLESS.search(text)
    if m is None:
        return None
    month, day, hh, mm = (a or b for a, b in zip(m.groups()[:4], m.groups()[4:], strict=True))
    if month is None or day is None:
        return None
    year = ref.year
    try:
        if date(year, int(month), int(day)) > ref.date():
            year -= 1
    except ValueError:
        return None  # no such day (13-40, 2-30)
    return _iso(year, int(month), int(day), (None, hh, mm))
