"""`wtdc diff` side by side with its peers, on the real pair and on a SIMULATED revision.

Cases:
  1. the pre-final Baku Declaration (corpora/baku-declaration-prefinal.md) against Part I of
     the WTDC-25 Final Report (`baku-2025:declaration`; peers get the same text as a file);
  2. the whole Final Report against a SIMULATED revision of it (benchmarks/simulate_revision.py,
     fixed seed: ~5% of paragraphs reworded, ~1% deleted, ~1% inserted).
Tools: `wtdc diff` (text output), `git diff --no-index --word-diff`, difflib.ndiff on words,
redlines, and diff-match-patch run naively in word mode over the whole text. Each runs in
its own process; wall time includes start-up; peak memory is the child's maximum RSS
(resource.getrusage RUSAGE_CHILDREN, read by a wrapper process per run).

    .venv/bin/python benchmarks/bench_diff.py [--timeout S] [--redlines-timeout S] [--only wtdc]
                                              [--repeat N]

A tool whose first run takes under 5 s runs N times (default 3) and its fastest run is
reported: on a shared machine the other runs measure the neighbours' load, not the tool.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
PY = sys.executable
sys.path.insert(0, str(HERE))

from simulate_revision import DEFAULT_OUT as SIMULATED  # noqa: E402
from simulate_revision import SOURCE, simulate  # noqa: E402

# Runs one command, then prints its wall and CPU time, peak RSS (kB) and exit status as JSON.
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"wall": wall, "cpu": cpu, "peak_kb": usage.ru_maxrss, "status": status}))
"""

_DIFFLIB = """
import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read().split()
b = open(sys.argv[2], encoding="utf-8").read().split()
for line in difflib.ndiff(a, b):
    pass
"""

_REDLINES = """
import sys
from redlines import Redlines
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
Redlines(a, b).output_markdown
"""

# The whole text diffed word by word in one piece: what `wtdc diff` avoids.
_NAIVE_DMP = """
import sys
from toolkit.diff.words import word_ops
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
word_ops(a, b)
"""


@dataclass(frozen=True)
class Case:
    name: str
    old: Path
    new: Path
    new_spec: str  # what `wtdc diff` is given for NEW


@dataclass(frozen=True)
class Result:
    wall: float | None  # None: timed out
    cpu: float | None  # user + system: what the run costs whatever else the machine does
    peak_mb: float | None
    status: int | None
    timeout: float


def _measure(command: list[str], timeout: float) -> Result:
    process = subprocess.Popen(
        [PY, "-c", _WRAPPER, *command],
        stdout=subprocess.PIPE,
        cwd=REPO,
        start_new_session=True,
        text=True,
    )
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Result(None, None, None, None, timeout)
    data = json.loads(out)
    return Result(data["wall"], data["cpu"], data["peak_kb"] / 1024, data["status"], timeout)


# Runs shorter than this are repeated (--repeat) and the fastest is kept.
_QUICK = 5.0


def _best(command: list[str], timeout: float, repeat: int) -> Result:
    """The fastest of `repeat` runs for a quick tool; a slow one (or a timeout) runs once."""
    result = _measure(command, timeout)
    if result.wall is None or result.wall >= _QUICK:
        return result
    runs = [result] + [_measure(command, timeout) for _ in range(repeat - 1)]
    return min(runs, key=lambda r: r.wall if r.wall is not None else float("inf"))


def _cases() -> list[Case]:
    OUT.mkdir(exist_ok=True)
    if not SIMULATED.exists():
        SIMULATED.write_text(simulate(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    declaration = OUT / "baku-2025-declaration.txt"
    if not declaration.exists():
        from toolkit.corpus import resolve_source

        declaration.write_text(resolve_source("baku-2025:declaration").text, encoding="utf-8")
    report = REPO / "corpora" / "wtdc-25-final-report.txt"
    return [
        Case("real pair: Baku Declaration pre-final → final (12 kB)",
             REPO / "corpora" / "baku-declaration-prefinal.md", declaration,
             "baku-2025:declaration"),
        Case("Final Report (1.2 MB) → SIMULATED revision", report, SIMULATED, str(SIMULATED)),
    ]


def _tools(case: Case) -> list[tuple[str, list[str], str]]:
    """(name, command, timeout key)."""
    wtdc = shutil.which("wtdc", path=str(Path(PY).parent)) or "wtdc"
    old, new = str(case.old), str(case.new)
    return [
        ("wtdc diff", [wtdc, "diff", old, case.new_spec], "wtdc"),
        ("git diff --no-index --word-diff",
         ["git", "diff", "--no-index", "--word-diff", old, new], "default"),
        ("difflib.ndiff on words", [PY, "-c", _DIFFLIB, old, new], "default"),
        ("redlines", [PY, "-c", _REDLINES, old, new], "redlines"),
        ("diff-match-patch, naive word mode", [PY, "-c", _NAIVE_DMP, old, new], "default"),
    ]


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, " \
        f"Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--redlines-timeout", type=float, default=300.0)
    parser.add_argument("--only", help="run only tools whose name contains this")
    parser.add_argument("--repeat", type=int, default=3,
                        help=f"runs of each tool quicker than {_QUICK:.0f} s; the fastest is kept")
    args = parser.parse_args(argv)
    timeouts = {"default": args.timeout, "redlines": args.redlines_timeout, "wtdc": 60.0}
    try:
        import redlines  # noqa: F401
    except ImportError:
        subprocess.call([PY, "-m", "pip", "install", "-q", "redlines"])

    lines = [
        f"# wtdc diff benchmark, {datetime.date.today().isoformat()}",
        f"machine: {_machine()}; load average at start {os.getloadavg()[0]:.1f}",
        "case 2 compares the Final Report with a SIMULATED revision (not an ITU text)",
        f"tools quicker than {_QUICK:.0f} s: fastest of {args.repeat} runs; slower ones: one run",
        "",
        "| case | tool | wall (s) | CPU (s) | peak RSS (MB) | wall / wtdc's |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    print("\n".join(lines), flush=True)
    for case in _cases():
        reference: float | None = None
        for name, command, key in _tools(case):
            if args.only and args.only not in name:
                continue
            result = _best(command, timeouts[key], max(1, args.repeat))
            if name == "wtdc diff":
                reference = result.wall
            if result.wall is None:
                wall, cpu, peak = f"> {result.timeout:.0f}", "–", "–"
                ratio = f"> {result.timeout / reference:.0f}×" if reference else "–"
            else:
                wall, cpu, peak = f"{result.wall:.2f}", f"{result.cpu:.2f}", f"{result.peak_mb:.0f}"
                ratio = f"{result.wall / reference:.3g}×" if reference else "–"
                if result.status not in (0, 1):
                    wall += f" (exit {result.status})"
            row = f"| {case.name} | {name} | {wall} | {cpu} | {peak} | {ratio} |"
            lines.append(row)
            print(row, flush=True)
    (OUT / "bench_diff.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
