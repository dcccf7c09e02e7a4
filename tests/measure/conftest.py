"""Real excerpts of the shipped Final Report, found by their opening words."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest


def report_line(path: Path, opening: str) -> str:
    """The one line of the Final Report that starts (after its indent) with `opening`."""
    hits = [
        line.strip() for line in path.read_text("utf-8").splitlines()
        if line.strip().startswith(opening)
    ]
    assert len(hits) == 1, f"{opening!r} found {len(hits)} times"
    return hits[0]


@pytest.fixture(scope="session")
def excerpts(final_report_path: Path) -> dict[str, str]:
    return {
        # Part III, AFR2, objective.
        "afr2": report_line(final_report_path, "Objective: To harness the transformative power"),
        # Part II, the priority on connectivity.
        "priority": report_line(final_report_path, "This priority seeks to foster access"),
        # Part III, ASP3, expected result 7.
        "asp3": report_line(final_report_path, "7)\tEnhancement of skills for the development"),
        # Part IV, a preamble clause naming an edition held in Buenos Aires.
        # (no-break spaces after "Resolution" and "Rev.", as printed)
        "aires": report_line(final_report_path, "a)\tResolution\u00a020 (Rev.\u00a0Buenos Aires"),
    }


@pytest.fixture
def excerpt_frame(excerpts: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({
        "doc_id": ["ri-afr2", "action-plan", "ri-asp3"],
        "section_kind": ["body", "body", "body"],
        "label": [None, None, "7)"],
        "text": [excerpts["afr2"], excerpts["priority"], excerpts["asp3"].split("\t", 1)[1]],
    })
