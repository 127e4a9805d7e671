"""The copyright holder a page's footer names (``document.owner``)."""

from __future__ import annotations

import pytest

from cleantext.document.owner import FOOTER_LINES, copyright_holder


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("版权所有 滨江市第一人民医院 Copyright © 2018 All rights reserved.", "滨江市第一人民医院"),
        ("版权所有：滨江晨报社 未经授权禁止转载", "滨江晨报社"),
        ("滨江在线 版权所有", "滨江在线"),
        ("版權所有 © 2019 濱江晨報", "濱江晨報"),  # Traditional, a year between
        ("© 2024 The Harbour Times. All rights reserved.", "The Harbour Times"),
        ("Copyright (c) 2003-2019 Harbour Media Group | Terms of use", "Harbour Media Group"),
        # values that name nobody
        ("Copyright © 2018 All rights reserved.", None),
        ("版权所有 © 2018", None),
        ("本站版权所有", None),
        ("本网站所有文章版权所有，未经许可不得转载", None),  # a notice about the articles' rights
        ("Copyright 2019 by the board of the society", None),
    ],
)
def test_copyright_holder(line: str, holder: str | None) -> None:
    assert copyright_holder(["首页", line]) == holder


def test_the_footers_last_copyright_line_counts_and_prose_does_not() -> None:
    prose = "本报讯 记者从市版权局获悉，滨江晨报社版权所有的一批老照片近日捐赠给市档案馆，供市民免费查阅和研究使用。" * 2
    assert copyright_holder([prose, "首页"]) is None  # a sentence about copyright, not a footer
    lines = ["版权所有 滨江晨报社", *["首页"] * FOOTER_LINES]
    assert copyright_holder(lines) is None  # far above the page's end: not its footer
    assert copyright_holder(["版权所有 滨江晨报社", "版权所有 滨江在线"]) == "滨江在线"
