"""PDF by layout: text objects with their positions and font sizes (pypdfium2), rebuilt into
the paragraphs a reader sees.

Running headers, footers and page numbers (text repeated at the same place across pages)
are dropped; a paragraph goes on across a page break when the page's last line reaches the
right margin; footnotes at the foot of a page (smaller type, numbered) are moved next to the
paragraph carrying their marker; superscript markers are glued to their word; line-end
hyphens are undone where the joined word is a word; ligatures are unified.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field

from toolkit.errors import InputError, MissingExtraError
from toolkit.ingest.furniture import furniture_key, repeated_lines
from toolkit.ingest.hyphens import LINE_END_HYPHENS, join_hyphenated
from toolkit.ingest.layout import Cleaning, Level, Paragraph, footnote, report_text
from toolkit.ingest.normalize import nfc, one_line, unify_ligatures
from toolkit.ingest.source import SourceText

_BAND = 0.08  # top and bottom share of the page where running headers and footers sit
_JUSTIFIED = 0.35  # share of lines at the right margin: 0.58 in a justified report, 0.12 ragged
_NOTE_START = re.compile(r"^(\d{1,3})[\t ]+(\S.*)$")


@dataclass(frozen=True)
class _Run:
    text: str
    x0: float
    bottom: float
    x1: float
    top: float
    size: float


@dataclass
class _Line:
    """Runs set on one line. `top` and `bottom` follow the runs as they are added; `x0`,
    `x1` and `size` are set with the text by `_assemble` (each is asked for many times)."""

    runs: list[_Run]
    top: float
    bottom: float
    text: str = ""
    markers: list[str] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0

    def add(self, run: _Run) -> None:
        self.runs.append(run)
        self.top = max(self.top, run.top)
        self.bottom = min(self.bottom, run.bottom)


def read_pdf(data: bytes, *, name: str) -> SourceText:
    """A PDF's text in the report's paragraph layout, rebuilt from where pdfium places each
    character: running headers, footers and page numbers dropped, line-end hyphens undone where
    the joined word is a word."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise MissingExtraError("reading PDF files", "formats", "pypdfium2") from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise InputError(
                f"{name}: is an encrypted PDF that needs a password; "
                "save an unprotected copy (or export its text) and use that"
            ) from None
        raise InputError(
            f"{name}: is not a readable PDF ({one_line(error)}); "
            "check the download, or export the document again as PDF or text"
        ) from None
    try:
        pages = [(_runs(page), page.get_size()) for page in map(document.get_page,
                                                                 range(len(document)))]
    finally:
        document.close()
    if not any(runs for runs, _ in pages):
        raise InputError(
            f"{name}: the PDF has no text layer (a scan?); "
            "run OCR on it or use a Word or HTML edition of the text"
        )
    text, cleaning = _rebuild([(_lines(runs), size) for runs, size in pages])
    return SourceText(text=nfc(text), format="pdf", name=name, encoding="pdf",
                      cleaning=cleaning)


def _runs(page: object) -> list[_Run]:
    import pypdfium2.raw as raw
    from pypdfium2 import PdfiumError

    textpage = page.get_textpage()  # type: ignore[attr-defined]
    runs: list[_Run] = []
    # pdfium's own calls, not pypdfium2's helpers around them: 23,000 text objects in the
    # 356-page report, each asked for its bounds and matrix.
    size, matrix = ctypes.c_float(), raw.FS_MATRIX()
    x0, bottom, x1, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,)):  # type: ignore[attr-defined]
        length = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        if length <= 2:
            continue
        # The length is in bytes, the terminating NUL included.
        buffer = (ctypes.c_ushort * (length // 2))()
        raw.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, length)
        text = bytes(buffer)[: length - 2].decode("utf-16-le", errors="replace")
        if not text.strip():
            continue
        raw.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size))
        if not (raw.FPDFPageObj_GetMatrix(obj.raw, matrix)
                and raw.FPDFPageObj_GetBounds(obj.raw, x0, bottom, x1, top)):
            raise PdfiumError("Failed to locate pageobject.")
        scale = abs(matrix.d) or 1.0
        runs.append(_Run(text, x0.value, bottom.value, x1.value, top.value, size.value * scale))
    textpage.close()
    return runs


def _lines(runs: list[_Run]) -> list[_Line]:
    """Runs grouped into lines top to bottom: a run belongs to a line its height overlaps
    (a superscript marker overlaps the upper half of its line)."""
    lines: list[_Line] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.x0)):
        for line in reversed(lines[-3:]):
            overlap = min(line.top, run.top) - max(line.bottom, run.bottom)
            if overlap > 0.4 * min(run.top - run.bottom, line.top - line.bottom):
                line.add(run)
                break
        else:
            lines.append(_Line([run], run.top, run.bottom))
    for line in lines:
        _assemble(line)
    return lines


def _assemble(line: _Line) -> None:
    """The line's text: runs in x order; a gap wider than the type size is a tab (a label's
    tab stop); a smaller raised run of digits is a footnote marker glued to its word."""
    line.runs.sort(key=lambda r: r.x0)
    line.x0 = line.runs[0].x0
    line.x1 = max(r.x1 for r in line.runs)
    line.size = size = max(r.size for r in line.runs)
    parts: list[str] = []
    previous: _Run | None = None
    for run in line.runs:
        text = unify_ligatures(run.text)
        raised = run.size < 0.85 * size and run.bottom > line.bottom + 0.15 * size
        if raised and text.strip().isdigit() and previous is not None:
            line.markers.append(text.strip())
            parts.append(text.strip())
        elif previous is not None:
            gap = run.x0 - previous.x1
            if gap > 0.8 * size:
                parts.append("\t" + text.strip())
            # A superscript is set a little apart from what follows it: `countries1.`
            elif gap > (0.26 if previous.size < 0.85 * size else 0.15) * size and not \
                    parts[-1].endswith(" ") and not text.startswith(" "):
                parts.append(" " + text)
            else:
                parts.append(text)
        else:
            parts.append(text.strip())
        previous = run
    line.text = "".join(parts).strip()


@dataclass
class _Open:
    lines: list[_Line]
    level: Level
    size: float
    notes: list[Paragraph] = field(default_factory=list)  # to follow this paragraph

    @property
    def markers(self) -> set[str]:
        return {m for ln in self.lines for m in ln.markers}


@dataclass(frozen=True)
class _Margins:
    """Where the body text sits: its type size, left and right margins, and whether it is
    justified."""

    body: float
    left: float
    right: float
    justified: bool


def _margins(lines: list[_Line]) -> _Margins:
    weights: Counter[float] = Counter()
    for ln in lines:
        weights[round(ln.size, 1)] += len(ln.text)
    body = weights.most_common(1)[0][0] if weights else 10.0
    lefts = Counter(round(ln.x0) for ln in lines if abs(ln.size - body) < 0.5)
    # The text's left margin: the leftmost x where many lines start (labelled paragraphs
    # hang their other lines further in, and those are the most frequent).
    floor = 0.05 * sum(lefts.values())
    left = min((x for x, n in lefts.items() if n >= floor), default=0.0)
    rights = sorted(ln.x1 for ln in lines if abs(ln.size - body) < 0.5)
    right = rights[int(0.9 * (len(rights) - 1))] if rights else 0.0
    # Justified text puts most lines at the right margin; ragged-right text (a word
    # processor's default) few: there a short line ends a paragraph only where the next
    # line's first word would have fitted.
    justified = sum(abs(x - right) < 1.5 for x in rights) > _JUSTIFIED * len(rights)
    return _Margins(body, left, right, justified)


def _rebuild(pages: list[tuple[list[_Line], tuple[float, float]]]) -> tuple[str, Cleaning]:
    furniture = _furniture(pages)
    margins = _margins([ln for lines, _ in pages for ln in lines])
    out: list[_Open] = []
    stats = Counter[str]()

    for lines, (width, _) in pages:
        kept_lines = [ln for ln in lines if _placed_key(ln) not in furniture]
        stats["furniture"] += len(lines) - len(kept_lines)
        notes, text_lines = _page_footnotes(kept_lines, margins.body)
        centre = width / 2
        first = max(len(out) - 1, 0)  # the paragraph open when the page starts
        previous: _Line | None = None
        for ln in text_lines:
            if _starts(ln, previous, out[-1] if out else None, margins, centre=centre):
                out.append(_Open([ln], _level(ln, margins.left, centre, margins.body), ln.size))
            else:
                out[-1].lines.append(ln)
            previous = ln
        _place_footnotes(notes, out[first:])
        stats["footnotes"] += len(notes)
    paragraphs: list[Paragraph] = []
    for paragraph in out:
        text, joined, kept = _join(paragraph.lines)
        stats["joined"] += joined
        stats["kept"] += kept
        paragraphs.append(Paragraph(text, paragraph.level))
        paragraphs.extend(paragraph.notes)
    cleaning = Cleaning(
        pages=len(pages),
        furniture_lines=stats["furniture"],
        hyphens_joined=stats["joined"],
        hyphens_kept=stats["kept"],
        footnotes=stats["footnotes"],
    )
    return report_text(paragraphs), cleaning


def _starts(
    ln: _Line, previous: _Line | None, current: _Open | None, margins: _Margins, *, centre: float
) -> bool:
    """Whether `ln` opens a paragraph rather than going on with `current`; `previous` is the
    line above it on its page (None at the top of a page)."""
    if (
        current is None
        or bool(ln.text[:1] and "\t" in ln.text[:12] and ln.x0 < margins.right - 100)
        or abs(ln.size - current.size) > 0.5
    ):
        return True
    if previous is None:
        # Across the page break the paragraph goes on when its last line reached the
        # right margin and this line does not stand out to the left of the text.
        return _ends_short(current.lines[-1], ln, margins.right - 0.3 * margins.body,
                           justified=margins.justified) or ln.x0 < margins.left - 2
    # Lines further apart than one and a half times the type size, or a short line
    # (a justified paragraph's last) unless it and this one are both centred: a
    # heading or title that wraps.
    pitch = previous.top - ln.top
    return pitch > 1.5 * max(previous.size, ln.size) or (
        current.level != "cell"  # table cells are set ragged right
        and _ends_short(previous, ln, margins.right - 2 * margins.body,
                        justified=margins.justified)
        and not (_centred(previous, centre) and _centred(ln, centre))
    )


def _place_footnotes(notes: list[tuple[str, str]], page: list[_Open]) -> None:
    """Each footnote follows the paragraph of its page whose superscript is its marker (the
    paragraph open when the page began when none is)."""
    for marker, text in notes:
        carriers = [p for p in page if marker in p.markers] or page[:1]
        if carriers:
            carriers[-1].notes.append(footnote(marker, text))


def _ends_short(line: _Line, following: _Line, limit: float, *, justified: bool) -> bool:
    """Whether `line` stops before `limit` because its paragraph ends there: in justified
    text whenever it does; in ragged-right text only when `following`'s first word would
    have fitted in the space left."""
    if line.x1 >= limit:
        return False
    if justified:
        return True
    words = following.text.split(maxsplit=1)
    per_char = (following.x1 - following.x0) / max(len(following.text), 1)
    return limit - line.x1 > (len(words[0]) + 1 if words else 0) * per_char


def _furniture(pages: list[tuple[list[_Line], tuple[float, float]]]) -> frozenset[str]:
    """Keys of the lines in the top and bottom bands that recur at the same height across
    pages: the running header, the page number (a lone number in a table is no furniture)."""
    return repeated_lines([
        [_placed_key(ln) for ln in lines
         if ln.top > height * (1 - _BAND) or ln.bottom < height * _BAND]
        for lines, (_, height) in pages
    ])


def _placed_key(line: _Line) -> str:
    return f"{furniture_key(line.text)}@{round(line.top / 4)}"


def _centred(line: _Line, centre: float) -> bool:
    return abs((line.x0 + line.x1) / 2 - centre) < 3


def _level(line: _Line, left: float, centre: float, body: float) -> Level:
    indent = line.x0 - left
    # A centred line far from the margin, or in larger type, is a heading; a table cell's
    # line may happen to sit in the middle too.
    if indent < 8 or (_centred(line, centre) and (indent > 60 or line.size > body + 0.5)):
        return "body"
    return "indented" if indent < 35 else "cell"


def _page_footnotes(lines: list[_Line], body: float) -> tuple[list[tuple[str, str]], list[_Line]]:
    """The numbered small-type block at the foot of the page, and the lines above it."""
    cut = len(lines)
    while cut > 0 and lines[cut - 1].size < 0.9 * body:
        cut -= 1
    notes: list[tuple[str, str]] = []
    for ln in lines[cut:]:
        start = _NOTE_START.match(ln.text)
        if start:
            notes.append((start[1], start[2]))
        elif notes:
            marker, text = notes[-1]
            notes[-1] = (marker, _join_text(text, ln.text)[0])
        else:
            return [], lines  # small type that is no footnote block: keep it as text
    return notes, lines[:cut]


def _join(lines: list[_Line]) -> tuple[str, int, int]:
    text = lines[0].text
    joined = kept = 0
    for ln in lines[1:]:
        text, undone = _join_text(text, ln.text)
        if text.endswith(ln.text) and not undone and "-" + ln.text in text[-len(ln.text) - 1:]:
            kept += 1
        joined += undone
    return text, joined, kept


def _join_text(text: str, following: str) -> tuple[str, bool]:
    if text[-1:] in LINE_END_HYPHENS and len(text) > 1 and text[-2].isalpha() and \
            following[:1].islower():
        return join_hyphenated(text, following)
    return f"{text} {following}", False
