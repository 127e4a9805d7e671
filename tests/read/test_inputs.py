"""expand_inputs: folders, globs, stdin, and the failures that must not stop a run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleantext.model import Failure
from cleantext.read import expand_inputs
from cleantext.read.inputs import STDIN


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def expanded(*inputs: str | Path) -> list[str | Failure]:
    return list(expand_inputs([str(item) for item in inputs]))


def test_no_inputs_and_dash_mean_stdin() -> None:
    assert expanded() == [STDIN]
    assert expanded("-") == [STDIN]


def test_folder_is_walked_depth_first_in_name_order(tmp_path: Path) -> None:
    for name in ["b.html", "a/2.txt", "a/1.txt", "a/sub/z.html", "a-b/x.html", "c.jsonl"]:
        touch(tmp_path / name)
    got = [os.path.relpath(p, tmp_path) for p in expanded(tmp_path) if isinstance(p, str)]
    assert got == ["a/1.txt", "a/2.txt", "a/sub/z.html", "a-b/x.html", "b.html", "c.jsonl"]


def test_order_is_stable_whatever_the_creation_order(tmp_path: Path) -> None:
    names = [f"{n:03d}.html" for n in range(50)]
    for name in reversed(names):
        touch(tmp_path / name)
    assert [os.path.basename(str(p)) for p in expanded(tmp_path)] == names


def test_hidden_files_and_folders_are_skipped_in_walks(tmp_path: Path) -> None:
    touch(tmp_path / ".DS_Store")
    touch(tmp_path / ".git" / "config")
    kept = touch(tmp_path / "page.html")
    assert expanded(tmp_path) == [str(kept)]


def test_a_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    hidden = touch(tmp_path / ".page.html")
    assert expanded(hidden) == [str(hidden)]


def test_glob_is_expanded_and_sorted(tmp_path: Path) -> None:
    for name in ["b.html", "a.html", "c.txt", "sub/d.html"]:
        touch(tmp_path / name)
    assert expanded(tmp_path / "*.html") == [str(tmp_path / "a.html"), str(tmp_path / "b.html")]
    assert expanded(tmp_path / "**" / "*.html") == [
        str(tmp_path / name) for name in ["a.html", "b.html", "sub/d.html"]
    ]


def test_recursive_glob_does_not_read_a_file_twice(tmp_path: Path) -> None:
    for name in ["a.html", "sub/b.html", "sub/deeper/c.html"]:
        touch(tmp_path / name)
    got = expanded(tmp_path / "**")
    assert got == [str(tmp_path / name) for name in ["a.html", "sub/b.html", "sub/deeper/c.html"]]


def test_glob_matching_a_folder_walks_it(tmp_path: Path) -> None:
    touch(tmp_path / "2024" / "a.html")
    touch(tmp_path / "2025" / "b.html")
    got = expanded(tmp_path / "202*")
    assert got == [str(tmp_path / "2024" / "a.html"), str(tmp_path / "2025" / "b.html")]


def test_glob_matching_nothing_is_a_failure(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.nothing")
    assert expanded(pattern) == [Failure(pattern, "no match: the pattern matched no files")]


def test_existing_name_with_glob_characters_is_a_path(tmp_path: Path) -> None:
    odd = touch(tmp_path / "page[1].html")
    assert expanded(odd) == [str(odd)]


def test_missing_path_is_a_failure_and_the_rest_goes_on(tmp_path: Path) -> None:
    kept = touch(tmp_path / "a.html")
    missing = tmp_path / "gone.html"
    assert expanded(missing, kept) == [Failure(str(missing), "missing: no such file or directory"), str(kept)]


def test_broken_symlink_says_so(tmp_path: Path) -> None:
    link = tmp_path / "dangling.html"
    link.symlink_to(tmp_path / "nowhere.html")
    (failure,) = expanded(link)
    assert failure == Failure(str(link), "missing: broken symlink (its target does not exist)")
    (in_walk,) = expanded(tmp_path)
    assert isinstance(in_walk, Failure) and "broken symlink" in in_walk.message


def test_symlink_loop_ends_the_descent_not_the_run(tmp_path: Path) -> None:
    page = touch(tmp_path / "root" / "a" / "page.html")
    (tmp_path / "root" / "a" / "back").symlink_to(tmp_path / "root")
    (tmp_path / "root" / "self").symlink_to(tmp_path / "root" / "self")  # stat → ELOOP
    page_path, self_loop = expanded(tmp_path / "root")
    assert page_path == str(page)  # a/back leads to root again: not entered a second time
    assert self_loop == Failure(
        str(tmp_path / "root" / "self"), "symlink loop: too many levels of symbolic links"
    )


def test_symlinked_folder_is_followed(tmp_path: Path) -> None:
    page = touch(tmp_path / "real" / "page.html")
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "link").symlink_to(tmp_path / "real")
    assert expanded(tmp_path / "tree") == [str(tmp_path / "tree" / "link" / "page.html")]
    assert page.exists()


def test_unreadable_folder_is_a_failure(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    touch(locked / "page.html")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with rights that ignore permissions (root)")
        assert expanded(tmp_path) == [Failure(str(locked), "permission denied")]
    finally:
        locked.chmod(0o755)


def test_fifo_inside_a_folder_is_reported_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    page = touch(tmp_path / "page.html")
    assert expanded(tmp_path) == [
        str(page),
        Failure(str(tmp_path / "pipe"), "not a regular file (fifo); skipped"),
    ]


def test_fifo_named_explicitly_is_a_path_to_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert expanded(fifo) == [str(fifo)]  # expanding never opens it, so nothing blocks
