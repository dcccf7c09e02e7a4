"""Fixtures shared by the whole suite: the shipped corpus, read in place."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"


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
