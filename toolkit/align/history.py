"""Clause history across three or more editions: stable clause ids by chaining alignments.

Each clause of the oldest edition gets an id ("res-37#1", …); every later edition's
clause inherits the id of the clause it continues (for a split, the first piece; for a
merge, the first source) and a clause with no past gets a fresh id. Then each id has an
edition that introduced it, the last that amended it (any status but unchanged), and the
one that dropped it, if any. A clause already in the oldest edition compared may be older
still: `predates_history` says so, and the table prints "≤ edition".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from toolkit.align.clauses import align_clauses
from toolkit.corpus import Corpus, known_editions, open_corpus
from toolkit.corpus.sources import parsed_edition
from toolkit.display import clip
from toolkit.errors import UnknownDocumentError
from toolkit.messages import suggest
from toolkit.parse.model import Clause, Document

if TYPE_CHECKING:
    import polars as pl

HISTORY_COLUMNS = (
    "clause",
    "introduced_in",
    "predates_history",
    "last_amended_in",
    "removed_in",
    "origin",
    "editions",
    "ids",
    "section",
    "label",
    "text",
)


@dataclass
class _Story:
    clause: str
    introduced_in: str
    last_amended_in: str
    removed_in: str | None = None
    origin: str | None = None  # "split from res-37#4", "merged into res-37#2"
    editions: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    section: str | None = None
    label: str | None = None
    text: str = ""


def clause_history(
    docs_by_edition: Mapping[str, Document],
    *,
    since: str | None = None,
    gone_in: str | None = None,
) -> pl.DataFrame:
    """One row per stable clause id; `docs_by_edition` runs from oldest to newest edition.

    `since` is the oldest edition looked at (default: the first key): only a clause already
    there may be older still (`predates_history`); a document first found in a later
    edition was introduced there. `gone_in` is an edition after the last key that was
    looked at and lacks the document (abrogated): every clause still alive ends there.
    """
    import polars as pl

    editions = list(docs_by_edition)
    chronicle = _Chronicle(docs_by_edition)
    since = since if since is not None else (editions[0] if editions else None)
    current = chronicle.begin(editions[0]) if editions else {}
    for before, after in pairwise(editions):
        current = chronicle.advance(current, before, after)
    stories = chronicle.stories
    if gone_in is not None:
        for story in stories:
            if story.removed_in is None:
                story.removed_in = gone_in
    rows = [
        {
            "clause": s.clause,
            "introduced_in": s.introduced_in,
            "predates_history": s.introduced_in == since,
            "last_amended_in": s.last_amended_in,
            "removed_in": s.removed_in,
            "origin": s.origin,
            "editions": s.editions,
            "ids": s.ids,
            "section": s.section,
            "label": s.label,
            "text": s.text,
        }
        for s in stories
    ]
    lists = ("editions", "ids")
    schema: dict[str, pl.DataType] = {
        name: pl.List(pl.String()) if name in lists else pl.String() for name in HISTORY_COLUMNS
    }
    schema["predates_history"] = pl.Boolean()
    return pl.DataFrame(rows, schema=schema)


class _Chronicle:
    """The stories of one document's clauses, told edition by edition; each step maps the
    ClauseRef ids of the latest edition seen to their stories."""

    def __init__(self, docs_by_edition: Mapping[str, Document]) -> None:
        self.docs_by_edition = docs_by_edition
        self.stories: list[_Story] = []

    def fresh(self, edition: str, origin: str | None = None) -> _Story:
        doc_id = self.docs_by_edition[edition].id
        story = _Story(f"{doc_id}#{len(self.stories) + 1}", edition, edition, origin=origin)
        self.stories.append(story)
        return story

    def begin(self, edition: str) -> dict[str, _Story]:
        """A story for each clause of the oldest edition."""
        doc = self.docs_by_edition[edition]
        current: dict[str, _Story] = {}
        for index, section in enumerate(doc.sections):
            for clause in section.clauses:
                story = self.fresh(edition)
                ref_id = f"{doc.id}/{index}/{clause.ordinal}"
                _see(story, edition, ref_id, section.heading, clause)
                current[ref_id] = story
        return current

    def advance(self, current: dict[str, _Story], before: str, after: str) -> dict[str, _Story]:
        """The stories of `after`'s clauses, from `before`'s (`current`) and their alignment."""
        alignment = align_clauses(self.docs_by_edition[before], self.docs_by_edition[after])
        following: dict[str, _Story] = {}
        for pair in alignment.pairs:
            if pair.new is None:
                assert pair.old is not None
                current[pair.old.id].removed_in = after
                continue
            if pair.new.id in following:  # merged: a further source of a clause already seen
                assert pair.old is not None
                gone = current[pair.old.id]
                gone.removed_in = after
                gone.origin = f"merged into {following[pair.new.id].clause}"
                continue
            past = current.get(pair.old.id) if pair.old is not None else None
            if past is None:
                story = self.fresh(after)
            elif pair.status == "split" and past.editions[-1] == after:
                story = self.fresh(after, origin=f"split from {past.clause}")
            else:
                story = past
                if pair.status != "unchanged":
                    story.last_amended_in = after
            _see(story, after, pair.new.id, pair.new.section, pair.new.clause)
            following[pair.new.id] = story
        return following


def _see(story: _Story, edition: str, ref_id: str, section: str | None, clause: Clause) -> None:
    story.editions.append(edition)
    story.ids.append(ref_id)
    story.section, story.label, story.text = section, clause.label, clause.text


def corpus_history(doc_id: str, *, corpus: Corpus | None = None) -> pl.DataFrame:
    """`clause_history` of one document over every edition whose final report the corpus holds."""
    corpus = corpus if corpus is not None else open_corpus()
    asked, doc_id = doc_id, doc_id.lower()  # ids are case-insensitive: RES-37 is res-37
    held = set(corpus.editions())
    missing = set(corpus.missing_final_reports())
    examined = [e.id for e in known_editions() if e.id in held and e.id not in missing]
    docs: dict[str, Document] = {}
    ids: set[str] = set()
    for edition_id in examined:  # oldest first
        documents = parsed_edition(edition_id, corpus=corpus).documents
        ids.update(d.id for d in documents)
        found = [d for d in documents if d.id == doc_id]
        if found:
            docs[edition_id] = found[0]
    if not docs:
        raise UnknownDocumentError(
            f"no edition in the corpus holds '{asked}'{suggest(doc_id, sorted(ids))}; list the "
            "documents of an edition with: wtdc parse baku-2025"
        )
    last = examined.index(list(docs)[-1])
    gone_in = examined[last + 1] if last + 1 < len(examined) else None
    return clause_history(docs, since=examined[0], gone_in=gone_in)


def render_history(frame: pl.DataFrame, *, format: Literal["table", "csv", "json"]) -> str:
    """The history frame as text: an aligned table, CSV (lists joined by ' '), or JSON rows."""
    import json

    import polars as pl

    if format == "json":
        return json.dumps(frame.to_dicts(), ensure_ascii=False, indent=1) + "\n"
    flat = frame.with_columns(pl.col("editions").list.join(" "), pl.col("ids").list.join(" "))
    if format == "csv":
        return flat.write_csv()
    lines = [f"{'clause':<14} {'introduced':<18} {'last amended':<18} {'removed':<18} text"]
    for row in flat.iter_rows(named=True):
        text = clip(row["text"], 60)
        # Unchanged since the oldest edition compared: amended then, or earlier.
        early = "≤ " if row["predates_history"] else ""
        amended = (early if row["last_amended_in"] == row["introduced_in"] else "") + row[
            "last_amended_in"
        ]
        lines.append(
            f"{row['clause']:<14} {early + row['introduced_in']:<18} {amended:<18} "
            f"{row['removed_in'] or '':<18} {text}"
        )
    return "\n".join(lines) + "\n"
