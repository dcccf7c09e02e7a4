"""Patches that rebuild one full text from another (diff-match-patch's patch text format).

A whole 1.2 MB report diffed word by word takes half a minute, so the patch is computed in
two passes: a line-mode diff finds the changed hunks, then each hunk is refined word by word.
"""

from __future__ import annotations

from collections.abc import Iterator

from diff_match_patch import diff_match_patch

from toolkit.diff.words import DELETE, EQUAL, INSERT, Op, word_ops
from toolkit.errors import InputError

# A hunk larger than this stays line-level: refining it word by word would cost as much as
# the whole-document word diff this module exists to avoid.
_MAX_REFINED_HUNK = 200_000
# Unchanged text kept around each changed stretch: more than diff-match-patch's patch context
# ever grows to (Match_MaxBits = 32 characters).
_CONTEXT = 64


class PatchError(InputError):
    """A patch that cannot be read, or whose hunks do not apply to the given text."""


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic output
    return dmp


def text_ops(old: str, new: str) -> list[Op]:
    """Operations turning `old` into `new`: line-level first, changed hunks refined by word."""
    dmp = _dmp()
    old_chars, new_chars, lines = dmp.diff_linesToChars(old, new)
    diffs = dmp.diff_main(old_chars, new_chars, False)
    dmp.diff_charsToLines(diffs, lines)
    ops: list[Op] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        removed, added = "".join(deleted), "".join(inserted)
        deleted.clear()
        inserted.clear()
        if removed and added and len(removed) + len(added) <= _MAX_REFINED_HUNK:
            ops.extend(word_ops(removed, added))
            return
        if removed:
            ops.append((DELETE, removed))
        if added:
            ops.append((INSERT, added))

    for op, text in diffs:
        if op == EQUAL:
            flush()
            ops.append((EQUAL, text))
        else:
            (deleted if op == DELETE else inserted).append(text)
    flush()
    return ops


def _segments(ops: list[Op]) -> Iterator[tuple[int, list[Op]]]:
    """Cut the operations at long equalities into changed stretches with some context each,
    each with its offset in the new text."""
    segment: list[Op] = []
    start = position = 0
    for op, text in ops:
        if op == EQUAL and len(text) > 2 * _CONTEXT:
            if len(segment) > 1 or (segment and segment[0][0] != EQUAL):
                yield start, [*segment, (EQUAL, text[:_CONTEXT])]
            segment = [(EQUAL, text[-_CONTEXT:])]
            start = position + len(text) - _CONTEXT
        else:
            segment.append((op, text))
        if op != DELETE:
            position += len(text)
    if len(segment) > 1 or (segment and segment[0][0] != EQUAL):
        yield start, segment


def make_patch(old: str, new: str) -> str:
    """Patch text that `apply_patch(old, …)` turns into exactly `new`.

    diff-match-patch's own `patch_make` rebuilds the whole text once per operation
    (seconds on the report), so patches are made per changed stretch and shifted into
    place. Patch positions count in the partly patched text, i.e. in new-text offsets.
    """
    dmp = _dmp()
    patches = []
    for offset, segment in _segments(text_ops(old, new)):
        for patch in dmp.patch_make(dmp.diff_text1(segment), segment):
            patch.start1 += offset
            patch.start2 += offset
            patches.append(patch)
    return str(dmp.patch_toText(patches))


class _Patched:
    """The text being patched: `done` (written), then `pending` (written text given back
    because a later hunk's context reaches into it), then `old[cursor:]`."""

    def __init__(self, old: str) -> None:
        self.old = old
        self.done: list[str] = []
        self.done_length = 0
        self.pending = ""
        self.cursor = 0

    def _reopen(self, at: int) -> None:
        popped: list[str] = []
        while self.done_length > at:
            piece = self.done.pop()
            self.done_length -= len(piece)
            popped.append(piece)
        back = "".join(reversed(popped)) + self.pending
        keep = at - self.done_length
        self.done.append(back[:keep])
        self.done_length += keep
        self.pending = back[keep:]

    def replace(self, at: int, before: str, after: str) -> bool:
        """Replace `before` at position `at` by `after`; False if `before` is not there."""
        if at < 0:
            return False
        if at < self.done_length:
            self._reopen(at)
        skip = at - self.done_length  # unwritten characters before the hunk
        pending = self.pending
        if skip + len(before) <= len(pending):
            found = pending.startswith(before, skip)
        else:
            start = self.cursor + max(0, skip - len(pending))
            head = pending[skip:]
            found = before.startswith(head) and self.old.startswith(before[len(head) :], start)
        if not found:
            return False
        keep = pending[:skip] + self.old[self.cursor : self.cursor + max(0, skip - len(pending))]
        self.done.append(keep)
        self.done.append(after)
        self.done_length += len(keep) + len(after)
        used = skip + len(before)  # unwritten characters consumed
        self.pending = pending[used:]
        self.cursor += max(0, used - len(pending))
        return True

    def text(self) -> str:
        return "".join(self.done) + self.pending + self.old[self.cursor :]


def apply_patch(old: str, patch: str, *, name: str = "the patch") -> str:
    """Apply patch text to `old`; raises PatchError when any hunk does not apply.

    Strict: a hunk applies only where its text and context stand exactly, so a patch
    applied to the wrong text fails instead of being merged fuzzily into it. One pass over
    the text (diff-match-patch's `patch_apply` rebuilds the whole text per hunk: minutes
    on a 50 MB file).
    """
    dmp = _dmp()
    try:
        patches = dmp.patch_fromText(patch)
    except ValueError:
        raise PatchError(
            f"{name}: is not diff-match-patch patch text (its hunks start with '@@ -'); "
            "make one with: wtdc diff OLD NEW --format patch"
        ) from None
    text = _Patched(old)
    failed = delta = 0
    for hunk in patches:
        # Positions count in the partly patched text; a hunk's context may reach back into
        # what the hunk before it wrote.
        before, after = dmp.diff_text1(hunk.diffs), dmp.diff_text2(hunk.diffs)
        if not text.replace(hunk.start2 + delta, before, after):
            failed += 1
            delta -= len(after) - len(before)
    if failed:
        raise PatchError(
            f"{name}: {failed} of {len(patches)} hunks do not apply to the old text; "
            "check that OLD is the text the patch was made from"
        )
    return text.text()
