"""Formulas in a page → TeX, for Markdown output (``$…$``, ``$$…$$``).

Observations this relies on:

- Pages that typeset formulas keep their TeX source beside the MathML: ``<annotation
  encoding="application/x-tex">`` inside ``<semantics>`` (Wikipedia, KaTeX, MathJax 3), or a
  ``<script type="math/tex">`` (``; mode=display`` for a displayed one) that MathJax 2 reads.
  Wikipedia wraps its TeX in ``{\\displaystyle …}``, which says only how to set it.
- MathML without TeX is written as presentation elements: ``mi``/``mn``/``mo`` hold symbols,
  ``msup``/``msub``/``mfrac``/``msqrt``/``mroot`` arrange their children; those map onto TeX's
  ``^{}``, ``_{}``, ``\\frac``, ``\\sqrt``. Other elements only group.
- A formula is displayed (its own line) when ``display="block"``.
- Formulas nest a few levels; a pathological page could nest thousands, so the translation stops
  descending at ``MAX_MATH_DEPTH`` and keeps the deeper part's text.

>>> from cleantext.segment.soup import BeautifulSoup
>>> html = '<math display="block"><mfrac><mi>a</mi><msup><mi>b</mi><mn>2</mn></msup></mfrac></math>'
>>> soup = BeautifulSoup(html, "lxml")
>>> tex_of(soup.find("math"))
('\\\\frac{a}{b^{2}}', True)
"""

from __future__ import annotations

from cleantext.segment.soup import NavigableString, Tag

MAX_MATH_DEPTH = 40  # elements: real formulas nest far less; deeper parts are kept as plain text
WRAPPERS = ("\\displaystyle", "\\textstyle")  # Wikipedia's {\displaystyle x}: how to set x, not x
ARRANGED = {
    "msup": "{0}^{{{1}}}",
    "msub": "{0}_{{{1}}}",
    "msubsup": "{0}_{{{1}}}^{{{2}}}",
    "munder": "{0}_{{{1}}}",
    "mover": "{0}^{{{1}}}",
    "munderover": "{0}_{{{1}}}^{{{2}}}",
    "mfrac": "\\frac{{{0}}}{{{1}}}",
    "mroot": "\\sqrt[{1}]{{{0}}}",
}
SKIPPED = frozenset(("annotation", "annotation-xml", "none", "mprescripts"))


def tex_of(tag: Tag) -> tuple[str, bool]:
    """The TeX of a ``<math>`` or ``<script type="math/tex">`` element and whether it is displayed;
    ("", False) for any other element."""
    if tag.name == "math":
        display = tag.attrs.get("display") == "block"
        note = tag.find("annotation", attrs={"encoding": "application/x-tex"})
        if note is not None:
            tex = note.get_text()
        else:
            alt = tag.attrs.get("alttext")
            tex = alt if isinstance(alt, str) and alt.strip() else _tex(tag, 0)
    elif tag.name == "script" and str(tag.attrs.get("type", "")).startswith("math/tex"):
        display = "mode=display" in str(tag.attrs.get("type", ""))
        tex = tag.get_text()
    else:
        return "", False
    return unwrap(" ".join(tex.split())), display


def unwrap(tex: str) -> str:
    """TeX without a wrapper that only says how to set it."""
    for wrapper in WRAPPERS:
        if tex.startswith("{" + wrapper) and tex.endswith("}"):
            return tex[len(wrapper) + 1 : -1].strip()
    return tex


def _tex(tag: Tag, depth: int) -> str:
    """Presentation MathML → TeX (see the module's notes)."""
    if depth > MAX_MATH_DEPTH:
        return " ".join(tag.get_text().split())
    parts: list[str] = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            parts.append(child.strip())
        elif isinstance(child, Tag) and child.name not in SKIPPED:
            parts.append(_tex(child, depth + 1))
    name = tag.name
    pattern = ARRANGED.get(name)
    if pattern is not None:
        kids = [part for part in parts if part]
        if len(kids) >= (3 if name in ("msubsup", "munderover") else 2):
            return pattern.format(*kids)
    if name == "msqrt":
        return "\\sqrt{" + "".join(parts) + "}"
    return "".join(parts)
