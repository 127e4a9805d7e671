"""``compiled``: the one way the stages compile a regular expression, ``re.compile`` and nothing more.

The stages hold about 150 patterns at module level, some with the large character classes of CJK
text. ``re`` compiles them in Python code once per process; that cost is paid only by the modules
a run imports (the CLI imports a stage when a page needs it), not cached across runs: a cache
would need ``re``'s private compiler and a file written outside the output the user named.

>>> compiled(r"(?P<year>\\d{4})年").search("2025年").group("year")
'2025'
"""

from __future__ import annotations

import re
from typing import AnyStr


def compiled(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``."""
    return re.compile(pattern, flags)
