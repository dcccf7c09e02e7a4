from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.errors import InputError
from toolkit.measure import term_shifts, word_shifts
from toolkit.measure.stats import compare, poisson_interval

SENTENCES = [
    "artificial intelligence (AI) for development",
    "satellites and space-based services for resilience",
    "emergency telecommunications and disaster risk reduction",
    "digital skills for women and girls",
    "AI and data for the SDGs",
    "spectrum management for IMT",
    "resilient networks in LDCs and SIDS",
    "cybersecurity and trust in ICTs",
]

clause_lists = st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=12)


def frame(texts: list[str]) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [f"d{i % 3}" for i in range(len(texts))], "text": texts})


STAT_COLUMNS = ("rate_ratio", "ci_low", "ci_high", "boot_low", "boot_high", "lrc", "z")


@settings(max_examples=25, deadline=None)
@given(clause_lists)
def test_a_corpus_against_itself_shifts_nothing(texts: list[str]) -> None:
    shifts = term_shifts(frame(texts), frame(texts), n_boot=50)
    # A theme on neither side has no ratio (NaN); every other ratio is exactly 1.
    present = (shifts["old_count"] > 0).to_list()
    assert shifts.get_column("rate_ratio").to_list() == pytest.approx(
        [1.0 if p else math.nan for p in present], nan_ok=True)
    assert shifts.get_column("z").to_list() == pytest.approx([0.0] * 18)
    assert shifts.get_column("lrc").to_list() == pytest.approx([0.0] * 18)
    assert shifts.get_column("log_odds").to_list() == pytest.approx([0.0] * 18)


@settings(max_examples=25, deadline=None)
@given(clause_lists, clause_lists)
def test_swapping_sides_flips_every_sign(old: list[str], new: list[str]) -> None:
    forward = term_shifts(frame(old), frame(new), n_boot=50)
    back = term_shifts(frame(new), frame(old), n_boot=50)
    assert forward["z"].to_list() == pytest.approx((-back["z"]).to_list(), abs=1e-9)
    assert forward["lrc"].to_list() == pytest.approx((-back["lrc"]).to_list(), abs=1e-9)
    assert forward["rate_ratio"].to_list() == pytest.approx(
        (1 / back["rate_ratio"]).to_list(), nan_ok=True)
    assert forward["ci_low"].to_list() == pytest.approx(
        (1 / back["ci_high"]).to_list(), nan_ok=True)
    assert forward["boot_low"].to_list() == pytest.approx(
        (1 / back["boot_high"]).to_list(), nan_ok=True)
    assert forward["old_count"].to_list() == back["new_count"].to_list()


@settings(max_examples=15, deadline=None)
@given(clause_lists, clause_lists)
def test_word_shifts_flip_too(old: list[str], new: list[str]) -> None:
    try:
        forward = word_shifts(frame(old), frame(new), min_count=1, top=5, n_boot=20)
    except InputError:
        return
    back = word_shifts(frame(new), frame(old), min_count=1, top=5, n_boot=20)
    rising = dict(forward.filter(pl.col("direction") == "rising").select("key", "z").rows())
    falling = dict(back.filter(pl.col("direction") == "falling").select("key", "z").rows())
    for key in rising.keys() & falling.keys():
        assert rising[key] == pytest.approx(-falling[key])


def test_known_values_of_the_statistics() -> None:
    # 30 in 10,000 tokens against 10 in 10,000: ratio 3. OLD's share of the 40 is 0.25;
    # its Wilson 95% interval is [0.1419, 0.4019] (by hand: centre 0.2719, half 0.1300),
    # so the ratio lies in [0.5981/0.4019, 0.8581/0.1419] = [1.488, 6.047].
    c = compare(np.array([10.0]), 10_000, np.array([30.0]), 10_000)
    assert c.rate_ratio[0] == pytest.approx(3.0)
    assert c.ci_low[0] == pytest.approx(1.488, abs=0.002)
    assert c.ci_high[0] == pytest.approx(6.047, abs=0.01)
    assert c.lrc[0] == pytest.approx(math.log2(c.ci_low[0]))
    # Monroe et al. with the prior worth 10,000 tokens at the pooled rate 40/20,000:
    # α_w = 20, y+α = 50 and 30, each side's n + α_0 = 20,000.
    delta = math.log(50 / (20_000 - 50)) - math.log(30 / (20_000 - 30))
    assert c.log_odds[0] == pytest.approx(delta)
    assert c.z[0] == pytest.approx(delta / math.sqrt(1 / 50 + 1 / 30))
    # No occurrence in OLD: the far end of the interval is infinite, the near end is not.
    zero = compare(np.array([0.0]), 12_225, np.array([43.0]), 95_152)
    assert zero.ci_high[0] == math.inf
    assert zero.ci_low[0] == pytest.approx(1.44, abs=0.01)
    assert zero.lrc[0] == pytest.approx(math.log2(zero.ci_low[0]))
    # An interval that holds 1 gives a conservative log-ratio of 0.
    assert compare(np.array([10.0]), 1000, np.array([12.0]), 1000).lrc[0] == 0.0


def test_a_zero_count_never_flips_the_direction() -> None:
    c = compare(np.array([1.0, 0.0]), 31, np.array([0.0, 1.0]), 9)
    assert c.rate_ratio[0] < 1 < c.rate_ratio[1]
    assert c.z[0] < 0 < c.z[1]


def test_poisson_interval_matches_exact_limits() -> None:
    # Garwood's exact 95% limits for 10 events are 4.795 and 18.390.
    low, high = poisson_interval(np.array([10.0, 0.0]))
    assert low[0] == pytest.approx(4.795, abs=0.01)
    assert high[0] == pytest.approx(18.39, abs=0.02)
    assert low[1] == 0.0
    assert high[1] == pytest.approx(3.689, abs=0.03)


def test_term_shifts_on_a_small_pair() -> None:
    old = frame(["AI for all", "satellite links", "satellite", "the rest of it"])
    new = frame(["AI and artificial intelligence", "AI", "satellites"])
    shifts = term_shifts(old, new, n_boot=200, unit="clause")
    ai = shifts.row(0, named=True)
    assert (ai["theme"], ai["old_count"], ai["new_count"]) == ("ai", 1, 3)
    assert (ai["old_tokens"], ai["new_tokens"]) == (10, 6)
    assert ai["old_rate_per_10k"] == pytest.approx(10_000 / 10)
    assert ai["rate_ratio"] == pytest.approx(5.0)
    assert ai["boot_low"] <= ai["rate_ratio"] <= ai["boot_high"]
    with pytest.raises(InputError, match="cannot resample by 'word'"):
        term_shifts(old, new, unit="word")  # type: ignore[arg-type]


def test_word_shifts_rank_rising_and_falling_words() -> None:
    old = frame(["satellite services and satellite networks"] * 4 + ["spectrum policy"] * 3)
    new = frame(["AI services and AI networks"] * 4 + ["spectrum policy"] * 3)
    shifts = word_shifts(old, new, top=3, n_boot=100)
    assert shifts.filter(pl.col("direction") == "rising")["term"].to_list() == ["AI"]
    assert shifts.filter(pl.col("direction") == "falling")["term"].to_list() == ["satellite"]
    bigrams = word_shifts(old, new, n=2, top=2, n_boot=0)
    assert set(bigrams["term"].to_list()) == {
        "AI services", "AI networks", "satellite services", "satellite networks"}


def test_a_side_without_words_is_an_error() -> None:
    words = frame(["AI for all"])
    empty = pl.DataFrame({"doc_id": ["x"], "text": ["2025 - 2029"]})
    with pytest.raises(InputError, match=r"^OLD has no words to count; give a text with words"):
        term_shifts(empty, words)
    with pytest.raises(InputError, match=r"^NEW has no words to count"):
        word_shifts(words, empty)


def test_word_shifts_of_a_corpus_against_itself_are_empty() -> None:
    texts = frame(SENTENCES)
    assert word_shifts(texts, texts, min_count=1, n_boot=20).height == 0


def test_headlines_use_the_conservative_factor() -> None:
    from toolkit.measure import headline

    c = compare(np.array([10.0]), 10_000, np.array([30.0]), 10_000)
    row = {"label": "Artificial intelligence", "old_count": 10, "new_count": 30,
           "lrc": float(c.lrc[0])}
    # The point ratio is 3; the interval's lower end, 1.49, is what a headline may claim.
    assert headline(row, old_name="Kigali", new_name="Baku") == (
        "Artificial intelligence: at least 1.5× more often in Baku than Kigali (10 → 30)")
    row["lrc"] = 0.0
    assert headline(row) == "Artificial intelligence: no clear difference between NEW and OLD "\
        "(10 → 30)"
    # The claim must also hold under the bootstrap over documents, where there is one: the
    # nearer end of the two intervals sizes it, and a bootstrap interval holding 1 voids it.
    row["lrc"] = float(c.lrc[0])
    row.update(boot_low=1.2, boot_high=6.0)
    assert "at least 1.2× more often" in headline(row)
    row.update(boot_low=0.8, boot_high=6.0)
    assert "no clear difference" in headline(row)
    row.update(boot_low=math.nan, boot_high=math.nan)  # one side empty: Wilson alone
    assert "at least 1.5× more often" in headline(row)
    # A factor that rounds to 1.0 is no headline.
    assert "no clear difference" in headline({**row, "lrc": -0.01})


def test_parts_of_the_same_documents_are_resampled_as_pairs() -> None:
    # Ten documents; AI is all over the even ones and absent from the odd ones, in both their
    # preamble and their operative part. Resampled in pairs, the replicates barely move the
    # ratio; resampled independently, it swings with which documents are drawn.
    texts = ["AI and AI systems for all" if i % 2 == 0 else "spectrum for all people now"
             for i in range(10)]
    preamble = pl.DataFrame({"doc_id": [f"res-{i}" for i in range(10)], "text": texts})
    operative = preamble.with_columns(pl.col("text") + " today")
    paired = term_shifts(preamble, operative, n_boot=200).row(0, named=True)
    assert paired["boot_low"] <= paired["rate_ratio"] <= paired["boot_high"]
    apart = term_shifts(preamble, operative.with_columns(pl.col("doc_id") + "-b"),
                        n_boot=200).row(0, named=True)
    assert apart["boot_high"] / apart["boot_low"] > 3 * paired["boot_high"] / paired["boot_low"]


def test_an_unclear_row_gets_no_headline_factor() -> None:
    from toolkit.measure import headline

    row = {"label": "Gender equality", "old_count": 1, "new_count": 279, "lrc": 2.6,
           "boot_low": 3.25, "boot_high": 602.6, "direction": "unclear",
           "reason": "res-55 carries 57%"}
    assert headline(row, old_name="resolutions left unchanged",
                    new_name="resolutions revised at Baku") == (
        "Gender equality: no clear difference between resolutions revised at Baku and "
        "resolutions left unchanged (1 → 279); res-55 carries 57%")


@pytest.fixture(scope="module")
def revised_vs_unchanged_baku() -> dict[str, dict[str, object]]:
    from toolkit.corpus.sources import resolve
    from toolkit.measure import revised_vs_unchanged
    from toolkit.parse import clauses_frame

    shifts = revised_vs_unchanged(clauses_frame(resolve("baku-2025")))
    return {r["theme"]: r for r in shifts.iter_rows(named=True)}


def test_baku_revised_vs_unchanged_directions(
    revised_vs_unchanged_baku: dict[str, dict[str, object]],
) -> None:
    rows = revised_vs_unchanged_baku
    # Gender: 1 → 279, bootstrap 3.3–603, but Resolution 55 carries 160 of the 279.
    gender = rows["gender"]
    assert (gender["old_count"], gender["new_count"]) == (1, 279)
    assert (gender["top_document"], round(gender["top_document_share"], 3)) == ("res-55", 0.573)
    assert (gender["direction"], gender["reason"]) == ("unclear", "res-55 carries 57%")
    # Accessibility: 0 → 261, 183 of them in Resolution 58 (and no bootstrap: OLD has none).
    access = rows["accessibility"]
    assert (access["top_document"], round(access["top_document_share"], 3)) == ("res-58", 0.701)
    assert access["direction"] == "unclear"
    assert access["reason"] == "no bootstrap interval (a side has none); res-58 carries 70%"
    # Cybersecurity: the Wilson interval excludes 1, the bootstrap over documents does not.
    cyber = rows["cybersecurity"]
    assert cyber["ci_low"] > 1
    assert cyber["boot_low"] < 1
    assert (cyber["direction"], cyber["reason"]) == ("unclear", "bootstrap interval includes 1")
    # What does rise, spread over many resolutions.
    assert {t for t, r in rows.items() if r["direction"] == "higher"} == {
        "satellite", "resilience", "digital-skills"}
    assert (rows["digital-skills"]["documents_new"], rows["digital-skills"]["top_document"]) == (
        42, "res-73")
    # No row says higher or lower unless both conditions hold.
    for r in rows.values():
        if r["direction"] != "unclear":
            assert r["top_document_share"] < 0.5
            assert r["boot_low"] > 1 or r["boot_high"] < 1


def test_a_granted_direction_is_never_no_clear_difference() -> None:
    from toolkit.measure import headline

    # Satellites, revised vs unchanged Baku resolutions: Wilson from 1.03, bootstrap from 1.01.
    row = {"label": "Satellites and space", "old_count": 1, "new_count": 46, "lrc": 0.040,
           "boot_low": 1.011, "boot_high": 89.6, "direction": "higher", "reason": ""}
    assert headline(row) == "Satellites and space: at least 1.01× more often in NEW than OLD "\
        "(1 → 46)"
