"""Plain text: decoded and NFC-normalised, otherwise untouched (the final report's tab
indentation carries its structure: footnotes are indented deeper than their paragraph)."""

from __future__ import annotations

from toolkit.ingest.decode import decode
from toolkit.ingest.normalize import nfc, unify_newlines
from toolkit.ingest.source import SourceText


def read_text(data: bytes, *, name: str) -> SourceText:
    decoded = decode(data, name=name)
    return SourceText(
        text=nfc(unify_newlines(decoded.text)),
        format="text",
        name=name,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )
