"""PDF: the text layer of each page, in page order (pypdf). No OCR: a scanned PDF has none."""

from __future__ import annotations

import io
import logging

from toolkit.errors import InputError, MissingExtraError
from toolkit.ingest.normalize import nfc, one_line, unify_newlines
from toolkit.ingest.source import SourceText


def read_pdf(data: bytes, *, name: str) -> SourceText:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise MissingExtraError("reading PDF files", "formats", "pypdf") from None
    # pypdf logs its complaints about a damaged file; without a handler they would reach
    # stderr beside our own one-line error. Applications that configure logging still see them.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    try:
        reader = PdfReader(io.BytesIO(data))
        # A PDF locked only against editing opens with the empty password, as in any viewer.
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"{name}: is an encrypted PDF that needs a password; "
                "save an unprotected copy (or export its text) and use that"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on a damaged file
        raise InputError(
            f"{name}: is not a readable PDF ({one_line(error)}); "
            "check the download, or export the document again as PDF or text"
        ) from None
    text = "\n\n".join(unify_newlines(page).strip("\n") for page in pages)
    if not text.strip():
        raise InputError(
            f"{name}: the PDF has no text layer (a scan?); "
            "run OCR on it or use a Word or HTML edition of the text"
        )
    return SourceText(text=nfc(text), format="pdf", name=name, encoding="pdf")
