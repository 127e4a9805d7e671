"""beautifulsoup4, the HTML parser's tree, imported in one place.

The segmenter hands bs4 text the decode stage has already decoded, so bs4's own encoding
detection (``UnicodeDammit``) is never asked; importing bs4 still imports its detector and its CSS
selector package, which costs start-up only to runs that read HTML (``segment`` imports this
module when the first HTML page arrives).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

__all__ = ["BeautifulSoup", "NavigableString", "PageElement", "Tag"]
