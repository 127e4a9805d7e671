"""One stream, several HTML documents: ``cat pages/*.html | cleantext run -`` gives one page each.

Observations this module relies on:

- Concatenated documents meet where one ends with ``</html>`` and the next begins with
  ``<!DOCTYPE``, ``<html`` or an XML declaration, with nothing between but whitespace, byte-order
  marks and short comments (the "saved from url" comment of saved pages). A document's ``</html>``
  is its last tag; in broken pages a script or stray text may follow it, never a new document's
  start. A ``<html`` or ``<!DOCTYPE`` inside one document (in a script, in an iframe's ``srcdoc``)
  is not preceded by ``</html>``: so the pair marks a boundary, a start tag alone never does.
  A ``</html>`` inside a script, a style sheet, a text area or a comment is text, not an end, so
  those stretches are stepped over. No page of the bench or of ``samples/`` (823 files) has the
  pair inside it.
- A second ``<!DOCTYPE html`` with no ``</html>`` before it means glued documents that cannot be
  told apart reliably (one may have lost its end): the stream stays one page, and the page carries
  a warning saying so (``WARNING_HINT``), which the run reports.
- A document starts with a tag (after a byte-order mark or whitespace); a stream that does not
  (a text dump, binary data, UTF-16) is read as one page without being searched.
- The tags are ASCII, so the bytes are searched before decoding, whatever ASCII-compatible
  encoding each document uses, and each document is then decoded on its own (a GBK page after a
  UTF-8 one). UTF-16 pages do not match and are never split.
- A stream may be far larger than memory. Only the current document is held, up to
  ``max_page_bytes``; a larger one is counted while its bytes are let go, keeping only the short
  tail still to be searched, so that the documents after it are found. Each byte is searched once,
  plus a bounded look-ahead after each ``</html>``: the cost grows linearly with the stream.

>>> import io
>>> stream = io.BytesIO(b"<html><p>a</p></html>\\n<!DOCTYPE html><html><p>b</p></html>")
>>> [(d.data, d.followed) for d in split_documents(stream, limit=1000)]
[(b'<html><p>a</p></html>\\n', True), (b'<!DOCTYPE html><html><p>b</p></html>', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.read.streams import BUFFER_BYTES, Readable
from cleantext.regexes import compiled

WARNING_HINT = "warning"  # RawPage hint: something a person should know about how the page was read
MAX_GAP_BYTES = 4096  # bytes between </html> and the next start: separators, not content
LOOKAHEAD_BYTES = 512  # bytes after a </html> needed to decide: a short comment (256) and a start tag
TAIL_BYTES = 80  # bytes kept at a buffer's end, where a tag may be cut in two (the longest mark ≤ 72)

# What the search stops at: the end of a document, the start of a stretch where that end does not
# count (a script, a style sheet, a text area, a comment), and a document type declaration.
# (one leading ``<`` outside the alternation: ``re`` then skips to each ``<``, ~30× faster)
_MARK = compiled(rb"<(?:(/html\s{0,64}>)|(script|style|textarea)[\s>/]|(!--)|(!doctype\s+html))", re.IGNORECASE)
_STRETCH_END = {
    b"script": compiled(rb"</script[\s>/]", re.IGNORECASE),
    b"style": compiled(rb"</style[\s>/]", re.IGNORECASE),
    b"textarea": compiled(rb"</textarea[\s>/]", re.IGNORECASE),
    b"!--": compiled(rb"-->"),
}
# possessive: the separators are taken once, never re-split by backtracking
_GAP = compiled(rb"(?:\s++|\xef\xbb\xbf|<!--[^>]{0,256}-->)*+")
_LEADING = b"\xef\xbb\xbf \t\r\n"  # a byte-order mark and whitespace may come before a document's first tag
_START = compiled(rb"<!doctype[\s>]|<html[\s>]|<\?xml\s", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """One document of a stream: its bytes (``b""`` when over the limit) and what is known of it."""

    data: bytes
    size: int  # bytes of the document, also when ``data`` was let go
    followed: bool  # another document starts after it
    doctypes: int = 0  # ``<!DOCTYPE html`` declarations in it (two or more: glued, not split)


def split_documents(stream: Readable, limit: int, step: int = BUFFER_BYTES) -> Iterator[Document]:
    """The documents of ``stream``, in order; at least one (``b""`` for an empty stream)."""
    return _Splitter(stream, limit, step).documents()


def starts_like_markup(head: bytes) -> bool:
    """Whether a stream's first bytes can open an HTML document (only such a stream is searched).

    A text dump, binary data or UTF-16 starts otherwise: it is read as one page, as it always was.

    >>> starts_like_markup(b"\\xef\\xbb\\xbf\\n <!DOCTYPE html>"), starts_like_markup(b"Title\\n<p>")
    (True, False)
    """
    return head.lstrip(_LEADING).startswith(b"<")


def unsplit_warning(document: Document) -> str | None:
    """What to tell a person about a document that may hold several it could not split, or None.

    >>> unsplit_warning(Document(b"", 10, False, doctypes=3)).split(":")[0]
    'holds 3 <!DOCTYPE html> declarations without </html> before each new one'
    """
    if document.doctypes < 2:
        return None
    return (
        f"holds {document.doctypes} <!DOCTYPE html> declarations without </html> before each new one: "
        "several documents that cannot be split reliably, read as one page"
    )


class _Splitter:
    def __init__(self, stream: Readable, limit: int, step: int) -> None:
        self.stream, self.limit, self.step = stream, limit, step
        self.buf = bytearray()  # the current document's bytes not yet let go, and what follows
        self.scan = 0  # where in ``buf`` the search goes on
        self.inside: re.Pattern[bytes] | None = None  # the end of the stretch being crossed, if in one
        self.doctypes = 0  # document type declarations seen in the current document
        self.dropped = 0  # bytes of the current document let go (it is over the limit)
        self.eof = False

    def documents(self) -> Iterator[Document]:
        while True:
            cut = self._boundary()
            if cut is not None:
                yield self._emit(cut, followed=True)
            elif self.eof:
                yield self._emit(len(self.buf), followed=False)
                return
            else:
                self._fill()

    def _boundary(self) -> int | None:
        """Where the next document starts in ``buf``, or None (for now: more bytes may tell)."""
        while True:
            found = (self.inside or _MARK).search(self.buf, self.scan)
            if found is None:
                self.scan = max(self.scan, len(self.buf) - TAIL_BYTES)
                return None
            if self.inside is not None:
                self.inside, self.scan = None, found.end()
                continue
            _close, stretch, comment, doctype = found.groups()
            if stretch or comment:
                self.inside, self.scan = _STRETCH_END[(stretch or comment).lower()], found.end()
                continue
            if doctype:
                self.doctypes += 1
                self.scan = found.end()
                continue
            decided = self._after_close(found)
            if decided is None or decided > 0:
                return decided
            self.scan = found.end()

    def _after_close(self, close: re.Match[bytes]) -> int | None:
        """After a </html>: the next document's start, 0 when none starts there, None when undecided."""
        gap_end = _GAP.match(self.buf, close.end()).end()  # type: ignore[union-attr]  # matches empty
        if gap_end - close.end() > MAX_GAP_BYTES:
            return 0
        if len(self.buf) - gap_end < LOOKAHEAD_BYTES and not self.eof:
            self.scan = close.start()  # decided once more bytes are in
            return None
        return gap_end if _START.match(self.buf, gap_end) else 0

    def _emit(self, cut: int, followed: bool) -> Document:
        size = self.dropped + cut
        data = b"" if self.dropped else bytes(self.buf[:cut])
        document = Document(data, size, followed, self.doctypes)
        del self.buf[:cut]  # O(1): a bytearray drops its head by moving its start
        self.scan, self.inside, self.doctypes, self.dropped = 0, None, 0, 0
        return document

    def _fill(self) -> None:
        if self.dropped + len(self.buf) > self.limit:
            # over the limit: let go of what was searched; the size is all that is still needed
            self.dropped += self.scan
            del self.buf[: self.scan]
            self.scan = 0
        chunk = self.stream.read(self.step)
        if chunk:
            self.buf += chunk
        else:
            self.eof = True
