"""docs/api/ is generated from the docstrings; a signature or docstring changed without
regenerating it (`make docs`) fails here."""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    return runpy.run_path(str(REPO / "scripts" / "api_reference.py"))


@pytest.fixture(scope="module")
def pages(reference: dict[str, Any]) -> dict[str, str]:
    """One fresh rendering (pdoc takes seconds) for every test of this module."""
    return reference["render"]()


def test_reference_is_current(reference: dict[str, Any], pages: dict[str, str]) -> None:
    stale = reference["stale_pages"](pages=pages)
    assert stale == [], f"{reference['STALE']}: {', '.join(stale)}"


def test_reference_documents_the_notebook_api() -> None:
    page = (REPO / "docs" / "api" / "toolkit.html").read_text(encoding="utf-8")
    for name in ("read", "parse", "lineage", "align", "diff", "terms", "regions", "report",
                 "Document", "Alignment", "ClausePair", "TextDiff"):
        assert f'<section id="{name}">' in page
    assert sorted(p.name for p in (REPO / "docs" / "api" / "toolkit").iterdir()) == [
        "align.html", "corpus.html", "diff.html", "errors.html", "ingest.html", "measure.html",
        "parse.html", "render",
    ]
    assert (REPO / "docs" / "api" / "toolkit" / "render" / "charts.html").is_file()


def test_stale_pages_are_named(reference: dict[str, Any], pages: dict[str, str],
                               tmp_path: Path) -> None:
    folder = tmp_path / "api"
    shutil.copytree(REPO / "docs" / "api", folder)
    (folder / "index.html").unlink()
    (folder / "toolkit" / "diff.html").write_text("an old page", encoding="utf-8")
    (folder / "toolkit" / "gone.html").write_text("a module no longer documented")
    assert reference["stale_pages"](folder, pages) == [
        "index.html", "toolkit/diff.html", "toolkit/gone.html"
    ]
