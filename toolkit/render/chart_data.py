"""What the theme charts show, taken from the measure stage's frames: numbers and labels only.

Kept apart from `charts` (which draws them): the report takes these from its frames without
loading matplotlib, and its chart process (`drawing`) draws them without loading polars
(~0.2 s); so polars, numpy and the measure stage load inside the functions that read
frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np
    import polars as pl


def short_name(name: str) -> str:
    """A side's name as a reader knows it: a file by its base name, not its whole path."""
    return PurePath(name).name if ("/" in name or "\\" in name) else name


@dataclass(frozen=True)
class RateRatioData:
    """One row per theme present on either side: its rate ratio, the interval's ends (NaN:
    none), its `direction` and tick label."""

    ratio: np.ndarray
    low: np.ndarray
    high: np.ndarray
    directions: tuple[str, ...]
    labels: tuple[str, ...]
    old_name: str
    new_name: str
    title: str | None
    interval: Literal["wilson", "bootstrap"]


def _theme_label(row: dict[str, object]) -> str:
    """A theme's tick label; an unclear one says why when one document carries it."""
    from toolkit.measure.shifts import CONCENTRATED

    label = str(row["label"])
    share, ratio = row.get("top_document_share"), row.get("rate_ratio")
    moved = isinstance(ratio, float) and round(ratio, 2) != 1
    if moved and isinstance(share, float) and share >= CONCENTRATED:
        return f"{label} ({row['top_document']}: {share:.0%})"
    return label


def rate_ratio_data(shifts: pl.DataFrame, *, old_name: str = "OLD", new_name: str = "NEW",
                    title: str | None = None,
                    interval: Literal["wilson", "bootstrap"] = "bootstrap") -> RateRatioData:
    """The rows of `term_shifts` that `rate_ratio_chart` draws: themes absent from both
    sides are left out, they have no ratio to show."""
    import numpy as np
    import polars as pl

    rows = shifts.filter((pl.col("old_count") + pl.col("new_count")) > 0)
    lo_col, hi_col = ("ci_low", "ci_high") if interval == "wilson" else ("boot_low", "boot_high")
    return RateRatioData(
        ratio=rows.get_column("rate_ratio").to_numpy(),
        low=rows.get_column(lo_col).fill_null(np.nan).to_numpy().astype(float),
        high=rows.get_column(hi_col).fill_null(np.nan).to_numpy().astype(float),
        directions=tuple(rows.get_column("direction").to_list()),
        labels=tuple(_theme_label(r) for r in rows.iter_rows(named=True)),
        old_name=short_name(old_name), new_name=short_name(new_name), title=title,
        interval=interval,
    )


@dataclass(frozen=True)
class HeatmapData:
    """Region × theme values (`matrix`, themes down, regions across) with their tick labels;
    `carried`: cells one initiative holds half or more of; `leads`: per theme row, the
    column of its leading region and whether the lead is clear."""

    matrix: np.ndarray
    regions: tuple[str, ...]
    region_ticks: tuple[str, ...]
    labels: tuple[str, ...]
    themes: int
    carried: np.ndarray
    leads: tuple[tuple[int, int, bool], ...]
    value: Literal["rate_per_10k", "z"]
    edition_name: str
    title: str | None


def heatmap_data(emphasis: pl.DataFrame, *, value: Literal["rate_per_10k", "z"] = "rate_per_10k",
                 edition_name: str = "", title: str | None = None) -> HeatmapData:
    """What `region_heatmap` draws from `region_emphasis`."""
    import polars as pl

    from toolkit.measure.regions import leading_regions
    from toolkit.measure.shifts import CONCENTRATED

    regions = emphasis.get_column("region").unique(maintain_order=True).to_list()
    themes = emphasis.select("theme", "label").unique(maintain_order=True)
    wide = emphasis.pivot(on="region", index="theme", values=value).join(
        themes, on="theme", how="left", maintain_order="left")
    # Each region's size under its name: a high rate on a short text (CIS's five initiatives
    # hold 709 tokens at Baku, ARB's 2,091) is a thin basis, and the reader should see it.
    sizes = dict(emphasis.select("region", "tokens").unique(maintain_order=True).iter_rows())
    carried = wide.join(
        emphasis.pivot(on="region", index="theme", values="top_initiative_share"),
        on="theme", how="left", suffix="_share", maintain_order="left",
    ).select([f"{r}_share" for r in regions]).to_numpy().astype(float) >= CONCENTRATED
    leads = dict(leading_regions(emphasis).filter(pl.col("count") > 0)
                 .select("theme", "region", "clear_lead").rows_by_key("theme", unique=True))
    return HeatmapData(
        matrix=wide.select(regions).to_numpy().astype(float),
        regions=tuple(regions),
        region_ticks=tuple(f"{r}\n{sizes[r]:,} tok." for r in regions),
        labels=tuple(wide.get_column("label").to_list()),
        themes=len(themes),
        carried=carried,
        leads=tuple((i, regions.index(leads[theme][0]), bool(leads[theme][1]))
                    for i, theme in enumerate(wide.get_column("theme"))
                    if theme in leads),  # no region mentions it: nothing leads
        value=value, edition_name=edition_name, title=title,
    )
