"""Measure-stage timings on the shipped Baku corpus, side by side with a naive baseline.

Target (issue 5): the whole-corpus term table and the region matrix in under 1 s. Parsing is
timed apart: it belongs to the parse stage and is cached per process.
Baseline: one regex per lexicon entry per clause (each with its own word-edge checks and no
substring pre-check), the obvious way to count a lexicon.
Run: .venv/bin/python benchmarks/bench_measure.py
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

from toolkit.ingest import read_source
from toolkit.measure import counts as counts_module
from toolkit.measure import (
    load_lexicon,
    preamble_vs_operative,
    region_emphasis,
    revision_sides,
    term_counts,
    term_drivers,
    word_shifts,
)
from toolkit.measure.lexicon import _phrase_body
from toolkit.measure.text import normalize, token_count
from toolkit.parse import clauses_frame, parse_source

REPORT = Path(__file__).resolve().parents[1] / "corpora" / "wtdc-25-final-report.txt"
TARGET = 1.0


CPU: dict[str, float] = {}


def timed(fn: Callable[[], object], name: str = "") -> float:
    """Wall time; the CPU time goes to CPU[name] (on a busy shared machine the two differ)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    CPU[name] = time.process_time() - cpu
    return time.perf_counter() - start


def naive_term_table(clauses: pl.DataFrame) -> list[int]:
    edge_b, edge_a = r"(?<![^\W_])", r"(?![^\W_])"
    patterns = [
        [re.compile(f"{edge_b}(?i:{_phrase_body(p)}){edge_a}") for p in t.phrases]
        + [re.compile(f"{edge_b}{re.escape(a)}{edge_a}") for a in t.acronyms]
        for t in load_lexicon().themes
    ]
    totals = [0] * len(patterns)
    for raw in clauses.get_column("text").to_list():
        text = normalize(raw)
        token_count(text)
        for j, entries in enumerate(patterns):
            spans = sorted((m.start(), m.end()) for p in entries for m in p.finditer(text))
            end = -1
            for a, b in spans:  # the same merging rules as the real counter
                gap = text[end:a] if end >= 0 else None
                close = re.match(r"\s*\)", text[b:])
                if gap is not None and (a <= end or re.fullmatch(r"[\s-]*", gap)):
                    end = max(end, b)  # overlapping or adjacent: the same mention
                elif gap is not None and re.fullmatch(r"\s*\(\s*", gap) and close:
                    end = b + len(close.group())  # "phrase (ACRONYM)"
                else:
                    totals[j] += 1
                    end = b
    return totals


def cold() -> None:
    counts_module._ROWS.clear()
    counts_module._word_table.cache_clear()


def main() -> int:
    t0 = time.perf_counter()
    clauses = clauses_frame(parse_source(read_source(REPORT)).documents)
    parse_s = time.perf_counter() - t0
    lexicon = load_lexicon()

    cold()
    naive_totals: list[int] = []
    baseline_terms = timed(lambda: naive_totals.extend(naive_term_table(clauses)))
    cold()
    terms_cold = timed(lambda: term_counts(clauses, lexicon, by=("doc_id",)), "terms")
    terms_warm = timed(lambda: term_counts(clauses, lexicon, by=("doc_id",)), "warm")
    cold()
    regions_cold = timed(lambda: region_emphasis(clauses, lexicon), "regions")
    both_cold = terms_cold + timed(lambda: region_emphasis(clauses, lexicon), "after")
    CPU["both"] = CPU["terms"] + CPU["after"]
    shifts = timed(lambda: preamble_vs_operative(clauses, lexicon, n_boot=1000), "shifts")
    drivers = timed(lambda: term_drivers(*revision_sides(clauses), lexicon), "drivers")
    cold()
    words = timed(lambda: word_shifts(
        clauses.filter(pl.col("section_kind") == "preamble"),
        clauses.filter(pl.col("section_kind") == "operative"), n_boot=1000), "words")

    rows = [
        ("parse Final Report (parse stage, once)", parse_s, None, None, None),
        ("term table, whole corpus, cold", terms_cold, "terms", baseline_terms, TARGET),
        ("term table, whole corpus, warm", terms_warm, "warm", None, TARGET),
        ("region matrix, cold", regions_cold, "regions", None, TARGET),
        ("term table + region matrix, cold", both_cold, "both", None, TARGET),
        ("theme shifts preamble→operative, 1000 boot", shifts, "shifts", None, None),
        ("drivers (3 per theme, KWIC) revised vs unchanged", drivers, "drivers", None, None),
        ("word shifts preamble→operative, cold, 1000 boot", words, "words", None, None),
    ]
    same = naive_totals == term_counts(clauses, lexicon, by=())["count"].to_list()
    print(f"clauses: {clauses.height}, themes: {len(lexicon.themes)}, "
          f"naive counts {'agree' if same else 'DISAGREE'} with ours")
    print(f"{'task':<50} {'ours s':>8} {'cpu s':>8} {'naive s':>8} {'naive/ours':>10} "
          f"{'target s':>8}  ok (wall)")
    ok = True
    for name, ours, cpu_key, naive, target in rows:
        cpu = f"{CPU[cpu_key]:8.3f}" if cpu_key else f"{'':>8}"
        ratio = f"{naive / ours:10.1f}" if naive else f"{'':>10}"
        nv = f"{naive:8.3f}" if naive else f"{'':>8}"
        tg = f"{target:8.1f}" if target else f"{'':>8}"
        fine = "" if target is None else ("yes" if ours < target else "NO")
        ok &= fine != "NO"
        print(f"{name:<50} {ours:8.3f} {cpu} {nv} {ratio} {tg}  {fine}")
    print(f"load average (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    return 0 if ok and same else 1


if __name__ == "__main__":
    raise SystemExit(main())
