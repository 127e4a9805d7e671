"""``compiled``: the stages' regular expressions, compiled by ``re`` when first used.

Observations:

- The stages hold about 180 patterns at module level, some with the large character classes of
  CJK text; ``re`` compiles them in Python code, once per process, ~2-10 ms for a class spanning
  the CJK block. Compiled at import, they were most of a one-page run's start-up.
- A run does not use every pattern: a page stops at the first rule that answers, and a dump
  never meets the rules of HTML. Compiled on first use, a pattern costs only the runs that need it.
- Nothing is cached across runs: a cache needs ``re``'s private compiler and a file outside the
  output the user named.

``compiled`` returns a stand-in that compiles on its first attribute lookup and then holds the
pattern's methods as its own attributes, so a call after the first costs what a Pattern's does.
``.pattern`` is there from the start (patterns are built from others' sources).

>>> year = compiled(r"(?P<year>\\d{4})年")
>>> year.pattern, year.search("公元2025年").group("year")
('(?P<year>\\\\d{4})年', '2025')
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# what the stages call on a pattern; bound once, on first use, as the stand-in's own attributes
METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class _OnFirstUse:
    """A pattern compiled when first used (see the module's notes)."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for names not yet set: the first use
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and friends probing: not a use
        pattern = re.compile(self.pattern, self._flags)
        for method in METHODS:
            setattr(self, method, getattr(pattern, method))
        self.__dict__["compiled"] = pattern
        return getattr(pattern, name)

    def __repr__(self) -> str:
        return f"compiled({self.pattern!r}, {self._flags})"


def compiled(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """What ``re.compile(pattern, flags)`` returns, compiled on first use."""
    return cast("re.Pattern[AnyStr]", _OnFirstUse(pattern, int(flags)))
