"""Page furniture: running headers and footers, and page numbers, which a PDF repeats at
the same place on every page and which are no part of the text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)


def furniture_key(line: str) -> str:
    """A line with its numbers blanked, so `Final Report 41` and `Final Report 42` agree."""
    return " ".join(_DIGITS.sub("#", line).split())


def is_page_number(line: str) -> bool:
    """Whether a line is only a page number (`12`, `Page 12`, `3 of 40`), which no text keeps."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def repeated_lines(pages: Sequence[Iterable[str]], *, share: float = 0.3) -> frozenset[str]:
    """The keys that recur on at least `share` of the pages (and on three or more)."""
    seen: Counter[str] = Counter()
    for keys in pages:
        seen.update(set(keys))
    floor = max(3, share * len(pages))
    return frozenset(key for key, count in seen.items() if count >= floor)
