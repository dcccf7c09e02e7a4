"""Documents → one polars row per clause, for counting, filtering and export."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

    from toolkit.parse.model import Document

CLAUSE_COLUMNS = (
    "doc_id", "doc_type", "number", "edition_label", "title", "region", "section",
    "section_kind", "label", "ordinal", "text", "raw", "footnotes", "line_start", "line_end",
)


def clause_records(documents: Iterable[Document]) -> list[dict[str, object]]:
    """One plain record per clause (the rows of `clauses_frame`, the items of `wtdc parse`)."""
    return [
        {
            "doc_id": d.id,
            "doc_type": d.type,
            "number": d.number,
            "edition_label": d.edition_label,
            "title": d.title,
            "region": d.region,
            "section": s.heading,
            "section_kind": s.kind,
            "label": c.label,
            "ordinal": c.ordinal,
            "text": c.text,
            "raw": c.raw,
            "footnotes": [{"marker": f.marker, "text": f.text} for f in c.footnotes],
            "line_start": c.span[0],
            "line_end": c.span[1],
        }
        for d in documents
        for s in d.sections
        for c in s.clauses
    ]


def clauses_frame(documents: Iterable[Document]) -> pl.DataFrame:
    """One row per clause with the columns of CLAUSE_COLUMNS; footnotes as a list of structs."""
    import polars as pl

    footnote = pl.Struct({"marker": pl.Utf8, "text": pl.Utf8})
    schema: dict[str, pl.DataType | type[pl.DataType]] = {
        "doc_id": pl.Utf8, "doc_type": pl.Utf8, "number": pl.Utf8, "edition_label": pl.Utf8,
        "title": pl.Utf8, "region": pl.Utf8, "section": pl.Utf8, "section_kind": pl.Utf8,
        "label": pl.Utf8, "ordinal": pl.Int32, "text": pl.Utf8, "raw": pl.Utf8,
        "footnotes": pl.List(footnote), "line_start": pl.Int32, "line_end": pl.Int32,
    }
    return pl.DataFrame(clause_records(documents), schema=schema, orient="row")
