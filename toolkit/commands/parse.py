"""`wtdc parse` and `wtdc lineage`, and `wt.parse` for a text held in a string."""

from __future__ import annotations

import json
from typing import Literal

from toolkit.commands.outcome import Outcome
from toolkit.corpus.sources import Source, edition_lineage, resolve_source
from toolkit.ingest import read_bytes
from toolkit.ingest.layout import summary_line
from toolkit.ingest.word import DocxView
from toolkit.parse import parse_source
from toolkit.render.records import ClauseFormat, clauses_output, lineage_output


def parse(text: str, *, name: str = "<text>") -> Source:
    """Parse a text held in a string (pasted into a notebook, say) as a file would be.

    `wt.read(path_or_edition)` does the same for a file, "-" or an edition.
    """
    source = read_bytes(text.encode("utf-8"), name=name, format="text")
    parsed = parse_source(source)
    return Source(name, "memory", parsed.documents, (*source.warnings, *parsed.warnings),
                  _text=lambda: text, parse_warnings=parsed.warnings)


def run_parse(
    source: str,
    *,
    doc: str | None = None,
    format: ClauseFormat = "table",
    pretty: bool = False,
    strict: bool = False,
    docx_view: DocxView = "accepted",
) -> Outcome:
    """One record per clause of SOURCE (or of its document `doc`); for a file a layout reader
    cleaned, one line on what it cleaned (JSON beside JSON output)."""
    resolved = resolve_source(source, doc=doc, strict=strict, docx_view=docx_view)
    output = clauses_output(resolved.documents, format=format, pretty=pretty)
    summary = resolved.summary
    message = None if summary is None else "wtdc: " + (
        json.dumps(summary) if format == "json" else summary_line(summary)
    )
    return Outcome(output, warnings=resolved.warnings, message=message, message_to_stderr=True)


def run_lineage(
    *, format: Literal["table", "json"] = "table", in_force: bool = False, pretty: bool = False
) -> Outcome:
    """Every row of the Baku status table, or only the texts in force after Baku."""
    lineage = edition_lineage()
    rows = lineage.in_force if in_force else lineage.rows
    return Outcome(lineage_output(rows, format=format, pretty=pretty))
