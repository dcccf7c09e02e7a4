"""The whole Baku report laid out as PDF, Word and HTML by scripts/render_formats.py, once
per session; the files are kept in pytest's cache under a key of the report, the generator
and fpdf2's version, so later sessions read them without rendering again (~25 s)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from toolkit.corpus.sources import _file as read_file_source
from toolkit.ingest import SourceText, read_source
from toolkit.parse import ParsedText, parse_source

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "scripts" / "render_formats.py"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_formats", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generator() -> ModuleType:
    return load_generator()


@pytest.fixture(scope="session")
def kept_render(request, tmp_path_factory, generator) -> Callable[..., Path]:
    """`kept_render(name, text, build)`: the folder `build(folder)` rendered `text` into, kept
    in pytest's cache under a key of the text, the generator and fpdf2's version, so that
    later sessions read it without rendering again (fpdf2's line breaking is most of it)."""
    import fpdf

    cache = getattr(request.config, "cache", None)

    def kept(name: str, text: bytes, build: Callable[[Path], object]) -> Path:
        key = hashlib.sha256(text + GENERATOR.read_bytes() + fpdf.__version__.encode())
        folder = (cache.mkdir(f"{name}-{key.hexdigest()[:16]}") if cache is not None
                  else tmp_path_factory.mktemp(f"{name}-{key.hexdigest()[:16]}"))
        if not (folder / "done").exists():
            _render(folder, build)
        return folder

    return kept


@pytest.fixture(scope="session")
def layouts(kept_render, final_report_path, generator) -> dict[str, Path]:
    """Layout name → file: the generator's six, plus the PDF's text as pypdf and pdftotext
    extract it (pdftotext only where poppler-utils is installed)."""
    if not (generator.FONTS / "DejaVuSerif.ttf").exists():
        pytest.skip(f"no DejaVu fonts in {generator.FONTS} (Debian package fonts-dejavu-core)")

    def build(folder: Path) -> None:
        generator.render_all(folder, final_report_path)
        _extractions(folder)

    folder = kept_render("formats", final_report_path.read_bytes(), build)
    paths = {
        "pdf": folder / "report.pdf",
        "docx": folder / "report.docx",
        "docx-tracked": folder / "report-tracked.docx",
        "html": folder / "report.html",
        "html-word": folder / "report-word.htm",
        "html-chapters": folder / "chapters" / "index.htm",
        "pypdf": folder / "report-pypdf.txt",
    }
    if (folder / "report-pdftotext.txt").exists():
        paths["pdftotext"] = folder / "report-pdftotext.txt"
        paths["pdftotext-layout"] = folder / "report-pdftotext-layout.txt"
    return paths


def _render(folder: Path, build: Callable[[Path], object]) -> None:
    """Render beside `folder` and move the files in at the end, so that a session running
    at the same time (another checkout's worker, a second `pytest`) never reads half a
    layout: the first to finish wins, the other's copy is dropped."""
    scratch = Path(tempfile.mkdtemp(prefix="rendering-", dir=folder.parent))
    try:
        build(scratch)
        (scratch / "done").write_text("ok\n")
        with contextlib.suppress(OSError):  # another session was first: keep its files
            folder.rmdir()
            scratch.rename(folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _extractions(folder: Path) -> None:
    """The PDF's text as a user would save it from pypdf or pdftotext."""
    for extraction in ("pypdf", "pdftotext", "pdftotext-layout"):
        text = pdf_text(folder / "report.pdf", extraction)
        if text is not None:
            (folder / f"report-{extraction}.txt").write_text(text, encoding="utf-8")


def pdf_text(pdf: Path, extraction: str) -> str | None:
    """The text of `pdf` as pypdf, pdftotext or `pdftotext -layout` extracts it; None when
    pdftotext is not installed."""
    if extraction == "pypdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    if not shutil.which("pdftotext"):
        return None
    options = ["-layout"] if extraction == "pdftotext-layout" else []
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True,
                          capture_output=True, encoding="utf-8").stdout


@pytest.fixture(scope="session")
def extract() -> Callable[[Path, str], str | None]:
    """`pdf_text`, for the tests of a PDF other than the layouts'."""
    return pdf_text


@pytest.fixture(scope="session")
def layout_reads(layouts) -> Callable[[str], tuple[SourceText, ParsedText]]:
    """Layout name → its SourceText and parse, once per session (reading the PDF takes ~2 s),
    by the commands' own reader of a file: through the parse cache, where `wtdc parse` of a
    layout then finds it instead of reading it again."""
    return functools.cache(lambda name: read_file_source(str(layouts[name]), "accepted", False)[:2])


@pytest.fixture(scope="session")
def layout_sources(layout_reads) -> Callable[[str], SourceText]:
    return lambda name: layout_reads(name)[0]


@pytest.fixture(scope="session")
def baku_text(final_report_path) -> ParsedText:
    return parse_source(read_source(final_report_path))
