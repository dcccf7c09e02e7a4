"""A PDF's text as pypdf saves it (pages joined, a running header on top, the page number at
the foot, paragraphs wrapped to the measure) gets its paragraphs back. The sample is the
shipped Baku text of Resolution 37 re-wrapped (same words, only the layout changes)."""

from __future__ import annotations

import pytest

from toolkit.ingest.extraction import _width, clean_extraction
from toolkit.parse.lines import logical_lines

HEADER = "WTDC-25 - Final Report"
MEASURE = 40.0  # ems, about an A4 text width in 10-point type


def _wrapped(text: str) -> list[str]:
    """Greedy wrapping by printed width, as a typesetter sets a paragraph ragged right."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and _width(f"{lines[-1]} {word}") <= MEASURE:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@pytest.fixture(scope="module")
def resolution(final_report_path) -> list[str]:
    """Resolution 37's paragraphs up to its second page of clauses, footnotes left out."""
    lines, _ = logical_lines(final_report_path.read_text(encoding="utf-8"))
    start = next(i for i, line in enumerate(lines) if line.text.startswith("RESOLUTION 37 "))
    # A PDF's text prints a no-break space as a space.
    return [line.text.replace("\u00a0", " ") for line in lines[start:start + 40]
            if line.indent < 6]


def _pypdf_text(paragraphs: list[str], *, per_page: int = 14) -> str:
    body = [line for p in paragraphs for line in _wrapped(p.replace("\t", " "))]
    pages = [body[i:i + per_page] for i in range(0, len(body), per_page)]
    return "\n".join(
        "\n".join([HEADER, *page, str(number)]) for number, page in enumerate(pages, start=1)
    )


def test_pypdf_text_gets_its_paragraphs_back(resolution) -> None:
    cleaned = clean_extraction(_pypdf_text(resolution))
    assert cleaned is not None
    text, cleaning = cleaned
    assert [p.strip("\t") for p in text.split("\n\n")] == resolution
    assert (cleaning.pages, cleaning.furniture_lines) == (8, 16)  # header and number


def test_a_text_without_pages_is_no_extraction() -> None:
    assert clean_extraction("recognizing\n\na)\tthat ITU\n") is None
