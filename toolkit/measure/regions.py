"""Per-region emphasis over the regional initiatives of an edition.

For each region × theme: the rate per 10,000 tokens with a Poisson interval, a one-vs-rest
weighted log-odds z-score (this region against the other five together, Monroe et al. 2008),
and the dispersion: in how many of the region's initiatives the theme appears at all — a
high rate carried by one initiative reads differently from one spread over all five.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import polars as pl

from toolkit.errors import InputError
from toolkit.measure.counts import PER, theme_table
from toolkit.measure.lexicon import Lexicon
from toolkit.measure.shifts import CONCENTRATED
from toolkit.measure.stats import compare, poisson_interval

REGIONS = ("AFR", "AMS", "ARB", "ASP", "CIS", "EUR")


def initiatives(clauses: pl.DataFrame, *, titles: bool = True) -> pl.DataFrame:
    """The clauses of regional initiatives, those with a region.

    With `titles`, each initiative's title ("AFR2: Developing an inclusive, trustworthy
    artificial intelligence ecosystem …") comes first as a clause of its own: what a region
    names its initiatives after is the plainest sign of its emphasis.
    """
    if "region" not in clauses.columns or "doc_id" not in clauses.columns:
        raise InputError("the clauses frame has no `region`/`doc_id` columns; use clauses_frame()")
    out = clauses.filter(pl.col("region").is_not_null())
    if "doc_type" in clauses.columns:
        out = out.filter(pl.col("doc_type") == "regional-initiative")
    if out.height == 0:
        raise InputError(
            "no regional initiatives in these texts; give an edition or a final report "
            "that has Part III (e.g. baku-2025)"
        )
    if not titles or "title" not in out.columns:
        return out
    heads = (
        out.group_by("doc_id", maintain_order=True).first()
        .with_columns(text=pl.col("title"), label=pl.lit(None, dtype=pl.String),
                      section_kind=pl.lit("title"))
        .filter(pl.col("text").is_not_null() & (pl.col("text") != ""))
        .select(out.columns)
    )
    order = pl.concat([heads.with_columns(_k=0), out.with_columns(_k=1)]).with_columns(
        _doc=pl.col("doc_id").rank("dense")).sort("_doc", "_k", maintain_order=True)
    return order.drop("_k", "_doc")


def region_emphasis(
    clauses: pl.DataFrame,
    lexicon: Lexicon | None = None,
    *,
    level: float = 0.95,
    titles: bool = True,
) -> pl.DataFrame:
    """Region × theme matrix (long form, regions in ITU order, themes in lexicon order),
    over the initiatives' clauses and, with `titles`, their titles.

    Columns region, theme, label, count, tokens, rate_per_10k, rate_low, rate_high, z,
    initiatives_with_theme, initiatives, top_initiative and top_initiative_share (the
    initiative holding most of the region's count, and its share of it).
    """
    ri = initiatives(clauses, titles=titles)
    table = theme_table(ri, lexicon)
    regions = ri.get_column("region").to_list()
    doc_ids = ri.get_column("doc_id").to_list()
    present = [r for r in REGIONS if r in set(regions)] + sorted(set(regions) - set(REGIONS))
    region_idx = np.array([present.index(r) for r in regions])
    k = len(table.themes)
    counts = np.zeros((len(present), k))
    tokens = np.zeros(len(present))
    np.add.at(counts, region_idx, table.counts)
    np.add.at(tokens, region_idx, table.tokens)
    # Dispersion: initiatives (documents) of a region in which each theme occurs.
    docs = sorted(set(doc_ids))
    doc_idx = np.array([docs.index(d) for d in doc_ids])
    per_doc = np.zeros((len(docs), k))
    np.add.at(per_doc, doc_idx, table.counts)
    doc_region = {d: r for d, r in zip(doc_ids, regions, strict=True)}
    total_counts, total_tokens = counts.sum(axis=0), tokens.sum()
    rows = []
    for i, region in enumerate(present):
        rest = compare(total_counts - counts[i], total_tokens - tokens[i], counts[i], tokens[i],
                       level=level)
        low, high = poisson_interval(counts[i], level=level)
        mine = [j for j, d in enumerate(docs) if doc_region[d] == region]
        with_theme = (per_doc[mine] > 0).sum(axis=0)
        top = np.argmax(per_doc[mine], axis=0)  # ties: the first initiative in id order
        for j, theme in enumerate(table.themes):
            rows.append({
                "region": region,
                "theme": theme,
                "label": table.labels[j],
                "count": int(counts[i, j]),
                "tokens": int(tokens[i]),
                "rate_per_10k": counts[i, j] * PER / max(tokens[i], 1.0),
                "rate_low": low[j] * PER / max(tokens[i], 1.0),
                "rate_high": high[j] * PER / max(tokens[i], 1.0),
                "z": float(rest.z[j]),
                "initiatives_with_theme": int(with_theme[j]),
                "initiatives": len(mine),
                "top_initiative": docs[mine[top[j]]] if counts[i, j] else None,
                "top_initiative_share": (per_doc[mine[top[j]], j] / counts[i, j]
                                         if counts[i, j] else None),
            })
    return pl.DataFrame(rows)


def leading_regions(emphasis: pl.DataFrame) -> pl.DataFrame:
    """Per theme, the region with the highest rate, with its interval and z-score, and
    whether that lead is clear: `clear_lead` when its interval lies wholly above the
    runner-up's (a region that leads on 7 mentions in a short text often is not) and no one
    initiative carries half its count or more (then the lead is that initiative's, not the
    region's); `reason` says why a lead is not clear."""
    ranked = emphasis.sort(["theme", "rate_per_10k"], descending=[False, True])
    second = (
        ranked.group_by("theme", maintain_order=True)
        .agg(pl.col("region").get(1).alias("runner_up"),
             pl.col("rate_high").get(1).alias("_runner_high"))
    )
    share = pl.col("top_initiative_share")
    apart = pl.col("rate_low") > pl.col("_runner_high")
    carried = share.fill_null(1.0) >= CONCENTRATED
    return (
        ranked.group_by("theme", maintain_order=True)
        .first()
        .join(second, on="theme", how="left", maintain_order="left")
        .with_columns(
            clear_lead=apart.fill_null(False) & ~carried,
            reason=pl.concat_str(
                pl.when(pl.col("count") == 0).then(pl.lit("no region mentions it"))
                .when(~apart.fill_null(False))
                .then(pl.format("interval overlaps {}'s", pl.col("runner_up"))),
                pl.when(carried & (pl.col("count") > 0)).then(pl.format(
                    "{} carries {}%", pl.col("top_initiative"),
                    (share * 100).round(0).cast(pl.Int64))),
                separator="; ", ignore_nulls=True,
            ),
        )
        .select("theme", *(["label"] if "label" in emphasis.columns else []), "region",
                "count", "rate_per_10k", "rate_low", "rate_high", "z",
                "initiatives_with_theme", "initiatives", "top_initiative",
                "top_initiative_share", "runner_up", "clear_lead", "reason")
    )


def describe_lead(lead: Mapping[str, Any], *, label: str | None = None) -> str:
    """A sentence for one row of `leading_regions`: who leads, at what rate and interval, and
    whether the lead is clear (and if not, why)."""
    name = label or str(lead.get("label") or lead["theme"])
    if not lead["count"]:
        return f"{name}: no region's initiatives mention it."
    said = (f"{name}: {lead['region']} leads with {lead['rate_per_10k']:.1f} mentions per "
            f"10,000 tokens (95% interval {lead['rate_low']:.1f}–{lead['rate_high']:.1f}; "
            f"{lead['count']} mentions in {lead['initiatives_with_theme']} of its "
            f"{lead['initiatives']} initiatives)")
    if lead["clear_lead"]:
        return f"{said}, a clear lead over {lead['runner_up']}."
    return f"{said}; the lead is not clear: {lead['reason']}."
