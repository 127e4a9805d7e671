"""Dates as pages write them → ISO 8601, keeping the local time as written.

Forms read: ``2025-07-03 09:55:12``, ``2025/7/3``, ``2025.07.03``, ``2025年7月3日 09:55``,
ISO with ``T`` and an offset (kept: ``+08:00``, ``Z``), ``July 3, 2025``, ``3 July 2025``,
``06/02/2022 - 13:48``. A day-month-year form with both numbers ≤ 12 is ambiguous: it is read
month-first only for English pages (``lang`` starting with ``en``), day-first elsewhere, as most
of the world writes it. No timezone is ever invented.

>>> find_date("时间:2025-07-03 09:55:12来源:中国新闻网")
'2025-07-03T09:55:12'
>>> find_date("2025年7月3日 09:55")
'2025-07-03T09:55'
>>> find_date("Published July 3, 2025")
'2025-07-03'
>>> find_date("发表时间： 06/02/2022 - 13:48")
'2022-02-06T13:48'
"""

from __future__ import annotations

import re
from datetime import date

from cleantext.regexes import compiled
from cleantext.text import both_scripts

DIGIT = compiled(r"\d")
# Every form below holds a year of four digits: most lines with a digit (a count, a time, a
# price) hold none, and skip the four searches.
YEAR_DIGITS = compiled(r"\d{4}")
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
MIN_YEAR, MAX_YEAR = 1990, 2100  # years outside are more likely numbers than publication dates
TIME = both_scripts(  # 时/號 in Traditional: 時, 號
    r"(?:\s*(?:T|\s|,|-|日|号)?\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?"  # hh:mm[:ss]
    r"(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?"  # fraction, offset
)
YMD = compiled(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?" + TIME)
DMY = compiled(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)" + TIME)
MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
MDY_NAMED = compiled(r"(?i)\b" + MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
DMY_NAMED = compiled(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_NAME + r",?\s+(\d{4})\b")


def _iso(y: int, m: int, d: int, time: tuple[str | None, ...] = ()) -> str | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        date(y, m, d)
    except ValueError:
        return None
    out = f"{y:04d}-{m:02d}-{d:02d}"
    hh, mm, ss, tz = (tuple(time) + (None,) * 4)[:4]
    if hh is not None and mm is not None and int(hh) < 24 and int(mm) < 60:
        out += f"T{int(hh):02d}:{mm}" + (f":{ss}" if ss else "")
        if tz:
            out += tz if tz == "Z" or ":" in tz else f"{tz[:3]}:{tz[3:]}"
    return out


def _dmy(match: re.Match[str], month_first: bool) -> str | None:
    a, b, y = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if a > 12 or (b <= 12 and not month_first):
        d, m = a, b
    else:
        m, d = a, b
    return _iso(y, m, d, match.groups()[3:])


def find_date(text: str, lang: str | None = None) -> str | None:
    """The first date written in ``text`` as ISO 8601, or None."""
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
            a, b, y = m.groups()
            month, day = (a, b) if order == "mdy" else (b, a)
            iso = _iso(int(y), MONTHS[month[:3].lower()], int(day))
            if iso:
                found.append((m.start(), iso))
    return min(found)[1] if found else None


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first numeric date (with its time) stands in ``text``."""
    spans = [m.span() for m in (YMD.search(text), DMY.search(text)) if m]
    return min(spans) if spans else None
