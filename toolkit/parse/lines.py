"""Source lines → logical lines: the unit the parser reads.

The report is ITU's HTML flattened to tab-indented text: the depth of the tabs tells body
text (3) from footnotes (6) and table cells (7+), and an unindented line straight after a
text line is that line's soft wrap (a `<br>`), so it is joined back with a space (none after
a slash). Sources without tab
indentation (Markdown, web pages) keep one logical line per non-blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.ingest.labels import BULLETS, LABEL_SPACE, LABEL_TAB

FOOTNOTE_INDENT = 6  # footnote paragraphs sit three tabs deeper than body text
TABLE_INDENT = 7  # table cells

_TAB_RUNS = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line of the source: soft wraps joined, its tab depth and line span kept."""

    text: str  # stripped; inner tabs kept (they separate a label from its text)
    indent: int  # leading tabs
    start: int  # 1-based first source line
    end: int  # 1-based last source line (after joined soft wraps)


def logical_lines(text: str) -> tuple[list[Line], bool]:
    """The non-blank logical lines of `text`, and whether the source is tab-indented."""
    physical = text.split("\n")
    nonblank = [p for p in physical if p.strip()]
    tabbed = sum(p.startswith(("\t", " \t")) for p in nonblank) * 4 > len(nonblank)
    out: list[Line] = []
    previous_blank = True
    for number, raw in enumerate(physical, start=1):
        stripped = raw.strip()
        if not stripped:
            previous_blank = True
            continue
        if tabbed and not previous_blank and out and not raw[0].isspace():
            last = out[-1]
            # `telecommunication/<br>information`: a slash ends a wrapped word, not a word
            glue = "" if last.text.endswith("/") else " "
            out[-1] = Line(f"{last.text}{glue}{stripped}", last.indent, last.start, number)
        else:
            lead = raw[: len(raw) - len(raw.lstrip(" \t\u00a0"))]
            out.append(Line(stripped, lead.count("\t"), number, number))
        previous_blank = False
    return out, tabbed


def split_label(text: str, *, tabbed: bool) -> tuple[str | None, bool, str]:
    """(label, is_labelled, rest): bullets are labelled clauses whose label is None."""
    # Word keeps "a)<tab>text" without the report's leading tabs: a tab after a label counts
    # in any source.
    match = LABEL_TAB.match(text) or (None if tabbed else LABEL_SPACE.match(text))
    if match is None:
        return None, False, text
    label = match["label"]
    return (None if label in BULLETS else label), True, match["rest"]


def tidy(text: str) -> str:
    """Display form of a heading or title: inner tabs and no-break spaces → one space."""
    return _TAB_RUNS.sub(" ", text).strip()
