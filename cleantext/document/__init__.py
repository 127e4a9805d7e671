"""Document: kept blocks → Article, with title, date, site, author, url and normalised text.

Where each field comes from, in order of trust:

- title: HTML head candidates (``title.html_title``), unless they name nothing of the story (a
  head holding only the site's name): then the headline printed over it (``body_title``); in a
  dump, the headline line before the
  date line or before the article (``headline.dump_headline``): the title-like line that shares
  most words with the story, else the nearest in the story's script; under a line the ladder
  kept as prose that stands alone over it (a menu's line), the headline is looked for too, and
  that line leaves the article. A headline printed over two or three lines (a title over its
  subtitle, a long title broken for display) is joined from the lines over that one that read as
  the headline's too (``titlelines.headline_lines``). A body block repeating the title leaves the
  body. A site's name
  worn by the title (``标题-滨江晨报``, ``每日快评--标题``) leaves it (``title.split_site``) and
  fills ``site`` when nothing else names the site.
- date, site, author: for HTML the head (``<meta>``, JSON-LD, microdata) first, then the page's
  own lines; for dumps the lines only (``scan.scan_lines`` with ``lines.read_line``, and
  ``lines.lead_date`` for a long toolbar line opening with the date), searched just before and
  just after the article: the first dated line at or above its start, else the first below it;
  with no date there, the first line above that is a dateline and nothing more; with none at
  all and a crawl time known (``hints["date"]``, a WARC-Date), a relative dateline
  (``3小时前``) read against it. Lines that hold only metadata leave the body. A source line
  that names no publisher (``来源：本站原创``, ``来源：网络``) or a picture's source (``图片来源：``)
  gives no site. When nothing above names the site, the holder the footer's copyright line
  names does (``owner.copyright_holder``: ``版权所有 X``, ``© 2024 X``); an HTML ``<title>`` that
  sets that name after a plain space beside the printed headline loses it (``title.printed_title``).
- url: the container (WARC, JSONL), else ``og:url``/canonical link.

A page that lists entries and keeps no prose of its own (an index, a search page) has no article:
it is dropped as ``no-article`` (``page_kind.is_listing``).

>>> from cleantext.model import Block, Decoded, DropReason, KeepReason, Verdict
>>> blocks = [Block(0, "标题在这里 滚动", source="text"),
...           Block(1, "时间:2025-07-03 09:55:12来源:中国新闻网", source="text"),
...           Block(2, "正文第一段，内容。", source="text")]
>>> verdicts = [Verdict(blocks[0], False, DropReason.SHORT), Verdict(blocks[1], False, DropReason.SHORT),
...             Verdict(blocks[2], True, KeepReason.BODY)]
>>> art, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
>>> art.title, art.date, art.site, art.text
('标题在这里', '2025-07-03T09:55:12', '中国新闻网', '正文第一段，内容。')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cleantext.config import Config
from cleantext.document.body_title import body_headline, labelled_headline, names_story
from cleantext.document.dates import MAX_SAMPLE_CHARS, ambiguous, date_language, find_date, written_order
from cleantext.document.headline import confirmed, dump_headline
from cleantext.document.ids import record_id
from cleantext.document.normalize import normalize_paragraph, normalize_text
from cleantext.document.owner import FOOTER_LINES, copyright_holder
from cleantext.document.page_kind import is_listing
from cleantext.document.scan import past_stray, placed_author, repeats_line, scan_lines
from cleantext.document.title import (
    has_separator,
    html_title,
    printed_title,
    split_site,
    strip_channel_tag,
    strip_counters,
    strip_heading_mark,
    strip_rule,
    strip_site,
)
from cleantext.document.titlelines import headline_lines
from cleantext.model import Article, BlockClass, Decoded, Drop, DropReason, PageMeta, Step, Verdict
from cleantext.regexes import compiled
from cleantext.text import COLONS, SENTENCE_END, fold, units_of

# The steps of this stage that drop a kept block, each with the reason it gives
TITLE_STEP = Step("title", BlockClass.BAD, DropReason.METADATA)  # the headline, or a block repeating it
METADATA_STEP = Step("metadata", BlockClass.BAD, DropReason.METADATA)  # a line of date, source, author
LISTING_STEP = Step("listing", BlockClass.BAD, DropReason.NO_ARTICLE)  # what a page with no article kept
HEADLINE_SHARE = 0.6  # of the title, the least a block must repeat of it to be its headline
HEADLINE_BEFORE = 30  # blocks above the article searched for the headline (menus stand between)
MAX_BOX_BLOCKS = 3  # kept blocks over a dump's headline that a bio box or a blurb holds (a dump tool parts its lines)
TABLE_RULE = compiled(r"[│┃]")  # a column's rule as a dump tool draws it: a table's row, no headline
# kept text above a dump's headline when the headline and its date line open the article
ABOVE_STEP = Step("above_headline", BlockClass.BAD, DropReason.OUTSIDE)


def _written_lang(verdicts: list[Verdict], date_index: int, lang: str | None) -> str | None:
    """``lang``, unless the date line at ``date_index`` holds a date that reads both ways and the
    page's other dates say how it writes them (``dates.written_order``): then ``en`` (month
    first) or None (day first). Only such pages pay for reading every line's dates."""
    if date_index < 0 or not ambiguous(verdicts[date_index].block.text):
        return lang
    order = written_order(v.block.text for v in verdicts)
    if order is None:
        return lang
    return "en" if order == "mdy" else None


def _date_lang(meta: PageMeta, verdicts: list[Verdict], kept: list[int]) -> str | None:
    """The language the page's dates are read in (``dates.date_language``): its own claim, or what
    its kept text reads as, from as many kept blocks as give the sample."""
    if meta.lang:
        return date_language(meta.lang, "")
    sample: list[str] = []
    size = 0
    for i in kept:
        sample.append(verdicts[i].block.text)
        size += len(sample[-1])
        if size >= MAX_SAMPLE_CHARS:
            break
    return date_language(None, " ".join(sample))


def _chrome(verdicts: list[Verdict], title_index: int | None) -> list[str]:
    """The page's dropped text, folded: where a site's name repeats (logo, footer, copyright)."""
    return [fold(v.block.text) for i, v in enumerate(verdicts) if not v.keep and i != title_index]


def _title(
    verdicts: list[Verdict], meta: PageMeta, anchor: int, first: int, is_html: bool
) -> tuple[str | None, int | None, str | None]:
    """The title, the index of its line in a dump (or on an HTML page whose head names nothing of
    the story: ``body_title``), and the site's name the title wore."""
    if is_html:
        candidates = [c for c in (meta.title, meta.og_title, meta.h1) if c]
        chrome = _chrome(verdicts, None) if any(has_separator(c) for c in candidates) else []
        title, site = html_title(meta.title, meta.og_title, meta.h1, meta.site, chrome)
        title = (normalize_paragraph(title) or None) if title else None
        if title is None or not names_story(verdicts, title, anchor, first):
            index = body_headline(verdicts, anchor, first)
            if index is not None:
                body_title, _, body_site = _line_title(verdicts, meta, index)
                return body_title, index, site or body_site
        return title, None, site
    index = dump_headline(verdicts, anchor, first)
    upper = headline_lines(verdicts, index, anchor, first)[:-1] if index is not None else []
    return _line_title(verdicts, meta, index, upper)


def _line_title(
    verdicts: list[Verdict], meta: PageMeta, index: int | None, upper: Sequence[int] = ()
) -> tuple[str | None, int | None, str | None]:
    """The title a page's line ``index`` gives, after the lines ``upper`` over it that print the
    same headline (``titlelines``): its marks, counters and channel tag left out, its site's name
    split off; the index, and the site's name."""
    if index is None:
        return None, None, None
    lines = (*upper, index)
    line = " ".join(strip_heading_mark(strip_rule(normalize_paragraph(verdicts[i].block.text))) for i in lines)
    line = strip_counters(strip_channel_tag(line))
    chrome = _chrome(verdicts, index) if has_separator(line) else []
    title, site = split_site(line, meta.site, chrome)
    return title or None, index, site


def _headed_title(
    verdicts: list[Verdict], meta: PageMeta, header: int, first: int
) -> tuple[str | None, int | None, str | None] | None:
    """A dump's title found over the page's dateline far above the article (``scan``'s header
    date line: ``By … | Updated April 2, 2024``), when that headline names the story (``confirmed``)
    and the one found near the story does not: a table of contents or a box of key points between
    the header and the story pushes the headline out of reach of the story's first line. None
    otherwise."""
    title, index, site = _title(verdicts, meta, header, first, False)
    if index is None or not confirmed(verdicts, index, header, first):
        return None
    return title, index, site


def _near_top(verdicts: list[Verdict], first: int) -> range:
    """The indexes where an article's headline may stand, nearest first: from the article's second
    line up to ``HEADLINE_BEFORE`` blocks above its first."""
    return range(min(first + 1, len(verdicts) - 1), max(-1, first - HEADLINE_BEFORE), -1)


def _printed(
    verdicts: list[Verdict], title: str, title_site: str | None, site: str | None, first: int
) -> tuple[str, str | None]:
    """An HTML title without the site's name it wears beside the headline the page prints at the
    article's top (``title.printed_title``; the nearest such line, at least ``HEADLINE_SHARE`` of
    the title), and the name it wore: the head's ``<title>`` may part them by what ``split_site``
    cannot tell from a headline's own marks (a space, a hyphen between Latin letters). ``site``:
    the name the page gives itself."""
    least = HEADLINE_SHARE * units_of(title)
    for i in _near_top(verdicts, first):
        text = verdicts[i].block.text
        found = printed_title(title, text, site) if units_of(text) >= least else None
        if found:
            return found[0], title_site or found[1]
    return title, title_site


def _nearer_headline(verdicts: list[Verdict], title: str, meta: PageMeta, first: int) -> str:
    """The headline the head's titles name (``strip_site`` of ``og:title`` and ``<title>``) when the
    page prints it nearer the article's top than the ``<h1>`` the title came from: a blog's only
    ``<h1>`` is its name over the page (``Post Title - Blog Name``, the post's title an ``<h2>``
    over the post), which the head's title holds as it holds a headline."""
    folded = fold(title)
    if not meta.h1 or folded != fold(meta.h1):
        return title
    parts = [strip_site(c) for c in (meta.og_title, meta.title) if c]
    others = {fold(part): part for part in parts if fold(part) != folded}
    if not others:
        return title
    for i in _near_top(verdicts, first):
        line = fold(verdicts[i].block.text)
        if line == folded:
            return title
        if line in others:
            return normalize_paragraph(others[line])
    return title


def _headline_at(verdicts: list[Verdict], title_index: int | None, folded_title: str, first: int) -> int | None:
    """The headline's block at the article's top: a dump's title line, else (HTML) the last block
    before the article's second line that the title opens with (a page number or a site's name
    may follow it in the title: ``标题(页 1)``)."""
    if title_index is not None or not folded_title:
        return title_index
    for i in _near_top(verdicts, first):
        folded = fold(verdicts[i].block.text)
        if folded and folded_title.startswith(folded) and len(folded) >= HEADLINE_SHARE * len(folded_title):
            return i
    return None


def _dropped(verdict: Verdict, step: Step) -> Verdict:
    return replace(verdict, keep=False, reason=step.reason, chain=(*verdict.chain, step))


def _headed_below(verdicts: list[Verdict], meta: PageMeta, date_index: int, kept: list[int]) -> bool:
    """Does a dump's headline stand between the text kept above its date line and that line, and
    name the story under it (``confirmed``)? Then the date line opens the article though more is
    kept above the headline than a headline and its kicker: an author's bio box or a sidebar's
    blurb, in up to ``MAX_BOX_BLOCKS`` paragraphs, which ``_story_start`` leaves out."""
    dateline = verdicts[date_index].block.text.rstrip()
    if dateline.endswith(COLONS) or dateline.endswith(SENTENCE_END):
        return False  # a quote's header in a thread (``On 5/3/2024, X said:``) or a sentence, no dateline
    above = [i for i in kept if i < date_index]
    if not 0 < len(above) <= MAX_BOX_BLOCKS:
        return False  # none, or more than a box: the article itself, a picture's or a section's lines under it
    _, index, _ = _title(verdicts, meta, date_index, kept[0], False)
    if index is None or not above[-1] < index < date_index or TABLE_RULE.search(verdicts[index].block.text):
        return False  # none, or a table's header row over a dated row (``Date │ Time │ Place``)
    return confirmed(verdicts, index, date_index, kept[0])


def _story_start(verdicts: list[Verdict], title_index: int | None, anchor: int, first: int) -> int:
    """Where a dump's story starts when its date line opens the article: at its headline, if the
    headline stands over that line and shares its words with the story (the text kept above it, an
    author's bio box or a teaser beside the masthead, is not the story); else 0."""
    if title_index is None or title_index >= anchor or not confirmed(verdicts, title_index, anchor, first):
        return 0
    return title_index


def _past_stray_start(verdicts: list[Verdict], title_index: int | None, first: int) -> int:
    """Where a dump's story starts when its headline stands under the article's first kept block,
    alone there (``scan.past_stray``: a menu's line kept as prose): at the headline, if it
    shares its words with the story under it; else 0. The headline may be the next kept block
    itself only when the first one repeats it (``scan.repeats_line``: a sticky bar over it)."""
    second = past_stray(verdicts, first)
    if title_index is None or second is None or not first < title_index <= second:
        return 0
    if title_index == second and not repeats_line(verdicts, first, second):
        return 0
    return title_index if confirmed(verdicts, title_index, second, second) else 0


def _marked(
    verdicts: list[Verdict], above: int, title_index: int | None, folded_title: str, consumed: set[int]
) -> list[Verdict]:
    """The verdicts with the document stage's drops: the text above the story's start, the
    headline (and blocks repeating it), the lines of metadata read into the record."""
    out = []
    for i, verdict in enumerate(verdicts):
        if not verdict.keep:
            out.append(verdict)
        elif i < above:
            out.append(_dropped(verdict, ABOVE_STEP))
        elif i == title_index or (folded_title and fold(verdict.block.text) == folded_title):
            out.append(_dropped(verdict, TITLE_STEP))
        elif i in consumed:
            out.append(_dropped(verdict, METADATA_STEP))
        else:
            out.append(verdict)
    return out


def finalize(
    doc: Decoded, verdicts: list[Verdict], meta: PageMeta | None, config: Config | None
) -> tuple[Article | Drop, list[Verdict]]:
    """The record (or the reason there is none) and the verdicts as the document stage left them."""
    meta = meta or PageMeta()
    kept = [i for i, v in enumerate(verdicts) if v.keep]
    if not kept:
        return Drop(doc.uri, DropReason.NO_CONTENT, "no block kept", "boilerplate"), verdicts
    lang = _date_lang(meta, verdicts, kept)
    found, consumed = scan_lines(verdicts, kept[0], kept[-1], lang, doc.hints.get("date"))
    written = _written_lang(verdicts, found.date_index, lang)
    if written != lang:  # the page's other dates read its date line the other way
        lang = written
        found, consumed = scan_lines(verdicts, kept[0], kept[-1], lang, doc.hints.get("date"))
    is_html = bool(verdicts) and verdicts[0].block.source == "html"
    # The headline sits before the date line when that line opens the article (at most a kept
    # block or two, such as the headline itself, before it, or a headline naming the story between
    # the kept text and the date line: ``_headed_below``); otherwise before the article.
    date_opens = 0 <= found.date_index and (
        sum(1 for i in kept if i < found.date_index) <= 2
        or (not is_html and _headed_below(verdicts, meta, found.date_index, kept))
    )
    anchor = found.date_index if date_opens else kept[0]
    labelled = None if is_html else labelled_headline(verdicts, anchor, kept[0])
    title: str | None
    if labelled is not None:  # the page labels its title (``标    题：…``): its row stays in the text
        title, title_site = split_site(normalize_paragraph(labelled), meta.site, [])
        title_index = None
    else:
        title, title_index, title_site = _title(verdicts, meta, anchor, kept[0], is_html)
    # the name the page gives itself: its head's, else its footer's copyright holder (read only then)
    own_name = meta.site or copyright_holder([v.block.text for v in verdicts[-FOOTER_LINES:]])
    if is_html and title and title_index is None:
        title = _nearer_headline(verdicts, title, meta, kept[0])
        # past a space, the name a source line gives is the site's too (``来源：X``, the title ``… X``)
        title, title_site = _printed(verdicts, title, title_site, own_name or found.site, kept[0])
    if labelled is None and not is_html and found.header_index >= 0 and (
        title_index is None or not confirmed(verdicts, title_index, anchor, kept[0])
    ):  # no headline naming the story near it: look over the page's dateline far above the article
        title, title_index, title_site = _headed_title(verdicts, meta, found.header_index, kept[0]) or (
            title, title_index, title_site
        )
    if title_index is not None:
        consumed.add(title_index)
    folded_title = fold(title) if title else ""
    above = _story_start(verdicts, title_index, anchor, kept[0]) if date_opens else 0
    above = above or _past_stray_start(verdicts, title_index, kept[0])
    out = _marked(verdicts, above, title_index, folded_title, consumed)
    width_fold = config.width_fold if config else False
    text_format = config.text_format if config else "text"
    text = plain = normalize_text([v.block.text for v in out if v.keep], width_fold)
    if is_listing(out):  # also when all it kept is its heading, which the title took
        out = [_dropped(v, LISTING_STEP) if v.keep else v for v in out]
        return Drop(doc.uri, DropReason.NO_ARTICLE, "entries of a listing and no prose", "document"), out
    if not text:
        return Drop(doc.uri, DropReason.NO_CONTENT, "only metadata kept", "document"), out
    if text_format == "markdown":
        from cleantext.document.markdown import render_markdown  # only Markdown runs load it

        text = render_markdown([v.block for v in out if v.keep], width_fold)
    date = find_date(meta.date, lang) if meta.date else None
    first, last = kept[0], kept[-1]
    headline = _headline_at(out, title_index, folded_title, first)
    dateline = found.date_index if 0 <= found.date_index <= last else None
    author = found.author or placed_author(out, headline, dateline, first, last)
    url = doc.hints.get("url") or meta.url
    article = Article(
        id=record_id(doc.hints.get("id"), url, title, plain),  # the same record in both text formats
        text=text,
        title=title,
        # a WARC-Date is the crawl's date, not the article's; a script's date comes last
        date=date or found.date or (find_date(meta.script_date, lang) if meta.script_date else None),
        site=found.site or meta.site or title_site or own_name,
        author=author or meta.author,
        url=url,
        lang=None,  # the language tagger (convert/lang.py) reads the record's text; ``lang`` (the page's
        lang_score=None,  # own claim, <html lang>) only helps read its dates
        langs=None,
        script=None,
        input=doc.uri,
        encoding=doc.encoding,
        text_format=text_format,
        meta=doc.hints.get("meta"),
    )
    return article, out


def build_article(
    doc: Decoded, verdicts: list[Verdict], meta: PageMeta | None, config: Config | None
) -> Article | Drop:
    """The record for a page, or the reason it has none."""
    return finalize(doc, verdicts, meta, config)[0]
