"""The fast ways of the 50 MB path tell the same as the plain ones they replace: references
undone with a pattern searched from its hyphen, ASCII punctuation dropped from the bytes,
control characters told on UTF-8 bytes, the longest run without a search per value."""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

import pytest

from toolkit.align.clauses import longest_increasing_from_the_end
from toolkit.align.kinds import _CONFERENCE, _undo_first, _undo_last, change_kinds
from toolkit.ingest.decode import _CONTROLS, _utf8_controls

# The patterns the fast ways replace.
_CONFERENCE_AT_WORD = re.compile(r"\b(WTDC|PP|WTSA|WRC|RA|WTPF|WSIS)-\d{2}\b")
_PUNCTUATION = re.compile(r"[\W_]+")
CITED_LINES = 63  # lines of the report that name a conference by its year (WTDC-22, PP-22)


@pytest.fixture(scope="module")
def report_lines(final_report_path: Path) -> list[str]:
    return [line.strip() for line in final_report_path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize(
    ("text", "undone"),
    [
        ("adopted by WTDC-22 and PP-22", "adopted by WTDC-## and PP-##"),
        ("Resolution 37 (Rev. Dubai, 2018) of WTSA-24", "Resolution 37 (#) of WTSA-##"),
        ("xWTDC-22, WTDC-225, WTDC-2 and RA-23-24", "xWTDC-22, WTDC-225, WTDC-2 and RA-##-24"),
        ("IMT-2020 and ITU-T", "IMT-2020 and ITU-T"),
    ],
)
def test_references_undone(text: str, undone: str) -> None:
    assert _undo_first(text, True, False) == undone


def test_report_lines_read_alike_by_both_ways(report_lines: list[str]) -> None:
    cited = [line for line in report_lines if _CONFERENCE_AT_WORD.search(line)]
    assert len(cited) == CITED_LINES
    for line in report_lines:
        assert _CONFERENCE.sub("-##", line) == _CONFERENCE_AT_WORD.sub(r"\1-##", line)
        assert _undo_last(line, "typography") == _PUNCTUATION.sub("", line)


def test_typography_alone_is_told_on_ascii_text() -> None:
    assert change_kinds("radio-frequency, spectrum", "radiofrequency; spectrum",
                        relabelled=False) == ("typography",)
    assert change_kinds("the_spectrum", "the spectrum", relabelled=False) == ("typography",)
    assert change_kinds("the spectrum", "the spectra", relabelled=False) == ()


def test_control_characters_told_on_the_bytes() -> None:
    told = []
    for code in [*range(0x00, 0x100), 0x2028, 0xFEFF, 0x10FFFF]:
        data = f"Paragraph 1: text{chr(code)}é".encode()
        assert _utf8_controls(data) == (_CONTROLS.search(data.decode()) is not None)
        told += [code] if _utf8_controls(data) else []
    # C0 but tab, newlines and form feed; DEL and C1.
    assert told == [*range(0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)]


@pytest.mark.parametrize(
    "values",
    [[], [1], [1, 2, 3], [3, 2, 1], [1, 5, 2, 6, 3, 7], [2, 2, 2], [5, 1, 2, 3, 0, 4, 9, 8]],
)
def test_longest_run_matches_the_searched_one(values: list[int]) -> None:
    tails: list[int] = []
    tail_values: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        n = bisect_left(tail_values, value)
        previous[k] = tails[n - 1] if n else -1
        if n == len(tails):
            tails.append(k)
            tail_values.append(value)
        else:
            tails[n], tail_values[n] = k, value
    expected = []
    k = tails[-1] if tails else -1
    while k != -1:
        expected.append(k)
        k = previous[k]
    assert longest_increasing_from_the_end(values) == expected[::-1]
