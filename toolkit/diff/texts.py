"""The whole text behind an OLD/NEW argument, as a patch must rebuild it character for character.

Clause diffs work on parsed clauses; a patch works on the full text instead: a text file's
decoded characters as they are (not normalised), the extracted text of a Word or PDF file,
or, for `EDITION:DOC`, the lines of the edition's final report that the document spans.

`wtdc patch apply` writes UTF-8, so a UTF-8 file's bytes come back exactly (its byte-order
mark too: it is kept as U+FEFF at the start of the text). A file in another encoding
(UTF-16, Windows-1252) comes back as the same text in UTF-8, and says so in a warning.
"""

from __future__ import annotations

import sys
from pathlib import Path

from toolkit.ingest import read_source
from toolkit.ingest.decode import Decoded

# Formats whose file text is what the user edits; others (Word, PDF) patch their extraction.
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ""}


def full_text(spec: str, warnings: list[str] | None = None, *, rebuilt: bool = False) -> str:
    """Text of a path, "-" (standard input) or `EDITION[:DOC]` for `--format patch`.

    Notes for the user (a file read as cp1252; with `rebuilt`, i.e. for NEW, one whose bytes
    a UTF-8 patch cannot give back) are appended to `warnings` when given.
    """
    from toolkit.ingest.decode import decode

    notes: list[str] = [] if warnings is None else warnings
    if spec == "-":
        data = sys.stdin.buffer.read()
        return _text(decode(data, name="<stdin>"), "<stdin>", notes, rebuilt=rebuilt)
    path = Path(spec)
    if not path.exists():
        # `EDITION[:DOC]`, or a missing file: `resolve` tells which, with the same message
        # as the clause diff ("unknown edition 'baku-2099'; known editions: …").
        return _edition_text(spec)
    source = read_source(path)  # raises the reader's clear error for any bad file
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return _text(decode(path.read_bytes(), name=spec), spec, notes, rebuilt=rebuilt)
    return source.text


def _text(decoded: Decoded, name: str, notes: list[str], *, rebuilt: bool) -> str:
    notes.extend(decoded.warnings)
    if decoded.encoding == "utf-8 (BOM)":
        return "\ufeff" + decoded.text  # the mark is part of what the patch must rebuild
    if rebuilt and decoded.encoding != "utf-8":
        notes.append(
            f"{name}: is {decoded.encoding.removesuffix(' (BOM)')}, not UTF-8; the patch "
            "rebuilds its text, and `wtdc patch apply` writes that text as UTF-8"
        )
    return decoded.text


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
