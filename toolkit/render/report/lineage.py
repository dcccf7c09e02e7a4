"""The report's overview: key figures, the lineage of the resolutions and Recommendations
(what the edition did to each, and where its prior text stands), and the texts missing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from toolkit.render.report.naming import add_command, edition_name
from toolkit.render.report.sources import sources_table
from toolkit.render.report.tables import Column, ReportTable
from toolkit.render.report.view import KeyFigure, Overview, Redline

if TYPE_CHECKING:
    from toolkit.corpus import Corpus, Edition
    from toolkit.parse import ParsedText
    from toolkit.parse.lineage import LineageRow


def _tally(values: Iterable[str]) -> str:
    """"Kigali, 2022 (44); Dubai, 2014 (8)": most frequent first, then by name."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{value} ({n})" for value, n in ordered)


def overview_section(corpus: Corpus, new: Edition, old: Edition | None,
                     parsed: ParsedText) -> Overview:
    """The overview: key figures, the sources, the lineage tables and what is missing."""
    from toolkit.corpus import edition, edition_by_label
    from toolkit.corpus.sources import edition_lineage
    from toolkit.parse import check_corpus

    lineage = edition_lineage(new.id, corpus=corpus)
    current = lineage.current
    check = check_corpus(lineage, parsed.documents)
    editions = {new.id} | ({old.id} if old else set())
    sources = sources_table(corpus, editions)
    fates = ("new", "revised", "unchanged", "abrogated")
    by_fate = {fate: [r for r in current if r.baku == fate] for fate in fates}
    summary = ReportTable(
        "lineage-summary",
        f"What {edition_name(new)} did to the resolutions and Recommendations",
        (
            Column("fate", f"At {edition_name(new)}"),
            Column("resolutions", "Resolutions", numeric=True),
            Column("recommendations", "Recommendations", numeric=True),
            Column("prior_editions", "Prior edition (number of texts)"),
        ),
        tuple(
            {
                "fate": fate,
                "resolutions": sum(r.kind == "resolution" for r in rows),
                "recommendations": sum(r.kind == "recommendation" for r in rows),
                "prior_editions": _tally(r.prior_edition for r in rows if r.prior_edition),
            }
            for fate, rows in by_fate.items()
        ),
    )
    lineage_table = ReportTable(
        "lineage",
        f"Every resolution and Recommendation {edition_name(new)} acted on: its history, its fate "
        "and its prior edition",
        (
            Column("doc_id", "Document", link=_text_link), Column("title", "Title"),
            Column("first_approved", "First approved"), Column("history", "History"),
            Column("status", "Status"), Column("baku", f"At {edition_name(new)}"),
            Column("prior_edition", "Prior edition"),
            Column("text_in_corpus", "Text in corpus"),
        ),
        tuple(_lineage_fields(r) for r in current),
        note=f"{len(lineage.rows) - len(current)} further rows of the status table are texts "
        "abrogated or made obsolete before this edition; `wtdc lineage` lists them all. A "
        "document links to its text; its fate, to its redline when the report has one.",
        interactive=True,
    )
    missing = ReportTable(
        "missing-texts",
        "Texts in force that the status table lists but the corpus lacks",
        (
            Column("doc_id", "Document"), Column("title", "Title"),
            Column("prior_edition", "Prior edition"),
        ),
        tuple(_lineage_fields(lineage.row(doc_id)) for doc_id in check.missing_text),
    )
    priors: dict[str, list[LineageRow]] = {}
    for row in current:
        if row.prior_edition and row.baku in ("revised", "unchanged"):
            priors.setdefault(row.prior_edition, []).append(row)
    prior_rows: list[dict[str, Any]] = []
    for label, rows in sorted(priors.items(), key=lambda item: (-len(item[1]), item[0])):
        known = edition_by_label(label)
        in_corpus = all(r.prior_in_corpus for r in rows)
        docs = [r.doc_id or r.number for r in rows]
        prior_rows.append({
            "prior_edition": label,
            "edition_id": known.id if known else None,
            "texts": len(docs),
            "documents": docs,
            "in_corpus": in_corpus,
            "to_add": None if in_corpus or known is None else add_command(known),
        })
    prior = ReportTable(
        "prior-editions",
        "Where the earlier version of each revised or unchanged text stands",
        (
            Column("prior_edition", "Prior edition"),
            Column("texts", "Texts", numeric=True),
            Column("in_corpus", "In corpus"),
            Column("to_add", "To add it", code=True),
        ),
        tuple(prior_rows),
        note="“January 2002” and similar entries are dates of adoption outside a conference "
        "(Recommendations), as the status table prints them.",
    )
    absent = [row for row in prior_rows if not row["in_corpus"] and row["edition_id"]]
    figures = (
        KeyFigure(str(len(current) - len(by_fate["abrogated"])), "texts in force"),
        KeyFigure(str(len(by_fate["new"])), f"new at {edition_name(new)}"),
        KeyFigure(str(len(by_fate["revised"])), f"revised at {edition_name(new)}"),
        KeyFigure(str(len(by_fate["unchanged"])), "unchanged since an earlier edition"),
        KeyFigure(str(len(by_fate["abrogated"])), f"abrogated at {edition_name(new)}"),
        KeyFigure(str(len(check.missing_text)), "texts in force missing from the corpus"),
    )
    paragraphs = [
        f"This report reads the {edition_name(new)} final report from the corpus "
        f"({len(parsed.documents)} documents: declaration, action plan, regional initiatives, "
        "resolutions, Recommendations and study Questions) and compares it with the earlier "
        "versions listed under “Sources compared”.",
    ]
    if absent:
        paragraphs.append(
            f"{sum(row['texts'] for row in absent)} texts were revised or left unchanged at "
            f"{edition_name(new)}, but the editions that hold their earlier versions are not in "
            "the corpus ("
            + ", ".join(edition_name(edition(row["edition_id"])) for row in absent)
            + "), so they cannot be compared clause by clause here. Methods → What is missing "
            "says how to add them."
        )
    if check.missing_text:
        missing_text = (
            f"{len(check.missing_text)} texts in force per the status table have no text in "
            f"the corpus: {', '.join(check.missing_text)}. They are listed below and left out "
            "of every comparison."
        )
    else:
        missing_text = (
            "None: every resolution and Recommendation the status table lists as in force has "
            f"its text in the {edition_name(new)} final report of the corpus."
        )
    return Overview(
        paragraphs=tuple(paragraphs),
        figures=figures,
        sources=sources,
        lineage_text=(
            f"From the final report's status table, the list of resolutions abrogated by "
            f"{edition_name(new)} and the renumbering of study Questions. The prior edition is the "
            f"last edition before {edition_name(new)} that adopted or revised the text: where a "
            "comparison has to start."
        ),
        lineage_summary=summary,
        lineage=lineage_table,
        missing_text=missing_text,
        missing=missing,
        prior=prior,
    )


def _text_link(row: Mapping[str, Any]) -> str | None:
    return f"texts.html#{row['doc_id']}" if row["text_in_corpus"] and row["doc_id"] else None


def link_redlines(overview: Overview, redlines: Sequence[Redline]) -> Overview:
    """The overview with each lineage row's fate linked to its document in a redline."""
    anchors = {doc: f"#{anchor}" for r in redlines for doc, anchor in r.anchors.items()}
    if not anchors:
        return overview
    columns = tuple(
        replace(c, link=lambda row: anchors.get(row["doc_id"])) if c.key == "baku" else c
        for c in overview.lineage.columns
    )
    return replace(overview, lineage=replace(overview.lineage, columns=columns))


def _lineage_fields(row: LineageRow) -> dict[str, Any]:
    return {
        "doc_id": row.doc_id, "kind": row.kind, "number": row.number, "title": row.title,
        "first_approved": row.first_approved, "history": list(row.history),
        "status": row.status, "baku": row.baku, "prior_edition": row.prior_edition,
        "text_in_corpus": row.text_in_corpus,
    }
