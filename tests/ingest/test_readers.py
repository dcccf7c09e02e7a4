"""Each reader on its own format, and the same content giving the same text in every format."""

from __future__ import annotations

import io

import pytest
from ingest_samples import PARAGRAPHS, docx_bytes, pdf_bytes

from toolkit.ingest import comparable, read_bytes, read_source

EXPECTED = "\n\n".join(PARAGRAPHS)
# What the layout readers (Word, HTML, PDF) hand to the parser: the report's own layout,
# body text three tabs deep, a tab after each label.
LAID_OUT = "\n\n".join(
    "\t\t\t" + p.replace("a) ", "a)\t").replace("b) ", "b)\t").replace("1 to", "1\tto")
    for p in PARAGRAPHS
)

MARKDOWN = """# RESOLUTION 37 (Rev. Baku, 2025)

## **Bridging the digital divide**

*considering*

- a) that ITU-D works on connectivity for 2026-2029;

- b) that the clause 1bis and the café stay as they are;

__resolves__

* 1 to continue the programme.
"""

HTML = """<!DOCTYPE html><html><head><title>ignored title</title>
<style>p { color: red }</style><script>var resolves = 1;</script></head>
<body><h1>RESOLUTION 37 (Rev.&nbsp;Baku, 2025)</h1>
<h2>Bridging the
   digital divide</h2>
<p><em>considering</em></p>
<ol><li>a) that ITU&#8209;D works on connectivity for 2026&ndash;2029;</li>
<li>b) that the clause <b>1bis</b> and the caf&eacute; stay as they are;</li></ol>
<!-- a comment --><p>resolves</p><div><span>1 to continue</span> the programme.</div>
</body></html>"""


def test_plain_text_is_kept_as_written() -> None:
    assert read_bytes(EXPECTED.encode(), name="r.txt", format="text").text == EXPECTED


def test_markdown_loses_its_markup_but_keeps_its_lines() -> None:
    source = read_bytes(MARKDOWN.encode(), name="r.md", format="markdown")
    assert source.text == EXPECTED + "\n"
    assert source.format == "markdown"


def test_html_blocks_become_paragraphs_and_entities_are_decoded() -> None:
    source = read_bytes(HTML.encode(), name="r.html", format="html")
    assert [line.removeprefix("\t\t\t") for line in source.lines] == [
        "RESOLUTION 37 (Rev.\u00a0Baku, 2025)",  # &nbsp; kept for display
        "",
        "Bridging the digital divide",
        "",
        "considering",
        "",
        "a)\tthat ITU\u2011D works on connectivity for 2026–2029;",
        "",
        "b)\tthat the clause 1bis and the café stay as they are;",
        "",
        "resolves",
        "",
        "1\tto continue the programme.",
    ]


def test_docx_paragraphs_in_order() -> None:
    source = read_bytes(docx_bytes(), name="r.docx", format="docx")
    assert source.text == LAID_OUT
    assert source.format == "docx"


def test_pdf_text_layer() -> None:
    source = read_bytes(pdf_bytes(), name="r.pdf", format="pdf")
    assert source.text == LAID_OUT
    assert source.format == "pdf"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("r.txt", EXPECTED.encode()),
        ("r.md", MARKDOWN.encode()),
        ("r.html", HTML.encode()),
        ("r.htm", HTML.encode("cp1252", errors="strict")),
        ("r.docx", docx_bytes()),
        ("r.pdf", pdf_bytes()),
    ],
)
def test_same_content_same_comparable_paragraphs_in_every_format(name, data, write) -> None:
    source = read_source(write(name, data))
    paragraphs = [comparable(line) for line in source.lines if line.strip()]
    assert paragraphs == list(PARAGRAPHS)


def test_docx_tables_row_by_row_and_list_numbers() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("resolves")
    document.add_paragraph("to continue", style="List Number")
    document.add_paragraph("to report", style="List Number")
    document.add_paragraph("a bullet point", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(
        table.rows, [("Res.", "Title", "Status"), ("37", "Divide", "In force")], strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("after the table")
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes(buffer.getvalue(), name="t.docx")
    assert source.lines[::2] == [
        "\t\t\tresolves",
        "\t\t\t1.\tto continue",
        "\t\t\t2.\tto report",
        "\t\t\ta bullet point",
        "\t\t\t\t\t\t\tRes.\tTitle\tStatus",  # table rows: seven tabs deep
        "\t\t\t\t\t\t\t37\tDivide\tIn force",
        "\t\t\tafter the table",
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # Must not change: labels, brackets that are not links, hyphenation, years, ordered
        # list numbers, snake_case, arithmetic stars.
        ("a) that", "a) that"),
        ("1bis) clause", "1bis) clause"),
        ("the [Baku Action Plan] and", "the [Baku Action Plan] and"),
        ("ITU-D and ITU-T", "ITU-D and ITU-T"),
        ("2026–2029", "2026–2029"),
        ("1. first", "1. first"),
        ("file_name_here", "file_name_here"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("\tindented text", "\tindented text"),
        ("", ""),
        # Must change.
        ("**We are cognizant** that", "We are cognizant that"),
        ("***Universal***", "Universal"),
        ("*em* and _em_ and __strong__", "em and em and strong"),
        ("**a *nested* b**", "a nested b"),
        ("# **BAKU DECLARATION**", "BAKU DECLARATION"),
        ("### Heading ###", "Heading"),
        ("- i) **We are**", "i) We are"),
        ("  * nested bullet", "nested bullet"),
        ("+ plus bullet", "plus bullet"),
        ("> quoted", "quoted"),
        ("**ITU WTDC**  ", "ITU WTDC"),
        ("see [the site](https://www.itu.int/) now", "see the site now"),
        ("![logo](logo.png)", "logo"),
        ("`code` span", "code span"),
        (r"a \*literal\* star", "a *literal* star"),
        ("---", ""),
        ("===", ""),
    ],
)
def test_markdown_lines(markdown: str, expected: str) -> None:
    from toolkit.ingest.markdown import strip_markdown

    assert strip_markdown(markdown) == expected


def test_html_tables_pre_and_breaks() -> None:
    html = (
        "<table><tr><th>Res.</th><th>Status</th></tr><tr><td>37</td><td>in force</td></tr>"
        "</table><pre>line one\n  line two</pre><p>first<br>second</p>"
    )
    source = read_bytes(html.encode(), name="t.html", format="html")
    # A <br> inside a paragraph is ITU's soft wrap: the paragraph goes on.
    assert source.text == (
        "\t\t\t\t\t\t\tRes.\tStatus\n\n\t\t\t\t\t\t\t37\tin force\n\n\t\t\tline one"
        "\n\n\t\t\tline two\n\n\t\t\tfirst second"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.4 ...", "pdf"),
        (b"PK\x03\x04...", "docx"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"  <html lang='en'>", "html"),
        (b"RESOLUTION 37", "text"),
    ],
)
def test_sniff_format(data: bytes, expected: str) -> None:
    from toolkit.ingest.read import sniff_format

    assert sniff_format(data) == expected


def test_shipped_final_report_keeps_its_tab_indentation(final_report_path) -> None:
    source = read_source(final_report_path)
    assert source.text == final_report_path.read_text(encoding="utf-8")
    assert source.lines[0] == " \t\t\tConference overview and highlights"
    assert source.lines[7] == "\t\t\t1\tBackground"
    assert len(source.lines) == 20665
    # Footnotes are indented deeper than their paragraph; the parser needs that depth.
    assert source.lines[2220].startswith("\t\t\t\t\t\t1\tThese include the least developed")
    assert source.warnings == ()


def test_shipped_prefinal_declaration_as_text(prefinal_declaration_path) -> None:
    source = read_source(prefinal_declaration_path)
    assert source.format == "markdown"
    assert "*" not in source.text
    assert "#" not in source.text
    labelled = [
        line.split(" ", 1)[0]
        for line in source.lines
        if line[:2] in {"i)", "ii", "iv", "v)"} or line[:2] in {"1)", "2)", "3)", "4)", "5)"}
    ]
    assert labelled == ["i)", "ii)", "iii)", "iv)", "v)", "1)", "2)", "3)", "4)", "5)"]
    assert "the Baku Declaration, [Baku Action Plan], WTDC resolutions" in source.text
    assert "BAKU DECLARATION" in source.lines


def test_stdin_is_read_for_dash(monkeypatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b"<html><body><p>a) from stdin</p></body></html>")

    monkeypatch.setattr("sys.stdin", FakeStdin)
    source = read_source("-")
    assert (source.name, source.format, source.text) == ("<stdin>", "html", "\t\t\ta)\tfrom stdin")


def _numbered_docx() -> bytes:
    """A Word file whose list numbers exist only in numbering.xml, as ITU's Word files have
    them: a) b) with i) ii) under a), then a restart of the inner level under b)."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="%1)"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
            '<w:lvlText w:val="%2)"/><w:suff w:val="space"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [
        (0, "first"),
        (1, "inner one"),
        (1, "inner two"),
        (0, "second"),
        (1, "inner again"),
        (None, "unnumbered"),
    ]:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_list_numbers_from_numbering_xml() -> None:
    assert read_bytes(_numbered_docx(), name="n.docx").lines[::2] == [
        "\t\t\ta)\tfirst",
        "\t\t\ti)\tinner one",  # a label followed by a space gets its tab too
        "\t\t\tii)\tinner two",
        "\t\t\tb)\tsecond",
        "\t\t\ti)\tinner again",
        "\t\t\tunnumbered",
    ]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("notes.md", b"**a)** that", ("markdown", "a) that")),
        ("page.htm", b"<p>a) that</p>", ("html", "\t\t\ta)\tthat")),
        ("no-extension", b"<!DOCTYPE html><p>a) that</p>", ("html", "\t\t\ta)\tthat")),
        ("no-extension", b"**a)** that", ("text", "**a)** that")),
    ],
)
def test_read_bytes_takes_the_format_from_the_name_else_the_content(name, data, expected):
    source = read_bytes(data, name=name)
    assert (source.format, source.text) == expected


def test_html_table_cells_holding_paragraphs_stay_on_their_row() -> None:
    html = (
        "<html><table><tr><td><p>Res.</p><p>37</p></td><td></td><td>in<br>force</td></tr>"
        "<tr><td></td><td>Rev. Kigali, 2022</td></tr></table><p>after</p></html>"
    )
    assert read_bytes(html.encode(), name="t.html").lines[::2] == [
        "\t\t\t\t\t\t\tRes. 37\t\tin force",
        "\t\t\t\t\t\t\t\tRev. Kigali, 2022",
        "\t\t\tafter",
    ]


def test_real_asp_web_text_gives_the_same_words_in_every_format(asp_web_path) -> None:
    """The shipped ASP web page (plain ASCII), put into Word, PDF and HTML: each reader gives
    back exactly its words, in order."""
    import html

    paragraphs = tuple(line for line in asp_web_path.read_text().splitlines() if line.strip())
    page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    expected = comparable(read_source(asp_web_path).text)
    assert len(expected) == 11098
    for name, data in [
        ("asp.docx", docx_bytes(paragraphs)),
        ("asp.pdf", pdf_bytes(paragraphs)),
        ("asp.html", page.encode()),
    ]:
        assert comparable(read_bytes(data, name=name).text) == expected, name
