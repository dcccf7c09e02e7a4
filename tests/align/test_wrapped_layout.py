"""SIMULATED revisions of the Baku resolutions written with titles and headings wrapped onto a
second paragraph (as PDF and Word extractions print them): nothing is refused, and the
aligner finds the same clause links as on the unwrapped layout.

Every revision is derived from the Baku 2025 text by toolkit.corpus.simulate (seed 2025) and
is not an ITU text. Each title and each preamble/operative heading is cut at a word chosen
by a seeded generator (after a comma, before a single word, anywhere). Before the lenient
parser, every one of the 63 wrapped layouts was refused (and 2 of the unwrapped ones).
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from toolkit.align import align_clauses
from toolkit.align.simulate import EDITS, Edit, document_lines, simulate_revision
from toolkit.ingest import SourceText
from toolkit.parse import ParsedText, parse_source
from toolkit.parse.model import Document

INDENT = "\t\t\t"


def wrapped_lines(doc: Document, rng: random.Random) -> list[str]:
    """`document_lines` with the title and every preamble/operative heading on two paragraphs."""
    headings = {doc.title} | {s.heading for s in doc.sections if s.heading and s.kind != "body"}
    lines: list[str] = []
    for line in document_lines(doc):
        words = line.removeprefix(INDENT).split(" ")
        if line.removeprefix(INDENT) in headings and len(words) > 1:
            cut = rng.randint(1, len(words) - 1)
            lines += [INDENT + " ".join(words[:cut]), "", INDENT + " ".join(words[cut:])]
        else:
            lines.append(line)
    return lines


def _names(doc: Document) -> dict[str, str]:
    """Clause id → how it is scored; copies of one text are interchangeable (bench_align.py)."""
    texts = Counter(c.text for c in doc.clauses)
    return {
        f"{doc.id}/{s}/{c.ordinal}": c.text if texts[c.text] > 1 else f"{doc.id}/{s}/{c.ordinal}"
        for s, section in enumerate(doc.sections)
        for c in section.clauses
    }


def link_f1(runs: list[tuple[Document, Document, Counter[tuple[str | None, str | None]]]]) -> float:
    """F1 of the aligner's clause links (old id, new id) against the simulator's."""
    true_positives = predicted = expected = 0
    for old, new, truth in runs:
        old_names, new_names = _names(old), _names(new)
        found = Counter(
            (old_names.get(p.old.id) if p.old else None, new_names.get(p.new.id) if p.new else None)
            for p in align_clauses(old, new).pairs
        )
        true_positives += sum((found & truth).values())
        predicted += sum(found.values())
        expected += sum(truth.values())
    precision, recall = true_positives / predicted, true_positives / expected
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize(
    ("edits", "f1"),
    [
        (("reword", "relabel"), 0.9577),  # the structure of each resolution kept
        (EDITS, 0.8043),  # clauses moved, merged, split: the formula may leave the title
    ],
    ids=["reworded", "all-edits"],
)
def test_wrapped_titles_and_headings_align_as_unwrapped(
    baku: ParsedText, edits: tuple[Edit, ...], f1: float
) -> None:
    resolutions = [d for d in baku.documents if d.type == "resolution"]
    rng = random.Random(2025)
    runs: dict[str, list[tuple[Document, Document, Counter[tuple[str | None, str | None]]]]] = {
        "plain": [], "wrapped": []}
    warned = 0
    for doc in resolutions:
        revision = simulate_revision(doc, seed=2025, rate=0.2, edits=edits, donors=resolutions)
        for layout, lines in (("plain", document_lines(revision.document)),
                              ("wrapped", wrapped_lines(revision.document, rng))):
            parsed = parse_source(SourceText("\n".join(lines), "text", name=f"{doc.id}.txt"))
            (old,) = parsed.documents  # nothing refused, nothing split off
            if layout == "wrapped":
                warned += len(parsed.warnings)
            old_names, new_names = _names(old), _names(doc)
            truth = Counter(
                (old_names.get(t.old or ""), new_names.get(t.new or "")) for t in revision.truth
            )
            runs[layout].append((old, doc, truth))
    plain, wrapped = link_f1(runs["plain"]), link_f1(runs["wrapped"])
    assert round(plain, 4) == f1
    assert abs(wrapped - plain) <= 0.005
    assert warned > len(resolutions)  # every wrap the parser joined, it said so
