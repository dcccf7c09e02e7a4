"""`build_report`: gather what the stages compute, section by section, and publish the page.

It holds no comparison logic of its own; the sections are built in their own modules
(lineage, redlines, terms, regions, methods) and the page is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.errors import InputError
from toolkit.render.docx import revision_date
from toolkit.render.drawing import ChartDrawer
from toolkit.render.report.lineage import link_redlines, overview_section
from toolkit.render.report.methods import methods_section
from toolkit.render.report.naming import edition_name, is_simulated, simulated_label
from toolkit.render.report.publish import ReportFiles, check_target, write_report
from toolkit.render.report.redlines import edition_redline, redlines_intro, version_redline
from toolkit.render.report.regions import regions_section
from toolkit.render.report.terms import terms_section, version_sides
from toolkit.render.report.view import Redline, ReportView, render_texts

if TYPE_CHECKING:
    from toolkit.align import Alignment
    from toolkit.align.model import ChangeKind
    from toolkit.corpus import CorpusEntry, Edition

# Called as progress(steps_done, steps_total, what_is_being_done).
ReportProgress = Callable[[int, int, str], None]


class _Steps:
    """Reports each named step to `progress` as it starts."""

    def __init__(self, progress: ReportProgress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, step: str) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total, step)
        self.done += 1

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total, "done")


def build_report(
    *,
    old_edition: str | None = None,
    new_edition: str = "baku-2025",
    out_dir: str | os.PathLike[str] | None = None,
    progress: ReportProgress | None = None,
    docx: bool = False,
    ignore: Collection[ChangeKind] = (),
    drawer: ChartDrawer | None = None,
) -> Path:
    """Write the comparison report and return the path of its index.html.

    Without `old_edition` the report covers what the shipped corpus supports: the lineage of
    `new_edition`, redlines of the real earlier versions of its parts that the corpus holds,
    term shifts inside the edition and regional emphasis. With it, every document is compared
    with its prior text; an edition the corpus lacks raises MissingEditionError before
    anything is written. With `docx`, each redline is also written as a Word file with
    tracked changes (`<redline id>.docx`) and linked from the page. `ignore`: kinds of
    change the redlines set aside (toolkit.align.kinds). `drawer` draws the charts; by
    default one is started here (give one started earlier to overlap more, as `wtdc
    report` does).
    """
    from toolkit.corpus import edition, open_corpus
    from toolkit.corpus.sources import parsed_edition
    from toolkit.parse import clauses_frame, parse_source

    new = edition(new_edition)
    old = edition(old_edition) if old_edition else None
    if old is not None and old.year >= new.year:
        raise InputError(
            f"--old {old.id} is not earlier than --new {new.id}; name an earlier edition "
            "with --old"
        )
    corpus = open_corpus()
    new_entry = corpus.final_report(new.id)
    old_entry = corpus.final_report(old.id) if old else None
    versions = [e for e in corpus.entries_for(new.id) if e.version_of and not e.is_final]
    name = new.id if old is None else f"{old.id}--{new.id}"
    target = Path(out_dir) if out_dir is not None else Path("reports") / name
    check_target(target)  # before the work, not only after it

    step = _Steps(progress, 5 + len(versions) + (old is not None))
    # Started first: a second process loads matplotlib while this one parses.
    with ChartDrawer() if drawer is None else nullcontext(drawer) as charts:
        step(f"Parsing the {edition_name(new)} final report")
        new_text = parsed_edition(new.id, corpus=corpus)
        new_clauses = clauses_frame(new_text.documents)
        # The sections with charts come next: their charts are drawn (in the second process
        # on a fresh run) while this one builds the rest.
        step("Regional emphasis")
        regions = regions_section(new_clauses, new, charts)
        # Each earlier version is read and parsed once, for its term shifts and its redline.
        version_docs = [parse_source(corpus.read(e)).documents for e in versions]
        old_clauses = None
        alignments: tuple[Alignment, ...] = ()
        extra_files = ReportFiles(revision_date=revision_date() if docx else None)
        edition_redlines: list[Redline] = []
        if old is not None and old_entry is not None:
            from toolkit.align import align_editions

            step(f"Redlines: {edition_name(old)} → {edition_name(new)}")
            old_clauses = clauses_frame(parsed_edition(old.id, corpus=corpus).documents)
            alignments = align_editions(old.id, new.id, corpus=corpus)
            edition_redlines.append(edition_redline(alignments, old_entry, new_entry,
                                                    extra_files, ignore=ignore))
        step("Term shifts")
        terms = terms_section(
            new_clauses, old_clauses, new, old, charts, alignments=alignments,
            versions=[version_sides(e, docs, new_text)
                      for e, docs in zip(versions, version_docs, strict=True)],
            simulated=old_entry is not None and is_simulated(old_entry))

        step("Reading the lineage tables")
        overview = overview_section(corpus, new, old, new_text)
        redlines: list[Redline] = []
        for entry, old_docs in zip(versions, version_docs, strict=True):
            step(f"Redline: {entry.title}")
            redlines.append(version_redline(corpus, entry, old_docs, new_text, extra_files,
                                            ignore=ignore))
        redlines += edition_redlines
        step("Writing the report")
        overview = link_redlines(overview, redlines)
        extra_files["texts.html"] = render_texts(
            new_text.documents,
            title=simulated_label(f"The texts of the {edition_name(new)} final report",
                                  is_simulated(new_entry)),
            subtitle=f"{new_entry.title} ({new_entry.id}), document by document, as this "
            "report read it. Each resolution and Recommendation of the report's lineage "
            "table links here.")
        simulated = tuple(f"{e.id}: {e.title}" for e in (new_entry, old_entry, *versions)
                          if e is not None and is_simulated(e))
        view = ReportView(
            name=name,
            title=simulated_label(_title(new, old), bool(simulated)),
            subtitle=_subtitle(new, old, new_entry),
            overview=overview,
            redlines_intro=redlines_intro(new, old, versions),
            redlines=tuple(redlines),
            terms=terms,
            regions=regions,
            methods=methods_section(corpus, new, old, overview, simulated),
            simulated=simulated,
        )
        page = write_report(view, target, extra_files)
    step.finish()
    return page


def _title(new: Edition, old: Edition | None) -> str:
    if old is None:
        return f"WTDC comparison report: {new.city} {new.year}"
    return f"WTDC comparison report: {old.city} {old.year} → {new.city} {new.year}"


def _subtitle(new: Edition, old: Edition | None, entry: CorpusEntry) -> str:
    if old is None:
        return (
            f"{entry.title}, with the real earlier versions of its parts that the corpus holds."
            " No earlier edition's final report is in the corpus."
        )
    return (f"Every text of the {edition_name(new)} final report beside its "
            f"{edition_name(old)} version.")
