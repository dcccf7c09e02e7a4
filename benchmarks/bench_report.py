"""Time `wtdc report` on the shipped corpus (target: 1 s), whole and step by step.

Side by side: the command as a user runs it (a fresh process, imports included, its charts
drawn by a second process; CPU is both processes'), with the parse cache off (WTDC_CACHE=off,
as on a first run) and on (warm), and `build_report` in a warm process
(matplotlib loaded: charts drawn in-process), each the median of five runs, against the
target; then the warm run's steps with their shares. Also checks that the runs wrote
identical files. The load average is printed with the figures: on a shared machine the
neighbours' work shows in the wall times (CPU is the steadier figure).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from toolkit.render.report import build_report

TARGET_S = 1.0
RUNS = 5
WTDC = Path(sys.executable).with_name("wtdc")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold(out_dir: Path, *, cache: bool = True) -> tuple[float, float]:
    """Wall and CPU seconds of one `wtdc report` (with the chart process it waits for)."""
    env = os.environ | ({} if cache else {"WTDC_CACHE": "off"})
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run([str(WTDC), "report", "-o", str(out_dir)], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start, _children_cpu() - cpu


def warm(out_dir: Path) -> tuple[float, dict[str, float]]:
    marks: list[tuple[str, float]] = []
    start = time.perf_counter()
    build_report(out_dir=out_dir, progress=lambda done, total, step: marks.append(
        (step, time.perf_counter())))
    end = time.perf_counter()
    steps = {step: later - began
             for (step, began), (_, later) in zip(marks, [*marks[1:], ("", end)], strict=True)
             if step != "done"}
    return end - start, steps


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        uncached, uncached_cpu = zip(*(cold(out / f"uncached-{run}", cache=False)
                                       for run in range(RUNS)), strict=True)
        colds, cold_cpu = zip(*(cold(out / f"cold-{run}") for run in range(RUNS)), strict=True)
        import toolkit.render.charts  # noqa: F401  (matplotlib loaded: charts drawn here)

        build_report(out_dir=out / "imports")  # imports and caches, not timed
        warms, per_step = [], {}
        for run in range(RUNS):
            total, steps = warm(out / f"warm-{run}")
            warms.append(total)
            for step, seconds in steps.items():
                per_step.setdefault(step, []).append(seconds)
        pages = {tuple(sorted((f.name, f.read_bytes()) for f in d.iterdir()))
                 for d in out.iterdir()}
        size = len(dict(next(iter(pages)))["index.html"])
    print(f"wtdc report on the shipped corpus, median of {RUNS} runs; target {TARGET_S:.1f} s; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'':<44} {'seconds':>8} {'× target':>9}")
    for name, times in (("wtdc report, parse cache off, wall", uncached),
                        ("wtdc report, parse cache off, CPU", uncached_cpu),
                        ("wtdc report (fresh process), wall", colds),
                        ("wtdc report (fresh process), CPU", cold_cpu),
                        ("build_report (warm process), wall", warms)):
        median = statistics.median(times)
        print(f"{name:<44} {median:>8.2f} {median / TARGET_S:>9.2f}")
    warm_total = statistics.median(warms)
    print(f"\nsteps of the warm run{'':<23} {'seconds':>8} {'share':>9}")
    for step, seconds in per_step.items():
        median = statistics.median(seconds)
        name = step if len(step) <= 44 else step[:43] + "…"
        print(f"{name:<44} {median:>8.3f} {median / warm_total:>9.1%}")
    print(f"\nindex.html {size:,} bytes; every file identical in all {3 * RUNS + 1} runs: "
          f"{len(pages) == 1}")
    return 0 if statistics.median(colds) < TARGET_S and len(pages) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
