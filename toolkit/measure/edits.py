"""Edit-aware theme shifts: where a theme's change between two editions sits.

A reader asks "did Baku add AI clauses, or reword existing ones?". Given the alignments of
two editions, each theme match is placed in one of: text kept in an aligned clause, words
inserted or deleted inside an edited clause, whole clauses inserted or deleted, and whole
documents new in NEW or gone from OLD. The parts add up to the two sides' counts.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import polars as pl

from toolkit.align.model import Alignment
from toolkit.measure.lexicon import Lexicon, Theme, load_lexicon
from toolkit.measure.text import normalize

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


def edit_shifts(alignments: Iterable[Alignment], lexicon: Lexicon | None = None) -> pl.DataFrame:
    """One row per theme: old_count, new_count and the parts they split into (see PARTS).

    old_count = kept_old + deleted_in_edited + deleted_clauses + dropped_documents, and
    new_count = kept_new + inserted_in_edited + inserted_clauses + new_documents.
    """
    from toolkit.diff import word_ops

    lex = lexicon or load_lexicon()
    parts = {p: np.zeros(len(lex.themes), dtype=np.int64) for p in PARTS}
    for alignment in alignments:
        for pair in alignment.pairs:
            old = normalize(pair.old.clause.text) if pair.old else None
            new = normalize(pair.new.clause.text) if pair.new else None
            if old is not None and new is not None:
                ops = word_ops(old, new)
                old_mask, new_mask = _changed_mask(ops, -1), _changed_mask(ops, 1)
            for j, theme in enumerate(lex.themes):
                if old is not None and new is not None:
                    kept, deleted = _split(theme, old, old_mask)
                    parts["kept_old"][j] += kept
                    parts["deleted_in_edited"][j] += deleted
                    kept, inserted = _split(theme, new, new_mask)
                    parts["kept_new"][j] += kept
                    parts["inserted_in_edited"][j] += inserted
                elif old is not None:
                    where = "dropped_documents" if alignment.new_doc is None else "deleted_clauses"
                    parts[where][j] += len(theme.spans(old))
                elif new is not None:
                    where = "new_documents" if alignment.old_doc is None else "inserted_clauses"
                    parts[where][j] += len(theme.spans(new))
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
