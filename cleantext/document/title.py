"""The article's title.

HTML: the ``<h1>`` when ``<title>``/``og:title`` confirm it (one contains the other), else
``og:title``, else ``<title>`` without its site suffix (``标题_新华网``, ``Title | Reuters``:
split at the separators and keep the longest part). Dumps have no head: the title is the
headline-like line just before the date line, or just before the article. A line that is only
metadata (a byline such as ``By Jane Doe`` or ``文/张三``, a ``来源：`` line) sits there too, under
the headline, and is never the headline.

Channel labels that dumps glue to a headline (``…电商生态 滚动``) are not part of it.

>>> strip_site("在沪直销企业签署备忘录_新华网"), strip_site("在沪直销企业签署备忘录-新华网")
('在沪直销企业签署备忘录', '在沪直销企业签署备忘录')
>>> strip_channel_tag("在沪直销企业和电商平台企业签署备忘录 打造规范、活力的上海电商生态 滚动")
'在沪直销企业和电商平台企业签署备忘录 打造规范、活力的上海电商生态'
"""

from __future__ import annotations

from cleantext.document.lines import read_line
from cleantext.document.vocabulary import CHANNEL_TAGS
from cleantext.regexes import compiled
from cleantext.text import fold, units_of

# Characters of Chinese text: ideographs, CJK and full-width punctuation, curly quotes.
CJK_TEXT = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d]"
SEPARATORS = compiled(
    r"\s+[|｜\-–—:·]\s+|\s*[_｜|]\s*|\s+-\s*|\s*—\s*"
    # Chinese words hold no hyphen: one (or two) between Chinese characters parts a title from
    # its site or channel (``标题-搜狐财经``, ``标题--大河网``), though English words keep theirs.
    rf"|(?<={CJK_TEXT})-+(?={CJK_TEXT})"
)
MIN_TITLE_UNITS = 4  # units: shorter lines are labels ("首页"), not headlines
MAX_TITLE_UNITS = 80  # units: longer lines are paragraphs


def strip_site(title: str) -> str:
    """Drop site names around a ``<title>``: keep the longest part between separators."""
    parts = [p.strip() for p in SEPARATORS.split(title) if p and p.strip()]
    if len(parts) < 2:
        return title.strip()
    return max(parts, key=units_of)


def strip_channel_tag(title: str) -> str:
    """Remove a channel label glued after the headline by a space."""
    head, _, last = title.rstrip().rpartition(" ")
    if head and last in CHANNEL_TAGS:
        return head.rstrip()
    return title.strip()


def looks_like_title(text: str) -> bool:
    """A headline's length, no sentence end, and more than a line of metadata.

    >>> looks_like_title("Library hours to grow next spring"), looks_like_title("By Jane Doe")
    (True, False)
    """
    units = units_of(text)
    if not MIN_TITLE_UNITS <= units <= MAX_TITLE_UNITS or text.rstrip().endswith(("。", "；", ";")):
        return False
    return not read_line(text, units=units).consumed


def html_title(title: str | None, og_title: str | None, h1: str | None) -> str | None:
    """Choose among the head's candidates (see the module docstring)."""
    for confirm in (og_title, title):
        if h1 and confirm and (fold(h1) in fold(confirm) or fold(confirm) in fold(h1)):
            return h1
    if og_title:
        return strip_site(og_title)
    if title:
        return strip_site(title)
    return h1
