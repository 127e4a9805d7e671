"""Stable record ids: the same page gives the same id on every run and machine.

The id is the container's own id when it has one (a WARC record id, a JSONL ``id`` field);
otherwise a hash of what the record says (url, title, text) — not of the input's path or
encoding, so the same page read as GB18030, UTF-16, gzipped or from stdin keeps its id.

>>> record_id(None, None, "标题", "正文") == record_id(None, None, "标题", "正文")
True
>>> len(record_id(None, None, "标题", "正文"))
32
>>> record_id("urn:uuid:1", None, "t", "x")
'urn:uuid:1'
"""

from __future__ import annotations

import hashlib

ID_BYTES = 16  # 128-bit digest: collisions are negligible for billions of records


def record_id(given: object, url: str | None, title: str | None, text: str) -> str:
    if given is not None and str(given).strip():
        return str(given).strip()
    digest = hashlib.blake2b(digest_size=ID_BYTES)
    for part in (url or "", title or "", text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()
