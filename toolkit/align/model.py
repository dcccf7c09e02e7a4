"""Records of an alignment: which clause of the old text became which clause of the new."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from toolkit.parse.model import Clause, Document

PairStatus = Literal["unchanged", "edited", "moved", "inserted", "deleted", "split", "merged"]
# Edits a policy reader may want to hide: only references refreshed, only relabelled, only
# punctuation/typography touched.
ChangeKind = Literal["references", "labels", "typography"]


@dataclass(frozen=True)
class ClauseRef:
    """A clause together with where it stands in its document."""

    doc_id: str
    section: str | None  # section heading as printed
    section_index: int  # 0-based index of the section in its document
    clause: Clause

    @property
    def id(self) -> str:
        """Stable within one parse: "res-37/3/2" is clause 2 of section 3 of res-37."""
        return f"{self.doc_id}/{self.section_index}/{self.clause.ordinal}"


@dataclass(frozen=True)
class ClausePair:
    """One link of an alignment; `old` is None for an insertion, `new` None for a deletion."""

    old: ClauseRef | None
    new: ClauseRef | None
    status: PairStatus
    similarity: float  # in [0, 1]; 1.0 for identical normalised text
    relabelled: bool = False  # label changed ("i)" → "1)"), whatever else changed
    ambiguous: bool = False  # the runner-up candidate was nearly as good as this link
    change_kinds: tuple[ChangeKind, ...] = field(default=())


@dataclass(frozen=True)
class Alignment:
    """All clauses of both documents, each in at least one pair, in reading order of `new`."""

    old_doc: Document | None
    new_doc: Document | None
    pairs: tuple[ClausePair, ...]
    reason: str = ""  # why these two documents were paired ("lineage: Rev. Kigali, 2022", …)
