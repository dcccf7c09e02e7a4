"""The repairs the layout readers share: line-end hyphens, label tabs, plain footnotes, the
per-chapter HTML edition, Word footnotes and HTML footnote links."""

from __future__ import annotations

import io
import zipfile

import pytest

from toolkit.ingest import read_bytes, read_source
from toolkit.ingest.hyphens import join_hyphenated, lexicon, lexicon_words
from toolkit.ingest.labels import tab_after_label
from toolkit.ingest.layout import Paragraph, report_text


@pytest.mark.parametrize(
    ("head", "tail", "expected"),
    [
        ("a moment for participa-", "tion of all", ("a moment for participation of all", True)),
        ("the global conn-", "ectivity agenda", ("the global connectivity agenda", True)),
        ("evidence-based decision-", "making", ("evidence-based decision-making", False)),
        ("public-", "private partnerships", ("public-private partnerships", False)),
        ("telecommu\u00ad", "nication services", ("telecommunication services", True)),
        ("opportuni\x02", "ties for all", ("opportunities for all", True)),
    ],
)
def test_line_end_hyphens_are_undone_only_inside_a_word(head, tail, expected) -> None:
    assert join_hyphenated(head, tail) == expected


def test_lexicon_is_the_shipped_reports_words(final_report_path) -> None:
    words = lexicon_words(final_report_path.read_text(encoding="utf-8"))
    assert frozenset(words) == lexicon()  # rebuild: python -m toolkit.ingest.hyphens REPORT
    assert len(words) == 6197
    assert {"participation", "decision-making", "multistakeholder"} <= lexicon()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a) that ITU", "a)\tthat ITU"),
        ("a)\u00a0that ITU", "a)\tthat ITU"),
        ("1\u00a0Member States to work", "1\tMember States to work"),  # Word's tab stand-in
        ("1 to continue", "1\tto continue"),
        ("1.1 The World Conference", "1.1\tThe World Conference"),
        ("a)\tthat", "a)\tthat"),
        # must not change: text that only looks like a label
        ("2030 Agenda for Sustainable Development", "2030 Agenda for Sustainable Development"),
        ("25 June 2025 in Baku", "25 June 2025 in Baku"),
        ("1\u00a0200 attendees of workshops", "1\u00a0200 attendees of workshops"),
        ("1 These include the least developed", "1 These include the least developed"),
    ],
)
def test_tab_after_label(text, expected) -> None:
    assert tab_after_label(text) == expected


def test_numbered_paragraphs_after_the_text_are_its_footnotes() -> None:
    text = report_text([
        Paragraph("RESOLUTION 37 (Rev. Kigali, 2022)"),
        Paragraph("a) that developing1 countries need access;"),
        Paragraph("1 to continue the programme."),  # a clause: lowercase, not a footnote
        Paragraph("1 These include the least developed countries."),
    ])
    assert text.split("\n\n") == [
        "\t\t\tRESOLUTION 37 (Rev. Kigali, 2022)",
        "\t\t\ta)\tthat developing1 countries need access;",
        "\t\t\t1\tto continue the programme.",
        "\t\t\t\t\t\t1\tThese include the least developed countries.",
    ]


def _chapter(title: str, body: str) -> bytes:
    return f"<html><body><h2>{title}</h2>{body}</body></html>".encode()


def test_per_chapter_edition_in_table_of_contents_order(tmp_path) -> None:
    (tmp_path / "b.htm").write_bytes(_chapter("RESOLUTION 2 (Rev. Baku, 2025)", "<p>second</p>"))
    (tmp_path / "a.htm").write_bytes(_chapter("RESOLUTION 1 (Rev. Baku, 2025)", "<p>first</p>"))
    toc = tmp_path / "toc.htm"
    toc.write_text('<ul><li><a href="b.htm">Res 2</a></li><li><a href="a.htm">Res 1</a></li></ul>')
    expected = ["RESOLUTION 2 (Rev. Baku, 2025)", "second", "RESOLUTION 1 (Rev. Baku, 2025)",
                "first"]
    for given in (toc, tmp_path):
        source = read_source(given)
        # Given the folder, its table of contents is found and leads the reading order.
        assert [line.strip() for line in source.lines if line.strip()] == expected
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("toc.htm", "a.htm", "b.htm"):
            archive.write(tmp_path / name, f"edition/{name}")
    zipped = read_bytes(buffer.getvalue(), name="edition.zip")
    assert [line.strip() for line in zipped.lines if line.strip()] == expected


def test_html_footnote_links_move_the_note_after_its_paragraph() -> None:
    page = (
        '<p>a)&nbsp;that developing countries<a href="#_ftn1"><span>[1]</span></a> need;</p>'
        "<p>b)<span style='mso-tab-count:1'>&nbsp; </span>that the rest;</p>"
        "<div style='mso-element:footnote-list'><div id=ftn1><p class=MsoFootnoteText>"
        '<a href="#_ftnref1" name="_ftn1">[1]</a> These include LDCs.</p></div></div>'
    )
    assert read_bytes(page.encode(), name="w.htm").text.split("\n\n") == [
        "\t\t\ta)\tthat developing countries1 need;",
        "\t\t\t\t\t\t1\tThese include LDCs.",
        "\t\t\tb)\tthat the rest;",
    ]
