"""``cleantext explain`` and ``cleantext detect``: the pipeline's own verdicts, rendered for people.

``explain`` runs the very stages ``run`` does (decode → segment → boilerplate → document) and
prints the verdicts the document stage left — there is no second code path to drift apart.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TextIO

from cleantext.boilerplate import classify
from cleantext.config import Config
from cleantext.decode import NOT_TEXT, decode
from cleantext.document import finalize
from cleantext.model import Article, Failure, RawPage, Verdict
from cleantext.segment import segment

GREEN, RED, DIM, RESET = "\x1b[32m", "\x1b[31m", "\x1b[2m", "\x1b[0m"
PREVIEW_CHARS = 100  # characters of each block shown in the plain listing


def _pages(inputs: list[str], config: Config) -> Iterator[RawPage | Failure]:
    from cleantext.read import iter_pages

    return iter_pages(inputs, config)


def explain_page(page: RawPage, config: Config) -> tuple[Article | None, list[Verdict], dict[str, object]]:
    """The record (or None) and the final verdict of every block of one page."""
    decoded = decode(page, forced=config.encoding)
    blocks, meta, fmt = segment(decoded, config.format)
    outcome, verdicts = finalize(decoded, classify(blocks, meta), meta, config)
    article = outcome if isinstance(outcome, Article) else None
    encoding = decoded.encoding
    if decoded.method == NOT_TEXT:  # ``run`` drops the page: no record, whatever the blocks say
        encoding, article = f"{encoding} (not text: dropped as binary)", None
    info = {"input": page.uri, "encoding": encoding, "format": fmt, "blocks": len(blocks)}
    return article, verdicts, info


def _line(v: Verdict, color: bool) -> str:
    mark = "KEEP" if v.keep else "drop"
    text = v.block.text.replace("\n", " ")
    if len(text) > PREVIEW_CHARS:
        text = text[:PREVIEW_CHARS] + "…"
    why = v.reason + (f" (was {v.overridden})" if v.overridden else "")
    line = f"{v.block.index:4d} {mark} {v.score:6.0f}  {why:34s} {text}"
    if not color:
        return line
    return (GREEN if v.keep else RED) + line[:46] + RESET + (text if v.keep else DIM + line[46:] + RESET)


def _render(verdicts: list[Verdict], article: Article | None, info: dict[str, object], out: TextIO,
            json_out: bool, color: bool) -> None:
    if json_out:
        for v in verdicts:
            row = {"index": v.block.index, "keep": v.keep, "reason": v.reason, "score": v.score,
                   "overridden": v.overridden or None, "kind": v.block.kind, "text": v.block.text}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    out.write(f"# {info['input']}: {info['format']}, {info['encoding']}, {info['blocks']} blocks\n")
    for v in verdicts:
        out.write(_line(v, color) + "\n")
    if article is not None:
        out.write(f"# title: {article.title}\n# date: {article.date}\n# site: {article.site}\n"
                  f"# author: {article.author}\n")


def explain_input(path: str, config: Config, json_out: bool = False, color: bool = False) -> int:
    """Print the verdicts of the first page of ``path``; exit code 0, or 1 when it failed."""
    for page in _pages([path], config):
        if isinstance(page, Failure):
            sys.stderr.write(f"cleantext: {page.uri}: {page.message}\n")
            return 1
        article, verdicts, info = explain_page(page, config)
        _render(verdicts, article, info, sys.stdout, json_out, color)
        return 0
    sys.stderr.write(f"cleantext: {path}: no page found\n")
    return 1


def detect_inputs(inputs: list[str], config: Config, json_out: bool = False) -> int:
    """Print encoding (and why), format, language and script of each input."""
    from cleantext.convert.script import detect_script, lang_of
    from cleantext.segment.sniff import sniff

    failed = 0
    for page in _pages(inputs, config):
        if isinstance(page, Failure):
            sys.stderr.write(f"cleantext: {page.uri}: {page.message}\n")
            failed += 1
            continue
        d = decode(page, forced=config.encoding)
        sample = d.text[:20000]
        row = {"input": page.uri, "encoding": d.encoding, "method": d.method,
               "confidence": round(d.confidence, 3), "replaced": d.replaced, "format": sniff(d.text),
               "lang": lang_of(sample), "script": detect_script(sample)}
        if json_out:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            why = d.method + (f" {d.confidence:.2f}" if d.method == "detected" else "")
            sys.stdout.write(f"{page.uri}\t{d.encoding} ({why})\t{row['format']}\t{row['lang']}\t{row['script']}\n")
    return 1 if failed else 0
