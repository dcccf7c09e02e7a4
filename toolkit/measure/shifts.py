"""Shifts between two corpora (two clauses frames): themes, words and bigrams.

OLD and NEW can be two editions, two documents, two files or two groups inside one edition
(preamble vs operative text, revised vs unchanged resolutions). Every row carries the rate
ratio with its interval, a bootstrap interval over whole units, the conservative log-ratio
and the weighted log-odds z-score (see `stats`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import polars as pl

from toolkit.errors import InputError
from toolkit.measure.counts import (
    PER,
    clause_labels,
    clause_texts,
    in_context,
    theme_table,
    word_table,
)
from toolkit.measure.lexicon import Lexicon, load_lexicon
from toolkit.measure.stats import bootstrap_ratio, compare

Unit = Literal["document", "clause"]


def _doc_codes(clauses: pl.DataFrame) -> np.ndarray:
    return clauses.get_column("doc_id").cast(pl.String).fill_null("").to_numpy()


def _sum_rows(codes: np.ndarray, index: dict[str, int], matrix: np.ndarray, tokens: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    rows = np.array([index[c] for c in codes], dtype=np.int64)
    summed = np.zeros((len(index), matrix.shape[1]))
    np.add.at(summed, rows, matrix)
    return summed, np.bincount(rows, weights=tokens, minlength=len(index)).astype(float)


Units = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, bool]


def _units(
    old: pl.DataFrame, old_matrix: np.ndarray, old_tokens: np.ndarray,
    new: pl.DataFrame, new_matrix: np.ndarray, new_tokens: np.ndarray, unit: Unit,
) -> Units:
    """What the bootstrap resamples: (old units, their tokens, new units, tokens, paired).

    Clauses; or documents, and when both sides hold parts of the same documents (preamble
    and operative text of the same resolutions) those documents are resampled as pairs. A
    side that is one document has nothing to resample at that level: its clauses are
    resampled instead.
    """
    if unit == "document" and "doc_id" in old.columns and "doc_id" in new.columns:
        co, cn = _doc_codes(old), _doc_codes(new)
        shared = set(co) & set(cn)
        union = sorted(set(co) | set(cn))
        if shared and len(union) >= 2:
            index = {c: i for i, c in enumerate(union)}
            return (*_sum_rows(co, index, old_matrix, old_tokens),
                    *_sum_rows(cn, index, new_matrix, new_tokens), True)
        sides = []
        for codes, matrix, tokens in ((co, old_matrix, old_tokens), (cn, new_matrix, new_tokens)):
            ids = sorted(set(codes))
            sides.append(_sum_rows(codes, {c: i for i, c in enumerate(ids)}, matrix, tokens)
                         if len(ids) >= 2 else (matrix, tokens.astype(float)))
        return (*sides[0], *sides[1], False)
    return old_matrix, old_tokens.astype(float), new_matrix, new_tokens.astype(float), False


def _bootstrap(units: Units, n_boot: int, seed: int, level: float
               ) -> tuple[np.ndarray, np.ndarray]:
    uo, to, un, tn, paired = units
    return bootstrap_ratio(uo, to, un, tn, n_boot=n_boot, seed=seed, level=level, paired=paired)


def _frame(
    names: dict[str, list[str]],
    old: np.ndarray, old_tokens: int, new: np.ndarray, new_tokens: int,
    boot: tuple[np.ndarray, np.ndarray], level: float,
) -> pl.DataFrame:
    c = compare(old, old_tokens, new, new_tokens, level=level)
    return pl.DataFrame({
        **names,
        "old_count": old.astype(np.int64),
        "new_count": new.astype(np.int64),
        "old_tokens": np.full(len(old), old_tokens, dtype=np.int64),
        "new_tokens": np.full(len(old), new_tokens, dtype=np.int64),
        "old_rate_per_10k": old * PER / max(old_tokens, 1),
        "new_rate_per_10k": new * PER / max(new_tokens, 1),
        "rate_ratio": c.rate_ratio,
        "ci_low": c.ci_low,
        "ci_high": c.ci_high,
        "boot_low": boot[0],
        "boot_high": boot[1],
        "log2_ratio": c.log2_ratio,
        "lrc": c.lrc,
        "log_odds": c.log_odds,
        "z": c.z,
    })


# A single document carrying this share or more of the side that grew makes the shift its
# story, not the corpus's: "36× more about gender" when 160 of 279 mentions are Res. 55.
CONCENTRATED = 0.5


@dataclass(frozen=True)
class _Groups:
    """One side's counts summed per document (per clause when the side is one document)."""

    names: tuple[str, ...]
    counts: np.ndarray  # groups × themes
    tokens: np.ndarray  # groups
    members: np.ndarray  # per clause of the side: its group
    documents: np.ndarray  # per theme: documents of the side that hold it

    def without(self, group: int, theme: int, other: _Groups, *, grew: bool, level: float
                ) -> float:
        """The rate ratio NEW/OLD with `group` of this side left out (NaN: nothing left)."""
        count, tokens = self.counts[:, theme].sum() - self.counts[group, theme], (
            self.tokens.sum() - self.tokens[group])
        if tokens <= 0:
            return math.nan
        here, there = (np.array([count]), float(tokens)), (
            np.array([other.counts[:, theme].sum()]), float(other.tokens.sum()))
        old, new = (there, here) if grew else (here, there)
        return float(compare(*old, *new, level=level).rate_ratio[0])


def _groups(clauses: pl.DataFrame, counts: np.ndarray, tokens: np.ndarray) -> _Groups:
    n = clauses.height
    docs = (_doc_codes(clauses) if "doc_id" in clauses.columns
            else np.array([f"clause {i + 1}" for i in range(n)], dtype=object))
    ids = sorted(set(docs))
    index = {c: i for i, c in enumerate(ids)}
    per_doc, doc_tokens = _sum_rows(docs, index, counts, tokens)
    held = (per_doc > 0).sum(axis=0).astype(np.int64)
    if len(ids) >= 2 or n == 0:
        members = np.array([index[d] for d in docs], dtype=np.int64)
        return _Groups(tuple(ids), per_doc, doc_tokens, members, held)
    # One document: what could carry its count alone is one of its clauses (the bootstrap
    # resamples clauses here too).
    labels = (clauses.get_column("label").cast(pl.String).to_list()
              if "label" in clauses.columns else [None] * n)
    names = tuple(f"{d} {lab}" if lab else f"{d} clause {i + 1}"
                  for i, (d, lab) in enumerate(zip(docs, labels, strict=True)))
    return _Groups(names, counts.astype(float), tokens.astype(float), np.arange(n), held)


def _grew(old: _Groups, new: _Groups) -> np.ndarray:
    """Per theme: whether NEW's rate is at least OLD's (then NEW is the side to look into).
    A theme on neither side looks at NEW: it has none."""
    ratio = compare(old.counts.sum(axis=0), float(old.tokens.sum()),
                    new.counts.sum(axis=0), float(new.tokens.sum())).rate_ratio
    return np.asarray(~(ratio < 1))


def _concentration(shifts: pl.DataFrame, old: _Groups, new: _Groups, level: float
                   ) -> pl.DataFrame:
    """Per theme, the document that carries most of the side that grew (or shrank), its
    share of that side's count, and the rate ratio with that document left out."""
    top: list[str | None] = []
    share = np.full(shifts.height, np.nan)
    without = np.full(shifts.height, np.nan)
    for j, up in enumerate(_grew(old, new)):
        side, other = (new, old) if up else (old, new)
        column = side.counts[:, j]
        total = column.sum()
        if total == 0:
            top.append(None)
            continue
        i = int(np.argmax(column))  # ties: the first document in id order
        top.append(side.names[i])
        share[j] = column[i] / total
        without[j] = side.without(i, j, other, grew=bool(up), level=level)
    return shifts.with_columns(
        pl.Series("documents_old", old.documents),
        pl.Series("documents_new", new.documents),
        pl.Series("top_document", top, dtype=pl.String),
        pl.Series("top_document_share", share).fill_nan(None),
        pl.Series("ratio_without_top", without).fill_nan(None),
    )


def _direction(shifts: pl.DataFrame) -> pl.DataFrame:
    """`direction` (higher / lower / unclear) and `reason`, by one rule for every row: the
    bootstrap interval over documents excludes 1, and no document carries half the change.

    The Wilson interval is not enough: it treats tokens as independent, and one resolution
    repeating a term makes it narrow while the bootstrap over documents stays wide.
    """
    low, high = pl.col("boot_low").fill_nan(None), pl.col("boot_high").fill_nan(None)
    share = pl.col("top_document_share")
    concentrated = share >= CONCENTRATED
    way = pl.when(low > 1).then(pl.lit("higher")).when(high < 1).then(pl.lit("lower"))
    interval = (
        pl.when((pl.col("old_count") + pl.col("new_count")) == 0).then(pl.lit("on neither side"))
        .when(low.is_null() | high.is_null())
        .then(pl.lit("no bootstrap interval (a side has none)"))
        .when((low <= 1) & (high >= 1)).then(pl.lit("bootstrap interval includes 1"))
    )
    carried = pl.when(concentrated).then(pl.format(
        "{} carries {}%", pl.col("top_document"), (share * 100).round(0).cast(pl.Int64)))
    return shifts.with_columns(
        direction=pl.when(concentrated.fill_null(True)).then(pl.lit("unclear"))
        .otherwise(way.otherwise(pl.lit("unclear"))),
        reason=pl.concat_str(interval, carried, separator="; ", ignore_nulls=True),
    )


def _check_unit(unit: str) -> None:
    if unit not in ("document", "clause"):
        raise InputError(f"cannot resample by '{unit}'; use 'document' or 'clause'")


def _check_words(old_tokens: np.ndarray, new_tokens: np.ndarray) -> None:
    """A side without a single word has no rates to compare."""
    for side, tok in (("OLD", old_tokens), ("NEW", new_tokens)):
        if tok.sum() == 0:
            raise InputError(f"{side} has no words to count; give a text with words in it")


def term_shifts(
    old: pl.DataFrame,
    new: pl.DataFrame,
    lexicon: Lexicon | None = None,
    *,
    unit: Unit = "document",
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> pl.DataFrame:
    """One row per theme: counts, rates per 10k tokens and how NEW differs from OLD.

    Columns theme, label, old_count, new_count, old_tokens, new_tokens, old_rate_per_10k,
    new_rate_per_10k, rate_ratio, ci_low, ci_high (Wilson), boot_low, boot_high (bootstrap
    over `unit`s, paired when both sides hold parts of the same documents), log2_ratio, lrc,
    log_odds, z; documents_old, documents_new (documents holding the theme), top_document
    and top_document_share (the document carrying most of the side that grew, or shrank;
    a clause when that side is one document), ratio_without_top (the ratio with it left
    out), direction (higher / lower / unclear, see `_direction`) and reason.
    """
    _check_unit(unit)
    to, tn = theme_table(old, lexicon), theme_table(new, lexicon)
    _check_words(to.tokens, tn.tokens)
    units = _units(old, to.counts, to.tokens, new, tn.counts, tn.tokens, unit)
    boot = _bootstrap(units, n_boot, seed, level)
    shifts = _frame(
        {"theme": list(to.themes), "label": list(to.labels)},
        to.counts.sum(axis=0), int(to.tokens.sum()), tn.counts.sum(axis=0), int(tn.tokens.sum()),
        boot, level,
    )
    groups = (_groups(old, to.counts, to.tokens), _groups(new, tn.counts, tn.tokens))
    return _direction(_concentration(shifts, *groups, level))


def term_drivers(
    old: pl.DataFrame,
    new: pl.DataFrame,
    lexicon: Lexicon | None = None,
    *,
    top: int = 3,
    width: int = 40,
    level: float = 0.95,
) -> pl.DataFrame:
    """What drives each theme's shift: the `top` documents carrying most of the side that grew
    (or shrank), so a reader sees at once whether one resolution makes the trend.

    Columns theme, label, side (old/new), document, count, share (of that side's count),
    ratio_without (the rate ratio NEW/OLD with this document left out), clause (the label of
    its clause with most matches) and left, match, right (that clause's first match in
    context, `width` characters each side). A side that is one document is looked at clause
    by clause, as in `term_shifts`.
    """
    lex = lexicon or load_lexicon()
    to, tn = theme_table(old, lex), theme_table(new, lex)
    # Per side: its clauses' texts and labels, theme table and documents.
    sides = {name: (clause_texts(frame), clause_labels(frame), table,
                    _groups(frame, table.counts, table.tokens))
             for name, frame, table in (("old", old, to), ("new", new, tn))}
    rows: list[dict[str, Any]] = []
    for j, up in enumerate(_grew(sides["old"][3], sides["new"][3])):
        name = "new" if up else "old"
        texts, labels, table, groups = sides[name]
        other = sides["old" if up else "new"][3]
        column = groups.counts[:, j]
        for i in np.argsort(-column, kind="stable")[:top]:
            if column[i] == 0:
                break
            members = np.flatnonzero(groups.members == i)
            best = int(members[np.argmax(table.counts[members, j])])
            # The clause's first match, taken from its text: a kwic frame per row costs more.
            left, match, right = next(in_context(texts[best], lex.theme(table.themes[j]),
                                                 width=width))
            rows.append({
                "theme": table.themes[j], "label": table.labels[j], "side": name,
                "document": groups.names[i], "count": int(column[i]),
                "share": float(column[i] / column.sum()),
                "ratio_without": groups.without(int(i), j, other, grew=bool(up), level=level),
                "clause": labels[best], "left": left, "match": match, "right": right,
            })
    schema = {"theme": pl.String, "label": pl.String, "side": pl.String,
              "document": pl.String, "count": pl.Int64, "share": pl.Float64,
              "ratio_without": pl.Float64, "clause": pl.String, "left": pl.String,
              "match": pl.String, "right": pl.String}
    return pl.DataFrame(rows, schema=schema).with_columns(pl.col("ratio_without").fill_nan(None))


def _sparse_rows(counters: tuple[dict[str, int], ...], keys: list[str]) -> np.ndarray:
    index = {k: j for j, k in enumerate(keys)}
    out = np.zeros((len(counters), len(keys)))
    for i, counter in enumerate(counters):
        for key, c in counter.items():
            j = index.get(key)
            if j is not None:
                out[i, j] = c
    return out


def word_shifts(
    old: pl.DataFrame,
    new: pl.DataFrame,
    *,
    n: int = 1,
    top: int = 20,
    min_count: int = 3,
    unit: Unit = "document",
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> pl.DataFrame:
    """The `top` rising and `top` falling words (n=1) or bigrams (n=2), ranked by z; a word
    whose rate ratio rounds to 1.00 is neither.

    Columns term, key, direction ("rising"/"falling") and the columns of `term_shifts`.
    Words seen fewer than `min_count` times on both sides together are left out; the
    bootstrap runs on the rows shown only (resampling the full vocabulary is costly and
    would not change them).
    """
    _check_unit(unit)
    wo, wn = word_table(old, n=n), word_table(new, n=n)
    _check_words(wo.tokens, wn.tokens)
    totals_old: dict[str, int] = {}
    totals_new: dict[str, int] = {}
    for counters, totals in ((wo.counts, totals_old), (wn.counts, totals_new)):
        for counter in counters:
            for key, c in counter.items():
                totals[key] = totals.get(key, 0) + c
    keys = sorted(k for k in totals_old.keys() | totals_new.keys()
                  if totals_old.get(k, 0) + totals_new.get(k, 0) >= min_count)
    if not keys:
        raise InputError(
            f"no word occurs {min_count} times or more in OLD and NEW together; "
            "compare larger texts or lower min_count"
        )
    old_c = np.array([totals_old.get(k, 0) for k in keys], dtype=float)
    new_c = np.array([totals_new.get(k, 0) for k in keys], dtype=float)
    ntok_old, ntok_new = int(wo.tokens.sum()), int(wn.tokens.sum())
    stats = compare(old_c, ntok_old, new_c, ntok_new, level=level)
    z = stats.z
    # The prior can give z a sign where the rates are equal: a word whose ratio shows as
    # 1.00 has neither risen nor fallen.
    shown = np.round(stats.rate_ratio, 2)
    order = np.argsort(-z, kind="stable")
    rising = [int(i) for i in order if z[i] > 0 and shown[i] > 1][:top]
    falling = [int(i) for i in order[::-1] if z[i] < 0 and shown[i] < 1][:top]
    chosen = rising + falling
    sel = [keys[i] for i in chosen]
    display = {**wo.display, **wn.display}
    units = _units(old, _sparse_rows(wo.counts, sel), wo.tokens,
                   new, _sparse_rows(wn.counts, sel), wn.tokens, unit)
    boot = _bootstrap(units, n_boot, seed, level)
    names = {
        "term": [display[k] for k in sel],
        "key": sel,
        "direction": ["rising"] * len(rising) + ["falling"] * len(falling),
    }
    return _frame(names, old_c[chosen], ntok_old, new_c[chosen], ntok_new, boot, level)


def preamble_vs_operative(
    clauses: pl.DataFrame,
    lexicon: Lexicon | None = None,
    *,
    unit: Unit = "document",
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> pl.DataFrame:
    """Theme shifts from the preamble (OLD side) to the operative text (NEW side)."""
    kind = pl.col("section_kind")
    return term_shifts(clauses.filter(kind == "preamble"), clauses.filter(kind == "operative"),
                       lexicon, unit=unit, n_boot=n_boot, seed=seed, level=level)


def revised_at(label: str, edition_label: str | None) -> bool:
    """Whether a printed edition label ("Rev. Baku, 2025", "Baku, 2025") names this edition."""
    return edition_label is not None and edition_label.removeprefix("Rev.").strip() == label


def revised_vs_unchanged(
    clauses: pl.DataFrame,
    lexicon: Lexicon | None = None,
    *,
    edition_label: str = "Baku, 2025",
    unit: Unit = "document",
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> pl.DataFrame:
    """Theme shifts from the resolutions left as earlier editions had them (OLD side) to
    those adopted or revised at `edition_label` (NEW side): two groups of one edition's
    texts, not a change over time."""
    return term_shifts(*revision_sides(clauses, edition_label=edition_label), lexicon,
                       unit=unit, n_boot=n_boot, seed=seed, level=level)


def revision_sides(clauses: pl.DataFrame, *, edition_label: str = "Baku, 2025"
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The clauses of the resolutions left unchanged and of those adopted or revised at
    `edition_label`: the two sides of `revised_vs_unchanged`, for `term_drivers` and KWIC."""
    res = clauses.filter(pl.col("doc_type") == "resolution")
    revised = res.get_column("edition_label").map_elements(
        lambda e: revised_at(edition_label, e), return_dtype=pl.Boolean
    )
    return res.filter(~revised), res.filter(revised)


def _boot_lrc(row: Mapping[str, Any]) -> float | None:
    """log2 of the bootstrap interval's end nearest to 1 (0 when it holds 1); None without one."""
    low, high = row.get("boot_low"), row.get("boot_high")
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return None
    return math.log2(low) if low > 1 else math.log2(high) if high < 1 else 0.0


def headline(row: Mapping[str, Any], *, old_name: str = "OLD", new_name: str = "NEW") -> str:
    """A sentence for one row of `term_shifts`, sized by the conservative log-ratio: the
    factor the data support at least ("at least 3.1× more"), or no clear difference.

    Where the row has a bootstrap interval, the claim must hold under it too: the Wilson
    interval treats tokens as independent, and clustered mentions (one resolution repeating a
    term) can make it too narrow for a headline. A row of `term_shifts` whose direction is
    unclear gets no factor at all, with the reason.
    """
    label = str(row.get("label") or row.get("term") or row.get("theme"))
    lrc = float(row["lrc"])
    boot = _boot_lrc(row)
    if boot is not None:
        lrc = 0.0 if lrc * boot <= 0 else math.copysign(min(abs(lrc), abs(boot)), lrc)
    counts = f"({row['old_count']} → {row['new_count']})"
    if row.get("direction") == "unclear":  # the rows' one rule overrides the factor
        why = f"; {row['reason']}" if row.get("reason") else ""
        return f"{label}: no clear difference between {new_name} and {old_name} {counts}{why}"
    factor = 2 ** abs(lrc)
    shown = f"{factor:.1f}"
    if shown == "1.0" and row.get("direction") in ("higher", "lower"):
        shown = f"{factor:.2f}"  # a direction the rule grants is never "no clear difference"
    if shown in ("1.0", "1.00"):  # "at least 1.0× more" says nothing: the interval touches 1
        return f"{label}: no clear difference between {new_name} and {old_name} {counts}"
    direction = "more" if lrc > 0 else "less"
    return (f"{label}: at least {shown}× {direction} often in {new_name} than {old_name} "
            f"{counts}")


def findings(shifts: pl.DataFrame, *, old_name: str = "OLD", new_name: str = "NEW") -> str:
    """The sentence a reader may quote from a `term_shifts` frame: one `headline` per theme
    with a clear direction, most risen first, or that no theme has one."""
    clear = shifts.filter(pl.col("direction") != "unclear").sort("z", descending=True)
    if clear.height == 0:
        return ("No theme has a clear direction here: every bootstrap interval includes 1, "
                "or one document carries half of the change.")
    return "Clear directions: " + "; ".join(
        headline(r, old_name=old_name, new_name=new_name)
        for r in clear.iter_rows(named=True)) + "."
