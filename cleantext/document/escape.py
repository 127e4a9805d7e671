r"""Markdown escaping of ordinary text, so that rendering the Markdown gives the text back.

Observations this relies on (CommonMark 0.31 with GitHub's tables and strikethrough, plus the
``$`` of math extensions):

- Inline, a character starts markup only in some company: ``*`` and `` ` `` anywhere; ``_`` unless
  inside a word (``snake_case`` is literal); ``[`` only when a ``](``, ``]:`` or ``][`` follows;
  ``<`` only before a letter, ``/``, ``!`` or ``?`` (HTML and autolinks); ``&`` only before an
  entity's name and ``;``; ``\`` only before ASCII punctuation; ``~`` and ``$`` only in pairs.
  Escaping those alone keeps prose readable (``[1]``, ``a < b``, ``C:\Users``, ``$5``).
- At the start of a line more characters start blocks: ``#`` headings, ``>`` quotes, ``-``/``+``
  bullets, ``1.`` numbers, ``---``/``===`` rules and underlines. Only the opening one is escaped.
- ``|`` separates cells only inside a table; there it is escaped.
- TeX written in the text (``$$…$$``, ``\[…\]``, ``\(…\)``, or ``$…$`` holding ``\ ^ _ {``) is a
  formula the page's script would typeset: it is kept, as ``$…$``/``$$…$$``, unescaped.

>>> escape_inline("2*3 = 6, see [1] and snake_case; a_b_c and _x_")
'2\\*3 = 6, see [1] and snake_case; a_b_c and \\_x\\_'
>>> escape_line("1. not a list") + " / " + escape_line("# not a heading")
'1\\. not a list / \\# not a heading'
>>> escape_inline(r"Euler: \(e^{i\pi}+1=0\) costs $5")
'Euler: $e^{i\\pi}+1=0$ costs $5'
"""

from __future__ import annotations

import re

from cleantext.regexes import compiled

ALWAYS = compiled(
    r"[*`]|\\(?=[!-/:-@\[-`{-~])|_(?![^\W_])|(?<![^\W_])_|\[(?=[^\]]*\][(:\[])|<(?=[A-Za-z/!?])|&(?=#?\w+;)"
)
PAIRED = compiled(r"[$~]")
TEX = compiled(
    r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)"
    r"|(?<![\\$\w])\$(?=\S)([^$\n]*?[\\^_{][^$\n]*?)(?<=\S)\$(?![\w$])"
)
LINE_START = compiled(r"#{1,6}(?=\s|$)|>|[-+](?=\s|$)|(?:-\s*){3,}$|=+\s*$|\d{1,9}(?=[.)](?:\s|$))")


def _escape_plain(text: str) -> str:
    text = ALWAYS.sub(r"\\\g<0>", text)
    if text.count("$") >= 2 or text.count("~") >= 2:
        text = PAIRED.sub(r"\\\g<0>", text)
    return text


def escape_inline(text: str, cell: bool = False) -> str:
    """``text`` with the characters that would start inline Markdown escaped; TeX kept as math.
    In a table ``cell``, ``|`` is escaped too."""
    if "$" in text or "\\" in text:
        out, last = [], 0
        for match in TEX.finditer(text):
            out.append(_escape_plain(text[last : match.start()]))
            display, bracket, paren, inline = match.groups()
            out.append(f"$${display or bracket}$$" if display or bracket else f"${paren or inline}$")
            last = match.end()
        out.append(_escape_plain(text[last:]))
        text = "".join(out)
    else:
        text = _escape_plain(text)
    return text.replace("|", "\\|") if cell and "|" in text else text


def escape_line(text: str) -> str:
    """Escape what would start a block at the start of a line (already escaped inline)."""
    match = LINE_START.match(text)
    if match is None:
        return text
    if match.group()[:1].isdigit():  # "1." → "1\.": the number stays, its dot is escaped
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def unescape(markdown: str) -> str:
    """Backslash escapes out (what a renderer shows).

    >>> unescape(escape_line(escape_inline("# 2*3_")))
    '# 2*3_'
    """
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)
