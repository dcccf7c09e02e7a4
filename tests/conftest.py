"""Fixtures shared by the whole suite: the shipped corpus, read in place; and how the suite
spreads over pytest-xdist workers (`make test` runs `-n auto --dist loadgroup`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"

# jsonschema imports rfc3987_syntax, which builds a Lark grammar (~1.5 s of CPU in every
# worker) only to check the "iri" format; the suite validates without a format checker.
sys.modules.setdefault("rfc3987_syntax", None)

# Modules that share an expensive module- or session-scoped fixture run on one worker, so
# that it is built once: the six layouts of the report (rendered on a fresh clone, ~25 s of
# CPU), the default and hostile reports with one chromium, the report against a SIMULATED
# edition. Every other test goes to whichever worker is free.
XDIST_GROUPS = {
    "tests/formats/test_layouts.py": "layouts",
    "tests/render/test_report.py": "report",
    "tests/render/test_browser.py": "report",
    "tests/render/test_change_counts.py": "report",
    "tests/render/test_report_editions.py": "report-editions",
    "tests/align/test_editions.py": "align-editions",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        group = XDIST_GROUPS.get(item.nodeid.split("::")[0])
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def final_report_path() -> Path:
    return CORPORA / "wtdc-25-final-report.txt"


@pytest.fixture(scope="session")
def prefinal_declaration_path() -> Path:
    return CORPORA / "baku-declaration-prefinal.md"


@pytest.fixture(scope="session")
def asp_web_path() -> Path:
    return CORPORA / "regional-initiatives-asp-web.txt"
