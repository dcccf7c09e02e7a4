"""word_ops: exact operations on real clause text, and round trips on arbitrary Unicode."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.diff.words import new_text, old_text, tokens, word_ops

# Arbitrary Unicode, weighted towards what breaks diffs: astral characters, combining marks,
# whitespace runs, punctuation and repeated words.
_pieces = st.sampled_from(
    ["older", "people", "persons", " ", "  ", "\n", "\t", ",", "[", "]", "é", "e\u0301",
     "\u0301", "𝔸", "😀", "👩🏽‍💻", "ﬁ", "İ", "ß", "\u00a0", "Baku", "baku", "i)", "1)"]
)
_text = st.one_of(st.text(), st.lists(_pieces, max_size=30).map("".join))


@settings(max_examples=300, deadline=None)
@given(_text, _text, st.sampled_from(["word", "char"]))
def test_ops_rebuild_both_texts(old: str, new: str, granularity: str) -> None:
    ops = word_ops(old, new, granularity=granularity)  # type: ignore[arg-type]
    assert old_text(ops) == old
    assert new_text(ops) == new
    assert all(text for _, text in ops)
    assert all(a[0] != b[0] for a, b in pairwise(ops))


@settings(max_examples=200, deadline=None)
@given(_text, _text, st.booleans(), st.booleans())
def test_ignore_options_rebuild_new_text(old: str, new: str, case: bool, space: bool) -> None:
    ops = word_ops(old, new, ignore_case=case, ignore_whitespace=space)
    assert new_text(ops) == new


@given(_text)
def test_tokens_join_back(text: str) -> None:
    assert "".join(tokens(text)) == text
    assert "".join(tokens(text, granularity="char")) == text


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # The Baku Declaration, pre-final → final (clause v) / 1)).
        (
            "persons with disabilities, older people, Indigenous Peoples",
            "persons with disabilities, older persons, Indigenous Peoples",
            ((0, "persons with disabilities, older "), (-1, "people"), (1, "persons"),
             (0, ", Indigenous Peoples")),
        ),
        (
            "the Baku Declaration, [Baku Action Plan], WTDC resolutions",
            "the Baku Declaration, the Baku Action Plan, WTDC resolutions",
            ((0, "the Baku Declaration, "), (-1, "["), (1, "the "), (0, "Baku Action Plan"),
             (-1, "]"), (0, ", WTDC resolutions")),
        ),
        ("ITU D", "ITU-D", ((0, "ITU"), (-1, " "), (1, "-"), (0, "D"))),
        ("same text", "same text", ((0, "same text"),)),
        ("", "", ()),
        ("", "new", ((1, "new"),)),
    ],
)
def test_word_ops_exact(old: str, new: str, expected: tuple[tuple[int, str], ...]) -> None:
    assert word_ops(old, new) == expected


def test_word_granularity_keeps_words_whole_char_does_not() -> None:
    assert word_ops("older people", "older persons", granularity="char") == (
        (0, "older pe"), (-1, "ople"), (1, "rsons"),
    )


def test_ignore_case_and_whitespace() -> None:
    assert word_ops("Baku  Action\nPlan", "baku Action Plan", ignore_case=True,
                    ignore_whitespace=True) == ((0, "baku Action Plan"),)
    assert word_ops("Baku Action", "baku Action", ignore_whitespace=True) == (
        (-1, "Baku"), (1, "baku"), (0, " Action"),
    )


def test_combining_marks_stay_with_their_letter() -> None:
    assert tokens("cafe\u0301 x") == ["cafe\u0301", " ", "x"]
    assert tokens("a\u0301,", granularity="char") == ["a\u0301", ","]
