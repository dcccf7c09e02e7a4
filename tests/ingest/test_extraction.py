"""A PDF's text as pypdf saves it (pages joined, a running header on top, the page number at
the foot, paragraphs wrapped to the measure) gets its paragraphs back. The sample is the
shipped Baku text of Resolution 37 re-wrapped (same words, only the layout changes)."""

from __future__ import annotations

import pytest

from toolkit.ingest.extraction import clean_extraction
from toolkit.ingest.widths import printed_width
from toolkit.parse.lines import logical_lines

HEADER = "WTDC-25 - Final Report"
MEASURE = 40.0  # ems, about an A4 text width in 10-point type


def _wrapped(text: str) -> list[str]:
    """Greedy wrapping by printed width, as a typesetter sets a paragraph ragged right."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and printed_width(f"{lines[-1]} {word}") <= MEASURE:
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


_LDC = ("These include the least developed countries, small island developing states, landlocked "
        "developing countries and countries with economies in transition.")


@pytest.mark.parametrize(("lines", "next_page", "body", "note"), [
    # The note's number is the last line of a block, its text the page's last block.
    (["noting",
      "that structured approaches, including virtual mentorship and peer-learning platforms, can",
      "play a key role in addressing the ITU membership participation gap, in particular for "
      "developing countries1,",
      "women and first-time participants,", "1", "",
      "These include the least developed countries, small island developing states, landlocked "
      "developing countries",
      "and countries with economies in transition."],
     "resolves", "women and first-time participants,", f"1\t{_LDC}"),
    # The note's text runs on from the body's last block (its lines wider: a smaller type).
    (["Affordable connectivity: Particular focus shall be given to addressing barriers to rural",
      "connectivity in developing countries2.", "", "2", "",
      "Enabling policy and regulatory environments: The focus of this priority is to foster an",
      "enabling policy and regulatory environment that responds to technological and market",
      "innovations and leverages broad collaboration and data-driven-decision making in",
      "These include the least developed countries, small island developing states, landlocked "
      "developing countries",
      "and countries with economies in transition."],
     "policy-making.", "innovations and leverages broad collaboration and data-driven-decision "
     "making in policy-making.", f"2\t{_LDC}"),
    # The note's number glued to a word broken at the page's end: pdftotext took it for the
    # word's end and dropped the hyphen.
    (["The main types of technical assistance which developing countries4 expect from ITU are",
      "as follows:",
      "Spectrum redeployment is sometimes necessary to allow the introduction of new radi4", "",
      "These include the least developed countries, small island developing states, landlocked "
      "developing countries",
      "and countries with economies in transition."],
     "ocommunication applications.", "the introduction of new radiocommunication applications.",
     f"4\t{_LDC}"),
])
def test_pdftotext_footnotes_apart_from_their_numbers(lines, next_page, body, note,
                                                      resolution) -> None:
    cleaned = clean_extraction(_pdftotext(lines, [next_page, *resolution[:3]]))
    assert cleaned is not None
    text, cleaning = cleaned
    paragraphs = [p.strip("\t") for p in text.split("\n\n")]
    assert [p for p in paragraphs if p[:1].isdigit()] == [note]
    assert any(p.endswith(body) for p in paragraphs)
    assert cleaning.footnotes == 1


@pytest.mark.parametrize(("lines", "paragraphs"), [
    # A column of labels printed before their texts: in order, each to the next text opening a
    # block without a label of its own.
    (["a)", "", "b)", "", "How?", "1)", "", "Within a study group:", "", "–", "",
      "Study Question (over a multi-year study period)", "", "Why?"],
     ["a)\tHow?", "1)\tWithin a study group:",
      "–\tStudy Question (over a multi-year study period)", "b)\tWhy?"]),
    # The last words of a line stretched far apart, a block each after the paragraph's next
    # line, go back on their line.
    (["After adoption at a study group meeting, Member",
      "Recommendations, either by correspondence or at a WTDC.", "", "States", "", "can", "",
      "approve", "", "ITU-D"],
     ["After adoption at a study group meeting, Member States can approve ITU-D "
      "Recommendations, either by correspondence or at a WTDC."]),
    # Labels set apart, a number opening a line is a label only where it goes on a list; a
    # section number run on into the line above opens its paragraph.
    (["18", "", "to ensure that contributions to EGTI/EGH are submitted to BDT no later than",
      "12 calendar days before the expert group meetings;",
      "3.3.6 A co-rapporteur shall take over as chair when the rapporteur is not available. "
      "3.3.7 For all contributions that meet the deadline for translation as specified in",
      "§ 4.1.3.2, rapporteurs shall prepare a contribution."],
     ["18\tto ensure that contributions to EGTI/EGH are submitted to BDT no later than 12 "
      "calendar days before the expert group meetings;",
      "3.3.6\tA co-rapporteur shall take over as chair when the rapporteur is not available.",
      "3.3.7\tFor all contributions that meet the deadline for translation as specified in "
      "§ 4.1.3.2, rapporteurs shall prepare a contribution."]),
])
def test_pdftotext_words_and_labels_it_sets_apart(lines, paragraphs, resolution) -> None:
    # Pages of wrapped text after it, for the measure of a full line.
    wrapped = [line for p in resolution[:12] for line in _wrapped(p.replace("\t", " "))]
    pages = ["\n".join(wrapped[i:i + 14]) for i in range(0, len(wrapped), 14)]
    cleaned = clean_extraction(_pdftotext(lines, pages))
    assert cleaned is not None
    text, _ = cleaned
    assert [p.strip("\t") for p in text.split("\n\n")][: len(paragraphs)] == paragraphs
