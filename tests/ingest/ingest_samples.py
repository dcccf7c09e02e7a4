"""The same content in every format, built in memory (python-docx, fpdf2, pypdf)."""

from __future__ import annotations

import io

# A small resolution as the formats would carry it: heading, preamble, labelled clauses,
# hyphenation, a period of years, a `1bis` label; ASCII plus Latin-1 so fpdf2's core font
# can draw it.
PARAGRAPHS = (
    "RESOLUTION 37 (Rev. Baku, 2025)",
    "Bridging the digital divide",
    "considering",
    "a) that ITU-D works on connectivity for 2026-2029;",
    "b) that the clause 1bis and the café stay as they are;",
    "resolves",
    "1 to continue the programme.",
)


def docx_bytes(paragraphs: tuple[str, ...] = PARAGRAPHS) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(paragraphs: tuple[str, ...] = PARAGRAPHS) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def encrypted_pdf_bytes(*, user_password: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
