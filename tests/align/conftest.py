"""Hand-built documents for alignment tests (clauses taken from Resolution 37, Baku 2025)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from toolkit.ingest import SourceText, read_source
from toolkit.parse import Lineage, ParsedText, parse_lineage, parse_source
from toolkit.parse.model import Clause, Document, Section

SectionSpec = tuple[str, Sequence[tuple[str | None, str]]]
MakeDoc = Callable[..., Document]


def make_document(sections: Sequence[SectionSpec], *, doc_id: str = "res-37") -> Document:
    """A resolution whose sections are (heading, [(label, text), …])."""
    built = tuple(
        Section(
            heading=heading,
            kind="operative" if heading.startswith(("resolves", "invites")) else "preamble",
            clauses=tuple(
                Clause(label=label, text=text, ordinal=k, raw=text)
                for k, (label, text) in enumerate(clauses, start=1)
            ),
        )
        for heading, clauses in sections
    )
    return Document(
        id=doc_id,
        type="resolution",
        number="37",
        heading="RESOLUTION 37 (Rev. Baku, 2025)",
        edition_label="Rev. Baku, 2025",
        title="Bridging the digital divide",
        sections=built,
    )


@pytest.fixture
def make_doc() -> MakeDoc:
    return make_document


@pytest.fixture(scope="session")
def baku_source(final_report_path: Path) -> SourceText:
    return read_source(final_report_path)


@pytest.fixture(scope="session")
def baku(baku_source: SourceText) -> ParsedText:
    return parse_source(baku_source)


@pytest.fixture(scope="session")
def baku_lineage(baku_source: SourceText, baku: ParsedText) -> Lineage:
    return parse_lineage(baku_source, documents=baku.documents)
