"""Atomic writes: complete file or nothing, and one clear error for an impossible path."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import OutputError
from toolkit.files import atomic_write_text


def test_writes_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = atomic_write_text(tmp_path / "sub" / "out.txt", "Baku, 2025\n")
    assert target.read_text() == "Baku, 2025\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


def test_file_gets_the_mode_of_a_plain_open(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    target = atomic_write_text(tmp_path / "atomic.txt", "x")
    assert target.stat().st_mode == plain.stat().st_mode


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "out.txt").write_text("old")
    atomic_write_text(tmp_path / "out.txt", "new")
    assert (tmp_path / "out.txt").read_text() == "new"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "adir", "it is a directory; give a file name"),
        (lambda d: d / "afile" / "out.txt", "is a file, not a directory; choose another path"),
    ],
)
def test_impossible_target_is_one_clear_error(tmp_path: Path, make, message: str) -> None:
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match=message):
        atomic_write_text(make(tmp_path), "text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "afile"]
    assert list((tmp_path / "adir").iterdir()) == []
