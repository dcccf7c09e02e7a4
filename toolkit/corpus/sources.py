"""The one resolver of OLD/NEW/SOURCE arguments: a path, "-", an edition, or EDITION:DOC.

`resolve_source("baku-2025:res-37")` reads the edition's final report from the corpus, parses
it once per process, and returns a `Source`: Resolution 37, the lines of the report it spans,
and what a user should hear about reading it. Every command and notebook function decides
"is this a file or an edition?" here and nowhere else. The same edition's lineage tables
are cached alongside, so `wtdc lineage` and `wtdc corpus check` do not parse it twice.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from toolkit.corpus.cache import cached
from toolkit.corpus.editions import edition, edition_by_label
from toolkit.corpus.manifest import CorpusEntry
from toolkit.corpus.registry import Corpus, open_corpus
from toolkit.errors import (
    CorpusError,
    InputError,
    MissingEditionError,
    ToolkitError,
    UnknownDocumentError,
)
from toolkit.ingest import SourceText, read_bytes
from toolkit.ingest.decode import decode
from toolkit.ingest.layout import cleaning_summary
from toolkit.ingest.read import format_for, load_source_bytes
from toolkit.ingest.word import DocxView
from toolkit.parse import CorpusCheck, Document, Lineage, ParsedText, check_corpus, parse_source
from toolkit.parse.lineage import parse_lineage
from toolkit.parse.model import documents_html

if TYPE_CHECKING:
    import polars as pl

# "baku-2025", "buenos-aires-2017": what an edition id looks like (known or not).
_EDITION_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*-\d{4}$")
LATEST = "baku-2025"
# Formats whose own characters are what a user edits; a patch of Word or PDF works on the
# extracted text instead.
_EDITED_AS_TEXT = ("text", "markdown", "html")

# "memory": a text or Document handed over by a caller (a notebook), not read from anywhere.
SpecKind = Literal["file", "stdin", "edition", "document", "memory"]

_parsed: dict[tuple[Path, str, str], tuple[SourceText, ParsedText]] = {}


@dataclass(frozen=True)
class Source:
    """What one OLD/NEW/SOURCE argument names: its documents, its whole text, and the
    warnings a user should hear (how the file was decoded, what the parser assumed).

    `text` is the text a patch must rebuild character for character: a text file's decoded
    characters as they are (a UTF-8 byte-order mark kept as U+FEFF), the extraction of a
    Word or PDF file, or the lines of an edition's final report that the documents span.
    It is read on first use, so a clause diff never holds it.
    """

    spec: str
    kind: SpecKind
    documents: tuple[Document, ...]
    warnings: tuple[str, ...] = ()
    encoding: str = "utf-8"  # of the file as read ("cp1252", "utf-16-le (BOM)", …)
    _text: Callable[[], str] = field(default=str, repr=False, compare=False)
    # Those of `warnings` that say what the parser assumed: news for a clause diff, not for
    # a patch, which works on the text.
    parse_warnings: tuple[str, ...] = ()
    # For a file a layout reader cleaned (PDF, Word, HTML, a PDF's text): what it cleaned
    # (toolkit.ingest.layout.cleaning_summary).
    summary: dict[str, object] | None = field(default=None, compare=False)

    @cached_property
    def text(self) -> str:
        """The whole text, read on first use (a patch needs it, a clause diff does not)."""
        return self._text()

    @property
    def read_warnings(self) -> tuple[str, ...]:
        """How the text was read (decoded, control characters dropped), without the parse's."""
        return tuple(w for w in self.warnings if w not in self.parse_warnings)

    def frame(self) -> pl.DataFrame:
        """One row per clause (columns: toolkit.parse.CLAUSE_COLUMNS)."""
        from toolkit.parse import clauses_frame  # polars loads only when a frame is asked for

        return clauses_frame(self.documents)

    def _repr_html_(self) -> str:
        return documents_html(self.documents, caption=f"{self.spec} ({self.kind})")


# What the commands and notebook functions take for OLD, NEW or SOURCE.
SourceLike = str | Source | Document


def resolve_source(
    spec: SourceLike,
    *,
    doc: str | None = None,
    corpus: Corpus | None = None,
    strict: bool = False,
    docx_view: DocxView = "accepted",
) -> Source:
    """The documents `spec` names: all of a file or of an edition, or one (or one region's).

    `doc` picks a document of whatever `spec` names (`resolve_source(path, doc="res-37")`);
    `strict` refuses a file whose layout the parser would otherwise read with a best guess.
    A path that exists is a file even when it looks like an edition id; a colon in a file
    name is not a document id. A `Source` is returned as it is, a `Document` (a SIMULATED
    revision, say) as a Source of its own.
    """
    if isinstance(spec, Source):
        return spec
    if isinstance(spec, Document):
        label = f" ({spec.edition_label})" if spec.edition_label else ""
        # A Document has no file behind it: its text is its clauses, a paragraph each.
        clauses = "\n\n".join(c.raw or c.text for c in spec.clauses)
        return Source(f"{spec.id}{label}", "memory", (spec,), _text=lambda: clauses)
    kind = spec_kind(spec)
    edition_id, _, doc_id = spec.partition(":")
    summary = None
    if kind in ("file", "stdin"):
        source, parsed, text = _file(spec, docx_view, strict)  # a missing file: InputError
        doc_id, where = "", None
        read_warnings: tuple[str, ...] = source.warnings
        encoding = source.encoding
        summary = _summary(source, parsed) if source.cleaning is not None else None
    else:
        read_warnings, parsed = _edition_texts(edition_id, corpus)
        where, encoding = f"edition {edition_id}", "utf-8"
    if doc_id and doc and doc_id != doc:
        raise InputError(f"'{spec}' names document {doc_id} but --doc asks for {doc}; name one")
    doc_id = doc_id or doc or ""
    try:
        documents = parsed.select(doc_id) if doc_id else parsed.documents
    except UnknownDocumentError as error:
        if where is None:
            raise
        raise UnknownDocumentError(str(error).replace(f"'{parsed.name}'", where, 1)) from None
    notes = parsed.warnings_for({d.id for d in documents})
    if where is not None:
        text = _spanned(edition_id, corpus, documents if doc_id else None)
    return Source(spec, kind, documents, (*read_warnings, *notes), encoding, text,
                  parse_warnings=notes, summary=summary)


def resolve_pair(
    old: SourceLike, new: SourceLike, *, strict: bool = False
) -> tuple[Source, Source]:
    """OLD and NEW of a comparison, resolved; standard input can be only one of them."""
    if old == "-" and new == "-":
        raise InputError("OLD and NEW cannot both be standard input; give a file for one of them")
    return resolve_source(old, strict=strict), resolve_source(new, strict=strict)


def _summary(source: SourceText, parsed: ParsedText) -> dict[str, object]:
    """What reading a file cleaned, and the footnotes the parser attached or could not."""
    unattached = sum(1 for w in parsed.warnings if "has no marker" in w)
    notes = sum(
        len(d.footnotes) + sum(len(s.footnotes) + sum(len(c.footnotes) for c in s.clauses)
                               for s in d.sections)
        for d in parsed.documents
    )
    return cleaning_summary(source.cleaning, name=source.name, attached=notes - unattached,
                            unattached=unattached)


def spec_kind(spec: SourceLike) -> SpecKind:
    """What an argument names, from its shape alone (nothing is read): "-" is standard
    input, a path that exists is a file even when it looks like an edition id, "baku-2025"
    an edition, "baku-2025:res-37" one of its documents; anything else is a file (missing,
    it fails when read, naming the path)."""
    if not isinstance(spec, str):
        return spec.kind if isinstance(spec, Source) else "memory"
    edition_id, colon, _ = spec.partition(":")
    if spec == "-":
        return "stdin"
    if os.path.exists(spec) or not _EDITION_ID.match(edition_id):
        return "file"
    return "document" if colon else "edition"


def resolve(
    spec: SourceLike, *, doc: str | None = None, corpus: Corpus | None = None
) -> tuple[Document, ...]:
    """Only the documents of `resolve_source(spec, doc=doc)`, for callers that need no more."""
    return resolve_source(spec, doc=doc, corpus=corpus).documents


def _file(
    spec: str, docx_view: DocxView, strict: bool
) -> tuple[SourceText, ParsedText, Callable[[], str]]:
    """A file or standard input, read and parsed once (or taken from the parse cache), and
    how to get its text as a patch needs it.

    The way back to the text keeps no copy of the parsed one alive: a text file is read
    again when asked (a 50 MB file is not held twice through a diff that never asks), the
    bytes of standard input are kept, and only Word's or PDF's extraction is kept as it is.
    """
    if spec == "-":
        data, name, chosen = sys.stdin.buffer.read(), "<stdin>", None
    else:
        data, name = load_source_bytes(spec)  # the reader's clear error if bad
        chosen = format_for(name)

    def read_and_parse() -> tuple[SourceText, ParsedText]:
        source = read_bytes(data, name=name, format=chosen, docx_view=docx_view)
        return source, parse_source(source, strict=strict)

    options = ("resolve_source", name, str(chosen), docx_view, str(strict))
    source, parsed = cached(data, options, read_and_parse)
    if source.format not in _EDITED_AS_TEXT:
        extracted = source.text
        return source, parsed, lambda: extracted
    if spec == "-":
        return source, parsed, lambda: _as_edited(data, name)
    return source, parsed, lambda: _as_edited(Path(spec).read_bytes(), name)


def _as_edited(data: bytes, name: str) -> str:
    decoded = decode(data, name=name)
    # The byte-order mark is part of what a patch must rebuild.
    return ("\ufeff" if decoded.encoding == "utf-8 (BOM)" else "") + decoded.text


def _spanned(
    edition_id: str, corpus: Corpus | None, documents: tuple[Document, ...] | None
) -> Callable[[], str]:
    """The final report's text, or (for EDITION:DOC) the lines its documents span."""

    def text() -> str:
        report = _edition(edition_id, corpus)[0].text
        if documents is None:
            return report
        lines = report.splitlines(keepends=True)
        return "".join("".join(lines[d.span[0] - 1 : d.span[1]]) for d in documents)

    return text


def parsed_edition(edition_id: str, *, corpus: Corpus | None = None) -> ParsedText:
    """The parsed final report of an edition; read and parsed once per process.

    An edition without a final report but with adopted texts added one by one (`wtdc corpus
    add res37.docx --edition kigali-2022 --kind resolution`) is made of those texts.
    """
    return _edition_texts(edition_id, corpus)[1]


def edition_lineage(edition_id: str = LATEST, *, corpus: Corpus | None = None) -> Lineage:
    """The lineage tables of an edition's final report, with `prior_in_corpus` filled in."""
    corpus = corpus or open_corpus()
    source, parsed = _edition(edition_id, corpus)
    lineage = parse_lineage(source, documents=parsed.documents)
    held = {e.edition for e in corpus.entries if e.is_final}
    rows = []
    for row in lineage.rows:
        prior = edition_by_label(row.prior_edition) if row.prior_edition else None
        in_corpus = (
            prior is not None
            and prior.id in held
            and row.doc_id is not None
            and row.doc_id in _held_ids(prior.id, corpus)
        )
        rows.append(replace(row, prior_in_corpus=in_corpus))
    return replace(lineage, rows=tuple(rows))


def _held_ids(edition_id: str, corpus: Corpus) -> frozenset[str]:
    """The document ids an edition's final report holds the text of (its parse is cached).

    A final report that cannot be read or parsed holds nothing usable: `prior_in_corpus` is
    then false, and `wtdc parse EDITION` says why.
    """
    try:
        return frozenset(parsed_edition(edition_id, corpus=corpus).ids)
    except ToolkitError:
        return frozenset()


def corpus_check(edition_id: str = LATEST, *, corpus: Corpus | None = None) -> CorpusCheck:
    """The edition's status table against the texts the corpus holds for it: its final report
    and any other adopted text added for that edition (`corpus add … --kind resolution`)."""
    corpus = corpus or open_corpus()
    lineage = edition_lineage(edition_id, corpus=corpus)
    documents = list(parsed_edition(edition_id, corpus=corpus).documents)
    report = corpus.final_report(edition_id)
    for entry in corpus.entries_for(edition_id):
        if entry.is_final and entry.id != report.id:
            documents += _parsed_entry(corpus, entry)[1].documents
    return check_corpus(lineage, documents)


def _edition_texts(
    edition_id: str, corpus: Corpus | None
) -> tuple[tuple[str, ...], ParsedText]:
    """An edition's parsed texts and the warnings of reading them: its final report, else the
    adopted texts added for it one by one."""
    try:
        source, parsed = _edition(edition_id, corpus)
    except MissingEditionError:
        corpus = corpus or open_corpus()
        entries = [e for e in corpus.entries_for(edition_id) if e.is_final]
        if not entries:
            raise
        return _texts(edition_id, corpus, entries)
    return source.warnings, parsed


_combined: dict[tuple[object, ...], tuple[tuple[str, ...], ParsedText]] = {}


def _texts(
    edition_id: str, corpus: Corpus, entries: list[CorpusEntry]
) -> tuple[tuple[str, ...], ParsedText]:
    key = (corpus.root, *((e.id, e.sha256) for e in entries))
    if key in _combined:
        return _combined[key]
    warnings: list[str] = []  # of reading the files
    parse_warnings: list[str] = []
    warned_docs: list[tuple[str, str]] = []
    documents: list[Document] = []
    notes: list[tuple[str, str]] = []
    regions: dict[str, str] = {}
    found: dict[str, str] = {}
    for entry in entries:
        source, parsed = _parsed_entry(corpus, entry)
        kept = [d for d in parsed.documents if d.type != "text"]  # a letter is no WTDC text
        for doc in kept:
            if doc.id in found:
                raise CorpusError(
                    f"edition {edition_id} holds {doc.id} twice, in corpus entries "
                    f"{found[doc.id]} and {entry.id}; remove one of them with `wtdc corpus "
                    f"remove {entry.id}`"
                )
            found[doc.id] = entry.id
        warnings += source.warnings
        documents += kept
        notes += parsed.notes
        regions.update(parsed.regions)
        if kept:  # a letter's "read as paragraphs" is no news
            parse_warnings += parsed.warnings
            warned_docs += parsed.warned_docs
    if not documents:
        raise MissingEditionError(
            f"the corpus holds no final report of {edition_id}, and none of its texts "
            f"({', '.join(e.id for e in entries)}) is a WTDC document; run `wtdc corpus fetch "
            f"{edition_id}`, or download it yourself and run `wtdc corpus add PATH --edition "
            f"{edition_id} --kind final-report`"
        )
    combined = ParsedText(
        f"edition {edition_id}", tuple(documents), tuple(notes), tuple(regions.items()),
        tuple(parse_warnings), tuple(warned_docs),
    )
    _combined[key] = (tuple(warnings), combined)
    return _combined[key]


def _edition(edition_id: str, corpus: Corpus | None) -> tuple[SourceText, ParsedText]:
    edition(edition_id)  # an unknown id → UnknownEditionError naming the known ones
    corpus = corpus or open_corpus()
    entry = corpus.final_report(edition_id)  # absent → MissingEditionError: fetch or add
    return _parsed_entry(corpus, entry)


def _parsed_entry(corpus: Corpus, entry: CorpusEntry) -> tuple[SourceText, ParsedText]:
    """A corpus entry's text and parse, read and parsed once per process (per file content),
    and once per file content and manifest hash on this machine (the parse cache)."""
    key = (corpus.root, entry.id, entry.sha256)
    if key not in _parsed:
        try:
            data = entry.path.read_bytes()
        except OSError:  # corpus.parse says what is wrong with the entry
            data = b""
        options = ("corpus", str(entry.path), entry.format, entry.sha256)
        _parsed[key] = (
            cached(data, options, lambda: corpus.parse(entry)) if data else corpus.parse(entry)
        )
    return _parsed[key]
