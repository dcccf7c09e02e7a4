"""Choosing a reader: by file extension, or by the first bytes when the name says nothing."""

from __future__ import annotations

import importlib
import io
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from toolkit.errors import InputError
from toolkit.ingest.edition import is_edition, pack_edition, read_edition_zip
from toolkit.ingest.source import SourceFormat, SourceText
from toolkit.ingest.word import DocxView, read_docx

# Each format's reader: module and function, imported on first use, so that reading a text
# file never pays for importing the PDF and Markdown readers (start-up time).
READERS: dict[SourceFormat, tuple[str, str]] = {
    "text": ("toolkit.ingest.plain", "read_text"),
    "markdown": ("toolkit.ingest.markdown", "read_markdown"),
    "html": ("toolkit.ingest.html", "read_html"),
    "docx": ("toolkit.ingest.word", "read_docx"),
    "pdf": ("toolkit.ingest.pdf_layout", "read_pdf"),
}
EXTENSIONS: dict[str, SourceFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".zip": "html",  # ITU's per-chapter HTML edition, zipped
}
_UNSUPPORTED = {
    ".doc": "old binary Word format; open it in Word or LibreOffice and save it as .docx",
    ".rtf": "RTF is not read; save it as .docx or plain text",
    ".odt": "OpenDocument is not read; save it as .docx",
}
_FORMATS = "give a .txt, .md, .html, .docx or .pdf file"


def read_source(
    path: str | os.PathLike[str], *, docx_view: DocxView = "accepted"
) -> SourceText:
    """Read a file (or standard input for "-") into a SourceText, choosing the reader by
    extension. Every way a file can be unusable ends in an InputError naming the path.
    `docx_view` chooses how a Word file's tracked changes read."""
    if os.fspath(path) == "-":
        return read_bytes(sys.stdin.buffer.read(), name="<stdin>", docx_view=docx_view)
    data, name = load_source_bytes(path)
    return read_bytes(data, name=name, format=format_for(name), docx_view=docx_view)


def load_source_bytes(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The bytes of a file and its name; a per-chapter HTML edition (a folder, or a table of
    contents page beside its chapters) comes packed as one zip named after it."""
    if is_edition(Path(path)):
        return pack_edition(Path(path))
    return load_file(path), str(Path(path))


def format_for(path: str | os.PathLike[str]) -> SourceFormat | None:
    """The format a file name announces; None when only its content can tell."""
    suffix = Path(path).suffix.lower()
    if suffix in _UNSUPPORTED:
        raise InputError(f"{Path(path)}: {_UNSUPPORTED[suffix]}")
    return EXTENSIONS.get(suffix)


def load_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, or an InputError that says why not and what to do."""
    file = Path(path)
    try:
        # A device or pipe (/dev/zero, a FIFO) could be endless: only regular files are read.
        if file.exists() and not file.is_dir() and not file.is_file():
            raise InputError(
                f"{file}: is not a regular file; save the text to a file and give that"
            )
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file; check the path and try again") from None
    except IsADirectoryError:
        raise InputError(f"{file}: is a directory, not a file; {_FORMATS}") from None
    except PermissionError:
        raise InputError(
            f"{file}: cannot be read (permission denied); check its permissions"
        ) from None
    except OSError as error:
        raise InputError(f"{file}: cannot be read ({error.strerror}); check the path") from None


def read_bytes(
    data: bytes,
    *,
    name: str,
    format: SourceFormat | None = None,
    docx_view: DocxView = "accepted",
) -> SourceText:
    """Read bytes already in memory; `format=None` takes it from the extension of `name`,
    else from the first bytes."""
    if not data.strip():
        raise InputError(f"{name}: is empty; give a file that holds the text")
    chosen = format or EXTENSIONS.get(Path(name).suffix.lower()) or sniff_format(data)
    if chosen not in READERS:
        raise InputError(f"{name}: unknown format '{chosen}'; {_FORMATS}")
    if data.startswith(b"PK\x03\x04") and (chosen == "html" or not _is_docx(data)):
        source = read_edition_zip(data, name=name)
    elif chosen == "docx":
        source = read_docx(data, name=name, view=docx_view)
    else:
        source = _reader(chosen)(data, name=name)
    if not source.text.strip():
        raise InputError(
            f"{name}: contains no text (only markup or blank space); "
            "give a file that holds the text"
        )
    return source


def _reader(chosen: SourceFormat) -> Callable[..., SourceText]:
    module, function = READERS[chosen]
    reader: Callable[..., SourceText] = getattr(importlib.import_module(module), function)
    return reader


def _is_docx(data: bytes) -> bool:
    """A Word package, or a zip that is no zip at all (the Word reader says it is broken)."""
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return True


def sniff_format(data: bytes) -> SourceFormat:
    """The format the first bytes show (PDF, a Word package, HTML, else text), for a name
    without a known extension."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    lowered = head.lower().removeprefix(b"\xef\xbb\xbf")
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    return "text"
