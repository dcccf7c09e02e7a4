"""Counts against hand counts on real excerpts of the Final Report (read and counted by eye)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from toolkit.measure import kwic, term_counts, word_counts
from toolkit.measure.text import normalize, stem, tokens


def nonzero(frame: pl.DataFrame) -> dict[tuple[str, str], int]:
    return {(r["doc_id"], r["theme"]): r["count"] for r in frame.iter_rows(named=True)
            if r["count"]}


def test_hand_counts_per_document(excerpt_frame: pl.DataFrame) -> None:
    counts = term_counts(excerpt_frame)
    # AFR2 objective: "artificial intelligence (AI)" once, "benefits of AI", "use of AI".
    # The priority: "space-based"; "affordable"; "emergency telecommunications", "disaster";
    # "resilience". ASP3 result 7: "non-terrestrial" ("skills" alone is not digital skills).
    assert nonzero(counts) == {
        ("ri-afr2", "ai"): 3,
        ("action-plan", "satellite"): 1,
        ("action-plan", "affordability"): 1,
        ("action-plan", "emergency"): 2,
        ("action-plan", "resilience"): 1,
        ("ri-asp3", "satellite"): 1,
    }
    # Word tokens counted by reading: "2063" and the label are not words, "telecommunications/
    # ICTs" is two, "Africa's" one.
    tokens_by_doc = dict(counts.select("doc_id", "tokens").unique().iter_rows())
    assert tokens_by_doc == {"ri-afr2": 67, "action-plan": 92, "ri-asp3": 14}
    ai = counts.filter((pl.col("doc_id") == "ri-afr2") & (pl.col("theme") == "ai")).row(
        0, named=True)
    assert ai["rate_per_10k"] == pytest.approx(3 * 10_000 / 67)
    assert ai["label"] == "Artificial intelligence"


def test_counts_by_nothing_and_by_clause(excerpt_frame: pl.DataFrame) -> None:
    total = term_counts(excerpt_frame, by=())
    assert total.columns == ["theme", "label", "count", "tokens", "rate_per_10k"]
    assert dict(total.select("theme", "count").iter_rows())["satellite"] == 2
    assert total.get_column("tokens").unique().to_list() == [67 + 92 + 14]
    per_clause = term_counts(excerpt_frame, by=("clause",))
    assert per_clause.height == 3 * 18
    assert per_clause.filter(pl.col("theme") == "satellite").get_column("count").to_list() == [
        0, 1, 1]


def test_kwic_lists_the_matches_behind_a_count(excerpt_frame: pl.DataFrame) -> None:
    listing = kwic(excerpt_frame, None, "ai", width=20)
    assert listing.columns == ["doc_id", "label", "left", "match", "right"]
    assert listing.get_column("match").to_list() == ["artificial intelligence (AI)", "AI", "AI"]
    assert listing.row(0) == (
        "ri-afr2", None, "power of", "artificial intelligence (AI)",
        "to address Africa's",
    )
    assert listing.row(2)[2:] == ("responsible use of", "AI", "by all")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("developing countries1,", "developing countries,"),  # footnote marker dropped
        ("countries12 and", "countries and"),
        ("ASP1 and EUR5", "ASP1 and EUR5"),  # initiative codes stay
        ("IMT-2020 and Space2030", "IMT-2020 and Space2030"),  # names with digits stay
        ("Resolution 37 (Rev. Baku, 2025)", "Resolution 37 (Rev. Baku, 2025)"),
        ("non\u2011terrestrial, multi\u2010hazard", "non-terrestrial, multi-hazard"),
        ("tele\u00adcommunication", "telecommunication"),  # soft hyphen
        ("a)\tthat", "a)\tthat"),  # labels untouched
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_tokens_and_stems() -> None:
    assert tokens("telecommunications/ICTs, Africa's 2063 space-based") == [
        "telecommunications", "ICTs", "Africa", "space-based"]
    assert stem("satellites") == stem("satellite") == "satellit"
    assert stem("LDCs") == stem("LDC") == "LDC"
    assert stem("AIDS") != stem("aid")
    # Snowball would join these; a reader would not.
    for word, other in (("emergency", "emerging"), ("accessibility", "access"),
                        ("personal", "persons"), ("national", "nations"),
                        ("internal", "international"), ("informal", "information"),
                        ("initial", "initiatives")):
        assert stem(word) != stem(other), (word, other)
    # ... while inflections of each still group.
    assert stem("emergencies") == stem("emergency")
    assert stem("accessible") == stem("access")
    assert stem("nationally") == stem("national")
    assert stem("resilient") == stem("resilience")


def test_word_counts_group_on_stems_and_show_real_words(excerpt_frame: pl.DataFrame) -> None:
    words = word_counts(excerpt_frame, by=())
    # As read: "services" 4 times in the priority and once in ASP3; "Development" (Goals),
    # "development" twice and "developing" share a stem ("developmental" does not); "AI" 3.
    assert words.head(3).select("term", "count").rows() == [
        ("services", 5), ("development", 4), ("AI", 3)]
    as_dict = dict(words.select("term", "count").iter_rows())
    # The most frequent printed form is shown: "Goals" and "goals" tie, "Africa" keeps case.
    assert as_dict["Africa"] == 2
    assert as_dict["developmental"] == 1
    bigrams = word_counts(excerpt_frame, by=(), n=2)
    as_dict = dict(bigrams.select("term", "count").iter_rows())
    assert as_dict["artificial intelligence"] == 1
    # A bigram never crosses punctuation: "(AI)" follows "intelligence" but is not joined.
    assert "intelligence AI" not in as_dict


def test_names_with_ai_letters_are_not_ai(
    final_report_path: Path, excerpts: dict[str, str]
) -> None:
    # Real lines: a delegate's name (list of officers) and an edition's city in a preamble.
    aisha = "Ms Aisha Al Marzooqi (United Arab Emirates)"
    frame = pl.DataFrame({"doc_id": ["officers", "res-x"], "text": [aisha, excerpts["aires"]]})
    counts = term_counts(frame)
    assert counts.filter(pl.col("theme") == "ai")["count"].to_list() == [0, 0]
    assert final_report_path.read_text("utf-8").count(aisha) == 2


def test_fast_token_count_agrees_with_the_nltk_tokenizer(final_report_path: Path) -> None:
    from toolkit.measure.text import token_count

    lines = [normalize(line) for line in final_report_path.read_text("utf-8").splitlines()]
    assert [token_count(line) for line in lines] == [len(tokens(line)) for line in lines]


def test_pre_scan_misses_nothing_the_full_scan_finds(excerpt_frame: pl.DataFrame) -> None:
    from toolkit.measure.counts import _count
    from toolkit.measure.lexicon import load_lexicon

    lexicon = load_lexicon()
    texts = [*excerpt_frame["text"].to_list(), "İstanbul: AI and satellites", "spacebased"]
    fast = [row[1] for row in _count(texts, lexicon)]
    slow = [tuple(len(t.spans(normalize(x))) for t in lexicon.themes) for x in texts]
    assert fast == slow
