"""No text of the report is lost by the parser.

Every non-blank source line inside a document's span ends up in a clause (its line span), or
is printed in the document's heading, title, edition label, a section heading or a footnote.
Between documents the parser deliberately skips only the part, region and study-group
headings (the region headings are kept in `ParsedText.regions`) and the note that replaces an
abrogated resolution (kept in `ParsedText.notes`).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from toolkit.ingest import comparable, read_source
from toolkit.parse import Document, ParsedText

_GLUED_MARKER = re.compile(r"(?<=[A-Za-z])\d{1,2}(?=[\s,;:.]|$)")
_BULLET = re.compile(r"^\s*[–•-]\t")
_LABEL = re.compile(r"^\s*[\w.]+\)?:?\t")


def _accounted(doc: Document, report: ParsedText) -> str:
    parts = [doc.heading, doc.title, f"{doc.heading}: {doc.title}", f"({doc.edition_label})"]
    # Initiatives of one region share one run of footnotes, printed after the last of them.
    group = [d for d in report.documents if doc.region and d.region == doc.region] or [doc]
    parts += [f.text for d in group for f in d.footnotes]
    parts += [f.text for d in group for c in d.clauses for f in c.footnotes]
    for section in doc.sections:
        parts.append(section.heading or "")
        parts += [f.text for f in section.footnotes]
        for clause in section.clauses:
            parts += [f.text for f in clause.footnotes]
    if doc.region:
        parts.append(report.region_heading(doc.region) or "")
    return comparable(" ".join(parts))


def _lost_lines(report: ParsedText, lines: list[str]) -> list[tuple[str, int, str]]:
    lost = []
    for doc in report.documents:
        in_clauses = {
            n for c in doc.clauses for n in range(c.span[0], c.span[1] + 1)
        }
        accounted = _accounted(doc, report)
        for n in range(doc.span[0], doc.span[1] + 1):
            line = lines[n - 1]
            if not line.strip() or n in in_clauses:
                continue
            candidates = {comparable(line), comparable(_LABEL.sub("", line))}
            candidates |= {_GLUED_MARKER.sub("", c) for c in candidates}
            if not any(c in accounted for c in candidates):
                lost.append((doc.id, n, line.strip()))
    return lost


def test_no_line_inside_a_document_is_lost(report: ParsedText, final_report_path: Path) -> None:
    lines = read_source(final_report_path).lines
    assert _lost_lines(report, lines) == []


def test_clause_raw_text_is_the_source_of_its_lines(
    report: ParsedText, final_report_path: Path
) -> None:
    # The characters of every clause (whitespace aside) are those of its source lines, less
    # the footnote markers: e.g. Resolution 37, clause by clause.
    lines = read_source(final_report_path).lines
    for doc in (report.document("res-37"), report.document("q-1-1"), report.document("ri-eur4")):
        for clause in doc.clauses:
            source = "".join(lines[clause.span[0] - 1 : clause.span[1]])
            squeeze = "".join(_BULLET.sub("", source).split())  # a list dash is no text
            raw = "".join(clause.raw.split())
            markers = sum(len(f.marker) for f in clause.footnotes)
            label = len(clause.label or "")
            assert len(squeeze) == len(raw) + label, (doc.id, clause.label)
            assert markers == 0 or clause.text != clause.raw


def test_only_part_region_and_study_group_headings_lie_between_documents(
    report: ParsedText, final_report_path: Path
) -> None:
    lines = read_source(final_report_path).lines
    spans = sorted(d.span for d in report.documents)
    between = [
        lines[n - 1].strip()
        for (_, end), (start, _) in itertools.pairwise(spans)
        for n in range(end + 1, start)
        if lines[n - 1].strip()
    ]
    skipped = re.compile(
        r"^(Part [IVX]+ [-–] .+|[A-Z -]+ REGIONAL INITIATIVES|STUDY GROUP \d)$"
    )
    rest = [t for t in between if not skipped.match(t)]
    assert rest == [
        "RESOLUTION 53 (Rev.\xa0Dubai, 2014)",
        "Strategic and financial framework for the elaboration and implementation of the "
        "Dubai Action Plan",
        "(Abrogated by WTDC-25)",
    ]
    assert dict(report.notes) == {"res-53": "(Abrogated by WTDC-25)"}
    assert len([t for t in between if t.endswith("REGIONAL INITIATIVES")]) == 6


def test_footnotes_without_a_marker_stay_with_their_document(report: ParsedText) -> None:
    # The source lost the markers of these footnotes: the text is kept on the document.
    assert [(f.marker, f.text) for f in report.document("res-11").footnotes] == [
        ("2", "Noting that some Member States have not endorsed the Global Digital Compact.")
    ]
    assert [f.marker for f in report.document("res-76").footnotes] == ["2"]
    assert len(report.warnings) == 2


def test_marker_glued_to_a_number_when_the_footnote_names_it(report: ParsedText) -> None:
    # "the work of Focus Group 71, Focus Group 7's Report2": footnote 1 begins "Focus Group 7
    # was established at WTDC-98".
    (considering,) = [s for s in report.document("rec-17").sections if s.heading == "considering"]
    clause = considering.clauses[0]
    assert [f.marker for f in clause.footnotes] == ["1", "2"]
    assert clause.text.startswith("the work of Focus Group 7, Focus Group 7's Report, and")
    assert clause.footnotes[0].text.startswith("Focus Group 7 was established at WTDC-98")


def test_display_keeps_the_printed_characters_comparison_unifies_them(
    report: ParsedText,
) -> None:
    first = report.document("declaration").clauses[0]
    assert "from 17\xa0to\xa028 November\xa02025 under" in first.raw
    assert "from 17 to 28 November 2025 under" in first.text
    range_clause = next(
        c for c in report.document("res-1").clauses if c.raw.endswith("§§\xa03.4.1–3.4.6 above;")
    )
    assert range_clause.text.endswith("as specified in §§ 3.4.1-3.4.6 above;")
    assert range_clause.label == "a)"
