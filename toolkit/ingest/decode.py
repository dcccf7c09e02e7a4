"""Bytes → str for the text-based formats: UTF-8, a BOM's encoding, then cp1252 with a warning."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from toolkit.errors import InputError

# Checked longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, *, name: str) -> Decoded:
    """Decode the bytes of a text file, or raise InputError naming `name` and what to do."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), f"{encoding} (BOM)")
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({error.reason} at byte {error.start + len(bom)}); "
                    "re-save it as UTF-8 and try again"
                ) from None
    if b"\x00" in data:
        utf16 = _bomless_utf16(data, name=name)
        if utf16 is not None:
            return utf16
        raise InputError(
            f"{name}: looks like a binary file (it contains NUL bytes), not text; "
            "give a .txt, .md, .html, .docx or .pdf file"
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = f"{error.reason} at byte {error.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{name}: cannot be decoded as UTF-8 ({utf8_error}) nor as Windows-1252; "
            "re-save it as UTF-8 and try again"
        ) from None
    warning = f"{name}: not valid UTF-8 ({utf8_error}); read as Windows-1252 (cp1252)"
    return Decoded(text, "cp1252", (warning,))


def _bomless_utf16(data: bytes, *, name: str) -> Decoded | None:
    """UTF-16 without a BOM, as some Windows tools write it: text that is mostly ASCII has a NUL
    in every other byte. Anything else with NUL bytes is binary."""
    if len(data) % 2:
        return None
    high_even = data[0::2].count(0)
    high_odd = data[1::2].count(0)
    half = len(data) // 2
    if high_odd >= 0.4 * half and high_even == 0:
        encoding = "utf-16-le"
    elif high_even >= 0.4 * half and high_odd == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return None
    return Decoded(text, encoding, (f"{name}: no byte-order mark; read as {encoding.upper()}",))
