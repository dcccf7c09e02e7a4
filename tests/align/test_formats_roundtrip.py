"""A final report as Word or PDF must parse to the same clauses as the plain text (issue 4.8).

A slice of the shipped report (Resolutions 37 and 40, initiative ASP1) is written to .docx
with python-docx (one paragraph per line, as Word holds "a)<tab>text") and to .pdf with
fpdf2 in DejaVu Sans, read back through toolkit.ingest and parsed; at least 99% of the
plain text's clause texts must come back identical.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from toolkit.corpus.sources import resolve
from toolkit.ingest import read_bytes, read_source
from toolkit.parse import parse_source

SLICE = ("ri-asp1", "res-37", "res-40")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def lines(final_report_path: Path) -> list[str]:
    report = final_report_path.read_text(encoding="utf-8").splitlines()
    spans = [d.span for d in resolve("baku-2025") if d.id in SLICE]
    return [line for start, end in spans for line in report[start - 1 : end]]


def clause_texts(documents: object) -> Counter[tuple[str, str]]:
    return Counter((d.id, c.text) for d in documents for c in d.clauses)  # type: ignore[attr-defined]


def write_docx(lines: list[str], path: Path) -> None:
    from docx import Document

    document = Document()
    for line in lines:
        if line.strip():
            document.add_paragraph(line.strip())
    document.save(str(path))


def write_pdf(lines: list[str], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    for line in lines:
        if line.strip():
            # A PDF has no tab: the label stands apart by space, as in ITU's own PDFs.
            pdf.multi_cell(0, 5, line.strip().replace("\t", "  "), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_word_and_pdf_parse_to_the_same_clauses(
    suffix: str, lines: list[str], tmp_path: Path
) -> None:
    if suffix == ".pdf" and not FONT.exists():
        pytest.skip(f"no Unicode TrueType font at {FONT} (Debian package fonts-dejavu-core)")
    text = "\n".join(lines) + "\n"
    expected = clause_texts(parse_source(read_bytes(text.encode(), name="slice.txt")).documents)
    assert sum(expected.values()) == 163
    path = tmp_path / f"slice{suffix}"
    (write_docx if suffix == ".docx" else write_pdf)(lines, path)
    got = clause_texts(parse_source(read_source(path)).documents)
    share = sum((expected & got).values()) / sum(expected.values())
    assert share >= 0.99, f"{share:.1%} of clause texts identical"
