"""align stage: editions → document pairs → clause pairs."""

from toolkit.align.clauses import align_clauses
from toolkit.align.documents import align_documents, align_editions, one_sided
from toolkit.align.history import clause_history, corpus_history
from toolkit.align.kinds import (
    ChangeCount,
    change_kinds,
    changed,
    is_changed,
    is_hidden,
    parse_ignore,
    proposal_mark,
)
from toolkit.align.model import Alignment, Alignments, ClausePair, ClauseRef

__all__ = [
    "Alignment",
    "Alignments",
    "ChangeCount",
    "ClausePair",
    "ClauseRef",
    "align_clauses",
    "align_documents",
    "align_editions",
    "change_kinds",
    "changed",
    "clause_history",
    "corpus_history",
    "is_changed",
    "is_hidden",
    "one_sided",
    "parse_ignore",
    "proposal_mark",
]
