"""Lineage tables of the real WTDC-25 Final Report: status table, abrogated list, Questions."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from toolkit.errors import ParseError
from toolkit.ingest import SourceText, read_source
from toolkit.parse import Lineage, ParsedText, check_corpus, parse_lineage


@pytest.fixture(scope="module")
def lineage(final_report_path: Path, report: ParsedText) -> Lineage:
    return parse_lineage(read_source(final_report_path), documents=report.documents)


def test_status_table_counts(lineage: Lineage) -> None:
    assert Counter((r.kind, r.status) for r in lineage.rows) == {
        ("resolution", "In force"): 63,
        ("resolution", "Abrogated"): 37,
        ("resolution", "Obsolete"): 7,
        ("recommendation", "In force"): 7,
        ("recommendation", "Abrogated"): 15,
        ("recommendation", "Obsolete"): 2,
        ("decision", "Abrogated"): 1,
    }


def test_what_baku_did(lineage: Lineage) -> None:
    assert Counter((r.kind, r.baku) for r in lineage.current) == {
        ("resolution", "revised"): 43,
        ("resolution", "unchanged"): 16,
        ("resolution", "new"): 4,
        ("resolution", "abrogated"): 1,
        ("recommendation", "unchanged"): 7,
    }
    assert sorted(int(r.number) for r in lineage.current if r.baku == "new") == [91, 92, 93, 94]


@pytest.mark.parametrize(
    ("doc_id", "baku", "prior"),
    [
        ("res-37", "revised", "Kigali, 2022"),
        ("res-16", "revised", "Buenos Aires, 2017"),
        ("res-24", "revised", "Dubai, 2014"),
        ("res-10", "revised", "Hyderabad, 2010"),
        ("res-15", "unchanged", "Kigali, 2022"),
        ("res-26", "unchanged", "Doha, 2006"),
        ("res-91", "new", None),
        ("res-53", "abrogated", "Dubai, 2014"),
        ("rec-19", "unchanged", "Dubai, 2014"),
        ("rec-15", "unchanged", "January 2002"),
    ],
)
def test_prior_edition(lineage: Lineage, doc_id: str, baku: str, prior: str | None) -> None:
    row = lineage.row(doc_id)
    assert (row.baku, row.prior_edition) == (baku, prior)


def test_resolution_37_row(lineage: Lineage) -> None:
    row = lineage.row("res-37")
    assert row.title == "Bridging the digital divide"
    assert row.first_approved == "Istanbul, 2002"
    assert row.history == (
        "Rev. Doha, 2006", "Rev. Hyderabad, 2010", "Rev. Dubai, 2014",
        "Rev. Buenos Aires, 2017", "Rev. Kigali, 2022", "Rev. Baku, 2025",
    )
    assert (row.status, row.text_in_corpus) == ("In force", True)


def test_messy_histories(lineage: Lineage) -> None:
    # Printed with a comma where the other rows have a semicolon.
    assert lineage.row("res-51").history == ("Rev. Hyderabad, 2010", "Rev. Kigali, 2022")
    assert lineage.row("res-51").prior_edition == "Kigali, 2022"
    res_32 = next(r for r in lineage.rows if r.kind == "resolution" and r.number == "32")
    assert res_32.history == ("Rev. Doha, 2006", "Rev. Hyderabad, 2010", "Abr. Buenos Aires, 2017")
    assert (res_32.baku, res_32.doc_id) == (None, None)
    replaced = next(
        r for r in lineage.rows if r.number == "3" and r.first_approved == "Valletta, 1998"
    )
    assert replaced.history == ("Rev. Istanbul, 2002", "Replaced by Res. 2 (Doha, 2006)")
    assert next(r for r in lineage.rows if r.number == "1").history == ()  # printed "–"


def test_abrogated_by_baku(lineage: Lineage) -> None:
    (entry,) = lineage.abrogated
    assert (entry.number, entry.edition_label) == ("53", "Rev. Dubai, 2014")
    assert entry.title.startswith("Strategic and financial framework")
    row = lineage.row("res-53")
    assert (row.status, row.text_in_corpus) == ("Abrogated", False)


def test_question_renumbering(lineage: Lineage) -> None:
    assert [(q.number, q.origin, q.former) for q in lineage.questions] == [
        ("1/1", "merge", ("1/1", "5/1")),
        ("2/1", "continuation", ("2/1",)),
        ("3/1", "continuation", ("3/1",)),
        ("4/1", "continuation", ("4/1",)),
        ("5/1", "merge", ("6/1", "7/1")),
        ("1/2", "merge", ("1/2", "2/2")),
        ("2/2", "merge", ("6/2", "7/2")),
        ("3/2", "continuation", ("3/2",)),
        ("4/2", "continuation", ("4/2",)),
        ("5/2", "continuation", ("5/2",)),
    ]
    assert lineage.questions[0].origin_text == (
        "Merging of former Question 1/1 with former Question 5/1 under a revised title with "
        "updated topics"
    )


def test_status_table_and_texts_agree(lineage: Lineage, report: ParsedText) -> None:
    check = check_corpus(lineage, report.documents)
    assert (check.missing_text, check.unlisted_text) == ((), ())


def test_check_names_missing_and_unlisted(lineage: Lineage, report: ParsedText) -> None:
    docs = [d for d in report.documents if d.id not in ("res-37", "rec-19")]
    check = check_corpus(lineage, docs)
    assert check.missing_text == ("res-37", "rec-19")
    rows = tuple(replace(r, doc_id="res-95") if r.doc_id == "res-91" else r for r in lineage.rows)
    check = check_corpus(Lineage(rows, (), ()), report.documents)
    assert (check.missing_text, check.unlisted_text) == (("res-95",), ("res-91",))


def test_a_text_without_tables_is_an_error() -> None:
    source = SourceText(text="\t\t\tQUESTION 1/1\n\n\t\t\tTitle\n", format="text", name="q.txt")
    with pytest.raises(ParseError, match=r"'q\.txt' holds no list of abrogated resolutions"):
        parse_lineage(source)
