"""Write ``script_data.py``: the characters that exist in only one Chinese script, taken from OpenCC.

Run ``python scripts/gen_script_data.py`` after upgrading OpenCC; a test fails while the
shipped table and the installed OpenCC disagree.

Why a generated table and not a computation at start-up: building the eight OpenCC converters
this needs takes ~140 ms and running them over the ideograph blocks another ~90 ms, far over the
50 ms a run may spend on it; the table itself is 6,500 characters of source.

How a character earns its place. Every ideograph of the Basic Multilingual Plane goes through the
OpenCC conversions one character at a time (a newline between characters keeps OpenCC's phrase
tables out of it, so each character is judged alone):

- **Simplified-only**: ``s2t``, ``s2tw`` and ``s2hk`` all change it (no Traditional standard keeps
  it), no conversion towards Simplified changes it, and no conversion produces it as a Traditional
  form (``t2tw`` turns 裏 into 裡, ``t2hk`` keeps some forms that look Simplified: those are out).
- **Traditional-only**: ``t2s``, ``tw2s`` or ``hk2s`` changes it, ``s2t`` does not, and no
  conversion towards Simplified produces it.

Characters both directions change (a handful of variants) belong to neither list. Extension B and
later ideographs (outside the BMP) are left out: they are rare in running text, and a regular
expression class holding them is several times slower in ``re``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

# The ideograph blocks of the BMP: Extension A, the Unified Ideographs, the compatibility block.
IDEOGRAPH_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
TO_TRADITIONAL = ("s2t", "s2tw", "s2hk")
TO_SIMPLIFIED = ("t2s", "tw2s", "hk2s")
TRADITIONAL_VARIANTS = ("t2tw", "t2hk")
CHARS_PER_LINE = 50  # ideographs are two columns wide: 50 of them fit the 110-column line limit
TARGET = Path(__file__).resolve().parents[1] / "cleantext" / "convert" / "script_data.py"


def _convert_each(name: str, chars: list[str]) -> list[str]:
    """Each character as OpenCC config ``name`` converts it alone."""
    import opencc

    out = opencc.OpenCC(f"{name}.json").convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):
        raise RuntimeError(f"{name} changed the number of lines; cannot pair characters")
    return out


def compute_sets() -> tuple[str, str]:
    """Return (Simplified-only, Traditional-only) characters, each sorted, as strings."""
    chars = [chr(c) for lo, hi in IDEOGRAPH_BLOCKS for c in range(lo, hi + 1)]
    names = TO_TRADITIONAL + TO_SIMPLIFIED + TRADITIONAL_VARIANTS
    outputs = {name: _convert_each(name, chars) for name in names}
    changed = {name: {c for c, o in zip(chars, outputs[name], strict=True) if o != c} for name in names}

    def produced(configs: Iterable[str]) -> set[str]:
        return {o for n in configs for c, o in zip(chars, outputs[n], strict=True) if o != c}

    to_simplified = changed["t2s"] | changed["tw2s"] | changed["hk2s"]
    simplified = changed["s2t"] & changed["s2tw"] & changed["s2hk"]
    simplified -= to_simplified
    simplified -= produced(TO_TRADITIONAL + TRADITIONAL_VARIANTS)
    traditional = to_simplified - changed["s2t"]
    traditional -= produced(TO_SIMPLIFIED)
    return "".join(sorted(simplified)), "".join(sorted(traditional))


def _literal(name: str, chars: str, comment: str) -> str:
    lines = [chars[i : i + CHARS_PER_LINE] for i in range(0, len(chars), CHARS_PER_LINE)]
    body = "\n".join(f'    "{line}"' for line in lines)
    return f"# {comment}\n{name} = (\n{body}\n)\n"


def render(simplified: str, traditional: str, version: str) -> str:
    """The source text of ``script_data.py``."""
    header = (
        '"""Characters that exist in only one Chinese script, from OpenCC (generated: do not edit).\n\n'
        "Written by ``python scripts/gen_script_data.py``; see that module for how a character\n"
        "earns its place. ``script.py`` counts them to tell Simplified from Traditional text.\n"
        '"""\n\n'
        f'OPENCC_VERSION = "{version}"  # the OpenCC these tables were computed with\n\n'
    )
    return (
        header
        + _literal("SIMPLIFIED_ONLY", simplified, f"{len(simplified)} characters")
        + "\n"
        + _literal("TRADITIONAL_ONLY", traditional, f"{len(traditional)} characters")
    )


def main() -> int:
    import opencc

    TARGET.write_text(render(*compute_sets(), opencc.__version__), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
