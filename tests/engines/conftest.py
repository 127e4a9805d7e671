"""A small mixed corpus for the engines: every input kind the local engine reads from files.

Text dumps and HTML from ``samples/``, compressed single pages (.gz, .zst), a JSONL container
(html and text fields, an exact copy of a dump, an empty record, a broken line), a gzipped WARC
(HTML responses, one a copy of another, an image), a binary file, a truncated .gz file, and a
second copy of a dump under another name. Together they give articles, drops of several reasons,
failures, and exact and near duplicates across files and containers.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

NEWS = (
    "<html><head><title>{title}</title></head><body><nav><a href='/'>首页</a> <a href='/n'>新闻</a></nav>"
    "<article><h1>{title}</h1><p>{body}</p><p>记者在现场看到，市民们排队等候，秩序井然，工作人员耐心解答问题。</p>"
    "</article><footer>版权所有 2025 示例网</footer></body></html>"
)
BODY = "今年以来，本市持续推进城市更新行动，一批老旧小区完成改造，居民生活条件明显改善，社区服务更加便利。"
PARK_BODY = BODY.replace("城市更新", "公园建设")
NEAR_BODY = BODY + "另据介绍，明年还将继续推进。"


def _news(title: str, body: str = BODY) -> str:
    return NEWS.format(title=title, body=body)


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        pages = [
            ("http://example.com/1.html", _news("城市更新", BODY).encode("gbk"), "text/html; charset=GBK"),
            ("http://example.com/2.html", _news("城市更新", BODY).encode("utf-8"), "text/html"),  # exact copy
            ("http://example.com/a.png", b"\x89PNG\r\n\x1a\n....", "image/png"),
            ("http://example.com/3.html", _news("公园开放", PARK_BODY).encode(), "text/html"),
        ]
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            payload = io.BytesIO(body)
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))


def _jsonl(path: Path, dump_text: str) -> None:
    records = [
        {"id": "j1", "html": _news("交通出行"), "url": "http://example.org/j1"},
        {"id": "j2", "text": dump_text, "lang": "zh"},  # the same text as a dump file: an exact duplicate
        {"id": "j3", "text": ""},  # empty: dropped
        {"id": "j4", "text": "The museum reopened on Monday after a two-year renovation of its main hall, "
         "and visitors queued from early morning to see the restored ceiling and the new galleries."},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, "{not json")  # a broken line: one failure, the rest is read
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The corpus's inputs: one folder, plus one file named on its own (absolute paths)."""
    root = tmp_path_factory.mktemp("corpus")
    pages = root / "pages"
    (pages / "dumps").mkdir(parents=True)
    (pages / "html").mkdir()
    for sample in sorted((SAMPLES / "dumps").glob("*.txt")):
        shutil.copy(sample, pages / "dumps" / sample.name)
    for sample in sorted((SAMPLES / "html").glob("*.html")):
        shutil.copy(sample, pages / "html" / sample.name)
    first_dump = sorted((pages / "dumps").glob("*.txt"))[0]
    shutil.copy(first_dump, pages / "dumps" / "zz-copy.txt")  # an exact duplicate file
    (pages / "html" / "packed.html.gz").write_bytes(gzip.compress(_news("绿色出行").encode()))
    (pages / "dumps" / "packed.txt.zst").write_bytes(zstandard.compress(BODY.encode() * 3))
    (pages / "broken.html.gz").write_bytes(gzip.compress(_news("截断").encode())[:-20])  # truncated: failure
    (pages / "blob.bin").write_bytes(bytes(range(256)) * 8)  # binary: dropped
    _jsonl(pages / "records.jsonl", first_dump.read_text(encoding="utf-8"))
    _warc(pages / "crawl.warc.gz")
    single = root / "single.html"
    single.write_text(_news("城市更新", NEAR_BODY), encoding="utf-8")  # a near copy of a WARC page
    return [str(pages), str(single)]
