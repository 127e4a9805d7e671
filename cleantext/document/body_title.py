"""An HTML page's title from the headline it prints over its story, when its head names none.

Most pages name their article in the head (``<title>``, ``og:title``, a confirmed ``<h1>``:
``title.html_title``). Some heads hold only the site's name (``WIRED``, ``北医新闻网``), a
greeting or a placeholder (``Untitled Document``, ``显示``), or nothing: then the head's title
shares no term with the story, which a headline, even a figurative one, always does.

Such a page prints its headline over the story as a dump does, and it is found the same way
(``headline.dump_headline``), on stronger evidence than a dump's line needs: it must name the
story by ``EVIDENCE_TERMS`` of its terms, unless it is a heading (``h1``..``h6``). A box's label
over the article (``Support AlterNet``, ``钱包余额 0``) shares a word or two by chance.

A page may also label its title: a government notice's header table (``标    题：X`` among
``索引号：``, ``发文机关：``, ``发布日期：``) or a record's ``Title: X``. In a dump, where the
headline is otherwise read from the lines' places, the labelled value is the title when it names
the story as a headline must (``SHARED_TERMS``); a form's empty field (``标题：[    ]``) does not.
"""

from __future__ import annotations

from cleantext.document.headline import EVIDENCE_TERMS, SHARED_TERMS, dump_headline, story_lead
from cleantext.document.terms import share_of, story_terms, terms_of
from cleantext.model import HEADING_KINDS, Verdict
from cleantext.regexes import compiled

# A title's label and its value: 标题 (its characters spaced apart to line up with the table's
# longer labels: ``标    题：``) or Title, a colon, then the value up to the line's end or to the
# next cell (a tab, or a gap of two spaces and more, in a row of two labelled pairs)
LABELLED_TITLE = compiled(r"(?i)^\s*(?:标\s*题|title)\s*[:：]\s*([^\t]+?)(?:\t|\s{2,}|$)")
MIN_LABELLED_CHARS = 4  # a value shorter is no headline (a form's field, a category)
LABEL_REACH = 8  # lines under the lead's start a header table's title row may stand in


def names_story(verdicts: list[Verdict], title: str, anchor: int, first: int) -> bool:
    """Does the story under the article's top (``headline.story_lead``) repeat any term of
    ``title``?"""
    lead = story_lead(verdicts, anchor, first)
    return share_of(title, story_terms(verdicts, lead, terms_of(title)))[1] > 0


def body_headline(verdicts: list[Verdict], anchor: int, first: int) -> int | None:
    """The index of the headline the page prints over its story (``dump_headline``), when it
    names the story (``printed_headline``); else None."""
    index = dump_headline(verdicts, anchor, first)
    return index if index is not None and printed_headline(verdicts, index, anchor, first) else None


def printed_headline(verdicts: list[Verdict], index: int, anchor: int, first: int) -> bool:
    """Does the line at ``index`` share ``SHARED_TERMS`` of its terms with the story under it, and
    ``EVIDENCE_TERMS`` of them unless it is a heading?"""
    block = verdicts[index].block
    body = story_terms(verdicts, story_lead(verdicts, anchor, first), terms_of(block.text))
    share, shared = share_of(block.text, body)
    return share >= SHARED_TERMS and (shared >= EVIDENCE_TERMS or block.kind in HEADING_KINDS)


def labelled_headline(verdicts: list[Verdict], anchor: int, first: int) -> str | None:
    """The line a dump labels its title on (``LABELLED_TITLE``), above the story's lead or in the
    header table the lead may start in (``LABEL_REACH`` lines): its value, when the value names
    the story under it (``SHARED_TERMS`` of its terms); else None."""
    lead = story_lead(verdicts, anchor, first)
    for i in range(min(len(verdicts), lead + LABEL_REACH)):
        m = LABELLED_TITLE.match(verdicts[i].block.text)
        if m is None:
            continue
        value = m.group(1).strip()
        if len(value) < MIN_LABELLED_CHARS or value.startswith(("[", "_")):
            continue
        if share_of(value, story_terms(verdicts, max(lead, i + 1), terms_of(value)))[0] >= SHARED_TERMS:
            return value
    return None
