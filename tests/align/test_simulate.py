"""Simulated earlier versions: labelled simulated, truth that covers every clause once."""

from __future__ import annotations

from collections import Counter

import pytest

from toolkit.align import align_clauses
from toolkit.align.simulate import EDITS, simulate_revision
from toolkit.ingest import SourceText
from toolkit.parse import Document, ParsedText


def test_simulated_document_says_so(baku: ParsedText) -> None:
    res37 = baku.document("res-37")
    revision = simulate_revision(res37, seed=1, rate=0.2)
    assert revision.document.edition_label == "Rev. Baku, 2025 (simulated)"
    assert revision.document.title == "Bridging the digital divide (simulated)"
    assert revision.document.id == "res-37"


@pytest.mark.parametrize("edit", EDITS)
def test_truth_covers_every_clause(baku: ParsedText, edit: str) -> None:
    res37 = baku.document("res-37")
    donors = [baku.document("res-1"), baku.document("res-9")]
    revision = simulate_revision(res37, seed=3, rate=0.3, edits=(edit,), donors=donors)  # type: ignore[arg-type]
    assert revision.edits[edit] > 0  # type: ignore[index]
    old_ids = {
        f"res-37/{s}/{c.ordinal}"
        for s, sec in enumerate(revision.document.sections)
        for c in sec.clauses
    }
    new_ids = {
        f"res-37/{s}/{c.ordinal}" for s, sec in enumerate(res37.sections) for c in sec.clauses
    }
    assert {t.old for t in revision.truth} - {None} == old_ids
    assert {t.new for t in revision.truth} - {None} == new_ids


def test_same_seed_same_revision(baku: ParsedText) -> None:
    res37 = baku.document("res-37")
    first = simulate_revision(res37, seed=5, rate=0.2)
    again = simulate_revision(res37, seed=5, rate=0.2)
    assert first.truth == again.truth
    assert first.document == again.document


def test_aligner_recovers_simulated_res37(baku: ParsedText) -> None:
    res37 = baku.document("res-37")
    donors = [baku.document("res-1"), baku.document("res-9")]
    revision = simulate_revision(res37, seed=2025, rate=0.2, donors=donors)
    alignment = align_clauses(revision.document, res37)
    found = {(p.old.id if p.old else None, p.new.id if p.new else None) for p in alignment.pairs}
    truth = {(t.old, t.new) for t in revision.truth}
    assert len(truth & found) / len(truth) >= 0.97


def test_alignment_invariants_on_every_resolution(baku: ParsedText) -> None:
    """Every clause appears; only split wholes and merged targets appear twice; new order."""
    docs = [d for d in baku.documents if d.type == "resolution"]
    for doc in docs:
        revision = simulate_revision(doc, seed=99, rate=0.3, donors=docs)
        alignment = align_clauses(revision.document, doc)
        olds = Counter(p.old.id for p in alignment.pairs if p.old)
        news = Counter(p.new.id for p in alignment.pairs if p.new)
        assert set(olds) == ids(revision.document), doc.id
        assert set(news) == ids(doc), doc.id
        for p in alignment.pairs:
            assert not (p.old and olds[p.old.id] > 1) or p.status == "split"
            assert not (p.new and news[p.new.id] > 1) or p.status == "merged"
        order = {ref: k for k, ref in enumerate(sorted(ids(doc), key=reading_order))}
        positions = [order[p.new.id] for p in alignment.pairs if p.new]
        assert positions == sorted(positions), doc.id


def ids(doc: Document) -> set[str]:
    return {f"{doc.id}/{s}/{c.ordinal}" for s, sec in enumerate(doc.sections) for c in sec.clauses}


def reading_order(clause_id: str) -> tuple[int, int]:
    _, section, ordinal = clause_id.rsplit("/", 2)
    return int(section), int(ordinal)


def test_documents_written_back_parse_to_the_same_clauses(
    baku_source: SourceText, baku: ParsedText
) -> None:
    from toolkit.align.simulate import SIMULATED_HEADER, simulated_final_report
    from toolkit.ingest import read_bytes
    from toolkit.parse import parse_source

    ids = ("res-9", "res-17", "res-30", "res-37", "rec-19")
    text = simulated_final_report(
        baku_source.text, baku.documents, {i: [baku.document(i)] for i in ids}
    )
    assert text.splitlines()[0] == SIMULATED_HEADER
    again = parse_source(read_bytes(text.encode(), name="SIMULATED.txt"))
    for doc_id in ids:
        before, after = baku.document(doc_id), again.document(doc_id)
        assert (after.title, after.sections) == (before.title, before.sections)
    assert len(again.documents) == len(baku.documents) == 112
