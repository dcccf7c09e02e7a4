"""Ingest speed and memory: the toolkit's readers side by side with the plain way of getting
the same text out of the same file (no normalisation, no checks).

The HTML and Word versions are generated from the shipped Final Report (one paragraph per
non-blank line) into a temporary folder; the 50 MB file is the report repeated. All of
them are derived test inputs, not ITU editions.

    .venv/bin/python benchmarks/bench_ingest.py
"""

from __future__ import annotations

import html
import io
import platform
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from toolkit.ingest import read_source

REPORT = Path(__file__).resolve().parents[1] / "corpora" / "wtdc-25-final-report.txt"


def timed(function: Callable[[], object], *, repeat: int = 3) -> tuple[float, float]:
    """(best seconds, peak MB of Python allocations) over `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak


def build_inputs(folder: Path) -> dict[str, Path]:
    import docx

    lines = [line.strip() for line in REPORT.read_text(encoding="utf-8").splitlines()]
    paragraphs = [line for line in lines if line]
    page = folder / "report.html"
    page.write_text(
        "<!DOCTYPE html><html><body>"
        + "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
        + "</body></html>",
        encoding="utf-8",
    )
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    word = folder / "report.docx"
    document.save(str(word))
    big = folder / "report-x40.txt"
    big.write_bytes(REPORT.read_bytes() * 40)
    return {"txt": REPORT, "html": page, "docx": word, "txt 50 MB": big}


def plain_txt(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def plain_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_bytes(), "html.parser").get_text("\n")


def plain_docx(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def main() -> None:
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
          f"Python {platform.python_version()}, {platform.processor() or platform.system()}")
    peers = {"txt": ("read_text", plain_txt), "html": ("bs4 get_text", plain_html),
             "docx": ("python-docx paragraphs", plain_docx), "txt 50 MB": ("read_text", plain_txt)}
    header = f"{'input':<10} {'size MB':>8} {'read_source s':>14} {'peak MB':>8}  " \
             f"{'peer':<23} {'peer s':>8} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in build_inputs(Path(tmp)).items():
            ours, peak = timed(lambda path=path: read_source(path))
            peer_name, peer = peers[name]
            theirs, _ = timed(lambda path=path, peer=peer: peer(path))
            size = path.stat().st_size / 2**20
            print(f"{name:<10} {size:>8.1f} {ours:>14.3f} {peak:>8.0f}  {peer_name:<23} "
                  f"{theirs:>8.3f} {ours / theirs:>6.2f}")
    print("ratio = read_source time / peer time (the peer does no decoding checks or NFC)")


if __name__ == "__main__":
    main()
