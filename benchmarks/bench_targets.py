"""The speed and memory targets of issue 13, as ratios to their targets, in one run.

  1. `wtdc diff` on the Final Report (1.2 MB) against its SIMULATED revision, against the
     floor of reading both files and splitting them into words in a fresh Python (target:
     ≤ 3× the floor), with the parse cache off (the honest figure) and warm;
  2. `wtdc diff` on a 50 MB text against its SIMULATED revision (target: ≤ 8 s and
     ≤ 300 MiB peak RSS). The text is the Final Report's prose paragraphs, numbered and
     repeated to 50 MB, without its headings: one long document of plain paragraphs; the
     revision is made by benchmarks/simulate_revision.py (fixed seed). Neither is an ITU
     text: both file names say SIMULATED. Reading and parsing one of them is a row of its own;
  3. `wtdc report` into a scratch folder (target: ≤ 1 s);
  4. `wtdc terms` without --plot (and `wtdc --help`), wall time only: that matplotlib is
     never imported is a test (tests/cli/test_start_up.py).

Each run is its own process; the fastest of --repeat runs is kept for the quick ones (on a
shared machine the others measure the neighbours). Peak memory is the child's max RSS.

    .venv/bin/python benchmarks/bench_targets.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_diff import OUT, PY, Result, _best  # noqa: E402
from simulate_revision import DEFAULT_OUT as SIMULATED  # noqa: E402
from simulate_revision import SOURCE, simulate  # noqa: E402

WTDC = [PY, "-m", "toolkit"]
LARGE = OUT / "prose-50MB.SIMULATED.txt"
LARGE_REVISION = OUT / "prose-50MB.SIMULATED-revision.txt"
SIZE = 50 * 1024 * 1024

_FLOOR = """
import sys
for path in sys.argv[1:]:
    open(path, encoding="utf-8").read().split()
"""


_PARSE = """
import sys
from toolkit.ingest import read_source
from toolkit.parse import parse_source
parse_source(read_source(sys.argv[1]))
"""


@contextmanager
def _parse_cache(on: bool) -> Iterator[None]:
    """Runs with the parse cache off (the honest figure), or on in a scratch folder."""
    saved = {name: os.environ.get(name) for name in ("WTDC_CACHE", "XDG_CACHE_HOME")}
    scratch = Path(tempfile.mkdtemp())
    os.environ.update({"WTDC_CACHE": "on" if on else "off", "XDG_CACHE_HOME": str(scratch)})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(scratch, ignore_errors=True)


def _inputs() -> None:
    OUT.mkdir(exist_ok=True)
    if not SIMULATED.exists():
        SIMULATED.write_text(simulate(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    if not LARGE.exists() or not LARGE_REVISION.exists():
        prose = [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()
                 if len(line.split()) >= 12]
        paragraphs: list[str] = []
        size = 0
        while size < SIZE:
            for line in prose:
                # Numbered, so that no paragraph reads as a heading of the report (which
                # would make documents, repeated with each copy) or repeats another.
                paragraphs.append(f"Paragraph {len(paragraphs) + 1}: {line}")
                size += len(paragraphs[-1].encode("utf-8")) + 2
        text = "\n\n".join(paragraphs) + "\n"
        LARGE.write_text(text, encoding="utf-8")
        LARGE_REVISION.write_text(simulate(text), encoding="utf-8")


def _row(name: str, result: Result, target: str, ratio: float | None) -> str:
    wall = f"{result.wall:.2f}" if result.wall is not None else "timeout"
    cpu = f"{result.cpu:.2f}" if result.cpu is not None else "–"
    peak = f"{result.peak_mb:.0f}" if result.peak_mb is not None else "–"
    ratio_text = f"{ratio:.2f}" if ratio is not None else "–"
    return f"| {name} | {wall} | {cpu} | {peak} | {target} | {ratio_text} |"


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args(argv)
    _inputs()
    os.environ["WTDC_CACHE"] = "off"  # every row but the warm diff reads and parses
    report = SOURCE
    print("| what | wall (s) | CPU (s) | peak RSS (MiB) | target | ratio to target |")
    print("| --- | ---: | ---: | ---: | --- | ---: |")
    floor = _best([PY, "-c", _FLOOR, str(report), str(SIMULATED)], 60, args.repeat)
    print(_row("floor: read both files and split into words", floor, "–", None))
    pair = [*WTDC, "diff", str(report), str(SIMULATED)]
    for cache in ("cold", "warm"):
        with _parse_cache(cache == "warm"):
            if cache == "warm":
                _best(pair, 120, 1)  # fills the cache
            diff = _best(pair, 120, args.repeat)
        times_floor = diff.wall / floor.wall if diff.wall and floor.wall else None
        name = f"wtdc diff, 1.2 MB pair, parse cache {cache}"
        print(_row(f"{name} ({times_floor:.1f}× the floor)" if times_floor else name, diff,
                   "≤ 3× floor", times_floor / 3 if times_floor else None))
    parse = _best([PY, "-c", _PARSE, str(LARGE)], 300, 1)
    print(_row("read + parse the 50 MB text (its part of the next row)", parse, "–", None))
    large = _best([*WTDC, "diff", str(LARGE), str(LARGE_REVISION)], 300, 1)
    print(_row("wtdc diff, 50 MB pair", large, "≤ 8 s",
               large.wall / 8 if large.wall else None))
    print(_row("wtdc diff, 50 MB pair: memory", large, "≤ 300 MiB",
               large.peak_mb / 300 if large.peak_mb else None))
    scratch = Path(tempfile.mkdtemp())
    try:
        built = _best([*WTDC, "report", "-o", str(scratch / "report")], 120, args.repeat)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(_row("wtdc report", built, "≤ 1 s", built.wall if built.wall else None))
    declaration = ["corpora/baku-declaration-prefinal.md", "baku-2025:declaration"]
    terms = _best([*WTDC, "terms", *declaration], 60, args.repeat)
    print(_row("wtdc terms (no --plot)", terms, "–", None))
    start = _best([*WTDC, "--help"], 60, args.repeat)
    print(_row("wtdc --help (start-up)", start, "–", None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
