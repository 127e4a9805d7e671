"""The progress file of ``-o FILE --resume`` (``write.resumable``): its format, read and written.

- A JSON header comes first, on one line (the settings, the inputs, the cleantext version, the
  format's number), padded to whole pages: a slot never shares a page with it.
- Then two fixed slots of ``SLOT_BYTES``, written alternately, each holding one checkpoint: its
  CRC-32 in hex, a space, the checkpoint's JSON and a newline, padded with spaces. A slot torn by
  a kill or a lost machine fails its CRC, and the other, older one is read instead; the file does
  not grow with the run.
"""

from __future__ import annotations

import json
import os
import zlib
from typing import Any

PROGRESS_FORMAT = 1
PAGE = 4096  # the header is padded to whole pages, so a slot never shares a page with it
SLOT_BYTES = 8192  # one checkpoint: a place (a path of at most 4096 bytes) and a few numbers


def read_progress(fd: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The header (None: not a progress file) and the newest whole checkpoint (None: none) of ``fd``."""
    size = os.fstat(fd).st_size
    data = os.pread(fd, size, 0)
    first, _, _ = data.partition(b"\n")
    try:
        header = json.loads(first)
    except ValueError:
        return None, None
    if not isinstance(header, dict) or header.get("format") != PROGRESS_FORMAT:
        return None, None
    start = slots_start(len(first) + 1)
    slots = [_read_slot(data[start + n * SLOT_BYTES : start + (n + 1) * SLOT_BYTES]) for n in (0, 1)]
    whole = [slot for slot in slots if slot is not None]
    return header, max(whole, key=lambda slot: int(slot["seq"])) if whole else None


def slots_start(header_bytes: int) -> int:
    """Where the slots start: past the header, at the next page's start."""
    return -(-header_bytes // PAGE) * PAGE


def _read_slot(raw: bytes) -> dict[str, Any] | None:
    """A checkpoint slot's content when it is whole (its CRC matches), else None."""
    text = raw.rstrip(b" \n\0")
    crc, _, body = text.partition(b" ")
    try:
        if int(crc, 16) != zlib.crc32(body):
            return None
        slot = json.loads(body)
    except ValueError:
        return None
    return slot if isinstance(slot, dict) and "seq" in slot else None


def encode_slot(checkpoint: dict[str, Any]) -> bytes | None:
    """A checkpoint as one slot's bytes, padded to ``SLOT_BYTES``; None when it does not fit (a
    pathological input name: the next checkpoint says more anyway)."""
    body = json.dumps(checkpoint, ensure_ascii=False).encode("utf-8")
    slot = f"{zlib.crc32(body):08x} ".encode() + body + b"\n"
    return slot.ljust(SLOT_BYTES, b" ") if len(slot) <= SLOT_BYTES else None
