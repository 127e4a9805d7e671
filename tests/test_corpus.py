"""A corpus run: generated WARC and JSONL with known duplicates, near duplicates and junk give
exactly the expected counts in ``--stats``."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import json_lines, run_cli

CITIES = ["北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆"]
TOPICS = ["交通建设", "教育改革", "医疗服务", "文化活动", "农业生产", "科技创新", "环境治理", "旅游市场"]


def article_paragraphs(seed: int, n: int = 6) -> list[str]:
    """Distinct, long, punctuated Chinese paragraphs; different seeds share no sentence."""
    out = []
    for p in range(n):
        sentences = []
        for s in range(4):
            k = seed * 1000 + p * 10 + s
            city, topic = CITIES[k % len(CITIES)], TOPICS[(k // 7) % len(TOPICS)]
            sentences.append(f"第{k}号报道指出，{city}的{topic}在{(k % 12) + 1}月取得新进展，有关负责人表示将持续推进各项工作。")
        out.append("".join(sentences))
    return out


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    nav = "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/n'>新闻</a></li></ul>"
    return f"<html><head><title>{title}</title></head><body>{nav}<h1>{title}</h1>{body}</body></html>".encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


def test_corpus_counts(tmp_path: Path) -> None:
    a, b, c = article_paragraphs(1), article_paragraphs(2), article_paragraphs(3)
    a_near = list(a)
    a_near[-1] = a_near[-1][:-20] + "另据了解，后续安排将另行通知。"  # one small contiguous edit at the end
    write_warc(tmp_path / "crawl.warc.gz", [
        ("https://a.example/1", "text/html; charset=utf-8", page("甲文章", a)),
        ("https://mirror.example/1", "text/html; charset=utf-8", page("甲文章", a)),       # exact duplicate
        ("https://a.example/1-copy", "text/html; charset=utf-8", page("甲文章", a_near)),  # near duplicate
        ("https://b.example/2", "text/html; charset=utf-8", page("乙文章", b)),
        ("https://a.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),    # not a page
        ("https://a.example/menu", "text/html", "<ul><li><a>首页</a></li><li><a>登录</a></li></ul>".encode()),  # junk
    ])
    lines = [
        json.dumps({"id": "c", "text": "\n".join(c)}, ensure_ascii=False),
        json.dumps({"id": "b-again", "text": "\n".join(b)}, ensure_ascii=False),  # exact duplicate of b's text
        json.dumps({"id": "tiny", "text": "短文。"}, ensure_ascii=False),           # under --min-chars
        "{not json",                                                              # a failure
    ]
    (tmp_path / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats_path = tmp_path / "stats.json"
    proc = run_cli("run", str(tmp_path / "crawl.warc.gz"), str(tmp_path / "items.jsonl"), "--dedup", "near",
                   "--min-chars", "20", "--stats", str(stats_path), "--jobs", "1")
    assert proc.returncode == 1  # the bad JSON line
    records = json_lines(proc.stdout)
    stats = json.loads(stats_path.read_text())
    assert stats["read"] == 10
    assert stats["written"] == 3 == len(records)
    assert stats["failed"] == 1
    assert stats["dropped_by_reason"] == {
        "exact-duplicate": 2, "near-duplicate": 1, "no-content": 1, "too-short": 1, "unsupported-type": 1,
    }
    assert stats["read"] == stats["written"] + stats["dropped"] + stats["failed"]
    assert [r["url"] for r in records] == ["https://a.example/1", "https://b.example/2", None]
    kept_ids = {r["id"] for r in records}
    assert {d["duplicate_of"] for d in stats["duplicates"]} <= kept_ids
