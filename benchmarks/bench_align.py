"""Clause-alignment accuracy and speed on SIMULATED earlier versions of every Baku resolution.

Each Baku 2025 resolution gets a simulated earlier version (toolkit.corpus.simulate, fixed
seed); the aligner must recover the known clause pairs. Precision, recall and F1 count
pairs (old id, new id), insertions and deletions included (None on one side). The data
is simulated, not an ITU text.

    .venv/bin/python benchmarks/bench_align.py
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.align import align_clauses
from toolkit.corpus.simulate import EDITS, Edit, simulate_revision
from toolkit.parse.model import Document

SEED = 2025
RATES = (0.1, 0.2, 0.3)
# Edits a real revision mixes; "moderate" is the middle rate.
MIXES: dict[str, tuple[Edit, ...]] = {**{e: (e,) for e in EDITS}, "all": EDITS}


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    docs: Sequence[Document], edits: Sequence[Edit], rate: float
) -> tuple[Score, list[tuple[str, set[tuple[str | None, str | None]]]], float]:
    """Score the aligner on simulated revisions of `docs`; also returns misses and seconds."""
    tp = predicted = expected = 0
    misses: list[tuple[str, set[tuple[str | None, str | None]]]] = []
    revisions = [simulate_revision(d, seed=SEED, rate=rate, edits=edits, donors=docs) for d in docs]
    started = time.perf_counter()
    alignments = [align_clauses(r.document, d) for r, d in zip(revisions, docs, strict=True)]
    seconds = time.perf_counter() - started
    for revision, alignment in zip(revisions, alignments, strict=True):
        truth = {(t.old, t.new) for t in revision.truth}
        found = {
            (p.old.id if p.old else None, p.new.id if p.new else None) for p in alignment.pairs
        }
        tp += len(truth & found)
        predicted += len(found)
        expected += len(truth)
        if truth != found:
            misses.append((revision.document.id, truth ^ found))
    return Score(tp, predicted, expected), misses, seconds


def baku_resolutions() -> tuple[Document, ...]:
    from toolkit.corpus import resolve

    return tuple(d for d in resolve("baku-2025") if d.type == "resolution")


def main(docs: Sequence[Document] | None = None) -> None:
    docs = docs if docs is not None else baku_resolutions()
    clauses = sum(len(d.clauses) for d in docs)
    print(f"SIMULATED revisions of {len(docs)} Baku resolutions ({clauses} clauses), seed {SEED}")
    print(
        f"{'edits':<8} {'rate':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'docs ok':>8} {'s':>6}"
    )
    worst = 1.0
    for name, edits in MIXES.items():
        for rate in RATES:
            score, misses, seconds = evaluate(docs, edits, rate)
            worst = min(worst, score.f1)
            ok = len(docs) - len(misses)
            print(
                f"{name:<8} {rate:>5.2f} {score.precision:>9.4f} {score.recall:>7.4f} "
                f"{score.f1:>6.4f} {ok:>4}/{len(docs):<3} {seconds:>6.2f}"
            )
    print(f"lowest F1 {worst:.4f} (target: ≥ 0.97 at rate 0.2, no edit type below 0.9)")


if __name__ == "__main__":
    main()
