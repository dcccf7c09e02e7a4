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


@pytest.fixture(scope="module")
def baku_matrix() -> pl.DataFrame:
    from toolkit.corpus.sources import resolve
    from toolkit.parse import clauses_frame

    return region_emphasis(clauses_frame(resolve("baku-2025")))


def test_baku_satellite_counts_match_a_reading_of_part_iii(baku_matrix: pl.DataFrame) -> None:
    # Read in Part III (report lines 2236-3110): AFR1 12) "satellites"; ARB1 8) twice, ARB2
    # 6), ARB3 1) and 10) twice; ASP3 7) "non-terrestrial", ASP5 5) "satellite-based" and
    # 6) "space-based"; CIS1 "radio-frequency and orbital resources", CIS2 5) and CIS4 4)
    # "non-geostationary satellite" (one mention); none in AMS or EUR ("digital space" in
    # EUR4 is not space).
    satellite = baku_matrix.filter(pl.col("theme") == "satellite")
    assert dict(satellite.select("region", "count").iter_rows()) == {
        "AFR": 1, "AMS": 0, "ARB": 6, "ASP": 3, "CIS": 3, "EUR": 0}
    assert dict(satellite.select("region", "initiatives_with_theme").iter_rows()) == {
        "AFR": 1, "AMS": 0, "ARB": 3, "ASP": 2, "CIS": 3, "EUR": 0}


def test_baku_leaders(baku_matrix: pl.DataFrame) -> None:
    lead = {r["theme"]: r for r in leading_regions(baku_matrix).iter_rows(named=True)}
    # ASP1 is named after LDCs, SIDS and LLDCs: the strongest contrast of the matrix, all of
    # it in one initiative.
    ldc = lead["ldc-sids-lldc"]
    assert (ldc["region"], ldc["initiatives_with_theme"]) == ("ASP", 1)
    assert ldc["z"] > 5
    assert ldc["rate_low"] > 100
    assert lead["ai"]["region"] == "CIS"
    assert lead["resilience"]["region"] == "AMS"
    # No region's lead on AI, satellites or resilience is clear of every other region:
    # each leader's interval overlaps the runner-up's.
    for theme in ("ai", "satellite", "resilience"):
        rows = baku_matrix.filter(pl.col("theme") == theme).sort("rate_per_10k",
                                                                 descending=True)
        assert rows["rate_low"][0] < rows["rate_high"][1]
        assert (lead[theme]["runner_up"], lead[theme]["clear_lead"]) == (rows["region"][1], False)
    # Satellites: CIS (3 mentions in 709 tokens, "orbital resources" among them) ahead of ARB
    # (6 in 2,091); AI: CIS (7 in 709) ahead of AFR (16 in 1,949).
    assert (lead["satellite"]["region"], lead["satellite"]["runner_up"]) == ("CIS", "ARB")
    assert lead["ai"]["runner_up"] == "AFR"
    # ASP's rate is clear of AMS's, but it is ASP1's, not the region's: not a clear lead.
    assert ldc["rate_low"] > baku_matrix.filter(
        (pl.col("region") == "AMS") & (pl.col("theme") == "ldc-sids-lldc"))["rate_high"][0]
    assert (ldc["clear_lead"], ldc["top_initiative"], ldc["reason"]) == (
        False, "ri-asp1", "ri-asp1 carries 100%")
    # AI: CIS5 holds 6 of CIS's 7 mentions.
    assert (lead["ai"]["top_initiative"], lead["ai"]["reason"]) == (
        "ri-cis5", "interval overlaps AFR's; ri-cis5 carries 86%")
    # No lead in the Baku matrix is clear under both conditions.
    assert not any(r["clear_lead"] for r in lead.values())


def test_baku_leads_in_a_sentence(baku_matrix: pl.DataFrame) -> None:
    from toolkit.measure import describe_lead

    lead = {r["theme"]: r for r in leading_regions(baku_matrix).iter_rows(named=True)}
    assert describe_lead(lead["ai"]) == (
        "Artificial intelligence: CIS leads with 98.7 mentions per 10,000 tokens (95% interval "
        "39.6–203.4; 7 mentions in 2 of its 5 initiatives); the lead is not clear: interval "
        "overlaps AFR's; ri-cis5 carries 86%.")
