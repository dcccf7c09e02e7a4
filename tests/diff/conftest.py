"""The real pair: the pre-final Baku Declaration against Part I of the WTDC-25 Final Report."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.diff import TextDiff, diff_sources
from toolkit.ingest import read_source
from toolkit.parse import Document, parse_source


@pytest.fixture(scope="session")
def declarations(
    prefinal_declaration_path: Path, final_report_path: Path
) -> tuple[tuple[Document, ...], tuple[Document, ...]]:
    old = parse_source(read_source(prefinal_declaration_path)).documents
    new = parse_source(read_source(final_report_path)).select("declaration")
    return old, new


@pytest.fixture(scope="session")
def declaration_diff(
    declarations: tuple[tuple[Document, ...], tuple[Document, ...]],
) -> TextDiff:
    old, new = declarations
    return diff_sources(
        old, new, old_name="corpora/baku-declaration-prefinal.md", new_name="baku-2025:declaration"
    )
