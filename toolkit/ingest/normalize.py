"""Two forms of the same text: the display form (original characters, NFC) and the comparison
form, where typographic variants that do not change the meaning compare equal."""

from __future__ import annotations

import re
import unicodedata

# No-break, narrow, figure, thin, ideographic … spaces and the invisible characters that
# word processors leave behind. Zero-width ones vanish; the others become a plain space.
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
        "\u200a\u202f\u205f\u3000"),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign, small/full-width
# hyphen-minus: ITU texts mix them (2026–2029 in the report, 2026-2029 on the web).
_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_QUOTES = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
}
# Ligatures that PDF text layers carry ("ﬁnancial").
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl"}
_TABLE: dict[str, str] = {
    chr(code): ("" if value is None else value)
    for code, value in {**_SPACES, **_INVISIBLE, **_DASHES, **_QUOTES, **_LIGATURES}.items()
}
# Substituting only the odd characters is several times faster than str.translate over a
# whole text that is mostly plain ASCII (the parser calls comparable() on every line).
_ODD = re.compile("[" + re.escape("".join(_TABLE)) + "]")


_LIGATURE_TABLE = str.maketrans({chr(code): letters for code, letters in _LIGATURES.items()})


def unify_ligatures(text: str) -> str:
    """`ﬁnancial` → `financial`: PDF text layers carry ligature glyphs."""
    return text.translate(_LIGATURE_TABLE) if not text.isascii() else text


def nfc(text: str) -> str:
    """`text` in Unicode NFC, so that a composed and a decomposed accent compare equal."""
    return unicodedata.normalize("NFC", text)


def comparable(text: str) -> str:
    """The form two texts are compared in: NFC, odd spaces → space, look-alike dashes → "-",
    curly quotes → straight, PDF ligatures → letters, whitespace runs collapsed to one space,
    ends stripped.

    Letters, digits, labels (`a)`, `1bis`) and case are left alone: what remains different
    after this is a real change. Display always uses the original text.
    """
    if not text.isascii():  # ASCII is already NFC and has none of the odd characters
        text = _ODD.sub(lambda m: _TABLE[m[0]], nfc(text))
    # Most texts have one space or tab between words already: told by C scans, they come
    # back as they are (not a copy) or with tabs replaced, without splitting them into words.
    # A printable text holds no whitespace but the plain space.
    spaced = text.replace("\t", " ")
    if spaced.isprintable() and "  " not in spaced and spaced[:1] != " " and spaced[-1:] != " ":
        return spaced
    return " ".join(text.split())


def unify_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac, some Word exports) → LF, so line numbers agree across tools."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(error: BaseException) -> str:
    """A library's exception as a short single line for an error message."""
    message = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {message[:160]}" if message else name
