"""Clause labels in sources other than the report: Word's and Markdown's numbered lists."""

from __future__ import annotations

import pytest

from toolkit.ingest import read_bytes
from toolkit.parse import parse_source


def _labels(sep: str) -> list[tuple[str | None, list[tuple[str | None, str]]]]:
    text = (
        "RESOLUTION 37 (Rev. Kigali, 2022)\n\nBridging the digital divide\n\nconsidering\n\n"
        f"a.{sep}that x;\n\nb.{sep}that y;\n\nresolves\n\n1.{sep}to continue;\n\n"
        f"2.{sep}to report;\n\nii.{sep}to sum up.\n\n2030 Agenda goals stay text.\n"
    )
    (doc,) = parse_source(read_bytes(text.encode(), name="t.txt")).documents
    return [(s.heading, [(c.label, c.text) for c in s.clauses]) for s in doc.sections]


@pytest.mark.parametrize("sep", [" ", "\t"])
def test_period_labels(sep: str) -> None:
    considering, resolves = _labels(sep)
    assert considering == ("considering", [("a.", "that x;"), ("b.", "that y;")])
    heading, clauses = resolves
    assert heading == "resolves"
    assert clauses[:2] == [("1.", "to continue;"), ("2.", "to report;")]
    assert clauses[2][0] == "ii."
    # A year at the start of a line is no label: the line stays text (its own paragraph, or
    # the continuation of the clause above).
    assert [label for label, _ in clauses[3:]] in ([], [None])
    assert " ".join(text for _, text in clauses[2:]) == "to sum up. 2030 Agenda goals stay text."
