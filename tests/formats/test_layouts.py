"""Issue 10: the whole Baku report as ITU publishes editions (PDF, Word, HTML) parses to the
clauses of the text: ≥ 99.5 % identity and labels, ≥ 98 % footnotes attached, no clause
holding page furniture, ≤ 0.5 % of line-end hyphens left."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

import pytest
from scoring import LayoutScore, score

from toolkit.cli import main
from toolkit.ingest.word import read_docx

HEADER = "WTDC-25 - Final Report"
LAYOUTS = ("pdf", "docx", "docx-tracked", "html", "html-word", "html-chapters")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_layout_gives_the_texts_clauses(layout, layout_reads, baku_text) -> None:
    source, parsed = layout_reads(layout)
    result = score(baku_text, parsed, header=HEADER)
    assert result.clauses == 4939  # a labelled clause's further paragraphs count apart ("a) ¶2")
    assert result.identity >= 0.995, f"{result.identity:.2%} of clauses identical"
    assert result.labels >= 0.995, f"{result.labels:.2%} with the same label"
    assert result.footnotes >= 0.98, f"{result.footnotes:.2%} of footnotes attached"
    assert result.furniture == 0
    cleaning = source.cleaning
    assert cleaning is not None
    hyphens = cleaning.hyphens_joined + cleaning.hyphens_kept
    assert result.hyphen_share(hyphens) <= 0.005, f"{result.hyphens_left} of {hyphens} left"


def test_pdf_says_what_it_cleaned(layout_sources) -> None:
    cleaning = layout_sources("pdf").cleaning
    assert cleaning is not None
    # A running header and a page number on each of 356 pages; 102 footnotes at page feet.
    assert (cleaning.pages, cleaning.furniture_lines, cleaning.footnotes) == (356, 712, 102)
    assert cleaning.hyphens_joined == 2176
    assert cleaning.hyphens_kept == 0


def test_word_tracked_changes_are_accepted_with_a_warning(layouts, layout_sources) -> None:
    path = layouts["docx-tracked"]
    accepted = layout_sources("docx-tracked")
    assert accepted.warnings == (
        f"{path}: holds 2334 tracked change(s) and 1 comment(s); read as every change "
        "accepted (use --docx-view original for the other view), comments left out",
    )
    assert accepted.text == layout_sources("docx").text
    original = read_docx(path.read_bytes(), name=str(path), view="original")
    # 1,167 paragraphs had their last word inserted after a deleted "draft".
    assert original.text.count("draft") - accepted.text.count("draft") == 1167
    assert original.warnings[0].endswith(
        "read as the text before the changes (use --docx-view accepted for the other view), "
        "comments left out"
    )


def test_parse_says_per_file_what_was_cleaned(capsys, layouts) -> None:
    path = layouts["pdf"]
    assert main(["parse", str(path), "--doc", "res-37", "--format", "csv"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == (
        f"wtdc: {path}: 356 pages, 712 header/footer lines removed, 2176 hyphens joined "
        "(0 kept), 100 footnotes attached, 2 unattached"
    )
    assert main(["parse", str(path), "--doc", "res-37", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().err.splitlines()[-1].removeprefix("wtdc: "))
    assert summary == {
        "file": str(path), "pages": 356, "furniture_lines_removed": 712,
        "hyphens_joined": 2176, "hyphens_kept": 0, "footnotes_attached": 100,
        "footnotes_unattached": 2, "tracked_changes": 0, "comments": 0,
    }


# Without positions, a paragraph whose last line happens to be full cannot be told from the
# next one, nor a lone table cell from a heading: -layout keeps the columns that tell cells
# and deeper paragraphs; pypdf keeps none but doubles the spaces of a justified line (so a
# single-spaced short one ends its paragraph); pdftotext keeps neither, and joins the lines
# it finds hyphenated (what is left of a joined line is a guess).
_NO_COLUMNS = pytest.mark.xfail(strict=True, reason=(
    "identity / labels 99.23 / 99.19 % (pdftotext): paragraphs whose last line is full run "
    "on into the next"
))


@pytest.fixture(scope="session")
def extraction_score(layouts, layout_reads, baku_text) -> Callable[[str], LayoutScore]:
    """Extraction name → how much of the text's parse it gives back, parsed once a session."""
    def scored(extraction: str) -> LayoutScore:
        if extraction not in layouts:
            pytest.skip("pdftotext is not installed (Debian package poppler-utils; make tools)")
        return score(baku_text, layout_reads(extraction)[1], header=HEADER)

    return functools.cache(scored)


@pytest.mark.parametrize("extraction", [
    "pypdf",
    pytest.param("pdftotext", marks=_NO_COLUMNS),
    "pdftotext-layout",
])
def test_pdf_text_extraction_gives_the_texts_clauses(extraction, extraction_score) -> None:
    result = extraction_score(extraction)
    assert result.identity >= 0.995, f"{result.identity:.2%} of clauses identical"
    assert result.labels >= 0.995, f"{result.labels:.2%} with the same label"
    assert result.footnotes >= 0.98, f"{result.footnotes:.2%} of footnotes attached"
    assert result.furniture == 0
    assert result.hyphen_share(2176) <= 0.005  # the PDF's line-end hyphens


def test_pdftotext_attaches_footnotes_it_sets_apart(extraction_score) -> None:
    """Plain pdftotext meets all but identity and labels: it prints a page's footnote numbers
    apart from their texts (a block each, the end of a block, glued to a word it broke), and
    the texts on their own or run on from the body's last block."""
    result = extraction_score("pdftotext")
    assert result.footnotes >= 0.98, f"{result.footnotes:.2%} of footnotes attached"
    assert result.furniture == 0
    assert result.hyphen_share(2176) <= 0.005
    # Short of 99.5 % by paragraphs whose last line is full (see _NO_COLUMNS).
    assert result.identity >= 0.99, f"{result.identity:.2%} of clauses identical"
    assert result.labels >= 0.99, f"{result.labels:.2%} with the same label"


def test_pdf_text_extraction_loses_its_page_furniture(layout_sources) -> None:
    source = layout_sources("pypdf")
    assert source.cleaning is not None
    # pypdf puts each page number at the foot of its page, the running header at its top.
    assert (source.cleaning.pages, source.cleaning.hyphens_joined) == (356, 2176)
    assert "WTDC-25 - Final Report" not in source.text


def test_generator_says_how_to_call_it(generator, capsys, tmp_path) -> None:
    with pytest.raises(SystemExit) as done:
        generator.main(["--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("usage: render_formats.py [-h] OUT_DIR [REPORT.txt]")
    missing = tmp_path / "report.txt"
    assert generator.main([str(tmp_path / "out"), str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"render_formats: {missing}: no such file; give the report as a .txt file\n"
    )
    assert not (tmp_path / "out").exists()
