"""A text file saved as Word (LibreOffice, Word's "open as text") keeps the report's leading
tabs inside its paragraphs: they are the layout already and are not indented again, which
would make every clause a footnote."""

from __future__ import annotations

import io
from pathlib import Path

from toolkit.ingest import read_bytes
from toolkit.parse import parse_source

REPORT = Path(__file__).parents[2] / "corpora" / "wtdc-25-final-report.txt"


def test_a_text_saved_as_word_parses_to_the_texts_clauses() -> None:
    import docx

    text = REPORT.read_text(encoding="utf-8")
    start = text.index("RESOLUTION 37 (Rev.")
    piece = text[start:text.index("RESOLUTION 40 (Rev.", start)]
    document = docx.Document()
    for line in piece.split("\n"):
        if line.strip():
            document.add_paragraph(line.rstrip())
    buffer = io.BytesIO()
    document.save(buffer)

    from_word = parse_source(read_bytes(buffer.getvalue(), name="res-37.docx")).documents
    from_text = [d for d in parse_source(read_bytes(text.encode(), name=REPORT.name)).documents
                 if d.id == "res-37"]

    assert [d.id for d in from_word] == ["res-37"]
    assert len(from_word[0].clauses) == len(from_text[0].clauses) == 123
    assert from_word[0].clauses == from_text[0].clauses
    assert from_word[0].sections[1].heading == "recognizing"
