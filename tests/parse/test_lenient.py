"""The parser degrades, it does not refuse: every best guess, its warning, and `strict`'s refusal.

Texts are in the report's tab-indented layout (one paragraph a line, blank lines between),
where the layouts below used to be refused.
"""

from __future__ import annotations

import pytest

from toolkit.errors import InputError, ParseError
from toolkit.ingest import SourceText, read_bytes
from toolkit.ingest.decode import decode
from toolkit.messages import suggest, summarise
from toolkit.parse import ParsedText, parse_source

HEAD = ["RESOLUTION 99 (Baku, 2025)", "A title",
        "The World Telecommunication Development Conference (Baku, 2025),"]


def report_layout(*paragraphs: str) -> SourceText:
    """Paragraphs as the report prints them: three tabs in, a blank line after each."""
    return SourceText("".join(f"\t\t\t{p}\n\n" for p in paragraphs), "text", name="x.txt")


def line_of(paragraph: int) -> int:
    """The source line of the n-th paragraph (1-based) in `report_layout`."""
    return 2 * paragraph - 1


def sections(parsed: ParsedText) -> list[tuple[str | None, str, list[str]]]:
    (doc,) = parsed.documents
    return [(s.heading, s.kind, [c.text for c in s.clauses]) for s in doc.sections]


# --- each best guess and its warning ---------------------------------------------------------

# (case, paragraphs after HEAD, sections of res-99 but the formula's, the warning's text)
GUESSES = [
    (
        "stray word: text",
        ["considering", "a)\tthat it is;", "on", "b)\tthat it was;"],
        [("considering", "preamble", ["that it is;", "on", "that it was;"])],
        "'on' in res-99 is no heading the parser knows; read as text",
        6,
    ),
    (
        "unknown verb over clauses: an operative heading",
        ["considering", "a)\tthat it is;", "ponders the Director", "1\tto do things."],
        [("considering", "preamble", ["that it is;"]),
         ("ponders the Director", "operative", ["to do things."])],
        "read 'ponders the Director' in res-99 as an operative heading",
        6,
    ),
    (
        "heading cut after its first word",
        ["further", "resolves", "1\tto do things."],
        [("further resolves", "operative", ["to do things."])],
        "read 'further' and the next paragraph as the heading 'further resolves' in res-99",
        4,
    ),
    (
        "heading wrapped onto a second paragraph",
        ["resolves to instruct the Director of the", "Telecommunication Development Bureau",
         "1\tto do things."],
        [("resolves to instruct the Director of the Telecommunication Development Bureau",
          "operative", ["to do things."])],
        "read 'Telecommunication Development Bureau' as the rest of the heading 'resolves to "
        "instruct the Director of the' in res-99",
        5,
    ),
    (
        "one word of a heading on its own paragraph",
        ["bearing in", "mind", "a)\tthat it is;"],
        [("bearing in mind", "preamble", ["that it is;"])],
        "read 'mind' as the rest of the heading 'bearing in' in res-99",
        5,
    ),
    (
        "heading cut after a comma",
        ["invites Member States,", "Sector Members and Associates", "1\tto do things."],
        [("invites Member States, Sector Members and Associates", "operative",
          ["to do things."])],
        "read 'invites Member States,' and the next paragraph as the heading 'invites Member "
        "States, Sector Members and Associates' in res-99",
        4,
    ),
]


@pytest.mark.parametrize(("case", "body", "expected", "warning", "paragraph"), GUESSES,
                         ids=[g[0] for g in GUESSES])
def test_best_guess_with_a_warning(case, body, expected, warning, paragraph) -> None:
    parsed = parse_source(report_layout(*HEAD, *body))
    assert sections(parsed)[1:] == expected
    assert parsed.warnings == (f"x.txt:{line_of(paragraph)}: {warning}",)
    assert parsed.warnings_for({"res-99"}) == parsed.warnings
    assert parsed.warnings_for({"res-1"}) == ()


def test_unknown_heading_is_refused_when_strict() -> None:
    source = report_layout(*HEAD, "considering", "a)\tthat it is;", "on", "b)\tthat it was;")
    with pytest.raises(ParseError) as caught:
        parse_source(source, strict=True)
    assert str(caught.value) == (
        "x.txt:11: 'on' in res-99 looks like a preamble or operative heading but its verb is "
        "not one the parser knows; leave out --strict to read it with a best guess"
    )


def test_wrapped_heading_is_refused_when_strict() -> None:
    # Today's reading: the heading's second paragraph is a heading it does not know.
    with pytest.raises(ParseError, match=r"^x.txt:9: 'mind' in res-99 looks like a preamble"):
        parse_source(report_layout(*HEAD, "bearing in", "mind", "a)\tthat it is;"), strict=True)


def test_title_on_several_paragraphs() -> None:
    source = report_layout("RESOLUTION 17 (Rev. Baku, 2025)",
                           "Implementation of regional initiatives at national, regional,",
                           "interregional and global levels, and cooperation on",
                           "approved regional initiatives", HEAD[2], "resolves", "1\tto act.")
    parsed = parse_source(source)
    assert parsed.documents[0].title == (
        "Implementation of regional initiatives at national, regional, interregional and "
        "global levels, and cooperation on approved regional initiatives"
    )
    assert parsed.warnings == (
        "x.txt:5: read 'interregional and global levels, and cooperation on' as the rest of the "
        "title of res-17",
        "x.txt:7: read 'approved regional initiatives' as the rest of the title of res-17",
    )
    # Today's reading when strict: the title's second paragraph is an unknown heading.
    with pytest.raises(ParseError, match=r"^x.txt:5: 'interregional and global levels, and "
                       r"cooperation on' in res-17 looks like a preamble or operative heading"):
        parse_source(source, strict=True)


def test_title_without_formula_after_it() -> None:
    parsed = parse_source(report_layout("RESOLUTION 99 (Baku, 2025)", "Bridging the",
                                        "digital divide", "resolves", "1\tto act."))
    assert parsed.documents[0].title == "Bridging the digital divide"
    assert parsed.warnings == ("x.txt:5: read 'digital divide' as the rest of the title of res-99",)


def test_a_document_twice_gets_a_suffix() -> None:
    source = report_layout("QUESTION 1/1", "Title", "QUESTION 1/1", "Title", "QUESTION 1/1",
                           "Title")
    parsed = parse_source(source)
    assert parsed.ids == ("q-1-1", "q-1-1~2", "q-1-1~3")
    assert parsed.warnings == (
        "x.txt:5: q-1-1 appears again (first at line 1); read as q-1-1~2",
        "x.txt:9: q-1-1 appears again (first at line 1); read as q-1-1~3",
    )
    assert parsed.document("Q-1-1~2").span == (5, 7)
    with pytest.raises(ParseError) as caught:
        parse_source(source, strict=True)
    assert str(caught.value) == (
        "'x.txt' holds document(s) q-1-1 more than once; split the file so each source holds "
        "one copy, or leave out --strict"
    )


def test_a_region_repeated_keeps_its_initiatives_together() -> None:
    source = report_layout("ASP1: Title one", "Objective: to act.", "ASP1: Title one",
                           "Objective: to act.")
    parsed = parse_source(source)
    assert [d.id for d in parsed.select("ri-asp")] == ["ri-asp1", "ri-asp1~2"]


def test_annex_away_from_its_resolution() -> None:
    source = report_layout("QUESTION 1/1", "Title", "ANNEX 1 to RESOLUTION 5 (Rev. Baku, 2025)",
                           "Template")
    parsed = parse_source(source)
    assert [(s.heading, [c.text for c in s.clauses]) for s in parsed.documents[0].sections] == [
        ("ANNEX 1 to RESOLUTION 5 (Rev. Baku, 2025)", ["Template"])]
    assert parsed.warnings == (
        "x.txt:5: 'ANNEX 1 to RESOLUTION 5 (Rev. Baku, 2025)' does not follow its resolution; "
        "read as an annex of q-1-1",
    )
    with pytest.raises(ParseError, match=r"^x.txt:5: 'ANNEX 1 to RESOLUTION 5 \(Rev. Baku, "
                       r"2025\)' does not follow its resolution; an annex must come after"):
        parse_source(source, strict=True)


def test_annex_before_any_document() -> None:
    parsed = parse_source(report_layout("ANNEX 2 to RESOLUTION 5 (Rev. Baku, 2025)", "Template"))
    assert parsed.ids == ("res-5",)
    assert parsed.documents[0].clauses[0].text == "Template"
    assert parsed.warnings == (
        "x.txt:1: 'ANNEX 2 to RESOLUTION 5 (Rev. Baku, 2025)' follows no resolution; read as "
        "the text of res-5",
    )


def test_heading_that_cannot_be_read_is_text() -> None:
    source = report_layout(*HEAD, "resolves", "1\tto act;", "RESOLUTION 37 (Rev. Baku, 2025")
    parsed = parse_source(source)
    # No new document: the line stays in res-99 (a short capitalised line: a body heading).
    assert parsed.ids == ("res-99",)
    assert parsed.documents[0].sections[-1].heading == "RESOLUTION 37 (Rev. Baku, 2025"
    assert parsed.warnings == (
        "x.txt:11: 'RESOLUTION 37 (Rev. Baku, 2025' looks like a document heading but is not "
        "one (expected e.g. 'RESOLUTION 37 (Rev. Baku, 2025)'); read as part of res-99",
    )
    with pytest.raises(ParseError, match=r"^x.txt:11: cannot read the document heading"):
        parse_source(source, strict=True)


def test_a_sentence_that_names_a_recommendation_is_text() -> None:
    # pdftotext output: a list item that starts with a document's name.
    source = report_layout(*HEAD, "recalling", "a)\tthe following texts:",
                           "RECOMMENDATION ITU-D 17, Sharing of best practices;",
                           "RESOLUTION 37 (Rev. Kigali, 2022) of this conference, on bridging;")
    for strict in (False, True):
        parsed = parse_source(source, strict=strict)
        assert [c.text for c in parsed.documents[0].clauses][-2:] == [
            "RECOMMENDATION ITU-D 17, Sharing of best practices;",
            "RESOLUTION 37 (Rev. Kigali, 2022) of this conference, on bridging;",
        ]
        assert parsed.warnings == ()


def test_text_without_wtdc_structure_is_paragraphs_with_one_warning() -> None:
    parsed = parse_source(SourceText("Minutes\n\nThe meeting opened.\n\nIt closed.\n", "text",
                                     name="minutes.txt"))
    assert [c.text for c in parsed.documents[0].clauses] == [
        "Minutes", "The meeting opened.", "It closed."]
    assert parsed.warnings == (
        "minutes.txt: holds no WTDC document heading (RESOLUTION, QUESTION, DECLARATION, …); "
        "read as 3 paragraphs",
    )


def test_the_on_paragraph_of_the_issue(final_report_path) -> None:
    # Paragraph a) of "considering also" in Resolution 1 became the single word "on".
    lines = final_report_path.read_text(encoding="utf-8").split("\n")
    assert lines[3178:3180] == ["\t\t\tconsidering also", ""]
    assert lines[3180].startswith("\t\t\ta)\tthat ITU-D shall work, inter alia,")
    lines[3180] = "\t\t\ton"
    parsed = parse_source(SourceText("\n".join(lines), "text", name="on.txt"))
    assert parsed.warnings[0] == (
        "on.txt:3181: read 'on' as the rest of the heading 'considering also' in res-1")
    assert len(parsed.documents) == 112


def test_document_ids_are_case_insensitive(report: ParsedText) -> None:
    assert report.select("RES-37") == report.select("res-37")
    assert [d.id for d in report.select("RI-ASP")] == [f"ri-asp{n}" for n in range(1, 6)]


# --- decoding: control characters ----------------------------------------------------------


def test_control_characters_inside_text_are_dropped_with_a_warning() -> None:
    decoded = decode(b"one\ntwo\x00 words\x1b and\x00 more\n", name="pdf.txt")
    assert decoded.text == "one\ntwo words and more\n"
    assert decoded.warnings == (
        "pdf.txt:2: dropped 3 control characters (first U+0000), which carry no text",)
    source = read_bytes(b"RESOLUTION 1 (Baku, 2025)\x00\n", name="r.txt")
    assert source.text == "RESOLUTION 1 (Baku, 2025)\n"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"\x00\x01\x02ab\x00\x00", "it contains NUL bytes"),  # mostly control bytes
        (b"\x01\x02\x03\x04ab", "it is mostly control characters"),
        (b"caf\xe9\x00", "it contains NUL bytes"),  # no Windows-1252 text holds NUL
    ],
)
def test_mostly_control_characters_is_binary(data: bytes, why: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, name="x.bin")
    assert str(caught.value) == (
        f"x.bin: looks like a binary file ({why}), not text; give a .txt, .md, .html, .docx or "
        ".pdf file"
    )


# --- messages --------------------------------------------------------------------------------


def test_summarise_past_ten() -> None:
    warnings = [f"w{n}" for n in range(13)]
    assert summarise(warnings) == (
        *warnings[:10],
        "… and 3 more warnings like these (--format json lists them all where the format has "
        "a warnings field)",
    )
    assert summarise(warnings[:10]) == tuple(warnings[:10])


def test_suggest() -> None:
    assert suggest("bakku-2025", ["kigali-2022", "baku-2025"]) == " (did you mean baku-2025?)"
    assert suggest("RES-377", ["res-37", "res-77", "q-1-1"]) == (
        " (did you mean res-77 or res-37?)")
    assert suggest("zzz", ["res-37"]) == ""
