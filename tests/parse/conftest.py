"""The shipped final report, parsed once for the whole parse test package."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.ingest import read_source
from toolkit.parse import ParsedText, parse_source


@pytest.fixture(scope="session")
def report(final_report_path: Path) -> ParsedText:
    return parse_source(read_source(final_report_path))
