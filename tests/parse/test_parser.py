"""The parser on the real WTDC-25 Final Report and on the two earlier versions shipped with it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from toolkit.errors import ParseError, UnknownDocumentError
from toolkit.ingest import SourceText, read_source
from toolkit.parse import CLAUSE_COLUMNS, Footnote, ParsedText, clauses_frame, parse_source
from toolkit.parse.model import next_paragraph_label

# Resolutions whose text Part IV of the report holds (Resolution 53 is only a heading and
# "(Abrogated by WTDC-25)").
RESOLUTIONS_WITH_TEXT = {
    1, 2, 5, 8, 9, 10, 11, 15, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26, 30, 31, 33, 34, 36,
    37, 40, 43, 45, 46, 47, 48, 51, 52, 55, 57, 58, 59, 60, 62, 63, 64, 66, 67, 69, 71, 73,
    75, 76, 77, 78, 79, 80, 82, 83, 84, 85, 87, 88, 89, 90, 91, 92, 93, 94,
}
TO_INSTRUCT_BDT = "resolves to instruct the Director of the Telecommunication Development Bureau"


def text(body: str, name: str = "sample.txt") -> SourceText:
    return SourceText(text=body, format="text", name=name)


def test_documents_by_type(report: ParsedText) -> None:
    assert Counter(d.type for d in report.documents) == {
        "declaration": 1,
        "action-plan": 1,
        "regional-initiative": 30,
        "resolution": 63,
        "recommendation": 7,
        "question": 10,
    }
    # A labelled clause's further paragraphs count apart ("a) ¶2").
    assert sum(len(d.clauses) for d in report.documents) == 4939


def test_resolution_numbers_with_text(report: ParsedText) -> None:
    numbers = {int(d.number or 0) for d in report.documents if d.type == "resolution"}
    assert numbers == RESOLUTIONS_WITH_TEXT
    assert report.notes == (("res-53", "(Abrogated by WTDC-25)"),)


def test_ids_recommendations_and_questions(report: ParsedText) -> None:
    ids = report.ids
    assert [i for i in ids if i.startswith("rec-")] == [
        "rec-15", "rec-16", "rec-17", "rec-19", "rec-20", "rec-21", "rec-22",
    ]
    assert [i for i in ids if i.startswith("q-")] == [
        "q-1-1", "q-2-1", "q-3-1", "q-4-1", "q-5-1", "q-1-2", "q-2-2", "q-3-2", "q-4-2", "q-5-2",
    ]
    assert ids[:2] == ("declaration", "action-plan")


@pytest.mark.parametrize("region", ["afr", "ams", "arb", "asp", "cis", "eur"])
def test_five_initiatives_per_region(report: ParsedText, region: str) -> None:
    docs = report.select(f"ri-{region}")
    assert [d.id for d in docs] == [f"ri-{region}{n}" for n in range(1, 6)]
    assert {d.region for d in docs} == {region.upper()}
    assert report.region_heading(region) == {
        "afr": "AFRICA", "ams": "AMERICAS", "arb": "ARAB STATES", "asp": "ASIA-PACIFIC",
        "cis": "CIS", "eur": "EUROPE",
    }[region] + " REGIONAL INITIATIVES"
    assert all(d.sections[1].heading == "Expected results" for d in docs if region != "arb")


def test_initiative_heading_and_title(report: ParsedText) -> None:
    doc = report.document("ri-asp2")
    assert (doc.heading, doc.number, doc.region) == ("ASP2", "ASP2", "ASP")
    assert doc.title == (
        "Harnessing telecommunications/ICTs to support inclusive and sustainable digital "
        "transformation"
    )
    assert doc.sections[0].clauses[0].text.startswith("Objective: To assist Member States")
    assert [c.label for c in doc.sections[1].clauses] == ["1)", "2)", "3)", "4)", "5)", "6)"]


def test_resolution_37_header(report: ParsedText) -> None:
    doc = report.document("res-37")
    assert doc.heading == "RESOLUTION 37 (Rev. Baku, 2025)"  # the no-break spaces are tidied
    assert (doc.number, doc.edition_label, doc.title) == (
        "37", "Rev. Baku, 2025", "Bridging the digital divide"
    )
    assert [(s.heading, s.kind) for s in doc.sections][:4] == [
        (None, "body"),
        ("recognizing", "preamble"),
        ("recalling", "preamble"),
        ("noting", "preamble"),
    ]
    assert [s.heading for s in doc.sections if s.kind == "operative"] == [
        "undertakes",
        "resolves",
        TO_INSTRUCT_BDT,
        f"{TO_INSTRUCT_BDT}, in collaboration with the Directors of the Radiocommunication "
        "Bureau and the Telecommunication Standardization Bureau",
        "invites the Secretary-General",
        "calls upon international financial institutions, donor agencies and private-sector "
        "entities",
        "invites Member States",
        "invites Member States and Sector Members",
        "invites Member States, Sector Members and other stakeholders",
    ]
    assert doc.sections[0].clauses[0].text == (
        "The World Telecommunication Development Conference (Baku, 2025),"
    )


def test_resolution_37_gives_bdt_thirty_numbered_clauses(report: ParsedText) -> None:
    section = next(s for s in report.document("res-37").sections if s.heading == TO_INSTRUCT_BDT)
    assert [c.label for c in section.clauses] == [str(n) for n in range(1, 31)]
    assert [c.ordinal for c in section.clauses] == list(range(1, 31))
    assert section.clauses[0].text.startswith(
        "to continue to assist the Member States and Sector Members in developing a "
        "pro-competition policy"
    )
    assert section.clauses[10].text == (
        "to continue to help bridging the digital divide between urban and rural areas;"
    )
    assert section.clauses[29].text.startswith("to circulate the outputs of the implementation")
    assert section.span == (8381, 8451)


def test_resolution_37_footnotes(report: ParsedText) -> None:
    doc = report.document("res-37")
    noted = [(c.label, f.marker) for c in doc.clauses for f in c.footnotes]
    assert noted == [("b)", "1"), ("h)", "2"), ("1", "3"), ("1", "4"), ("1", "5")]
    recognizing_b = doc.sections[1].clauses[1]
    assert recognizing_b.footnotes[0] == Footnote(
        "1",
        "These include the least developed countries, small island developing states, "
        "landlocked developing countries and countries with economies in transition.",
    )
    assert "between developing1 and developed" in recognizing_b.raw
    assert "between developing and developed countries" in recognizing_b.text
    second_bdt = doc.sections[12].clauses[0]
    assert [f.text for f in second_bdt.footnotes] == [
        '"Disaggregated" refers to separation of hardware and software.',
        '"Open" may refer to, inter alia, open standards and open interfaces to support '
        "interoperable network technologies.",
    ]
    assert "understanding of disaggregated, open, and interoperable" in second_bdt.text


@pytest.mark.parametrize(
    ("doc_id", "section", "ordinal", "kept"),
    [
        ("res-37", "recalling", 1, "Resolution 70/1, on transforming our world: the 2030 Agenda"),
        ("res-37", "recalling", 23, "Resolution 91 (Baku, 2025) of this conference"),
        ("ri-asp3", "Expected results", 4, "the transition from IPv4 to IPv6."),
        ("ri-asp1", "Expected results", 5, "the 2030 Agenda for Sustainable Development"),
        ("res-40", "recalling", 3, "§§ 14 and 32 of the WSIS Tunis Commitment"),
    ],
)
def test_digits_that_are_text_stay(
    report: ParsedText, doc_id: str, section: str, ordinal: int, kept: str
) -> None:
    doc = report.document(doc_id)
    clause = next(s for s in doc.sections if s.heading == section).clauses[ordinal - 1]
    assert kept in clause.text
    assert clause.footnotes == ()


def test_footnote_markers_after_quotes_and_parentheses(report: ParsedText) -> None:
    res_66 = report.document("res-66")
    marked = next(c for c in res_66.clauses if c.footnotes and c.footnotes[0].marker == "1")
    assert "developing countries' lack" in marked.text
    res_1 = report.document("res-1")
    marked = next(c for c in res_1.clauses if any(f.marker == "3" for f in c.footnotes))
    assert "Resolution 59 (Rev. Baku, 2025). In" in marked.text


def test_unmatched_footnotes_are_reported_not_guessed(report: ParsedText) -> None:
    # Their markers are missing from the extraction (res-11, res-76): nothing is attached at
    # random; the document keeps them. "Focus Group 71" (rec-17) is taken only because the
    # footnote names "Focus Group 7" (tests/parse/test_lossless.py).
    assert [w.split(": ", 1)[1] for w in report.warnings] == [
        "footnote 2 of res-11 has no marker in the text; kept with the document",
        "footnote 2 of res-76 has no marker in the text; kept with the document",
    ]


@pytest.mark.parametrize(
    ("doc_id", "title"),
    [
        ("res-20", "Non-discriminatory access to modern telecommunication/information and "
                   "communication technology facilities, services and related applications"),
        ("res-34", "Role of telecommunications/information and communication technologies in "
                   "disaster preparedness, early warning, rescue, mitigation, relief and response"),
        ("res-1", "Rules of procedure of the ITU Telecommunication Development Sector"),
        ("declaration", "Universal, meaningful and affordable connectivity for an inclusive and "
                        "sustainable digital future"),
    ],
)
def test_wrapped_titles_are_joined(report: ParsedText, doc_id: str, title: str) -> None:
    assert report.document(doc_id).title == title


@pytest.mark.parametrize(
    ("doc_id", "edition"),
    [
        ("res-91", "Baku, 2025"),
        ("res-15", "Rev. Kigali, 2022"),
        ("res-26", "Rev. Doha, 2006"),
        ("res-60", "Hyderabad, 2010"),
        ("rec-15", "January, 2002"),  # printed under the title
        ("rec-19", "Dubai, 2014"),  # only in "The World … Conference (Dubai, 2014),"
        ("q-1-1", None),
    ],
)
def test_edition_labels_as_printed(report: ParsedText, doc_id: str, edition: str | None) -> None:
    assert report.document(doc_id).edition_label == edition


def test_annexes_follow_their_resolution(report: ParsedText) -> None:
    res_1 = report.document("res-1")
    annexes = [s for s in res_1.sections if s.heading and s.heading.startswith("ANNEX")]
    assert [s.heading for s in annexes] == [
        f"ANNEX {n} to RESOLUTION 1 (Rev. Baku, 2025)" for n in range(1, 6)
    ]
    assert annexes[0].kind == "body"
    assert annexes[0].clauses[0].text == "Template for drafting ITU-D Recommendations"
    assert annexes[1].clauses[0].text == (
        "Template for submission of contributions for action/for information"
    )
    assert [f.marker for f in annexes[1].clauses[0].footnotes] == ["7"]
    res_75 = report.document("res-75")
    headings = [s.heading for s in res_75.sections]
    assert headings[headings.index("ANNEX TO RESOLUTION 75 (Rev. Buenos Aires, 2017)") + 1] == (
        "1 Infrastructure"
    )


def test_question_sections(report: ParsedText) -> None:
    doc = report.document("q-1-1")
    assert (doc.heading, doc.number) == ("QUESTION 1/1", "1/1")
    assert [s.heading for s in doc.sections] == [
        "1 Statement of the situation or problem",
        "2 Question or issue for study",
        "2.1 Continuing topics to consider from study Questions 1/1 and 5/1 of the 2022-2025 "
        "study period",
        "2.2 New topics for this study period",
        "3 Expected output",
        "4 Timing",
        "5 Proposers/sponsors",
        "6 Sources of input",
        "7 Target audience",
        "8 Proposed methods of handling the study Question or issue",
        "9 Coordination and collaboration",
        "10 BDT programme link",
        "11 Other relevant information",
    ]


def test_recommendation_preamble_and_operative(report: ParsedText) -> None:
    doc = report.document("rec-15")
    assert [(s.heading, s.kind) for s in doc.sections] == [
        (None, "body"), ("recognizing", "preamble"), ("noting", "preamble"),
        ("recommends", "operative"),
    ]
    assert [c.label for c in doc.sections[3].clauses] == [
        "1", "a)", "b)", "c)", "2", "a)", "b)", "c)", "d)", "e)", "3",
    ]


def test_declaration_parts_its_indented_paragraphs_by_label(report: ParsedText) -> None:
    """Item a)'s two indented paragraphs are units of their own, as the pre-final Markdown
    prints them apart (issue 11)."""
    doc = report.document("declaration")
    labels = [c.label for c in doc.clauses]
    assert labels == [None] * 4 + ["1)", "2)", "3)", "4)", "5)", None] + [
        "a)", "a) ¶2", "a) ¶3", "b)", "b) ¶2", "c)", "c) ¶2", "d)", "d) ¶2", "e)", None, None,
    ]
    a, underscore, space = doc.clauses[10:13]
    assert (a.span, underscore.span, space.span) == ((1124, 1124), (1126, 1126), (1130, 1130))
    assert "\n" not in a.raw
    assert underscore.text.startswith("We underscore the importance of investment")
    assert space.text.startswith("We acknowledge the critical role of space radiocommunications")


def test_paragraph_labels_count_on() -> None:
    assert [next_paragraph_label(x) for x in ("a)", "a) ¶2", "1.1 ¶9")] == [
        "a) ¶2", "a) ¶3", "1.1 ¶10",
    ]


def test_prefinal_declaration(prefinal_declaration_path: Path) -> None:
    parsed = parse_source(read_source(prefinal_declaration_path))
    doc = parsed.document("declaration")
    assert doc.heading == "BAKU DECLARATION"
    assert doc.title.startswith("Universal, meaningful and affordable connectivity")
    assert [c.label for c in doc.clauses if c.label] == [
        "i)", "ii)", "iii)", "iv)", "v)", "1)", "2)", "3)", "4)", "5)",
    ]
    assert len(doc.clauses) == 23
    concerned = doc.clauses[6]
    assert concerned.label == "ii)"
    assert concerned.text.startswith(
        "We are deeply concerned that approximately one-third of the global population "
        "remains offline"
    )
    assert concerned.span == (27, 29)


def test_asp_web_page(asp_web_path: Path) -> None:
    parsed = parse_source(read_source(asp_web_path))
    assert parsed.ids == ("ri-asp1", "ri-asp2", "ri-asp3", "ri-asp4", "ri-asp5")
    assert [len(d.sections[1].clauses) for d in parsed.documents] == [5, 6, 8, 6, 10]
    assert {c.label for d in parsed.documents for c in d.sections[1].clauses} == {None}
    # No footnote paragraph on the web page: "situations1" stays as printed.
    assert "vulnerable situations1;" in parsed.document("ri-asp3").sections[1].clauses[2].text


def test_select_unknown_lists_what_exists(report: ParsedText) -> None:
    with pytest.raises(UnknownDocumentError) as caught:
        report.select("res-370")
    assert str(caught.value) == (
        f"'{report.name}' holds no document 'res-370' (did you mean res-37, res-30 or res-93?); it "
        "holds declaration, action-plan, ri-afr1 … ri-eur5 (30), res-1 … res-94 (63), "
        "rec-15 … rec-22 (7), q-1-1 … q-5-2 (10); give one of these ids"
    )


def test_unstructured_text_falls_back_to_paragraphs() -> None:
    parsed = parse_source(text("Dear colleagues,\n\nThe meeting is on\nMonday.\n\n\nRegards\n"))
    (doc,) = parsed.documents
    assert (doc.id, doc.type) == ("text", "text")
    assert [(c.text, c.span) for c in doc.clauses] == [
        ("Dear colleagues,", (1, 1)),
        ("The meeting is on Monday.", (3, 4)),
        ("Regards", (7, 7)),
    ]


def test_empty_text_is_an_error() -> None:
    with pytest.raises(ParseError, match="holds no text"):
        parse_source(text("\n \n"))


def test_trailing_whitespace_is_noise(final_report_path: Path) -> None:
    lines = final_report_path.read_text(encoding="utf-8").split("\n")[8190:8560]
    plain = parse_source(text("\n".join(lines)))
    noisy = parse_source(text("\n".join(f"{line}  " if line.strip() else line for line in lines)))
    assert plain.documents == noisy.documents


def test_clauses_frame(report: ParsedText) -> None:
    frame = clauses_frame(report.documents)
    assert tuple(frame.columns) == CLAUSE_COLUMNS
    assert frame.height == 4939  # a labelled clause's further paragraphs count apart ("a) ¶2")
    res_37 = frame.filter(frame["doc_id"] == "res-37")
    assert res_37.height == sum(len(s.clauses) for s in report.document("res-37").sections)
    row = res_37.filter(res_37["label"] == "b)").row(0, named=True)
    assert row["section"] == "recognizing"
    assert row["section_kind"] == "preamble"
    assert row["footnotes"][0]["marker"] == "1"
    assert (row["line_start"], row["line_end"]) == (8205, 8205)
    assert frame.filter(frame["doc_type"] == "regional-initiative")["region"].n_unique() == 6


def test_footnotes_in_titles_and_headings(report: ParsedText) -> None:
    res_17 = report.document("res-17")
    assert res_17.title.endswith("for approved regional initiatives")
    assert [f.marker for f in res_17.footnotes] == ["1"]
    heading = next(s for s in report.document("res-2").sections if s.footnotes)
    assert heading.heading == "Universal meaningful connectivity for bridging the digital divide"
    assert heading.footnotes[0].text.startswith("Meaningful connectivity is a level of")


def test_paragraph_texts_stay_with_their_paragraph() -> None:
    # The parser normalises many texts in one call; a NUL inside one must not shift the rest.
    parsed = parse_source(text("one\u00a0two\n\nthree\x00four\n\nfive –  six\n"))
    texts = [c.text for c in parsed.documents[0].clauses]
    assert texts == ["one two", "three\x00four", "five - six"]
