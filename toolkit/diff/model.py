"""Records of a diff: documents → aligned clause pairs → word operations, and their totals.

JSON (`TextDiff.to_json`, schema in diff.schema.json), the polars frame and the HTML view
are all generated from these records.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from typing import TYPE_CHECKING, Any, Literal

from toolkit.align.kinds import CHANGE_KINDS, ChangeCount, is_changed
from toolkit.align.model import Alignment, ChangeKind, ClausePair, ClauseRef, PairStatus
from toolkit.diff.words import DELETE, INSERT, Granularity, Ops, count_words
from toolkit.display import html_table

if TYPE_CHECKING:
    import polars as pl

SCHEMA_ID = "https://wtdc-toolkit.example/diff.schema.json"
SCHEMA_VERSION = 1
STATUSES: tuple[PairStatus, ...] = (
    "unchanged", "edited", "moved", "inserted", "deleted", "split", "merged",
)


@dataclass(frozen=True)
class DiffOptions:
    """How a diff compares: by word or by character, and which kinds of change it sets aside."""

    granularity: Granularity = "word"
    # Kinds of change set aside (`--ignore`): see toolkit.align.kinds.
    ignore: frozenset[ChangeKind] = frozenset()

    @property
    def ignore_case(self) -> bool:
        """Whether a change of case alone is set aside (`--ignore case`)."""
        return "case" in self.ignore

    @property
    def ignore_whitespace(self) -> bool:
        """Whether a change of spacing alone is set aside (`--ignore whitespace`)."""
        return "whitespace" in self.ignore

    @property
    def ignore_labels(self) -> bool:
        """Whether a new label alone is set aside (`--ignore labels`)."""
        return "labels" in self.ignore


@dataclass(frozen=True, slots=True)  # slots: one per clause pair, 200 000 in a 50 MB diff
class ClauseDiff:
    """One aligned pair and the word operations from its old text to its new text."""

    pair: ClausePair
    ops: Ops
    words_added: int = 0
    words_removed: int = 0
    # A split or merge is diffed once, as a whole: its first pair carries the operations
    # from the old pieces (joined by a space) to the new pieces, and the words; the others
    # (`follower`) carry none. `group` lists all the group's pairs on each of them.
    group: tuple[ClausePair, ...] = ()
    ignore: frozenset[ChangeKind] = frozenset()  # the diff's `DiffOptions.ignore`
    # `changed()`, decided on first use: the counts, the status and every renderer ask it
    # of each of a 50 MB diff's 200 000 pairs.
    _changed: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def follower(self) -> bool:
        """A later piece of a split or merge, shown within its group's first pair."""
        return bool(self.group) and self.group[0] is not self.pair

    @property
    def relabelled(self) -> bool:
        """The label changed, and labels are not ignored."""
        return self.pair.relabelled and "labels" not in self.ignore

    @property
    def status(self) -> PairStatus:
        """The aligner's status, except that an edit of ignored kinds only is unchanged."""
        if self.pair.status == "edited" and not self.changed():
            return "unchanged"
        return self.pair.status

    def changed(self) -> bool:
        """Changed by the one definition (toolkit.align.kinds.is_changed): a new label alone
        is not a change."""
        if self._changed is None:
            object.__setattr__(self, "_changed", is_changed(self.pair, ignore=self.ignore))
        return bool(self._changed)

    @property
    def where(self) -> str:
        """Where the clause stands: "res-37 › resolves › 2" (the new side when it has one)."""
        ref = self.pair.new or self.pair.old
        assert ref is not None
        return f"{ref.doc_id} › {_place(ref)}"

    def describe(self) -> str:
        """The status as a reader needs it: "edited, relabelled i) → 1), moved from …"."""
        parts: list[str] = [self.status]
        old, new = self.pair.old, self.pair.new
        if self.relabelled and old is not None and new is not None:
            was, now = old.clause.label or "(none)", new.clause.label or "(none)"
            parts.append(f"relabelled {was} → {now}")
        if self.status == "moved" and old is not None:
            parts.append(f"from {_place(old)}")
        if self.group:
            pieces = _pieces(self.group, "new" if self.status == "split" else "old")
            parts.append(f"{'into' if self.status == 'split' else 'from'} {pieces}")
        if self.status in ("edited", "moved", "split", "merged"):
            parts.append(f"similarity {self.pair.similarity:.2f}")
        return ", ".join(parts)


@dataclass(frozen=True)
class DocumentDiff:
    """One document pair (or a document only one side has) and the diffs of its clause pairs."""

    alignment: Alignment
    clauses: tuple[ClauseDiff, ...]

    @property
    def old_id(self) -> str | None:
        """The old document's id; None for a document only in NEW."""
        return self.alignment.old_doc.id if self.alignment.old_doc else None

    @property
    def new_id(self) -> str | None:
        """The new document's id; None for a document only in OLD."""
        return self.alignment.new_doc.id if self.alignment.new_doc else None

    @property
    def name(self) -> str:
        """"res-37", "ri-asp1 → ri-asp2", or "res-90 (old only)"."""
        if self.old_id is None:
            return f"{self.new_id} (new only)"
        if self.new_id is None:
            return f"{self.old_id} (old only)"
        return self.new_id if self.old_id == self.new_id else f"{self.old_id} → {self.new_id}"

    def changed(self) -> bool:
        """Whether the document is only on one side or one of its clause pairs changed."""
        return None in (self.old_id, self.new_id) or any(c.changed() for c in self.clauses)

    def stat(self) -> DiffStat:
        """The counts of this document's clause pairs (`DiffStat`)."""
        return self._stat

    @cached_property
    def _stat(self) -> DiffStat:
        # Counted once: the JSON, the summary line and the exit status all ask, and a 50 MB
        # diff has 200 000 pairs to count.
        return DiffStat.of(self.clauses)


@dataclass(frozen=True)
class DiffStat:
    """Clause counts by status, relabelled clauses, the pairs changed (toolkit.align.kinds
    `ChangeCount`), and words added and removed."""

    clauses: dict[PairStatus, int]
    relabelled: int
    words_added: int
    words_removed: int
    changes: ChangeCount

    @classmethod
    def of(cls, clauses: Sequence[ClauseDiff]) -> DiffStat:
        """Totals of `clauses`; with labels ignored, relabelling is not counted either."""
        ignore = clauses[0].ignore if clauses else frozenset()
        return cls(
            clauses=dict(Counter(c.status for c in clauses)),
            relabelled=sum(c.relabelled and not c.follower for c in clauses),
            words_added=sum(c.words_added for c in clauses),
            words_removed=sum(c.words_removed for c in clauses),
            changes=ChangeCount.counted(
                ((c.changed(), c.pair.relabelled) for c in clauses), ignore=ignore
            ),
        )

    def as_dict(self) -> dict[str, int]:
        """The counts as the JSON's `stat` object writes them."""
        return {
            "pairs": self.changes.pairs,
            "changed": self.changes.changed,
            "relabelled_only": self.changes.relabelled_only,
            **{s: self.clauses.get(s, 0) for s in STATUSES},
            "relabelled": self.relabelled,
            "words_added": self.words_added,
            "words_removed": self.words_removed,
        }

    def summary(self) -> str:
        """One line, as `wtdc diff --stat` prints it."""
        counts = ", ".join(f"{self.clauses.get(s, 0)} {s}" for s in STATUSES)
        return (
            f"{self.changes.summary()}; clauses: {counts}; {self.relabelled} relabelled; "
            f"words: +{self.words_added} -{self.words_removed}"
        )


@dataclass(frozen=True)
class TextDiff:
    """The diff of two texts: one DocumentDiff per pair of documents."""

    old_name: str
    new_name: str
    documents: tuple[DocumentDiff, ...]
    options: DiffOptions = field(default_factory=DiffOptions)

    @property
    def clauses(self) -> tuple[ClauseDiff, ...]:
        """Every clause diff of every document, in order."""
        return tuple(c for d in self.documents for c in d.clauses)

    @property
    def identical(self) -> bool:
        """No clause changed (under the ignore options) and every document has its partner."""
        return not any(d.changed() for d in self.documents)

    def stat(self) -> DiffStat:
        """The counts `wtdc diff --stat` prints: clauses by status, pairs changed, words."""
        return self._stat

    @cached_property
    def _stat(self) -> DiffStat:
        # Counted once (see DocumentDiff._stat); one document's totals are the text's.
        if len(self.documents) == 1:
            return self.documents[0].stat()
        return DiffStat.of(self.clauses)

    def frame(self) -> pl.DataFrame:
        """One row per clause pair."""
        import polars as pl  # loads only when a frame is asked for

        rows = [
            {
                "old_doc": d.old_id,
                "new_doc": d.new_id,
                "status": c.status,
                "relabelled": c.relabelled,
                "similarity": float(c.pair.similarity),
                "old_section": _side(c.pair.old, "section"),
                "new_section": _side(c.pair.new, "section"),
                "old_label": _side(c.pair.old, "label"),
                "new_label": _side(c.pair.new, "label"),
                "old_text": c.pair.old.clause.text if c.pair.old else None,
                "new_text": c.pair.new.clause.text if c.pair.new else None,
                "words_added": c.words_added,
                "words_removed": c.words_removed,
            }
            for d in self.documents
            for c in d.clauses
        ]
        schema = {
            "old_doc": pl.String, "new_doc": pl.String, "status": pl.String,
            "relabelled": pl.Boolean, "similarity": pl.Float64,
            "old_section": pl.String, "new_section": pl.String,
            "old_label": pl.String, "new_label": pl.String,
            "old_text": pl.String, "new_text": pl.String,
            "words_added": pl.Int64, "words_removed": pl.Int64,
        }
        return pl.DataFrame(rows, schema=schema)

    def to_dict(self, *, warnings: Sequence[str] = ()) -> dict[str, Any]:
        """The JSON document described by toolkit/diff/diff.schema.json; `warnings`: what
        reading and parsing the two sides assumed."""
        return {
            "$schema": SCHEMA_ID,
            "version": SCHEMA_VERSION,
            "old": self.old_name,
            "new": self.new_name,
            "options": {
                "granularity": self.options.granularity,
                "ignore_case": self.options.ignore_case,
                "ignore_whitespace": self.options.ignore_whitespace,
                "ignore_labels": self.options.ignore_labels,
                "ignore": [k for k in CHANGE_KINDS if k in self.options.ignore],
            },
            "identical": self.identical,
            "warnings": list(warnings),
            "totals": self.stat().as_dict(),
            "documents": [
                {
                    "old_id": d.old_id,
                    "new_id": d.new_id,
                    "old_heading": d.alignment.old_doc.heading if d.alignment.old_doc else None,
                    "new_heading": d.alignment.new_doc.heading if d.alignment.new_doc else None,
                    "reason": d.alignment.reason,
                    "totals": d.stat().as_dict(),
                    "pairs": [_pair_dict(c) for c in d.clauses],
                }
                for d in self.documents
            ],
        }

    def to_json(self, *, pretty: bool = False, warnings: Sequence[str] = ()) -> str:
        """The JSON of `to_dict`; compact unless `pretty` (indenting turns off the C encoder:
        a third more time and half again the memory on the whole report)."""
        indent = 2 if pretty else None
        separators = None if pretty else (",", ":")
        return json.dumps(self.to_dict(warnings=warnings), ensure_ascii=False, indent=indent,
                          separators=separators) + "\n"

    def _repr_html_(self) -> str:
        """The changed clauses (the first `toolkit.display.ROWS`), words struck and inserted;
        `toolkit.render.diff_html.render_diff_page` draws the whole diff."""
        changed = [(c, d) for d in self.documents for c in d.clauses
                   if c.changed() and not c.follower]
        rows = (
            (escape(c.where), escape(c.describe()), ops_html(c.ops))
            for c, _ in changed
        )
        caption = f"{self.old_name} → {self.new_name}: {self.stat().summary()}"
        return html_table(caption, ("where", "change", "words"), rows, total=len(changed),
                          raw=True)


def _pieces(group: tuple[ClausePair, ...], side: Literal["old", "new"]) -> str:
    refs = {r.id: r for p in group if (r := p.old if side == "old" else p.new) is not None}
    return " + ".join(r.clause.label or f"¶{r.clause.ordinal}" for r in refs.values())


def _place(ref: ClauseRef) -> str:
    label = ref.clause.label or f"¶{ref.clause.ordinal}"
    return f"{ref.section} › {label}" if ref.section else label


def _side(ref: ClauseRef | None, what: Literal["section", "label"]) -> str | None:
    if ref is None:
        return None
    return ref.section if what == "section" else ref.clause.label


def _ref_dict(ref: ClauseRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "id": ref.id,
        "doc_id": ref.doc_id,
        "section": ref.section,
        "section_index": ref.section_index,
        "label": ref.clause.label,
        "ordinal": ref.clause.ordinal,
        "lines": list(ref.clause.span),
        "text": ref.clause.text,
    }


def _pair_ids(pair: ClausePair) -> list[str | None]:
    return [pair.old.id if pair.old else None, pair.new.id if pair.new else None]


def _pair_dict(c: ClauseDiff) -> dict[str, Any]:
    return {
        "status": c.status,
        "aligner_status": c.pair.status,
        "similarity": float(c.pair.similarity),
        "relabelled": c.relabelled,
        "ambiguous": bool(c.pair.ambiguous),
        "change_kinds": list(c.pair.change_kinds),
        "old": _ref_dict(c.pair.old),
        "new": _ref_dict(c.pair.new),
        "ops": [[op, text] for op, text in c.ops],
        "group": [_pair_ids(p) for p in c.group],
        "follower": c.follower,
        "words_added": c.words_added,
        "words_removed": c.words_removed,
    }


def ops_html(ops: Ops, *, context: int = 40) -> str:
    """Word operations as escaped HTML: deletions in <del>, insertions in <ins>, and only
    `context` characters of unchanged text on each side of a change (a notebook row stays
    short however long the clause)."""
    tags = {DELETE: "del", INSERT: "ins"}
    pieces = []
    for op, text in ops:
        if op in tags:
            pieces.append(f"<{tags[op]}>{escape(text)}</{tags[op]}>")
        elif len(text) > 2 * context + 5:
            pieces.append(f"{escape(text[:context])} … {escape(text[-context:])}")
        else:
            pieces.append(escape(text))
    return "".join(pieces)


def words_changed(ops: Ops) -> tuple[int, int]:
    """(words added, words removed) by a list of operations."""
    added = sum(count_words(t) for op, t in ops if op == INSERT)
    removed = sum(count_words(t) for op, t in ops if op == DELETE)
    return added, removed
