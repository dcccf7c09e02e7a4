"""`wtdc corpus …`: list, verify, add, fetch and check the texts the toolkit runs on."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal

from toolkit.commands.outcome import Outcome
from toolkit.corpus import open_corpus
from toolkit.corpus.sources import corpus_check
from toolkit.render.records import check_output, dump_json
from toolkit.render.text import text_table


def run_corpus_list(*, format: Literal["table", "json"] = "table", pretty: bool = False) -> Outcome:
    """The files of the corpus, by edition and kind, and the editions still without a report."""
    corpus = open_corpus()
    if format == "json":
        records = [asdict(entry) | {"path": str(entry.path)} for entry in corpus.entries]
        return Outcome(dump_json(records, pretty=pretty))
    rows = [(e.id, e.edition, e.kind, e.stage, e.format, e.title) for e in corpus.entries]
    table = text_table(("ID", "EDITION", "KIND", "STAGE", "FORMAT", "TITLE"), rows)
    missing = corpus.missing_final_reports()
    if missing:
        table += (f"no final report yet for: {', '.join(missing)} (wtdc corpus fetch EDITION, "
                  "or wtdc corpus add PATH --edition EDITION --kind final-report)\n")
    return Outcome(table)


def run_corpus_verify() -> Outcome:
    """Every file against its sha256: status 1 and one line each when one changed or is gone."""
    corpus = open_corpus()
    problems = corpus.verify()
    if problems:
        return Outcome("".join(f"{problem}\n" for problem in problems), status=1)
    return Outcome(f"ok: {len(corpus.entries)} files match {corpus.root / 'manifest.toml'}\n")


def run_corpus_add(
    path: str, *, edition: str, kind: str, title: str | None = None, source: str | None = None,
    force: bool = False,
) -> Outcome:
    """Copy a file into the corpus and record it in the manifest (the same file again: the
    entry already there)."""
    corpus = open_corpus()
    held = corpus.holds(path)
    entry = corpus.add(path, edition=edition, kind=kind, title=title, source=source, force=force)
    done = "already holds" if held == entry else "added"
    return Outcome(f"{done} {entry.id} ({entry.edition}, {entry.kind}, {entry.format}): "
                   f"{entry.path}\n")


def run_corpus_remove(entry: str) -> Outcome:
    """Take an entry out of the manifest, then delete its file."""
    removed = open_corpus().remove(entry)
    return Outcome(f"removed {removed.id} ({removed.edition}, {removed.kind}): {removed.path}\n")


def run_corpus_fetch(edition: str) -> Outcome:
    """Download an edition's final report into the corpus (or say how to add it by hand)."""
    entry = open_corpus().fetch(edition)
    return Outcome(f"fetched {entry.id} ({entry.edition}, {entry.format}): {entry.path}\n")


def run_corpus_check(
    *, format: Literal["table", "json"] = "table", pretty: bool = False
) -> Outcome:
    """The Baku status table against the texts the corpus holds; a report, status 0."""
    return Outcome(check_output(corpus_check(), format=format, pretty=pretty))
