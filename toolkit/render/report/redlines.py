"""The report's redlines: each real earlier version, or each document of an earlier edition,
against the adopted text, as diff fragments with their clause pairs as CSV and JSON."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from toolkit.render.diff_html import document_anchors, render_diff_fragment
from toolkit.render.docx import render_docx
from toolkit.render.report.naming import edition_name, is_simulated, simulated_label
from toolkit.render.report.publish import ReportFiles
from toolkit.render.report.view import Redline

if TYPE_CHECKING:
    from toolkit.align import Alignment
    from toolkit.align.model import ChangeKind
    from toolkit.corpus import Corpus, CorpusEntry, Edition
    from toolkit.diff.model import TextDiff
    from toolkit.parse import Document, ParsedText


def _nest_headings(fragment: str, levels: int) -> Markup:
    """Move a fragment's headings `levels` down so they sit under the report's own."""
    return Markup(re.sub(
        r"<(/?)h([1-6])\b", lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + levels, 6)}",
        fragment,
    ))


def _redline(diff: TextDiff, *, id: str, title: str, old_source: str, new_source: str,
             files: ReportFiles) -> Redline:
    stat = diff.stat()
    summary = (
        f"{stat.changes.summary()}; {stat.words_added} words added, "
        f"{stat.words_removed} removed."
    )
    files[f"{id}.json"] = diff.to_json()
    files[f"{id}.csv"] = diff.frame().write_csv()
    if files.revision_date is not None:
        files[f"{id}.docx"] = render_docx(diff, date=files.revision_date)
    return Redline(
        id=id, title=title, old_source=old_source, new_source=new_source, summary=summary,
        fragment=_nest_headings(render_diff_fragment(diff), 2),
        docx=files.revision_date is not None, anchors=document_anchors(diff),
    )


def edition_redline(alignments: Sequence[Alignment], old_entry: CorpusEntry,
                     new_entry: CorpusEntry, files: ReportFiles, *,
                     ignore: Collection[ChangeKind] = ()) -> Redline:
    """Every document of the new edition against its partner in the old one, paired by the
    new edition's lineage (resolutions), renumbering (Questions), code and title."""
    from toolkit.diff import diff_alignments

    diff = diff_alignments(alignments, old_name=old_entry.edition, new_name=new_entry.edition,
                           ignore=ignore)
    return _redline(
        diff,
        id=f"redline-{old_entry.edition}--{new_entry.edition}",
        title=simulated_label(f"{old_entry.title} → {new_entry.title}",
                               is_simulated(old_entry) or is_simulated(new_entry)),
        old_source=f"{old_entry.title} ({old_entry.id}): {old_entry.source}",
        new_source=f"{new_entry.title} ({new_entry.id}): {new_entry.source}",
        files=files,
    )


def redlines_intro(new: Edition, old: Edition | None, versions: Sequence[CorpusEntry]) -> str:
    """What the redlines compare, or why there are none."""
    if old is not None:
        return (
            f"Every document of the {edition_name(new)} final report against its "
            f"{edition_name(old)} version, paired by the lineage tables (resolutions, "
            "Recommendations), the renumbering of study Questions, and code and title (regional "
            "initiatives); a document without a partner is shown wholly inserted or deleted."
        )
    if not versions:
        return (
            f"The corpus holds no earlier version of any {edition_name(new)} text, and no earlier "
            "edition: there is nothing to redline. Methods → What is missing says how to add one."
        )
    return (
        f"The corpus holds no earlier edition, but it holds {len(versions)} real earlier "
        f"versions of parts of the {edition_name(new)} final report. Each is compared clause "
        "by clause with the adopted text. Only changed clauses are shown; a clause only "
        "relabelled (i) → 1)) is unchanged, and counted apart."
    )


def version_redline(corpus: Corpus, entry: CorpusEntry, old_docs: Sequence[Document],
                    new_text: ParsedText, files: ReportFiles, *,
                    ignore: Collection[ChangeKind] = ()) -> Redline:
    """A real earlier version of part of the edition (`old_docs`, the parse of `entry`)
    against that part of its final report."""
    from toolkit.diff import diff_sources

    assert entry.version_of is not None
    new_docs = new_text.select(entry.version_of)
    diff = diff_sources(
        old_docs, new_docs,
        old_name=entry.id, new_name=f"{entry.edition}:{entry.version_of}", ignore=ignore,
    )
    final = corpus.final_report(entry.edition)
    where = ", ".join(d.heading for d in new_docs)
    return _redline(
        diff,
        id=f"redline-{entry.version_of}",
        title=f"{entry.title} → the adopted text ({entry.edition}:{entry.version_of})",
        old_source=f"{entry.title} ({entry.id}, stage “{entry.stage}”): {entry.source}",
        new_source=f"{where}, in {final.title} ({final.id})",
        files=files,
    )
