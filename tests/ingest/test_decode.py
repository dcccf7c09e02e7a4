"""Decoding: UTF-8, BOMs, BOM-less UTF-16, cp1252 with a warning; binary and undecodable fail."""

from __future__ import annotations

import codecs

import pytest

from toolkit.errors import InputError
from toolkit.ingest import read_bytes

TEXT = "WTDC-25 – Baku, 17–28 November 2025: «café» \u2018ITU-D\u2019"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (BOM)"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le (BOM)"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be (BOM)"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_give_the_same_text(data: bytes, encoding: str) -> None:
    source = read_bytes(data, name="t.txt", format="text")
    assert source.text == TEXT
    assert source.encoding == encoding


def test_bomless_utf16_is_read_with_a_warning() -> None:
    source = read_bytes(TEXT.encode("utf-16-le"), name="t.txt", format="text")
    assert source.warnings == ("t.txt: no byte-order mark; read as UTF-16-LE",)


def test_cp1252_is_read_with_a_warning() -> None:
    data = "Baku, 17–28 November 2025 \u2018ITU-D\u2019 café".encode("cp1252")
    source = read_bytes(data, name="old.txt", format="text")
    assert source.text == "Baku, 17–28 November 2025 \u2018ITU-D\u2019 café"
    assert source.encoding == "cp1252"
    assert source.warnings == (
        "old.txt: not valid UTF-8 (invalid start byte at byte 8); read as Windows-1252 (cp1252)",
    )


def test_utf8_has_no_warning() -> None:
    assert read_bytes(TEXT.encode(), name="t.txt").warnings == ()


def test_crlf_and_cr_become_lf() -> None:
    assert read_bytes(b"a)\r\nb)\rc)", name="t.txt").text == "a)\nb)\nc)"


def test_decomposed_input_is_nfc() -> None:
    assert read_bytes("cafe\u0301".encode(), name="t.txt").text == "caf\u00e9"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "x.txt: looks like a binary file (it contains NUL bytes), not text; "
            "give a .txt, .md, .html, .docx or .pdf file",
        ),
        (
            b"abc\x81\x8d\x8f",
            "x.txt: cannot be decoded as UTF-8 (invalid start byte at byte 3) nor as "
            "Windows-1252; re-save it as UTF-8 and try again",
        ),
        (
            codecs.BOM_UTF8 + b"ok \xff\xfe\xfd",
            "x.txt: starts with a utf-8 byte-order mark but is not valid utf-8 "
            "(invalid start byte at byte 6); re-save it as UTF-8 and try again",
        ),
    ],
)
def test_undecodable_bytes_are_an_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as error:
        read_bytes(data, name="x.txt", format="text")
    assert str(error.value) == message
