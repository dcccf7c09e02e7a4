"""The report's methods: how texts are split and aligned, what each statistic means, what
is simulated and what is missing (with the commands that add it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from toolkit.render.report.naming import add_command, edition_name
from toolkit.render.report.view import MethodsPart, Overview

if TYPE_CHECKING:
    from toolkit.corpus import Corpus, Edition


def methods_section(corpus: Corpus, new: Edition, old: Edition | None, overview: Overview,
                    simulated: Sequence[str]) -> tuple[MethodsPart, ...]:
    """How texts are aligned, what each statistic means, what is simulated and missing."""
    from toolkit.corpus import edition as known_edition

    absent = [known_edition(e) for e in corpus.missing_final_reports() if e != new.id]
    # The two editions a reader of the Baku texts needs first, then any older ones.
    absent.sort(key=lambda e: (e.id not in ("kigali-2022", "buenos-aires-2017"), -e.year))
    commands = tuple(
        f"# {edition_name(missing)}: fetch it (needs access to itu.int) or add your download\n"
        f"wtdc corpus fetch {missing.id}\n"
        f"{add_command(missing)}\n"
        f"wtdc report --old {missing.id}"
        for missing in absent[:2]
    )
    missing_texts = len(overview.missing.rows)
    return (
        MethodsPart(
            "methods-alignment",
            "How texts are split and clauses aligned",
            (
                "Each text is parsed into documents (declaration, action plan, regional "
                "initiatives, resolutions, Recommendations, Questions), their sections as "
                "printed (“considering”, “resolves to instruct …”) and their labelled "
                "clauses. Comparison uses a normalised form of the text (Unicode NFC, one kind "
                "of space, dash and quote); the display keeps the text as printed.",
                "Clauses of two versions of a document are aligned within sections first, "
                "then across the document for what is left, by a global assignment that "
                "weighs word similarity against position and section, so that a relettered, "
                "reordered or moved clause is shown as such rather than as a deletion plus an "
                "insertion. Every clause of both sides appears with a status: unchanged, "
                "edited, moved, inserted, deleted, split (one old clause became several) or "
                "merged (several became one); relabelled marks a changed label (i) → 1)). A "
                "link whose runner-up was nearly as good is marked ambiguous.",
                "Each aligned pair is then compared word by word with diff-match-patch and "
                "its semantic clean-up — clause by clause, never over a whole document.",
            ),
        ),
        MethodsPart(
            "methods-statistics",
            "What each statistic means",
            (
                "Counts come from a theme lexicon shipped with the toolkit: each theme has its "
                "own matching rules (multi-word terms, case-sensitive acronyms such as AI, "
                "variants), and “artificial intelligence (AI)” counts once. Texts are "
                "tokenised with NLTK's data-free tokenisers; rates are per 10,000 tokens.",
                "Rate ratio: the new side's rate over the old side's. Its 95% interval comes "
                "from the conditional binomial: given a theme's occurrences on both sides, "
                "the share on the old side is binomial, and a Wilson score interval for that "
                "share maps onto the ratio; when one side has no occurrence at all, the far "
                "end is unbounded (∞). Bootstrap interval: 1,000 "
                "resamples of whole documents on each side (fixed seed), because words of one "
                "text are not independent draws. LRC: the conservative log-ratio, log₂ of the "
                "interval end nearest to 1 and 0 when the interval holds 1 — the figure safe "
                "for a headline such as “3× more”. Log-odds z: the weighted log-odds ratio "
                "with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) over its "
                "standard error; |z| above 2 is a difference unlikely to be chance.",
                "Direction: higher or lower only when the bootstrap interval excludes 1 and no "
                "single document carries half or more of the theme's count on the side that "
                "grew (or shrank) — the top document, named in every table with its share and "
                "the ratio with it left out (a side that is one document is looked at clause "
                "by clause). Otherwise unclear, with the reason. The Wilson interval alone is "
                "not enough: one resolution repeating a term makes it narrow.",
                "Regional emphasis: each region's rate with its 95% Poisson interval, the "
                "one-vs-rest log-odds z (this region against the other five together), and "
                "dispersion — in how many of the region's initiatives the theme appears. A "
                "lead is clear only when the leader's interval lies above the runner-up's and "
                "no single initiative holds half or more of its mentions.",
            ),
        ),
        MethodsPart(
            "methods-simulated",
            "What is simulated",
            (
                "SIMULATED: this report draws on texts derived from real ones by programmatic "
                "edits, not on an edition's text: " + "; ".join(simulated) + ". Every figure "
                "and redline that uses them shows what the toolkit does, not what any "
                "conference adopted.",
            ) if simulated else (
                "Nothing in this report is simulated: every text it shows is a real ITU text "
                "listed under “Sources compared”. The toolkit's tests and benchmarks also use "
                "revisions derived from the Baku text by programmatic edits; they are labelled "
                "SIMULATED wherever they appear and none of them is used here.",
            ),
        ),
        MethodsPart(
            "methods-missing",
            "What is missing",
            (
                "The corpus holds no final report of an earlier edition: "
                + ", ".join(f"{e.city} {e.year}" for e in absent)
                + ". Those are the texts a clause-by-clause comparison of every resolution "
                "needs (see “Where the earlier version of each revised or unchanged text "
                "stands” in the overview); nothing here invents or reconstructs them. "
                "Download the final report from ITU (PDF, Word or HTML) and add it, then "
                "build the report against it:",
                *(() if not missing_texts else (
                    f"{missing_texts} texts listed as in force have no text in the corpus; "
                    "they are listed in the overview.",
                )),
            ),
            commands=commands,
        ),
    )
