"""Write a SIMULATED revision of the WTDC-25 Final Report for the diff benchmark.

Programmatic edits with a fixed seed: about 5% of prose paragraphs reworded (words
replaced, dropped or swapped), about 1% deleted, about 1% inserted (a paragraph's words
shuffled, after "Simulated inserted paragraph:"). The output is not an ITU text: its file
name and its first line say SIMULATED.

    .venv/bin/python benchmarks/simulate_revision.py [OUT]
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "corpora" / "wtdc-25-final-report.txt"
DEFAULT_OUT = REPO / "benchmarks" / "out" / "wtdc-25-final-report.SIMULATED-revision.txt"
HEADER = (
    "SIMULATED revision of the WTDC-25 Final Report "
    "(benchmarks/simulate_revision.py, seed {seed}); not an ITU text"
)
SEED = 2025
REPLACEMENTS = ("enhanced", "global", "digital", "relevant", "regional", "effective", "all")


def _reword(line: str, rng: random.Random) -> str:
    # Whitespace is kept as it is (a label and its text are tab-separated); the first and
    # last words stay, so that a clause keeps its label and its ending.
    parts = re.split(r"(\s+)", line)
    words = [i for i, part in enumerate(parts) if part and not part.isspace()][1:-1]
    for _ in range(max(1, len(words) // 12)):
        if not words:
            break
        i = rng.choice(words)
        action = rng.random()
        if action < 0.5:
            parts[i] = rng.choice(REPLACEMENTS)
        elif action < 0.75:
            parts[i] = ""
            words.remove(i)
        else:
            j = words[(words.index(i) + 1) % len(words)]
            parts[i], parts[j] = parts[j], parts[i]
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", "".join(parts))


def simulate(text: str, *, seed: int = SEED) -> str:
    rng = random.Random(seed)
    out = [HEADER.format(seed=seed)]
    for line in text.split("\n"):
        prose = len(line.split()) >= 12
        roll = rng.random()
        if prose and roll < 0.01:
            continue  # deleted
        out.append(_reword(line, rng) if prose and roll < 0.06 else line)
        if prose and 0.06 <= roll < 0.07:
            words = line.split()
            rng.shuffle(words)
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}Simulated inserted paragraph: {' '.join(words).rstrip('.;,')}.")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(simulate(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
