"""The progress file's format (``write.progress``): a header, then two CRC-checked slots."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cleantext.write.progress import PROGRESS_FORMAT, SLOT_BYTES, encode_slot, read_progress, slots_start


def _progress(path: Path, *checkpoints: dict[str, object]) -> int:
    header = json.dumps({"format": PROGRESS_FORMAT}).encode() + b"\n"
    start = slots_start(len(header))
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    os.pwrite(fd, header.ljust(start, b" "), 0)
    for checkpoint in checkpoints:
        slot = encode_slot(checkpoint)
        assert slot is not None and len(slot) == SLOT_BYTES
        os.pwrite(fd, slot, start + (int(str(checkpoint["seq"])) % 2) * SLOT_BYTES)
    return fd


def test_the_newest_whole_slot_is_read(tmp_path: Path) -> None:
    fd = _progress(tmp_path / "p", {"seq": 1, "records": 3}, {"seq": 2, "records": 5})
    try:
        header, newest = read_progress(fd)
    finally:
        os.close(fd)
    assert header == {"format": PROGRESS_FORMAT} and newest == {"seq": 2, "records": 5}


def test_a_file_of_another_format_or_a_checkpoint_too_long_is_none(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.write_text('{"format": 99}\n')
    fd = os.open(other, os.O_RDONLY)
    try:
        assert read_progress(fd) == (None, None)
    finally:
        os.close(fd)
    assert encode_slot({"seq": 1, "place": "x" * SLOT_BYTES}) is None
