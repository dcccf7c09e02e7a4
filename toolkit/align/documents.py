"""Document pairing across editions: which old text each new text continues, and why.

Resolutions and Recommendations pair by number (the status table says which edition the
old text should be); Questions through the renumbering table, so a merged Question pairs
with each of its former Questions; regional initiatives, the declaration and the action
plan by code, then by title similarity for what is left. Texts without a partner appear
alone, every clause inserted or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from toolkit.align.clauses import align_clauses
from toolkit.align.model import Alignment, ClausePair, ClauseRef
from toolkit.corpus import Corpus, edition, known_editions, open_corpus
from toolkit.corpus.sources import edition_lineage, parsed_edition
from toolkit.errors import InputError
from toolkit.parse.lineage import Lineage, LineageRow
from toolkit.parse.model import Document

# Titles of two initiatives of one region that are this alike (token set ratio, 0–100)
# name the same initiative renumbered; ITU titles of different initiatives stay below.
TITLE_SIMILARITY = 70
NUMBERED = ("resolution", "recommendation", "question")


def align_documents(
    old_docs: Iterable[Document], new_docs: Iterable[Document], *, lineage: Lineage | None = None
) -> tuple[Alignment, ...]:
    """Pair the documents of two editions and align the clauses of each pair.

    `lineage` is the new edition's (the tables of its final report); without it pairing
    goes by number and code only. Order: new documents in reading order, each followed by
    any further old partner (merged Questions), then old documents left without a partner.
    """
    olds, news = list(old_docs), list(new_docs)
    old_by_key = {_key(d): d for d in olds}
    used: set[str] = set()
    result: list[Alignment] = []
    unpaired_new: list[Document] = []
    for new in news:
        partners = _partners(new, old_by_key, lineage)
        for old, reason in partners:
            used.add(old.id)
            result.append(replace(align_clauses(old, new), reason=reason))
        if not partners:
            unpaired_new.append(new)
    leftovers = [d for d in olds if d.id not in used]
    for new in unpaired_new:
        match, reason = _by_title(new, leftovers)
        if match is not None:
            leftovers.remove(match)
            used.add(match.id)
            alignment = replace(align_clauses(match, new), reason=reason)
        else:
            alignment = one_sided(None, new, _why_new(new, lineage))
        result.append(alignment)
    order = {d.id: k for k, d in enumerate(news)}
    result.sort(key=lambda a: order[a.new_doc.id] if a.new_doc else len(order))
    result += [one_sided(d, None, _why_gone(d, lineage)) for d in olds if d.id not in used]
    return tuple(result)


def align_editions(
    old_edition: str, new_edition: str, *, corpus: Corpus | None = None
) -> tuple[Alignment, ...]:
    """Align every document of two editions' final reports, paired by the new one's lineage.

    Raises MissingEditionError (naming `wtdc corpus fetch` / `wtdc corpus add`) when the
    corpus lacks either final report, before any parsing is done.
    """
    edition(old_edition)  # an unknown id is an UnknownEditionError, not a missing one
    edition(new_edition)
    order = [e.id for e in known_editions()]
    if order.index(old_edition) > order.index(new_edition):
        # Pairing reads the NEW edition's lineage tables, which look back, not forward.
        raise InputError(
            f"OLD {old_edition} is later than NEW {new_edition}; give the earlier edition "
            f"first: wtdc align {new_edition} {old_edition}"
        )
    corpus = corpus if corpus is not None else open_corpus()
    corpus.final_report(old_edition)  # fail on a missing edition before parsing anything
    corpus.final_report(new_edition)
    # Only the new edition's tables say how its texts descend; the old one's are not read
    # (an older report's tables may be laid out otherwise, and are not needed).
    old_docs = parsed_edition(old_edition, corpus=corpus).documents
    new_docs, lineage = edition_documents(new_edition, corpus=corpus)
    return align_documents(old_docs, new_docs, lineage=lineage)


def edition_documents(
    edition_id: str, *, corpus: Corpus | None = None
) -> tuple[tuple[Document, ...], Lineage]:
    """The documents of an edition's final report in the corpus, with its lineage tables."""
    documents = parsed_edition(edition_id, corpus=corpus).documents
    return documents, edition_lineage(edition_id, corpus=corpus)


def one_sided(old: Document | None, new: Document | None, reason: str) -> Alignment:
    """A document without a partner: every clause deleted (old) or inserted (new)."""
    doc = old or new
    assert doc is not None
    refs = [
        ClauseRef(doc.id, section.heading, index, clause)
        for index, section in enumerate(doc.sections)
        for clause in section.clauses
    ]
    pairs = tuple(
        ClausePair(ref, None, "deleted", 0.0) if old else ClausePair(None, ref, "inserted", 0.0)
        for ref in refs
    )
    return Alignment(old_doc=old, new_doc=new, pairs=pairs, reason=reason)


def _key(doc: Document) -> tuple[str, str]:
    return (doc.type, doc.number or doc.id)


def _name(doc: Document) -> str:
    kind = {"resolution": "Resolution", "recommendation": "Recommendation", "question": "Question"}
    return f"{kind[doc.type]} {doc.number}" if doc.type in kind else doc.id


def _row(doc: Document, lineage: Lineage | None) -> LineageRow | None:
    if lineage is None:
        return None
    try:
        return lineage.row(doc.id)
    except KeyError:
        return None


def _partners(
    new: Document, old_by_key: dict[tuple[str, str], Document], lineage: Lineage | None
) -> list[tuple[Document, str]]:
    if new.type == "question" and lineage is not None:
        entry = next((q for q in lineage.questions if q.number == new.number), None)
        if entry is not None:
            found = [old_by_key.get(("question", f)) for f in entry.former]
            olds = [d for d in found if d is not None]
            sources = " and ".join(f"former Question {f}" for f in entry.former)
            why = f"renumbering table: {entry.origin_text.split(' under ')[0]}"
            if entry.origin == "merge":
                why = f"renumbering table: Question {new.number} merges {sources}"
            return [(d, why) for d in olds]
    old = old_by_key.get(_key(new))
    if old is None:
        return []
    row = _row(new, lineage)
    if new.type in ("resolution", "recommendation"):
        why = f"same number: {_name(new)}"
        if row is not None and row.prior_edition:
            why += f"; prior edition {row.prior_edition} per status table"
            if old.edition_label and row.prior_edition not in old.edition_label:
                why += f" (the old text is headed {old.edition_label})"
        return [(old, why)]
    return [(old, f"same code: {new.number or new.id}")]


def _by_title(new: Document, candidates: Sequence[Document]) -> tuple[Document | None, str]:
    """The old document of the same type (and region) whose title is most alike.

    Not for numbered texts: a resolution keeps its number for life, and a new one with a
    familiar title is still new.
    """
    best, best_score = None, float(TITLE_SIMILARITY)
    if new.type in NUMBERED:
        return None, ""
    for old in candidates:
        if old.type != new.type or old.region != new.region:
            continue
        score = fuzz.token_set_ratio(old.title.lower(), new.title.lower())
        if score >= best_score:
            best, best_score = old, score
    if best is None:
        return None, ""
    return best, f"title similarity {best_score / 100:.2f}: {best.id} → {new.id}"


def _why_new(new: Document, lineage: Lineage | None) -> str:
    row = _row(new, lineage)
    if row is not None and row.baku == "new":
        return f"{_name(new)} is new at this edition per status table"
    return f"no counterpart of {_name(new)} in the old edition"


def _why_gone(old: Document, lineage: Lineage | None) -> str:
    if lineage is not None and old.type == "resolution":
        for text in lineage.abrogated:
            if text.number == old.number:
                return f"{_name(old)} ({text.edition_label}) abrogated per list of abrogated texts"
    return f"no counterpart of {_name(old)} in the new edition"
