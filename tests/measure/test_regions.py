from __future__ import annotations

import polars as pl
import pytest

from toolkit.errors import InputError
from toolkit.measure import leading_regions, region_emphasis


def initiatives_frame() -> pl.DataFrame:
    rows = [
        ("ri-afr1", "AFR", "AI for Africa and AI skills"),
        ("ri-afr2", "AFR", "broadband for all"),
        ("ri-eur1", "EUR", "resilient networks and resilience"),
        ("ri-eur2", "EUR", "satellites and AI"),
        ("declaration", None, "AI AI AI AI"),  # not an initiative: left out
    ]
    return pl.DataFrame(
        {
            "doc_id": [r[0] for r in rows],
            "doc_type": ["regional-initiative"] * 4 + ["declaration"],
            "region": [r[1] for r in rows],
            "text": [r[2] for r in rows],
        }
    )


def test_region_by_theme_matrix() -> None:
    matrix = region_emphasis(initiatives_frame())
    assert matrix.height == 2 * 18
    assert matrix["region"].unique(maintain_order=True).to_list() == ["AFR", "EUR"]
    ai = {r["region"]: r for r in matrix.filter(pl.col("theme") == "ai").iter_rows(named=True)}
    assert (ai["AFR"]["count"], ai["AFR"]["tokens"]) == (2, 9)
    assert (ai["EUR"]["count"], ai["EUR"]["tokens"]) == (1, 7)
    assert ai["AFR"]["rate_per_10k"] == pytest.approx(2 * 10_000 / 9)
    assert ai["AFR"]["rate_low"] < ai["AFR"]["rate_per_10k"] < ai["AFR"]["rate_high"]
    # Dispersion: AFR speaks of AI in one initiative of two, EUR in one of two.
    assert (ai["AFR"]["initiatives_with_theme"], ai["AFR"]["initiatives"]) == (1, 2)
    # One-vs-rest with two regions: the z-scores mirror each other.
    assert ai["AFR"]["z"] == pytest.approx(-ai["EUR"]["z"])
    assert ai["AFR"]["z"] > 0
    lead = dict(leading_regions(matrix).select("theme", "region").iter_rows())
    assert (lead["ai"], lead["resilience"], lead["satellite"]) == ("AFR", "EUR", "EUR")


def test_no_initiatives_is_an_error() -> None:
    frame = initiatives_frame().filter(pl.col("region").is_null())
    with pytest.raises(InputError, match="no regional initiatives in these texts; give an"):
        region_emphasis(frame)
