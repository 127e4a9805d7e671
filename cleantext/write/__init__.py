"""The last stage: Article → one JSON line, in the flat schema or a nested one, on stdout or a file.

- ``JsonlWriter`` (``jsonl.py``): stdout or an atomically written, optionally compressed file;
- ``to_record`` (``schemas.py``): the object one article becomes (flat, datatrove, dolma; ``fields``).
"""

from __future__ import annotations

from cleantext.write.jsonl import JsonlWriter
from cleantext.write.schemas import FIELD_NAMES, FLAT_KEYS, SCHEMAS, check_output, flat_record, to_record

__all__ = ["FIELD_NAMES", "FLAT_KEYS", "SCHEMAS", "JsonlWriter", "check_output", "flat_record", "to_record"]
