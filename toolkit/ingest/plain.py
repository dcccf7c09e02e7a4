"""Plain text: decoded and NFC-normalised, otherwise untouched (the final report's tab
indentation carries its structure: footnotes are indented deeper than their paragraph)."""

from __future__ import annotations

from toolkit.ingest.decode import decode
from toolkit.ingest.extraction import clean_extraction
from toolkit.ingest.normalize import nfc, unify_newlines
from toolkit.ingest.source import SourceText


def read_text(data: bytes, *, name: str) -> SourceText:
    decoded = decode(data, name=name)
    text = nfc(unify_newlines(decoded.text))
    # A PDF's text as pypdf or pdftotext saved it (form feeds, page numbers counting up)
    # gets the PDF reader's repairs; the report's own tab-indented text never does.
    cleaned = None if text.lstrip(" ").startswith("\t") else clean_extraction(text)
    return SourceText(
        text=cleaned[0] if cleaned else text,
        format="text",
        name=name,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
        cleaning=cleaned[1] if cleaned else None,
    )
