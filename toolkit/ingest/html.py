"""HTML as ITU and Word write it: block elements become paragraphs, inline markup joins into
its paragraph; scripts, styles and the document head are dropped; entities are decoded
(selectolax does that).

A label stands apart from its text by a no-break space, a Word tab span (`mso-tab-count`),
a table cell, or by nothing but the end of its own span: each becomes a tab. A footnote
reference (`<sup>1</sup>`, Word's `[1]` link) becomes its number glued to the word before,
and the footnote it links to (at the end of the page or chapter) follows the paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toolkit.errors import MissingExtraError
from toolkit.ingest.decode import decode
from toolkit.ingest.labels import LABEL_ALONE
from toolkit.ingest.layout import Cleaning, Level, Paragraph, footnote, report_text
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
_NOTE_CONTAINER = re.compile(r"foot ?note|endnote|\bftn|mso-element:\s*footnote|^fn", re.I)
_MARKER = re.compile(r"^\[?(\d{1,3})\]?$")
_LEADING_MARKER = re.compile(r"^\[?(\d{1,3})\]?[\s\u00a0]*")


def read_html(data: bytes, *, name: str) -> SourceText:
    """An HTML page (ITU's or a browser's save) in the report's paragraph layout, its footnotes
    placed after the paragraph that carries their marker."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise MissingExtraError("reading HTML", "formats", "selectolax") from None
    decoded = decode(data, name=name)
    tree = LexborHTMLParser(decoded.text)
    page = _Page()
    if tree.root is not None:
        page.walk(tree.root, "body")
    paragraphs, placed = page.paragraphs()
    return SourceText(
        text=nfc(report_text(paragraphs)),
        format="html",
        name=name,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
        cleaning=Cleaning(footnotes=placed),
    )


@dataclass
class _Block:
    text: str
    level: Level
    anchors: set[str] = field(default_factory=set)  # ids and names inside: link targets
    refs: list[tuple[str, str]] = field(default_factory=list)  # (target, marker)


class _Page:
    """Accumulates text into paragraphs; a block boundary ends the current one."""

    def __init__(self) -> None:
        self.done: list[_Block] = []
        self.current: list[str] = []
        self.anchors: set[str] = set()
        self.refs: list[tuple[str, str]] = []

    def add(self, text: str) -> None:
        if text.startswith(" ") and (not self.current or self.current[-1].endswith(" ")):
            text = text.lstrip(" ")
        if text:
            self.current.append(text)

    def end(self, level: Level) -> None:
        text = "".join(self.current).strip(" ")
        if text.strip():
            self.done.append(_Block(text, level, self.anchors, self.refs))
            self.anchors, self.refs = set(), []
        self.current = []

    def paragraphs(self) -> tuple[list[Paragraph], int]:
        """The paragraphs in order, each footnote moved after the paragraph that links to it
        (a footnote no paragraph links to stays where it is)."""
        notes = {a: b for b in self.done if b.level == "footnote" for a in b.anchors}
        wanted = {target for b in self.done for target, _ in b.refs if target in notes}
        out: list[Paragraph] = []
        placed = 0
        for block in self.done:
            if block.level == "footnote":
                if not block.anchors & wanted:
                    out.append(_footnote(block.text, None))
                continue
            out.append(Paragraph(block.text, block.level))
            for target, marker in block.refs:
                if target in notes:
                    out.append(_footnote(notes[target].text, marker))
                    placed += 1
        return out, placed

    def walk(self, node: LexborNode, level: Level) -> None:
        """Add the text under `node` to the paragraphs, block by block."""
        for child in node.iter(include_text=True):
            if child.is_text_node:
                self.add(_HTML_SPACE.sub(" ", child.text_content or ""))
            # Comments and the doctype are neither text nor elements.
            elif child.is_element_node and (child.tag or "") not in _DROPPED:
                self._element(child, child.tag or "", level)

    def _element(self, node: LexborNode, tag: str, level: Level) -> None:
        attributes = node.attributes
        self.anchors.update(attributes[key] or "" for key in ("id", "name") if attributes.get(key))
        inner = _inner_level(tag, attributes, level)
        if tag == "br":
            self._soft_wrap()
        elif "mso-tab-count" in (attributes.get("style") or ""):
            self.current.append("\t")
        elif tag == "tr":
            self.end(level)
            self._row(node, level)
        elif tag == "pre":
            self.end(level)
            for line in node.text(deep=True).split("\n"):
                self.add(line)
                self.end(inner)
        elif tag in _BLOCKS:
            self.end(level)
            self.walk(node, inner)
            self.end(inner)
        elif not self._marker(node, tag, level):
            starts = not "".join(self.current).strip()
            self.walk(node, inner)
            # `<span>a)</span><span>that …</span>`: a label ends with its span.
            if starts and tag == "span" and LABEL_ALONE.match("".join(self.current).strip()):
                self.current = ["".join(self.current).strip(), "\t"]

    def _soft_wrap(self) -> None:
        """ITU's <br> inside a paragraph: a space (none after a slash)."""
        if self.current and not self.current[-1].endswith(("/", " ")):
            self.add(" ")

    def _marker(self, node: LexborNode, tag: str, level: Level) -> bool:
        """A footnote reference: glue its number to the word before; True if it was one."""
        if tag not in ("sup", "a"):
            return False
        href = node.attributes.get("href") or "" if tag == "a" else ""
        link = node.css_first("a[href]") if tag == "sup" else None
        if link is not None:
            href = link.attributes.get("href") or ""
        number = _MARKER.match(" ".join(node.text(deep=True).split()))
        if number is None or (tag == "a" and not href.startswith("#")):
            return False
        if level == "footnote" and not "".join(self.current).strip():
            self.add(number[1] + "\t")  # the number that opens a footnote
            return True
        while self.current and self.current[-1].endswith(" ") and not self.current[-1].strip():
            self.current.pop()
        self.current.append(number[1])
        if href.startswith("#"):
            self.refs.append((href[1:], number[1]))
        return True

    def _row(self, row: LexborNode, level: Level) -> None:
        """A table row is one paragraph, its cells separated by tabs, whatever blocks a cell
        holds (ITU's tables put <p> inside cells); a row of a label cell and a text cell is
        a labelled paragraph of the body."""
        cells = []
        for cell in row.iter():
            if cell.tag in _CELLS:
                inner = _Page()
                inner.walk(cell, level)
                inner.end(level)
                cells.append(" ".join(b.text for b in inner.done))
                self.anchors.update(a for b in inner.done for a in b.anchors)
                self.refs.extend(r for b in inner.done for r in b.refs)
        # A bare number is a table's own column (`37`), not a clause label.
        label_row = len(cells) == 2 and LABEL_ALONE.match(cells[0].strip()) and \
            not cells[0].strip().isdigit()
        self.add("\t".join(cells).rstrip("\t"))
        self.end(level if label_row or level != "body" else "cell")


def _inner_level(tag: str, attributes: dict[str, str | None], level: Level) -> Level:
    """The level of what an element holds: a footnote container's text is a footnote, a block
    quote's in the body is indented."""
    if level != "footnote" and (
        tag == "aside"
        or any(_NOTE_CONTAINER.search(attributes.get(k) or "") for k in ("class", "id", "style"))
    ):
        return "footnote"
    if tag == "blockquote" and level == "body":
        return "indented"
    return level


def _footnote(text: str, marker: str | None) -> Paragraph:
    """A footnote's paragraph, its own leading number (`[1]`, `1`) taken as its marker."""
    leading = _LEADING_MARKER.match(text)
    if leading and leading[1] and (marker is None or leading[1] == marker):
        return footnote(leading[1], text[leading.end():].lstrip("\t "))
    if marker is None:
        return Paragraph(text, "footnote")
    return footnote(marker, text)
