"""A PDF set ragged right (a word processor's default, not ITU's justified layout) keeps its
paragraphs: a line that stops short of the margin ends a paragraph only where the next
line's first word would have fitted."""

from __future__ import annotations

from pathlib import Path

from toolkit.ingest import read_source

DECLARATION = Path(__file__).parents[2] / "corpora" / "baku-declaration-prefinal.md"


def _paragraphs() -> list[str]:
    """The pre-final declaration's paragraphs, as plain Latin-1 text for a core PDF font."""
    text = DECLARATION.read_text(encoding="utf-8").replace("**", "")
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return [" ".join(p.split()).translate(table).encode("latin-1", "replace").decode("latin-1")
            for p in text.split("\n\n") if p.strip()]


def test_ragged_right_pdf_keeps_each_paragraph(tmp_path) -> None:
    from fpdf import FPDF

    paragraphs = _paragraphs()
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5.5, paragraph, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    path = tmp_path / "ragged.pdf"
    pdf.output(str(path))

    # Compared word for word: a wide gap after a label may be read as its tab.
    read = [" ".join(line.split()) for line in read_source(path).text.split("\n") if line.strip()]

    assert len(paragraphs) == 26
    assert read == paragraphs
