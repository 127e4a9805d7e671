"""Several HTML documents on one stream: split where one ends and the next starts, nowhere else."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.read.documents import split_documents, starts_like_markup
from tests.conftest import BENCH, SAMPLES, json_lines, run_cli

LIMIT = 1 << 20  # bytes: max_page_bytes for these tests
HTML_SAMPLES = sorted(SAMPLES.glob("html/*.html"))


def split(data: bytes, limit: int = LIMIT, step: int = 1 << 16) -> list[bytes]:
    return [d.data for d in split_documents(io.BytesIO(data), limit, step)]


def page(body: str, doctype: bool = True) -> bytes:
    return (("<!DOCTYPE html>\n" if doctype else "") + f"<html><body><p>{body}</p></body></html>").encode()


def test_concatenated_documents_are_split_at_each_start() -> None:
    a, b, c = page("a"), page("b", doctype=False), b'<?xml version="1.0"?>\n<html><p>c</p></html>\n'
    assert split(a + b + c) == [a, b, c]
    assert split(a + b"\n\n" + b) == [a + b"\n\n", b]  # what lies between goes with the document before


def test_bom_and_a_saved_from_comment_may_sit_between_documents() -> None:
    a, b = page("a"), b"\xef\xbb\xbf<!-- saved from url=(0014)about:internet -->\n" + page("b")
    assert split(a + b) == [a + b[:-len(page("b"))], page("b")]


def test_one_document_is_never_split_and_comes_back_byte_for_byte() -> None:
    for path in HTML_SAMPLES:
        data = path.read_bytes()
        [document] = split_documents(io.BytesIO(data), LIMIT)
        assert document.data == data and not document.followed and document.size == len(data)


def test_html_inside_a_script_a_comment_or_an_iframe_srcdoc_does_not_split() -> None:
    inner = "</html>\n<!DOCTYPE html><html><body>inner</body></html>"
    for wrapped in (
        f"<script>var page = `{inner}`;</script>",
        f"<style>/* {inner} */</style>",
        f"<!-- an old copy: {inner} -->",
        f"<textarea>{inner}</textarea>",
        '<iframe srcdoc="<!DOCTYPE html><html><body>x</body></html>"></iframe><p>after</p>',
    ):
        data = f"<!DOCTYPE html><html><body>{wrapped}<p>text</p></body></html>".encode()
        assert split(data) == [data], wrapped


def test_glued_documents_without_an_end_stay_one_page_and_are_counted() -> None:
    data = b"<!DOCTYPE html><html><p>a</p>\n<!DOCTYPE html><html><p>b</p></html>"
    [document] = split_documents(io.BytesIO(data), LIMIT)
    assert document.data == data and document.doctypes == 2


def test_a_document_over_the_limit_is_measured_and_the_next_ones_still_found() -> None:
    big = page("x" * 5000)
    documents = list(split_documents(io.BytesIO(page("a") + big + page("b")), limit=1000, step=64))
    assert [(d.data, d.size) for d in documents] == [(page("a"), len(page("a"))), (b"", len(big)), (page("b"), len(page("b")))]


def test_only_a_stream_that_opens_with_a_tag_is_searched() -> None:
    assert starts_like_markup(b"\n  <html>") and starts_like_markup(b"<p>")
    assert not starts_like_markup(b"Title\n</html><html>") and not starts_like_markup("<".encode("utf-16"))


@st.composite
def documents(draw: st.DrawFn) -> list[bytes]:
    bodies = draw(st.lists(st.text(alphabet="ab <>/!-\n中", max_size=40), min_size=1, max_size=5))
    return [page(body.replace("<", "&lt;"), doctype=draw(st.booleans())) for body in bodies]


@settings(max_examples=200, deadline=None)
@given(documents(), st.integers(min_value=1, max_value=300))
def test_any_concatenation_splits_back_into_its_documents_at_any_read_size(parts: list[bytes], step: int) -> None:
    assert split(b"".join(parts), step=step) == parts


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.integers(min_value=1, max_value=64))
def test_any_bytes_split_losslessly(data: bytes, step: int) -> None:
    pieces = list(split_documents(io.BytesIO(b"<html>" + data), LIMIT, step))
    assert b"".join(d.data for d in pieces) == b"<html>" + data
    assert [d.followed for d in pieces] == [True] * (len(pieces) - 1) + [False]


def test_no_bench_or_sample_page_is_split() -> None:
    paths = [*SAMPLES.rglob("*.htm*"), *BENCH.glob("*/*.html")]  # the bench when it is there
    for path in paths:
        data = path.read_bytes()
        assert len(list(split_documents(io.BytesIO(data), len(data) + 1))) == 1, path


def _records(proc_stdout: bytes) -> list[dict[str, object]]:
    return json_lines(proc_stdout)


def test_the_readme_example_gives_one_record_per_page() -> None:
    stream = b"".join(p.read_bytes() for p in HTML_SAMPLES)  # cat samples/html/*.html
    proc = run_cli("run", "-", stdin=stream)
    records = _records(proc.stdout)
    assert [r["input"] for r in records] == ["-#1", "-#2", "-#3"]
    assert proc.stderr.decode().splitlines() == ["cleantext: 3 read, 3 written, 0 dropped (none), 0 failed"]
    alone = _records(run_cli("run", *map(str, HTML_SAMPLES)).stdout)
    for joined, single in zip(records, alone, strict=True):  # each decoded on its own, as if alone
        assert {**joined, "input": None} == {**single, "input": None}
    assert [r["encoding"] for r in records] == ["utf-8", "big5hkscs", "gb18030"]


def test_a_file_of_several_documents_names_them_like_container_items(tmp_path: Path) -> None:
    joined = tmp_path / "pages.html"
    joined.write_bytes(b"".join(p.read_bytes() for p in HTML_SAMPLES[:2]))
    records = _records(run_cli("run", str(joined)).stdout)
    assert [r["input"] for r in records] == [f"{joined}#1", f"{joined}#2"]


def test_jsonl_on_stdin_stays_one_page_per_record() -> None:
    two = b"".join(p.read_bytes() for p in HTML_SAMPLES[:2]).decode("utf-8", "replace")
    stream = (json.dumps({"html": two}) + "\n" + json.dumps({"html": "<p>第二条记录的正文，足够长，读起来像一段新闻。</p>"}) + "\n").encode()
    proc = run_cli("run", "-", stdin=stream)
    assert [r["input"] for r in _records(proc.stdout)] == ["-#1", "-#2"]


def test_glued_documents_that_cannot_be_split_are_one_page_with_a_warning() -> None:
    first, second = (p.read_bytes().replace(b"</html>", b"") for p in HTML_SAMPLES[::2])
    proc = run_cli("run", "-", stdin=first + b"\n" + second)
    [record] = _records(proc.stdout)
    assert record["input"] == "-"
    lines = proc.stderr.decode().splitlines()
    assert lines[0].startswith("cleantext: -: warning: holds 2 <!DOCTYPE html> declarations")
    assert lines[0].endswith("cannot be split reliably, read as one page; record written")
    assert lines[1].endswith("1 written with warnings")
