"""How much of the text's parse a re-laid-out edition gives back (issue 10's table).

identity: share of the text's clauses found with the same normalised text in the same
document; labels: the same with the label too; footnotes: share of the text's footnotes
attached to the same clause (or title, heading) of the same document; furniture: clauses
holding the running header or a page number the text lacks; hyphens left: words still split
by a line-end hyphen, as a share of the line-end hyphens the layout has.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from toolkit.ingest import comparable
from toolkit.parse import ParsedText

_SPLIT = re.compile(r"\b([a-z]+)- ?([a-z]+)\b")
# A page number inside a clause (a clause's own leading number is its label, kept in the text
# when a layout loses the label's tab: that is counted under labels, not here).
_PAGE_NUMBER = re.compile(r"(?<= )\d{1,3}(?= |$)")


@dataclass(frozen=True)
class LayoutScore:
    clauses: int  # of the text
    identity: float
    labels: float
    footnotes: float
    furniture: int
    hyphens_left: int

    def hyphen_share(self, line_end_hyphens: int) -> float:
        return self.hyphens_left / max(line_end_hyphens, 1)


def _clauses(parsed: ParsedText, *, labelled: bool) -> Counter[tuple[str | None, ...]]:
    return Counter(
        (d.id, c.label, c.text) if labelled else (d.id, c.text)
        for d in parsed.documents
        for c in d.clauses
    )


def _footnotes(parsed: ParsedText) -> Counter[tuple[str, str, str]]:
    found: Counter[tuple[str, str, str]] = Counter()
    for d in parsed.documents:
        for f in d.footnotes:
            found[(d.id, "title", comparable(f.text))] += 1
        for s in d.sections:
            for f in s.footnotes:
                found[(d.id, s.heading or "", comparable(f.text))] += 1
            for c in s.clauses:
                for f in c.footnotes:
                    found[(d.id, c.text, comparable(f.text))] += 1
    return found


def _share(expected: Counter, got: Counter) -> float:  # type: ignore[type-arg]
    return sum((expected & got).values()) / max(sum(expected.values()), 1)


def score(text: ParsedText, layout: ParsedText, *, header: str) -> LayoutScore:
    clauses = _clauses(text, labelled=False)
    known = {t for _, t in clauses}
    words = {w for t in known for w in t.split()}
    furniture = 0
    hyphens = 0
    for d in layout.documents:
        for c in d.clauses:
            hyphens += sum(
                1 for m in _SPLIT.finditer(c.text)
                if m[1] + m[2] in words and m[0].replace(" ", "") not in words
            )
            if c.text in known:
                continue
            if header in c.text or " ".join(_PAGE_NUMBER.sub(" ", c.text).split()) in known:
                furniture += 1
    return LayoutScore(
        clauses=sum(clauses.values()),
        identity=_share(clauses, _clauses(layout, labelled=False)),
        labels=_share(_clauses(text, labelled=True), _clauses(layout, labelled=True)),
        footnotes=_share(_footnotes(text), _footnotes(layout)),
        furniture=furniture,
        hyphens_left=hyphens,
    )
