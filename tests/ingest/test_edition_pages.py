"""A per-chapter HTML edition named by its contents page, however the user spells the path."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from toolkit.ingest.edition import pack_edition


@pytest.fixture
def contents_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "chapters"
    folder.mkdir()
    (folder / "index.htm").write_text('<a href="res1.htm">1</a> <a href="../annex.htm">A</a>')
    (folder / "res1.htm").write_text("<p>RESOLUTION 1 (Dubai, 2014)</p>")
    (tmp_path / "annex.htm").write_text("<p>ANNEX</p>")
    monkeypatch.chdir(tmp_path)
    return Path("chapters") / "index.htm"


def test_a_relative_contents_page_packs_its_chapters(contents_page: Path) -> None:
    """`wtdc parse chapters/index.htm` once stopped with a traceback: the linked chapters
    came back resolved and the page did not."""
    data, name = pack_edition(contents_page)
    assert name == "chapters/index.zip"
    # A chapter linked from outside the page's folder keeps its own name.
    assert zipfile.ZipFile(BytesIO(data)).namelist() == ["index.htm", "res1.htm", "annex.htm"]
