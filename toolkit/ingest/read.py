"""Choosing a reader: by file extension, or by the first bytes when the name says nothing."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from toolkit.errors import InputError
from toolkit.ingest.html import read_html
from toolkit.ingest.markdown import read_markdown
from toolkit.ingest.pdf import read_pdf
from toolkit.ingest.plain import read_text
from toolkit.ingest.source import SourceFormat, SourceText
from toolkit.ingest.word import read_docx

READERS: dict[SourceFormat, Callable[..., SourceText]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
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
}
_UNSUPPORTED = {
    ".doc": "old binary Word format; open it in Word or LibreOffice and save it as .docx",
    ".rtf": "RTF is not read; save it as .docx or plain text",
    ".odt": "OpenDocument is not read; save it as .docx",
}
_FORMATS = "give a .txt, .md, .html, .docx or .pdf file"


def read_source(path: str | os.PathLike[str]) -> SourceText:
    """Read a file (or standard input for "-") into a SourceText, choosing the reader by
    extension. Every way a file can be unusable ends in an InputError naming the path."""
    if os.fspath(path) == "-":
        return read_bytes(sys.stdin.buffer.read(), name="<stdin>")
    return read_bytes(load_file(path), name=str(Path(path)), format=format_for(path))


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


def read_bytes(data: bytes, *, name: str, format: SourceFormat | None = None) -> SourceText:
    """Read bytes already in memory; `format=None` takes it from the extension of `name`,
    else from the first bytes."""
    if not data.strip():
        raise InputError(f"{name}: is empty; give a file that holds the text")
    chosen = format or EXTENSIONS.get(Path(name).suffix.lower()) or sniff_format(data)
    if chosen not in READERS:
        raise InputError(f"{name}: unknown format '{chosen}'; {_FORMATS}")
    source = READERS[chosen](data, name=name)
    if not source.text.strip():
        raise InputError(
            f"{name}: contains no text (only markup or blank space); "
            "give a file that holds the text"
        )
    return source


def sniff_format(data: bytes) -> SourceFormat:
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    lowered = head.lower().removeprefix(b"\xef\xbb\xbf")
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    return "text"
