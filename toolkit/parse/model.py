"""Parsed units of a WTDC text: documents → sections → clauses.

Units keep their source position and display text but compare by meaning (label and
normalised text), so two editions' clauses can be matched with `==`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from toolkit.display import html_table

if TYPE_CHECKING:
    import polars as pl

DocType = Literal[
    "declaration",
    "action-plan",
    "regional-initiative",
    "resolution",
    "recommendation",
    "question",
    "text",  # a source with no recognisable WTDC structure, split into paragraphs
]
SectionKind = Literal["preamble", "operative", "body"]
# A labelled clause's further paragraphs are units of their own: "a)", "a) ¶2", "a) ¶3".
PARAGRAPH_MARK = " ¶"


def next_paragraph_label(label: str) -> str:
    """The label of the paragraph after the one labelled `label`: "a)" → "a) ¶2" → "a) ¶3"."""
    base, _, number = label.partition(PARAGRAPH_MARK)
    return f"{base}{PARAGRAPH_MARK}{int(number or 1) + 1}"


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote as printed, with the marker that ties it to its clause."""

    marker: str
    text: str


@dataclass(frozen=True, slots=True)
class Clause:
    """One labelled (or unlabelled) paragraph of a section (slots: a 50 MB text has 206k)."""

    label: str | None
    text: str  # normalised for comparison (see ingest.normalize.comparable)
    ordinal: int = field(compare=False)  # 1-based position within its section
    footnotes: tuple[Footnote, ...] = field(default=(), compare=False)
    raw: str = field(default="", compare=False)  # as printed, for display
    span: tuple[int, int] = field(default=(0, 0), compare=False)  # 1-based source lines


@dataclass(frozen=True)
class Section:
    """A run of clauses under one heading ("considering", "resolves", an annex's part)."""

    heading: str | None  # as printed: "considering", "resolves to instruct …", None
    kind: SectionKind
    clauses: tuple[Clause, ...]
    span: tuple[int, int] = field(default=(0, 0), compare=False)
    # Footnotes whose marker sits in the heading itself (an annex's sub-heading can carry one).
    footnotes: tuple[Footnote, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Document:
    """A declaration, action plan, regional initiative, resolution, Recommendation or Question."""

    id: str  # "declaration", "action-plan", "ri-asp1", "res-37", "rec-19", "q-1-1", "text"
    type: DocType
    number: str | None
    heading: str  # as printed: "RESOLUTION 37 (Rev. Baku, 2025)"
    edition_label: str | None  # as printed: "Rev. Baku, 2025"
    title: str
    sections: tuple[Section, ...]
    region: str | None = None  # "AFR", "AMS", "ARB", "ASP", "CIS", "EUR" for initiatives
    span: tuple[int, int] = field(default=(0, 0), compare=False)
    # Footnotes whose marker sits in the title ("… for approved regional initiatives1").
    footnotes: tuple[Footnote, ...] = field(default=(), compare=False)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause of the document, section after section."""
        return tuple(c for s in self.sections for c in s.clauses)

    def frame(self) -> pl.DataFrame:
        """One row per clause (columns: toolkit.parse.CLAUSE_COLUMNS)."""
        from toolkit.parse.frame import clauses_frame  # polars loads only when asked

        return clauses_frame((self,))

    def _repr_html_(self) -> str:
        return documents_html((self,), caption=f"{self.heading}: {self.title}")


def documents_html(documents: Sequence[Document], *, caption: str) -> str:
    """The first clauses of `documents` as a bounded HTML table, for Jupyter."""
    rows = (
        (d.id, s.heading or f"({s.kind})", c.label or "", c.raw or c.text)
        for d in documents
        for s in d.sections
        for c in s.clauses
    )
    total = sum(len(d.clauses) for d in documents)
    return html_table(caption, ("doc", "section", "label", "text"), rows, total=total)
