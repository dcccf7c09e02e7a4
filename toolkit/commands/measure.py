"""`wtdc terms` and `wtdc regions`, and `wt.terms` / `wt.regions` for notebooks.

polars, nltk and matplotlib load inside the functions, after the arguments are resolved: a
bad path fails before the statistics stack is imported, and matplotlib loads only for a
chart (`wtdc terms` without --plot never imports it; a test checks).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from toolkit.commands.outcome import Outcome
from toolkit.corpus.sources import SourceLike, resolve_source
from toolkit.errors import InputError

if TYPE_CHECKING:
    import polars as pl

    from toolkit.measure import Lexicon

TermsLevel = Literal["themes", "words", "bigrams", "edits"]
MeasureFormat = Literal["table", "json", "csv"]
Unit = Literal["document", "clause"]


def terms(
    old: SourceLike,
    new: SourceLike,
    *,
    level: TermsLevel = "themes",
    lexicon: str | None = None,
    top: int = 20,
    unit: Unit = "document",
    seed: int = 0,
) -> pl.DataFrame:
    """How much more or less NEW speaks of each theme (or word, or bigram) than OLD; with
    `level="edits"`, each theme's counts split into text kept, inserted and deleted."""
    old_docs, new_docs = resolve_source(old).documents, resolve_source(new).documents
    import polars as pl  # after the sources: a bad path must not wait for polars and nltk

    from toolkit.measure import edit_shifts, load_lexicon, term_shifts, word_shifts
    from toolkit.parse import clauses_frame

    themes = load_lexicon(lexicon)
    if level == "edits":
        from toolkit.align import align_documents  # numpy and rapidfuzz only for --edits

        return edit_shifts(align_documents(old_docs, new_docs), themes)
    old_frame, new_frame = clauses_frame(old_docs), clauses_frame(new_docs)
    if level == "themes":
        return term_shifts(old_frame, new_frame, themes, unit=unit, seed=seed)
    shifts = word_shifts(old_frame, new_frame, n=2 if level == "bigrams" else 1, top=top,
                         unit=unit, seed=seed)
    return shifts.with_columns(theme=pl.col("term")).select("theme", pl.all().exclude("theme"))


def regions(
    edition: str = "baku-2025",
    *,
    within: Literal["sections", "revision"] | None = None,
    lexicon: str | None = None,
) -> pl.DataFrame:
    """Region × theme rates in an edition's regional initiatives; with `within`, theme shifts
    from preamble to operative text, or from unchanged to revised resolutions."""
    documents = resolve_source(edition).documents
    from toolkit.measure import (  # after the source, as in `terms`
        load_lexicon,
        preamble_vs_operative,
        region_emphasis,
        revised_vs_unchanged,
    )
    from toolkit.parse import clauses_frame

    themes = load_lexicon(lexicon)
    clauses = clauses_frame(documents)
    if within is None:
        return region_emphasis(clauses, themes)
    compare = preamble_vs_operative if within == "sections" else revised_vs_unchanged
    return compare(clauses, themes)


def chart_format(path: str | None) -> Literal["png", "svg"] | None:
    """The format of a --plot file, checked before any work: a wrong name must not cost a
    whole run first."""
    if path is None:
        return None
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise InputError(f"cannot draw a chart into '{path}'; name a .png or .svg file")
    try:
        is_dir = target.is_dir()
        blocking = next((p for p in target.parents if p.exists()), None)
    except OSError as error:  # a name too long, a path not allowed
        raise InputError(f"cannot draw a chart into '{path}' ({error.strerror}); choose "
                         "another path") from None
    if is_dir:
        raise InputError(f"cannot draw a chart into '{path}': it is a directory; name a file")
    if blocking is not None and not blocking.is_dir():
        raise InputError(f"cannot draw a chart into '{path}': {blocking} is a file, not a "
                         "directory; choose another path")
    return "png" if suffix == ".png" else "svg"


def _table(frame: pl.DataFrame, format: MeasureFormat, columns: Sequence[tuple[str, str]],
           title: str = "") -> str:
    """`title` (what is compared with what, in words) heads a plain-text table."""
    from toolkit.measure.export import to_csv, to_json, to_table

    if format == "json":
        return to_json(frame) + "\n"
    if format == "csv":
        return to_csv(frame)
    return to_table(frame, columns, title=title)


def _kwic(sides: dict[str, pl.DataFrame], theme: str, lexicon: str | None,
          format: MeasureFormat) -> Outcome:
    """Every match behind a theme's counts, in context, side by side."""
    import polars as pl

    from toolkit.measure import kwic, load_lexicon
    from toolkit.measure.export import KWIC_TABLE

    themes: Lexicon = load_lexicon(lexicon)
    listing = pl.concat([
        kwic(frame, themes, theme).select(pl.lit(side).alias("side"), pl.all())
        for side, frame in sides.items()
    ])
    return Outcome(_table(listing, format, KWIC_TABLE))


def run_terms(
    old: str | None = None,
    new: str | None = None,
    *,
    themes: bool = False,
    words: bool = False,
    bigrams: bool = False,
    edits: bool = False,
    top: int = 20,
    unit: Unit = "document",
    seed: int = 0,
    kwic: str | None = None,
    lexicon: str | None = None,
    format: MeasureFormat = "table",
    plot: str | None = None,
) -> Outcome:
    """`terms` as a table, JSON or CSV, and its chart into `plot`; with `themes`, the
    lexicon's themes instead."""
    if themes:
        from toolkit.measure import load_lexicon
        from toolkit.measure.export import THEMES_TABLE

        return Outcome(_table(load_lexicon(lexicon).frame(), format, THEMES_TABLE))
    if old is None:
        raise InputError("terms compares two texts and got none; give OLD NEW, or --themes "
                         "to list the lexicon")
    if new is None and not kwic:
        raise InputError("terms compares two texts (OLD NEW) and got one; give NEW too, or "
                         "--kwic THEME to list the matches in one text")
    image = chart_format(plot)
    if kwic:
        from toolkit.parse import clauses_frame

        old_frame = clauses_frame(resolve_source(old).documents)
        if new is None:
            return _kwic({old: old_frame}, kwic, lexicon, format)
        new_frame = clauses_frame(resolve_source(new).documents)
        return _kwic({"old": old_frame, "new": new_frame}, kwic, lexicon, format)
    assert new is not None  # checked above
    level: TermsLevel = ("edits" if edits else "words" if words else
                         "bigrams" if bigrams else "themes")
    shifts = terms(old, new, level=level, lexicon=lexicon, top=top, unit=unit, seed=seed)
    from toolkit.measure.export import EDITS_TABLE, TERMS_TABLE, WORDS_TABLE

    columns = {"edits": EDITS_TABLE, "words": WORDS_TABLE, "bigrams": WORDS_TABLE,
               "themes": TERMS_TABLE}[level]
    if plot and image and level != "edits":
        from toolkit.render.charts import rate_ratio_chart, save_chart, word_shift_chart

        chart = rate_ratio_chart if level == "themes" else word_shift_chart
        save_chart(chart(shifts, old_name=old, new_name=new), plot, format=image)
    return Outcome(_table(shifts, format, columns, f"{new} (NEW) vs {old} (OLD)"))


def run_regions(
    edition: str = "baku-2025",
    *,
    within: Literal["sections", "revision"] | None = None,
    value: Literal["rate", "z"] = "rate",
    kwic: str | None = None,
    lexicon: str | None = None,
    format: MeasureFormat = "table",
    plot: str | None = None,
) -> Outcome:
    """`regions` as a table, JSON or CSV, and its chart (heatmap or shifts) into `plot`."""
    image = chart_format(plot)
    if kwic:
        from toolkit.measure.regions import initiatives
        from toolkit.parse import clauses_frame

        clauses = clauses_frame(resolve_source(edition).documents)
        return _kwic({edition: initiatives(clauses)}, kwic, lexicon, format)
    result = regions(edition, within=within, lexicon=lexicon)
    from toolkit.measure.export import REGIONS_TABLE, TERMS_TABLE

    sides = (("preamble", "operative") if within == "sections"
             else ("unchanged resolutions", "revised resolutions"))
    if plot and image:
        from toolkit.render.charts import rate_ratio_chart, region_heatmap, save_chart

        if within is None:
            ax = region_heatmap(result, value="rate_per_10k" if value == "rate" else "z",
                                edition_name=edition)
        else:
            ax = rate_ratio_chart(result, old_name=sides[0], new_name=sides[1])
        save_chart(ax, plot, format=image)
    if within is None:
        return Outcome(_table(result, format, REGIONS_TABLE))
    return Outcome(_table(result, format, TERMS_TABLE,
                          f"{sides[1]} (NEW) vs {sides[0]} (OLD), within {edition}"))
