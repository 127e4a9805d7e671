"""Document: kept blocks → Article, with title, date, site, author, url and normalised text.

Where each field comes from, in order of trust:

- title: HTML head candidates (``title.html_title``); in a dump, the headline line before the
  date line or before the article (``dump_title``): the nearest title-like line that shares its
  words with the story, else the nearest in the story's script. A body block repeating the
  title leaves the body. A site's name worn by the title (``标题-滨江晨报``, ``每日快评--标题``)
  leaves it (``title.split_site``) and fills ``site`` when nothing else names the site.
- date, site, author: for HTML the head (``<meta>``, JSON-LD, microdata) first, then the page's
  own lines; for dumps the lines only (``lines.read_line``, and ``lines.lead_date`` for a long
  toolbar line opening with the date), searched just before and just after the article: the
  first dated line at or above its start, else the first below it; with no date there, the
  first line above that is a dateline and nothing more; with none at all and a crawl time
  known (``hints["date"]``, a WARC-Date), a relative dateline (``3小时前``) read against it.
  Lines that hold only metadata leave the body.
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

from collections import Counter
from dataclasses import dataclass, replace

from cleantext.config import Config
from cleantext.document.dates import find_date, relative_date
from cleantext.document.ids import record_id
from cleantext.document.lines import MAX_META_UNITS, LineMeta, lead_date, read_line, relative_line
from cleantext.document.normalize import normalize_paragraph, normalize_text
from cleantext.document.page_kind import is_listing
from cleantext.document.title import (
    PLACEHOLDER,
    SEPARATORS,
    html_title,
    looks_like_title,
    split_site,
    strip_channel_tag,
)
from cleantext.model import Article, BlockClass, Decoded, Drop, DropReason, KeepReason, PageMeta, Step, Verdict
from cleantext.regexes import compiled
from cleantext.text import WORD_UNITS, fold, letter_counts

META_BEFORE = 12  # blocks before the article searched for date/source/author lines
META_AFTER = 6  # blocks after the article searched for author/editor credits
TITLE_BEFORE = 8  # blocks before the date line or the article searched for the headline
# Share of a headline's terms (CJK character pairs, Latin words) that its story repeats: a
# story names what its headline says; a caption, a toolbar label or a byline shares little.
SHARED_TERMS = 0.3
# Words of scripts written with spaces (Latin, Cyrillic, Greek, Arabic…), three letters or more,
# and runs of CJK ideographs and kana.
LATIN_TERM = compiled(r"[^\W\d_\u3040-\u30ff\u3400-\u9fff]{3,}")
CJK_RUN = compiled(r"[\u3040-\u30ff\u3400-\u9fff]{2,}")
LEAD_AHEAD = 4  # kept blocks past the article's first one the lead paragraph is looked for in
META_GAP = 2  # lines: a byline or dateline this close under a line makes it a headline's place
STRUCTURE_BONUS = 0.2  # added to the share of a heading's or a line over a byline/dateline
# Terms shared for a share to count in full: a line of two words (a site's name, a section's)
# that the story happens to repeat says less than a headline of six that it does.
EVIDENCE_TERMS = 4
DISTANCE_COST = 0.02  # taken from a candidate's score for each nearer candidate
# Taken from the score of a line holding an image's or a button's stand-in (``[logo] Workshops``):
# a menu's or a banner's line, seldom a headline.
STAND_IN_COST = 0.2
TOPIC_PARAGRAPHS = 2  # paragraphs of the story holding a term for it to count in full
# Verdicts a dump's headline can carry: undecided or article-like, or repeated (pages show the
# headline again in a list or a breadcrumb), never a named kind of boilerplate.
TITLE_REASONS = frozenset((
    DropReason.SHORT,
    KeepReason.BODY,
    KeepReason.CONTEXT,
    DropReason.OUTSIDE,
    KeepReason.FALLBACK,
    DropReason.REPEATED,
    KeepReason.CODE,  # a headline the dump's code test mistook (model numbers, prices: ``X2 ships at $99``)
))
# The steps of this stage that drop a kept block, each with the reason it gives
TITLE_STEP = Step("title", BlockClass.BAD, DropReason.METADATA)  # the headline, or a block repeating it
METADATA_STEP = Step("metadata", BlockClass.BAD, DropReason.METADATA)  # a line of date, source, author
LISTING_STEP = Step("listing", BlockClass.BAD, DropReason.NO_ARTICLE)  # what a page with no article kept


@dataclass
class _Found:
    date: str | None = None
    site: str | None = None
    author: str | None = None
    date_index: int = -1

    def add(self, line: LineMeta) -> None:
        self.site = self.site or line.site
        self.author = self.author or line.author


def _first_date(dates: list[tuple[int, str]], first: int) -> tuple[int, str] | None:
    """The article's date among the dated lines around it, in document order: the first at or
    above its start, else the first below it (comments and related links below the article
    carry later dates, and count only when nothing above is dated)."""
    above = [d for d in dates if d[0] <= first]
    if above:
        return above[0]
    return dates[0] if dates else None


def _scan_lines(
    verdicts: list[Verdict], first: int, last: int, lang: str | None, crawled: str | None
) -> tuple[_Found, set[int]]:
    found, consumed = _Found(), set()
    dates: list[tuple[int, str]] = []
    lo, hi = max(0, first - META_BEFORE), min(len(verdicts), last + META_AFTER + 1)
    for i in range(lo, hi):
        block = verdicts[i].block
        units = int(verdicts[i].score)  # score holds the block's units
        line = read_line(block.text, lang, units)
        if block.in_list and not verdicts[i].keep and not line.consumed:
            continue  # a dropped list entry's date is a teaser's; a line of metadata only is the page's
        if line.date or line.site or line.author:
            if i > last and not line.consumed:
                continue
            found.add(line)
            if line.date:
                dates.append((i, line.date))
            if line.consumed:
                consumed.add(i)
        elif i <= first and units > MAX_META_UNITS and (lead := lead_date(block.text, lang)):
            dates.append((i, lead))
    _choose_date(verdicts, found, dates, range(lo, min(hi, last + 1)), first, lang)
    if found.date is None and crawled:
        index = _relative(verdicts, range(lo, min(hi, last + 1)), first)
        if index is not None:
            found.date, found.date_index = relative_date(verdicts[index].block.text, crawled), index
            consumed.add(index)
    return found, consumed


def _choose_date(
    verdicts: list[Verdict], found: _Found, dates: list[tuple[int, str]], around: range, first: int, lang: str | None
) -> None:
    """The article's date from the dated lines around it, else the page's dateline above them."""
    chosen = _first_date(dates, first)
    if chosen is not None:
        found.date_index, found.date = chosen
    else:
        found.date = _labelled_date(verdicts, around.start, lang)


def _relative(verdicts: list[Verdict], around: range, first: int) -> int | None:
    """The line of a page with no date that dates it relatively (``3小时前``), to be read against
    the crawl time: chosen as an absolute one is."""
    lines = [i for i in around if relative_line(verdicts[i].block.text, int(verdicts[i].score))]
    chosen = _first_date([(i, "") for i in lines], first)
    return None if chosen is None else chosen[0]


def _labelled_date(verdicts: list[Verdict], end: int, lang: str | None) -> str | None:
    """The first line before ``end`` that is a dateline and nothing more (``时间：2004年10月21日
    14:18 作者：郭励弘``): the header of a page whose article starts far below it."""
    for verdict in verdicts[:end]:
        if verdict.block.in_list:
            continue
        line = read_line(verdict.block.text, lang, int(verdict.score))
        if line.date and line.consumed:
            return line.date
    return None


def _page_is_cjk(verdicts: list[Verdict]) -> bool:
    """Is most of the kept text written in CJK characters (counted in units, as ``units_of`` does)?"""
    cjk = words = 0
    for verdict in verdicts:
        if verdict.keep:
            c, w = letter_counts(verdict.block.text)
            cjk, words = cjk + c, words + w
    return cjk > WORD_UNITS * words


def _terms(text: str) -> set[str]:
    """Pairs of adjacent CJK characters and lowercased Latin words: what a headline shares with
    the story under it."""
    terms = {m.group().lower() for m in LATIN_TERM.finditer(text)}
    for run in CJK_RUN.findall(text):
        terms.update(run[k : k + 2] for k in range(len(run) - 1))
    return terms


def _share(text: str, body: Counter[str]) -> tuple[float, int]:
    """The share of the terms of ``text`` that the story repeats, and their number. ``body``
    counts the story's paragraphs holding each term; a term in fewer than ``TOPIC_PARAGRAPHS``
    counts that fraction: a story comes back to what its headline names, while a prompt
    (``Keep reading the main story``) shares a word or two by chance."""
    terms = _terms(text)
    if not terms:
        return 0.0, 0
    weight = sum(min(body[t], TOPIC_PARAGRAPHS) for t in terms) / TOPIC_PARAGRAPHS
    return weight / len(terms), sum(1 for t in terms if body[t])


def _lead(verdicts: list[Verdict], first: int) -> int:
    """The article's first paragraph of prose: the first block from ``first`` on kept on its own
    merits (``KeepReason.BODY``), not for its neighbours' sake (a dump keeps the headline, a
    byline, a caption above the story when context smoothing joins them to it). At most
    ``LEAD_AHEAD`` kept blocks past ``first``."""
    seen = 0
    for i in range(first, len(verdicts)):
        verdict = verdicts[i]
        if not verdict.keep:
            continue
        if seen == LEAD_AHEAD or verdict.reason == KeepReason.BODY:
            return i
        seen += 1
    return first


def _candidate(verdicts: list[Verdict], i: int, first: int, lead: int, date_index: int) -> bool:
    """Can line ``i`` be the headline? Title-like (``looks_like_title``), not a list entry, not
    the date line nor a dateline (``AFP 30 avril 2015 à 07:19``), of a verdict a headline can
    carry; a kept line only above the lead paragraph, and only in a headline's place."""
    if not _title_like(verdicts, i, lead, date_index):
        return False
    # A line inside the article (at or below its first kept block) is the headline only in a
    # headline's place: the article's first line under the date line, or over a byline; else it
    # is the story's first subheading (``一、…``) or a line of its prose (a poem's verse).
    return i < first or 0 <= date_index < i == first or _over_metadata(verdicts, i, lead, date_index)


def _title_like(verdicts: list[Verdict], i: int, lead: int, date_index: int) -> bool:
    verdict = verdicts[i]
    if verdict.block.in_list or i == date_index or (verdict.keep and i >= lead):
        return False
    text = verdict.block.text
    return verdict.reason in TITLE_REASONS and looks_like_title(strip_channel_tag(text)) and find_date(text) is None


def _over_metadata(verdicts: list[Verdict], i: int, lead: int, date_index: int) -> bool:
    """Does a line of metadata (a byline, a dateline, a source) follow line ``i`` within
    ``META_GAP`` lines, before the lead, with no other title-like line between? A headline
    stands over its byline and date."""
    for j in range(i + 1, min(lead, i + 1 + META_GAP)):
        if j == date_index or read_line(verdicts[j].block.text, None, int(verdicts[j].score)).consumed:
            return True
        if _title_like(verdicts, j, lead, date_index):
            return False
    return False


def dump_title(verdicts: list[Verdict], anchor: int, first: int | None = None) -> int | None:
    """Index of the headline in a dump. Candidates (``_candidate``) are the lines from
    ``TITLE_BEFORE`` lines above the date line (``anchor``) or the article's first kept block
    (``first``), whichever is higher, down to the lead paragraph (``_lead``).

    Between a headline and its story a dump holds other lines of a headline's length — a QR
    code's caption (``Scan me!``), a toolbar's label, the author's name, "Continue reading" — but
    the headline shares its words with the story (``SHARED_TERMS``). Among the lines that do,
    the one sharing the most (``_share``; a share of few terms counts less: ``EVIDENCE_TERMS``)
    wins, helped by standing as a heading (a Markdown ``#``) or over a byline or dateline
    (``STRUCTURE_BONUS``), hindered by distance from the article (``DISTANCE_COST`` a line) and
    by an image's stand-in (``STAND_IN_COST``). Failing any, the nearest line written in the
    article's script; when no line is, the nearest title-like line."""
    first = anchor if first is None else first
    date_index = anchor if anchor != first else -1
    # kept lines above the date line (the headline kept as prose, at most two: see ``finalize``)
    # are not the story: it starts under the date line
    lead = _lead(verdicts, anchor + 1 if anchor > first else first)
    top = min(anchor, first)
    end = max(anchor, lead)
    window = range(end - 1, max(-1, top - 1 - TITLE_BEFORE), -1)  # nearest first
    candidates = [i for i in window if _candidate(verdicts, i, first, lead, date_index)]
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    body: Counter[str] = Counter()  # paragraphs of the story holding each term
    for i in range(lead, len(verdicts)):
        if verdicts[i].keep:
            body.update(_terms(verdicts[i].block.text))
    best, best_score = None, 0.0
    for rank, i in enumerate(candidates):
        share, shared = _share(verdicts[i].block.text, body)
        if share < SHARED_TERMS:
            continue
        score = share * min(1.0, shared / EVIDENCE_TERMS) - DISTANCE_COST * rank
        if verdicts[i].block.kind.startswith("h") or _over_metadata(verdicts, i, lead, date_index):
            score += STRUCTURE_BONUS
        if PLACEHOLDER.search(verdicts[i].block.text):
            score -= STAND_IN_COST
        if best is None or score > best_score:
            best, best_score = i, score
    if best is not None:
        return best
    cjk = _page_is_cjk(verdicts)
    return next((i for i in candidates if (letter_counts(verdicts[i].block.text)[0] > 0) == cjk), candidates[0])


def _lang(meta: PageMeta) -> str | None:
    return meta.lang.split("-")[0].split("_")[0] if meta.lang else None


def _chrome(verdicts: list[Verdict], title_index: int | None) -> list[str]:
    """The page's dropped text, folded: where a site's name repeats (logo, footer, copyright)."""
    return [fold(v.block.text) for i, v in enumerate(verdicts) if not v.keep and i != title_index]


def _title(
    verdicts: list[Verdict], meta: PageMeta, anchor: int, first: int, is_html: bool
) -> tuple[str | None, int | None, str | None]:
    """The title, the index of its line in a dump, and the site's name the title wore."""
    if is_html:
        candidates = [c for c in (meta.title, meta.og_title, meta.h1) if c]
        chrome = _chrome(verdicts, None) if any(SEPARATORS.search(c) for c in candidates) else []
        title, site = html_title(meta.title, meta.og_title, meta.h1, meta.site, chrome)
        return (normalize_paragraph(title) or None) if title else None, None, site
    index = dump_title(verdicts, anchor, first)
    if index is None:
        return None, None, None
    line = strip_channel_tag(normalize_paragraph(verdicts[index].block.text))
    chrome = _chrome(verdicts, index) if SEPARATORS.search(line) else []
    title, site = split_site(line, meta.site, chrome)
    return title or None, index, site


def _dropped(verdict: Verdict, step: Step) -> Verdict:
    return replace(verdict, keep=False, reason=step.reason, chain=(*verdict.chain, step))


def finalize(
    doc: Decoded, verdicts: list[Verdict], meta: PageMeta | None, config: Config | None
) -> tuple[Article | Drop, list[Verdict]]:
    """The record (or the reason there is none) and the verdicts as the document stage left them."""
    meta = meta or PageMeta()
    kept = [i for i, v in enumerate(verdicts) if v.keep]
    if not kept:
        return Drop(doc.uri, DropReason.NO_CONTENT, "no block kept", "boilerplate"), verdicts
    lang = _lang(meta)
    found, consumed = _scan_lines(verdicts, kept[0], kept[-1], lang, doc.hints.get("date"))
    is_html = bool(verdicts) and verdicts[0].block.source == "html"
    # The headline sits before the date line when that line opens the article (at most a kept
    # block or two, such as the headline itself, before it); otherwise before the article.
    date_opens = 0 <= found.date_index and sum(1 for i in kept if i < found.date_index) <= 2
    anchor = found.date_index if date_opens else kept[0]
    title, title_index, title_site = _title(verdicts, meta, anchor, kept[0], is_html)
    if title_index is not None:
        consumed.add(title_index)
    folded_title = fold(title) if title else ""
    out = []
    for i, verdict in enumerate(verdicts):
        if not verdict.keep:
            out.append(verdict)
        elif i == title_index or (folded_title and fold(verdict.block.text) == folded_title):
            out.append(_dropped(verdict, TITLE_STEP))
        elif i in consumed:
            out.append(_dropped(verdict, METADATA_STEP))
        else:
            out.append(verdict)
    width_fold = config.width_fold if config else False
    text_format = config.text_format if config else "text"
    text = plain = normalize_text([v.block.text for v in out if v.keep], width_fold)
    if not text:
        return Drop(doc.uri, DropReason.NO_CONTENT, "only metadata kept", "document"), out
    if is_listing(out):
        out = [_dropped(v, LISTING_STEP) if v.keep else v for v in out]
        return Drop(doc.uri, DropReason.NO_ARTICLE, "entries of a listing and no prose", "document"), out
    if text_format == "markdown":
        from cleantext.document.markdown import render_markdown  # only Markdown runs load it

        text = render_markdown([v.block for v in out if v.keep], width_fold)
    date = find_date(meta.date, lang) if meta.date else None
    url = doc.hints.get("url") or meta.url
    article = Article(
        id=record_id(doc.hints.get("id"), url, title, plain),  # the same record in both text formats
        text=text,
        title=title,
        date=date or found.date,  # a WARC-Date is the crawl's date, not the article's
        site=found.site or meta.site or title_site,
        author=found.author or meta.author,
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
