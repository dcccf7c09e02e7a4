"""Property tests: whitespace noise that HTML-to-text extraction adds does not change a parse."""

from __future__ import annotations

from pathlib import Path

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
