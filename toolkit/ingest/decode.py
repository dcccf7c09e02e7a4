"""Bytes → str for the text-based formats: UTF-8, a BOM's encoding, then cp1252 with a warning.

Control characters inside otherwise valid text (NUL from a PDF extraction) are dropped with a
warning; only a file made mostly of them is refused as binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

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
    """A file's text, the encoding it was read in, and what a reader should know about it."""

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
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = f"{error.reason} at byte {error.start}"
    else:
        return _without_controls(decoded, name=name) if _utf8_controls(data) else decoded
    if b"\x00" in data:  # NUL bytes are stray in UTF-8 text, and no Windows-1252 text has them
        raise _binary(name, "it contains NUL bytes")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{name}: cannot be decoded as UTF-8 ({utf8_error}) nor as Windows-1252; "
            "re-save it as UTF-8 and try again"
        ) from None
    warning = f"{name}: not valid UTF-8 ({utf8_error}); read as Windows-1252 (cp1252)"
    return _without_controls(Decoded(text, "cp1252", (warning,)), name=name)


# Control characters carry no text: NUL (pypdf's glyphs without a Unicode mapping), escape,
# DEL, C1 codes. Tab, newlines and form feed are layout and stay.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A text with a few stray controls is text; one made mostly of them is not.
_BINARY_SHARE = 0.5


# The bytes of those characters in UTF-8: themselves (C0, DEL), or 0xC2 before 0x80-0x9F (C1).
_C0_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_OTHER_BYTES = bytes(range(256)).translate(None, _C0_BYTES)
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _utf8_controls(data: bytes) -> bool:
    """Whether valid UTF-8 bytes hold a control character: told on the bytes in C, 8× faster
    than searching the decoded text (a 50 MB file, whose text has none)."""
    return bool(data.translate(None, _OTHER_BYTES)) or _C1_UTF8.search(data) is not None


def _without_controls(decoded: Decoded, *, name: str) -> Decoded:
    """The text without its control characters, with a warning saying how many and where."""
    text = decoded.text
    first = _CONTROLS.search(text)
    if first is None:
        return decoded
    count = len(_CONTROLS.findall(text))
    if count > _BINARY_SHARE * len(text):
        raise _binary(name, "it contains NUL bytes" if "\x00" in text else
                      "it is mostly control characters")
    line = text.count("\n", 0, first.start()) + 1
    warning = (f"{name}:{line}: dropped {count} control character{'s' if count > 1 else ''} "
               f"(first U+{ord(first[0]):04X}), which carry no text")
    return replace(decoded, text=_CONTROLS.sub("", text),
                   warnings=(*decoded.warnings, warning))


def _binary(name: str, why: str) -> InputError:
    return InputError(
        f"{name}: looks like a binary file ({why}), not text; "
        "give a .txt, .md, .html, .docx or .pdf file"
    )


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
