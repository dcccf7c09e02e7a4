"""Footnote markers: the fast pattern drops exactly what the rule it replaces (RULE) drops."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.measure.text import normalize

# The rule as first written: 1-2 digits glued to two lower-case letters, then a word edge.
RULE = re.compile(r"(?<=[a-z]{2})\d{1,2}\b")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("countries1, countries12 and", "countries, countries and"),
        ("ab123", "ab123"),  # three digits: a number, not a marker
        ("x1 and s2", "x1 and s2"),  # one letter before the digit
        ("ab1c", "ab1c"),  # no word edge after the digit
        ("Baku2025 and ITU-D2", "Baku2025 and ITU-D2"),
        ("end of clause9.", "end of clause."),
        ("1 and 12", "1 and 12"),
    ],
)
def test_footnote_markers(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@given(st.text(alphabet="ab Z019²٣_-'.\n", max_size=14))
def test_the_fast_pattern_is_the_rule(text: str) -> None:
    assert normalize(text) == RULE.sub("", text)
