"""The comparison report: one self-contained HTML page plus the CSV and JSON of every table.

The report only gathers what the pipeline stages compute (corpus, parse, lineage, diff,
measure) and renders it; it holds no comparison logic of its own. Output is deterministic —
no timestamps, fixed SVG ids — so the same inputs give a byte-identical report, and it is
published atomically: a failed run never leaves a half-written report directory.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from toolkit.errors import InputError
from toolkit.files import atomic_write_text
from toolkit.render.templates import asset, environment
from toolkit.version import __version__

if TYPE_CHECKING:
    import polars as pl
    from matplotlib.axes import Axes

    from toolkit.align import Alignment
    from toolkit.corpus import Corpus, CorpusEntry, Edition
    from toolkit.diff.model import TextDiff
    from toolkit.parse import ParsedText
    from toolkit.parse.lineage import LineageRow

# Called as progress(steps_done, steps_total, what_is_being_done).
ReportProgress = Callable[[int, int, str], None]


# --- what the template shows -----------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    digits: int | None = None  # decimals shown in HTML for a float column; files keep all
    max_chars: int | None = None  # cut long values (hashes) in HTML; files keep all
    code: bool = False  # a command or identifier, shown in monospace
    upper: str | None = None  # the key of an interval's upper end: shown "low–high"


@dataclass(frozen=True)
class Cell:
    text: str
    css: str = ""


@dataclass(frozen=True)
class ReportTable:
    """A table as shown in the page and as written beside it as `<id>.csv` and `<id>.json`."""

    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Mapping[str, Any], ...]
    note: str = ""

    @property
    def cells(self) -> tuple[tuple[Cell, ...], ...]:
        return tuple(
            tuple(
                _interval(row.get(c.key), row.get(c.upper), c) if c.upper
                else _cell(row.get(c.key), c)
                for c in self.columns
            )
            for row in self.rows
        )

    @property
    def fields(self) -> tuple[str, ...]:
        """The columns of the files: every field of the rows, not only those shown."""
        shown = [k for c in self.columns for k in (c.key, c.upper) if k]
        extra = [k for k in (self.rows[0] if self.rows else {}) if k not in shown]
        return (*shown, *extra)

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.fields)
        for row in self.rows:
            writer.writerow([_csv_value(row.get(key)) for key in self.fields])
        return buffer.getvalue()

    def to_json(self) -> str:
        records = [{key: _json_value(row.get(key)) for key in self.fields} for row in self.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Chart:
    id: str
    caption: str
    svg: Markup


@dataclass(frozen=True)
class KeyFigure:
    value: str
    what: str


@dataclass(frozen=True)
class Overview:
    paragraphs: tuple[str, ...]
    figures: tuple[KeyFigure, ...]
    sources: ReportTable
    lineage_text: str
    lineage_summary: ReportTable
    lineage: ReportTable
    missing_text: str
    missing: ReportTable
    prior: ReportTable


@dataclass(frozen=True)
class Redline:
    id: str
    title: str
    old_source: str
    new_source: str
    summary: str
    fragment: Markup


@dataclass(frozen=True)
class Contrast:
    """One comparison of the term-shift section, under a heading naming its two sides."""

    id: str
    title: str
    text: str
    charts: tuple[Chart, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    details: tuple[ReportTable, ...] = ()


@dataclass(frozen=True)
class Measures:
    intro: str
    charts: tuple[Chart, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    details: tuple[ReportTable, ...] = ()  # long tables, folded away until asked for
    contrasts: tuple[Contrast, ...] = ()  # shown after the charts and tables above


@dataclass(frozen=True)
class MethodsPart:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    commands: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReportView:
    name: str
    title: str
    subtitle: str
    overview: Overview
    redlines_intro: str
    redlines: tuple[Redline, ...]
    terms: Measures
    regions: Measures
    methods: tuple[MethodsPart, ...]
    # Sources derived from real text by programmatic edits ("File id: title"): shown in a
    # banner at the top and in every title that draws on them.
    simulated: tuple[str, ...] = ()

    @property
    def tables(self) -> tuple[ReportTable, ...]:
        o = self.overview
        return (
            o.sources, o.lineage_summary, o.lineage, o.missing, o.prior,
            *self.terms.tables, *self.terms.details,
            *(t for c in self.terms.contrasts for t in (*c.tables, *c.details)),
            *self.regions.tables, *self.regions.details,
        )


# --- rendering --------------------------------------------------------------------------


def _cell(value: Any, column: Column) -> Cell:
    css = "num" if column.numeric else "mono" if column.code else (
        "wide" if column.key in {"title", "source", "reason"} else "")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Cell("—", css)
    if isinstance(value, bool):
        return Cell("yes" if value else "no", css)
    if isinstance(value, float):
        digits = 2 if column.digits is None else column.digits
        if math.isinf(value):
            return Cell("∞" if value > 0 else "−∞", css)
        return Cell(f"{value:,.{digits}f}".replace("-", "−"), css)
    if isinstance(value, int):
        return Cell(f"{value:,}", css)
    if isinstance(value, (list, tuple)):
        return Cell("; ".join(str(v) for v in value), css)
    text = str(value)
    if column.max_chars is not None and len(text) > column.max_chars:
        text = text[: column.max_chars] + "…"
    return Cell(text, css)


def _interval(low: Any, high: Any, column: Column) -> Cell:
    ends = (_cell(low, column).text, _cell(high, column).text)
    return Cell("—" if ends == ("—", "—") else f"{ends[0]}–{ends[1]}", "num")


def _csv_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, tuple):
        return list(value)
    return value


def table_from_frame(
    frame: pl.DataFrame,
    *,
    id: str,
    caption: str,
    columns: Sequence[Column],
    note: str = "",
) -> ReportTable:
    """Show the named columns of a stage's frame; the files keep every column."""
    return ReportTable(id, caption, tuple(columns), tuple(frame.to_dicts()), note)


_SVG_ID = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def chart_svg(draw: Callable[[Axes], object], *, id: str, title: str,
              size: tuple[float, float] = (7.5, 4.2)) -> Markup:
    """Draw onto a fresh figure and return it as inline SVG with ids unique to this chart.

    A fixed hash salt and no date make the SVG byte-identical from run to run; text is drawn
    as paths so the page needs no fonts.
    """
    import matplotlib
    from matplotlib.figure import Figure

    figure = Figure(figsize=size)
    draw(figure.add_subplot())
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"wtdc-{id}", "svg.fonttype": "path"}):
        # "tight" grows the canvas to the labels, so a long title or tick label is never cut.
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight",
                       pad_inches=0.05)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{id}-{m.group(2)}", svg)
    label = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Markup(svg.strip())


def render_report(view: ReportView) -> str:
    """The page's HTML; every text from the inputs goes through autoescaping."""
    template = environment().get_template("report.html.j2")
    return template.render(
        version=__version__,
        title=view.title,
        subtitle=view.subtitle,
        overview=view.overview,
        redlines_intro=view.redlines_intro,
        redlines=view.redlines,
        terms=view.terms,
        regions=view.regions,
        methods=view.methods,
        simulated=view.simulated,
        downloads=view.tables,
        css=asset("report.css"),
        js=asset("report.js"),
    )


# --- publishing -------------------------------------------------------------------------


def publish(files: Mapping[str, str], target: Path) -> Path:
    """Write every file into a fresh directory beside `target`, then swap it into place.

    `target` may only be replaced if it is empty or an earlier report (it has index.html):
    `-o DIR` pointing at a folder of the user's own files must not wipe it.
    """
    if target.exists() and (
        not target.is_dir() or (any(target.iterdir()) and not (target / "index.html").is_file())
    ):
        raise InputError(
            f"{target} exists and is not a wtdc report; choose another directory with -o"
            " or remove it"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    try:
        for name, text in files.items():
            atomic_write_text(staging / name, text).chmod(0o644)
        staging.chmod(0o755)
        retired = None
        if target.exists():
            retired = staging.with_suffix(".old")
            os.replace(target, retired)
        try:
            os.replace(staging, target)
        except BaseException:
            if retired is not None:
                os.replace(retired, target)
            raise
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def write_report(view: ReportView, target: Path, extra: Mapping[str, str] | None = None) -> Path:
    """Publish the page, its tables and any `extra` files (name → text) as one directory."""
    files = {"index.html": render_report(view), **(extra or {})}
    for table in view.tables:
        files[f"{table.id}.csv"] = table.to_csv()
        files[f"{table.id}.json"] = table.to_json()
    publish(files, target)
    return target / "index.html"


# --- gathering what the stages computed -------------------------------------------------


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
) -> Path:
    """Write the comparison report and return the path of its index.html.

    Without `old_edition` the report covers what the shipped corpus supports: the lineage of
    `new_edition`, redlines of the real earlier versions of its parts that the corpus holds,
    term shifts inside the edition and regional emphasis. With it, every document is compared
    with its prior text; an edition the corpus lacks raises MissingEditionError before
    anything is written.
    """
    from toolkit.corpus import edition, open_corpus
    from toolkit.corpus.sources import parsed_edition
    from toolkit.parse import clauses_frame

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

    step = _Steps(progress, 5 + len(versions) + (old is not None))
    step(f"Parsing the {_name(new)} final report")
    new_text = parsed_edition(new.id, corpus=corpus)
    new_clauses = clauses_frame(new_text.documents)

    step("Reading the lineage tables")
    overview = _overview(corpus, new, old, new_text)

    redlines: list[Redline] = []
    extra_files: dict[str, str] = {}
    for entry in versions:
        step(f"Redline: {entry.title}")
        redlines.append(_version_redline(corpus, entry, new_text, extra_files))
    old_clauses = None
    alignments: tuple[Alignment, ...] = ()
    if old is not None and old_entry is not None:
        from toolkit.align import align_editions

        step(f"Redlines: {_name(old)} → {_name(new)}")
        old_clauses = clauses_frame(parsed_edition(old.id, corpus=corpus).documents)
        alignments = align_editions(old.id, new.id, corpus=corpus)
        redlines.append(_edition_redline(alignments, old_entry, new_entry, extra_files))

    step("Term shifts")
    terms = _terms(new_clauses, old_clauses, new, old, alignments=alignments,
                   versions=[_version_sides(corpus, e, new_text) for e in versions],
                   simulated=old_entry is not None and is_simulated(old_entry))
    step("Regional emphasis")
    regions = _regions(new_clauses, new)
    step("Writing the report")
    simulated = tuple(f"{e.id}: {e.title}" for e in (new_entry, old_entry, *versions)
                      if e is not None and is_simulated(e))
    view = ReportView(
        name=name,
        title=_simulated_label(_title(new, old), bool(simulated)),
        subtitle=_subtitle(new, old, new_entry),
        overview=overview,
        redlines_intro=_redlines_intro(new, old, versions),
        redlines=tuple(redlines),
        terms=terms,
        regions=regions,
        methods=_methods(corpus, new, old, overview, simulated),
        simulated=simulated,
    )
    page = write_report(view, target, extra_files)
    step.finish()
    return page


def _name(e: Edition) -> str:
    """An edition in running text: "Baku 2025" (its label, "Baku, 2025", is for matching)."""
    return f"{e.city} {e.year}"


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
    return f"Every text of the {_name(new)} final report beside its {_name(old)} version."


def _tally(values: Iterable[str]) -> str:
    """"Kigali, 2022 (44); Dubai, 2014 (8)": most frequent first, then by name."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{value} ({n})" for value, n in ordered)


def _overview(corpus: Corpus, new: Edition, old: Edition | None, parsed: ParsedText) -> Overview:
    from toolkit.corpus import edition, edition_by_label
    from toolkit.corpus.sources import edition_lineage
    from toolkit.parse import check_corpus

    lineage = edition_lineage(new.id, corpus=corpus)
    current = lineage.current
    check = check_corpus(lineage, parsed.documents)
    editions = {new.id} | ({old.id} if old else set())
    sources = ReportTable(
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
    fates = ("new", "revised", "unchanged", "abrogated")
    by_fate = {fate: [r for r in current if r.baku == fate] for fate in fates}
    summary = ReportTable(
        "lineage-summary",
        f"What {_name(new)} did to the resolutions and Recommendations",
        (
            Column("fate", f"At {_name(new)}"),
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
        f"Every resolution and Recommendation {_name(new)} acted on: its history, its fate "
        "and its prior edition",
        (
            Column("doc_id", "Document"), Column("title", "Title"),
            Column("first_approved", "First approved"), Column("history", "History"),
            Column("status", "Status"), Column("baku", f"At {_name(new)}"),
            Column("prior_edition", "Prior edition"),
            Column("text_in_corpus", "Text in corpus"),
        ),
        tuple(_lineage_fields(r) for r in current),
        note=f"{len(lineage.rows) - len(current)} further rows of the status table are texts "
        "abrogated or made obsolete before this edition; `wtdc lineage` lists them all.",
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
            "to_add": None if in_corpus or known is None else _add_command(known),
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
        KeyFigure(str(len(by_fate["new"])), f"new at {_name(new)}"),
        KeyFigure(str(len(by_fate["revised"])), f"revised at {_name(new)}"),
        KeyFigure(str(len(by_fate["unchanged"])), "unchanged since an earlier edition"),
        KeyFigure(str(len(by_fate["abrogated"])), f"abrogated at {_name(new)}"),
        KeyFigure(str(len(check.missing_text)), "texts in force missing from the corpus"),
    )
    paragraphs = [
        f"This report reads the {_name(new)} final report from the corpus ({len(parsed.documents)}"
        " documents: declaration, action plan, regional initiatives, resolutions, "
        "Recommendations and study Questions) and compares it with the earlier versions "
        "listed under “Sources compared”.",
    ]
    if absent:
        paragraphs.append(
            f"{sum(row['texts'] for row in absent)} texts were revised or left unchanged at "
            f"{_name(new)}, but the editions that hold their earlier versions are not in the "
            f"corpus ({', '.join(_name(edition(row['edition_id'])) for row in absent)}), so they "
            "cannot be compared clause by clause here. Methods → What is missing says how to "
            "add them."
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
            f"its text in the {_name(new)} final report of the corpus."
        )
    return Overview(
        paragraphs=tuple(paragraphs),
        figures=figures,
        sources=sources,
        lineage_text=(
            f"From the final report's status table, the list of resolutions abrogated by "
            f"{_name(new)} and the renumbering of study Questions. The prior edition is the "
            f"last edition before {_name(new)} that adopted or revised the text: where a "
            "comparison has to start."
        ),
        lineage_summary=summary,
        lineage=lineage_table,
        missing_text=missing_text,
        missing=missing,
        prior=prior,
    )


def _lineage_fields(row: LineageRow) -> dict[str, Any]:
    return {
        "doc_id": row.doc_id, "kind": row.kind, "number": row.number, "title": row.title,
        "first_approved": row.first_approved, "history": list(row.history),
        "status": row.status, "baku": row.baku, "prior_edition": row.prior_edition,
        "text_in_corpus": row.text_in_corpus,
    }


def _add_command(missing: Edition) -> str:
    return f"wtdc corpus add PATH --edition {missing.id} --kind final-report"


def _nest_headings(fragment: str, levels: int) -> Markup:
    """Move a fragment's headings `levels` down so they sit under the report's own."""
    return Markup(re.sub(
        r"<(/?)h([1-6])\b", lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + levels, 6)}",
        fragment,
    ))


def _redline(diff: TextDiff, *, id: str, title: str, old_source: str, new_source: str,
             files: dict[str, str]) -> Redline:
    from toolkit.render.diff_html import render_diff_fragment

    stat = diff.stat()
    changed = sum(c.changed() for c in diff.clauses)
    summary = (
        f"{changed} of {len(diff.clauses)} clause pairs changed: {stat.relabelled} relabelled, "
        f"{len(diff.clauses) - stat.clauses.get('unchanged', 0)} with other changes; "
        f"{stat.words_added} words added, {stat.words_removed} removed."
    )
    files[f"{id}.json"] = diff.to_json()
    files[f"{id}.csv"] = diff.frame().write_csv()
    return Redline(
        id=id, title=title, old_source=old_source, new_source=new_source, summary=summary,
        fragment=_nest_headings(render_diff_fragment(diff), 2),
    )


def _edition_redline(alignments: Sequence[Alignment], old_entry: CorpusEntry,
                     new_entry: CorpusEntry, files: dict[str, str]) -> Redline:
    """Every document of the new edition against its partner in the old one, paired by the
    new edition's lineage (resolutions), renumbering (Questions), code and title."""
    from toolkit.diff import diff_alignments

    diff = diff_alignments(alignments, old_name=old_entry.edition, new_name=new_entry.edition)
    return _redline(
        diff,
        id=f"redline-{old_entry.edition}--{new_entry.edition}",
        title=_simulated_label(f"{old_entry.title} → {new_entry.title}",
                               is_simulated(old_entry) or is_simulated(new_entry)),
        old_source=f"{old_entry.title} ({old_entry.id}): {old_entry.source}",
        new_source=f"{new_entry.title} ({new_entry.id}): {new_entry.source}",
        files=files,
    )


def _redlines_intro(new: Edition, old: Edition | None, versions: Sequence[CorpusEntry]) -> str:
    if old is not None:
        return (
            f"Every document of the {_name(new)} final report against its {_name(old)} "
            "version, paired by the lineage tables (resolutions, Recommendations), the "
            "renumbering of study Questions, and code and title (regional initiatives); a "
            "document without a partner is shown wholly inserted or deleted."
        )
    if not versions:
        return (
            f"The corpus holds no earlier version of any {_name(new)} text, and no earlier "
            "edition: there is nothing to redline. Methods → What is missing says how to add one."
        )
    return (
        f"The corpus holds no earlier edition, but it holds {len(versions)} real earlier "
        f"versions of parts of the {_name(new)} final report. Each is compared clause by clause "
        "with the adopted text. Only changed clauses are shown; relabelling alone "
        "(i) → 1)) counts as a change."
    )


def _version_redline(corpus: Corpus, entry: CorpusEntry, new_text: ParsedText,
                     files: dict[str, str]) -> Redline:
    """A real earlier version of part of the edition against that part of its final report."""
    from toolkit.diff import diff_sources
    from toolkit.parse import parse_source

    assert entry.version_of is not None
    new_docs = new_text.select(entry.version_of)
    diff = diff_sources(
        parse_source(corpus.read(entry)).documents, new_docs,
        old_name=entry.id, new_name=f"{entry.edition}:{entry.version_of}",
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


# Shown in the page; the files keep every column (rates per 10k, Wilson interval, LRC, …).
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
class _Sides:
    """Two groups of clauses compared, each named in words."""

    old: pl.DataFrame
    new: pl.DataFrame
    old_name: str
    new_name: str


def _version_sides(corpus: Corpus, entry: CorpusEntry, new_text: ParsedText
                   ) -> tuple[str, _Sides]:
    """A real earlier version of part of the edition and that part of its final report."""
    from toolkit.parse import clauses_frame, parse_source

    assert entry.version_of is not None
    return entry.version_of, _Sides(
        clauses_frame(parse_source(corpus.read(entry)).documents),
        clauses_frame(new_text.select(entry.version_of)),
        entry.title, f"the adopted text ({entry.edition}:{entry.version_of})",
    )


def _contrast(id: str, title: str, text: str, sides: _Sides) -> Contrast:
    """Chart, table and drivers of one comparison, every one of them titled with both sides."""
    import polars as pl

    from toolkit.measure import findings, term_drivers, term_shifts
    from toolkit.render.charts import rate_ratio_chart

    shifts = term_shifts(sides.old, sides.new)
    present = shifts.filter((pl.col("old_count") + pl.col("new_count")) > 0)
    changed = present.filter(pl.col("old_count") != pl.col("new_count")).height
    chart_id = f"chart-{id}"
    # Where no count changed, the ratios move only with the texts' lengths: a chart of them
    # would show nothing but noise around 1 (and each chart costs a report ~0.6 s).
    charts = (Chart(
        chart_id,
        f"{title}. Dots: rate ratio per theme (log scale); lines: bootstrap 95% interval over "
        "whole documents, with an arrow where it is open-ended; a hollow dot has none (a side "
        "without the theme). Blue higher, orange lower, grey unclear; a theme one document "
        "carries names it. Themes on neither side are left out.",
        chart_svg(
            lambda ax: rate_ratio_chart(shifts, ax, old_name=sides.old_name,
                                        new_name=sides.new_name, title=_wrap_title(title)),
            id=chart_id, title=title, size=(7.5, max(2.5, 0.3 * present.height + 1.6)),
        ),
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


def _terms(new_clauses: pl.DataFrame, old_clauses: pl.DataFrame | None, new: Edition,
           old: Edition | None, *, alignments: Sequence[Alignment] = (),
           versions: Sequence[tuple[str, _Sides]] = (), simulated: bool = False) -> Measures:
    from toolkit.measure import revision_sides

    if old_clauses is None or old is None:
        unchanged, revised = revision_sides(new_clauses, edition_label=new.label)
        within = _Sides(unchanged, revised, "resolutions left unchanged",
                        f"resolutions revised at {new.city}")
        contrasts = (
            *(_contrast(f"term-shifts-{part}",
                        f"{sides.old_name} vs {sides.new_name}",
                        "A real earlier version against the adopted text: what the last "
                        "edits of this part changed.", sides)
              for part, sides in versions),
            _contrast(
                "term-shifts",
                f"Within {_name(new)}, not between editions: resolutions revised at "
                f"{new.city} vs resolutions left unchanged",
                f"Two groups of {_name(new)} texts, not two versions of one: the resolutions "
                f"{_name(new)} adopted or revised (new side) against those it left as earlier "
                "editions had them (old side). A difference here says what the texts "
                f"{_name(new)} worked on are about, not how any text changed.", within),
        )
        intro = (
            f"No earlier edition is in the corpus. The real changes of text it holds come "
            f"first: {len(versions)} earlier versions of parts of the {_name(new)} final "
            "report against the adopted text. The last comparison stays inside "
            f"{_name(new)} and is labelled as such. {_RULE}"
        )
        return Measures(intro=intro, contrasts=contrasts)
    old_name = _name(old) + (" (SIMULATED)" if simulated else "")
    editions = _contrast(
        "term-shifts", f"{old_name} vs {_name(new)}",
        f"Theme frequencies in all texts of the {old_name} final report (old side) against the "
        f"{_name(new)} one (new side).",
        _Sides(old_clauses, new_clauses, old_name, _name(new)))
    intro = f"How often each theme occurs in {_name(new)} against {old_name}. {_RULE}"
    if not alignments:
        return Measures(intro=intro, contrasts=(editions,))
    from toolkit.measure import edit_shifts

    count = Column("", "", numeric=True)
    parts = table_from_frame(
        edit_shifts(alignments),
        id="edit-shifts",
        caption=f"Where each theme's change sits, {old_name} → {_name(new)}: kept text, words "
        "changed inside edited clauses, whole clauses and whole documents",
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


def _regions(new_clauses: pl.DataFrame, new: Edition) -> Measures:
    from toolkit.measure import leading_regions, region_emphasis
    from toolkit.render.charts import region_heatmap

    emphasis = region_emphasis(new_clauses)
    leading = leading_regions(emphasis)
    title = f"Regional initiatives, {_name(new)}: mentions per 10,000 tokens"
    charts = (
        Chart(
            "chart-region-rates",
            f"{title}, by region (columns) and theme (rows). Each theme's leading region is "
            "boxed: solid where its lead is clear, dashed where it is not (its interval "
            "overlaps the runner-up's, or one initiative carries it); a star marks a cell one "
            "initiative holds half or more of.",
            chart_svg(lambda ax: region_heatmap(emphasis, ax, edition_name=new.label,
                                                title=title),
                      id="chart-region-rates", title=title, size=(7.5, 7.5)),
        ),
    )
    leaders = (
        table_from_frame(
            leading,
            id="region-leaders",
            caption=f"The region that stresses each theme most in its {_name(new)} regional "
            "initiatives",
            columns=(
                Column("label", "Theme"), Column("region", "Leading region"),
                Column("count", "Mentions", numeric=True),
                Column("rate_per_10k", "Per 10k", numeric=True, digits=1),
                Column("rate_low", "95% interval", numeric=True, digits=1, upper="rate_high"),
                Column("z", "One-vs-rest z", numeric=True),
                Column("initiatives_with_theme", "Initiatives with it", numeric=True),
                Column("initiatives", "Initiatives", numeric=True),
                Column("top_initiative", "Top initiative"),
                Column("top_initiative_share", "Its share", numeric=True),
                Column("runner_up", "Runner-up"),
                Column("clear_lead", "Clear lead"),
                Column("reason", "Why not clear"),
            ),
            note="A lead is clear only when the leader's interval lies wholly above the "
            "runner-up's and no single initiative holds half or more of the leader's mentions.",
        ),
    )
    matrix = (
        table_from_frame(
            emphasis,
            id="region-emphasis",
            caption="Region × theme: mentions, rates with intervals, z-scores and dispersion",
            columns=(
                Column("region", "Region"), Column("label", "Theme"),
                Column("count", "Mentions", numeric=True),
                Column("tokens", "Tokens", numeric=True),
                Column("rate_per_10k", "Per 10k", numeric=True, digits=1),
                Column("rate_low", "95% interval", numeric=True, digits=1, upper="rate_high"),
                Column("z", "One-vs-rest z", numeric=True),
                Column("initiatives_with_theme", "Initiatives with it", numeric=True),
                Column("initiatives", "Initiatives", numeric=True),
                Column("top_initiative", "Top initiative"),
                Column("top_initiative_share", "Its share", numeric=True),
            ),
        ),
    )
    clear = int(leading["clear_lead"].sum())
    intro = (
        f"The {emphasis.get_column('region').n_unique()} regions' initiatives in the "
        f"{_name(new)} final report (Part III), theme by theme. A region stresses a theme when "
        "its rate is high and its one-vs-rest z-score is large; dispersion says in how many of "
        "the region's initiatives the theme appears at all. A region's lead on a theme is "
        "called clear only when its interval lies above the runner-up's and no one initiative "
        f"carries it: {clear} of the {leading.height} leads are clear."
    )
    return Measures(intro=intro, charts=charts, tables=leaders, details=matrix)


def is_simulated(entry: CorpusEntry) -> bool:
    """A corpus file derived from real text by programmatic edits, as its manifest says.

    Simulated texts say so in their title or source ("(simulated)", "SIMULATED"); the manifest
    has no other field for it, and a report must never pass one off as an edition's text.
    """
    return "simulated" in f"{entry.title} {entry.source}".lower()


def _simulated_label(text: str, simulated: bool) -> str:
    """`text`, opening with SIMULATED when it draws on a simulated source and does not yet."""
    return f"SIMULATED: {text}" if simulated and not text.startswith("SIMULATED") else text


def _methods(corpus: Corpus, new: Edition, old: Edition | None, overview: Overview,
             simulated: Sequence[str]) -> tuple[MethodsPart, ...]:
    from toolkit.corpus import edition as known_edition

    absent = [known_edition(e) for e in corpus.missing_final_reports() if e != new.id]
    # The two editions a reader of the Baku texts needs first, then any older ones.
    absent.sort(key=lambda e: (e.id not in ("kigali-2022", "buenos-aires-2017"), -e.year))
    commands = tuple(
        f"# {_name(missing)}: fetch it (needs access to itu.int) or add your download\n"
        f"wtdc corpus fetch {missing.id}\n"
        f"{_add_command(missing)}\n"
        f"wtdc report --old {missing.id}"
        for missing in absent[:2]
    )
    missing_texts = len(overview.missing.rows)
    return (
        MethodsPart(
            "methods-alignment",
            "How texts are split and clauses aligned",
            (
                "Each text is parsed into documents (declaration, action plan, regional "
                "initiatives, resolutions, Recommendations, Questions), their sections as "
                "printed (“considering”, “resolves to instruct …”) and their labelled "
                "clauses. Comparison uses a normalised form of the text (Unicode NFC, one kind "
                "of space, dash and quote); the display keeps the text as printed.",
                "Clauses of two versions of a document are aligned within sections first, "
                "then across the document for what is left, by a global assignment that "
                "weighs word similarity against position and section, so that a relettered, "
                "reordered or moved clause is shown as such rather than as a deletion plus an "
                "insertion. Every clause of both sides appears with a status: unchanged, "
                "edited, moved, inserted, deleted, split (one old clause became several) or "
                "merged (several became one); relabelled marks a changed label (i) → 1)). A "
                "link whose runner-up was nearly as good is marked ambiguous.",
                "Each aligned pair is then compared word by word with diff-match-patch and "
                "its semantic clean-up — clause by clause, never over a whole document.",
            ),
        ),
        MethodsPart(
            "methods-statistics",
            "What each statistic means",
            (
                "Counts come from a theme lexicon shipped with the toolkit: each theme has its "
                "own matching rules (multi-word terms, case-sensitive acronyms such as AI, "
                "variants), and “artificial intelligence (AI)” counts once. Texts are "
                "tokenised with NLTK's data-free tokenisers; rates are per 10,000 tokens.",
                "Rate ratio: the new side's rate over the old side's. Its 95% interval comes "
                "from the conditional binomial: given a theme's occurrences on both sides, "
                "the share on the old side is binomial, and a Wilson score interval for that "
                "share maps onto the ratio; when one side has no occurrence at all, the far "
                "end is unbounded (∞). Bootstrap interval: 1,000 "
                "resamples of whole documents on each side (fixed seed), because words of one "
                "text are not independent draws. LRC: the conservative log-ratio, log₂ of the "
                "interval end nearest to 1 and 0 when the interval holds 1 — the figure safe "
                "for a headline such as “3× more”. Log-odds z: the weighted log-odds ratio "
                "with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) over its "
                "standard error; |z| above 2 is a difference unlikely to be chance.",
                "Direction: higher or lower only when the bootstrap interval excludes 1 and no "
                "single document carries half or more of the theme's count on the side that "
                "grew (or shrank) — the top document, named in every table with its share and "
                "the ratio with it left out (a side that is one document is looked at clause "
                "by clause). Otherwise unclear, with the reason. The Wilson interval alone is "
                "not enough: one resolution repeating a term makes it narrow.",
                "Regional emphasis: each region's rate with its 95% Poisson interval, the "
                "one-vs-rest log-odds z (this region against the other five together), and "
                "dispersion — in how many of the region's initiatives the theme appears. A "
                "lead is clear only when the leader's interval lies above the runner-up's and "
                "no single initiative holds half or more of its mentions.",
            ),
        ),
        MethodsPart(
            "methods-simulated",
            "What is simulated",
            (
                "SIMULATED: this report draws on texts derived from real ones by programmatic "
                "edits, not on an edition's text: " + "; ".join(simulated) + ". Every figure "
                "and redline that uses them shows what the toolkit does, not what any "
                "conference adopted.",
            ) if simulated else (
                "Nothing in this report is simulated: every text it shows is a real ITU text "
                "listed under “Sources compared”. The toolkit's tests and benchmarks also use "
                "revisions derived from the Baku text by programmatic edits; they are labelled "
                "SIMULATED wherever they appear and none of them is used here.",
            ),
        ),
        MethodsPart(
            "methods-missing",
            "What is missing",
            (
                "The corpus holds no final report of an earlier edition: "
                + ", ".join(f"{e.city} {e.year}" for e in absent)
                + ". Those are the texts a clause-by-clause comparison of every resolution "
                "needs (see “Where the earlier version of each revised or unchanged text "
                "stands” in the overview); nothing here invents or reconstructs them. "
                "Download the final report from ITU (PDF, Word or HTML) and add it, then "
                "build the report against it:",
                *(() if not missing_texts else (
                    f"{missing_texts} texts listed as in force have no text in the corpus; "
                    "they are listed in the overview.",
                )),
            ),
            commands=commands,
        ),
    )
