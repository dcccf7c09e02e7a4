"""Property tests: layout noise (blank lines, trailing spaces, PDF-style wrapping) does not
change what the parser finds."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.ingest import SourceText
from toolkit.parse import parse_source

REPORT = Path(__file__).resolve().parents[2] / "corpora" / "wtdc-25-final-report.txt"
# Resolution 37 with its footnotes (lines 8190–8535): preamble, operative, markers.
SLICE = REPORT.read_text(encoding="utf-8").split("\n")[8189:8535]
BASELINE = parse_source(SourceText("\n".join(SLICE), "text", name="res-37.txt")).documents


@settings(max_examples=25, deadline=None)
@given(
    extra_blank=st.lists(st.booleans(), min_size=len(SLICE), max_size=len(SLICE)),
    trailing=st.lists(st.sampled_from(["", " ", "\t", "  ", "\u00a0"]),
                      min_size=len(SLICE), max_size=len(SLICE)),
)
def test_blank_lines_and_trailing_spaces_are_noise(
    extra_blank: list[bool], trailing: list[str]
) -> None:
    noisy: list[str] = []
    for line, blank, tail in zip(SLICE, extra_blank, trailing, strict=True):
        # A blank line may go anywhere except before an unindented soft wrap, which would
        # turn the wrap into a paragraph of its own.
        if blank and (not line or line[0].isspace()):
            noisy.append("")
        noisy.append(line + tail if line.strip() else line)
    parsed = parse_source(SourceText("\n".join(noisy), "text", name="res-37.txt"))
    # Spans do not take part in comparison: only labels, texts and structure must agree.
    assert parsed.documents == BASELINE
    assert [c.footnotes for c in parsed.documents[0].clauses] == [
        c.footnotes for c in BASELINE[0].clauses
    ]


@pytest.mark.parametrize("width", [70, 90, 110])
def test_resolution_37_wrapped_like_a_pdf(width: int) -> None:
    """No tabs, every paragraph wrapped at `width` columns, no footnote paragraphs: the text a
    PDF of an earlier edition gives. Headings, labels and clause boundaries must survive."""
    wrapped = [
        piece
        for line in SLICE
        if line.strip() and not line.startswith("\t\t\t\t")
        for piece in textwrap.wrap(line.strip().replace("\t", " "), width)
    ]
    (doc,) = parse_source(SourceText("\n".join(wrapped), "text", name="pdf.txt")).documents
    (base,) = BASELINE
    assert (doc.id, doc.title, doc.edition_label) == (base.id, base.title, base.edition_label)
    assert [s.heading for s in doc.sections] == [s.heading for s in base.sections]
    assert [c.label for c in doc.clauses] == [c.label for c in base.clauses]
    # Without footnote paragraphs the markers stay in the text ("developing1"); hyphenated
    # words broken at the margin come back with a space. Everything else is identical.
    same = [c.text == b.text for c, b in zip(doc.clauses, base.clauses, strict=True)]
    assert sum(same) >= 110
