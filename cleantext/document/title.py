"""The article's title.

HTML: the ``<h1>`` when ``<title>``/``og:title`` confirm it (one contains the other; of several
``<h1>``, the one they confirm best: ``segment.head``, a logo's comes first), else
``og:title``, else ``<title>`` without its site suffix (``标题_新华网``, ``Title | Reuters``:
split at the separators and keep the longest part, unless that part is the site's name by its own
words: ``新闻动态--某某学会官网``). Dumps have no head: the title is the
headline-like line just before the date line, or just before the article. A line that is only
metadata (a byline such as ``By Jane Doe`` or ``文/张三``, a ``来源：`` line) sits there too, under
the headline, and is never the headline.

Channel labels that dumps glue to a headline (``…电商生态 滚动``) are not part of it. Nor is a
site's name on either side of it (``split_site``): a part beyond a separator that matches the
name the page gives itself, repeats in the page's other text (its logo, its footer), or ends in
a publisher's word (``网``, ``日报``, ``Times``; ``vocabulary.SITE_WORDS_*``). That part is the
record's ``site`` when the page names none otherwise.

>>> strip_site("在沪直销企业签署备忘录_新华网"), strip_site("在沪直销企业签署备忘录-新华网")
('在沪直销企业签署备忘录', '在沪直销企业签署备忘录')
>>> strip_channel_tag("在沪直销企业和电商平台企业签署备忘录 打造规范、活力的上海电商生态 滚动")
'在沪直销企业和电商平台企业签署备忘录 打造规范、活力的上海电商生态'
"""

from __future__ import annotations

from cleantext.document.lines import read_line, relative_line
from cleantext.document.vocabulary import AD_LABELS, AD_LABELS_END, CHANNEL_TAGS, SITE_WORDS_CJK, SITE_WORDS_LATIN
from cleantext.regexes import compiled
from cleantext.text import COLONS, fold, units_of

# Characters of Chinese text: ideographs, CJK and full-width punctuation, curly quotes.
CJK_TEXT = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d]"
SEPARATORS = compiled(
    r"\s+[|｜\-–—:·]\s+|\s*[_｜|－]\s*|\s+-+\s*|\s*—+\s*"
    # Chinese words hold no hyphen: one (or two) between Chinese characters parts a title from
    # its site or channel (``标题-搜狐财经``, ``标题--大河网``), though English words keep theirs.
    rf"|(?<={CJK_TEXT})-+(?={CJK_TEXT})"
)
MIN_TITLE_UNITS = 4  # units: shorter lines are labels ("首页"), not headlines
MAX_SITE_UNITS = 12  # units: a longer part of a title is a headline or a tagline, not a site name
MAX_NAME_LINE_UNITS = 6  # units: a line this short ending in a publisher's word is a name (``滨江晨报``)
MIN_SITE_UNITS = 2  # units: a shorter part is too common to say anything by repeating
CHROME_REPEATS = 2  # the page's other text names its site at least this often (logo, footer)
# Stand-ins a dump tool writes for an image or a control: ``[alt]`` (w3m, lynx), ``![alt](src)``
# (Markdown converters).
PLACEHOLDER = compiled(r"!?\[[^\[\]]*\](?:\([^()\s]*\))?")
IMAGE_OPENING = ("![", "[![")  # a Markdown image whose alt text the converter wrapped onto the next line
# The marks between a breadcrumb's steps, a spaced slash among them (``Home / News / World``, and
# a photo's credit: ``Agency / Photographer / Caption``); ``and/or`` and ``1/2`` have no spaces.
CRUMB = compiled(r"\s*(?:>>?|»|›|→|::)\s*|\s/\s")
# Closing guillemets, which titles also print between a headline and its sections and site
# (``Headline › Site``); a title that opens none (``«``, ``‹``) quotes nothing with them.
PATH_MARKS = ("»", "›")
QUOTE_OPENERS = ("«", "‹")
GUILLEMET = compiled(r"\s*[»›]\s*")
MIN_CRUMBS = 2  # marks: one ``>`` may stand in a headline (``A > B``: a comparison), two make a path
BRACKETS = "【】[]()（）「」"
ADDRESS = compiled(r"(?i)\bwww\.|https?://|[\w.+-]@[\w-]+\.[a-z]")  # a web or an e-mail address
LATIN_WORD = compiled(r"[A-Za-z]+")
DOMAIN = compiled(r"(?i)^[\w.-]+\.(?:com|net|org|cn|co|io|info|gov|edu)(?:\.[a-z]{2})?$")
# The marks that part a headline from a site's name printed beside it in a ``<title>``
NAME_MARKS = "-_|｜·–—－/»›"
# units: a site's name beside a headline the page prints may be an institution's full name
# (``湖南省中医药研究院附属医院``); a title cut by its separators alone stops at ``MAX_SITE_UNITS``
MAX_PRINTED_NAME_UNITS = 20
# A quotation mark after a head's title where the <h1> goes on: the title is an attribute value a
# quote in the headline cut short (``content="Storm hits "the city"``)
QUOTES = "\"'“”‘’「」『』《"
# A row of counts and nothing else: two or more numbers, each with a label of a word or up to
# three Chinese characters after it, or before it (a word then with a colon: ``Apollo 11 at 50``
# is a headline): ``57人参与11评论``, ``340 views · 12 replies``, ``阅读 340 评论 12``
NUMBER = r"(?<!\d)\d[\d,.]*[万千kKwW]?(?![\d,.])"
TALLY = compiled(
    rf"^\W*(?:(?:{NUMBER}\s*(?:[^\W\d\u3400-\u9fff]{{1,10}}|[\u3400-\u9fff]{{1,3}})"
    rf"|(?:[^\W\d\u3400-\u9fff]{{1,10}}\s*[:：]|[\u3400-\u9fff]{{1,3}}\s*[:：]?)\s*{NUMBER})"
    r"[\s|｜·•/,，()（）]*){2,}$"
)
LINK_ARROWS = (">>", "»", "→", "›", "》》")  # a line ending in one is a link pointing on (``更多>>``)
MIN_PATH_CUTS = 2  # separators in an <h1> the title holds for it to be the title's path, not a headline
MAX_TITLE_UNITS = 80  # units: longer lines are paragraphs
# A form's controls as dump tools draw them: a text field (lynx ``____``, w3m ``[      ]``, a
# Markdown converter's escaped ``\_\_\_``) or a button (lynx ``(BUTTON)``). A line holding one is a
# search box or a toolbar, never a headline.
FORM_CONTROL = compiled(r"_{3,}|(?:\\_){3,}|\[\s{3,}\]|\(BUTTON\)")
HANDLE = compiled(r"(?<![\w@])@\w{2,}")  # a social-media account (``Follow @example``): a profile line
# What a converter leaves of markup and links: attributes (``fill='#fff'``), a path or an
# address's tail (``img/2024/05/a3e85ac534.png``), a Markdown link opened and wrapped before its
# ``]`` (``[ Next story: the ferry``: a list's entry).
ATTRIBUTE = compiled(r"\b[\w:-]+=['\"]")
PATH = compiled(r"[\w.~%-]+/[\w.~%/-]{12,}")
# A section's number (``一、``, ``3、``, ``（二）``): a story's subheading, not its headline.
# A line wholly in round brackets is an aside to the story (``（原标题：…）``, ``（记者 张三）``, ``(Updated)``),
# never its headline
ASIDE = compiled(r"^\s*[（(][^（()）]*[）)]\s*$")
SECTION_NUMBER = compiled(r"^\s*(?:[一二三四五六七八九十百]+、|\d+、|[（(][一二三四五六七八九十]+[）)])")
HEADING_MARK = compiled(r"^\s*#{1,6}\s+")  # a Markdown heading's mark (``## ``)
# A horizontal rule a dump tool draws in box-drawing characters (w3m's ``<hr>``: ``━━━``), left
# on the headline's line when no line break parts them.
BOX = r"\u2500-\u257f"  # box-drawing characters
RULE_EDGE = compiled(rf"^[\s{BOX}]*[{BOX}][\s{BOX}]*(?=\S)|(?<=\S)[\s{BOX}]*[{BOX}]\s*$")
PROSE_WORDS = 12  # words: a line this long ending in a full stop is a sentence, not a headline
# Labelled counts in a row, as a forum's thread cell prints them before the thread's title
# (``查看: 3621|回复: 5``): a label of a word or two, a colon, a number, a bar or a space.
COUNTERS = compiled(r"^(?:[^\W\d]{1,8}\s?[:：]\s*\d[\d,.]*[kKmM万]?\s*[|｜/·]?\s*){2,}")


def _cuts(title: str) -> list[tuple[int, int]]:
    """The spans of the title's separators, in order: ``SEPARATORS``, and its closing guillemets
    (``»``, ``›``) when it opens none: ``Headline » Local » News » Site`` is a path, not a
    quotation (``« non »``, ``‹ oui ›``)."""
    spans = [m.span() for m in SEPARATORS.finditer(title)]
    if any(mark in title for mark in PATH_MARKS) and not any(mark in title for mark in QUOTE_OPENERS):
        spans = sorted(spans + [m.span() for m in GUILLEMET.finditer(title)])
    return spans


def _between(title: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the title between its ``cuts`` (separators' spans, in order)."""
    bounds = [0] + [x for span in cuts for x in span] + [len(title)]
    return [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]


def _parts(title: str) -> list[str]:
    """The title cut at its separators, each part stripped, empty ones left out."""
    parts = (title[a:b].strip() for a, b in _between(title, _cuts(title)))
    return [part for part in parts if part]


def _edges(title: str) -> list[str]:
    """The first and the last part of a title cut at its separators (none when it has no cut)."""
    parts = _parts(title)
    return [parts[0], parts[-1]] if len(parts) > 1 else []


def _logo_beside(h1: str, headline: str, names: list[str]) -> str | None:
    """The name the ``<h1>`` holds beside the headline (a logo set in the same heading): one of
    ``names`` (the site's name, or the ``<title>``'s edge parts), before or after it."""
    folded, head = fold(h1), fold(headline)
    return next((name for name in names if folded in (head + fold(name), fold(name) + head)), None)


def has_separator(title: str) -> bool:
    """Does the title hold a separator a site's name may stand behind?"""
    return bool(_cuts(title))


def strip_site(title: str) -> str:
    """Drop site names around a ``<title>``: keep the longest part between separators.

    >>> strip_site("Ferry adds two crossings » Local » News » The Harbour Times")
    'Ferry adds two crossings'
    """
    parts = _parts(title)
    if len(parts) < 2:
        return title.strip()
    return max(parts, key=units_of)


def _site_like(part: str, site: str | None, chrome: list[str]) -> bool:
    """Is this edge part of a title the site's name? It matches the name the page gives itself,
    or repeats across the page's other text, or ends in a publisher's word (``SITE_WORDS_*``)."""
    units = units_of(part)
    if not 0 < units <= MAX_SITE_UNITS:
        return False
    folded = fold(part)
    if site and (folded in fold(site) or fold(site) in folded):
        return True
    if part.endswith(SITE_WORDS_CJK) or DOMAIN.match(part.strip()):
        return True
    words = LATIN_WORD.findall(part)
    if words and words[-1].lower() in SITE_WORDS_LATIN:
        return True
    return units >= MIN_SITE_UNITS and sum(1 for text in chrome if folded in text) >= CHROME_REPEATS


def printed_title(title: str, line: str, site: str | None = None) -> tuple[str, str] | None:
    """When ``title`` is ``line`` (a headline the page prints) and a site's name beside it: the
    line and that name. The name stands past a separator's mark (``…一块顶十块GPU-EDN 电子技术设计``,
    ``Site: Headline``; ``NAME_MARKS``, a colon only before the headline: a subtitle follows one),
    or past a space when it is the name the page gives itself (``site``) or ends in a
    publisher's word (``标题 滨江晨报``; not by repeating on the page: a subtitle the page prints
    under the headline repeats too). None otherwise: the title is the line,
    or more than a name (``MAX_PRINTED_NAME_UNITS``) beside it, or the line ends inside a word.

    >>> printed_title("阿里发布AI芯片-EDN 电子技术设计", "阿里发布AI芯片")
    ('阿里发布AI芯片', 'EDN 电子技术设计')
    >>> printed_title("Storm closes the harbour: what we know", "Storm closes the harbour") is None
    True
    >>> printed_title("Fat Boys Coming To A Field Near You", "To A Field Near You") is None
    True
    """
    full, said = " ".join(title.split()), " ".join(line.split())
    if not said or len(said) >= len(full):
        return None
    if full.lower().startswith(said.lower()):
        rest = full[len(said) :]
        edge, marked = rest[0], rest.lstrip()[:1] in NAME_MARKS
    elif full.lower().endswith(said.lower()):
        rest = full[: -len(said)]
        edge, marked = rest[-1], rest.rstrip()[-1:] in NAME_MARKS + ":："
    else:
        return None
    name = rest.strip(" " + NAME_MARKS + "".join(QUOTE_OPENERS) + ":：")  # ``Headline « Site``
    if not (edge.isspace() or edge in NAME_MARKS) or not 0 < units_of(name) <= MAX_PRINTED_NAME_UNITS:
        return None
    named = site is not None and fold(name) == fold(site)  # the page's own name, however long
    return (said, name) if marked or named or _site_like(name, site, []) else None


def split_site(title: str, site: str | None = None, chrome: list[str] | None = None) -> tuple[str, str | None]:
    """The title without the site's name before or after it, and that name (None if there is
    none). Parts are cut at ``SEPARATORS`` from either end while they look like a site's name
    (``_site_like``; ``chrome`` is the page's other text, folded: it cuts only the outermost part
    on each side, since a headline's own parts repeat on the page too, in a breadcrumb or a list
    of links); the headline is never cut away.

    >>> split_site("Harbour ferry adds two crossings | The Harbour Times")
    ('Harbour ferry adds two crossings', 'The Harbour Times')
    >>> split_site("市场快评--三条主干道下月封闭施工", chrome=["市场快评", "© 市场快评 版权所有"])
    ('三条主干道下月封闭施工', '市场快评')
    >>> split_site("运动会开幕 - 第二天")
    ('运动会开幕 - 第二天', None)
    """
    cuts = [span for span in _cuts(title) if 0 < span[0] and span[1] < len(title)]
    if not cuts:
        return title.strip(), None
    parts = _between(title, cuts)
    chrome = chrome or []
    first, last, found = 0, len(parts) - 1, None
    while last > first and _site_like(title[slice(*parts[last])], site, chrome if found is None else []):
        found, last = found or title[slice(*parts[last])].strip(), last - 1
    prefix = None
    while last > first and _site_like(title[slice(*parts[first])], site, chrome if prefix is None else []):
        prefix, first = prefix or title[slice(*parts[first])].strip(), first + 1
    found = found or prefix
    if found is None:
        return title.strip(), None
    return title[parts[first][0] : parts[last][1]].strip(), found


def strip_heading_mark(title: str) -> str:
    """A headline without the ``#`` of a Markdown heading, which stays on the line when the
    segmenter read it as something else (a shell's comment in a dump it did not take for Markdown).

    >>> strip_heading_mark("## Harbour ferry adds two crossings"), strip_heading_mark("#1 on the charts")
    ('Harbour ferry adds two crossings', '#1 on the charts')
    """
    return HEADING_MARK.sub("", title, count=1)


def strip_rule(title: str) -> str:
    """A headline without the rule a dump drew on its line (``RULE_EDGE``).

    >>> strip_rule("━━━━━━━━ Harbour ferry adds two crossings")
    'Harbour ferry adds two crossings'
    """
    return RULE_EDGE.sub("", title)


def strip_counters(title: str) -> str:
    """A headline without the bar of counters a forum prints in its cell (``查看: 3621|回复: 5``,
    ``Views: 812 | Replies: 14``): two labelled numbers or more in a row at its start.

    >>> strip_counters("查看: 3621|回复: 5 老房子换窗户选断桥铝还是塑钢？")
    '老房子换窗户选断桥铝还是塑钢？'
    >>> strip_counters("Covid: 300 new cases in the city")  # one number after a label: the headline's
    'Covid: 300 new cases in the city'
    """
    return COUNTERS.sub("", title, count=1) or title


def strip_channel_tag(title: str) -> str:
    """Remove a channel label glued after the headline by a space."""
    head, _, last = title.rstrip().rpartition(" ")
    if head and last in CHANNEL_TAGS:
        return head.rstrip()
    return title.strip()


def _not_a_headline(text: str) -> bool:
    """Lines of a headline's length a dump holds near it that are something else: image and
    button stand-ins (``[qrcode]``, ``![logo](…)``), a breadcrumb (``首页 > 新闻 > 正文``), a line
    holding an address (``www.example.gov.cn``, ``desk@example.com``), a form's field or button (``FORM_CONTROL``), a
    social-media handle (``Follow @example``), a label ending in a colon (``Share this:``), a long
    sentence ending in a full stop (``PROSE_WORDS``), markup or a path a converter left, a link
    opened and not closed, a section's number (``二、``), an aside wholly in round brackets
    (``（原标题：…）``), one labelled as an advertisement, a
    site's name alone (``滨江日报``), a relative dateline (``张三 3小时前``), a row of counts
    (``57人参与 11评论``, ``Views 340 · Replies 12``: ``TALLY``), a link pointing on (``更多>>``)."""
    if units_of(PLACEHOLDER.sub(" ", text)) < MIN_TITLE_UNITS or text.lstrip().startswith(IMAGE_OPENING):
        return True
    if len(CRUMB.findall(text)) >= MIN_CRUMBS or ADDRESS.search(text):
        return True
    # a label introducing what follows (``Share this:``, ``Search for:``), a form, a handle
    if text.rstrip().endswith(COLONS) or FORM_CONTROL.search(text) or HANDLE.search(text):
        return True
    if text.rstrip().endswith(".") and len(text.split()) >= PROSE_WORDS:
        return True
    if len(ATTRIBUTE.findall(text)) >= 2 or PATH.search(text) or SECTION_NUMBER.match(text):
        return True
    if text.lstrip().startswith("[") and text.count("[") > text.count("]"):
        return True
    return _label_line(text)


def _label_line(text: str) -> bool:
    """``_not_a_headline``'s lines of a page's labels: an aside, an advertisement's label, a site's
    name alone, a row of counts, a link pointing on, a relative dateline."""
    if ASIDE.match(text) or TALLY.match(text) or text.rstrip().endswith(LINK_ARROWS):
        return True
    words = text.split()
    if words and (words[0].strip(BRACKETS) in AD_LABELS or words[-1].strip(BRACKETS).lower() in AD_LABELS_END):
        return True
    if units_of(text) <= MAX_NAME_LINE_UNITS and not SEPARATORS.search(text) and text.strip().endswith(SITE_WORDS_CJK):
        return True
    return relative_line(text)


def looks_like_title(text: str) -> bool:
    """A headline's length, no sentence end, and more than a line of metadata (see also
    ``_not_a_headline``).

    >>> looks_like_title("Library hours to grow next spring"), looks_like_title("By Jane Doe")
    (True, False)
    >>> looks_like_title("首页 > 本地新闻 > 正文"), looks_like_title("[qrcode] [share-weixin]")
    (False, False)
    """
    units = units_of(text)
    if not MIN_TITLE_UNITS <= units <= MAX_TITLE_UNITS or text.rstrip().endswith(("。", "；", ";")):
        return False
    return not read_line(text, units=units).consumed and not _not_a_headline(text)


def html_title(
    title: str | None,
    og_title: str | None,
    h1: str | None,
    site: str | None = None,
    chrome: list[str] | None = None,
) -> tuple[str | None, str | None]:
    """Choose among the head's candidates (see the module docstring); with the site's name the
    ``og:title`` or ``<title>`` wears (``split_site``), if any. An ``<h1>`` loses a site's name
    only by the page's own name or a publisher's word, never by what repeats on the page: its
    parts are the headline's, unless it parts three or more as the title holds them (``Headline |
    Section | Forum``): then it is the title's path again, and loses its sections as the title
    does. An ``<h1>`` that goes on after the head's title (a button's label:
    ``标题 播报文章``) gives way to the title, unless a quotation mark follows it there.

    >>> html_title("Harbour ferry adds two crossings - The Harbour Times", None, "Harbour ferry adds two crossings")
    ('Harbour ferry adds two crossings', 'The Harbour Times')
    """
    named = next((split_site(c, site, chrome)[1] for c in (og_title, title) if c), None)
    for confirm in (og_title, title):
        if not (h1 and confirm):
            continue
        heading, head = fold(h1), fold(confirm)
        if head in heading or heading in head:
            logo = _logo_beside(h1, confirm, [named] if named else _edges(title or ""))
            if logo:
                return split_site(confirm, site)[0], named or logo  # the <h1> sets the logo beside the headline
            if heading != head and heading.startswith(head) and heading[len(head)] not in QUOTES:
                return split_site(confirm, site)[0], named  # the <h1> holds a label after the headline
            if heading in head and len(_cuts(h1)) >= MIN_PATH_CUTS:  # the title's path again, sections and all
                return strip_site(h1), named
            return split_site(h1, site)[0], named
    for given in (og_title, title):
        if given:
            return _headline_part(given, site), named
    return h1, None


def _headline_part(title: str, site: str | None) -> str:
    """The longest part of a head's title (``strip_site``), unless that part is the site's name
    by its own words (``split_site`` without the page's text: the page's own name, a publisher's
    word): a section's page under a long name (``新闻动态--滨江市地理学会官网``) holds no headline, and
    what is left past the name is no less the title. (A part that repeats on the page may be the
    headline as well as the name.)

    >>> _headline_part("新闻动态--滨江市地理学会官网", None)
    '新闻动态'
    """
    longest = strip_site(title)
    rest, named = split_site(title, site)
    return rest if named and rest and fold(longest) == fold(named) else longest
