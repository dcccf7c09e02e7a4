"""diff stage: aligned clause pairs → word operations; whole texts → patches."""

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
