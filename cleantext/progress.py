"""A one-line progress meter on stderr, for people watching a terminal.

Shown only when stderr is a terminal and ``--quiet`` is not given; redrawn at most every
``REDRAW_SECONDS``; erased at the end so the summary line stands alone. ``NO_COLOR`` is honoured
by never colouring this line at all. Messages of the run (a failed input, a warning) share the
terminal line with the meter: written through ``messages()``, each first erases the meter, so a
message never starts in the middle of it ("…0.8 MB/scleantext: warning…"); the next redraw puts
the meter back below the message.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from cleantext.pipeline import Stats

REDRAW_SECONDS = 0.25  # seconds between redraws: smooth to the eye, cheap for the run


class Progress:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, stats: Stats) -> None:
        now = time.monotonic()
        if now - self.last < REDRAW_SECONDS:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        line = (
            f"\r{stats.read} read · {stats.written} written · {stats.dropped_total} dropped · "
            f"{stats.failed} failed · {stats.read / elapsed:.0f} pages/s · {stats.bytes_read / elapsed / 1e6:.1f} MB/s"
        )
        self.stream.write(line + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Erase the meter, if it is on the screen, leaving the cursor at the start of its line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False

    def messages(self) -> TextIO:
        """The stream to write the run's messages to: each write first erases the meter."""
        return cast(TextIO, _Clearing(self))


class _Clearing:
    """``write`` and ``flush`` of the meter's stream, erasing the meter before each write."""

    def __init__(self, meter: Progress) -> None:
        self.meter = meter

    def write(self, text: str) -> int:
        self.meter.clear()
        return self.meter.stream.write(text)

    def flush(self) -> None:
        self.meter.stream.flush()
