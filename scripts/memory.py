#!/usr/bin/env python3
"""Memory over a long run: does the RSS stay flat while pages stream through the pipeline?

    python scripts/memory.py [--pages 10000] [--every 1000] [--jobs 1]

Generates varied pages on the fly (HTML articles with navigation and footers, text dumps with
metadata lines, GBK and UTF-8, different lengths, some boilerplate-only), streams them through
``Pipeline(config).run`` in this process, and samples VmRSS from ``/proc/self/status`` every
``--every`` pages. Prints the series and the growth from the first sample to the last: parse
trees kept alive, caches without bounds or counters that grow per page show up as a slope.
The first sample is taken after the first ``--every`` pages, so one-time costs (OpenCC,
lxml, chardet models) are already paid.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleantext.config import Config  # noqa: E402
from cleantext.model import RawPage  # noqa: E402
from cleantext.pipeline import Pipeline  # noqa: E402

KIB = 1024  # bytes
GROWTH_WARNING_KIB = 10 * KIB  # KiB of growth over the run worth a closer look
SENTENCES = (
    "国务院新闻办公室今天举行发布会，介绍今年上半年经济运行情况。",
    "记者从有关部门获悉，相关工作正在有序推进，预计年底前全面完成。",
    "专家表示，这一政策有利于稳定市场预期，增强企业发展信心。",
    "據報道，當地政府將繼續加大投入，改善居民生活條件。",
    "The committee said the new rules would take effect next month, after a review.",
)
NAV = "<div class='nav'><a href='/'>首页</a> | <a href='/news'>新闻</a> | <a href='/sports'>体育</a></div>"
FOOTER = "<div class='footer'>版权所有 © 2025 示例网 京ICP备12345678号</div>"


def _body(rng: random.Random, i: int) -> list[str]:
    count = rng.randint(1, 30)
    return [f"{''.join(rng.choices(SENTENCES, k=rng.randint(1, 6)))}（{i}-{n}）" for n in range(count)]


def _html(rng: random.Random, i: int) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in _body(rng, i))
    related = "".join(f"<li><a href='/{k}'>相关新闻标题{k}</a></li>" for k in range(rng.randint(0, 10)))
    return (
        f"<html><head><meta charset='utf-8'><title>新闻标题{i}_示例网</title></head><body>{NAV}"
        f"<h1>新闻标题{i}</h1><div class='article'>{paragraphs}</div><ul class='related'>{related}</ul>"
        f"{FOOTER}</body></html>"
    )


def _dump(rng: random.Random, i: int) -> str:
    head = f"新闻标题{i}\n时间：2025-07-{rng.randint(1, 28):02d} 09:55 来源：示例网 作者：记者{i}\n\n"
    return head + "\n\n".join(_body(rng, i)) + "\n\n责任编辑：张三\n上一篇：旧闻\n"


def pages(count: int, seed: int) -> Iterator[RawPage]:
    """``count`` varied pages: HTML and dumps, UTF-8 and GBK, and some with no article at all."""
    rng = random.Random(seed)
    for i in range(count):
        kind = rng.random()
        if kind < 0.05:
            yield RawPage(f"menu-{i}.html", (NAV * rng.randint(1, 5)).encode())
            continue
        text = _html(rng, i) if kind < 0.6 else _dump(rng, i)
        name = f"page-{i}.html" if kind < 0.6 else f"dump-{i}.txt"
        encoding = "gb18030" if rng.random() < 0.3 else "utf-8"
        yield RawPage(name, text.encode(encoding, "replace"))


def rss_kib() -> int:
    """The resident set size of this process, in KiB (Linux ``/proc/self/status``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # a peak, not the current size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=1_000)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    pipeline = Pipeline(Config(jobs=args.jobs))
    samples: list[tuple[int, int]] = []
    for done, _ in enumerate(pipeline.run(pages(args.pages, args.seed), jobs=args.jobs), 1):
        if done % args.every == 0:
            samples.append((done, rss_kib()))
            print(f"{done:>7} pages  {samples[-1][1] / KIB:8.1f} MiB", flush=True)
    print(pipeline.stats.summary())
    if len(samples) < 2:
        return 0
    growth = samples[-1][1] - samples[0][1]
    per_1000 = growth / (samples[-1][0] - samples[0][0]) * 1000
    print(
        f"growth: {growth / KIB:+.1f} MiB from page {samples[0][0]} to {samples[-1][0]} "
        f"({per_1000:+.0f} KiB per 1000 pages); peak sample {max(r for _, r in samples) / KIB:.1f} MiB"
    )
    return 1 if growth > GROWTH_WARNING_KIB else 0


if __name__ == "__main__":
    sys.exit(main())
