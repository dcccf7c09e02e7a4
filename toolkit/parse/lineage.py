"""The report's lineage tables: where every resolution, Recommendation and Question comes from.

Three tables close the Final Report: the status of every resolution, Recommendation and
decision a WTDC ever adopted (first approved, revision history, status), the list of
resolutions WTDC-25 abrogated, and the renumbering of study Questions (new number, title,
origin). From them each text gets its fate at Baku (new / revised / unchanged / abrogated)
and its prior edition: the last edition before Baku, the one a comparison should start from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Literal

from toolkit.display import html_table
from toolkit.errors import ParseError
from toolkit.ingest import SourceText
from toolkit.parse.lines import TABLE_INDENT, Line, logical_lines, tidy
from toolkit.parse.model import Document

if TYPE_CHECKING:
    import polars as pl

LineageKind = Literal["resolution", "recommendation", "decision"]
BakuFate = Literal["new", "revised", "unchanged", "abrogated"]
QuestionOrigin = Literal["continuation", "merge"]

BAKU = "Baku, 2025"

_STATUS_TITLE = re.compile(r"^Status of all resolutions, Recommendations and decisions")
_STATUS_PART: dict[str, LineageKind] = {
    "Resolutions": "resolution", "Recommendations": "recommendation", "Decisions": "decision"
}
_STATUS_HEADER = ("Title", "First approved", "History", "Status")
_ABROGATED_TITLE = re.compile(r"^List of resolutions abrogated by WTDC-\d+$")
_ABROGATED_ENTRY = re.compile(r"^Resolution\s+(?P<n>\d+)\s*\((?P<edition>[^)]+)\)$")
_RENUMBERING_TITLE = re.compile(r"^New numbering and allocation of ITU-D study Questions$")
_STUDY_GROUP = re.compile(r"^Study Group \d+$")
_NEW_QUESTION = re.compile(r"^Q(?P<n>\d+/\d+)$")
_FORMER = re.compile(r"Question\s+(\d+/\d+)")
# `Rev. Hyderabad, 2010; Rev. Dubai, 2014` — and twice `Rev. Hyderabad, 2010, Rev. Kigali,
# 2022` with a comma where a semicolon belongs: a comma splits only before a new entry.
_HISTORY_SPLIT = re.compile(r";\s*|,\s*(?=Rev\.|Abr\.|Replaced)")
_NO_HISTORY = {"–", "-", ""}


@dataclass(frozen=True)
class LineageRow:
    """One row of the status table, with what Baku did to the text and where it comes from."""

    kind: LineageKind
    number: str
    title: str
    first_approved: str  # as printed: "Doha, 2006", "January 2002"
    history: tuple[str, ...]  # as printed, one entry per revision: ("Rev. Kigali, 2022", …)
    status: str  # "In force", "Abrogated", "Obsolete"
    baku: BakuFate | None  # None: a text that was already gone before Baku
    prior_edition: str | None  # "Kigali, 2022"; None for texts new at Baku
    text_in_corpus: bool  # the report (this source) holds the text
    doc_id: str | None  # "res-37" for the row of the text in force or abrogated at Baku
    # The corpus holds the prior edition's final report (filled in by toolkit.corpus, which
    # knows the corpus; the report alone cannot tell).
    prior_in_corpus: bool = False


@dataclass(frozen=True)
class AbrogatedText:
    """A resolution or recommendation the edition abrogated, as its table lists it."""

    number: str
    edition_label: str  # "Rev. Dubai, 2014"
    title: str


@dataclass(frozen=True)
class QuestionLineage:
    """A study Question and the former Questions it continues, merges or splits."""

    number: str  # "1/1"
    title: str
    origin_text: str  # as printed: "Merging of former Question 1/1 with former Question 5/1 …"
    origin: QuestionOrigin
    former: tuple[str, ...]  # ("1/1", "5/1")


@dataclass(frozen=True)
class Lineage:
    """The final report's lineage tables: the status of each text, those abrogated, and where
    each Question comes from."""

    rows: tuple[LineageRow, ...]
    abrogated: tuple[AbrogatedText, ...]
    questions: tuple[QuestionLineage, ...]

    @property
    def current(self) -> tuple[LineageRow, ...]:
        """The rows Baku acted on: everything in force, and what it abrogated."""
        return tuple(r for r in self.rows if r.baku is not None)

    @property
    def in_force(self) -> tuple[LineageRow, ...]:
        """The rows of the texts in force after the edition."""
        return tuple(r for r in self.rows if r.status == "In force")

    def row(self, doc_id: str) -> LineageRow:
        """The row of one document id; a KeyError when the table has none."""
        for r in self.rows:
            if r.doc_id == doc_id:
                return r
        raise KeyError(doc_id)

    def frame(self) -> pl.DataFrame:
        """One row per row of the status table; `history` is a list of revisions."""
        import polars as pl  # loads only when a frame is asked for

        return pl.DataFrame([asdict(r) for r in self.rows])

    def _repr_html_(self) -> str:
        rows = ((r.doc_id or r.number, r.baku or "–", r.prior_edition or "–", r.title)
                for r in self.current)
        return html_table("rows of the status table Baku acted on",
                          ("doc", "Baku", "prior edition", "title"), rows,
                          total=len(self.current))


@dataclass(frozen=True)
class CorpusCheck:
    """Status table versus texts: what is in force without text, and text without a row."""

    missing_text: tuple[str, ...]
    unlisted_text: tuple[str, ...]


def parse_lineage(source: SourceText, *, documents: Iterable[Document] | None = None) -> Lineage:
    """Read the lineage tables of a final report. `documents`: its parsed texts (else parsed)."""
    if documents is None:
        from toolkit.parse.parser import parse_source

        documents = parse_source(source).documents
    present = {d.id for d in documents}
    lines, _ = logical_lines(source.text)
    abrogated = _abrogated(source.name, lines)
    # The list of abrogated resolutions names them by title too: a row whose history lacks
    # its "Abr. Baku, 2025" is still recognised.
    rows = _status_rows(source.name, lines, present, {("resolution", a.title) for a in abrogated})
    return Lineage(rows, abrogated, _questions(source.name, lines))


def check_corpus(lineage: Lineage, documents: Iterable[Document]) -> CorpusCheck:
    """Texts in force that the documents lack, and documents the status table does not list."""
    ids = [d.id for d in documents if d.type in ("resolution", "recommendation")]
    listed = {r.doc_id for r in lineage.rows if r.doc_id}
    missing = tuple(
        r.doc_id for r in lineage.rows
        if r.status == "In force" and r.doc_id and r.kind != "decision" and r.doc_id not in ids
    )
    return CorpusCheck(missing, tuple(i for i in ids if i not in listed))


# --- tables ---------------------------------------------------------------------------


def _block(lines: list[Line], title: re.Pattern[str], name: str, what: str) -> list[Line]:
    """The lines after a table's title line, up to the next body line that is not part of it."""
    for i, line in enumerate(lines):
        if title.match(line.text):
            return lines[i + 1:]
    raise ParseError(
        f"'{name}' holds no {what}; lineage is read from a WTDC final report (e.g. "
        "corpora/wtdc-25-final-report.txt)"
    )


def _cells(block: list[Line], *, stop: re.Pattern[str] | None = None) -> list[list[Line]]:
    """Table cells grouped under the body lines that head them (`Study Group 1`, …)."""
    groups: list[list[Line]] = [[]]
    for line in block:
        if line.indent >= TABLE_INDENT:
            groups[-1].append(line)
        elif stop is not None and stop.match(line.text):
            groups.append([line])
        else:
            break
    return groups


def _abrogated(name: str, lines: list[Line]) -> tuple[AbrogatedText, ...]:
    cells = _cells(_block(lines, _ABROGATED_TITLE, name, "list of abrogated resolutions"))[0]
    texts = [tidy(c.text) for c in cells]
    if texts[:2] != ["Number", "Title"] or len(texts) % 2:
        raise ParseError(f"{name}:{cells[0].start if cells else 0}: the list of abrogated "
                         "resolutions is not a two-column table of Number and Title")
    out = []
    for number, title in zip(texts[2::2], texts[3::2], strict=True):
        match = _ABROGATED_ENTRY.match(number)
        if match is None:
            raise ParseError(f"{name}: cannot read '{number}' in the list of abrogated "
                             "resolutions; expected 'Resolution 53 (Rev. Dubai, 2014)'")
        out.append(AbrogatedText(match["n"], match["edition"], title))
    return tuple(out)


def _questions(name: str, lines: list[Line]) -> tuple[QuestionLineage, ...]:
    block = _block(lines, _RENUMBERING_TITLE, name, "renumbering table of study Questions")
    out = []
    for group in _cells(block, stop=_STUDY_GROUP):
        texts = [tidy(c.text) for c in group if c.indent >= TABLE_INDENT]
        if not texts:
            continue
        if texts[:3] != ["New number", "Title", "Origin"] or len(texts) % 3:
            raise ParseError(f"{name}:{group[0].start}: the Question renumbering table is not "
                             "a three-column table of New number, Title and Origin")
        for number, title, origin in zip(texts[3::3], texts[4::3], texts[5::3], strict=True):
            match = _NEW_QUESTION.match(number)
            if match is None:
                raise ParseError(f"{name}: cannot read the Question number '{number}'; "
                                 "expected e.g. 'Q1/1'")
            kind: QuestionOrigin = "merge" if origin.startswith("Merging") else "continuation"
            out.append(QuestionLineage(match["n"], title, origin, kind,
                                       tuple(_FORMER.findall(origin))))
    return tuple(out)


def _status_rows(
    name: str, lines: list[Line], present: set[str], abrogated_at_baku: set[tuple[str, str]]
) -> tuple[LineageRow, ...]:
    block = _block(lines, _STATUS_TITLE, name, "status table of resolutions")
    parts = re.compile("^(" + "|".join(_STATUS_PART) + ")$")
    rows: list[LineageRow] = []
    for group in _cells(block, stop=parts):
        if not group or group[0].indent >= TABLE_INDENT:
            continue
        kind = _STATUS_PART[group[0].text]
        texts = [tidy(c.text) for c in group[1:]]
        if tuple(texts[1:5]) != _STATUS_HEADER or len(texts) % 5:
            raise ParseError(f"{name}:{group[0].start}: the status table of {group[0].text} "
                             "is not a five-column table (number, title, first approved, "
                             "history, status)")
        for i in range(5, len(texts), 5):
            number, title, first, history, status = texts[i:i + 5]
            rows.append(_row(kind, number, title, first, history, status, present,
                             abrogated_at_baku))
    return tuple(rows)


def _row(kind: LineageKind, number: str, title: str, first: str, history_cell: str,
         status: str, present: set[str], abrogated_at_baku: set[tuple[str, str]]) -> LineageRow:
    history = () if history_cell in _NO_HISTORY else tuple(
        h.strip() for h in _HISTORY_SPLIT.split(history_cell) if h.strip()
    )
    fate: BakuFate | None = None
    if f"Abr. {BAKU}" in history or (kind, title) in abrogated_at_baku:
        fate = "abrogated"
    if status == "In force":
        if first == BAKU:
            fate = "new"
        elif f"Rev. {BAKU}" in history:
            fate = "revised"
        else:
            fate = "unchanged"
    editions = [first] + [h.removeprefix("Rev. ") for h in history if h.startswith("Rev. ")]
    before = [e for e in editions if e != BAKU]
    prior = before[-1] if fate is not None and fate != "new" and before else None
    prefix = {"resolution": "res", "recommendation": "rec", "decision": "dec"}[kind]
    doc_id = f"{prefix}-{number}" if fate is not None else None
    return LineageRow(kind, number, title, first, history, status, fate, prior,
                      doc_id in present, doc_id)
