"""diff stage: aligned clause pairs → word operations; whole texts → patches.

- `word_ops(old, new, *, granularity, ignore_case, ignore_whitespace)`: diff-match-patch
  operations over word (or character) tokens, semantically cleaned up.
- `diff_sources(old_docs, new_docs, …) -> TextDiff`: documents paired by id, clauses aligned
  by `toolkit.align.align_clauses`, each pair diffed by word; `diff_alignments` for pairs
  made elsewhere. `TextDiff` has `.stat()`, `.identical`, `.frame()`, `.to_json()` (schema:
  diff.schema.json) and renders itself in Jupyter.
- `make_patch(old, new)` / `apply_patch(old, patch)`: patch text that rebuilds a whole text.
"""

from toolkit.diff.engine import diff_alignments, diff_sources
from toolkit.diff.model import ClauseDiff, DiffOptions, DiffStat, DocumentDiff, TextDiff
from toolkit.diff.patch import PatchError, apply_patch, make_patch
from toolkit.diff.words import word_ops

__all__ = [
    "ClauseDiff",
    "DiffOptions",
    "DiffStat",
    "DocumentDiff",
    "PatchError",
    "TextDiff",
    "apply_patch",
    "diff_alignments",
    "diff_sources",
    "make_patch",
    "word_ops",
]
