"""A diff as a Word document with tracked changes, the way delegates exchange redlines.

Every change is a real revision (`w:ins` / `w:del`, author "wtdc", one date), so Word's
Review pane lists them and "Accept all" leaves exactly the NEW text: one Heading 1 per
document (its heading, itself tracked when it changed), the title below it, the sections'
headings, and one paragraph per clause with its label kept in front. A clause split or
merged is one run of operations over the pieces joined, cut into paragraphs where the pieces
meet, with the paragraph marks that appeared or went tracked too (a split whose pieces stand
apart is shown piece by piece); a moved clause is deleted where it stood and inserted where
it stands. "Reject all" gives OLD's paragraphs, in OLD's order where nothing moved. The
package is written by hand (no template, fixed zip times), so the same diff and date give
the same bytes.
"""

from __future__ import annotations

import html
import io
import itertools
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date
from typing import Literal

from toolkit.align.model import ClauseRef
from toolkit.diff.model import ClauseDiff, DocumentDiff, TextDiff
from toolkit.diff.words import DELETE, EQUAL, INSERT, Ops, word_ops
from toolkit.parse.model import PARAGRAPH_MARK
from toolkit.render.moves import old_places

AUTHOR = "wtdc"
Mark = Literal["ins", "del"] | None  # a paragraph mark that appeared, went, or stayed
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# XML 1.0 cannot carry these; a text holding one gets U+FFFD there rather than a file Word
# refuses to open.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escape(text: str) -> str:
    """&, < and > as entities, as xml.sax.saxutils.escape does (that module loads urllib, http
    and ssl: 30 ms of every report, which imports this one)."""
    return html.escape(text, quote=False)


@dataclass
class _Paragraph:
    style: str | None
    ops: list[tuple[int, str]] = field(default_factory=list)
    mark: Mark = None
    indented: bool = False  # a labelled clause's further paragraph (`a) ¶2`), set in


def revision_date() -> Date:
    """Today (UTC), or the day of $SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return when.date()


def render_docx(diff: TextDiff, *, date: Date) -> bytes:
    """The .docx of `diff`, every change a revision by "wtdc" dated `date`."""
    paragraphs = [p for d in diff.documents for p in _document(d)]
    title = f"wtdc diff: {diff.old_name} → {diff.new_name}"
    return _package(_document_xml(paragraphs, date), title=title, date=date)


# --- from the diff to paragraphs -----------------------------------------------------------


def _document(doc: DocumentDiff) -> Iterator[_Paragraph]:
    old, new = doc.alignment.old_doc, doc.alignment.new_doc
    whole: Mark = "del" if new is None else "ins" if old is None else None
    yield _tracked("Heading1", old.heading if old else None, new.heading if new else None,
                   whole)
    yield _tracked("Heading2", old.title if old else None, new.title if new else None, whole)
    # A split whose pieces stand apart (a moved clause between them) is shown piece by
    # piece, each at its place; any other split or merge as one run over its pieces joined.
    apart = _pieces_apart(doc.clauses)
    shown = [c for c in doc.clauses if not c.follower or id(c.group[0]) in apart]
    deleted_moves = old_places(shown)
    headings = _SectionHeadings(doc, shown, whole)
    section = -1
    for at, clause in enumerate(shown):
        # A moved clause's old place: in the section it stood in, before or after its heading.
        moves = deleted_moves.pop(id(clause), [])
        same = [m for m in moves if clause.pair.old and m.pair.old
                and m.pair.old.section_index == clause.pair.old.section_index]
        yield from _old_places(m for m in moves if m not in same)
        ref = clause.pair.old if headings.side == "old" else clause.pair.new
        if ref is None:  # a deletion: under the heading of the next clause of its old section
            ref = _next_in_section(clause, shown[at + 1:])
        if ref is not None and ref.section_index > section:
            yield from map(headings.heading, range(section + 1, ref.section_index + 1))
            section = ref.section_index
        yield from _old_places(same)
        yield from _clause(clause, side="new" if clause.status == "moved" else "both",
                           alone=bool(clause.group) and id(clause.group[0]) in apart)
    yield from _old_places(itertools.chain.from_iterable(deleted_moves.values()))
    yield from map(headings.heading, range(section + 1, headings.count))


def _old_places(moved: Iterable[ClauseDiff]) -> Iterator[_Paragraph]:
    """Moved clauses where they stood in OLD, deleted."""
    for clause in moved:
        yield from _clause(clause, side="old")


class _SectionHeadings:
    """Sections follow the new side (the old one for a document only in OLD); a section's
    heading is diffed against the old heading of the clauses it took over, if any, and a
    section without clauses (a heading over subsections) is kept when OLD has it too."""

    def __init__(self, doc: DocumentDiff, shown: Sequence[ClauseDiff], whole: Mark) -> None:
        old, new = doc.alignment.old_doc, doc.alignment.new_doc
        self.side: Literal["old", "new"] = "new" if new is not None else "old"
        self.sections = (new or old).sections  # type: ignore[union-attr]
        self.count = len(self.sections)
        self.whole = whole
        self.kept = (
            {s.heading for s in old.sections} if old is not None and new is not None else set()
        )
        self.was: dict[int, str | None] = {}
        for c in shown:
            if c.pair.new and c.pair.old and c.status != "moved":  # a moved one came from afar
                self.was.setdefault(c.pair.new.section_index, c.pair.old.section)

    def heading(self, index: int) -> _Paragraph:
        text = self.sections[index].heading
        if self.side == "old":
            return _tracked("Heading3", text, None, "del")
        if index in self.was:
            return _tracked("Heading3", self.was[index], text, None)
        if text in self.kept:
            return _tracked("Heading3", text, text, None)
        return _tracked("Heading3", None, text, self.whole or "ins")


def _next_in_section(deleted: ClauseDiff, later: Sequence[ClauseDiff]) -> ClauseRef | None:
    """The new place of the next clause kept from the deleted clause's old section, if the
    next clause kept at all is one."""
    kept = next((c for c in later if c.pair.new is not None), None)
    if kept is None or kept.pair.old is None or deleted.pair.old is None:
        return None
    if kept.pair.old.section_index != deleted.pair.old.section_index:
        return None
    return kept.pair.new


def _tracked(style: str, old: str | None, new: str | None, mark: Mark) -> _Paragraph:
    """A one-paragraph text (a heading, a title) from `old` to `new`; a paragraph only one
    side has appears or goes with its mark."""
    mark = mark or ("del" if not new else "ins" if not old else None)
    return _Paragraph(style, list(_ops(old or "", new or "")), mark)


def _ops(old: str, new: str) -> Ops:
    if not old:
        return ((INSERT, new),) if new else ()
    if not new:
        return ((DELETE, old),)
    return word_ops(old, new)


def _pieces_apart(clauses: Sequence[ClauseDiff]) -> set[int]:
    """The id() of the first pair of each split whose pieces are not side by side."""
    place = {id(c.pair): i for i, c in enumerate(clauses)}
    apart = set()
    for c in clauses:
        if c.group and not c.follower and c.status == "split":
            spots = sorted(place[id(p)] for p in c.group)
            if spots[-1] - spots[0] != len(spots) - 1:
                apart.add(id(c.group[0]))
    return apart


def _clause(c: ClauseDiff, *, side: Literal["old", "new", "both"], alone: bool = False
            ) -> Iterator[_Paragraph]:
    """One clause's paragraphs: a pair as its operations, a moved clause's old place as a
    deletion (`side="old"`) and its new place as an insertion plus its edits (`"new"`);
    `alone`, one piece of a split on its own (the old text goes with the first piece)."""
    group = (c.pair,) if alone else c.group or (c.pair,)
    olds = _unique(p.old for p in group) if side != "new" and not c.follower else []
    news = _unique(p.new for p in group) if side != "old" else []
    if side == "both" and c.pair.old and c.pair.new and not alone:
        ops = c.ops
    else:
        ops = _ops(" ".join(r.clause.text for r in olds), " ".join(r.clause.text for r in news))
    mark: Mark = "del" if not news else "ins" if not olds else None
    yield from _cut(ops, olds, news, mark)


def _unique(refs: Iterator[ClauseRef | None] | Sequence[ClauseRef | None]) -> list[ClauseRef]:
    seen: dict[str, ClauseRef] = {}
    for ref in refs:
        if ref is not None:
            seen.setdefault(ref.id, ref)
    return list(seen.values())


def _opening(old: ClauseRef | None, new: ClauseRef | None) -> _Paragraph:
    """A clause's paragraph with its label in front, tracked when it changed ("a) " → "1) ").

    A label's further paragraph (`a) ¶2`) prints no label: it is set in under its clause,
    as Word, ITU and the readers have it."""
    further = [r is not None and PARAGRAPH_MARK in (r.clause.label or "") for r in (old, new)]
    return _Paragraph(None, _labels(old, new), indented=further[1] if new else further[0])


def _labels(old: ClauseRef | None, new: ClauseRef | None) -> list[tuple[int, str]]:
    was, now = _shown(old), _shown(new)
    if was == now:
        return [(EQUAL, now)] if now else []
    return [(op, text) for op, text in ((DELETE, was), (INSERT, now)) if text]


def _shown(ref: ClauseRef | None) -> str:
    label = ref.clause.label if ref else None
    return f"{label} " if label and PARAGRAPH_MARK not in label else ""


def _cut(ops: Ops, olds: list[ClauseRef], news: list[ClauseRef], mark: Mark
         ) -> Iterator[_Paragraph]:
    """Cut the operations over joined pieces into one paragraph per piece.

    The pieces were joined by one space; a joining space of the old side only ends a
    paragraph whose mark was deleted, of the new side only one whose mark was inserted, of
    both a paragraph that stayed. A joining space that was real text on the other side
    is kept there as a tracked space.
    """
    old_breaks = set(itertools.accumulate(len(r.clause.text) + 1 for r in olds[:-1]))
    new_breaks = set(itertools.accumulate(len(r.clause.text) + 1 for r in news[:-1]))
    o_piece = n_piece = 0
    paragraph = _opening(olds[0] if olds else None, news[0] if news else None)
    old_at = new_at = 0  # characters consumed on each side
    for op, text in ops:
        start = 0
        for i, _char in enumerate(text):
            at_old = op != INSERT and old_at + 1 in old_breaks and text[i] == " "
            at_new = op != DELETE and new_at + 1 in new_breaks and text[i] == " "
            old_at += op != INSERT
            new_at += op != DELETE
            if not (at_old or at_new):
                continue
            paragraph.ops.append((op, text[start:i]))
            if op == EQUAL and at_old != at_new:  # a real space on the other side
                paragraph.ops.append((INSERT if at_old else DELETE, " "))
            paragraph.mark = None if at_old and at_new else "del" if at_old else "ins"
            yield paragraph
            o_piece += at_old
            n_piece += at_new
            paragraph = _opening(
                olds[o_piece] if at_old else None, news[n_piece] if at_new else None)
            start = i + 1
        paragraph.ops.append((op, text[start:]))
    paragraph.mark = mark
    yield paragraph


# --- WordprocessingML ------------------------------------------------------------------------


def _document_xml(paragraphs: Sequence[_Paragraph], date: Date) -> str:
    ids = itertools.count(1)
    when = f"{date.isoformat()}T00:00:00Z"

    def revision(kind: str, inner: str = "") -> str:
        attrs = f'w:id="{next(ids)}" w:author="{AUTHOR}" w:date="{when}"'
        return f"<w:{kind} {attrs}>{inner}</w:{kind}>" if inner else f"<w:{kind} {attrs}/>"

    def run(text: str, deleted: bool) -> str:
        tag = "w:delText" if deleted else "w:t"
        return f'<w:r><{tag} xml:space="preserve">{_escape(_NOT_XML.sub("�", text))}</{tag}></w:r>'

    body = []
    for p in paragraphs:
        if not any(text for _, text in p.ops) and p.style:
            continue  # no title, no section heading: no empty paragraph either
        props = f'<w:pStyle w:val="{p.style}"/>' if p.style else ""
        props += '<w:ind w:left="720"/>' if p.indented else ""
        if p.mark:
            props += f"<w:rPr>{revision(p.mark)}</w:rPr>"
        runs = "".join(
            run(text, False) if op == EQUAL
            else revision("ins" if op == INSERT else "del", run(text, op == DELETE))
            for op, text in p.ops if text
        )
        body.append(f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W_NS}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
        'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/settings" Target="settings.xml"/>'
    "</Relationships>"
)
# Track changes stays on, so that a delegate's own edits to the redline are tracked too.
_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{_W_NS}"><w:trackRevisions/></w:settings>'
)


def _style(style_id: str, name: str, size: int, *, based_on: str = "Normal") -> str:
    level = f'<w:outlineLvl w:val="{int(style_id[-1]) - 1}"/>' if name.startswith("heading") else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="{based_on}"/><w:next w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>{level}</w:pPr>'
        f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>'
    )


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{_W_NS}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" '
    'w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _style("Heading1", "heading 1", 32)
    + _style("Heading2", "heading 2", 26)
    + _style("Heading3", "heading 3", 22)
    + "</w:styles>"
)


def _core(title: str, date: Date) -> str:
    when = f"{date.isoformat()}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_escape(title)}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _package(document: str, *, title: str, date: Date) -> bytes:
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "docProps/core.xml": _core(title, date),
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": document,
        "word/styles.xml": _STYLES,
        "word/settings.xml": _SETTINGS,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            # A fixed time in every entry: the same diff gives the same bytes.
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()

