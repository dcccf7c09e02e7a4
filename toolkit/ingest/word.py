"""Word (.docx) as Word means it: body paragraphs and tables in document order, with the list
numbers Word displays (`1)`, `a)`, `iii.`) put back in front, footnotes from footnotes.xml
placed after the paragraph carrying their reference mark, and tracked changes read as the
text with every change accepted (or, with `view="original"`, as it was before them)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, Literal

from toolkit.errors import InputError, MissingExtraError
from toolkit.ingest.layout import Cleaning, Paragraph, footnote, report_text
from toolkit.ingest.normalize import nfc, one_line, unify_newlines
from toolkit.ingest.source import SourceText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
DocxView = Literal["accepted", "original"]
# What each view leaves out: insertions did not exist before the changes, deletions are gone
# after them; a move is a deletion at one place and an insertion at another.
_SKIPPED: dict[DocxView, frozenset[str]] = {
    "accepted": frozenset({f"{_W}del", f"{_W}moveFrom"}),
    "original": frozenset({f"{_W}ins", f"{_W}moveTo"}),
}
_FIRST_LINE_INDENT = 567  # twips (1 cm): a paragraph set this far in is a deeper paragraph


def read_docx(data: bytes, *, name: str, view: DocxView = "accepted") -> SourceText:
    """A Word file in the report's paragraph layout, its tracked changes accepted or rejected
    (`view`), its list numbering written out as labels and its footnotes placed."""
    try:
        import docx
        from docx.table import Table
    except ImportError:
        raise MissingExtraError("reading Word files", "formats", "python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zip, XML and key errors alike
        raise InputError(
            f"{name}: is not a readable Word .docx file ({one_line(error)}); "
            "open it in Word or LibreOffice and save it again as .docx"
        ) from None
    label_of = _list_labels(document)
    reader = _Runs(view, _footnote_bodies(document))
    paragraphs: list[Paragraph] = []
    held: Paragraph | None = None  # a paragraph whose mark the view removes runs on
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            paragraphs.extend([held, *reader.take_notes()] if held else [])
            held = None
            for row in _table_rows(item, reader):
                paragraphs.append(Paragraph(row, "cell"))
                paragraphs.extend(reader.take_notes())
            continue
        text = unify_newlines(reader.text(item._p))  # its spaces kept until it is whole
        current = (Paragraph(held.text + text, held.level) if held else
                   Paragraph(label_of(item) + text.lstrip(" "), _paragraph_level(item._p)))
        if reader.mark_removed(item._p):
            held = current
            continue
        held = None
        if current.text.strip():
            paragraphs.append(Paragraph(current.text.strip(" "), current.level))
        paragraphs.extend(reader.take_notes())
    if held and held.text.strip():
        paragraphs.extend([held, *reader.take_notes()])
    body = document.element.body
    changes = sum(
        1 for _ in body.iter(*(f"{_W}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo")))
    )
    comments = sum(1 for _ in body.iter(f"{_W}commentReference"))
    warnings: tuple[str, ...] = ()
    if changes or comments:
        shown = "every change accepted" if view == "accepted" else "the text before the changes"
        other = "--docx-view original" if view == "accepted" else "--docx-view accepted"
        warnings = (
            f"{name}: holds {changes} tracked change(s) and {comments} comment(s); read as "
            f"{shown} (use {other} for the other view), comments left out",
        )
    return SourceText(
        text=nfc(report_text(paragraphs)),
        format="docx",
        name=name,
        encoding="docx",
        warnings=warnings,
        cleaning=Cleaning(footnotes=reader.placed, tracked_changes=changes, comments=comments),
    )


def _paragraph_level(p: Any) -> Literal["body", "indented", "footnote"]:
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return "body"
    style = ppr.find(f"{_W}pStyle")
    if style is not None and style.get(f"{_W}val", "").lower().startswith("footnote"):
        return "footnote"
    ind = ppr.find(f"{_W}ind")
    if ind is None or ppr.find(f"{_W}numPr") is not None:
        return "body"

    def twips(attribute: str) -> int:
        value = ind.get(f"{_W}{attribute}") or "0"
        return int(value) if value.lstrip("-").isdecimal() else 0

    first = twips("left") or twips("start")
    first += twips("firstLine") - twips("hanging")
    return "indented" if first >= _FIRST_LINE_INDENT else "body"


def _footnote_bodies(document: Any) -> dict[str, Any]:
    """footnotes.xml's footnotes by id (python-docx has no footnote API)."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype == _FOOTNOTES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            return {
                note.get(f"{_W}id"): note
                for note in root.iterchildren(f"{_W}footnote")
                if note.get(f"{_W}type") in (None, "normal")
            }
    return {}


class _Runs:
    """The text of paragraphs as a view shows it; footnote references become their number
    glued to the word before, and the footnotes they call wait to follow the paragraph."""

    def __init__(self, view: DocxView, notes: dict[str, Any]) -> None:
        self.skipped = _SKIPPED[view]
        self.notes = notes
        self.waiting: list[Paragraph] = []
        self.placed = 0

    def text(self, element: Any) -> str:
        parts: list[str] = []
        self._walk(element, parts)
        return "".join(parts)

    def mark_removed(self, paragraph: Any) -> bool:
        """Whether the view removes the paragraph's mark (a tracked deletion of the break,
        accepted; or a tracked insertion, shown as the original): it joins the next one."""
        props = paragraph.find(f"{_W}pPr/{_W}rPr")
        return props is not None and any(child.tag in self.skipped for child in props)

    def take_notes(self) -> list[Paragraph]:
        notes, self.waiting = self.waiting, []
        return notes

    def _walk(self, element: Any, parts: list[str]) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag in self.skipped:
                continue
            if tag in (f"{_W}t", f"{_W}delText", f"{_W}instrText"):
                if tag != f"{_W}instrText":
                    parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("\u2011")
            elif tag == f"{_W}footnoteReference":
                self._reference(child, parts)
            elif tag not in (f"{_W}pPr", f"{_W}rPr", f"{_W}footnoteRef"):
                self._walk(child, parts)

    def _reference(self, reference: Any, parts: list[str]) -> None:
        self.placed += 1
        marker = str(self.placed)
        if reference.get(f"{_W}customMarkFollows") not in ("1", "true", "on"):
            parts.append(marker)  # Word numbers footnotes in order
        note = self.notes.get(reference.get(f"{_W}id"))
        if note is not None:
            body = " ".join(self.text(p) for p in note.iterchildren(f"{_W}p"))
            self.waiting.append(footnote(marker, body.replace("\t", " ")))


def _table_rows(table: Any, reader: _Runs) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(reader.text(p) for p in cell._tc.iterchildren(f"{_W}p"))
            cells.append(" ".join(unify_newlines(text).split("\n")).strip())
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word's letter numbering repeats the letter past z: y, z, aa, bb, …
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "decimalZero": lambda n: f"{n:02d}",
}


def _list_labels(document: Any) -> Callable[[Any], str]:
    """A function giving each paragraph the list label Word displays for it ("" if none).

    python-docx does not compute numbering, so this follows numbering.xml: each paragraph's
    numId/ilvl (its own or its style's), counters per list, deeper levels restarted.
    """
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return lambda paragraph: ""
    levels = _list_levels(numbering)
    counters: dict[str, dict[int, int]] = {}
    num_pr_of = _style_numbering(document)

    def label_of(paragraph: Any) -> str:
        num_id, ilvl = _list_position(num_pr_of(paragraph))
        if num_id is None or num_id not in levels or ilvl not in levels[num_id]:
            return ""
        count = counters.setdefault(num_id, {})
        start, fmt, text, suffix = levels[num_id][ilvl]
        count[ilvl] = count.get(ilvl, start - 1) + 1
        for deeper in [level for level in count if level > ilvl]:
            del count[deeper]
        if fmt not in _FORMATS:
            return ""  # bullets and "none" are markers, not labels, as in Markdown
        label = text
        for level in range(9):
            if f"%{level + 1}" in label:
                lvl_start, lvl_fmt = levels[num_id].get(level, (1, "decimal", "", ""))[:2]
                value = count.get(level, lvl_start)
                label = label.replace(f"%{level + 1}", _FORMATS.get(lvl_fmt, str)(value))
        return label + suffix

    return label_of


def _list_levels(numbering: Any) -> dict[str, dict[int, tuple[int, str, str, str]]]:
    """Each list's (numId's) levels: start, number format, label text and suffix, read from
    the abstract numbering it points to."""
    abstract: dict[str, dict[int, tuple[int, str, str, str]]] = {}
    for node in numbering.iterchildren(f"{_W}abstractNum"):
        abstract[node.get(f"{_W}abstractNumId")] = {
            int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in node.iterchildren(f"{_W}lvl")
        }
    levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
    for node in numbering.iterchildren(f"{_W}num"):
        ref = node.find(f"{_W}abstractNumId")
        if ref is not None:
            levels[node.get(f"{_W}numId")] = dict(abstract.get(ref.get(f"{_W}val"), {}))
    return levels


def _level(lvl: Any) -> tuple[int, str, str, str]:
    def val(tag: str, default: str) -> str:
        node = lvl.find(f"{_W}{tag}")
        return default if node is None else node.get(f"{_W}val", default)

    suffix = {"tab": "\t", "space": " ", "nothing": ""}.get(val("suff", "tab"), "\t")
    return int(val("start", "1")), val("numFmt", "decimal"), val("lvlText", ""), suffix


def _style_numbering(document: Any) -> Callable[[Any], Any]:
    """A function from a paragraph to the numPr that applies to it: its own, else its style's
    (following basedOn). Built once: python-docx's `paragraph.style` scans every style on
    each call, which made a 10,000-paragraph file take seconds."""
    styles: dict[str, Any] = {}
    default_id = None
    for style in document.styles.element.iterchildren(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph":
            continue
        style_id = style.get(f"{_W}styleId")
        styles[style_id] = style
        if style.get(f"{_W}default") in ("1", "true", "on"):
            default_id = style_id

    def style_num_pr(style_id: str | None, depth: int = 0) -> Any:
        style = styles.get(style_id or "")
        if style is None or depth > 20:  # a basedOn loop is a broken file, not our problem
            return None
        ppr = style.find(f"{_W}pPr")
        num_pr = None if ppr is None else ppr.find(f"{_W}numPr")
        if num_pr is not None:
            return num_pr
        based_on = style.find(f"{_W}basedOn")
        return None if based_on is None else style_num_pr(based_on.get(f"{_W}val"), depth + 1)

    cache: dict[str | None, Any] = {}

    def num_pr_of(paragraph: Any) -> Any:
        ppr = paragraph._p.pPr
        own = None if ppr is None else ppr.find(f"{_W}numPr")
        if own is not None:
            return own
        p_style = None if ppr is None else ppr.find(f"{_W}pStyle")
        style_id = default_id if p_style is None else p_style.get(f"{_W}val")
        if style_id not in cache:
            cache[style_id] = style_num_pr(style_id)
        return cache[style_id]

    return num_pr_of


def _list_position(num_pr: Any) -> tuple[str | None, int]:
    """(numId, level) of a numPr element; numId 0 switches numbering off."""
    if num_pr is None:
        return None, 0
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    value = None if num_id is None else num_id.get(f"{_W}val")
    level = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
    return (None if value in (None, "0") else value), level
