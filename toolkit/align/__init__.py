"""align stage: editions → document pairs → clause pairs."""

from toolkit.align.clauses import align_clauses
from toolkit.align.kinds import change_kinds, is_hidden, proposal_mark
from toolkit.align.model import Alignment, ClausePair, ClauseRef

__all__ = [
    "Alignment",
    "ClausePair",
    "ClauseRef",
    "align_clauses",
    "change_kinds",
    "is_hidden",
    "proposal_mark",
]
