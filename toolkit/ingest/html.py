"""HTML: block elements become lines, inline markup joins into its line; scripts, styles and
the document head are dropped; entities are decoded (selectolax does that)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from toolkit.errors import MissingExtraError
from toolkit.ingest.decode import decode
from toolkit.ingest.normalize import nfc
from toolkit.ingest.source import SourceText

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_DROPPED = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
)
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
        "tr", "ul",
    }
)
_CELLS = frozenset({"td", "th"})
# HTML collapses runs of ASCII whitespace; a no-break space (&nbsp;) is content and stays.
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def read_html(data: bytes, *, name: str) -> SourceText:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise MissingExtraError("reading HTML", "formats", "selectolax") from None
    decoded = decode(data, name=name)
    tree = LexborHTMLParser(decoded.text)
    lines = _Lines()
    if tree.root is not None:
        _walk(tree.root, lines)
    return SourceText(
        text=nfc(lines.text()),
        format="html",
        name=name,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )


class _Lines:
    """Accumulates text into lines; a block boundary ends the current line. Lines are joined
    with a blank line between them, the paragraph layout of the shipped plain-text report."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.current: list[str] = []

    def add(self, text: str) -> None:
        if text.startswith(" ") and (not self.current or self.current[-1].endswith(" ")):
            text = text.lstrip(" ")
        if text:
            self.current.append(text)

    def add_preformatted(self, text: str) -> None:
        self.end_line()
        if text.strip():
            self.done.append(text.strip("\n"))

    def end_line(self) -> None:
        line = "".join(self.current).strip(" ")
        if line.strip():
            self.done.append(line)
        self.current = []

    def text(self) -> str:
        self.end_line()
        return "\n\n".join(self.done)


def _walk(node: LexborNode, lines: _Lines) -> None:
    for child in node.iter(include_text=True):
        if child.is_text_node:
            lines.add(_HTML_SPACE.sub(" ", child.text_content or ""))
            continue
        if not child.is_element_node:
            continue  # comments, doctype
        tag = child.tag or ""
        if tag in _DROPPED:
            continue
        if tag == "br":
            lines.end_line()
        elif tag == "tr":
            # A table row is one line, its cells separated by tabs, whatever blocks a cell
            # holds (ITU's tables put <p> inside cells).
            lines.end_line()
            cells = [_cell_text(cell) for cell in child.iter() if cell.tag in _CELLS]
            lines.add("\t".join(cells).rstrip("\t"))
            lines.end_line()
        elif tag == "pre":
            lines.add_preformatted(child.text(deep=True))
        elif tag in _BLOCKS:
            lines.end_line()
            _walk(child, lines)
            lines.end_line()
        else:
            _walk(child, lines)


def _cell_text(cell: LexborNode) -> str:
    inner = _Lines()
    _walk(cell, inner)
    inner.end_line()
    return " ".join(inner.done)
