"""One rule per claim, each on a small hand-made corpus whose right answer is plain to see:
a direction needs a bootstrap interval clear of 1 and no document carrying half the change;
a word whose ratio shows as 1.00 neither rises nor falls; a region's lead needs its interval
clear of the runner-up's and no initiative carrying it.
"""

from __future__ import annotations

import polars as pl
import pytest

from toolkit.measure import leading_regions, region_emphasis, term_shifts, word_shifts

PAD = " ".join(["plan"] * 18)  # words of no theme, so that rates stay moderate


def many(word: str, n: int) -> str:
    """`word` n times, comma-separated: adjacent matches of a theme would count once."""
    return ", ".join([word] * n)


def side(prefix: str, texts: list[str]) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [f"{prefix}{i}" for i in range(len(texts))], "text": texts})


OLD = side("o", [f"AI and satellites {PAD}"] * 6)


def row(shifts: pl.DataFrame, theme: str) -> dict[str, object]:
    return shifts.filter(pl.col("theme") == theme).row(0, named=True)


def test_a_shift_spread_over_every_document_has_a_direction() -> None:
    # Five of six new documents say AI three times, one says it once and keeps satellites.
    new = side("n", [f"{many('AI', 3)} {PAD}"] * 5 + [f"AI and satellites {PAD}"])
    shifts = term_shifts(OLD, new, n_boot=200)
    ai, satellite = row(shifts, "ai"), row(shifts, "satellite")
    assert (ai["old_count"], ai["new_count"], ai["direction"]) == (6, 16, "higher")
    assert ai["boot_low"] > 1
    assert ai["top_document_share"] == pytest.approx(3 / 16)
    assert (ai["documents_old"], ai["documents_new"]) == (6, 6)
    assert (satellite["old_count"], satellite["new_count"]) == (6, 1)
    assert satellite["direction"] == "lower"
    assert satellite["boot_high"] < 1
    # Shrinking, the side that carries the change is OLD: its first document, a sixth of it.
    assert (satellite["top_document"], satellite["top_document_share"]) == (
        "o0", pytest.approx(1 / 6))
    assert (ai["reason"], satellite["reason"]) == ("", "")
    # A theme on neither side has no direction.
    assert (row(shifts, "gender")["direction"], row(shifts, "gender")["reason"]) == (
        "unclear", "on neither side")


def test_a_bootstrap_interval_that_holds_1_is_unclear_whatever_wilson_says() -> None:
    # Twelve old documents say AI once each; three of twelve new ones say it ten times and
    # the nine others not at all. Tokens as independent draws (Wilson) call it higher;
    # resampling documents finds that it hangs on which three are drawn.
    old = side("o", [f"AI and satellites {PAD}"] * 12)
    new = side("n", [f"{many('AI', 10)} {PAD}"] * 3 + [f"broadband {PAD}"] * 9)
    ai = row(term_shifts(old, new, n_boot=500), "ai")
    assert (ai["old_count"], ai["new_count"]) == (12, 30)
    assert ai["ci_low"] > 1
    assert ai["boot_low"] < 1 < ai["boot_high"]
    assert ai["top_document_share"] < 0.5
    assert (ai["direction"], ai["reason"]) == ("unclear", "bootstrap interval includes 1")


def test_one_document_carrying_half_the_change_makes_it_unclear() -> None:
    # Five new documents say AI once, as the old ones do; one says it twelve times.
    new = side("n", [f"AI {PAD}"] * 5 + [f"{many('AI', 12)} {PAD}"])
    ai = row(term_shifts(OLD, new, n_boot=200), "ai")
    assert (ai["old_count"], ai["new_count"]) == (6, 17)
    assert ai["boot_low"] > 1  # the interval alone would call it higher
    assert (ai["top_document"], ai["top_document_share"]) == ("n5", pytest.approx(12 / 17))
    assert (ai["direction"], ai["reason"]) == ("unclear", "n5 carries 71%")
    # Without n5 the rates are nearly the same: the "trend" is one document.
    assert ai["ratio_without_top"] == pytest.approx(1.105, abs=0.001)


def test_a_side_of_one_document_is_looked_at_clause_by_clause() -> None:
    old = pl.DataFrame({"doc_id": ["declaration"] * 3, "label": ["1", "2", "3"],
                        "text": [f"AI {PAD}", f"resilience {PAD}", PAD]})
    new = pl.DataFrame({"doc_id": ["declaration"] * 3, "label": ["1", "2", "3"],
                        "text": [f"AI {PAD}", f"resilience {PAD}", f"{many('AI', 5)} {PAD}"]})
    ai = row(term_shifts(old, new, n_boot=200), "ai")
    assert (ai["documents_old"], ai["documents_new"]) == (1, 1)
    assert (ai["top_document"], ai["top_document_share"]) == ("declaration 3",
                                                              pytest.approx(5 / 6))
    assert ai["direction"] == "unclear"


def test_a_word_whose_ratio_shows_as_1_00_neither_rises_nor_falls() -> None:
    body = "network plan " * 500
    old = side("o", [body] * 3)
    new = side("n", [body + "broadband"] * 3)  # 1,001 tokens a document: ratio 0.999
    shifts = word_shifts(old, new, min_count=1, n_boot=50)
    assert shifts.select("term", "direction").rows() == [("broadband", "rising")]
    # The statistics alone would have ranked "network" and "plan" as falling.
    assert f"{1000 / 1001:.2f}" == "1.00"


def initiatives(rows: list[tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame({
        "doc_id": [f"ri-{region.lower()}{i}" for i, (region, _) in enumerate(rows)],
        "doc_type": ["regional-initiative"] * len(rows),
        "region": [region for region, _ in rows],
        "text": [text for _, text in rows],
    })


LONG = " ".join([PAD] * 4)


def test_a_region_leads_clearly_only_when_apart_and_not_carried_by_one_initiative() -> None:
    frame = initiatives([
        # AFR: all its AI in one initiative of three.
        ("AFR", f"{many('AI', 12)} {PAD}"), ("AFR", PAD), ("AFR", PAD),
        # EUR: satellites in every one of its three initiatives.
        *[("EUR", f"{many('satellite', 5)} {PAD}")] * 3,
        # ASP: a little of both, in long texts.
        ("ASP", f"AI {LONG}"), ("ASP", f"satellite {LONG}"), ("ASP", LONG),
    ])
    lead = {r["theme"]: r for r in leading_regions(region_emphasis(frame)).iter_rows(named=True)}
    ai, satellite = lead["ai"], lead["satellite"]
    assert (ai["region"], ai["count"], ai["runner_up"]) == ("AFR", 12, "ASP")
    assert ai["rate_low"] > region_emphasis(frame).filter(
        (pl.col("region") == "ASP") & (pl.col("theme") == "ai"))["rate_high"][0]
    assert (ai["top_initiative"], ai["top_initiative_share"]) == ("ri-afr0", 1.0)
    assert (ai["clear_lead"], ai["reason"]) == (False, "ri-afr0 carries 100%")
    assert (satellite["region"], satellite["count"]) == ("EUR", 15)
    assert satellite["top_initiative_share"] == pytest.approx(1 / 3)
    assert (satellite["clear_lead"], satellite["reason"]) == (True, "")
    # A theme no region mentions has no lead at all.
    assert (lead["gender"]["clear_lead"], lead["gender"]["reason"]) == (
        False, "no region mentions it")


def test_drivers_name_the_documents_and_clauses_that_carry_a_shift() -> None:
    from toolkit.measure import term_drivers

    new = pl.DataFrame({
        "doc_id": ["n0"] * 2 + [f"n{i}" for i in range(1, 6)],
        "label": ["a)", "b)", *([None] * 5)],
        "text": [f"AI {PAD}", f"{many('AI', 11)} in {PAD}", *[f"AI {PAD}"] * 5],
    })
    drivers = term_drivers(OLD, new, top=2)
    ai = drivers.filter(pl.col("theme") == "ai")
    assert ai.select("side", "document", "count", "clause").rows() == [
        ("new", "n0", 12, "b)"), ("new", "n1", 1, None)]
    assert ai["share"].to_list() == pytest.approx([12 / 17, 1 / 17])
    # Left out, n0 takes the ratio back to about 1; n1 barely moves it.
    assert ai["ratio_without"].to_list() == pytest.approx([1.105, 2.688], abs=0.001)
    assert ai.row(0, named=True)["match"] == "AI"
    # Satellites shrank: their drivers are on the old side.
    assert drivers.filter(pl.col("theme") == "satellite")["side"].unique().to_list() == ["old"]
