"""A WTDC text (a whole final report, or any file holding some of its documents) → documents.

One pass over the logical lines with precompiled patterns: a document heading opens a
document, a heading line opens a section, everything else is a clause or the continuation
of one. Footnote paragraphs (deeper indentation, numbered) are collected per document and
attached to the clause whose word carries the marker. Text outside any document (the
conference overview, statements by delegations, the lineage tables) is not a document; a
text with no document at all falls back to paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from itertools import chain

from toolkit.errors import ParseError, UnknownDocumentError
from toolkit.ingest import SourceText, comparable
from toolkit.ingest.labels import CLAUSE_OPENINGS
from toolkit.messages import suggest
from toolkit.parse import headings as h
from toolkit.parse.lines import (
    FOOTNOTE_INDENT,
    TABLE_INDENT,
    Line,
    logical_lines,
    split_label,
    tidy,
)
from toolkit.parse.model import (
    Clause,
    DocType,
    Document,
    Footnote,
    Section,
    SectionKind,
    next_paragraph_label,
)

_FOOTNOTE = re.compile(r"^(?P<marker>\d+)\t+(?P<text>.*)$")
_PLAIN_FOOTNOTE = re.compile(r"^(?P<marker>\d{1,3})[ \t]+(?P<text>[A-Z\"“'(h].*)$")
_SENTENCE_END = tuple(".;:!?")
_WRAPPED_HEADING = 50  # characters: a shorter heading line did not reach the right margin
_WRAPPED_TITLE = 40  # titles are set in a larger type: fewer characters fill a line
# How far after a title line the opening formula is looked for: a title wrapped onto more
# paragraphs than this is not a title any more but the text of a document without formula.
_TITLE_PARAGRAPHS = 8
# A line that names a document in a sentence ("RECOMMENDATION ITU-D 17, Sharing of …") is
# text: a heading holds no lowercase word outside its brackets but a short "to".
_PLAIN_WORD = re.compile(r"\b[a-z]{3,}")
_BRACKETED = re.compile(r"\([^)]*\)?")


@dataclass(frozen=True)
class ParsedText:
    """The documents of one source, in source order."""

    name: str
    documents: tuple[Document, ...]
    # Headings whose document the source replaces by a note, e.g. `RESOLUTION 53 (Rev. Dubai,
    # 2014)` followed only by "(Abrogated by WTDC-25)": doc id → the note as printed.
    notes: tuple[tuple[str, str], ...] = ()
    # Region code → its heading as printed: ("AFR", "AFRICA REGIONAL INITIATIVES"), …
    regions: tuple[tuple[str, str], ...] = ()
    # What the parser assumed ("file:line: …"), and footnotes without a marker in the text.
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # (warning, document id) for the warnings about one document, so that a command that
    # shows one document shows only its own.
    warned_docs: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the documents found, in the order of the text."""
        return tuple(d.id for d in self.documents)

    def warnings_for(self, ids: Collection[str]) -> tuple[str, ...]:
        """The warnings about these documents, and those about no document in particular."""
        about = dict(self.warned_docs)
        return tuple(w for w in self.warnings if about.get(w, "") in ("", *ids))

    def select(self, doc_id: str) -> tuple[Document, ...]:
        """One document by id, or a region's initiatives by `ri-<region>` (`ri-asp`); ids are
        case-insensitive (`RES-37`)."""
        asked, doc_id = doc_id, doc_id.lower()
        found = tuple(
            d for d in self.documents
            if d.id == doc_id or (d.region and d.id.split("~")[0][:-1] == doc_id)
        )
        notes = dict(self.notes)
        if doc_id in notes:
            raise UnknownDocumentError(
                f"'{self.name}' holds no text of '{doc_id}', only the note {notes[doc_id]}; "
                "compare an edition that holds its text"
            )
        if not found:
            raise UnknownDocumentError(
                f"'{self.name}' holds no document '{asked}'{suggest(doc_id, self.ids)}; it holds "
                f"{_inventory(self.documents)}; give one of these ids"
            )
        return found

    def region_heading(self, code: str) -> str | None:
        """The heading printed over a region's initiatives ("AFRICA REGIONAL INITIATIVES")."""
        return dict(self.regions).get(code.upper())

    def document(self, doc_id: str) -> Document:
        """The one document an id names; an error that lists the candidates when it names
        none or several."""
        found = self.select(doc_id)
        if len(found) != 1:
            raise UnknownDocumentError(
                f"'{doc_id}' names {len(found)} documents of '{self.name}'; "
                f"name one of {', '.join(d.id for d in found)}"
            )
        return found[0]


def _inventory(documents: tuple[Document, ...]) -> str:
    """The ids a source holds, one run per document type: `res-1 … res-94 (63)`."""
    runs: dict[str, list[str]] = {}
    for d in documents:
        runs.setdefault(d.type, []).append(d.id)
    return ", ".join(
        ids[0] if len(ids) == 1 else f"{ids[0]} … {ids[-1]} ({len(ids)})" for ids in runs.values()
    )


@dataclass
class _Clause:
    label: str | None
    parts: list[str]
    start: int
    end: int


@dataclass
class _Section:
    heading: str | None
    kind: SectionKind
    start: int
    end: int
    clauses: list[_Clause] = field(default_factory=list)


@dataclass
class _Document:
    id: str
    type: DocType
    number: str | None
    heading: str
    edition_label: str | None
    title: str | None
    start: int
    indent: int
    region: str | None = None
    expect_title: bool = True
    title_open: bool = False  # a plain source's title may wrap onto the next line
    title_paragraphs: int = 0  # paragraphs still to join to the title (before the formula)
    footnote_open: str | None = None  # a plain source's footnote may wrap too
    in_annex: bool = False
    annex_title_pending: bool = False
    end: int = 0
    sections: list[_Section] = field(default_factory=list)
    footnotes: dict[str, tuple[str, int]] = field(default_factory=dict)


class _Parser:
    def __init__(self, source: SourceText, *, strict: bool) -> None:
        self.name = source.name
        self.strict = strict
        self.lines, self.tabbed = logical_lines(source.text)
        self.done: list[Document] = []
        self.notes: list[tuple[str, str]] = []
        self.warnings: list[str] = []
        self.warned_docs: list[tuple[str, str]] = []
        self.skip = -1  # a line already read with the one before it
        self.doc: _Document | None = None
        self.index = 0  # of the line being read, for the look-ahead over footnote blocks
        self.part: str | None = None
        self.group: list[_Document] = []  # a region's initiatives, finished together
        self.region_heading: str | None = None  # waiting for the region's first initiative
        self.regions: dict[str, str] = {}

    # --- driving ------------------------------------------------------------------------

    def run(self) -> ParsedText:
        for index, line in enumerate(self.lines):
            if index == self.skip:
                continue
            self.index = index
            if line.indent >= TABLE_INDENT or not self._structure(line):
                self._text(line)
        self._close()
        self._finish(self.group)
        self._number_repeats()
        return ParsedText(self.name, tuple(self.done), tuple(self.notes),
                          tuple(self.regions.items()), tuple(self.warnings),
                          tuple(self.warned_docs))

    def _warn(self, message: str, doc_id: str | None = None) -> None:
        self.warnings.append(message)
        if doc_id is not None:
            self.warned_docs.append((message, doc_id))

    def _assume(self, line: Line, refusal: str, assumption: str, doc_id: str | None) -> None:
        """Refuse what the layout does not allow when strict; otherwise say what was assumed."""
        if self.strict:
            raise ParseError(f"{self.name}:{line.start}: {refusal}; leave out --strict to read "
                             "it with a best guess")
        self._warn(f"{self.name}:{line.start}: {assumption}", doc_id)

    def _number_repeats(self) -> None:
        """A document seen again (a text holding the report twice) is `res-37~2`, `res-37~3`."""
        seen = Counter(d.id for d in self.done)
        repeated = sorted(i for i, n in seen.items() if n > 1)
        if not repeated:
            return
        if self.strict:
            raise ParseError(
                f"'{self.name}' holds document(s) {', '.join(repeated)} more than once; "
                "split the file so each source holds one copy, or leave out --strict"
            )
        first: dict[str, int] = {}
        count: Counter[str] = Counter()
        for i, doc in enumerate(self.done):
            count[doc.id] += 1
            if count[doc.id] == 1:
                first[doc.id] = doc.span[0]
                continue
            new_id = f"{doc.id}~{count[doc.id]}"
            self._warn(f"{self.name}:{doc.span[0]}: {doc.id} appears again (first at line "
                       f"{first[doc.id]}); read as {new_id}", new_id)
            self.done[i] = replace(doc, id=new_id)

    def _structure(self, line: Line) -> bool:
        """Handle a line that opens or closes a document; False if it is ordinary text."""
        if not h.STRUCTURAL.match(line.text):
            return False
        if self._outline(line):
            return True
        if self.part not in (None, "IV", "V"):
            return False
        if self._document_heading(line):
            return True
        self._near_miss(line)
        return False

    def _outline(self, line: Line) -> bool:
        """A part, region, lettered annex or study group heading, the Declaration, the Action
        Plan or a regional initiative: the report's own outline around the documents."""
        text = line.text
        if match := h.PART.match(text):
            self._close()
            self.part = match["part"]
            return True
        if h.LETTERED_ANNEX.match(text) or h.STUDY_GROUP.match(text):
            self._close()
            return True
        if h.REGION.match(text) and self.part in (None, "III"):
            self._close()
            self.region_heading = tidy(text)
            return True
        if h.DECLARATION.match(text) and self.part in (None, "I"):
            self._open(line, "declaration", "declaration", None, text, None)
            return True
        if h.ACTION_PLAN.match(text) and self.part in (None, "II") and self.doc is None:
            self._open(line, "action-plan", "action-plan", None, text, None)
            self._doc().title = text
            self._doc().expect_title = False
            return True
        if (match := h.INITIATIVE.match(text)) and self.part in (None, "III"):
            self._initiative(line, match)
            return True
        return False

    def _initiative(self, line: Line, match: re.Match[str]) -> None:
        code = match["code"]
        self._open(line, f"ri-{code.lower()}{match['n']}", "regional-initiative",
                   f"{code}{match['n']}", f"{code}{match['n']}", None)
        self._doc().region = code
        if self.region_heading is not None:
            self.regions.setdefault(code, self.region_heading)
            self.region_heading = None
        self._doc().title = tidy(match["title"])
        self._doc().expect_title = False

    def _document_heading(self, line: Line) -> bool:
        """A resolution, its annex, a recommendation or a Question (Parts IV and V)."""
        text = line.text
        if match := h.RESOLUTION.match(text):
            self._open(line, f"res-{match['n']}", "resolution", match["n"], text, match["edition"])
            return True
        if match := h.ANNEX.match(text):
            self._annex(line, match)
            return True
        if match := h.RECOMMENDATION.match(text):
            self._open(line, f"rec-{match['n']}", "recommendation", match["n"], text, None)
            return True
        if match := h.QUESTION.match(text):
            number = f"{match['sg']}/{match['n']}"
            self._open(line, f"q-{match['sg']}-{match['n']}", "question", number, text, None)
            return True
        return False

    def _annex(self, line: Line, match: re.Match[str]) -> None:
        """An annex opens a section of its resolution; one that follows no resolution, or
        another one, is read with a best guess (refused with --strict)."""
        text = line.text
        doc = self.doc
        if doc is None or doc.type != "resolution" or doc.number != match["n"]:
            refusal = (f"'{tidy(text)}' does not follow its resolution; an annex must come "
                       "after the resolution it belongs to")
            if doc is None:
                self._open(line, f"res-{match['n']}", "resolution", match["n"], text,
                           match["edition"])
                doc = self._doc()
                doc.expect_title = False
                doc.title = tidy(text)
                self._assume(line, refusal, f"'{tidy(text)}' follows no resolution; read as "
                             f"the text of {doc.id}", doc.id)
            else:
                self._assume(line, refusal, f"'{tidy(text)}' does not follow its resolution; "
                             f"read as an annex of {doc.id}", doc.id)
        doc.sections.append(_Section(tidy(text), "body", line.start, line.end))
        doc.in_annex = True
        doc.annex_title_pending = True

    def _near_miss(self, line: Line) -> None:
        """A short line that looks like a document heading but is none: a warning (an error
        with --strict), and the line is read as text."""
        text = line.text
        near_misses = (h.RESOLUTION_LIKE, h.ANNEX_LIKE, h.RECOMMENDATION_LIKE, h.QUESTION_LIKE)
        if (
            any(near_miss.match(text) for near_miss in near_misses)
            and len(text) < 120
            and not _PLAIN_WORD.search(_BRACKETED.sub("", text))
        ):
            doc_id = self.doc.id if self.doc else None
            self._assume(
                line,
                f"cannot read the document heading '{tidy(text)}'; expected e.g. 'RESOLUTION 37 "
                "(Rev. Baku, 2025)', 'RECOMMENDATION ITU-D 19' or 'QUESTION 1/1'",
                f"'{tidy(text)}' looks like a document heading but is not one (expected e.g. "
                f"'RESOLUTION 37 (Rev. Baku, 2025)'); read"
                + (f" as part of {doc_id}" if doc_id else " as text outside any document"),
                doc_id,
            )

    # --- documents ----------------------------------------------------------------------

    def _doc(self) -> _Document:
        assert self.doc is not None
        return self.doc

    def _open(self, line: Line, doc_id: str, doc_type: DocType, number: str | None,
              heading: str, edition: str | None) -> None:
        self._close()
        self.doc = _Document(doc_id, doc_type, number, tidy(heading),
                             tidy(edition) if edition else None, None, line.start, line.indent)

    def _close(self) -> None:
        """Finish the open document; initiatives wait for their region (shared footnotes)."""
        doc, self.doc = self.doc, None
        if doc is not None and doc.type == "regional-initiative":
            self.group.append(doc)
            return
        self._finish(self.group)
        self.group = []
        if doc is not None:
            self._finish([doc])

    def _finish(self, docs: list[_Document]) -> None:
        """Freeze documents that share one run of footnotes (a resolution, a region)."""
        if not docs:
            return
        kept = []
        for doc in docs:
            clauses = [c for s in doc.sections for c in s.clauses]
            if len(clauses) == 1 and h.ABROGATION_NOTE.match(clauses[0].parts[0]):
                self.notes.append((doc.id, clauses[0].parts[0]))
            else:
                kept.append(doc)
        titles = {id(d): _Clause(None, [d.title or ""], d.start, d.start) for d in kept}
        headings = {
            id(s): _Clause(None, [s.heading or ""], s.start, s.end)
            for d in kept
            for s in d.sections
        }
        boxes = [
            box
            for d in kept
            for box in (
                titles[id(d)],
                *(b for s in d.sections for b in (headings[id(s)], *s.clauses)),
            )
        ]
        footnotes = {k: v for d in docs for k, v in d.footnotes.items()}
        attached, unanchored = self._attach_footnotes(docs[-1].id, footnotes, boxes)

        def clean(box: _Clause) -> str:
            return tidy(_strip_markers(box.parts[0], attached.get(id(box), ())))

        def notes(box: _Clause) -> tuple[Footnote, ...]:
            hits = attached.get(id(box))
            return tuple(f for f, _, _ in hits) if hits else ()

        def marked(box: _Clause) -> str:
            """The clause's parts without their footnote markers, one per line."""
            hits = attached.get(id(box))
            if not hits:
                return "\n".join(box.parts)
            return "\n".join(_strip_markers(p, hits, i) for i, p in enumerate(box.parts))

        all_clauses = [c for d in kept for s in d.sections for c in s.clauses]
        raws = {id(c): "\n".join(c.parts).replace("\t", " ") for c in all_clauses}
        texts = dict(zip(raws, _comparable_all(map(marked, all_clauses), raws.values()),
                         strict=True))
        for doc in kept:
            self.done.append(
                Document(
                    id=doc.id,
                    type=doc.type,
                    number=doc.number,
                    heading=doc.heading,
                    edition_label=doc.edition_label,
                    title=clean(titles[id(doc)]),
                    sections=tuple(
                        Section(
                            heading=clean(headings[id(s)]) if s.heading else None,
                            kind=s.kind,
                            clauses=tuple(
                                Clause(
                                    label=c.label,
                                    text=texts[id(c)],
                                    ordinal=n,
                                    footnotes=notes(c),
                                    raw=raws[id(c)],
                                    span=(c.start, c.end),
                                )
                                for n, c in enumerate(s.clauses, 1)
                            ),
                            span=(s.start, max([s.end, *(c.end for c in s.clauses)])),
                            footnotes=notes(headings[id(s)]),
                        )
                        for s in doc.sections
                    ),
                    region=doc.region,
                    span=(doc.start, max(doc.end, doc.start)),
                    footnotes=notes(titles[id(doc)]) + (unanchored if doc is kept[-1] else ()),
                )
            )

    def _attach_footnotes(
        self, doc_id: str, footnotes: dict[str, tuple[str, int]], boxes: list[_Clause]
    ) -> tuple[dict[int, tuple[tuple[Footnote, int, int], ...]], tuple[Footnote, ...]]:
        """Find each footnote's marker, in marker order, after the previous one.

        A footnote whose marker is nowhere in the text (the source lost it) is returned apart:
        the document keeps it, so no footnote text is lost.
        """
        found: dict[int, list[tuple[Footnote, int, int]]] = {}
        unanchored: list[Footnote] = []
        cursor = (0, 0, 0)  # box, part, offset
        for marker in sorted(footnotes, key=int):
            text, line_no = footnotes[marker]
            hit = (
                _find_marker(boxes, marker, cursor)
                or _find_marker(boxes, marker, (0, 0, 0))
                or _find_number_marker(boxes, marker, text)
            )
            if hit is None:
                self._warn(
                    f"{self.name}:{line_no}: footnote {marker} of {doc_id} "
                    "has no marker in the text; kept with the document",
                    doc_id,
                )
                unanchored.append(Footnote(marker, text))
                continue
            box, part, offset = hit
            found.setdefault(id(boxes[box]), []).append((Footnote(marker, text), part, offset))
            cursor = (box, part, offset + len(marker))
        return {k: tuple(v) for k, v in found.items()}, tuple(unanchored)

    # --- text ---------------------------------------------------------------------------

    def _text(self, line: Line) -> None:
        doc = self.doc
        if doc is None:
            return
        doc.end = line.end
        if self._footnote(doc, line) or self._title(doc, line) or self._edition_note(doc, line):
            return
        if doc.annex_title_pending:
            doc.annex_title_pending = False
            self._add_clause(line, None, line.text)
            return
        self._body(doc, line)

    def _footnote(self, doc: _Document, line: Line) -> bool:
        """A footnote's text, kept until its marker is found; True if the line was one."""
        if (
            self.tabbed
            and line.indent == FOOTNOTE_INDENT
            and (note := _FOOTNOTE.match(line.text))
        ):
            doc.footnotes[note["marker"]] = (tidy(note["text"]), line.start)
            return True
        return not self.tabbed and self._plain_footnote(doc, line)

    def _title(self, doc: _Document, line: Line) -> bool:
        """The document's title, or a line of it; True if the line was one."""
        text = line.text
        if doc.expect_title:
            doc.expect_title = False
            if not (h.CONFERENCE.search(text) or split_label(text, tabbed=self.tabbed)[1]):
                doc.title = text
                doc.title_paragraphs = self._title_paragraphs(doc)
                doc.title_open = (
                    not doc.title_paragraphs and not self.tabbed and len(text) >= _WRAPPED_TITLE
                )
                return True
        if doc.title_paragraphs:
            doc.title_paragraphs -= 1
            doc.title = f"{doc.title} {text}"
            # A plain source wraps its lines (no warning); a paragraph break inside a title is
            # a layout the report does not have.
            if self.tabbed or line.start > self.lines[self.index - 1].end + 1:
                self._warn(f"{self.name}:{line.start}: read '{tidy(text)}' as the rest of the "
                           f"title of {doc.id}", doc.id)
            return True
        if doc.title_open:
            # "Models and methods to determine the cost of" / "national telecommunication
            # services": a title that filled its line goes on until the opening formula.
            doc.title_open = False
            if (
                doc.title
                and not h.TITLE_END.match(text)
                and not split_label(text, tabbed=False)[1]
                and len(text) <= 120
                and text.rstrip()[-1] not in (*_SENTENCE_END, ",")
            ):
                doc.title = f"{doc.title} {text}"
                doc.title_open = len(text) >= _WRAPPED_TITLE
                return True
        return False

    def _edition_note(self, doc: _Document, line: Line) -> bool:
        """A Recommendation prints its edition under the title, "(January, 2002)", or only in
        its opening formula, "The World … Conference (Dubai, 2014),"; True if the line was
        the note under the title."""
        text = line.text
        if (
            doc.type == "recommendation"
            and doc.edition_label is None
            and ((note := h.EDITION_NOTE.match(text)) or (note := h.CONFERENCE.search(text)))
        ):
            doc.edition_label = tidy(note["edition"])
            return bool(h.EDITION_NOTE.match(text))
        return False

    def _body(self, doc: _Document, line: Line) -> None:
        """A clause, the rest of one, or a section heading."""
        text = line.text
        table = line.indent >= TABLE_INDENT
        label, labelled, rest = split_label(text, tabbed=self.tabbed)
        if not self.tabbed and self._wrapped(doc, line, labelled):
            return
        if self.tabbed and not labelled and not table and self._heading_wrap(doc, line):
            return
        if not labelled and not table:
            if self._continued(doc, line) or self._section_heading(line, doc):
                return
        elif labelled and not table and self._numbered_heading(doc) and h.numbered_heading(text):
            self._add_section(line, tidy(text), "body")
            return
        self._add_clause(line, label, rest)

    def _continued(self, doc: _Document, line: Line) -> bool:
        """An unlabelled line that goes on with the clause above it; True if it did."""
        text = line.text
        clauses = doc.sections[-1].clauses if doc.sections else []
        # A deeper paragraph continues an unlabelled clause above it; in a
        # plain source (Markdown, a PDF's text), so does a line that goes on with a
        # sentence left open: the pre-final Declaration breaks "… of the global
        # population" / "remains offline …", and a PDF wraps every long clause.
        last = clauses[-1].parts[-1].rstrip()[-1:] if clauses else "."
        deeper = doc.indent < line.indent < FOOTNOTE_INDENT
        if clauses and deeper and clauses[-1].label is not None:
            # A labelled clause's further paragraphs are units of their own ("a) ¶2"), so
            # that a paragraph another version prints apart is compared on its own.
            self._add_clause(line, next_paragraph_label(clauses[-1].label), text)
            return True
        if clauses and (
            deeper
            or (
                not self.tabbed
                and last not in _SENTENCE_END
                and not h.OPENING.match(text)
                # "(Baku, 2025)," then "recognizing": a comma may close a clause too
                and not (last == "," and self._known_heading(doc, text))
            )
        ):
            current = clauses[-1]
            current.parts.append(text)
            current.end = line.end
            return True
        return False

    def _title_paragraphs(self, doc: _Document) -> int:
        """How many lines after the title line still belong to it: all those before the
        opening formula ("The World Telecommunication Development Conference (…),") or an
        edition note, if no clause, heading or footnote comes first."""
        if self.strict or doc.type not in ("resolution", "recommendation"):
            return 0
        ahead = self.lines[self.index + 1 : self.index + 1 + _TITLE_PARAGRAPHS + 1]
        for n, line in enumerate(ahead):
            text = line.text
            # "(January, 2002)" under a Recommendation's title ends it; "(WTDC)" goes on with it.
            if (
                h.TITLE_END.match(text) and (text[0] != "(" or h.EDITION_NOTE.match(text))
            ) or h.CONFERENCE.search(text):
                return n
            if (
                h.STRUCTURAL.match(text)
                or line.indent >= FOOTNOTE_INDENT
                or len(text) > 200
                or split_label(text, tabbed=self.tabbed)[1]
                or h.heading_kind(text, strict=True)
            ):
                break
        # No formula after the title (a draft without one): in the report's layout a first
        # paragraph that no sentence ends is the title's wrapped rest.
        if self.tabbed and ahead and _unfinished(ahead[0].text):
            return 1
        return 0

    def _heading_wrap(self, doc: _Document, line: Line) -> bool:
        """In the report's layout, a paragraph under a preamble or operative heading that is
        neither a clause nor a heading is the heading wrapped onto a second paragraph
        ("resolves to instruct the Director of the" / "Telecommunication Development
        Bureau"); True if joined to it."""
        section = doc.sections[-1] if doc.sections else None
        text = line.text
        if (
            self.strict
            or section is None
            or section.heading is None
            or section.clauses
            or section.kind == "body"
            or not _unfinished(text)
        ):
            return False
        self._warn(f"{self.name}:{line.start}: read '{tidy(text)}' as the rest of the heading "
                   f"'{section.heading}' in {doc.id}", doc.id)
        section.heading = f"{section.heading} {tidy(text)}"
        section.end = line.end
        return True

    def _heading_with_comma(self, line: Line, doc: _Document) -> bool:
        """"invites Member States," / "Sector Members and Associates": in the report's layout
        a heading cut after a comma, its rest in the next paragraph; True if joined."""
        if self.strict or not self.tabbed or not line.text.endswith(","):
            return False  # the common case, told before any work
        text = tidy(line.text)
        after = self.lines[self.index + 1] if self.index + 1 < len(self.lines) else None
        if (
            after is None
            or doc.type not in ("resolution", "recommendation")
            or not h.heading_candidate(text[:-1])
            or h.heading_kind(text[:-1], strict=True) is None
            or after.indent != line.indent
            or not _unfinished(after.text)
        ):
            return False
        joined = f"{text} {tidy(after.text)}"
        self._warn(f"{self.name}:{line.start}: read '{text}' and the next paragraph as the "
                   f"heading '{joined}' in {doc.id}", doc.id)
        kind = h.heading_kind(joined, strict=True)
        assert kind is not None  # its first word is a heading word (checked above)
        self._add_section(Line(joined, line.indent, line.start, after.end), joined, kind)
        self.skip = self.index + 1
        return True

    def _unknown_heading(self, line: Line, doc: _Document) -> bool:
        """A short lowercase paragraph whose first word is no heading word the parser knows:
        the first half of a heading, a new operative verb, or text; True if a heading."""
        text = tidy(line.text)
        refusal = (f"'{text}' in {doc.id} looks like a preamble or operative heading but its "
                   "verb is not one the parser knows")
        after = self.lines[self.index + 1] if self.index + 1 < len(self.lines) else None
        if after is not None and h.heading_candidate(after.text):
            joined = f"{text} {tidy(after.text)}"
            kind = h.heading_kind(joined, strict=True)
            if kind is not None:  # "further" / "resolves"
                self._assume(line, refusal, f"read '{text}' and the next paragraph as the "
                             f"heading '{joined}' in {doc.id}", doc.id)
                self._add_section(Line(joined, line.indent, line.start, after.end), joined, kind)
                self.skip = self.index + 1
                return True
        # "welcomes" over a list of clauses: a verb in the third person heads what follows.
        verb = text.split()[0]
        if (
            after is not None
            and split_label(after.text, tabbed=True)[1]
            and verb.endswith("s")
            and not verb.endswith("ss")
        ):
            self._assume(line, refusal, f"read '{text}' in {doc.id} as an operative heading",
                         doc.id)
            self._add_section(line, text, "operative")
            return True
        self._assume(line, refusal, f"'{text}' in {doc.id} is no heading the parser knows; read "
                     "as text", doc.id)
        return False

    def _numbered_heading(self, doc: _Document) -> bool:
        return doc.type in ("question", "action-plan") or doc.in_annex

    def _plain_footnote(self, doc: _Document, line: Line) -> bool:
        """Without indentation (Word, PDF) a footnote paragraph is told by its number: the next
        footnote number, whose marker the text above carries, at the start of a block that runs
        to the next document or to the end. Its wrapped lines follow it."""
        note = _PLAIN_FOOTNOTE.match(line.text)
        if note is None:
            if doc.footnote_open is not None and not split_label(line.text, tabbed=False)[1]:
                marker = doc.footnote_open
                text, start = doc.footnotes[marker]
                doc.footnotes[marker] = (f"{text} {tidy(line.text)}", start)
                return True
            return False
        marker = note["marker"]
        if int(marker) != len(doc.footnotes) + 1 or not self._carries_marker(doc, marker):
            return False
        if not self._footnotes_to_the_end(int(marker)):
            return False
        doc.footnotes[marker] = (tidy(note["text"]), line.start)
        doc.footnote_open = marker
        return True

    def _carries_marker(self, doc: _Document, marker: str) -> bool:
        pattern = _marker_pattern(marker)
        texts = [
            part
            for d in (*self.group, doc)
            for part in (
                d.title or "",
                *(s.heading or "" for s in d.sections),
                *(p for s in d.sections for c in s.clauses for p in c.parts),
            )
        ]
        return any(marker in t and pattern.search(t) for t in texts)

    def _footnotes_to_the_end(self, number: int) -> bool:
        """Only footnotes (numbered on, or their wrapped lines) lie between this line and the
        next document heading or the end of the text."""
        for line in self.lines[self.index + 1:]:
            if h.STRUCTURAL.match(line.text):
                return True
            note = _PLAIN_FOOTNOTE.match(line.text)
            if note is not None and int(note["marker"]) == number + 1:
                number += 1
                continue
            if split_label(line.text, tabbed=False)[1] or h.heading_kind(line.text, strict=True):
                return False
        return True

    def _wrapped(self, doc: _Document, line: Line, labelled: bool) -> bool:
        """In a source without indentation (a PDF's text), join a line that continues a
        wrapped heading or a clause whose sentence is still open; True if joined."""
        text = line.text
        section = doc.sections[-1] if doc.sections else None
        if section is None or section.heading is None:
            return False
        if not section.clauses:
            # "resolves to instruct the Director of the" / "Telecommunication Development
            # Bureau": only a heading that filled its line can have wrapped, and an
            # unlabelled clause opens with "to …" or "that …".
            if (
                not labelled
                and len(section.heading) >= _WRAPPED_HEADING
                and not text.startswith(CLAUSE_OPENINGS)
                and len(text) <= 200
                and text.rstrip()[-1] not in (*_SENTENCE_END, ",")
            ):
                section.heading = f"{section.heading} {text}"
                section.end = line.end
                return True
            return False
        clause = section.clauses[-1]
        # "… services in rural and" / "25 per cent of …": a labelled-looking line after an
        # open sentence is its next line, not a new clause.
        if labelled and clause.parts[-1].rstrip()[-1:] not in (*_SENTENCE_END, ","):
            clause.parts.append(text)
            clause.end = line.end
            return True
        return False

    @staticmethod
    def _known_heading(doc: _Document, text: str) -> bool:
        return (
            doc.type in ("resolution", "recommendation")
            and h.heading_candidate(text)
            and h.heading_kind(text, strict=True) is not None
        )

    def _section_heading(self, line: Line, doc: _Document) -> bool:
        text = line.text
        if line.indent > doc.indent and self.tabbed:
            return False
        if self._heading_with_comma(line, doc):
            return True
        if doc.type in ("resolution", "recommendation") and h.heading_candidate(text):
            kind = h.heading_kind(text, strict=not self.tabbed)
            if kind is not None:
                self._add_section(line, tidy(text), kind)
                return True
            # In the tab-indented report a line is a whole paragraph, so a short lowercase
            # one without closing punctuation is a heading; in other sources it may be the
            # first line of a wrapped clause ("to expedite and prioritize work that …").
            if self.tabbed and not doc.in_annex:
                return self._unknown_heading(line, doc)
            return False
        # Without indentation, a capitalised line right under a heading is the first line of
        # a clause (or the heading's own wrap, joined before this), not a second heading.
        under_heading = bool(doc.sections) and not doc.sections[-1].clauses
        if (
            doc.type != "declaration"
            and h.body_heading(text)
            and (self.tabbed or not under_heading)
        ):
            self._add_section(line, tidy(text), "body")
            return True
        return False

    def _add_section(self, line: Line, heading: str | None, kind: SectionKind) -> None:
        doc = self._doc()
        doc.sections.append(_Section(heading, kind, line.start, line.end))

    def _add_clause(self, line: Line, label: str | None, text: str) -> None:
        doc = self._doc()
        if not doc.sections:
            doc.sections.append(_Section(None, "body", line.start, line.end))
        doc.sections[-1].clauses.append(_Clause(label, [text], line.start, line.end))


def _unfinished(text: str) -> bool:
    """Neither a clause (which ends with punctuation) nor a heading nor a label: a title's or
    a heading's rest, wrapped onto a paragraph of its own."""
    return (
        len(text) <= 200
        and "\t" not in text
        and text[0] != "("  # "(Abrogated by WTDC-25)", "(January, 2002)": notes, not a rest
        and text.rstrip()[-1] not in ".;:,"
        and not split_label(text, tabbed=True)[1]
        and not h.STRUCTURAL.match(text)
        and h.heading_kind(text, strict=True) is None
    )


def _find_marker(
    boxes: list[_Clause], marker: str, cursor: tuple[int, int, int]
) -> tuple[int, int, int] | None:
    pattern = _marker_pattern(marker)
    box0, part0, offset0 = cursor
    for b in range(box0, len(boxes)):
        parts = boxes[b].parts
        for p in range(part0 if b == box0 else 0, len(parts)):
            if marker not in parts[p]:
                continue
            start = offset0 if (b, p) == (box0, part0) else 0
            match = pattern.search(parts[p], start)
            if match:
                return b, p, match.start()
    return None


def _find_number_marker(
    boxes: list[_Clause], marker: str, footnote: str
) -> tuple[int, int, int] | None:
    """A marker glued to a number (`Focus Group 71`), taken only when the footnote itself
    names the words and number it glues to ("Focus Group 7 was established …")."""
    pattern = re.compile(rf"\b([A-Za-z]{{2,}} \d+){marker}(?![\w])")
    for b, box in enumerate(boxes):
        for p, part in enumerate(box.parts):
            for match in pattern.finditer(part):
                if re.search(rf"\b{re.escape(match[1])}(?!\d)", footnote):
                    return b, p, match.end(1)
    return None


_MARKER_PATTERNS: dict[str, re.Pattern[str]] = {}


def _marker_pattern(marker: str) -> re.Pattern[str]:
    # Glued to a word of two letters or more, or to closing punctuation: `developing1`,
    # `Secretariat5;`, `programme1,`. A lone capital (`C4`, `Q1`), a name whose digit is its
    # own (`IPv6`, `Web3`) or a digit that runs on into more digits or letters (`5G`,
    # `ICT4D`) is not taken for a marker. The marker comes first and what precedes it is
    # looked behind from its end: a pattern that starts with a literal is searched for as
    # fast as str.find, one that starts with a look-behind is tried at every character.
    pattern = _MARKER_PATTERNS.get(marker)
    if pattern is None:
        pattern = re.compile(
            rf"{marker}(?:(?<=[A-Za-z][a-z]{marker})|(?<=[a-z][A-Za-z]{marker})"
            rf"|(?<=[)\]\"”’']{marker}))(?<!\bIPv{marker})(?<!\bWeb{marker})(?![\w])"
        )
        _MARKER_PATTERNS[marker] = pattern
    return pattern


def _strip_markers(text: str, hits: tuple[tuple[Footnote, int, int], ...], part: int = 0) -> str:
    for footnote, p, offset in sorted(hits, key=lambda x: -x[2]):
        if p == part:
            text = text[:offset] + text[offset + len(footnote.marker):]
    return text


def _comparable_all(texts: Iterable[str], raws: Iterable[str]) -> list[str]:
    """comparable() of each text; where it equals the clause's display text, the display
    text itself, so that a text held twice is stored once."""
    return [
        raw if raw == text else text
        for raw, text in zip(raws, map(comparable, texts), strict=True)
    ]


def parse_source(source: SourceText, *, strict: bool = False) -> ParsedText:
    """Parse a WTDC text into documents; a text without WTDC structure → paragraphs.

    What the layout does not allow (an unknown heading word, an annex away from its
    resolution, a document twice) is read with a best guess and a warning naming file:line;
    `strict` refuses it instead (ParseError).
    """
    parsed = ParsedText(source.name, ())
    if h.may_hold_documents(source.text):
        parsed = _Parser(source, strict=strict).run()
    if parsed.documents or parsed.notes:
        return parsed
    document = _paragraphs(source)
    warning = (f"{source.name}: holds no WTDC document heading (RESOLUTION, QUESTION, "
               f"DECLARATION, …); read as {_paragraph_count(len(document.clauses))}")
    return ParsedText(source.name, (document,), warnings=(*parsed.warnings, warning))


def _paragraphs(source: SourceText) -> Document:
    """Blank-line separated paragraphs, one unlabelled clause each."""
    shared = _SHARED.get() or _Shared()
    pool = shared.paragraphs
    # Line numbers and ordinals as the int objects both sides share.
    numbers = shared.numbers(source.text.count("\n") + 2)
    clauses: list[Clause] = []
    block: list[str] = []
    start = 0
    first = 1  # the number of a chunk's first line
    # The blank line after the last one closes the last paragraph. Lines come a chunk at a
    # time, stripped in C; a paragraph's lines are consecutive, so its last is told by its
    # first and their count.
    for chunk in chain(_line_chunks(source.text), ([""],)):
        for number, stripped in enumerate(map(str.strip, chunk), start=first):
            if stripped:
                if not block:
                    start = number
                block.append(stripped)
            elif block:
                raw = "\n".join(block)
                # A paragraph met before (in this text or the other side of a diff) is held
                # once; a paragraph already comparable is kept once, not copied.
                seen = pool.get(raw)
                text, raw = (comparable(raw), raw) if seen is None else (seen.text, seen.raw)
                span = (numbers[start], numbers[start + len(block) - 1])
                clauses.append(Clause(None, text, numbers[len(clauses) + 1], (), raw, span))
                if seen is None:
                    pool[raw] = clauses[-1]
                block = []
        first += len(chunk)
    if not clauses:
        raise ParseError(f"'{source.name}' holds no text to parse; give a file with some text")
    section = Section(None, "body", tuple(clauses), (clauses[0].span[0], clauses[-1].span[1]))
    return Document(
        id="text",
        type="text",
        number=None,
        heading=source.name,
        edition_label=None,
        title=source.name,
        sections=(section,),
        span=section.span,
    )


@dataclass
class _Shared:
    """What the parses inside `shared_paragraphs()` hold once: paragraphs by their text as
    printed (strings and comparison form), and the int objects of ordinals and line numbers
    (200 000 paragraphs a side, each with an ordinal and a span)."""

    paragraphs: dict[str, Clause] = field(default_factory=dict)
    _numbers: list[int] = field(default_factory=list)

    def numbers(self, count: int) -> list[int]:
        """At least `count` numbers: item n is n, the one int of that value both sides use."""
        self._numbers.extend(range(len(self._numbers), count))
        return self._numbers


_SHARED: ContextVar[_Shared | None] = ContextVar("shared_paragraphs", default=None)


@contextmanager
def shared_paragraphs() -> Iterator[None]:
    """Parses inside share the paragraphs they have in common (strings and comparison form):
    two 50 MB texts that differ here and there hold their unchanged paragraphs once."""
    token = _SHARED.set(_Shared())
    try:
        yield
    finally:
        _SHARED.reset(token)


# Lines are split a chunk at a time: the lines of a 50 MB text are never all held at once.
_CHUNK = 1 << 20


def _line_chunks(text: str) -> Iterator[list[str]]:
    """The lines of `text`, as splitting it at each newline gives them, split a chunk of about
    a million characters at a time."""
    begin = 0
    while len(text) - begin > _CHUNK:
        end = text.find("\n", begin + _CHUNK)
        if end < 0:
            break
        yield text[begin:end].split("\n")
        begin = end + 1
    yield text[begin:].split("\n")


def _paragraph_count(n: int) -> str:
    return "1 paragraph" if n == 1 else f"{n} paragraphs"
