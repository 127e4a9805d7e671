"""Is there an article on the page at all? A listing, an index or a search page holds entries
(headlines, links, teasers cut short) and no prose of its own; what the boilerplate stage keeps
of it is a stray line: a results counter, a channel's name, a menu that escaped the ladder.

The method looks at what is kept and at what the page lists, never at words:

- an article holds prose: a kept block with ``MIN_SENTENCE_MARKS`` sentence marks over
  ``MIN_PROSE_UNITS`` units or ending a sentence, not a teaser cut short and not mostly link
  text; or, for a brief written one sentence a paragraph, ``MIN_SENTENCES`` kept blocks that end
  a sentence; or a block of code or verse (``<pre>``, a dump's code line, or ``MIN_VERSE_LINES``
  kept lines of one HTML parent that are no links and stand in no list: a song between ``<br>``);
- a page without such prose is a listing when its entries (blocks that are links, list items or
  bullet lines and do not end a sentence; blocks dropped as a menu, a teaser list, link-dense)
  number ``MIN_ENTRIES`` at least, outweigh the kept text ``LISTED_RATIO`` times and hold
  ``LISTED_SHARE`` of the page's text.

A page that is neither (a caption, a form, a line of text with no list around it) is left to the
other rules: only a page that lists and says nothing is dropped as ``no-article``.

>>> from cleantext.model import Block, DropReason, KeepReason, Verdict
>>> entries = [Verdict(Block(i, f"Headline number {i} about the harbour", in_list=True), False, DropReason.RELATED)
...            for i in range(8)]
>>> counter = Verdict(Block(9, "Showing results 1 to 8 of 214"), True, KeepReason.FALLBACK)
>>> is_listing([*entries, counter])
True
>>> prose = Verdict(Block(9, "The library opens late on Saturdays. Staff said demand grew."), True, KeepReason.BODY)
>>> is_listing([*entries, prose])
False
"""

from __future__ import annotations

from cleantext.boilerplate.features import Features, features_of
from cleantext.model import DropReason, KeepReason, Verdict

MIN_SENTENCE_MARKS = 2  # marks (，。. , ;) in a block of prose: one clause is a headline's, two a sentence's
MIN_PROSE_UNITS = 20  # units of a block of prose: ten English words, twenty Chinese characters
MIN_SENTENCES = 2  # kept blocks ending a sentence that make a brief of one-sentence paragraphs
MIN_SENTENCE_UNITS = 8  # units of such a sentence
# A teaser is a line or two cut short; a longer text ending in an ellipsis is prose (a review, a
# post) whose page shows its start
MAX_TEASER_UNITS = 60
# Kept for what they are, not for their prose: code and verse a page quotes
CONTENT_REASONS = frozenset((KeepReason.PREFORMATTED, KeepReason.CODE))
MIN_VERSE_LINES = 8  # kept lines of one HTML parent, no links, no list: a stanza or two of verse
LINKED = 0.5  # share of a block's characters inside links that makes it a link
MIN_ENTRIES = 5  # entries of the shortest listing
LISTED_RATIO = 3.0  # the listing's units over the kept text's units
# Share of the page's units in its entries: a listing is mostly its list; an article page whose
# article was missed still holds its story, menus and sidebars beside the lists
LISTED_SHARE = 0.8
# Blocks the boilerplate stage dropped as entries of a list of links
ENTRY_REASONS = frozenset((DropReason.NAV, DropReason.RELATED, DropReason.LINK_DENSE, DropReason.TEASER))


def _linked(verdict: Verdict) -> bool:
    block = verdict.block
    return block.link_chars > LINKED * max(1, len(block.text) - block.text.count(" "))


def _verse(kept: list[Verdict]) -> bool:
    """Are ``MIN_VERSE_LINES`` kept HTML blocks of one parent no links and in no list: a poem's or
    a song's lines set apart by ``<br>`` (a listing's entries are links or list items)?"""
    lines: dict[int, int] = {}
    for verdict in kept:
        block = verdict.block
        if block.source == "html" and not block.in_list and not _linked(verdict):
            lines[block.group] = lines.get(block.group, 0) + 1
    return max(lines.values(), default=0) >= MIN_VERSE_LINES


def _has_prose(kept: list[Verdict]) -> bool:
    if _verse(kept):
        return True
    sentences = 0
    for verdict in kept:
        if verdict.reason in CONTENT_REASONS:
            return True
        if _linked(verdict):
            continue
        feats = features_of(verdict.block.text)
        if feats.truncated and feats.units < MAX_TEASER_UNITS:
            continue
        if feats.punct >= MIN_SENTENCE_MARKS and (feats.units >= MIN_PROSE_UNITS or feats.ends_sentence):
            return True
        if feats.ends_sentence and feats.units >= MIN_SENTENCE_UNITS:
            sentences += 1
    return sentences >= MIN_SENTENCES


def _is_entry(verdict: Verdict, feats: Features) -> bool:
    if not verdict.keep and verdict.reason in ENTRY_REASONS:
        return True
    block = verdict.block
    return (_linked(verdict) or block.in_list or block.bullet) and not feats.ends_sentence


def is_listing(verdicts: list[Verdict]) -> bool:
    """Does the page list entries and keep no prose (see the module's note)?"""
    kept = [v for v in verdicts if v.keep]
    if _has_prose(kept):
        return False
    feats = [features_of(v.block.text) for v in verdicts]  # once a block: entries and sums read them
    entries = [f.units for v, f in zip(verdicts, feats, strict=True) if _is_entry(v, f)]
    if len(entries) < MIN_ENTRIES:
        return False
    listed = sum(entries)
    kept_units = sum(f.units for v, f in zip(verdicts, feats, strict=True) if v.keep)
    page_units = sum(f.units for f in feats)
    return listed >= LISTED_RATIO * kept_units and listed >= LISTED_SHARE * page_units
