"""Blogs (a technical one among them), government notices and a recipe, end to end over hand-made fixtures (``tests/boilerplate/pagetypes``):
the post or the notice is kept; the sidebar (about-me box, archive by month, categories, blogroll,
recent posts), the tag cloud, the taxonomy line, the previous/next links, the accessibility bar,
the service menu and the site's registration footer are dropped. Each HTML fixture comes with its
dump by lynx and by inscriptis (a browser-innerText layout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.boilerplate import classify
from cleantext.document import finalize
from cleantext.model import Article, Decoded
from cleantext.segment import segment

FIXTURES = Path(__file__).parent / "pagetypes"
DUMPS = ("lynx.txt", "inscriptis.txt")

BLOG_EN_CHROME = [
    "I am Owen", "March 2024", "Furniture", "Blogroll", "The Lathe Diary", "Oiling a walnut table",
    "walnut oil saws", "Posted in", "Tagged", "Slow Workshop",
]
BLOG_ZH_CHROME = ["青禾，在城市里上班", "2023年07月", "日志分类", "木木的厨房", "自己做番茄酱", "爬山 读书", "分类：", "标签：", "上一篇"]
# (the permalink line, 本文链接：…, is still kept: a label and an address alone)
TECHBLOG_CHROME = ["热门文章", "分类专栏", "文章标签", "版权声明", "点赞", "处理超大 CSV", "路过的码农", "ICP备", "数据小作坊"]
NOTICE_CHROME = ["无障碍", "长者模式", "个人办事", "政务公开", "主办单位", "网站标识码", "ICP备", "打印本页", "邮编"]


def _record(name: str) -> Article:
    path = FIXTURES / name
    doc = Decoded(str(path), path.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    record = finalize(doc, classify(blocks, meta), meta, None)[0]
    assert isinstance(record, Article)
    return record


def _text(name: str) -> str:
    return _record(name).text


@pytest.mark.parametrize("name", ["blog-en.html", "blog-zh.html", "notice-zh.html"])
def test_html_keeps_exactly_the_expected_text(name: str) -> None:
    expected = (FIXTURES / name.replace(".html", ".expected.txt")).read_text(encoding="utf-8").strip()
    assert _text(name) == expected


@pytest.mark.parametrize(
    ("stem", "first", "last", "chrome"),
    [
        ("blog-en", "The chair came from", "my grandmother's chair did that too.", BLOG_EN_CHROME),
        ("blog-zh", "今年春天，我在朝南的阳台上", "明年我打算再多种两盆。", BLOG_ZH_CHROME),
        ("notice-zh", "各区住房和城乡建设部门，各有关单位：", "某某市住房和城乡建设局\n2024年4月8日", NOTICE_CHROME),
        ("techblog-zh", "", "控制在很小的范围内。", TECHBLOG_CHROME),  # opens with the permalink line
    ],
)
@pytest.mark.parametrize("suffix", [".html", *(f".{d}" for d in DUMPS)])
def test_the_post_stays_and_its_chrome_goes(stem: str, first: str, last: str, chrome: list[str], suffix: str) -> None:
    text = _text(stem + suffix)
    assert text.startswith(first)
    assert text.endswith(last)
    for line in chrome:
        assert line not in text, line


@pytest.mark.parametrize("suffix", [".html", *(f".{d}" for d in DUMPS)])
def test_a_line_of_tags_under_the_dateline_is_not_the_headline(suffix: str) -> None:
    record = _record(f"techblog-zh{suffix}")
    assert record.title == "Python 读取大文件时内存不够怎么办"  # not 文章标签：python 大文件 内存优化
    assert "一、逐行读取" in record.text.splitlines()


@pytest.mark.parametrize("name", ["notice-zh.html", *(f"notice-zh.{d}" for d in DUMPS)])
def test_a_notice_keeps_its_clauses_and_attachments(name: str) -> None:
    text = _text(name)
    for line in ["一、申报范围", "四、申报材料", "（一）补贴申请表；", "（三）业主同意加装的书面意见。",
                 "附件：1. 加装电梯补贴申请表.doc",
                 "2024年4月15日至2024年6月30日。"]:  # a period, not the page's date line
        assert line in text.splitlines(), line
    if name.endswith(".html"):  # a dump writes the second attachment as a numbered list entry
        assert "2. 申报材料清单.pdf" in text.splitlines()


@pytest.mark.parametrize("name", ["notice-zh.html", *(f"notice-zh.{d}" for d in DUMPS)])
def test_a_notice_keeps_its_signature_and_takes_its_date(name: str) -> None:
    record = _record(name)
    assert record.text.splitlines()[-2:] == ["某某市住房和城乡建设局", "2024年4月8日"]  # the signed date stays, as signed
    assert record.date is not None and record.date.startswith("2024-04-08")


RECIPE_CHROME = ["Crispy Chickpea Wraps", "Welcome to The Thrifty Pantry", "Made this for lunches", "Subscribe"]


@pytest.mark.parametrize("suffix", [".html", *(f".{d}" for d in DUMPS), ".html2text.txt"])
def test_a_recipe_keeps_its_ingredients_and_its_method(suffix: str) -> None:
    # a Markdown dump numbers the method's steps as a list: the ingredient list above them, a
    # list of measures, must not cut the recipe there (``measures.measured_entries``)
    text = _text("recipe-en" + suffix)
    for line in ["200 g pearl barley", "4 tbsp olive oil"]:
        assert line in text.splitlines(), line
    # (the browser-like layout indents the card's buttons under the last step, which they then join)
    assert "Once cool, stir in the cucumber, spring onions and parsley, then season to taste." in text
    for line in RECIPE_CHROME:
        assert line not in text, line


@pytest.mark.parametrize("suffix", [".html", *(f".{d}" for d in DUMPS), ".w3m.txt"])
def test_a_chinese_recipe_keeps_its_ingredients_its_steps_and_its_tip(suffix: str) -> None:
    # w3m wraps the second step at the page's width with one character left over (来。), in a
    # dump too short to measure its width (``joins._sentence_tail``)
    lines = _text("recipe-zh" + suffix).splitlines()
    for line in ["鸡蛋打散，加一点盐搅匀。锅里多放一些油，油热后倒入蛋液，炒到刚刚凝固就盛出来。", "倒入炒好的鸡蛋，翻炒均匀，撒上葱花即可出锅。",
                 "番茄选熟透的，炒出来汁多味道浓。喜欢吃酸一点的可以少放糖。"]:
        assert line in lines, line
    text = "\n".join(lines)
    for chrome in ["西红柿鸡蛋面", "家里人都说好吃", "京ICP备", "下载APP"]:
        assert chrome not in text, chrome
