"""`wtdc align` and `wtdc history`, and `wt.align` for notebooks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from toolkit.align import (
    Alignment,
    Alignments,
    align_clauses,
    align_documents,
    align_editions,
    changed,
    corpus_history,
    parse_ignore,
)
from toolkit.align.history import render_history
from toolkit.commands.outcome import Outcome
from toolkit.corpus import open_corpus
from toolkit.corpus.sources import Source, SourceLike, resolve_pair, spec_kind
from toolkit.render.alignments import alignments_dict, render_html, render_table
from toolkit.render.records import dump_json


def align(old: SourceLike, new: SourceLike) -> Alignments:
    """Which clause of OLD became which clause of NEW.

    Two whole editions pair every document through the new edition's lineage tables (and
    fail with MissingEditionError when the corpus lacks one); one document on each side is
    aligned whatever the ids; otherwise documents pair by number, code and title.
    """
    return _align(old, new)[0]


def _align(
    old: SourceLike, new: SourceLike, *, strict: bool = False
) -> tuple[Alignments, tuple[str, ...]]:
    """The alignments, and the warnings of reading and parsing OLD and NEW."""
    if isinstance(old, str) and isinstance(new, str) and spec_kind(old) == spec_kind(new) == (
        "edition"
    ):
        # Checked and read by align_editions: the order of the editions, then whether the
        # corpus holds both final reports, before anything is parsed.
        return Alignments(align_editions(old, new), editions=True), ()
    olds, news = resolve_pair(old, new, strict=strict)
    return _align_documents(olds, news), (*olds.warnings, *news.warnings)


def _align_documents(olds: Source, news: Source) -> Alignments:
    if len(olds.documents) == 1 and len(news.documents) == 1:
        alignment = align_clauses(olds.documents[0], news.documents[0])
        reason = f"one document on each side: {olds.spec} and {news.spec}"
        return Alignments((Alignment(alignment.old_doc, alignment.new_doc, alignment.pairs,
                                     reason),))
    return Alignments(align_documents(olds.documents, news.documents))


def edition_titles(old: str, new: str) -> dict[str, dict[str, str]]:
    """The corpus titles of two editions' final reports, so that output built on a SIMULATED
    edition (its title says so) says so too: {"old_edition": {"id", "title"}, "new_edition": …}."""
    corpus = open_corpus()
    return {
        key: {"id": edition_id, "title": corpus.final_report(edition_id).title}
        for key, edition_id in (("old_edition", old), ("new_edition", new))
    }


def run_align(
    old: str,
    new: str,
    *,
    format: Literal["table", "json", "html"] = "table",
    ignore: Sequence[str] = (),
    marks: bool = False,
    pretty: bool = False,
    strict: bool = False,
) -> Outcome:
    """Align OLD with NEW and render it; status 1 when a pair is changed once the kinds
    named in `ignore` ("typography,labels") are set aside."""
    hidden = parse_ignore(",".join(ignore))
    alignments, warnings = _align(old, new, strict=strict)
    titles = edition_titles(old, new) if alignments.editions else None
    data = alignments_dict(
        alignments, editions=alignments.editions, hide=hidden, marks=marks, titles=titles
    )
    if format == "json":
        text = dump_json({**data, "warnings": list(warnings)}, pretty=pretty)
    elif format == "html":
        old_name, new_name = old, new
        if titles:  # the page names each edition's report, so a SIMULATED one says so
            old_name = f"{old} ({titles['old_edition']['title']})"
            new_name = f"{new} ({titles['new_edition']['title']})"
        text = render_html(alignments, old_name=old_name, new_name=new_name, hide=hidden)
    else:
        text = render_table(data)
    return Outcome(text, status=1 if changed(alignments, ignore=hidden) else 0,
                   warnings=warnings)


def run_history(
    doc: str, *, format: Literal["table", "csv", "json"] = "table"
) -> Outcome:
    """Each clause of DOC across every edition the corpus holds."""
    return Outcome(render_history(corpus_history(doc), format=format))
