"""measure stage: theme and word counts, shifts between corpora, per-region emphasis.

Everything takes clauses frames (`toolkit.parse.clauses_frame`) and returns polars frames.
"""

from toolkit.measure.counts import kwic, term_counts, word_counts
from toolkit.measure.edits import edit_shifts
from toolkit.measure.lexicon import Lexicon, Theme, load_lexicon
from toolkit.measure.regions import REGIONS, describe_lead, leading_regions, region_emphasis
from toolkit.measure.shifts import (
    findings,
    headline,
    preamble_vs_operative,
    revised_vs_unchanged,
    revision_sides,
    term_drivers,
    term_shifts,
    word_shifts,
)

__all__ = [
    "REGIONS",
    "Lexicon",
    "Theme",
    "describe_lead",
    "edit_shifts",
    "findings",
    "headline",
    "kwic",
    "leading_regions",
    "load_lexicon",
    "preamble_vs_operative",
    "region_emphasis",
    "revised_vs_unchanged",
    "revision_sides",
    "term_counts",
    "term_drivers",
    "term_shifts",
    "word_counts",
    "word_shifts",
]
