"""The terms a dump's headline shares with its story (``headline.dump_title``): pairs of adjacent
CJK characters and lowercased words of scripts written with spaces, and how many of the story's
paragraphs hold each. A story comes back to what its headline names; a caption, a toolbar's label
or a byline shares a word or two by chance.
"""

from __future__ import annotations

from collections import Counter

from cleantext.model import Verdict
from cleantext.regexes import compiled

# Words of scripts written with spaces (Latin, Cyrillic, Greek, Arabic…), three letters or more,
# and runs of CJK ideographs and kana.
LATIN_TERM = compiled(r"[^\W\d_\u3040-\u30ff\u3400-\u9fff]{3,}")
CJK_RUN = compiled(r"[\u3040-\u30ff\u3400-\u9fff]{2,}")
TOPIC_PARAGRAPHS = 2  # paragraphs of the story holding a term for it to count in full


def terms_of(text: str) -> set[str]:
    """Pairs of adjacent CJK characters and lowercased Latin words: what a headline shares with
    the story under it."""
    terms = set(LATIN_TERM.findall(text.lower()))
    for run in CJK_RUN.findall(text):
        terms.update(run[k : k + 2] for k in range(len(run) - 1))
    return terms


def story_terms(verdicts: list[Verdict], lead: int, wanted: set[str]) -> Counter[str]:
    """How many paragraphs of the story (the kept blocks from ``lead`` on) hold each ``wanted``
    term, as ``terms_of`` reads them: a CJK pair is in a paragraph when it occurs in its text
    (two such characters side by side are in one run), a word when it is one of its words. Only
    the candidates' terms are looked for: a long story is not cut into pairs it will never need."""
    pairs = [t for t in wanted if CJK_RUN.fullmatch(t)]
    words = wanted.difference(pairs)
    body: Counter[str] = Counter()
    for i in range(lead, len(verdicts)):
        if verdicts[i].keep:
            text = verdicts[i].block.text
            found = [t for t in pairs if t in text]
            if words:
                found.extend(words.intersection(LATIN_TERM.findall(text.lower())))
            body.update(found)
    return body


def share_of(text: str, body: Counter[str]) -> tuple[float, int]:
    """The share of the terms of ``text`` that the story repeats, and their number. ``body``
    counts the story's paragraphs holding each term; a term in fewer than ``TOPIC_PARAGRAPHS``
    counts that fraction: a story comes back to what its headline names, while a prompt
    (``Keep reading the main story``) shares a word or two by chance."""
    terms = terms_of(text)
    if not terms:
        return 0.0, 0
    weight = sum(min(body[t], TOPIC_PARAGRAPHS) for t in terms) / TOPIC_PARAGRAPHS
    return weight / len(terms), sum(1 for t in terms if body[t])
