"""The report's regional emphasis: region × theme rates in the regional initiatives, and
each theme's leading region with whether its lead is clear."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.render.chart_data import heatmap_data
from toolkit.render.drawing import ChartDrawer, ChartRequest
from toolkit.render.report.naming import edition_name
from toolkit.render.report.tables import Column, table_from_frame
from toolkit.render.report.view import Chart, Measures

if TYPE_CHECKING:
    import polars as pl

    from toolkit.corpus import Edition


# A region's emphasis on a theme, as both tables show it.
_EMPHASIS = (
    Column("rate_per_10k", "Per 10k", numeric=True, digits=1),
    Column("rate_low", "95% interval", numeric=True, digits=1, upper="rate_high"),
    Column("z", "One-vs-rest z", numeric=True),
    Column("initiatives_with_theme", "Initiatives with it", numeric=True),
    Column("initiatives", "Initiatives", numeric=True),
    Column("top_initiative", "Top initiative"),
    Column("top_initiative_share", "Its share", numeric=True),
)


def regions_section(new_clauses: pl.DataFrame, new: Edition, drawer: ChartDrawer) -> Measures:
    """Which region stresses each theme in its regional initiatives, and how clearly;
    `drawer` draws the heatmap."""
    from toolkit.measure import leading_regions, region_emphasis

    emphasis = region_emphasis(new_clauses)
    leading = leading_regions(emphasis)
    title = f"Regional initiatives, {edition_name(new)}: mentions per 10,000 tokens"
    charts = (
        Chart(
            "chart-region-rates",
            f"{title}, by region (columns) and theme (rows). Each theme's leading region is "
            "boxed: solid where its lead is clear, dashed where it is not (its interval "
            "overlaps the runner-up's, or one initiative carries it); a star marks a cell one "
            "initiative holds half or more of.",
            drawer.submit(ChartRequest(
                heatmap_data(emphasis, edition_name=new.label, title=title),
                id="chart-region-rates", title=title, size=(7.5, 7.5))),
        ),
    )
    leaders = (
        table_from_frame(
            leading,
            id="region-leaders",
            caption=f"The region that stresses each theme most in its {edition_name(new)} regional "
            "initiatives",
            columns=(
                Column("label", "Theme"), Column("region", "Leading region"),
                Column("count", "Mentions", numeric=True),
                *_EMPHASIS,
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
                *_EMPHASIS,
            ),
        ),
    )
    clear = int(leading["clear_lead"].sum())
    intro = (
        f"The {emphasis.get_column('region').n_unique()} regions' initiatives in the "
        f"{edition_name(new)} final report (Part III), theme by theme. A region stresses a "
        "theme when its rate is high and its one-vs-rest z-score is large; dispersion says in "
        "how many of the region's initiatives the theme appears at all. A region's lead on a "
        "theme is called clear only when its interval lies above the runner-up's and no one "
        f"initiative carries it: {clear} of the {leading.height} leads are clear."
    )
    return Measures(intro=intro, charts=charts, tables=leaders, details=matrix)
