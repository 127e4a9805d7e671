"""A fixed split of the bench pages by site into a tuning half and a checking half.

Why by site: pages of one site share templates, so a rule tuned on one of them passes on its
siblings without telling anything about the web. Every page of a site lands in the same half, and
a change is kept only when it helps the checking half too.

The site of a page is, first found:

1. the host of the ``url`` in the page's ``<id>.json`` (truth files of cleaneval-en,
   cleanportaleval-en, magic-html and most of cwced-zh carry one);
2. the host of the page's own ``<link rel="canonical">`` or ``og:url`` (most dragnet-en and
   readability-testpages pages, which have no url in their truth);
3. else the page id itself: the page is a site of its own. Hashing the dataset instead would put
   all of a url-less dataset (dragnet-en: 99 pages) in one half; hashing a prefix of the id means
   nothing for ids that are UUIDs or counters. Pages of one site without any url may so fall on
   both sides, a small leak accepted rather than guessed at.

A host is folded to the name its owner registered (``auto.sohu.com`` and ``business.sohu.com``
are one site; ``news.bbc.co.uk`` is ``bbc.co.uk``). The half is the parity of the first byte of
the key's SHA-256: fixed across runs and machines, independent of the page order and of the
Python hash seed, and balanced on average (not exactly per dataset: a site is never cut).
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from urllib.parse import urlsplit

TUNE, CHECK = "tune", "check"
HALVES = (TUNE, CHECK)
# Second-level labels under a two-letter country code that registries sell names under
# (``sina.com.cn``, ``pku.edu.cn``, ``bbc.co.uk``): the owner's name is one label further left.
SECOND_LEVEL = frozenset(("com", "net", "org", "edu", "gov", "ac", "co", "or", "ne", "go"))
HEAD_BYTES = 200_000  # bytes of HTML searched for a canonical url: the <head> ends long before
CANONICAL = re.compile(
    rb"""<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*\bhref\s*=\s*["']?(https?://[^"'\s>]+)"""
    rb"""|<link\b[^>]*\bhref\s*=\s*["']?(https?://[^"'\s>]+)["']?[^>]*\brel\s*=\s*["']?canonical"""
    rb"""|<meta\b[^>]*\bproperty\s*=\s*["']?og:url["']?[^>]*\bcontent\s*=\s*["']?(https?://[^"'\s>]+)""",
    re.I,
)


def registered_name(host: str) -> str:
    """The part of a host name its owner registered.

    >>> registered_name("www.auto.sohu.com"), registered_name("news.bbc.co.uk"), registered_name("10.0.0.1")
    ('sohu.com', 'bbc.co.uk', '10.0.0.1')
    """
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url.strip()).hostname or None
    except ValueError:
        return None


def canonical_url(html: bytes) -> str | None:
    """The page's own canonical or og:url, if its head names one."""
    m = CANONICAL.search(html[:HEAD_BYTES])
    if m is None:
        return None
    raw = next(g for g in m.groups() if g)
    return raw.decode("ascii", "replace")


def site_key(page_id: str, url: str | None, html: bytes | None) -> str:
    """What the split hashes for one page (see the module docstring)."""
    host = _host(url) or (_host(canonical_url(html)) if html else None)
    return registered_name(host) if host else f"id:{page_id}"


def half_of(key: str) -> str:
    """``tune`` or ``check``, fixed for a key.

    >>> half_of("sohu.com") in HALVES
    True
    """
    return HALVES[hashlib.sha256(key.encode("utf-8")).digest()[0] % 2]
