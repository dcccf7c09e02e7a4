"""parse stage: a WTDC text → documents → sections → clauses, and the report's lineage tables."""

from toolkit.parse.frame import CLAUSE_COLUMNS, clause_records, clauses_frame
from toolkit.parse.model import Clause, Document, Footnote, Section
from toolkit.parse.parser import ParsedText, parse_source

__all__ = [
    "CLAUSE_COLUMNS",
    "Clause",
    "Document",
    "Footnote",
    "ParsedText",
    "Section",
    "clause_records",
    "clauses_frame",
    "parse_source",
]
