"""Lay the shipped Baku report out as ITU publishes editions: PDF, Word, HTML (same words).

The tests and benchmarks read these layouts back and compare the clauses with the text's;
the output is derived from the Baku text and is no ITU edition. Every logical line of the
report becomes one block with its role (body, deeper paragraph, footnote, table cell), so
the layouts carry the whole report, front matter and annexes included.

    .venv/bin/python scripts/render_formats.py OUT_DIR [REPORT.txt]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.ingest import comparable
from toolkit.parse import headings as h
from toolkit.parse.lines import logical_lines, split_label

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "corpora" / "wtdc-25-final-report.txt"
RUNNING_HEADER = "WTDC-25 - Final Report"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
LAYOUTS = ("pdf", "docx", "docx-tracked", "html", "html-word", "html-chapters")


@dataclass
class Block:
    role: str  # "body", "indented", "footnote", "cell"
    text: str  # without the label; inner tabs kept
    label: str | None = None  # as printed, bullets included
    marker: str | None = None  # a footnote's number
    refs: list[tuple[int, str]] = field(default_factory=list)  # (offset, marker) in text
    notes: list[Block] = field(default_factory=list)  # footnotes whose marker is here
    referenced: bool = False  # a footnote whose marker was found

    @property
    def heading(self) -> bool:
        return self.role == "body" and self.label is None and bool(h.STRUCTURAL.match(self.text))


def _marker(marker: str) -> re.Pattern[str]:
    # As the parser finds a marker: glued to a word of two letters or to closing punctuation.
    return re.compile(rf"(?:(?<=[A-Za-z][a-z])|(?<=[a-z][A-Za-z])|(?<=[)\]\"”’'])){marker}(?!\w)")


def report_blocks(text: str) -> list[Block]:
    """The report's logical lines as blocks; each footnote hangs on the block carrying its
    marker (the nearest one above it)."""
    lines, _ = logical_lines(text)
    blocks: list[Block] = []
    for line in lines:
        if line.indent == 6 and (note := re.match(r"^(\d+)\t+(.*)$", line.text)):
            blocks.append(Block("footnote", note[2], marker=note[1]))
            continue
        role = "cell" if line.indent >= 7 else "indented" if line.indent == 4 else "body"
        _, labelled, rest = split_label(line.text, tabbed=True)
        label = line.text[: len(line.text) - len(rest)].rstrip("\t") if labelled else None
        blocks.append(Block(role, rest, label))
    start = 0  # of the document the footnotes below belong to
    cursor = (0, 0)  # block, offset after the last marker found: markers come in order
    for index, block in enumerate(blocks):
        if block.heading and any(p.match(block.text) for p in _CHAPTERS):
            start, cursor = index, (index, 0)
        if block.role != "footnote" or block.marker is None:
            continue
        hit = (
            _find(blocks, _marker(block.marker), cursor, index)
            or _find(blocks, _marker(block.marker), (start, 0), index)
            or _find_number_marker(blocks, block, start, index)
        )
        if hit is not None:
            above = blocks[hit[0]]
            above.refs = sorted([*above.refs, (hit[1], block.marker)])
            above.notes.append(block)
            block.referenced = True
            cursor = (hit[0], hit[1] + len(block.marker))
    return blocks


def _find_number_marker(
    blocks: Sequence[Block], note: Block, start: int, end: int
) -> tuple[int, int] | None:
    """A marker glued to a number (`Focus Group 71`), when the footnote names the number."""
    pattern = re.compile(rf"\b([A-Za-z]{{2,}}\s\d+){note.marker}(?!\w)")
    for index in range(start, end):
        for match in pattern.finditer(blocks[index].text):
            if blocks[index].role != "footnote" and comparable(match[1]) in comparable(note.text):
                return index, match.end(1)
    return None


def _find(
    blocks: Sequence[Block], pattern: re.Pattern[str], cursor: tuple[int, int], end: int
) -> tuple[int, int] | None:
    """The first marker at or after the cursor, as the parser looks for it."""
    for index in range(cursor[0], end):
        block = blocks[index]
        if block.role == "footnote":
            continue
        taken = {offset for offset, _ in block.refs}
        for match in pattern.finditer(block.text, cursor[1] if index == cursor[0] else 0):
            if match.start() not in taken:
                return index, match.start()
    return None


def pieces(block: Block) -> Iterator[tuple[str, str | None]]:
    """(text, None) runs and ("", marker) footnote references, in order."""
    at = 0
    for offset, marker in block.refs:
        yield block.text[at:offset], None
        yield "", marker
        at = offset + len(marker)
    yield block.text[at:], None


# --- PDF -----------------------------------------------------------------------------


def _soft_hyphens(text: str) -> str:
    """Break points inside long lowercase words, as a typesetter's hyphenation would."""

    def breakable(word: str) -> str:
        if len(word) < 9 or not word.isalpha() or not word.islower():
            return word
        return f"{word[:4]}\u00ad{word[4:-4]}\u00ad{word[-4:]}" if len(word) > 11 else \
            f"{word[:4]}\u00ad{word[4:]}"

    return re.sub(r"[^\W\d_]+", lambda m: breakable(m[0]), text)


_MARGIN, _GUTTER, _BASE_BREAK, _LINE_HEIGHT = 20.0, 10.0, 22.0, 4.6


def write_pdf(blocks: Sequence[Block], path: Path, *, header: str = RUNNING_HEADER) -> int:
    """A4, running header, page numbers at the foot, footnotes at the foot of the page where
    their paragraph starts, justified and hyphenated text. Returns the page count."""
    pdf = _report_pdf(header)
    for block in blocks:
        if block.role == "footnote" and block.referenced:
            continue
        if pdf.get_y() + 3 * _LINE_HEIGHT > pdf.page_break_trigger:
            pdf.add_page()
        # A footnote goes to the foot of the page where its paragraph starts (one whose
        # marker the text lost, where it stands): the body stops above it.
        notes = block.notes if block.role != "footnote" else [block]
        if notes:
            _reserve_notes(pdf, notes)
        if block.role == "footnote":
            continue
        if block.heading:
            pdf.set_font("Serif", style="B", size=11)
            pdf.ln(3)
            pdf.multi_cell(0, 5.5, block.text.replace("\t", "   "), align="C")
            pdf.ln(2)
        else:
            _pdf_paragraph(pdf, block)
    pdf.output(str(path))
    return pdf.page_no()


def _report_pdf(header: str) -> Any:
    """An empty A4 report whose pages carry the running header, their footnotes and their
    number (fpdf loads only when a PDF is written)."""
    from fpdf import FPDF

    class Report(FPDF):
        notes: list[Block]

        def header(self) -> None:
            self.set_font("Serif", size=9)
            self.set_xy(_MARGIN, 10)
            self.cell(self.epw, 4, header, align="C")
            self.set_y(20)

        def footer(self) -> None:
            self.set_font("Serif", size=8)
            height = sum(_note_height(self, n) for n in self.notes)
            y = self.h - _BASE_BREAK - height + 2
            for note in self.notes:
                self.set_xy(_MARGIN, y)
                self.cell(6, 3.5, note.marker or "")
                self.set_xy(_MARGIN + 6, y)
                self.multi_cell(self.epw - 6, 3.5, note.text.replace("\t", " "), align="L")
                y = self.get_y()
            self.notes = []
            self.set_auto_page_break(True, _BASE_BREAK)
            self.set_xy(_MARGIN, self.h - 12)
            self.cell(self.epw, 4, str(self.page_no()), align="C")

    pdf = Report(format="A4")
    pdf.notes = []
    pdf.set_margins(_MARGIN, 20, _MARGIN)
    for style, suffix in (("", ""), ("B", "-Bold"), ("I", "-Italic")):
        pdf.add_font("Serif", style=style, fname=str(FONTS / f"DejaVuSerif{suffix}.ttf"))
    pdf.set_auto_page_break(True, _BASE_BREAK)
    pdf.add_page()
    return pdf


def _note_height(pdf: Any, note: Block) -> float:
    lines = pdf.multi_cell(pdf.epw - 6, 3.5, note.text.replace("\t", " "), dry_run=True,
                           output="LINES")
    return 3.5 * len(lines) + 0.5


def _reserve_notes(pdf: Any, notes: list[Block]) -> None:
    """Keep room at the foot of this page for `notes`, or start a page when the paragraph
    would no longer fit above them."""
    pdf.set_font("Serif", size=8)
    pdf.notes.extend(notes)
    reserve = sum(_note_height(pdf, n) for n in pdf.notes)
    pdf.set_auto_page_break(True, _BASE_BREAK + reserve + 3)
    if pdf.get_y() + 3 * _LINE_HEIGHT > pdf.page_break_trigger:
        pdf.notes = [n for n in pdf.notes if n not in notes]
        pdf.add_page()
        pdf.notes.extend(notes)
        reserve = sum(_note_height(pdf, n) for n in pdf.notes)
        pdf.set_auto_page_break(True, _BASE_BREAK + reserve + 3)


def _pdf_paragraph(pdf: Any, block: Block) -> None:
    """A paragraph: its label, then its text at a tab stop, justified (table cells ragged),
    footnote markers raised."""
    pdf.set_font("Serif", size=10)
    left = _MARGIN + {"body": 0.0, "indented": _GUTTER, "cell": 1.5 * _GUTTER}[block.role]
    # A tab stop after the label, pushed right by a long one (`2.1.1.1`).
    text_left = left + (max(_GUTTER, pdf.get_string_width(block.label) + 3)
                        if block.label else 0.0)
    if block.label:
        pdf.set_xy(left, pdf.get_y())
        pdf.cell(text_left - left, _LINE_HEIGHT, block.label)
    pdf.set_xy(text_left, pdf.get_y())  # text_columns starts at x, not at l_margin
    align = "L" if block.role == "cell" else "J"
    with (
        pdf.text_columns(text_align=align, l_margin=text_left, r_margin=_MARGIN,
                         line_height=1.15) as columns,
        columns.paragraph(bottom_margin=2.2) as paragraph,
    ):
        for text, marker in pieces(block):
            if marker is None:
                paragraph.write(_soft_hyphens(text.replace("\t", "   ")))
            else:
                pdf.char_vpos = "SUP"
                paragraph.write(marker)
                pdf.char_vpos = "LINE"


# --- Word ----------------------------------------------------------------------------

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def _run(text: str, *, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return "".join(
        "<w:r><w:tab/></w:r>" if i % 2 else
        (f'<w:r><{tag} xml:space="preserve">{html.escape(part, quote=False)}</{tag}></w:r>'
         if part else "")
        for i, part in enumerate(re.split(r"(\t)", text))
    )


def write_docx(blocks: Sequence[Block], path: Path, *, tracked: bool = False) -> None:
    """Word as ITU writes it: label, tab, text; footnotes in word/footnotes.xml referenced by
    w:footnoteReference. `tracked=True` adds insertions and deletions whose accepted text is
    the report's and a comment: the original view differs, the accepted one does not."""
    body: list[str] = []
    notes: list[str] = []
    in_table = False
    for n, block in enumerate(blocks):
        if block.role == "footnote" and block.referenced:
            continue
        if (block.role == "cell") != in_table:
            body.append("<w:tbl>" if not in_table else "</w:tbl>")
            in_table = not in_table
        runs = _docx_runs(block, n, notes, tracked=tracked)
        if tracked and n == 7:
            runs.insert(0, '<w:commentRangeStart w:id="1"/>')
            runs.append('<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>')
        paragraph = f"<w:p>{_docx_properties(block)}{''.join(runs)}</w:p>"
        body.append(f"<w:tr><w:tc>{paragraph}</w:tc></w:tr>" if in_table else paragraph)
    if in_table:
        body.append("</w:tbl>")
    _write_docx_package(path, "".join(body), "".join(notes), tracked=tracked)


def _docx_properties(block: Block) -> str:
    if block.role == "indented":
        return '<w:pPr><w:ind w:left="1134"/></w:pPr>'
    if block.role == "footnote":
        return '<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
    if block.heading:
        return '<w:pPr><w:pStyle w:val="Heading1"/><w:jc w:val="center"/></w:pPr>'
    return ""


def _docx_runs(block: Block, n: int, notes: list[str], *, tracked: bool) -> list[str]:
    """The runs of a paragraph; each footnote it references is added to `notes`."""
    runs = [_run(f"{block.label}\t")] if block.label else []
    if block.role == "footnote":
        runs.append(_run(f"{block.marker}\t"))
    for text, marker in pieces(block):
        if marker is None:
            runs.append(_tracked(text, n) if tracked and not block.heading else _run(text))
            continue
        note_id = len(notes) + 1
        note = next(b for b in block.notes if b.marker == marker)
        notes.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
            '</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f"<w:footnoteRef/></w:r>{_run(' ' + note.text)}</w:p></w:footnote>"
        )
        runs.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:footnoteReference w:id="{note_id}"/></w:r>')
    return runs


def _write_docx_package(path: Path, body: str, notes: str, *, tracked: bool) -> None:
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES.format(comments=_COMMENTS_TYPE if tracked else ""),
        "_rels/.rels": _PACKAGE_RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS.format(
            comments=_COMMENTS_REL if tracked else ""),
        "word/document.xml": f'<w:document {_NS}><w:body>{body}</w:body></w:document>',
        "word/footnotes.xml": f'<w:footnotes {_NS}><w:footnote w:type="separator" w:id="-1">'
        '<w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f'<w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>',
        "word/styles.xml": f'<w:styles {_NS}><w:style w:type="paragraph" w:default="1" '
        'w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>',
    }
    if tracked:
        parts["word/comments.xml"] = (
            f'<w:comments {_NS}><w:comment w:id="1" w:author="SIMULATED" w:initials="S">'
            "<w:p><w:r><w:t>Check this wording.</w:t></w:r></w:p></w:comment></w:comments>"
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts.items():
            package.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                             + xml)


def _tracked(text: str, n: int) -> str:
    """Every 5th paragraph: its last word inserted, a word before it deleted."""
    words = text.rsplit(" ", 1)
    if n % 5 or len(words) < 2:
        return _run(text)
    author = 'w:author="SIMULATED" w:date="2025-11-27T10:00:00Z"'
    return (
        _run(words[0] + " ")
        + f'<w:del w:id="{2 * n}" {author}>{_run("draft ", deleted=True)}</w:del>'
        + f'<w:ins w:id="{2 * n + 1}" {author}>{_run(words[1])}</w:ins>'
    )


_OOXML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_OOXML}.document.main+xml"/>'
    f'<Override PartName="/word/footnotes.xml" ContentType="{_OOXML}.footnotes+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_OOXML}.styles+xml"/>'
    "{comments}</Types>"
)
_COMMENTS_TYPE = ('<Override PartName="/word/comments.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
_PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>{comments}</Relationships>'
)
_COMMENTS_REL = ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/comments" Target="comments.xml"/>')


# --- HTML ----------------------------------------------------------------------------


def _html_body(blocks: Sequence[Block], *, word: bool, prefix: str = "") -> str:
    """ITU's HTML (`word=False`: label span glued to the text span, <sup> markers, footnotes
    in an <aside> closing each chapter) or Word's "Save as web page" (`&nbsp;` or an
    mso-tab-count span after the label, [n] markers, footnotes in a list at the end)."""
    out: list[str] = []
    notes: list[str] = []
    in_table = False
    for n, block in enumerate(blocks):
        if block.role == "footnote" and block.referenced:
            continue
        if (block.role == "cell") != in_table:
            out.append("<table>" if not in_table else "</table>")
            in_table = not in_table
        body = _html_text(block, notes, word=word, prefix=prefix)
        out.append(_html_block(block, _html_label(block, n, word=word), body, word=word))
    if in_table:
        out.append("</table>")
    if notes:
        out.append("<div style='mso-element:footnote-list'>" + "".join(notes) + "</div>"
                   if word else '<aside class="footnotes">' + "".join(notes) + "</aside>")
    return "\n".join(out)


def _html_label(block: Block, n: int, *, word: bool) -> str:
    if not block.label:
        return ""
    esc = html.escape(block.label)
    return (f'<span class="label">{esc}</span>' if not word else
            f"{esc}&nbsp;" if n % 2 else
            f"{esc}<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span>")


def _html_text(block: Block, notes: list[str], *, word: bool, prefix: str) -> str:
    """A paragraph's text with its footnote references; each footnote is added to `notes`,
    numbered on from those already there."""
    text = []
    for piece, marker in pieces(block):
        if marker is None:
            text.append(html.escape(piece).replace("\t", "&nbsp;&nbsp; "))
            continue
        count = len(notes) + 1
        note = next(b for b in block.notes if b.marker == marker)
        if word:
            text.append(f'<a style="mso-footnote-id:ftn{count}" href="#_ftn{count}" '
                        f'name="_ftnref{count}"><span class=MsoFootnoteReference>'
                        f"[{count}]</span></a>")
            notes.append(f"<div style='mso-element:footnote' id=ftn{count}>"
                         f'<p class=MsoFootnoteText><a href="#_ftnref{count}" '
                         f'name="_ftn{count}"><span class=MsoFootnoteReference>[{count}]'
                         f"</span></a> {html.escape(note.text)}</p></div>")
        else:
            ident = f"{prefix}fn{count}"
            text.append(f'<sup><a href="#{ident}" id="{ident}-ref">{marker}</a></sup>')
            notes.append(f'<p id="{ident}"><sup>{marker}</sup> {html.escape(note.text)}</p>')
    body = "".join(text)
    return f"<span>{body}</span>" if not word and block.label else body


def _html_block(block: Block, label: str, body: str, *, word: bool) -> str:
    if block.role == "footnote":
        css = "MsoFootnoteText" if word else "footnote"
        return f'<p class="{css}">{block.marker}&nbsp;{body}</p>'
    if block.heading:
        return f"<h2>{body}</h2>"
    if block.role == "cell":
        return f"<tr><td><p>{label}{body}</p></td></tr>"
    if block.role == "indented":
        return f"<blockquote><p>{label}{body}</p></blockquote>"
    return f"<p class=MsoNormal>{label}{body}</p>" if word else f"<p>{label}{body}</p>"


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
            f"</title></head><body>\n{body}\n</body></html>\n")


def write_html(blocks: Sequence[Block], path: Path, *, word: bool = False) -> None:
    path.write_text(_page("WTDC-25 Final Report (SIMULATED layout)",
                          _html_body(blocks, word=word)), encoding="utf-8")


_CHAPTERS = (h.PART, h.REGION, h.RESOLUTION, h.RECOMMENDATION, h.QUESTION, h.DECLARATION,
             h.ACTION_PLAN, h.STUDY_GROUP, h.LETTERED_ANNEX)


def write_html_chapters(blocks: Sequence[Block], folder: Path) -> Path:
    """ITU's per-chapter edition: one file per document (or part heading) and a table of
    contents linking them in order. Returns the table of contents."""
    folder.mkdir(parents=True, exist_ok=True)
    chapters: list[list[Block]] = [[]]
    for block in blocks:
        if block.heading and any(p.match(block.text) for p in _CHAPTERS) and chapters[-1]:
            chapters.append([])
        chapters[-1].append(block)
    links = []
    for number, chapter in enumerate(chapters, start=1):
        name = f"chapter-{number:03d}.htm"
        title = chapter[0].text
        (folder / name).write_text(
            _page(title, _html_body(chapter, word=False, prefix=f"c{number}-")), encoding="utf-8")
        links.append(f'<li><a href="{name}">{html.escape(title)}</a></li>')
    toc = folder / "index.htm"
    toc.write_text(_page("Contents", "<h1>Contents</h1>\n<ul>\n" + "\n".join(links) + "\n</ul>"),
                   encoding="utf-8")
    return toc


def render_all(out: Path, report: Path = REPORT) -> dict[str, Path]:
    """Every layout of `report` under `out`; layout name → file (or table of contents)."""
    blocks = report_blocks(report.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "pdf": out / "report.pdf",
        "docx": out / "report.docx",
        "docx-tracked": out / "report-tracked.docx",
        "html": out / "report.html",
        "html-word": out / "report-word.htm",
    }
    write_pdf(blocks, paths["pdf"])
    write_docx(blocks, paths["docx"])
    write_docx(blocks, paths["docx-tracked"], tracked=True)
    write_html(blocks, paths["html"])
    write_html(blocks, paths["html-word"], word=True)
    paths["html-chapters"] = write_html_chapters(blocks, out / "chapters")
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="render_formats.py",
        description="Lay the shipped Baku report out as PDF, Word and HTML (same words; "
        "derived from the Baku text, no ITU edition).")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="folder to write the layouts to")
    parser.add_argument("report", type=Path, nargs="?", default=REPORT, metavar="REPORT.txt",
                        help="the report as text (default: the shipped Baku report)")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"render_formats: {args.report}: no such file; give the report as a .txt file",
              file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"render_formats: {args.out}: is a file; give a folder to write the layouts to",
              file=sys.stderr)
        return 2
    for name, written in render_all(args.out, args.report).items():
        print(f"{name}\t{written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
