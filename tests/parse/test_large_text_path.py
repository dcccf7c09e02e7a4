"""The 50 MB path: a text read as paragraphs, shared by the two sides of a diff, and the
whole-text tests that spare it a line-by-line reading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.diff.large import matching_runs
from toolkit.ingest import read_bytes
from toolkit.ingest.extraction import clean_extraction
from toolkit.parse import headings, parse_source
from toolkit.parse.parser import shared_paragraphs

# The test the possessive search replaces: any newline, blanks (even over blank lines), then
# a structural line.
_LINE_BY_LINE = re.compile(r"\n" + headings._FIRST_STRUCTURAL.pattern, re.MULTILINE)


@pytest.fixture(scope="module")
def prose(final_report_path: Path) -> list[str]:
    """The report's prose paragraphs (12 words or more), numbered as the 50 MB benchmark text
    has them (so that none reads as a heading)."""
    lines = final_report_path.read_text(encoding="utf-8").splitlines()
    prose = [line.strip() for line in lines if len(line.split()) >= 12][:400]
    return [f"Paragraph {n}: {line}" for n, line in enumerate(prose, start=1)]


def _parse(paragraphs: list[str], name: str) -> tuple[str, ...]:
    source = read_bytes("\n\n".join(paragraphs).encode(), name=name)
    (document,) = parse_source(source).documents
    return tuple(c.text for c in document.clauses)


def test_two_versions_hold_their_unchanged_paragraphs_once(prose: list[str]) -> None:
    revision = [*prose[:10], "A wholly new paragraph, SIMULATED.", *prose[11:]]
    alone = _parse(revision, "new.txt")
    with shared_paragraphs():
        old = _parse(prose, "old.txt")
        new = _parse(revision, "new.txt")
    assert new == alone  # sharing changes no clause
    assert len(old) == len(new) == 400
    shared = sum(a is b for a, b in zip(old, new, strict=True))
    assert shared == 399  # all but the paragraph replaced


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("Some prose.\n\n  \n\t RESOLUTION 37 (Rev. Baku, 2025)\nmore", True),
        ("Prose.\n\nBaku Action Plan  \nmore", True),
        ("Prose.\n\nThe Baku Action Plan says\nmore", False),
        ("Prose.\n\nPart\nII", True),  # `Part\s` may end its line
        ("Prose.\n\nASIA REGIONAL INITIATIVES\u00a0\n", True),
        ("Prose.\n\nParagraph 4: the ASP1 initiative", False),
    ],
)
def test_structure_search_agrees_with_the_line_by_line_one(text: str, holds: bool) -> None:
    assert headings.may_hold_documents(text) is holds
    assert (_LINE_BY_LINE.search(text) is not None) is holds


def test_the_report_prose_may_hold_no_document(prose: list[str]) -> None:
    assert not headings.may_hold_documents("\n\n".join(prose))


def test_four_number_lines_are_no_pages_five_may_be() -> None:
    text = "\n".join(f"Prose line {n} of a page.\n{n}" for n in range(1, 5))
    assert clean_extraction(text) is None
    assert clean_extraction(f"{text}\nProse line 5 of a page.\n5\nMore prose.") is not None


def test_touching_runs_are_one_run() -> None:
    old = [0, 1, 2, 3, 4, 5, 6]
    new = [0, 1, 9, 3, 4, 5, 6]
    assert matching_runs(old, new) == [(0, 0, 2), (3, 3, 4)]
