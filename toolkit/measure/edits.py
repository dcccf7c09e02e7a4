"""Edit-aware theme shifts: where a theme's change between two editions sits.

A reader asks "did Baku add AI clauses, or reword existing ones?". Given the alignments of
two editions, each theme match is placed in one of: text kept in an aligned clause, words
inserted or deleted inside an edited clause, whole clauses inserted or deleted, and whole
documents new in NEW or gone from OLD. The parts add up to the two sides' counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from toolkit.measure.counts import theme_rows
from toolkit.measure.lexicon import Lexicon, Theme, load_lexicon
from toolkit.measure.text import normalize

if TYPE_CHECKING:
    from toolkit.align.model import Alignment

PARTS = (
    "kept_old", "kept_new", "deleted_in_edited", "inserted_in_edited", "deleted_clauses",
    "inserted_clauses", "dropped_documents", "new_documents",
)


def _changed_mask(ops: Iterable[tuple[int, str]], side: int) -> np.ndarray:
    """Per character of one side's text: True where the diff changed it (side -1 old, 1 new)."""
    flags: list[bool] = []
    for op, text in ops:
        if op == 0:
            flags.extend([False] * len(text))
        elif op == side:
            flags.extend([True] * len(text))
    return np.array(flags, dtype=bool)


def _split(theme: Theme, text: str, mask: np.ndarray) -> tuple[int, int]:
    """(kept, changed) matches: a match touched by the diff anywhere counts as changed."""
    kept = changed = 0
    for a, b in theme.spans(text):
        if mask[a:b].any():
            changed += 1
        else:
            kept += 1
    return kept, changed


@dataclass
class _Side:
    """One clause of one side, with every clause the alignment links it to."""

    text: str
    partners: list[str] = field(default_factory=list)
    whole_document: bool = False  # its document has no partner at all


def _sides(alignments: Iterable[Alignment]) -> tuple[dict[str, _Side], dict[str, _Side]]:
    """Old and new clauses, each once: a split or merge lists one clause in several pairs."""
    old: dict[str, _Side] = {}
    new: dict[str, _Side] = {}
    for alignment in alignments:
        for pair in alignment.pairs:
            if pair.old is not None:
                side = old.setdefault(pair.old.id, _Side(
                    normalize(pair.old.clause.text), whole_document=alignment.new_doc is None))
                if pair.new is not None:
                    side.partners.append(normalize(pair.new.clause.text))
            if pair.new is not None:
                side = new.setdefault(pair.new.id, _Side(
                    normalize(pair.new.clause.text), whole_document=alignment.old_doc is None))
                if pair.old is not None:
                    side.partners.append(normalize(pair.old.clause.text))
    return old, new


def _ops(side: _Side, op_side: int) -> tuple[tuple[int, str], ...]:
    """The word diff of a clause against its partners' joined text, old side first."""
    from toolkit.diff import word_ops  # `wtdc terms` without an old edition never needs it

    other = " ".join(side.partners)
    return word_ops(other, side.text) if op_side == 1 else word_ops(side.text, other)


def edit_shifts(alignments: Iterable[Alignment], lexicon: Lexicon | None = None) -> pl.DataFrame:
    """One row per theme: old_count, new_count and the parts they split into (see PARTS).

    old_count = kept_old + deleted_in_edited + deleted_clauses + dropped_documents, and
    new_count = kept_new + inserted_in_edited + inserted_clauses + new_documents. A clause
    linked to several (a split or merge) is diffed against their joined text.
    """
    lex = lexicon or load_lexicon()
    parts = {p: np.zeros(len(lex.themes), dtype=np.int64) for p in PARTS}
    old, new = _sides(alignments)
    for sides, op_side, names in (
        (old, -1, ("kept_old", "deleted_in_edited", "deleted_clauses", "dropped_documents")),
        (new, 1, ("kept_new", "inserted_in_edited", "inserted_clauses", "new_documents")),
    ):
        kept, changed, alone, whole = names
        clauses = list(sides.values())
        masks: dict[int, np.ndarray] = {}  # a clause's diff, made once it holds a match
        # Each theme runs only on the clauses that hold its literals (as `term_counts`).
        rows = theme_rows([side.text for side in clauses], lex)
        for j, (theme, found) in enumerate(zip(lex.themes, rows, strict=True)):
            for i in found:
                side = clauses[i]
                if side.partners:
                    if i not in masks:
                        masks[i] = _changed_mask(_ops(side, op_side), op_side)
                    k, c = _split(theme, side.text, masks[i])
                    parts[kept][j] += k
                    parts[changed][j] += c
                else:
                    where = whole if side.whole_document else alone
                    parts[where][j] += len(theme.spans(side.text))
    old_count = (parts["kept_old"] + parts["deleted_in_edited"] + parts["deleted_clauses"]
                 + parts["dropped_documents"])
    new_count = (parts["kept_new"] + parts["inserted_in_edited"] + parts["inserted_clauses"]
                 + parts["new_documents"])
    return pl.DataFrame({
        "theme": list(lex.ids),
        "label": [t.label for t in lex.themes],
        "old_count": old_count,
        "new_count": new_count,
        **parts,
    })
