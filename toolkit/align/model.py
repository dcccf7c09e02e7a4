"""Records of an alignment: which clause of the old text became which clause of the new."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from toolkit.display import html_table
from toolkit.parse.model import Clause, Document

if TYPE_CHECKING:
    import polars as pl

    from toolkit.align.kinds import ChangeCount

PairStatus = Literal["unchanged", "edited", "moved", "inserted", "deleted", "split", "merged"]
# Edits a policy reader may set aside (`--ignore`, after git's `-w` family): references
# refreshed, a new label, punctuation/typography, letter case, spacing.
ChangeKind = Literal["references", "labels", "typography", "case", "whitespace"]


def clause_id(doc_id: str, section_index: int, ordinal: int) -> str:
    """The id of clause `ordinal` of section `section_index` (`ClauseRef.id`)."""
    return f"{doc_id}/{section_index}/{ordinal}"


@dataclass(frozen=True, slots=True)  # slots: a 50 MB diff holds a million of them
class ClauseRef:
    """A clause together with where it stands in its document."""

    doc_id: str
    section: str | None  # section heading as printed
    section_index: int  # 0-based index of the section in its document
    clause: Clause

    @property
    def id(self) -> str:
        """Stable within one parse: "res-37/3/2" is clause 2 of section 3 of res-37."""
        return clause_id(self.doc_id, self.section_index, self.clause.ordinal)


@dataclass(frozen=True, slots=True)  # slots: a 50 MB diff holds a million of them
class ClausePair:
    """One link of an alignment; `old` is None for an insertion, `new` None for a deletion."""

    old: ClauseRef | None
    new: ClauseRef | None
    status: PairStatus
    similarity: float  # in [0, 1]; 1.0 for identical normalised text
    relabelled: bool = False  # label changed ("i)" → "1)"), whatever else changed
    ambiguous: bool = False  # the runner-up candidate was nearly as good as this link
    change_kinds: tuple[ChangeKind, ...] = field(default=())

    def frame(self) -> pl.DataFrame:
        """This pair as one row (columns: `PAIR_COLUMNS`)."""
        return pairs_frame([self])

    def _repr_html_(self) -> str:
        return pairs_html([self], caption=f"one {self.status} pair")


@dataclass(frozen=True)
class Alignment:
    """All clauses of both documents, each in at least one pair, in reading order of `new`."""

    old_doc: Document | None
    new_doc: Document | None
    pairs: tuple[ClausePair, ...]
    reason: str = ""  # why these two documents were paired ("lineage: Rev. Kigali, 2022", …)

    def frame(self) -> pl.DataFrame:
        """One row per pair (columns: `PAIR_COLUMNS`)."""
        return pairs_frame(self.pairs, alignment=self)

    def changes(self, *, ignore: Collection[ChangeKind] = ()) -> ChangeCount:
        """Pairs changed and pairs only relabelled, counted as the CLI and the report do."""
        from toolkit.align.kinds import ChangeCount

        return ChangeCount.of(self.pairs, ignore=ignore)

    def _repr_html_(self) -> str:
        old = self.old_doc.id if self.old_doc else "(none)"
        new = self.new_doc.id if self.new_doc else "(none)"
        return pairs_html(self.pairs, caption=f"{old} → {new}: {self.reason}")


@dataclass(frozen=True)
class Alignments(Sequence[Alignment]):
    """The alignments of two sources, one per document pair; `editions` when both sides were
    whole editions, paired through the new edition's lineage tables."""

    alignments: tuple[Alignment, ...]
    editions: bool = False

    def __len__(self) -> int:
        return len(self.alignments)

    def __getitem__(self, index: int) -> Alignment:  # type: ignore[override]
        return self.alignments[index]

    def __iter__(self) -> Iterator[Alignment]:
        return iter(self.alignments)

    def changes(self, *, ignore: Collection[ChangeKind] = ()) -> ChangeCount:
        """Pairs changed and pairs only relabelled over every document pair, counted as the
        CLI and the report do."""
        from toolkit.align.kinds import ChangeCount

        return ChangeCount.of((p for a in self.alignments for p in a.pairs), ignore=ignore)

    def frame(self) -> pl.DataFrame:
        """One row per pair of every document pair (columns: `PAIR_COLUMNS`)."""
        import polars as pl  # loads only when a frame is asked for

        return pl.concat([pairs_frame(a.pairs, alignment=a) for a in self.alignments])

    def _repr_html_(self) -> str:
        rows = (
            (a.old_doc.id if a.old_doc else "", a.new_doc.id if a.new_doc else "",
             len(a.pairs), a.changes().changed, a.reason)
            for a in self.alignments
        )
        return html_table(
            "document pairs", ("old", "new", "pairs", "changed", "why paired"), rows,
            total=len(self.alignments),
        )


PAIR_COLUMNS = (
    "old_doc", "new_doc", "status", "similarity", "relabelled", "ambiguous", "change_kinds",
    "old_id", "new_id", "old_label", "new_label", "old_text", "new_text",
)


def pairs_frame(
    pairs: Sequence[ClausePair], *, alignment: Alignment | None = None
) -> pl.DataFrame:
    """One row per pair; `alignment` names the documents."""
    import polars as pl  # loads only when a frame is asked for

    old_doc = alignment.old_doc.id if alignment and alignment.old_doc else None
    new_doc = alignment.new_doc.id if alignment and alignment.new_doc else None
    rows = [
        {
            "old_doc": old_doc, "new_doc": new_doc, "status": p.status,
            "similarity": float(p.similarity), "relabelled": p.relabelled,
            "ambiguous": p.ambiguous, "change_kinds": list(p.change_kinds),
            "old_id": p.old.id if p.old else None, "new_id": p.new.id if p.new else None,
            "old_label": p.old.clause.label if p.old else None,
            "new_label": p.new.clause.label if p.new else None,
            "old_text": p.old.clause.text if p.old else None,
            "new_text": p.new.clause.text if p.new else None,
        }
        for p in pairs
    ]
    schema: dict[str, pl.DataType | type[pl.DataType]] = {
        "old_doc": pl.String, "new_doc": pl.String, "status": pl.String,
        "similarity": pl.Float64, "relabelled": pl.Boolean, "ambiguous": pl.Boolean,
        "change_kinds": pl.List(pl.String), "old_id": pl.String, "new_id": pl.String,
        "old_label": pl.String, "new_label": pl.String, "old_text": pl.String,
        "new_text": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def pairs_html(pairs: Sequence[ClausePair], *, caption: str) -> str:
    """The first pairs as a bounded HTML table, for Jupyter."""
    rows = (
        (p.status, f"{p.similarity:.2f}", p.old.clause.label if p.old else "—",
         p.new.clause.label if p.new else "—", ref.clause.text if ref else "")
        for p in pairs
        for ref in (p.new or p.old,)
    )
    return html_table(caption, ("status", "sim", "old", "new", "text"), rows, total=len(pairs))
