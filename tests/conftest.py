"""Fixtures shared by the whole suite: the shipped corpus, read in place; and how the suite
spreads over pytest-xdist workers (`make test` runs `-n auto`; pyproject.toml adds
`--dist loadgroup`)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections import OrderedDict
from pathlib import Path

import pytest
from xdist.remote import Producer
from xdist.scheduler import LoadScopeScheduling
from xdist.workermanage import WorkerController

# The parse cache is on, in a scratch folder of this session's own (set up below), so that a
# file the suite parses again (the 356-page PDF, the report in each command) is parsed once
# for all workers and subprocesses; a cache never changes an answer (tests/corpus/test_cache.py
# checks that, with a folder of its own per test).
os.environ.pop("WTDC_CACHE", None)

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"

# jsonschema imports rfc3987_syntax, which builds a Lark grammar (~1.5 s of CPU in every
# worker) only to check the "iri" format; the suite validates without a format checker.
sys.modules.setdefault("rfc3987_syntax", None)

# Modules that share an expensive module- or session-scoped fixture run on one worker, so
# that it is built once: the six layouts of the report (rendered on a fresh clone, ~25 s of
# CPU), the default and hostile reports and every page loaded in chromium (one chromium), the
# report against a SIMULATED edition, the notebooks with one kernel, the import graph. Every
# other test goes alone to whichever worker is free. (xdist's own `xdist_group` mark does
# nothing under pytest 9, whose node ids can no longer be renamed.)
SHARED_FIXTURES = {
    "tests/formats/test_layouts.py": "layouts",
    "tests/render/test_report.py": "report",
    "tests/render/test_browser.py": "report",
    "tests/render/test_change_counts.py": "report",
    "tests/render/test_diff_html.py": "report",
    "tests/render/test_drawing.py": "report",
    "tests/render/test_chart_slots.py": "report",
    "tests/render/test_report_editions.py": "report-editions",
    "tests/align/test_editions.py": "align-editions",
    "tests/test_notebooks.py": "notebooks",
    "tests/test_layers.py": "layers",
}


# Seconds each test took in earlier runs (setup, call and teardown), kept in pytest's cache.
DURATIONS = "wtdc/durations"


class SharedFixtureScheduling(LoadScopeScheduling):
    """One work unit per group of SHARED_FIXTURES, one per test elsewhere; the units that
    took longest last time go first, so that the run ends on short tests and no worker
    idles while another finishes a long one (on a first run: the biggest groups first)."""

    def __init__(self, config: pytest.Config, log: Producer) -> None:
        super().__init__(config, log)
        cache = getattr(config, "cache", None)
        self.durations: dict[str, float] = cache.get(DURATIONS, {}) if cache else {}
        self.ordered = False

    def _split_scope(self, nodeid: str) -> str:
        return SHARED_FIXTURES.get(nodeid.split("::")[0], nodeid)

    def _assign_work_unit(self, node: WorkerController) -> None:
        if not self.ordered:  # the queue is complete before the first unit is handed out
            self.workqueue = OrderedDict(sorted(
                self.workqueue.items(),
                key=lambda unit: -sum(self.durations.get(test, 0.0) for test in unit[1])))
            self.ordered = True
        super()._assign_work_unit(node)


class RecordDurations:
    """Keeps each test's duration for the next run's order (in the controller)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.seconds: dict[str, float] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.seconds[report.nodeid] = self.seconds.get(report.nodeid, 0.0) + report.duration

    def pytest_sessionfinish(self) -> None:
        cache = self.config.cache
        if cache is not None and self.seconds:
            cache.set(DURATIONS, cache.get(DURATIONS, {}) | self.seconds)


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> object:
    return SharedFixtureScheduling(config, log) if config.getvalue("dist") == "loadgroup" else None


def pytest_configure(config: pytest.Config) -> None:
    """In the controller (or a run without -n): a scratch parse cache, which xdist workers
    and the subprocesses of commands inherit through XDG_CACHE_HOME; durations recorded."""
    if hasattr(config, "workerinput"):
        return
    if getattr(config, "cache", None) is not None:
        config.pluginmanager.register(RecordDurations(config), "wtdc-durations")
    # matplotlib also keeps its font list under XDG_CACHE_HOME: keep reading the user's.
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    os.environ.setdefault("MPLCONFIGDIR", str(Path(home) / "matplotlib"))
    scratch = tempfile.mkdtemp(prefix="wtdc-test-cache-")
    os.environ["XDG_CACHE_HOME"] = scratch
    config.add_cleanup(lambda: shutil.rmtree(scratch, ignore_errors=True))


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
