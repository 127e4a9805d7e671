"""``cleantext explain`` and ``cleantext detect``: the pipeline's own verdicts, rendered for people.

``explain`` runs a page through the very sequence ``run`` does (``PageCleaner.trace``: the same
stages, the same early drops, the same conversion) and prints the verdicts the document stage
left — there is no second code path to drift apart, so its keep/drop is ``run``'s.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from cleantext.config import Config
from cleantext.decode import NOT_TEXT, decode
from cleantext.model import Article, Drop, DropReason, Failure, RawPage, Step, Verdict

if TYPE_CHECKING:
    from cleantext.convert.lang import LanguageTagger
    from cleantext.pipeline import PageCleaner

GREEN, RED, DIM, RESET = "\x1b[32m", "\x1b[31m", "\x1b[2m", "\x1b[0m"
PREVIEW_CHARS = 100  # characters of each block shown in the plain listing
DETECT_SAMPLE_CHARS = 20000  # characters language and script are told from: plenty, and bounded
WHY_WIDTH = 40  # columns of the reason and its deciders: most fit, so the texts line up


def _pages(inputs: list[str], config: Config) -> Iterator[RawPage | Failure]:
    from cleantext.read import iter_pages

    return iter_pages(inputs, config)


def explain_page(
    page: RawPage, config: Config, cleaner: PageCleaner | None = None
) -> tuple[Article | None, list[Verdict], dict[str, object]]:
    """The record (or None) and the final verdict of every block of one page, as ``run`` saw them.

    ``info["dropped"]`` is the Drop when ``run`` drops the page before it has blocks (too large,
    not a page, empty, binary, not text in any encoding); its verdicts are then empty.
    """
    if cleaner is None:
        from cleantext.pipeline import PageCleaner

        cleaner = PageCleaner(config)
    outcome, traced = cleaner.trace(page)
    assert traced is not None  # a raw page always has its Page
    decoded = traced.decoded
    info: dict[str, object] = {"input": page.uri, "encoding": decoded.encoding if decoded else "-",
                               "format": traced.format or "-", "blocks": len(traced.blocks or ())}
    if traced.blocks is None and isinstance(outcome, Drop):
        info["dropped"] = outcome
    article = outcome if isinstance(outcome, Article) else None
    return article, traced.verdicts or [], info


def _why(v: Verdict) -> str:
    """The reason, then who gave it: the ladder's rule, and each later step that changed the block
    (``nav [unpunctuated > container_prior > smooth]``)."""
    deciders = [step.name for step in v.chain] or ["?"]
    return f"{v.reason} [{' > '.join(deciders)}]"


def _line(v: Verdict, color: bool) -> str:
    mark = "KEEP" if v.keep else "drop"
    text = v.block.text.replace("\n", " ")
    if len(text) > PREVIEW_CHARS:
        text = text[:PREVIEW_CHARS] + "…"
    head = f"{v.block.index:4d} {mark} {v.score:6.0f}  {_why(v):{WHY_WIDTH}s} "
    if not color:
        return head + text
    return (GREEN if v.keep else RED) + head + RESET + (text if v.keep else DIM + text + RESET)


def _step(step: Step) -> dict[str, str]:
    row = {"step": step.name, "class": str(step.cls), "reason": str(step.reason)}
    if step.rule:
        row["rule"] = step.rule  # a step that asked the ladder again names the rule that answered
    return row


def _row(v: Verdict, uri: object) -> dict[str, object]:
    """One block as a JSON object: its page, its final verdict, the rule that decided and the
    whole chain, the ladder's own answer first."""
    chain = [_step(step) for step in v.chain]
    return {"input": uri, "index": v.block.index, "keep": v.keep, "reason": str(v.reason), "rule": v.rule or None,
            "chain": chain, "score": v.score, "kind": v.block.kind, "text": v.block.text}


def _render(verdicts: list[Verdict], article: Article | None, info: dict[str, object], out: TextIO,
            json_out: bool, color: bool) -> None:
    if json_out:
        for v in verdicts:
            out.write(json.dumps(_row(v, info["input"]), ensure_ascii=False) + "\n")
        return
    out.write(f"# {info['input']}: {info['format']}, {info['encoding']}, {info['blocks']} blocks\n")
    for v in verdicts:
        out.write(_line(v, color) + "\n")
    if article is not None:
        out.write(f"# title: {article.title}\n# date: {article.date}\n# site: {article.site}\n"
                  f"# author: {article.author}\n")


def explain_input(inputs: str | Sequence[str], config: Config, json_out: bool = False, color: bool = False) -> int:
    """Print the verdicts of every page of ``inputs``; exit code 0, or 1 when any page has none.

    A page has no verdicts when ``run`` drops it before looking at its blocks (binary, not text
    in any encoding, too large, empty, not a page): one line on stderr says so, as ``run``
    counts it. A folder, a glob or a stream of several documents gives one explanation per page.
    """
    from cleantext.pipeline import PageCleaner

    paths = [inputs] if isinstance(inputs, str) else list(inputs)
    cleaner = PageCleaner(config)
    explained = unexplained = 0
    for page in _pages(paths, config):
        if isinstance(page, Failure):
            _say(page.uri, page.message)
            unexplained += 1
            continue
        article, verdicts, info = explain_page(page, config, cleaner)
        drop = info.get("dropped")
        if isinstance(drop, Drop):
            _say(page.uri, f"dropped as {drop.reason.value} ({drop.detail}); no blocks to explain")
            unexplained += 1
            continue
        _render(verdicts, article, info, sys.stdout, json_out, color)
        explained += 1
    if not explained and not unexplained:
        _say(", ".join(paths), "no page found")
        return 1
    return 1 if unexplained else 0


def detect_inputs(inputs: list[str], config: Config, json_out: bool = False) -> int:
    """Print encoding (and why), format, language and script of each input.

    Pages ``run`` drops before decoding are reported as it counts them: binary data as encoding
    ``binary``, method ``not-text``; too large, empty or not a page by that reason.
    """
    from cleantext.convert.lang import LanguageTagger
    from cleantext.pipeline import PageCleaner

    cleaner = PageCleaner(config)
    tagger = LanguageTagger()  # one per call: the model loads once, on the first page
    failed = 0
    for page in _pages(inputs, config):
        if isinstance(page, Failure):
            _say(page.uri, page.message)
            failed += 1
            continue
        drop = cleaner.early_drop(page)
        row = _detected(page, config, tagger) if drop is None else _undetected(drop)
        sys.stdout.write((json.dumps(row, ensure_ascii=False) if json_out else _detect_line(row)) + "\n")
    return 1 if failed else 0


def _detect_line(row: dict[str, Any]) -> str:
    """``input  encoding (why)  format  lang  script``, tab-separated, ``-`` for unknown."""
    why = row["method"] + (f" {row['confidence']:.2f}" if row["method"] == "detected" else "")
    if row.get("detail") and row["method"] != NOT_TEXT:
        why += f": {row['detail']}"
    rest = (str(row[key] or "-") for key in ("format", "lang", "script"))
    return "\t".join((row["input"], f"{row['encoding'] or '-'} ({why})", *rest))


def _detected(page: RawPage, config: Config, tagger: LanguageTagger) -> dict[str, Any]:
    from cleantext.convert.script import detect_script
    from cleantext.segment import segment

    d = decode(page, forced=config.encoding)
    blocks, _meta, fmt = segment(d, config.format)  # the language of the page's text, not of its markup
    sample = "\n".join(block.text for block in blocks)[:DETECT_SAMPLE_CHARS]
    guess = tagger.identify(sample)
    return {"input": page.uri, "encoding": d.encoding, "method": d.method, "confidence": round(d.confidence, 3),
            "replaced": d.replaced, "format": fmt, "lang": guess.lang, "lang_score": guess.lang_score,
            "script": detect_script(sample)}


def _undetected(drop: Drop) -> dict[str, Any]:
    """The row of a page ``run`` drops unread: binary data is ``binary``/``not-text``, as the README says."""
    binary = drop.reason == DropReason.BINARY
    return {"input": drop.uri, "encoding": "binary" if binary else None,
            "method": NOT_TEXT if binary else drop.reason.value, "confidence": None, "replaced": None,
            "format": None, "lang": None, "lang_score": None, "script": None, "detail": drop.detail}


def _say(uri: str, message: str) -> None:
    sys.stderr.write(f"cleantext: {uri}: {message}\n")
