"""A PDF's text as pypdf saves it (pages joined, a running header on top, the page number at
the foot, paragraphs wrapped to the measure) gets its paragraphs back. The sample is the
shipped Baku text of Resolution 37 re-wrapped (same words, only the layout changes)."""

from __future__ import annotations

import pytest

from toolkit.ingest.extraction import _width, clean_extraction
from toolkit.parse.lines import logical_lines

HEADER = "WTDC-25 - Final Report"
MEASURE = 40.0  # ems, about an A4 text width in 10-point type


def _wrapped(text: str) -> list[str]:
    """Greedy wrapping by printed width, as a typesetter sets a paragraph ragged right."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and _width(f"{lines[-1]} {word}") <= MEASURE:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@pytest.fixture(scope="module")
def resolution(final_report_path) -> list[str]:
    """Resolution 37's paragraphs up to its second page of clauses, footnotes left out."""
    lines, _ = logical_lines(final_report_path.read_text(encoding="utf-8"))
    start = next(i for i, line in enumerate(lines) if line.text.startswith("RESOLUTION 37 "))
    # A PDF's text prints a no-break space as a space.
    return [line.text.replace("\u00a0", " ") for line in lines[start:start + 40]
            if line.indent < 6]


def _pypdf_text(paragraphs: list[str], *, per_page: int = 14) -> str:
    body = [line for p in paragraphs for line in _wrapped(p.replace("\t", " "))]
    pages = [body[i:i + per_page] for i in range(0, len(body), per_page)]
    return "\n".join(
        "\n".join([HEADER, *page, str(number)]) for number, page in enumerate(pages, start=1)
    )


def test_pypdf_text_gets_its_paragraphs_back(resolution) -> None:
    cleaned = clean_extraction(_pypdf_text(resolution))
    assert cleaned is not None
    text, cleaning = cleaned
    assert [p.strip("\t") for p in text.split("\n\n")] == resolution
    assert (cleaning.pages, cleaning.furniture_lines) == (8, 16)  # header and number


def test_a_text_without_pages_is_no_extraction() -> None:
    assert clean_extraction("recognizing\n\na)\tthat ITU\n") is None


def _pdftotext(lines: list[str], others: list[str]) -> str:
    """`lines` as pdftotext prints a page, then a page for each of `others`: form feeds, the
    running header on top, the page number at the foot, blank lines between blocks."""
    pages = [lines, *([text] for text in others)]
    return "\f".join(f"{HEADER}\n\n" + "\n".join(page) + f"\n\n{number}\n"
                     for number, page in enumerate(pages, start=1))


@pytest.mark.parametrize(("lines", "paragraphs"), [
    # A lone number next to the running header is a label pdftotext set apart, not a page
    # number (only a page's first or last line is).
    (["5", "", "to foster establishment of IXPs in facilitating the creation of a place "
      "to connect", "networks and exchange data traffic directly;"],
     ["5\tto foster establishment of IXPs in facilitating the creation of a place to connect "
      "networks and exchange data traffic directly;"]),
    # A word and colon alone on a line ends its sentence: no term such as `AFR1:`.
    (["3.10.1 Reports on the progress and results of study group activities can be of "
      "five major", "types:", "a)", "", "meeting reports;"],
     ["3.10.1\tReports on the progress and results of study group activities can be of "
      "five major types:", "a)\tmeeting reports;"]),
    # pdftotext breaks a line stretched far apart into its words.
    (["Updates and outputs produced by ITU Radiocommunication Sector (ITU-R) and ITU",
      "Telecommunication", "Standardization", "Sector", "(ITU-T)", "study", "groups,", "and",
      "Recommendations and reports related to consumer protection."],
     ["Updates and outputs produced by ITU Radiocommunication Sector (ITU-R) and ITU "
      "Telecommunication Standardization Sector (ITU-T) study groups, and Recommendations and "
      "reports related to consumer protection."]),
])
def test_pdftotext_lines_that_are_not_what_they_look_like(lines, paragraphs, resolution) -> None:
    cleaned = clean_extraction(_pdftotext(lines, resolution[:4]))
    assert cleaned is not None
    text, _ = cleaned
    assert [p.strip("\t") for p in text.split("\n\n")][: len(paragraphs)] == paragraphs


def test_pdftotext_footnote_numbers_in_two_blocks(resolution) -> None:
    """Resolution 17's page: note 1's number above its text, notes 2 and 3's below it."""
    lines = [
        "RESOLUTION 17 (Rev. Baku, 2025)",
        "Resource mobilization, implementation and cooperation for approved regional "
        "initiatives1",
        "", "g)", "",
        "the mechanism for cooperation for developing countries2 under the Global Digital",
        "Compact3, the Partner2Connect Digital Coalition (P2C) led by ITU;",
        "", "1", "",
        "An initiative shall take the form of an all-embracing heading under which a number "
        "of projects can be included,",
        "leaving it to each region to define these.",
        "These include the least developed countries, small island developing states, "
        "landlocked developing countries",
        "and countries with economies in transition.",
        "Noting that some countries have not endorsed the Global Digital Compact.",
        "", "2", "3",
    ]
    cleaned = clean_extraction(_pdftotext(lines, resolution[:4]))
    assert cleaned is not None
    text, cleaning = cleaned
    notes = [p.strip("\t") for p in text.split("\n\n") if p.startswith("\t" * 6)]
    assert notes == [
        "1\tAn initiative shall take the form of an all-embracing heading under which a number "
        "of projects can be included, leaving it to each region to define these.",
        "2\tThese include the least developed countries, small island developing states, "
        "landlocked developing countries and countries with economies in transition.",
        "3\tNoting that some countries have not endorsed the Global Digital Compact.",
    ]
    assert cleaning.footnotes == 3
