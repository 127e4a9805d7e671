"""The last stage: Article → one JSON line, in the flat schema or a nested one, on stdout or a file.

- ``JsonlWriter`` (``jsonl.py``): stdout or an atomically written, optionally compressed file;
- ``check_outputs``, ``OutputFailed`` (``targets.py``): output paths checked before the run; a
  file replaced atomically, a device or FIFO written through, a symlink followed;
- ``ResumableFile`` (``resumable.py``): ``-o FILE --resume``, a file continued over interrupted runs;
- ``to_record`` (``schemas.py``): the object one article becomes (flat, datatrove, dolma; ``fields``).
"""

from __future__ import annotations

from cleantext.write.jsonl import JsonlWriter
from cleantext.write.schemas import FIELD_NAMES, FLAT_KEYS, SCHEMAS, flat_record, to_record
from cleantext.write.targets import OutputFailed, check_outputs, write_bytes

__all__ = [
    "FIELD_NAMES", "FLAT_KEYS", "SCHEMAS", "JsonlWriter", "OutputFailed",
    "check_outputs", "flat_record", "to_record", "write_bytes",
]
