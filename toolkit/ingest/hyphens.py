"""Line-end hyphens: `participa-` + `tion` is one word, `multi-` + `stakeholder` is a
compound. The lexicon is the words of the shipped Baku report (package data `words.txt`,
rebuilt by `python -m toolkit.ingest.hyphens corpora/wtdc-25-final-report.txt`)."""

from __future__ import annotations

import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from toolkit.files import atomic_write_text

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# What a PDF text layer puts at the end of a hyphenated line: the hyphen-minus, a soft
# hyphen, pdfium's "\x02" for a soft hyphen it printed, or Unicode's hyphen.
LINE_END_HYPHENS = "-\u00ad\x02\u2010"


def lexicon_words(text: str) -> list[str]:
    """The lowercase words and hyphenated compounds of a text, sorted."""
    return sorted({w.lower() for w in _WORD.findall(text) if len(w) > 1})


@cache
def lexicon() -> frozenset[str]:
    """The known words (English, and names in ITU texts; package data words.txt): a line-end
    hyphen is undone when the joined word is one of them."""
    data = resources.files("toolkit.ingest").joinpath("words.txt").read_text(encoding="utf-8")
    return frozenset(data.split())


def join_hyphenated(head: str, tail: str) -> tuple[str, bool]:
    """`head` ends a line with a hyphen (kept in it), `tail` starts the next line. Returns the
    joined text and whether the hyphen was undone. It is undone when the joined word is a word
    of the lexicon, kept when the hyphenated form is (or both halves are words), and undone
    otherwise: a fragment such as `telecommu` is no word."""
    left = re.search(r"([^\W\d_]+)[" + LINE_END_HYPHENS + r"]$", head)
    right = re.match(r"[^\W\d_]+", tail)
    if left is None or right is None:
        return head.rstrip() + " " + tail, False
    words = lexicon()
    first, second = left[1].lower(), right[0].lower()
    stem = head[: left.end(1)]
    if first + second in words:
        return stem + tail, True
    if f"{first}-{second}" in words or (first in words and second in words):
        return stem + "-" + tail, False
    return stem + tail, True


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m toolkit.ingest.hyphens REPORT.txt")
    words = lexicon_words(Path(sys.argv[1]).read_text(encoding="utf-8"))
    atomic_write_text(Path(__file__).with_name("words.txt"), "\n".join(words) + "\n")
    print(f"{len(words)} words")
