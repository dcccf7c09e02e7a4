"""comparable(): typographic variants compare equal; labels, numbers and words do not move."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.ingest import comparable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Inputs that must NOT change.
        ("a)", "a)"),
        ("1bis", "1bis"),
        ("ITU-D", "ITU-D"),
        ("WTDC-25", "WTDC-25"),
        ("Resolution 37 (Rev. Kigali, 2022)", "Resolution 37 (Rev. Kigali, 2022)"),
        ("Question 1/1", "Question 1/1"),
        ("i) older persons", "i) older persons"),
        ("developing1", "developing1"),
        ("[Baku Action Plan]", "[Baku Action Plan]"),
        ("Telecommunication/ICT", "Telecommunication/ICT"),
        # Inputs that must change.
        ("2026–2029", "2026-2029"),
        ("2026—2029", "2026-2029"),
        ("ITU‑D", "ITU-D"),  # non-breaking hyphen U+2011
        ("−5", "-5"),  # minus sign
        ("Resolution\u00a037", "Resolution 37"),
        ("17\u202fNovember", "17 November"),
        ("\u2018usage gap\u2019", "'usage gap'"),
        ("\u201cmeaningful\u201d", '"meaningful"'),
        ("Member\u2019s", "Member's"),
        ("  a)\tthat   ITU \n\n b) ", "a) that ITU b)"),
        ("soft\u00adhyphen", "softhyphen"),
        ("zero\u200bwidth", "zerowidth"),
        ("cafe\u0301", "café"),  # combining acute → NFC precomposed
        ("\ufb01nancial e\ufb00orts", "financial efforts"),
        ("", ""),
    ],
)
def test_comparable(text: str, expected: str) -> None:
    assert comparable(text) == expected


def test_comparable_result_is_nfc_precomposed() -> None:
    assert comparable("cafe\u0301") == "caf\u00e9"


@given(st.text())
def test_comparable_is_idempotent_and_nfc(text: str) -> None:
    once = comparable(text)
    assert comparable(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()
    assert "  " not in once
