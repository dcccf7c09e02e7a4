"""word_ops runs diff-match-patch's C++ port: its operations are the Python library's, also
when a text has more distinct tokens than the first private-use area holds (placeholders
then come from the supplementary planes, two UTF-16 units each in some builds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_match_patch import diff_match_patch

from toolkit.diff.words import EQUAL, new_text, old_text, tokens, word_ops

REPORT = Path(__file__).parents[2] / "corpora" / "wtdc-25-final-report.txt"


def _reference(old: str, new: str) -> list[tuple[int, str]]:
    """The operations of the pure-Python library over the same placeholders, expanded."""
    old_tokens, new_tokens = tokens(old), tokens(new)
    codes: dict[str, str] = {}
    fresh = iter(map(chr, [*range(0xE000, 0xF900), *range(0xF0000, 0x10FFFE)]))
    for token in [*old_tokens, *new_tokens]:
        if token not in codes:
            codes[token] = next(fresh)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main("".join(codes[t] for t in old_tokens),
                          "".join(codes[t] for t in new_tokens), False)
    dmp.diff_cleanupSemantic(diffs)
    ops: list[tuple[int, str]] = []
    i_old = i_new = 0
    for op, run in diffs:
        if op == -1:
            ops.append((op, "".join(old_tokens[i_old : i_old + len(run)])))
            i_old += len(run)
        else:
            ops.append((op, "".join(new_tokens[i_new : i_new + len(run)])))
            i_new += len(run)
            i_old += len(run) if op == EQUAL else 0
    return ops


@pytest.fixture(scope="module")
def report_pair() -> tuple[str, str]:
    """The report, and a SIMULATED revision of it: every 400th line dropped and every 250th
    "the" made "a" (programmatic edits, not an edition)."""
    old = REPORT.read_text(encoding="utf-8")
    lines = [line for k, line in enumerate(old.split("\n")) if k % 400 != 399]
    words = "\n".join(lines).split(" ")
    new = " ".join("a" if w == "the" and k % 250 == 0 else w for k, w in enumerate(words))
    return old, new


def test_port_gives_the_python_librarys_operations(report_pair: tuple[str, str]) -> None:
    old, new = report_pair
    assert len(set(tokens(old)) | set(tokens(new))) > 0xF900 - 0xE000  # astral placeholders
    ops = word_ops(old, new)
    assert list(ops) == _reference(old, new)
    assert (old_text(ops), new_text(ops)) == (old, new)
