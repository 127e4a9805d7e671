"""Document: kept blocks → Article, with title, date, site, author, url and normalised text.

Where each field comes from, in order of trust:

- title: HTML head candidates (``title.html_title``); in a dump, the headline line before the
  date line or before the article (``title.dump_title``). A body block repeating the title leaves
  the body.
- date, site, author: for HTML the head (``<meta>``, JSON-LD) first, then the page's own lines;
  for dumps the lines only (``lines.read_line``), searched just before and just after the
  article; with no date there, the first line above that is a dateline and nothing more. Lines
  that hold only metadata leave the body.
- url: the container (WARC, JSONL), else ``og:url``/canonical link.

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

from dataclasses import dataclass, replace

from cleantext.config import Config
from cleantext.document.dates import find_date
from cleantext.document.ids import record_id
from cleantext.document.lines import LineMeta, read_line
from cleantext.document.normalize import normalize_paragraph, normalize_text
from cleantext.document.title import html_title, looks_like_title, strip_channel_tag
from cleantext.model import Article, BlockClass, Decoded, Drop, DropReason, KeepReason, PageMeta, Step, Verdict
from cleantext.text import fold

META_BEFORE = 12  # blocks before the article searched for date/source/author lines
META_AFTER = 6  # blocks after the article searched for author/editor credits
TITLE_BEFORE = 8  # blocks before the date line or the article searched for the headline
# Verdicts a dump's headline can carry: undecided or article-like, or repeated (pages show the
# headline again in a list or a breadcrumb), never a named kind of boilerplate.
TITLE_REASONS = frozenset((
    DropReason.SHORT, KeepReason.BODY, KeepReason.CONTEXT, DropReason.OUTSIDE, KeepReason.FALLBACK, DropReason.REPEATED
))
# The steps of this stage that drop a kept block, each with the reason it gives
TITLE_STEP = Step("title", BlockClass.BAD, DropReason.METADATA)  # the headline, or a block repeating it
METADATA_STEP = Step("metadata", BlockClass.BAD, DropReason.METADATA)  # a line of date, source, author


@dataclass
class _Found:
    date: str | None = None
    site: str | None = None
    author: str | None = None
    date_index: int = -1

    def add(self, index: int, line: LineMeta) -> None:
        if line.date and self.date is None:
            self.date, self.date_index = line.date, index
        self.site = self.site or line.site
        self.author = self.author or line.author


def _scan_lines(verdicts: list[Verdict], first: int, last: int, lang: str | None) -> tuple[_Found, set[int]]:
    found, consumed = _Found(), set()
    lo, hi = max(0, first - META_BEFORE), min(len(verdicts), last + META_AFTER + 1)
    for i in range(lo, hi):
        block = verdicts[i].block
        line = read_line(block.text, lang, int(verdicts[i].score))  # score holds the block's units
        if block.in_list and not verdicts[i].keep and not line.consumed:
            continue  # a dropped list entry's date is a teaser's; a line of metadata only is the page's
        if line.date or line.site or line.author:
            if i > last and not line.consumed:
                continue
            found.add(i, line)
            if line.consumed:
                consumed.add(i)
    if found.date is None:
        found.date = _labelled_date(verdicts, lo, lang)
    return found, consumed


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


def dump_title(verdicts: list[Verdict], anchor: int) -> int | None:
    """Index of the headline: the nearest title-like, non-list line before ``anchor`` that is
    not itself a dateline (``AFP 30 avril 2015 à 07:19``)."""
    for i in range(anchor - 1, max(-1, anchor - 1 - TITLE_BEFORE), -1):
        block = verdicts[i].block
        if block.in_list or (verdicts[i].keep and i != anchor - 1):
            continue
        if (
            looks_like_title(block.text)
            and verdicts[i].reason in TITLE_REASONS
            and find_date(block.text) is None
        ):
            return i
    return None


def _lang(meta: PageMeta) -> str | None:
    return meta.lang.split("-")[0].split("_")[0] if meta.lang else None


def _title(
    verdicts: list[Verdict], meta: PageMeta, anchor: int, is_html: bool
) -> tuple[str | None, int | None]:
    if is_html:
        title = html_title(meta.title, meta.og_title, meta.h1)
        return (normalize_paragraph(title) or None) if title else None, None
    index = dump_title(verdicts, anchor)
    if index is None:
        return None, None
    return strip_channel_tag(normalize_paragraph(verdicts[index].block.text)) or None, index


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
    found, consumed = _scan_lines(verdicts, kept[0], kept[-1], lang)
    is_html = bool(verdicts) and verdicts[0].block.source == "html"
    # The headline sits before the date line when that line opens the article (at most a kept
    # block or two, such as the headline itself, before it); otherwise before the article.
    date_opens = 0 <= found.date_index and sum(1 for i in kept if i < found.date_index) <= 2
    anchor = found.date_index if date_opens else kept[0]
    title, title_index = _title(verdicts, meta, anchor, is_html)
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
        site=found.site or meta.site,
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
