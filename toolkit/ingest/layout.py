"""The paragraph layout every layout-aware reader (PDF, Word, HTML) hands to the parser.

It is the layout of the shipped report, ITU's HTML flattened to tab-indented text: one
paragraph per line, a blank line between paragraphs, body text three tabs deep, a deeper
paragraph four, footnotes six (`1<tab>text`, right after the paragraph whose marker they
explain), table cells seven, a label and its text separated by a tab. A paragraph break
therefore always ends a clause, whatever punctuation the paragraph ends with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["body", "indented", "footnote", "cell"]
_TABS: dict[Level, str] = {"body": "\t" * 3, "indented": "\t" * 4, "footnote": "\t" * 6,
                           "cell": "\t" * 7}


@dataclass(frozen=True)
class Paragraph:
    text: str  # a label is followed by a tab; footnote markers are glued to their word
    level: Level = "body"


@dataclass(frozen=True)
class Cleaning:
    """What a reader removed or repaired to get back the text under a layout."""

    pages: int | None = None
    furniture_lines: int = 0  # running headers, footers and page numbers dropped
    hyphens_joined: int = 0  # line-end hyphens undone because the joined word is a word
    hyphens_kept: int = 0  # line-end hyphens kept: a compound (`multi-stakeholder`)
    footnotes: int = 0  # footnote paragraphs moved next to the paragraph carrying the marker
    tracked_changes: int = 0  # Word insertions and deletions resolved
    comments: int = 0


def footnote(marker: str, text: str) -> Paragraph:
    return Paragraph(f"{marker}\t{' '.join(text.split())}", "footnote")


def report_text(paragraphs: Iterable[Paragraph]) -> str:
    return "\n\n".join(_TABS[p.level] + p.text.strip() for p in paragraphs if p.text.strip())
