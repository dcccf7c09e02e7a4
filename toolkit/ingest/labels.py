"""Clause labels as printed at the start of a paragraph: `a)`, `1`, `1.1`, `i)`, `(a)`, a
bullet. The parser splits them off; the layout readers put a tab after them, whatever Word
or a web page put there (a no-break space, a tab span, nothing between two spans)."""

from __future__ import annotations

import re

# A clause label and the tab that follows it: `a)`, `1`, `1.1`, `1)`, `i)`, `(a)`, or a
# bullet (`–`, `•`, `-`, `*`). Word's and Markdown's numbered lists also print `1.`, `a.`,
# `iv.`.
LABEL_TAB = re.compile(
    r"^(?P<label>\(?[a-z]{1,2}\)|\(?[ivxlc]+\)|\d+(?:\.\d+)*[).]?|[a-z]\.|[ivxlc]+\.|[–•*\-])"
    r"\t+(?P<rest>.*)$"
)
# Without a tab a bare number (`1`, `1.`, `a.`) is a label only before a lowercase word
# ("1 to continue …"), so that "2030 Agenda …" or "25 June …" at the start of a wrapped line
# stays text; a section number ("1.1 The World …") only before a capital.
LABEL_SPACE = re.compile(
    r"^(?P<label>\(?[a-z]{1,2}\)|\(?[ivxlc]+\)|\d{1,2}\)|\d{1,2}\.?(?= +[a-z])"
    r"|(?:[a-z]|[ivxlc]+)\.(?= +[a-z])"
    r"|\d{1,2}(?:\.\d{1,2})+(?= +[A-Z])|[–•\-]) +(?P<rest>.*)$"
)
BULLETS = frozenset("–•*-")
# How an operative or preamble clause opens after its label (or with none): "to instruct …",
# "that ITU …".
CLAUSE_OPENINGS = ("to ", "that ")
# A whole span or cell that is nothing but a label (`<span>a)</span><span>that …`).
LABEL_ALONE = re.compile(r"^(?:\(?[a-z]{1,2}\)|\(?[ivxlc]+\)|\d+(?:\.\d+)*[).]?|[–•*\-])$")
_SPACES = re.compile(r"^(\S{1,12}?)[ \u00a0]+")
_NO_BREAK = re.compile(r"^(\S{1,12}?)[ \u00a0]*\u00a0[ \u00a0]*")


def tab_after_label(text: str) -> str:
    """`a) that …`, `1\u00a0Member States …` → `a)<tab>that …`, `1<tab>Member States …`;
    anything else unchanged. A no-break space after a label is Word's stand-in for its tab, so
    it makes a label whatever follows; a plain space only before what a clause starts with."""
    if LABEL_TAB.match(text):
        return text
    tabbed = _NO_BREAK.sub(lambda m: m[1] + "\t", text, count=1)
    # … but not inside a number: `1\u00a0200 attendees`.
    if tabbed != text and LABEL_TAB.match(tabbed) and not tabbed.split("\t", 1)[1][:1].isdigit():
        return tabbed
    spaced = _SPACES.sub(lambda m: m[1] + " ", text, count=1)
    match = LABEL_SPACE.match(spaced)
    if match is None:
        return text
    return f"{match['label']}\t{match['rest']}"
