"""What the report's template shows, section by section, and the page rendered from it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

from toolkit.render.report.tables import ReportTable
from toolkit.render.templates import asset, environment
from toolkit.version import __version__

if TYPE_CHECKING:
    from concurrent.futures import Future

    from toolkit.parse import Document


@dataclass(frozen=True)
class Chart:
    """A chart of the page: its anchor, its caption and its SVG, perhaps still being drawn."""

    id: str
    caption: str
    drawing: Future[Markup]  # perhaps still being drawn in a second process

    @property
    def slot(self) -> Markup:
        """Where the template puts the chart: the page is rendered while the chart is drawn,
        and the SVG takes the slot's place once it is (`render_report`). No input text can
        forge a slot: autoescaping turns its "<" into "&lt;"."""
        return Markup(f"<!--{self.id}-->")


@dataclass(frozen=True)
class KeyFigure:
    """One number of the overview and what it counts."""

    value: str
    what: str


@dataclass(frozen=True)
class Overview:
    """The report's first section: what was compared, the key figures, sources and lineage."""

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
    """One document pair's redline: its sources, summary and the diff fragment shown."""

    id: str
    title: str
    old_source: str
    new_source: str
    summary: str
    fragment: Markup
    docx: bool = False  # written beside the page as `<id>.docx`, with tracked changes
    # Each changed document's heading in the fragment, by its id on the new side.
    anchors: Mapping[str, str] = field(default_factory=dict)


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
    """A measure section (term shifts or regions): its text, charts and tables."""

    intro: str
    charts: tuple[Chart, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    details: tuple[ReportTable, ...] = ()  # long tables, folded away until asked for
    contrasts: tuple[Contrast, ...] = ()  # shown after the charts and tables above


@dataclass(frozen=True)
class MethodsPart:
    """One part of the methods section, with the commands that reproduce it."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    commands: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReportView:
    """Everything the report's template shows, section by section."""

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
        """Every table of the page, in page order: each is also written as CSV and JSON."""
        o = self.overview
        return (
            o.sources, o.lineage_summary, o.lineage, o.missing, o.prior,
            *self.terms.tables, *self.terms.details,
            *(t for c in self.terms.contrasts for t in (*c.tables, *c.details)),
            *self.regions.tables, *self.regions.details,
        )

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every chart of the page."""
        return (*self.terms.charts, *(f for c in self.terms.contrasts for f in c.charts),
                *self.regions.charts)


def render_report(view: ReportView) -> str:
    """The page's HTML; every text from the inputs goes through autoescaping."""
    template = environment().get_template("report.html.j2")
    page = template.render(
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
    for chart in view.charts:  # the page waits for its charts only now
        page = page.replace(chart.slot, chart.drawing.result(), 1)
    return page


def render_texts(documents: Sequence[Document], *, title: str, subtitle: str) -> str:
    """`texts.html`: every document as the report read it, anchored by its id, so that a
    lineage row can link to the text it is about."""
    return environment().get_template("texts.html.j2").render(
        version=__version__, title=title, subtitle=subtitle, documents=documents,
        css=asset("report.css"),
    )
