"""How wide a line of a PDF's text printed: the repairs of its text extractions tell a full
line from a short one by it."""

from __future__ import annotations

import unicodedata
from functools import cache

# Helvetica's advance widths in thousandths of an em: a line's printed width is estimated
# from its characters as a proportional font sets them (an `m` is four times an `i`), which
# tells a full line from a short one far better than its length in characters.
_HELVETICA = {
    191: "'", 222: "ijl", 260: "|", 278: " !,./:;I[\\]ft", 333: "()-`r", 334: "{}", 355: '"',
    389: "*", 469: "^", 500: "Jcksvxyz", 556: "#$0123456789?L_abdeghnopqu", 584: "+<=>~",
    611: "FTZ", 667: "&ABEKPSVXY", 722: "CDHNRUw", 778: "GOQ", 833: "Mm", 889: "%", 944: "W",
    1000: "—…", 1015: "@",
}
_ADVANCE = {char: width for width, chars in _HELVETICA.items() for char in chars}


@cache
def _advance(char: str) -> int:
    base = unicodedata.normalize("NFKD", char)[:1]
    return _ADVANCE.get(char) or _ADVANCE.get(base, 556)


def printed_width(text: str) -> float:
    """The printed width of `text` in ems, single-spaced."""
    return sum(map(_advance, text)) / 1000


def fits_after(width: float, after: str, measure: float, *, share: float = 1.0) -> bool:
    """Whether the first word of `after` would have fitted at the end of a line `width` ems
    wide (within `share` of the measure). pdftotext joins a hyphenated line to the next: what
    matters is the width of the last one."""
    while measure and width > 1.1 * measure:
        width -= measure
    return width + printed_width(" " + after.split(" ", 1)[0]) <= share * measure
