"""The paragraph layout every layout-aware reader (PDF, Word, HTML) hands to the parser.

It is the layout of the shipped report, ITU's HTML flattened to tab-indented text: one
paragraph per line, a blank line between paragraphs, body text three tabs deep, a deeper
paragraph four, footnotes six (`1<tab>text`, right after the paragraph whose marker they
explain), table cells seven, a label and its text separated by a tab. A paragraph break
therefore always ends a clause, whatever punctuation the paragraph ends with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from toolkit.ingest.labels import LABEL_TAB, tab_after_label

Level = Literal["body", "indented", "footnote", "cell"]
_TABS: dict[Level, str] = {"body": "\t" * 3, "indented": "\t" * 4, "footnote": "\t" * 6,
                           "cell": "\t" * 7}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as a reader found it, before it is laid out at its level's tab depth."""

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


def cleaning_summary(
    cleaning: Cleaning | None, *, name: str, attached: int, unattached: int
) -> dict[str, object]:
    """What `wtdc parse FILE` reports about a file: the reader's cleaning and the footnotes
    the parser attached to their markers (or kept with their document, unattached)."""
    cleaning = cleaning or Cleaning()
    return {
        "file": name,
        "pages": cleaning.pages,
        "furniture_lines_removed": cleaning.furniture_lines,
        "hyphens_joined": cleaning.hyphens_joined,
        "hyphens_kept": cleaning.hyphens_kept,
        "footnotes_attached": attached,
        "footnotes_unattached": unattached,
        "tracked_changes": cleaning.tracked_changes,
        "comments": cleaning.comments,
    }


def summary_line(summary: dict[str, object]) -> str:
    """`cleaning_summary` as the one line `wtdc parse FILE` prints on stderr."""
    pages = "" if summary["pages"] is None else f"{summary['pages']} pages, "
    return (
        f"{summary['file']}: {pages}{summary['furniture_lines_removed']} header/footer lines "
        f"removed, {summary['hyphens_joined']} hyphens joined ({summary['hyphens_kept']} kept), "
        f"{summary['footnotes_attached']} footnotes attached, "
        f"{summary['footnotes_unattached']} unattached"
    )


def footnote(marker: str, text: str) -> Paragraph:
    """A footnote paragraph (`1<tab>text`) as every reader lays it, its text on one line."""
    return Paragraph(f"{marker}\t{' '.join(text.split())}", "footnote")


def report_text(paragraphs: Sequence[Paragraph]) -> str:
    """The paragraphs in the report's layout, each label followed by a tab and footnotes
    kept as ordinary numbered paragraphs after the text recognised as footnotes."""
    laid = [
        replace(p, text=tab_after_label(p.text.strip(" \n")))
        if p.level not in ("footnote", "body") else _body(p)
        for p in paragraphs
        if p.text.strip()
    ]
    # An empty first cell leaves a row's leading tab: it stays.
    return "\n\n".join(
        ("" if p.text.startswith("\t" * 3) else _TABS[p.level]) + p.text.strip(" \n")
        for p in _plain_footnotes(laid)
    )


def _body(paragraph: Paragraph) -> Paragraph:
    """A body paragraph with a label tab; leading tabs of its own are kept only when they are
    the report's layout already (three or more: a text file saved as Word keeps them)."""
    text = paragraph.text.strip(" \n")
    own = len(text) - len(text.lstrip("\t"))
    laid = tab_after_label(text.lstrip("\t "))
    return replace(paragraph, text="\t" * own + laid if own >= 3 else laid)


# As the parser reads a footnote kept as text: its number, then a capital or an opening mark.
_PLAIN_NOTE = re.compile(r"^(?P<marker>\d{1,3})[\t \u00a0]+(?P<text>[A-Z\"“'(h].*)$")


def glued(marker: str) -> re.Pattern[str]:
    """A footnote marker glued to a word of two letters or to closing punctuation."""
    return re.compile(rf"(?:(?<=[A-Za-z][a-z])|(?<=[a-z][A-Za-z])|(?<=[)\]\"”’'])){marker}(?!\d)")


def _plain_footnotes(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A run of numbered paragraphs (`1 These include …`, `2 …`) after the text, not followed
    by a labelled clause, each number glued to a word above it as a marker: the footnotes of
    a source that keeps them as text (a Word file without footnotes.xml, a PDF's plain text)."""
    out = list(paragraphs)
    if any(p.level == "footnote" for p in out):
        return out  # the source marks its footnotes itself
    since = 0  # the text above a run starts after the previous run
    last = 0  # number of the last footnote found: numbering restarts at 1 or goes on
    index = 0
    while index < len(out):
        end, expected = index, None
        while end < len(out) and out[end].level == "body" and (
            note := _PLAIN_NOTE.match(out[end].text)
        ) and expected in (None, int(note["marker"])):
            expected = int(note["marker"]) + 1
            end += 1
        if end == index:
            index += 1
            continue
        above = "\n".join(p.text for p in out[since:index])
        notes = [_PLAIN_NOTE.match(p.text) for p in out[index:end]]
        first = int(notes[0]["marker"]) if notes[0] else 0
        if (
            first in (1, last + 1)
            and (end == len(out) or not LABEL_TAB.match(out[end].text))
            and all(n is not None and glued(n["marker"]).search(above) for n in notes)
        ):
            for at, n in enumerate(notes, start=index):
                assert n is not None
                out[at] = footnote(n["marker"], n["text"])
            since, last = end, first + len(notes) - 1
        index = end
    return out
