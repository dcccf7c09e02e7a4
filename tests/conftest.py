"""Fixtures shared by the whole suite: the shipped corpus, read in place; and how the suite
spreads over pytest-xdist workers (`make test` runs `-n auto`; pyproject.toml adds
`--dist loadgroup`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from xdist.remote import Producer
from xdist.scheduler import LoadScopeScheduling

# Every test reads and parses for itself (and the commands it runs in subprocesses too): the
# parse cache is off, except in its own tests (tests/corpus/test_cache.py).
os.environ["WTDC_CACHE"] = "off"

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"

# jsonschema imports rfc3987_syntax, which builds a Lark grammar (~1.5 s of CPU in every
# worker) only to check the "iri" format; the suite validates without a format checker.
sys.modules.setdefault("rfc3987_syntax", None)

# Modules that share an expensive module- or session-scoped fixture run on one worker, so
# that it is built once: the six layouts of the report (rendered on a fresh clone, ~25 s of
# CPU), the default and hostile reports with one chromium, the report against a SIMULATED
# edition. Every other test goes alone to whichever worker is free. (xdist's own
# `xdist_group` mark does nothing under pytest 9, whose node ids can no longer be renamed.)
SHARED_FIXTURES = {
    "tests/formats/test_layouts.py": "layouts",
    "tests/render/test_report.py": "report",
    "tests/render/test_browser.py": "report",
    "tests/render/test_change_counts.py": "report",
    "tests/render/test_report_editions.py": "report-editions",
    "tests/align/test_editions.py": "align-editions",
}


class SharedFixtureScheduling(LoadScopeScheduling):
    """One work unit per group of SHARED_FIXTURES (the biggest go first), one per test
    elsewhere."""

    def _split_scope(self, nodeid: str) -> str:
        return SHARED_FIXTURES.get(nodeid.split("::")[0], nodeid)


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> object:
    return SharedFixtureScheduling(config, log) if config.getvalue("dist") == "loadgroup" else None


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
