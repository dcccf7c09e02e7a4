"""The report's table of sources: every corpus file it draws on, as the manifest records it."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from toolkit.render.report.tables import Column, ReportTable

if TYPE_CHECKING:
    from toolkit.corpus import Corpus


def sources_table(corpus: Corpus, editions: Collection[str]) -> ReportTable:
    """The corpus files of `editions`, with the hash that pins each one."""
    return ReportTable(
        "sources",
        "Corpus files in this report, as the manifest records them",
        (
            Column("id", "File id"), Column("edition", "Edition"), Column("kind", "Kind"),
            Column("stage", "Stage"), Column("version_of", "Earlier version of"),
            Column("title", "Title"), Column("source", "Source"), Column("format", "Format"),
            Column("sha256", "SHA-256 (first 12 digits)", max_chars=12),
        ),
        tuple(
            {
                "id": e.id, "edition": e.edition, "kind": e.kind, "stage": e.stage,
                "version_of": e.version_of, "title": e.title, "source": e.source,
                "format": e.format, "sha256": e.sha256, "file": e.path.name,
            }
            for e in corpus.entries
            if e.edition in editions
        ),
    )
