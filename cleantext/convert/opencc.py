"""OpenCC conversion of a record: only when asked, once, and never on text already converted.

Observations this relies on:

- OpenCC is neither idempotent nor a no-op on text already in the target script: ``s2t`` turns
  the Traditional 我們了解這件事 into 我們瞭解這件事, ``s2twp`` run twice rewrites 程式 again. So a
  record already in the target script passes through untouched. That holds for the plain script
  changes (Simplified → Traditional: ``s2t s2tw s2twp s2hk s2hkp``; Traditional → Simplified:
  ``t2s tw2s tw2sp hk2s hk2sp``; Japanese → Traditional: ``jp2t``). The conversions between
  Traditional standards (``t2tw t2hk tw2t hk2t``) and ``t2jp`` always run: their input is
  Traditional by definition, and no script tells converted from unconverted.
- Japanese and Korean text use Han characters too, and OpenCC's Chinese tables rewrite them into a
  mix no reader writes (``t2s``: 東京の図書館 → 东京の図书馆). Records detected as Japanese or Korean
  are left alone by every configuration except ``jp2t``/``t2jp``, and their script is reported as
  ``Jpan``/``Kore`` (ISO 15924) rather than a Chinese one.
- The script and language are detected on the record's text (``script.py``); title, site and author
  follow the text's decision, as they are too short to decide alone.
- Loading an OpenCC configuration reads its dictionaries (~20–40 ms), so the converter is built once
  per filter object, in the constructor, and ``opencc`` is imported only when a conversion is asked.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from cleantext.config import Config
from cleantext.convert.script import (
    TextProfile,
    decisive_profile,
    detect_script,
    has_han,
    language_of,
    script_of,
)
from cleantext.model import Article

HANS, HANT, JPAN, KORE = "Hans", "Hant", "Jpan", "Kore"

# OpenCC configuration → (script it reads, script it writes). Unknown (custom) ones: (None, None).
DIRECTIONS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("s2t", "s2tw", "s2twp", "s2hk", "s2hkp"), (HANS, HANT)),
    **dict.fromkeys(("t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"), (HANT, HANS)),
    **dict.fromkeys(("t2tw", "t2hk", "tw2t", "hk2t"), (HANT, HANT)),
    "jp2t": (JPAN, HANT),
    "t2jp": (HANT, JPAN),
}
FOREIGN_HAN = {"ja": JPAN, "ko": KORE}  # languages written partly in Han characters, not Chinese


class Converter:
    """Detects each record's script and language; converts it with OpenCC when asked.

    >>> Converter("s2t").convert_text("汉字")
    '漢字'
    >>> Converter(None).config_name is None
    True
    """

    def __init__(self, config_name: str | None) -> None:
        self.config_name = config_name
        direction = DIRECTIONS.get(config_name or "")
        self.source: str | None = direction[0] if direction else None  # None: unknown configuration
        self.target: str | None = direction[1] if direction else None
        self._opencc: Any = None if config_name is None else _load(config_name)

    @classmethod
    def from_config(cls, config: Config) -> Converter:
        return cls(config.opencc_config())

    @staticmethod
    def check(config_name: str) -> None:
        """Raise ValueError for a configuration OpenCC cannot load, as building a Converter would.

        One OpenCC ships is known good without loading its dictionaries (~70 ms for ``s2t``, which
        the run's own Converter then spends again); any other is loaded to find out.
        """
        import opencc

        file_name = f"{config_name}.json"
        if file_name in opencc.CONFIGS and not os.path.isfile(file_name):  # OpenCC prefers a local file
            return
        _load(config_name)

    def convert_text(self, text: str) -> str:
        """Raw OpenCC on one string (no detection); the identity when no conversion was asked."""
        return text if self._opencc is None else self._opencc.convert(text)

    def convert(self, article: Article) -> Article:
        """The record with ``script`` set, converted when it should be (``lang`` is the tagger's)."""
        profile = decisive_profile(article.text)
        detected = language_of(profile, article.text)
        script = FOREIGN_HAN.get(detected or "") or script_of(profile)
        if not self._should_convert(script, detected) or not _holds_han(script, profile, article.text):
            # no Han at all (an English record): OpenCC would only spend time
            return article if script == article.script else replace(article, script=script)
        return self._converted(article)

    def _should_convert(self, script: str | None, lang: str | None) -> bool:
        """Convert unless OpenCC has nothing to do: wrong language, already in the target script,
        or (script None and language not Chinese) text with no Han to speak of."""
        if self._opencc is None:
            return False
        japanese_config = JPAN in (self.source, self.target)
        if lang in FOREIGN_HAN and not japanese_config:
            return False
        already_there = self.source != self.target and script == self.target
        return not already_there

    def _converted(self, article: Article) -> Article:
        convert = self._opencc.convert
        text = convert(article.text)
        return replace(
            article,
            text=text,
            title=None if article.title is None else convert(article.title),
            site=None if article.site is None else convert(article.site),
            author=None if article.author is None else convert(article.author),
            script=self.target if self.target in (HANS, HANT) else detect_script(text),
        )


def _holds_han(script: str | None, profile: TextProfile, text: str) -> bool:
    """Any Han character in the record: a script or a sample with Han says so without reading it all."""
    return script is not None or profile.han > 0 or has_han(text)


def _load(config_name: str) -> Any:
    """One OpenCC converter; an unknown configuration is a ValueError naming the known ones."""
    import opencc  # here, not at the top: runs without conversion never load OpenCC

    try:
        return opencc.OpenCC(f"{config_name}.json")
    except RuntimeError as exc:
        known = ", ".join(sorted(DIRECTIONS))
        raise ValueError(f"unknown OpenCC configuration {config_name!r} (known: {known})") from exc
