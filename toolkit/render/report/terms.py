"""The report's term shifts: one contrast per comparison (chart, table of directions,
drivers), every one titled with its two sides."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from toolkit.render.chart_data import rate_ratio_data
from toolkit.render.drawing import ChartDrawer, ChartRequest
from toolkit.render.report.naming import edition_name
from toolkit.render.report.tables import Column, table_from_frame
from toolkit.render.report.view import Chart, Contrast, Measures

if TYPE_CHECKING:
    import polars as pl

    from toolkit.align import Alignment
    from toolkit.corpus import CorpusEntry, Edition
    from toolkit.parse import Document, ParsedText


_SHIFT_COLUMNS = (
    Column("label", "Theme"),
    Column("direction", "Direction"),
    Column("reason", "Why unclear"),
    Column("old_count", "Count (old)", numeric=True),
    Column("new_count", "Count (new)", numeric=True),
    Column("rate_ratio", "Rate ratio", numeric=True),
    Column("boot_low", "Bootstrap 95% interval", numeric=True, upper="boot_high"),
    Column("top_document", "Top document"),
    Column("top_document_share", "Its share", numeric=True),
    Column("ratio_without_top", "Ratio without it", numeric=True),
    Column("z", "Log-odds z", numeric=True),
)

_DRIVER_COLUMNS = (
    Column("label", "Theme"), Column("side", "Side"), Column("document", "Document"),
    Column("count", "Count", numeric=True), Column("share", "Share of the side", numeric=True),
    Column("ratio_without", "Ratio without it", numeric=True), Column("clause", "Clause"),
    Column("context", "In context"),
)


@dataclass(frozen=True)
class Sides:
    """Two groups of clauses compared, each named in words."""

    old: pl.DataFrame
    new: pl.DataFrame
    old_name: str
    new_name: str


def version_sides(entry: CorpusEntry, old_docs: Sequence[Document], new_text: ParsedText
                  ) -> tuple[str, Sides]:
    """A real earlier version of part of the edition (`old_docs`, the parse of `entry`) and
    that part of its final report."""
    from toolkit.parse import clauses_frame

    assert entry.version_of is not None
    return entry.version_of, Sides(
        clauses_frame(old_docs),
        clauses_frame(new_text.select(entry.version_of)),
        entry.title, f"the adopted text ({entry.edition}:{entry.version_of})",
    )


def _contrast(id: str, title: str, text: str, sides: Sides, drawer: ChartDrawer) -> Contrast:
    """Chart, table and drivers of one comparison, every one of them titled with both sides."""
    import polars as pl

    from toolkit.measure import findings, term_drivers, term_shifts

    shifts = term_shifts(sides.old, sides.new)
    present = shifts.filter((pl.col("old_count") + pl.col("new_count")) > 0)
    changed = present.filter(pl.col("old_count") != pl.col("new_count")).height
    chart_id = f"chart-{id}"
    # Where no count changed, the ratios move only with the texts' lengths: a chart of them
    # would show nothing but noise around 1 (and each chart costs 0.2-0.4 s of CPU to draw).
    charts = (Chart(
        chart_id,
        f"{title}. Dots: rate ratio per theme (log scale); lines: bootstrap 95% interval over "
        "whole documents, with an arrow where it is open-ended; a hollow dot has none (a side "
        "without the theme). Blue higher, orange lower, grey unclear; a theme one document "
        "carries names it. Themes on neither side are left out.",
        drawer.submit(ChartRequest(
            rate_ratio_data(shifts, old_name=sides.old_name, new_name=sides.new_name,
                            title=_wrap_title(title)),
            id=chart_id, title=title, size=(7.5, max(2.5, 0.3 * present.height + 1.6)),
        )),
    ),) if changed else ()
    unchanged = "" if changed else (
        f" Each of the {present.height} themes present is counted the same number of times on "
        "both sides: the rates differ only with the texts' lengths, so there is no chart."
    )
    table = table_from_frame(
        shifts.sort("z", descending=True),
        id=id,
        caption=f"{title}: counts, rates per 10,000 tokens, their ratio and its direction",
        columns=_SHIFT_COLUMNS,
        note=f"Old: {sides.old_name}. New: {sides.new_name}. Sorted by log-odds z, most risen "
        "first. Higher or lower only where the bootstrap interval excludes 1 and no single "
        "document carries half the theme's count on the side that grew (or shrank); the top "
        "document is that one, and “ratio without it” the shift with it left out.",
    )
    drivers = term_drivers(sides.old, sides.new).with_columns(
        context=pl.concat_str(pl.lit("…"), pl.col("left"), pl.lit(" ["), pl.col("match"),
                              pl.lit("] "), pl.col("right"), pl.lit("…")))
    details = table_from_frame(
        drivers.drop("left", "match", "right"),
        id=f"{id}-drivers",
        caption=f"What drives each theme, {title}: the three documents carrying most of the "
        "side that grew (or shrank), the clause with most matches in each, and the ratio "
        "without that document",
        columns=_DRIVER_COLUMNS,
    )
    findings_ = findings(shifts, old_name=sides.old_name, new_name=sides.new_name)
    return Contrast(id, title, f"{text}{unchanged} {findings_}", charts, (table,), (details,))


def _wrap_title(title: str) -> str:
    return textwrap.fill(title, 70)


_RULE = (
    "A theme is called higher or lower only when the bootstrap interval over whole "
    "documents excludes 1 and no single document carries half or more of its count on the "
    "side that grew (or shrank); otherwise it is unclear, drawn grey."
)


def terms_section(new_clauses: pl.DataFrame, old_clauses: pl.DataFrame | None,
                  new: Edition, old: Edition | None, drawer: ChartDrawer, *,
                  alignments: Sequence[Alignment] = (),
                  versions: Sequence[tuple[str, Sides]] = (), simulated: bool = False
                  ) -> Measures:
    """Term shifts as named contrasts: real earlier versions first, then the editions or,
    without an earlier edition, the within-edition contrast labelled as such; `drawer`
    draws their charts."""
    from toolkit.measure import revision_sides

    if old_clauses is None or old is None:
        unchanged, revised = revision_sides(new_clauses, edition_label=new.label)
        within = Sides(unchanged, revised, "resolutions left unchanged",
                        f"resolutions revised at {new.city}")
        contrasts = (
            *(_contrast(f"term-shifts-{part}",
                        f"{sides.old_name} vs {sides.new_name}",
                        "A real earlier version against the adopted text: what the last "
                        "edits of this part changed.", sides, drawer)
              for part, sides in versions),
            _contrast(
                "term-shifts",
                f"Within {edition_name(new)}, not between editions: resolutions revised at "
                f"{new.city} vs resolutions left unchanged",
                f"Two groups of {edition_name(new)} texts, not two versions of one: the "
                f"resolutions {edition_name(new)} adopted or revised (new side) against those it "
                "left as earlier editions had them (old side). A difference here says what the "
                f"texts {edition_name(new)} worked on are about, not how any text changed.",
                within, drawer),
        )
        intro = (
            f"No earlier edition is in the corpus. The real changes of text it holds come "
            f"first: {len(versions)} earlier versions of parts of the {edition_name(new)} final "
            "report against the adopted text. The last comparison stays inside "
            f"{edition_name(new)} and is labelled as such. {_RULE}"
        )
        return Measures(intro=intro, contrasts=contrasts)
    old_name = edition_name(old) + (" (SIMULATED)" if simulated else "")
    editions = _contrast(
        "term-shifts", f"{old_name} vs {edition_name(new)}",
        f"Theme frequencies in all texts of the {old_name} final report (old side) against the "
        f"{edition_name(new)} one (new side).",
        Sides(old_clauses, new_clauses, old_name, edition_name(new)), drawer)
    intro = f"How often each theme occurs in {edition_name(new)} against {old_name}. {_RULE}"
    if not alignments:
        return Measures(intro=intro, contrasts=(editions,))
    from toolkit.measure import edit_shifts

    count = Column("", "", numeric=True)
    parts = table_from_frame(
        edit_shifts(alignments),
        id="edit-shifts",
        caption=f"Where each theme's change sits, {old_name} → {edition_name(new)}: kept text, "
        "words changed inside edited clauses, whole clauses and whole documents",
        columns=(
            Column("label", "Theme"),
            *(replace(count, key=key, label=label) for key, label in (
                ("old_count", "Old"), ("kept_old", "Kept (old)"),
                ("deleted_in_edited", "Deleted in edited clauses"),
                ("deleted_clauses", "Deleted clauses"),
                ("dropped_documents", "Dropped documents"),
                ("new_count", "New"), ("kept_new", "Kept (new)"),
                ("inserted_in_edited", "Inserted in edited clauses"),
                ("inserted_clauses", "Inserted clauses"),
                ("new_documents", "New documents"),
            )),
        ),
        note="Old = kept + deleted in edited clauses + deleted clauses + dropped documents; "
        "new likewise. A match the diff touched anywhere counts as changed.",
    )
    return Measures(intro=intro, contrasts=(replace(editions, tables=(*editions.tables, parts)),))
