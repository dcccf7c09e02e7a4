"""How long the parse stage takes on the whole 1.2 MB WTDC-25 Final Report.

Target: parsing the report and building the clause frame in a fraction of a second. Each step
runs several times (time.perf_counter); the table shows the median and best run side by side
with the floor any parser pays — reading the file and splitting it into lines — as a ratio.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from toolkit.ingest import read_source
from toolkit.parse import clauses_frame, parse_lineage, parse_source
from toolkit.parse.lines import logical_lines

REPORT = Path(__file__).resolve().parents[1] / "corpora" / "wtdc-25-final-report.txt"
RUNS = 9


def timed(step: Callable[[], object]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run: on a busy machine the CPU time is the steadier."""
    step()  # warm-up: imports, regex compilation, polars start-up
    wall, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        step()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> int:
    source = read_source(REPORT)
    parsed = parse_source(source)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("read + split lines (floor)", lambda: REPORT.read_text(encoding="utf-8").split("\n")),
        ("read_source", lambda: read_source(REPORT)),
        ("logical_lines", lambda: logical_lines(source.text)),
        ("parse_source", lambda: parse_source(source)),
        ("clauses_frame", lambda: clauses_frame(parsed.documents)),
        ("parse + frame", lambda: clauses_frame(parse_source(source).documents)),
        ("parse_lineage (given texts)", lambda: parse_lineage(source, documents=parsed.documents)),
        ("read + parse + frame + lineage", lambda: _everything()),
    ]
    results = [(name, *timed(step)) for name, step in steps]
    floor = statistics.median(results[0][1])
    clauses = sum(len(d.clauses) for d in parsed.documents)
    print(f"{REPORT.name}: {REPORT.stat().st_size / 1e6:.2f} MB, {len(parsed.documents)} "
          f"documents, {clauses} clauses; {RUNS} runs each")
    print(f"{'step':32} {'median ms':>10} {'best ms':>9} {'cpu ms':>8} {'× floor':>8}")
    for name, wall, cpu in results:
        median = statistics.median(wall)
        print(f"{name:32} {median * 1e3:10.1f} {min(wall) * 1e3:9.1f} "
              f"{statistics.median(cpu) * 1e3:8.1f} {median / floor:8.1f}")
    total = statistics.median(results[5][1])
    verdict = "ok" if total < 0.5 else "TOO SLOW"
    print(f"parse + frame: {total * 1e3:.0f} ms (target: a fraction of a second) — {verdict}")
    return 0 if total < 0.5 else 1


def _everything() -> object:
    source = read_source(REPORT)
    parsed = parse_source(source)
    clauses_frame(parsed.documents)
    return parse_lineage(source, documents=parsed.documents)


if __name__ == "__main__":
    sys.exit(main())
