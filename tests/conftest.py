"""Fixtures shared by the whole suite: the shipped corpus, read in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Every test reads and parses for itself (and the commands it runs in subprocesses too): the
# parse cache is off, except in its own tests (tests/corpus/test_cache.py).
os.environ["WTDC_CACHE"] = "off"

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
