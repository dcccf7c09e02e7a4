"""Time `wtdc report` on the shipped corpus (target: under 5 s), step by step.

Runs the default report three times into a temporary directory and prints, side by side,
the median time of each step, its share of the total, and the total against the target.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from toolkit.render.report import build_report

TARGET_S = 5.0
RUNS = 3


def one_run(out_dir: Path) -> tuple[float, dict[str, float]]:
    marks: list[tuple[str, float]] = []

    def progress(done: int, total: int, step: str) -> None:
        marks.append((step, time.perf_counter()))

    start = time.perf_counter()
    build_report(out_dir=out_dir, progress=progress)
    end = time.perf_counter()
    steps: dict[str, float] = {}
    for (step, begun), (_, ended) in zip(marks, [*marks[1:], ("end", end)], strict=True):
        steps[step] = ended - begun
    return end - start, steps


def main() -> int:
    totals: list[float] = []
    per_step: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(RUNS):
            total, steps = one_run(Path(tmp) / f"run-{run}")
            totals.append(total)
            for step, seconds in steps.items():
                per_step.setdefault(step, []).append(seconds)
        first = (Path(tmp) / "run-0" / "index.html").read_bytes()
        identical = all(
            (Path(tmp) / f"run-{r}" / "index.html").read_bytes() == first for r in range(RUNS)
        )
    total = statistics.median(totals)
    print(f"wtdc report, shipped corpus, median of {RUNS} runs (first run includes imports: "
          f"{totals[0]:.2f} s)")
    print(f"{'step':<40} {'seconds':>8} {'share':>7}")
    for step, seconds in per_step.items():
        median = statistics.median(seconds)
        print(f"{step:<40} {median:>8.3f} {median / total:>7.1%}")
    print(f"{'total':<40} {total:>8.3f} {1:>7.0%}")
    print(f"{'target':<40} {TARGET_S:>8.3f}   ratio total/target = {total / TARGET_S:.2f}")
    print(f"index.html {len(first):,} bytes; byte-identical across runs: {identical}")
    return 0 if total < TARGET_S and identical else 1


if __name__ == "__main__":
    sys.exit(main())
