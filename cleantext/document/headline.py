"""A dump's headline: which line above the article (or above its date line) is the title.

Between a headline and its story a dump holds other lines of a headline's length: a QR code's
caption, a toolbar's label, the author's name, "Continue reading". The headline is told from them
by what it shares with the story (``dump_title``); HTML pages take their title from the head
instead (``title.html_title``).

A line of a menu or a toolbar the ladder kept as prose (``Hot topics: A | B | C``) can stand alone
over the headline, the byline and the story: then the article seems to start above its headline,
and the headline is looked for over the story's run as well (``dump_headline``).
"""

from __future__ import annotations

from collections import Counter

from cleantext.document.dates import find_date
from cleantext.document.lines import read_line
from cleantext.document.scan import counted, past_stray
from cleantext.document.terms import share_of, story_terms, terms_of
from cleantext.document.title import PLACEHOLDER, looks_like_title, strip_channel_tag
from cleantext.model import HEADING_KINDS, DropReason, KeepReason, Verdict
from cleantext.regexes import compiled
from cleantext.text import WORD_UNITS, fold, is_age, letter_counts

# Blocks before the date line or the article searched for the headline: a media box (its
# prompts and caption) and a related list's heading and entries can stand between them.
TITLE_BEFORE = 10
# Blocks further up a headline is still looked for in, on strong evidence only: a gallery, a
# share bar or an ad's lines can push it out of ``TITLE_BEFORE``, where a site's name and a menu's
# entries stand too; there a line is the headline only when it names the story (``FAR_SHARE`` of
# its terms, at least ``EVIDENCE_TERMS`` of them).
FAR_BEFORE = 20
FAR_SHARE = 0.6
# Share of a headline's terms (CJK character pairs, Latin words) that its story repeats: a
# story names what its headline says; a caption, a toolbar label or a byline shares little.
SHARED_TERMS = 0.3
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
# Terms a shorter line right over a best-scoring sentence shares with the story for it to be the
# headline over its standfirst (a summary sentence repeats more of the story than its headline);
# a kicker over a headline (``ASIAN POP``, a section's name) shares fewer, and a headline is no
# sentence (``_sentence``).
STANDFIRST_TERMS = 3
# Units (20 words, 40 CJK characters) from which a line with a clause mark inside (a comma, a
# colon) reads as a standfirst under a shorter headline even without a final stop; headlines
# seldom run so long, and when they do a shorter line over them that names the story is rarer.
STANDFIRST_UNITS = 40
CLAUSE_MARK = compiled(r"[,:;]\s|[，：；、]")
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
# Verdicts a line right over the article's date line can carry and still be its headline: the
# ladder takes a bullet for a teaser list's entry, and a headline the site cut short (``…免...``)
# for a teaser.
OVER_DATE_REASONS = TITLE_REASONS | {DropReason.RELATED, DropReason.TEASER}
# A dump's heading (a Markdown ``#``) the ladder took for a menu written out as one line (a long
# headline has no sentence marks either, and a menu is no heading), or for a link (a blog's
# headline links to its own page: ``## [Title](https://…/title/)``).
HEADING_REASONS = frozenset((DropReason.NAV, DropReason.LINK_DENSE))
MENU_REASONS = frozenset((DropReason.NAV,))  # a line that is no heading, dropped as a menu (``_menu_like``)


def _conditional(verdict: Verdict) -> bool:
    """A line that is a headline only right over the date line, and only by what it shares with
    the story (``_title_like``, ``dump_title``): a list entry, or a line the ladder took for a teaser."""
    return verdict.block.in_list or verdict.reason is DropReason.TEASER


def _page_is_cjk(verdicts: list[Verdict]) -> bool:
    """Is most of the kept text written in CJK characters (counted in units, as ``units_of`` does)?"""
    cjk = words = 0
    for verdict in verdicts:
        if verdict.keep:
            c, w = letter_counts(verdict.block.text)
            cjk, words = cjk + c, words + w
    return cjk > WORD_UNITS * words


def _far_headlines(verdicts: list[Verdict], far: list[int], top: int, body: Counter[str]) -> list[int]:
    """The lines of ``far`` (more than ``TITLE_BEFORE`` lines above the article's ``top``) that
    name the story: ``FAR_SHARE`` of their terms and ``EVIDENCE_TERMS`` at least shared with it
    (``share_of``), and no copy of a line the article keeps (a table of contents' entry, a label)."""
    named = []
    for i in far:
        share, shared = share_of(verdicts[i].block.text, body)
        if share >= FAR_SHARE and shared >= EVIDENCE_TERMS:
            named.append(i)
    if not named:
        return []
    kept = {fold(v.block.text) for v in verdicts[top:] if v.keep}
    return [i for i in named if fold(verdicts[i].block.text) not in kept]


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


def story_lead(verdicts: list[Verdict], anchor: int, first: int) -> int:
    """The story's lead paragraph (``_lead``) under the date line ``anchor`` when it is above the
    article's first kept block ``first``, else from that block: kept lines above the date line
    (the headline kept as prose, at most two: see ``finalize``) are not the story."""
    return _lead(verdicts, anchor + 1 if anchor > first else first)


def _candidate(verdicts: list[Verdict], i: int, first: int, lead: int, date_index: int) -> bool:
    """Can line ``i`` be the headline? Title-like (``looks_like_title``), not a list entry, not
    the date line nor a dateline (``AFP 30 avril 2015 à 07:19``), of a verdict a headline can
    carry; a kept line only above the lead paragraph, and only in a headline's place."""
    if not _title_like(verdicts, i, lead, date_index, date_index if date_index >= 0 else first):
        return False
    # A line inside the article (at or below its first kept block) is the headline only in a
    # headline's place: the article's first line under the date line, or over a byline, or the
    # article's first line kept for its neighbours' sake (``_context_first``); else it is the
    # story's first subheading (``一、…``) or a line of its prose (a poem's verse).
    if i < first or 0 <= date_index < i == first or _metadata_under(verdicts, i, lead, date_index) >= 0:
        return True
    return _context_first(verdicts, i, first)


def _stopped(text: str) -> bool:
    """Does ``text`` end in a full stop (not an ellipsis)? Headlines seldom do; captions do."""
    text = text.rstrip()
    return text.endswith(".") and not text.endswith("..")


def _context_first(verdicts: list[Verdict], i: int, first: int) -> bool:
    """Is line ``i`` the article's first block, kept for its neighbours' sake (context smoothing
    joins a headline to the story under it) rather than on its own merits? Then it is in a
    headline's place, as the article's first line under its date line is, unless it ends in a full
    stop (``_stopped``): a photo's caption or the story's first sentence, kept for the same reason."""
    return i == first and verdicts[i].reason is KeepReason.CONTEXT and not _stopped(verdicts[i].block.text)


def _title_like(verdicts: list[Verdict], i: int, lead: int, date_index: int, top: int = -1) -> bool:
    """A line of a headline's look and verdict; a list entry or a line cut short only right over
    the article's date line ``top`` (a page that sets its whole article inside a list item draws
    its headline as a bullet, with the date line and the story indented under it; a site may cut
    a long headline with an ellipsis; a teaser list's entries are not over the article's date)."""
    verdict = verdicts[i]
    if i == date_index or (verdict.keep and i >= lead):
        return False
    reasons = TITLE_REASONS
    if _conditional(verdict):
        if not _over_date(verdicts, i, top):
            return False
        reasons = OVER_DATE_REASONS
    if verdict.block.kind in HEADING_KINDS:
        reasons = reasons | HEADING_REASONS
    elif _menu_like(verdict):
        reasons = MENU_REASONS  # the headline only by what it shares (``dump_title``)
    text = verdict.block.text
    if verdict.reason not in reasons or not looks_like_title(strip_channel_tag(text)):
        return False
    return find_date(text) is None and not is_age(text)  # a date line or a post's age (``2 years ago``)


def _menu_like(verdict: Verdict) -> bool:
    """A line (no heading) the ladder took for a menu written out as one line: a long headline
    has no sentence marks either. It is the headline only when it names the story
    (``_far_headlines``), as a line far above the article is."""
    return verdict.reason is DropReason.NAV and verdict.block.kind not in HEADING_KINDS


def _over_date(verdicts: list[Verdict], i: int, top: int) -> bool:
    """Is line ``i`` right over the article's dated line ``top`` (empty blocks, a share bar's
    labels and lines of no letters, a counter's ``9 23``, passed over)?"""
    for j in range(i + 1, len(verdicts)):
        verdict = verdicts[j]
        if not counted(verdict):
            continue
        if j == top:
            return find_date(verdict.block.text) is not None
        if any(c.isalpha() for c in verdict.block.text):
            return False
    return False


def _lettered(verdict: Verdict) -> bool:
    """A line of distance holding a letter (``scan.counted``): no share bar's label, no count."""
    return counted(verdict) and any(c.isalpha() for c in verdict.block.text)


def _metadata_under(verdicts: list[Verdict], i: int, lead: int, date_index: int) -> int:
    """The line of metadata (a byline, a dateline, a source) under line ``i`` within ``META_GAP``
    lines of distance (``_lettered``), before the lead, with no other title-like line between (a
    headline stands over its byline and date), else -1."""
    gap = 0
    for j in range(i + 1, lead):
        if j == date_index or read_line(verdicts[j].block.text, None, int(verdicts[j].score)).consumed:
            return j
        if _title_like(verdicts, j, lead, date_index, date_index):
            return -1
        gap += _lettered(verdicts[j])
        if gap == META_GAP:
            break
    return -1


def _sentence(verdicts: list[Verdict], i: int) -> bool:
    """Is line ``i`` a sentence: ending in a stop, or going on in the next line (a wrapped
    paragraph's first line, the next one opening in lowercase), or of a summary's length with a
    clause mark inside (``STANDFIRST_UNITS``: many sites end their standfirst with no stop)?"""
    text = verdicts[i].block.text.rstrip()
    if text.endswith((".", "!", "?")) and not text.endswith(".."):
        return True
    if int(verdicts[i].score) >= STANDFIRST_UNITS and CLAUSE_MARK.search(text):
        return True
    following = verdicts[i + 1].block.text.lstrip() if i + 1 < len(verdicts) else ""
    return following[:1].islower()


def _over_standfirst(verdicts: list[Verdict], candidates: list[int], best: int, body: Counter[str]) -> int:
    """The candidate right over ``best`` (no line of letters between) when ``best`` reads as a
    sentence (``_sentence``) and that candidate is shorter and names the story too
    (``SHARED_TERMS``, ``STANDFIRST_TERMS`` terms): a headline stands over its standfirst, which
    repeats more of the story; else ``best``. A long line the ladder took for a menu
    (``_menu_like``) is a standfirst under any shorter line that shares ``SHARED_TERMS``."""
    k = candidates.index(best)
    menu = _menu_like(verdicts[best])
    if k + 1 == len(candidates) or not (menu or _sentence(verdicts, best)):
        return best
    upper = candidates[k + 1]
    for j in range(upper + 1, best):
        if _lettered(verdicts[j]):
            return best
    text = verdicts[upper].block.text
    share, shared = share_of(text, body)
    if share >= SHARED_TERMS and (menu or shared >= STANDFIRST_TERMS) and len(text) < len(verdicts[best].block.text):
        return upper
    return best


def _scored(
    verdicts: list[Verdict], candidates: list[int], body: Counter[str], lead: int, date_index: int
) -> list[tuple[int, float, int]]:
    """The candidates (nearest first) that share ``SHARED_TERMS`` of their terms with the story,
    each with its score (see ``dump_title``) and the line of metadata under it (-1 if none)."""
    scored = []
    for rank, i in enumerate(candidates):
        share, shared = share_of(verdicts[i].block.text, body)
        if share < SHARED_TERMS:
            continue
        score = share * min(1.0, shared / EVIDENCE_TERMS) - DISTANCE_COST * rank
        under = _metadata_under(verdicts, i, lead, date_index)
        if verdicts[i].block.kind.startswith("h") or under >= 0:
            score += STRUCTURE_BONUS
        if PLACEHOLDER.search(verdicts[i].block.text):
            score -= STAND_IN_COST
        scored.append((i, score, under))
    return scored


def _over_bylines(scored: list[tuple[int, float, int]]) -> list[tuple[int, float, int]]:
    """The scored candidates (index, score, the metadata line under it or -1) without those that
    stand under the byline or dateline of another one and over none of their own: a headline
    stands over its byline; the lines between the byline and the story (a photo's caption, a
    standfirst, a prompt) repeat the story's words as much, but are not its headline."""
    bylines = [(i, under) for i, _, under in scored if under >= 0]
    return [c for c in scored if c[2] >= 0 or not any(i < under < c[0] for i, under in bylines)]


def dump_title(verdicts: list[Verdict], anchor: int, first: int | None = None) -> int | None:
    """Index of the headline in a dump. Candidates (``_candidate``) are the lines from
    ``TITLE_BEFORE`` lines above the date line (``anchor``) or the article's first kept block
    (``first``), whichever is higher, down to the lead paragraph (``_lead``); up to
    ``FAR_BEFORE`` lines above, a line that names the story (``_far_headlines``), as a line the
    ladder took for a menu must (``_menu_like``).

    Between a headline and its story a dump holds other lines of a headline's length — a QR
    code's caption (``Scan me!``), a toolbar's label, the author's name, "Continue reading" — but
    the headline shares its words with the story (``SHARED_TERMS``). Among the lines that do,
    the one sharing the most (``share_of``; a share of few terms counts less: ``EVIDENCE_TERMS``)
    wins, helped by standing as a heading (a Markdown ``#``) or over a byline or dateline
    (``STRUCTURE_BONUS``), hindered by distance from the article (``DISTANCE_COST`` a line) and
    by an image's stand-in (``STAND_IN_COST``). A line under another one's byline or dateline
    is out (``_over_bylines``): a caption or a standfirst there repeats the story as much. Failing
    any, of the lines written in the article's script (of all when none is), the nearest one over
    a byline or dateline, else the nearest one."""
    first = anchor if first is None else first
    date_index = anchor if anchor != first else -1
    lead = story_lead(verdicts, anchor, first)
    top = min(anchor, first)
    end = max(anchor, lead)
    near = max(-1, top - 1 - TITLE_BEFORE)
    window = range(end - 1, max(-1, top - 1 - FAR_BEFORE), -1)  # nearest first
    found = [i for i in window if _candidate(verdicts, i, first, lead, date_index)]
    candidates = [i for i in found if i > near and not _menu_like(verdicts[i])]
    listed = [i for i in candidates if _conditional(verdicts[i])]
    far = [i for i in found if i <= near or _menu_like(verdicts[i])]
    if len(candidates) < 2 and not listed and not far:
        return candidates[0] if candidates else None
    wanted = set().union(*(terms_of(verdicts[i].block.text) for i in candidates + far))
    body = story_terms(verdicts, lead, wanted)
    candidates = sorted(candidates + _far_headlines(verdicts, far, top, body), reverse=True)  # nearest first
    if len(candidates) < 2 and not listed:
        return candidates[0] if candidates else None
    scored = _over_bylines(_scored(verdicts, candidates, body, lead, date_index))
    if scored:
        best = max(scored, key=lambda c: c[1])[0]  # the nearest of equal scores
        return _over_standfirst(verdicts, candidates, best, body)
    # a list entry or a line cut short is the headline only by what it shares with the story: a
    # bullet over the date line is as often an author's role or a caption
    candidates = [i for i in candidates if not verdicts[i].block.in_list]
    if not candidates:
        return None
    cjk = _page_is_cjk(verdicts)
    written = [i for i in candidates if (letter_counts(verdicts[i].block.text)[0] > 0) == cjk] or candidates
    # a headline stands over its byline or dateline: a line there before the nearest one (the
    # lines under the dateline, a caption or a reprint's other headline, name the story as little)
    return next((i for i in written if _metadata_under(verdicts, i, lead, date_index) >= 0), written[0])


def confirmed(verdicts: list[Verdict], index: int, anchor: int, first: int) -> bool:
    """Does the headline at ``index`` (``dump_title``) share ``SHARED_TERMS`` of its terms with
    the story under it? A headline picked only for its place (the one line there, or the nearest)
    may be a user's name or a label."""
    lead = story_lead(verdicts, anchor, first)
    text = verdicts[index].block.text
    return share_of(text, story_terms(verdicts, lead, terms_of(text)))[0] >= SHARED_TERMS


def dump_headline(verdicts: list[Verdict], anchor: int, first: int) -> int | None:
    """Index of the headline in a dump (``dump_title``). When the article's first kept block
    stands alone (``past_stray``), the headline is looked for over the article's second run too,
    and taken from there when it is no sentence (``_stopped``: a caption, a teaser) and nothing
    was found over the first run, or when it names the story under it (``confirmed``) better than
    the line found over the first run names the story under that (``_evidence``)."""
    index = dump_title(verdicts, anchor, first)
    second = past_stray(verdicts, first)
    if second is None:
        return index
    later_anchor = second if anchor == first else anchor
    later = dump_title(verdicts, later_anchor, second)
    if later is None or later <= first or _stopped(verdicts[later].block.text):
        return index  # a caption or a teaser's sentence in the gap is no headline
    if index is None:
        return later
    if not confirmed(verdicts, later, later_anchor, second):
        return index
    if verdicts[first].reason is not KeepReason.BODY and confirmed(verdicts, index, anchor, first):
        return index  # a lone line kept for its neighbours' sake belongs to the story under a headline that names it
    earlier = _evidence(verdicts, index, anchor, first)  # each line against the story under it
    return later if _evidence(verdicts, later, later_anchor, second) > earlier else index


def _evidence(verdicts: list[Verdict], i: int, anchor: int, first: int) -> float:
    """How well line ``i`` names the story under it, as ``_scored`` reads it (share, evidence,
    structure) with the date line ``anchor`` and the article's first kept block ``first``."""
    lead = story_lead(verdicts, anchor, first)
    under = _metadata_under(verdicts, i, lead, anchor if anchor != first else -1)
    bonus = STRUCTURE_BONUS if under >= 0 or verdicts[i].block.kind.startswith("h") else 0.0
    text = verdicts[i].block.text
    share, shared = share_of(text, story_terms(verdicts, lead, terms_of(text)))
    return share * min(1.0, shared / EVIDENCE_TERMS) + bonus
