"""One way to name the documents a command works on: a path, "-", an edition, or EDITION:DOC.

`resolve("baku-2025:res-37")` reads the edition's final report from the corpus, parses it
once per process, and returns Resolution 37. The same edition's lineage tables are cached
alongside, so `wtdc lineage` and `wtdc corpus check` do not parse the report twice.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from toolkit.corpus.editions import edition, edition_by_label
from toolkit.corpus.registry import Corpus, CorpusEntry, open_corpus
from toolkit.errors import (
    CorpusError,
    InputError,
    MissingEditionError,
    ToolkitError,
    UnknownDocumentError,
)
from toolkit.ingest import SourceText, read_source
from toolkit.ingest.layout import cleaning_summary
from toolkit.ingest.word import DocxView
from toolkit.parse import CorpusCheck, Document, Lineage, ParsedText, check_corpus, parse_source
from toolkit.parse.lineage import parse_lineage

# "baku-2025", "buenos-aires-2017": what an edition id looks like (known or not).
_EDITION_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*-\d{4}$")
LATEST = "baku-2025"

_parsed: dict[tuple[Path, str, str], tuple[SourceText, ParsedText]] = {}


def resolve(
    spec: str, *, doc: str | None = None, corpus: Corpus | None = None
) -> tuple[Document, ...]:
    """The documents `spec` names: all of a file or of an edition, or one (or one region's).

    `doc` picks a document of whatever `spec` names (`resolve(path, doc="res-37")`).
    """
    return resolve_with_warnings(spec, doc=doc, corpus=corpus)[0]


def resolve_with_warnings(
    spec: str, *, doc: str | None = None, corpus: Corpus | None = None
) -> tuple[tuple[Document, ...], tuple[str, ...]]:
    """`resolve`, and what a user should hear about it: how the file was read (not UTF-8, no
    byte-order mark) and the footnotes of the chosen documents that have no marker."""
    documents, warnings, _ = resolve_with_summary(spec, doc=doc, corpus=corpus)
    return documents, warnings


def resolve_with_summary(
    spec: str,
    *,
    doc: str | None = None,
    corpus: Corpus | None = None,
    docx_view: DocxView = "accepted",
) -> tuple[tuple[Document, ...], tuple[str, ...], dict[str, object] | None]:
    """`resolve_with_warnings`, and for a file what reading it cleaned (pages, page furniture,
    hyphens, footnotes attached or not): `toolkit.ingest.layout.cleaning_summary`."""
    edition_id, _, doc_id = spec.partition(":")
    summary = None
    if spec == "-" or os.path.exists(spec) or not _EDITION_ID.match(edition_id):
        # A file (a missing one raises InputError); a colon in its name is not a document id.
        source = read_source(spec, docx_view=docx_view)
        parsed, doc_id, where = parse_source(source), "", None
        read_warnings = source.warnings
        unattached = sum(1 for w in parsed.warnings if "has no marker" in w)
        attached = sum(
            len(d.footnotes) + sum(len(s.footnotes) + sum(len(c.footnotes) for c in s.clauses)
                                   for s in d.sections)
            for d in parsed.documents
        ) - unattached
        summary = cleaning_summary(source.cleaning, name=source.name, attached=attached,
                                   unattached=unattached)
    else:
        read_warnings, parsed = _edition_texts(edition_id, corpus)
        where = f"edition {edition_id}"
    if doc_id and doc and doc_id != doc:
        raise InputError(f"'{spec}' names document {doc_id} but --doc asks for {doc}; name one")
    doc_id = doc_id or doc or ""
    try:
        documents = parsed.select(doc_id) if doc_id else parsed.documents
    except UnknownDocumentError as error:
        if where is None:
            raise
        raise UnknownDocumentError(str(error).replace(f"'{parsed.name}'", where, 1)) from None
    ids = {d.id for d in documents}
    notes = [w for w in parsed.warnings if _warned_id(w) in ids]
    return documents, (*read_warnings, *notes), summary


def _warned_id(warning: str) -> str | None:
    """The document a parser warning is about ("… footnote 2 of res-11 has no marker …")."""
    match = re.search(r"footnote \d+ of (\S+) ", warning)
    return match[1] if match else None


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
            key = (corpus.root, entry.id, entry.sha256)
            if key not in _parsed:
                source = corpus.read(entry)
                _parsed[key] = (source, parse_source(source))
            documents += _parsed[key][1].documents
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
    warnings: list[str] = []
    documents: list[Document] = []
    notes: list[tuple[str, str]] = []
    regions: dict[str, str] = {}
    found: dict[str, str] = {}
    for entry in entries:
        source = corpus.read(entry)
        parsed = parse_source(source)
        kept = [d for d in parsed.documents if d.type != "text"]  # a letter is no WTDC text
        for doc in kept:
            if doc.id in found:
                raise CorpusError(
                    f"edition {edition_id} holds {doc.id} twice, in corpus entries "
                    f"{found[doc.id]} and {entry.id}; remove one of them from "
                    f"{corpus.root / 'manifest.toml'}"
                )
            found[doc.id] = entry.id
        warnings += source.warnings
        documents += kept
        notes += parsed.notes
        regions.update(parsed.regions)
        warnings += parsed.warnings
    if not documents:
        raise MissingEditionError(
            f"the corpus holds no final report of {edition_id}, and none of its texts "
            f"({', '.join(e.id for e in entries)}) is a WTDC document; run `wtdc corpus fetch "
            f"{edition_id}`, or download it yourself and run `wtdc corpus add PATH --edition "
            f"{edition_id} --kind final-report`"
        )
    parsed_warnings = tuple(w for w in warnings if _warned_id(w))
    combined = ParsedText(
        f"edition {edition_id}", tuple(documents), tuple(notes), tuple(regions.items()),
        parsed_warnings,
    )
    _combined[key] = (tuple(w for w in warnings if not _warned_id(w)), combined)
    return _combined[key]


def _edition(edition_id: str, corpus: Corpus | None) -> tuple[SourceText, ParsedText]:
    edition(edition_id)  # an unknown id → UnknownEditionError naming the known ones
    corpus = corpus or open_corpus()
    entry = corpus.final_report(edition_id)  # absent → MissingEditionError: fetch or add
    key = (corpus.root, entry.id, entry.sha256)
    if key not in _parsed:
        source = corpus.read(entry)
        _parsed[key] = (source, parse_source(source))
    return _parsed[key]
