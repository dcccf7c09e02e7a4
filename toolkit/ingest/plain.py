"""Plain text: decoded and NFC-normalised, otherwise untouched (the final report's tab
indentation carries its structure: footnotes are indented deeper than their paragraph)."""

from __future__ import annotations

from toolkit.ingest.decode import decode
from toolkit.ingest.extraction import clean_extraction
from toolkit.ingest.normalize import nfc, unify_newlines
from toolkit.ingest.source import SourceText


def read_text(data: bytes, *, name: str) -> SourceText:
    """A plain-text file as it is, decoded and NFC-normalised; a PDF's text as pypdf or
    pdftotext saved it gets the PDF reader's repairs."""
    decoded = decode(data, name=name)
    text = nfc(unify_newlines(decoded.text))
    # A PDF's text as pypdf or pdftotext saved it (form feeds, page numbers counting up)
    # gets the PDF reader's repairs; a tab-indented text (the report's own) never does.
    cleaned = None if _tab_indented(text) else clean_extraction(text)
    return SourceText(
        text=cleaned[0] if cleaned else text,
        format="text",
        name=name,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
        cleaning=cleaned[1] if cleaned else None,
    )


def _tab_indented(text: str) -> bool:
    """More than a quarter of the non-blank lines start with a tab. A function of its own so
    that its list of lines is gone before the text is cleaned (a 50 MB text's peak memory)."""
    filled = [line for line in text.split("\n") if line.strip()]
    return sum(line.startswith("\t") for line in filled) * 4 > len(filled)
