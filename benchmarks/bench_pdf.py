"""PDF speed: the toolkit's layout reader (positions, furniture, footnotes, hyphens) and the
whole parse, beside the raw text extraction of pypdf, pdfplumber and pypdfium2, on the
shipped Baku report laid out as an A4 PDF of 356 pages by scripts/render_formats.py (a
derived test input, not an ITU edition). Target: the parse within 5 s.

    .venv/bin/python benchmarks/bench_pdf.py
"""

from __future__ import annotations

import importlib.util
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from toolkit.ingest import read_source
from toolkit.parse import parse_source

REPO = Path(__file__).resolve().parents[1]


def render_pdf(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("render_formats",
                                                  REPO / "scripts" / "render_formats.py")
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator
    spec.loader.exec_module(generator)
    path = folder / "report.pdf"
    generator.write_pdf(generator.report_blocks(generator.REPORT.read_text(encoding="utf-8")),
                        path)
    return path


def timed(function: Callable[[], object], *, repeat: int) -> tuple[float, float]:
    """(best wall seconds, its CPU seconds) over `repeat` runs."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def _timed_peer(function: Callable[[], object], repeat: int) -> tuple[float, float] | None:
    """`timed`, or None when the peer library is not installed."""
    try:
        return timed(function, repeat=repeat)
    except ModuleNotFoundError:
        return None


def pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pypdfium2_text(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def main() -> None:
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
          f"Python {platform.python_version()}, {platform.processor() or platform.system()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = render_pdf(Path(tmp))
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(path))
        print(f"{path.name}: {pages} pages, {path.stat().st_size / 2**20:.1f} MB")
        rows = [
            ("wtdc read (layout)", lambda: read_source(path), 3),
            ("wtdc read + parse", lambda: parse_source(read_source(path)), 3),
            ("pypdfium2 raw text", lambda: pypdfium2_text(path), 3),
            ("pypdf raw text", lambda: pypdf_text(path), 1),
            ("pdfplumber raw text", lambda: pdfplumber_text(path), 1),
        ]
        results = {name: _timed_peer(run, repeat) for name, run, repeat in rows}
    parse = (results["wtdc read + parse"] or (0.0, 0.0))[0]
    header = f"{'reader':<22} {'wall s':>8} {'cpu s':>8} {'parse / this':>13}"
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        if result is None:
            print(f"{name:<22} not installed: run `make bench` (installs the bench extra)")
            continue
        wall, cpu = result
        print(f"{name:<22} {wall:>8.2f} {cpu:>8.2f} {parse / wall:>13.2f}")
    verdict = "within" if parse <= 5 else "over"
    print(f"wtdc read + parse of {pages} pages: {parse:.2f} s, {verdict} the 5 s target")


if __name__ == "__main__":
    main()
