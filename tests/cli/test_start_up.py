"""What a command loads, and how it leaves a reader that went away: run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DECLARATION = ("corpora/baku-declaration-prefinal.md", "baku-2025:declaration")


def _imported(*argv: str) -> set[str]:
    """The modules `python -X importtime -m toolkit ARGV` imports (its stderr lists them)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "toolkit", *argv],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-500:]
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}


def test_terms_without_plot_never_imports_matplotlib() -> None:
    modules = _imported("terms", *DECLARATION, "--format", "json")
    assert "polars" in modules  # the statistics ran
    assert not {m for m in modules if m.split(".")[0] == "matplotlib"}


def test_help_imports_no_stage() -> None:
    modules = _imported("--help")
    heavy = {"numpy", "polars", "rapidfuzz", "matplotlib", "nltk", "diff_match_patch", "rich"}
    assert {m.split(".")[0] for m in modules} & heavy == set()
    assert "toolkit.cli" in modules
    assert "toolkit.parse" not in modules


def test_diff_of_equal_texts_loads_no_matrix_code_nor_html() -> None:
    """numpy is for clause matrices, the HTML module for --format html: both cost start-up."""
    modules = _imported("diff", DECLARATION[0], DECLARATION[0])
    assert "toolkit.diff.engine" in modules  # the diff ran
    assert {m.split(".")[0] for m in modules} & {"numpy", "polars"} == set()
    assert "toolkit.render.diff_html" not in modules


def test_a_reader_that_goes_away_is_no_error() -> None:
    """`wtdc lineage --format json | head -c1`: no "Broken pipe" message, and the status a
    C tool killed by SIGPIPE has (128 + 13), as `head`'s writers do. The reader is gone
    before the first write (how much a pipe buffers varies from one machine to another)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "toolkit", "lineage", "--format", "json"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")
