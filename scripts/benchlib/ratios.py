"""The issue's targets, as ratios over the figures of one run (a ratio whose figures are missing,
because ``--only`` skipped their section, is left out)."""

from __future__ import annotations

from typing import Any

from benchlib.report import Ratio, Report

HTML_VS_BS4_MIN = 0.70  # cleantext HTML pages/s ÷ bs4 parse-only pages/s
DUMPS_MB_S_MIN = 25.0  # MB/s per core on text dumps
CONVERSION_MAX = 1.10  # cleantext's added time for --to traditional ÷ OpenCC's own time
JOBS_SPEEDUP_MIN = 1.8  # --jobs 2 ÷ --jobs 1 on 2 cores
LINEAR_MAX = 1.15  # seconds per MB at 16x ÷ at 1x: within noise of linear
RSS_FLAT_MAX = 1.15  # peak RSS at 16x ÷ at 1x: flat within 15 %
LARGE_PAGE_MAX = 2.0  # seconds per MB of a 5 MB page ÷ of the pages it is made of: no quadratic step
STARTUP_MAX_S = 0.30  # seconds for `cleantext run` on one small page
MARKDOWN_MAX = 1.15  # seconds with --markdown ÷ seconds with text output, same HTML pages, in turns


def _per(report: Report, top: str, bottom: str, attr: str = "pages_per_s") -> float | None:
    a, b = report.get(top), report.get(bottom)
    if a is None or b is None or not getattr(b, attr):
        return None
    value: float = getattr(a, attr) / getattr(b, attr)
    return value


def _add(report: Report, name: str, value: float | None, target: str, bound: tuple[str, float] | None) -> None:
    """Append a ratio when its value is known; ``bound`` is (">=" or "<=", limit) or None."""
    if value is None:
        return
    ok = None if bound is None else (value >= bound[1] if bound[0] == ">=" else value <= bound[1])
    report.ratios.append(Ratio(name, value, target, ok))


def _seconds_per_mb(report: Report, key: str) -> float | None:
    fig = report.get(key)
    return None if fig is None or not fig.mb_per_s else 1 / fig.mb_per_s


def _seconds(report: Report, key: str) -> float | None:
    fig = report.get(key)
    return None if fig is None else fig.seconds


def _quotient(top: float | None, bottom: float | None) -> float | None:
    return None if top is None or not bottom else top / bottom


def add_ratios(report: Report, facts: dict[str, Any]) -> None:
    """Every ratio the run's figures allow, with its target."""
    _add(
        report,
        "HTML --markdown / text output (seconds)",
        _quotient(_seconds(report, "markdown"), _seconds(report, "markdown-plain")),
        f"<= {MARKDOWN_MAX}",
        ("<=", MARKDOWN_MAX),
    )
    _add(
        report,
        "cleantext HTML / bs4 parse-only (pages/s)",
        _per(report, "html", "bs4"),
        f">= {HTML_VS_BS4_MIN}",
        (">=", HTML_VS_BS4_MIN),
    )
    dumps = report.get("dumps")
    _add(
        report,
        "text dumps MB/s per core",
        dumps and dumps.mb_per_s,
        f">= {DUMPS_MB_S_MIN} MB/s",
        (">=", DUMPS_MB_S_MIN),
    )
    _add(report, "cleantext HTML / floor HTML (pages/s)", _per(report, "html", "floor-html"), "info", None)
    _add(report, "cleantext dumps / floor dumps (pages/s)", _per(report, "dumps", "floor-txt"), "info", None)
    _add(report, "HTML --to traditional / without it (pages/s)", _per(report, "traditional", "traditional-plain"), "info", None)
    _conversion(report, facts)
    _add(
        report,
        "--jobs 2 / --jobs 1 (pages/s)",
        _per(report, "jobs2", "jobs1"),
        f">= {JOBS_SPEEDUP_MIN}",
        (">=", JOBS_SPEEDUP_MIN),
    )
    one, two = report.get("jobs1"), report.get("jobs2")
    if one is not None and two is not None and one.extra.get("cpu_s"):
        # the work --jobs 2 adds (pickling, the parent's share): judged without the machine's load
        _add(report, "  --jobs 2 CPU s / --jobs 1 CPU s", two.extra["cpu_s"] / one.extra["cpu_s"], "info", None)
    _scaling(report)
    for kind in ("dump", "html"):
        _add(
            report,
            f"large {kind} page s/MB / its pages' s/MB",
            _quotient(_seconds_per_mb(report, f"large-{kind}"), _seconds_per_mb(report, f"small-{kind}")),
            f"<= {LARGE_PAGE_MAX}",
            ("<=", LARGE_PAGE_MAX),
        )
    for key in ("startup-dump", "startup-html"):
        fig = report.get(key)
        _add(report, f"{key} wall seconds", fig and fig.seconds, f"<= {STARTUP_MAX_S} s", ("<=", STARTUP_MAX_S))
    _add(report, "ray engine / local engine --jobs 2 (pages/s)", _per(report, "ray", "local2"), "info", None)
    for peer in ("trafilatura", "readability-lxml"):
        _add(report, f"cleantext HTML / {peer} (pages/s)", _per(report, "html", peer), "info", None)


def _conversion(report: Report, facts: dict[str, Any]) -> None:
    raw = report.get("opencc")
    if raw is None:
        return
    added = facts["conversion_added_s"]
    _add(
        report,
        "conversion: cleantext added s / OpenCC alone s",
        added / raw.seconds,
        f"<= {CONVERSION_MAX}",
        ("<=", CONVERSION_MAX),
    )
    html, trad = report.get("traditional-plain"), report.get("traditional")
    if html is not None and trad is not None:
        _add(
            report,
            "  end to end: (c) - (c) without it, s / OpenCC alone s",
            (trad.seconds - html.seconds) / raw.seconds,
            "info (noisy)",
            None,
        )


def _scaling(report: Report) -> None:
    small, big = report.get("scale-1"), report.get("scale-16")
    if small is None or big is None:
        return
    _add(
        report,
        "scaling: s/MB at 16x / at 1x",
        small.mb_per_s / big.mb_per_s if big.mb_per_s else None,
        f"<= {LINEAR_MAX}",
        ("<=", LINEAR_MAX),
    )
    _add(
        report,
        "scaling: peak RSS at 16x / at 1x",
        big.extra["peak_rss_mb"] / small.extra["peak_rss_mb"],
        f"<= {RSS_FLAT_MAX}",
        ("<=", RSS_FLAT_MAX),
    )
