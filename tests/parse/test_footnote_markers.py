"""Footnote markers glued to words are separated; digits that are text are left alone.

Each input is the only clause of a one-resolution text whose footnotes are numbered so that
every digit of the input could be taken for a marker.
"""

from __future__ import annotations

import pytest

from toolkit.ingest import read_bytes
from toolkit.parse import Clause, parse_source


def _clause(text: str, markers: tuple[str, ...]) -> Clause:
    notes = "".join(f"\t\t\t\t\t\t{m}\tNote {m}.\n\n" for m in markers)
    body = (
        "\t\t\tRESOLUTION 99 (Baku, 2025)\n\n\t\t\tTest title\n\n\t\t\tconsidering\n\n"
        f"\t\t\ta)\t{text}\n\n{notes}"
    )
    (doc,) = parse_source(read_bytes(body.encode(), name="t.txt")).documents
    (clause,) = doc.clauses
    return clause


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("Resolution 37 (Rev. Kigali, 2022) of this conference", ("2", "7")),
        ("the deployment of IPv6 and the transition from IPv4", ("4", "6")),
        ("5G networks and the G5 regulation", ("5",)),
        ("Web3 and Industry 4.0", ("3", "4")),
        ("Question 1/2 and C4 and Q1", ("1", "2", "4")),
        ("the 2030 Agenda and SDG 9", ("9",)),
        ("COVID-19 pandemic and ICT4D", ("19", "4")),
        ("ITU-T Study Group 5 and WTDC-25", ("5", "25")),
        ("H.264 and Recommendation ITU-T X.1205", ("4", "5")),
    ],
)
def test_digits_that_are_text_do_not_change(text: str, markers: tuple[str, ...]) -> None:
    clause = _clause(text, markers)
    assert (clause.raw, clause.text, clause.footnotes) == (text, text, ())


@pytest.mark.parametrize(
    ("text", "markers", "separated", "found"),
    [
        ("developing1 countries", ("1",), "developing countries", ("1",)),
        ("the Secretariat5; and programme1, also", ("1", "5"),
         "the Secretariat; and programme, also", ("1", "5")),
        ("countries' lack1 of IPv6", ("1", "6"), "countries' lack of IPv6", ("1",)),
        ('the "Open"4 standards', ("4",), 'the "Open" standards', ("4",)),
        ("(LDCs)2 and SDGs3", ("2", "3"), "(LDCs) and SDGs", ("2", "3")),
    ],
)
def test_glued_markers_are_separated(
    text: str, markers: tuple[str, ...], separated: str, found: tuple[str, ...]
) -> None:
    clause = _clause(text, markers)
    assert clause.raw == text  # display keeps the text as printed
    assert clause.text == separated
    assert tuple(sorted(f.marker for f in clause.footnotes)) == found
    assert {f.text for f in clause.footnotes} == {f"Note {m}." for m in found}
