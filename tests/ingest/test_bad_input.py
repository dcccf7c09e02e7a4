"""Every way a source can be unusable: one InputError, message = path, cause, what to do."""

from __future__ import annotations

import os

import pytest
from ingest_samples import docx_bytes, encrypted_pdf_bytes, pdf_bytes

from toolkit.errors import InputError, MissingExtraError
from toolkit.ingest import read_bytes, read_source


def _error_of(path) -> str:
    with pytest.raises(InputError) as error:
        read_source(path)
    message = str(error.value)
    assert "\n" not in message
    return message


def test_missing_file(tmp_path) -> None:
    path = tmp_path / "nowhere.txt"
    assert _error_of(path) == f"{path}: no such file; check the path and try again"


def test_directory(tmp_path) -> None:
    assert _error_of(tmp_path) == (
        f"{tmp_path}: is a directory, not a file; give a .txt, .md, .html, .docx or .pdf file"
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\r\n "),
        ("empty.md", b"\n\n"),
        ("empty.pdf", b""),
        ("empty.docx", b""),
    ],
)
def test_empty_file(write, name: str, data: bytes) -> None:
    path = write(name, data)
    assert _error_of(path) == f"{path}: is empty; give a file that holds the text"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("markup.html", b"<html><head><title>t</title></head><body> <p></p></body></html>"),
        ("markup.md", b"---\n\n**  **\n"),
    ],
)
def test_file_with_markup_but_no_text(write, name: str, data: bytes) -> None:
    path = write(name, data)
    assert _error_of(path) == (
        f"{path}: contains no text (only markup or blank space); give a file that holds the text"
    )


def test_binary_file(write) -> None:
    path = write("image.txt", bytes(range(256)) * 4)
    assert _error_of(path) == (
        f"{path}: looks like a binary file (it contains NUL bytes), not text; "
        "give a .txt, .md, .html, .docx or .pdf file"
    )


def test_undecodable_file(write) -> None:
    path = write("odd.md", b"clause \x81 text")
    assert _error_of(path) == (
        f"{path}: cannot be decoded as UTF-8 (invalid start byte at byte 7) nor as "
        "Windows-1252; re-save it as UTF-8 and try again"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\nthis is not really a PDF",
        pdf_bytes()[:400],  # truncated download
        b"not a pdf at all",
    ],
)
def test_corrupt_pdf(write, data: bytes) -> None:
    path = write("broken.pdf", data)
    message = _error_of(path)
    assert message.startswith(f"{path}: is not a readable PDF (")
    assert message.endswith("); check the download, or export the document again as PDF or text")


def test_encrypted_pdf(write) -> None:
    path = write("locked.pdf", encrypted_pdf_bytes(user_password="secret"))
    assert _error_of(path) == (
        f"{path}: is an encrypted PDF that needs a password; "
        "save an unprotected copy (or export its text) and use that"
    )


def test_pdf_locked_only_against_editing_is_read(write) -> None:
    path = write("owner-only.pdf", encrypted_pdf_bytes(user_password=""))
    assert read_source(path).lines[0] == "\t\t\tRESOLUTION 37 (Rev. Baku, 2025)"


def test_pdf_without_text_layer(write) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = write("scan.pdf", bytes(pdf.output()))
    assert _error_of(path) == (
        f"{path}: the PDF has no text layer (a scan?); "
        "run OCR on it or use a Word or HTML edition of the text"
    )


@pytest.mark.parametrize(
    "data", [b"PK\x03\x04 truncated zip", b"plain text, not a zip", pdf_bytes()]
)
def test_corrupt_docx(write, data: bytes) -> None:
    path = write("broken.docx", data)
    message = _error_of(path)
    assert message.startswith(f"{path}: is not a readable Word .docx file (")
    assert message.endswith("); open it in Word or LibreOffice and save it again as .docx")


def test_old_word_format(write) -> None:
    path = write("old.doc", b"\xd0\xcf\x11\xe0 OLE")
    assert _error_of(path) == (
        f"{path}: old binary Word format; open it in Word or LibreOffice and save it as .docx"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(write) -> None:
    path = write("secret.txt", b"text")
    path.chmod(0)
    assert _error_of(path) == f"{path}: cannot be read (permission denied); check its permissions"


def test_unknown_format_name() -> None:
    with pytest.raises(InputError, match=r"^x: unknown format 'rtf'; give a \.txt"):
        read_bytes(b"text", name="x", format="rtf")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("module", "name", "data", "message"),
    [
        (
            "pypdfium2",
            "a.pdf",
            pdf_bytes(),
            "reading PDF files needs the Python package 'pypdfium2'",
        ),
        (
            "docx",
            "a.docx",
            docx_bytes(),
            "reading Word files needs the Python package 'python-docx'",
        ),
        (
            "selectolax.lexbor",
            "a.html",
            b"<html><p>x</p>",
            "reading HTML needs the Python package 'selectolax'",
        ),
    ],
)
def test_missing_extra_names_the_extra(monkeypatch, module, name, data, message) -> None:
    import sys

    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    with pytest.raises(MissingExtraError) as error:
        read_bytes(data, name=name)
    assert str(error.value) == (
        f"{message}, which is not installed; install it with: pip install 'wtdc-toolkit[formats]'"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_device_or_pipe_is_not_read(tmp_path) -> None:
    # /dev/zero or a FIFO could be endless (or block forever): only regular files are read.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        read_source(fifo)
    assert str(caught.value) == (
        f"{fifo}: is not a regular file; save the text to a file and give that"
    )
    if os.path.exists("/dev/zero"):
        with pytest.raises(InputError, match=r"^/dev/zero: is not a regular file"):
            read_source("/dev/zero")
