"""ingest stage: bytes of a .txt, .md, .html, .docx or .pdf file → one SourceText."""

from toolkit.ingest.normalize import comparable
from toolkit.ingest.read import read_bytes, read_source
from toolkit.ingest.source import SourceFormat, SourceText

__all__ = ["SourceFormat", "SourceText", "comparable", "read_bytes", "read_source"]
