"""Patches: applying the patch of (old, new) to old gives new, on any Unicode and the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.diff.patch import PatchError, apply_patch, make_patch

_pieces = st.sampled_from(
    ["line\n", "\n", "older people", "persons", " ", "%", "@@ -1 +1 @@", "é", "e\u0301",
     "𝔸", "😀", "\r\n", "abcdefghijklmnopqrstuvwxyz0123456789", ",", "+", "-"]
)
_text = st.one_of(st.text(), st.lists(_pieces, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(_text, _text)
def test_patch_applies(old: str, new: str) -> None:
    assert apply_patch(old, make_patch(old, new)) == new


def test_patch_rebuilds_edited_report(final_report_path: Path) -> None:
    old = final_report_path.read_text(encoding="utf-8")
    new = old.replace("a pivotal moment", "a decisive moment", 1)
    lines = new.split("\n")
    del lines[2000]
    lines.insert(5000, "\tA new paragraph.")
    new = "\n".join(lines)
    patch = make_patch(old, new)
    assert apply_patch(old, patch) == new
    assert patch.count("@@ -") == 3


def test_identical_texts_make_an_empty_patch() -> None:
    assert make_patch("same\n", "same\n") == ""
    assert apply_patch("same\n", "") == "same\n"


def test_patch_on_wrong_text_fails_clearly() -> None:
    patch = make_patch("older people live here\n", "older persons live here\n")
    with pytest.raises(PatchError, match=r"^p.patch: 1 of 1 hunks do not apply to the old text; "
                       "check that OLD is the text the patch was made from$"):
        apply_patch("something else entirely\n", patch, name="p.patch")


def test_not_a_patch() -> None:
    with pytest.raises(PatchError) as caught:
        apply_patch("text", "hello\n")
    assert str(caught.value) == (
        "the patch: is not diff-match-patch patch text (its hunks start with '@@ -'); "
        "make one with: wtdc diff OLD NEW --format patch"
    )


def test_dense_hunks_whose_context_reaches_into_the_previous_hunk() -> None:
    old = "ab" * 50
    new = "".join(c + "X" if i % 5 == 0 else c for i, c in enumerate(old))
    assert apply_patch(old, make_patch(old, new)) == new
