"""parse stage: a WTDC text → documents → sections → clauses, and the report's lineage tables."""

from toolkit.parse.frame import CLAUSE_COLUMNS, clause_records, clauses_frame
from toolkit.parse.lineage import (
    AbrogatedText,
    CorpusCheck,
    Lineage,
    LineageRow,
    QuestionLineage,
    check_corpus,
    parse_lineage,
)
from toolkit.parse.model import Clause, Document, Footnote, Section
from toolkit.parse.parser import ParsedText, parse_source

__all__ = [
    "CLAUSE_COLUMNS",
    "AbrogatedText",
    "Clause",
    "CorpusCheck",
    "Document",
    "Footnote",
    "Lineage",
    "LineageRow",
    "ParsedText",
    "QuestionLineage",
    "Section",
    "check_corpus",
    "clause_records",
    "clauses_frame",
    "parse_lineage",
    "parse_source",
]
