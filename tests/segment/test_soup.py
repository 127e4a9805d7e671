"""bs4 imported without its encoding detector: the same detection for bs4's other users, and a
plain import for any bs4 whose layout the trick does not know (fake packages stand in for those)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleantext.segment.soup import DetectorOnDemand, _Hider, import_without_detectors

GBK_PAGE = "这是一个中文网页，用来测试编码检测是否还能工作。".encode("gbk") * 5


def test_bs4_detects_as_before_and_chardet_comes_only_when_asked() -> None:
    """A fresh process: importing the segmenter leaves chardet out, and bs4 still detects with it."""
    script = textwrap.dedent(
        """
        import sys
        import cleantext.segment.html
        from bs4 import UnicodeDammit
        import bs4.dammit
        before = "chardet" in sys.modules
        page = "这是一个中文网页，用来测试编码检测是否还能工作。".encode("gbk") * 5
        print(before, bs4.dammit._chardet_dammit(page), UnicodeDammit(page).original_encoding)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "GB18030", "gb18030"]


def test_the_detector_on_demand_answers_as_the_detector() -> None:
    import chardet

    assert DetectorOnDemand(("no_such_detector", "chardet")).detect(GBK_PAGE) == dict(chardet.detect(GBK_PAGE))
    assert DetectorOnDemand(("no_such_detector",)).detect(GBK_PAGE) == {"encoding": None}


@pytest.fixture
def fake_packages(tmp_path: Path) -> Iterator[Path]:
    """A folder on sys.path for fake packages; their modules are forgotten afterwards."""
    sys.path.insert(0, str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in set(sys.modules) - before:
        del sys.modules[name]


def _package(root: Path, name: str, dammit: str) -> None:
    (root / name).mkdir()
    (root / name / "__init__.py").write_text("")
    (root / name / "dammit.py").write_text(textwrap.dedent(dammit))
    (root / "fakedetector.py").write_text("def detect(data):\n    return {'encoding': 'fake'}\n")


def test_a_known_layout_gets_the_detector_on_demand(fake_packages: Path) -> None:
    _package(fake_packages, "newsoup", "try:\n    import fakedetector as chardet_module\nexcept ImportError:\n    chardet_module = None\n")
    import_without_detectors("newsoup", "newsoup.dammit", ("fakedetector",))
    dammit = sys.modules["newsoup.dammit"]
    assert "fakedetector" not in sys.modules
    assert dammit.chardet_module.detect(b"x") == {"encoding": "fake"}


def test_a_package_that_needs_its_detector_is_imported_plainly(fake_packages: Path) -> None:
    _package(fake_packages, "needysoup", "import fakedetector\nchardet_module = fakedetector\n")
    import_without_detectors("needysoup", "needysoup.dammit", ("fakedetector",))
    assert sys.modules["needysoup.dammit"].chardet_module is sys.modules["fakedetector"]


def test_an_unknown_layout_is_run_again_with_its_detector(fake_packages: Path) -> None:
    old_layout = """
    try:
        import fakedetector
        def chardet_dammit(data):
            return fakedetector.detect(data)["encoding"]
    except ImportError:
        def chardet_dammit(data):
            return None
    """
    _package(fake_packages, "oldsoup", old_layout)
    import_without_detectors("oldsoup", "oldsoup.dammit", ("fakedetector",))
    assert sys.modules["oldsoup.dammit"].chardet_dammit(b"x") == "fake"


def test_detectors_are_hidden_from_the_importing_thread_only() -> None:
    hider = _Hider(("chardet",), threading.get_ident())
    with pytest.raises(ModuleNotFoundError):
        hider.find_spec("chardet")
    assert hider.find_spec("json") is None
    seen: list[object] = []
    other = threading.Thread(target=lambda: seen.append(hider.find_spec("chardet")))
    other.start()
    other.join()
    assert seen == [None]  # another thread goes on to the usual finders
