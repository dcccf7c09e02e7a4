"""The whole text behind an OLD/NEW argument, as a patch must rebuild it character for character.

Clause diffs work on parsed clauses; a patch works on the full text instead: a text file's
decoded characters as they are (not normalised), the extracted text of a Word or PDF file,
or, for `EDITION:DOC`, the lines of the edition's final report that the document spans.
"""

from __future__ import annotations

import sys
from pathlib import Path

from toolkit.corpus import known_editions
from toolkit.ingest import read_source

# Formats whose file text is what the user edits; others (Word, PDF) patch their extraction.
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ""}


def full_text(spec: str) -> str:
    """Text of a path, "-" (standard input) or `EDITION[:DOC]` for `--format patch`."""
    from toolkit.ingest.decode import decode

    if spec == "-":
        data = sys.stdin.buffer.read()
        return decode(data, name="<stdin>").text
    path = Path(spec)
    if not path.exists() and (":" in spec or spec in {e.id for e in known_editions()}):
        return _edition_text(spec)
    source = read_source(path)  # raises the reader's clear error for any bad file
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return decode(path.read_bytes(), name=spec).text
    return source.text


def _edition_text(spec: str) -> str:
    from toolkit.corpus import open_corpus
    from toolkit.corpus.resolve import resolve

    documents = resolve(spec)  # raises UnknownEditionError / UnknownDocumentError
    edition_id = spec.split(":", 1)[0]
    corpus = open_corpus()
    lines = corpus.read(corpus.final_report(edition_id)).text.splitlines(keepends=True)
    if ":" not in spec:
        return "".join(lines)
    return "".join("".join(lines[d.span[0] - 1 : d.span[1]]) for d in documents)
