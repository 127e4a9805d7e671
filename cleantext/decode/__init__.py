"""Decode: a page's bytes → its text, with the encoding and the evidence that chose it.

The ladder (``ladder.py``), strongest evidence first, first that holds wins:

1. a container's text (a JSONL ``text`` field) is used as it is (method ``container``);
2. an encoding the caller forces is applied, invalid bytes replaced and counted (``forced``);
3. a byte-order mark (``bom``); NULs in step for UTF-16/32 without a mark (``detected``);
4. the declared charset: the container's (HTTP header), then ``<meta>``/XML declaration
   (``byte_signs.py``), validated against the bytes (``validate.py``) (``declared``);
5. strict UTF-8 over the whole page; pure ASCII is reported as ``utf-8`` (``utf-8``);
6. chardet on a bounded sample, validated over the whole page (``detected``);
7. replacement decoding, with the replaced characters counted (``fallback``).

Labels are read as the WHATWG supersets (``labels.py``): GB2312/GBK as GB18030, Big5 as
Big5-HKSCS, ISO-8859-1/ASCII as windows-1252, Shift_JIS as CP932, EUC-KR as CP949. Encodings
are reported as Python's codec names (``utf-8``, ``gb18030``, ``cp1252``, ``utf-16``...).

``looks_binary`` tells the pipeline which inputs are not text at all (images, archives,
executables), so they can be dropped with the reason ``binary`` instead of decoded to noise;
random bytes, which only the detector can tell from text, are decoded with the method
``NOT_TEXT`` for the same drop.

>>> from cleantext.model import RawPage
>>> d = decode(RawPage("page.html", "<p>朱镕基和张堃</p>".encode("gbk")))
>>> d.text, d.encoding, d.method
('<p>朱镕基和张堃</p>', 'gb18030', 'detected')
"""

from __future__ import annotations

from cleantext.decode.byte_signs import looks_binary, sniff_declared
from cleantext.decode.labels import codec_name
from cleantext.decode.ladder import NOT_TEXT, decode

__all__ = ["NOT_TEXT", "codec_name", "decode", "looks_binary", "sniff_declared"]
