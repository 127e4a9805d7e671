"""Runs inside ``.bench/peers`` (its own venv): times trafilatura and readability-lxml on pages.

    .bench/peers/bin/python peers_worker.py LISTING REPS

LISTING holds one page path per line. Each library gets the page's bytes (each decodes them its own
way, as cleantext does), best of REPS runs. Prints one JSON object: per library, seconds, pages,
bytes, version, or the error that kept it from running. Imports nothing from cleantext.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any


def _trafilatura() -> Callable[[bytes], object]:
    import trafilatura

    extract: Callable[[bytes], object] = trafilatura.extract
    return extract


def _readability() -> Callable[[bytes], object]:
    from readability import Document

    return lambda data: Document(data).summary()


PEERS = {"trafilatura": (_trafilatura, "trafilatura"), "readability-lxml": (_readability, "readability-lxml")}


def best_of(reps: int, pages: list[bytes], extract: Callable[[bytes], object]) -> tuple[float, int]:
    """Shortest time over ``reps`` runs, and how many pages raised."""
    best, failed = float("inf"), 0
    for _ in range(reps):
        failed = 0
        start = time.process_time()  # CPU seconds, like cleantext's one-core figures
        for data in pages:
            try:
                extract(data)
            except Exception:  # noqa: BLE001 - a peer failing on a page is counted, not fatal
                failed += 1
        best = min(best, time.process_time() - start)
    return best, failed


def measure(name: str, pages: list[bytes], reps: int) -> dict[str, Any]:
    load, dist = PEERS[name]
    try:
        extract = load()
        extract(pages[0])  # warm-up: lazy imports out of the timing
    except Exception as exc:  # noqa: BLE001 - report the peer as unavailable
        return {"error": f"{type(exc).__name__}: {exc}"}
    seconds, failed = best_of(reps, pages, extract)
    return {
        "seconds": seconds,
        "pages": len(pages),
        "bytes": sum(map(len, pages)),
        "failed": failed,
        "version": metadata.version(dist),
    }


def main() -> None:
    listing, reps = Path(sys.argv[1]), int(sys.argv[2])
    pages = [Path(p).read_bytes() for p in listing.read_text(encoding="utf-8").splitlines() if p]
    print(json.dumps({name: measure(name, pages, reps) for name in PEERS}))


if __name__ == "__main__":
    main()
