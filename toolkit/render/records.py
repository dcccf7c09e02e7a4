"""Parsed clauses, lineage rows and the corpus check as text: a table to read, JSON or CSV to
reuse, Parquet for data work. The JSON follows toolkit/parse/schemas/*.schema.json; it is
compact unless `pretty` (indenting turns off the C encoder)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Literal

from toolkit.parse import CorpusCheck, Document, LineageRow, clause_records, clauses_frame
from toolkit.render.text import text_table

ClauseFormat = Literal["table", "json", "csv", "parquet"]
ReportFormat = Literal["table", "json"]

_TEXT_WIDTH = 72


def dump_json(data: object, *, pretty: bool) -> str:
    """JSON with a final newline: indented for a reader, else compact (C encoder)."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def clauses_output(
    documents: Sequence[Document], *, format: ClauseFormat, pretty: bool = False
) -> str | bytes:
    """All clauses of `documents`; Parquet comes back as bytes, the rest as text."""
    if format == "json":
        return dump_json(clause_records(documents), pretty=pretty)
    if format == "table":
        return text_table(
            ("DOC", "SECTION", "LABEL", "TEXT"),
            [
                (
                    d.id,
                    _short(s.heading or f"({s.kind})", 28),
                    c.label or "",
                    _short(c.text, _TEXT_WIDTH),
                )
                for d in documents
                for s in d.sections
                for c in s.clauses
            ],
        )
    import polars as pl  # only for CSV and Parquet: JSON and the table need no frame

    frame = clauses_frame(documents)
    if format == "parquet":
        buffer = io.BytesIO()
        frame.write_parquet(buffer)
        return buffer.getvalue()
    # CSV has no nested values: the footnotes become a JSON list in one cell.
    flat = frame.with_columns(
        pl.Series(
            "footnotes",
            [json.dumps(r["footnotes"], ensure_ascii=False) for r in clause_records(documents)],
            dtype=pl.Utf8,
        )
    )
    return flat.write_csv()


def lineage_output(
    rows: Iterable[LineageRow], *, format: ReportFormat, pretty: bool = False
) -> str:
    """Rows of the status table (`wtdc lineage`)."""
    rows = list(rows)
    if format == "json":
        records = [asdict(r) | {"history": list(r.history)} for r in rows]
        return dump_json(records, pretty=pretty)
    return text_table(
        ("KIND", "NO.", "STATUS", "BAKU", "PRIOR EDITION", "TEXT", "TITLE"),
        [
            (r.kind, r.number, r.status, r.baku or "–", r.prior_edition or "–",
             "yes" if r.text_in_corpus else "no", _short(r.title, 60))
            for r in rows
        ],
    )


def check_output(check: CorpusCheck, *, format: ReportFormat, pretty: bool = False) -> str:
    """The status table against the texts (`wtdc corpus check`)."""
    if format == "json":
        return dump_json(
            {"missing_text": list(check.missing_text), "unlisted_text": list(check.unlisted_text)},
            pretty=pretty,
        )
    missing = ", ".join(check.missing_text) or "none"
    unlisted = ", ".join(check.unlisted_text) or "none"
    return (
        f"in force in the status table, no text in the corpus: {missing}\n"
        f"text in the corpus, no row in the status table: {unlisted}\n"
    )


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
