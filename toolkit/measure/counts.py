"""Theme and word counts over a clauses frame (one row per clause, with at least `text`).

The frame is what `toolkit.parse.clauses_frame` returns; counts group by any of its columns
(`doc_id`, `region`, `section_kind`, …) or by `clause` (one row per clause). Rates are per
10,000 word tokens of the same group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import polars as pl

from toolkit.errors import InputError
from toolkit.measure.lexicon import Lexicon, Theme, load_lexicon
from toolkit.measure.text import (
    ngrams,
    normalize,
    phrases,
    stem,
    stopwords,
    token_count,
    tokens,
)

PER = 10_000


@dataclass(frozen=True)
class ThemeTable:
    """Per clause: word tokens and theme matches (clauses × themes)."""

    tokens: np.ndarray  # shape (n,)
    counts: np.ndarray  # shape (n, k)
    themes: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class WordTable:
    """Per clause: counts of word (or n-gram) keys; `display` maps key → most frequent form."""

    tokens: np.ndarray  # shape (n,)
    counts: tuple[Counter[str], ...]
    display: dict[str, str]


def clause_texts(clauses: pl.DataFrame) -> tuple[str, ...]:
    """The `text` column of a clauses frame, a missing text as ""."""
    if "text" not in clauses.columns:
        raise InputError("the clauses frame has no `text` column; build it with clauses_frame()")
    return tuple(t or "" for t in clauses.get_column("text").to_list())


# Per lexicon, per clause text: (tokens, theme counts). Groups, subsets and both sides of a
# comparison drawn from one parsed edition are then counted once per process.
_ROWS: dict[Lexicon, dict[str, tuple[int, tuple[int, ...]]]] = {}


def _count(texts: list[str], lexicon: Lexicon) -> list[tuple[int, tuple[int, ...]]]:
    """Tokens and theme matches of clause texts, each theme's regex run only on the texts
    that hold its literals (all of them searched in one polars pass)."""
    normalized = [normalize(t) for t in texts]
    tokens_ = [token_count(t) for t in normalized]
    counts = np.zeros((len(texts), len(lexicon.themes)), dtype=np.int64)
    for j, (theme, rows) in enumerate(zip(lexicon.themes, theme_rows(normalized, lexicon),
                                          strict=True)):
        for i in rows:
            counts[i, j] = len(theme.spans(normalized[i]))
    return [(n, tuple(row)) for n, row in zip(tokens_, counts.tolist(), strict=True)]


def theme_rows(normalized: list[str], lexicon: Lexicon) -> list[Iterable[int]]:
    """Per theme, the indexes of the (normalised) texts it may match: those holding its
    literals, all of them searched in one polars pass; every text for a regex theme."""
    column, searches = _literal_searches(lexicon)
    holds = (
        pl.DataFrame({"text": normalized}, schema={"text": pl.String})
        .with_columns(folded=pl.col("text").str.to_lowercase())
        .select(searches)
        .to_numpy()
    )  # texts × literals
    found: list[Iterable[int]] = []
    for theme in lexicon.themes:
        if theme.requirements is None:
            found.append(range(len(normalized)))
            continue
        may = np.zeros(len(normalized), dtype=bool)
        for need in theme.requirements:
            may |= holds[:, [column[literal] for literal in need]].all(axis=1)
        found.append(np.flatnonzero(may).tolist())
    return found


@lru_cache(maxsize=8)
def _literal_searches(lexicon: Lexicon) -> tuple[dict[tuple[str, bool], int], list[pl.Expr]]:
    """Every literal the lexicon's themes require, its column, and its search as a polars
    expression (over `text`, or `folded` for a folded literal); each literal once."""
    literals = sorted({literal for theme in lexicon.themes for need in theme.requirements or ()
                       for literal in need})
    searches = [pl.col("folded" if folded else "text").str.contains(literal, literal=True)
                .alias(str(i)) for i, (literal, folded) in enumerate(literals)]
    return {literal: i for i, literal in enumerate(literals)}, searches


def _theme_table(texts: tuple[str, ...], lexicon: Lexicon) -> ThemeTable:
    cache = _ROWS.setdefault(lexicon, {})
    missing = list(dict.fromkeys(t for t in texts if t not in cache))
    if missing:
        cache.update(zip(missing, _count(missing, lexicon), strict=True))
    k = len(lexicon.themes)
    return ThemeTable(
        np.array([cache[t][0] for t in texts], dtype=np.int64),
        np.array([cache[t][1] for t in texts], dtype=np.int64).reshape(len(texts), k),
        lexicon.ids,
        tuple(t.label for t in lexicon.themes),
    )


def theme_table(clauses: pl.DataFrame, lexicon: Lexicon | None = None) -> ThemeTable:
    """Tokens and theme matches of each clause of `clauses` (cached by text across calls)."""
    return _theme_table(clause_texts(clauses), lexicon or load_lexicon())


@lru_cache(maxsize=32)
def _word_table(texts: tuple[str, ...], n: int) -> WordTable:
    stop = stopwords()
    tok = np.zeros(len(texts), dtype=np.int64)
    per_clause: list[Counter[str]] = []
    forms: dict[str, Counter[str]] = {}
    for i, raw in enumerate(texts):
        text = normalize(raw)
        words = tokens(text)
        tok[i] = len(words)
        grams: list[tuple[str, ...]]
        if n == 1:
            grams = [(w,) for w in words if w.lower() not in stop]
        else:
            grams = [g for part in phrases(text) for g in ngrams(tokens(part), n)]
        counter: Counter[str] = Counter()
        for gram in grams:
            key = " ".join(stem(w) for w in gram)
            counter[key] += 1
            forms.setdefault(key, Counter())[" ".join(gram)] += 1
        per_clause.append(counter)
    display = {key: c.most_common(1)[0][0] for key, c in forms.items()}
    return WordTable(tok, tuple(per_clause), display)


def word_table(clauses: pl.DataFrame, *, n: int = 1) -> WordTable:
    """Word (`n=1`) or bigram (`n=2`) counts of each clause of `clauses`."""
    if n not in (1, 2):
        raise InputError(f"n-grams of length {n} are not counted; use 1 (words) or 2 (bigrams)")
    return _word_table(clause_texts(clauses), n)


def _with_keys(clauses: pl.DataFrame, by: Sequence[str]) -> pl.DataFrame:
    frame = clauses.with_row_index("clause") if "clause" in by else clauses
    missing = [c for c in by if c not in frame.columns]
    if missing:
        raise InputError(
            f"cannot group by {missing}: the clauses frame has {frame.columns}; pick from those"
        )
    return frame.select(list(by))


def _rate(count: pl.Expr, tok: pl.Expr) -> pl.Expr:
    return pl.when(tok > 0).then(count * PER / tok).otherwise(0.0)


def term_counts(
    clauses: pl.DataFrame, lexicon: Lexicon | None = None, *, by: Sequence[str] = ("doc_id",)
) -> pl.DataFrame:
    """Theme counts per group: columns *by, theme, label, count, tokens, rate_per_10k."""
    table = theme_table(clauses, lexicon)
    wide = pl.DataFrame([
        *_with_keys(clauses, by),
        pl.Series("tokens", table.tokens),
        *(pl.Series(t, table.counts[:, j]) for j, t in enumerate(table.themes)),
    ])
    grouped = (
        wide.group_by(list(by), maintain_order=True).agg(pl.all().sum())
        if by
        else wide.sum()
    )
    labels = pl.DataFrame({"theme": table.themes, "label": table.labels})
    return (
        grouped.unpivot(index=[*by, "tokens"], on=list(table.themes), variable_name="theme",
                        value_name="count")
        .join(labels, on="theme", how="left", maintain_order="left")
        .with_columns(rate_per_10k=_rate(pl.col("count"), pl.col("tokens")))
        .select(*by, "theme", "label", "count", "tokens", "rate_per_10k")
    )


def word_counts(
    clauses: pl.DataFrame, *, by: Sequence[str] = ("doc_id",), n: int = 1
) -> pl.DataFrame:
    """Word (n=1) or bigram (n=2) counts per group, grouped on stems, shown as real words.

    Columns *by, term (most frequent form), key (stems), count, tokens, rate_per_10k.
    Stopwords are left out of the counts but not of the token totals.
    """
    table = word_table(clauses, n=n)
    keys = pl.DataFrame([*_with_keys(clauses, by), pl.Series("tokens", table.tokens)])
    rows: dict[str, list[object]] = {"_row": [], "key": [], "count": []}
    for i, counter in enumerate(table.counts):
        for key, c in counter.items():
            rows["_row"].append(i)
            rows["key"].append(key)
            rows["count"].append(c)
    long = pl.DataFrame(rows, schema={"_row": pl.UInt32, "key": pl.String, "count": pl.Int64})
    indexed = keys.with_row_index("_row")
    totals = (
        indexed.group_by(list(by)).agg(pl.col("tokens").sum()) if by
        else indexed.select(pl.col("tokens").sum())
    )
    counted = long.join(indexed.drop("tokens"), on="_row")
    grouped = counted.group_by([*by, "key"]).agg(pl.col("count").sum())
    joined = grouped.join(totals, on=list(by)) if by else grouped.join(totals, how="cross")
    display = pl.DataFrame({"key": list(table.display), "term": list(table.display.values())})
    return (
        joined.join(display, on="key", how="left")
        .with_columns(rate_per_10k=_rate(pl.col("count"), pl.col("tokens")))
        .select(*by, "term", "key", "count", "tokens", "rate_per_10k")
        .sort([*by, "count", "key"], descending=[*([False] * len(by)), True, False])
    )


def kwic(
    clauses: pl.DataFrame, lexicon: Lexicon | None, theme: str, *, width: int = 40
) -> pl.DataFrame:
    """Keyword in context: every match behind a theme count, with `width` characters around.

    Columns doc_id, label, left, match, right (in reading order); one row per counted match.
    """
    rule = (lexicon or load_lexicon()).theme(theme)
    doc_ids = _column(clauses, "doc_id")
    labels = clause_labels(clauses)
    out: dict[str, list[str | None]] = {k: [] for k in ("doc_id", "label", "left", "match",
                                                          "right")}
    for doc_id, label, raw in zip(doc_ids, labels, clause_texts(clauses), strict=True):
        for left, match, right in in_context(raw, rule, width=width):
            out["doc_id"].append(doc_id)
            out["label"].append(label)
            out["left"].append(left)
            out["match"].append(match)
            out["right"].append(right)
    return pl.DataFrame(out, schema={k: pl.String for k in out})


def clause_labels(clauses: pl.DataFrame) -> list[str | None]:
    """The `label` column of a clauses frame, or None for each clause when it has none."""
    return _column(clauses, "label")


def _column(clauses: pl.DataFrame, name: str) -> list[str | None]:
    return (clauses.get_column(name).to_list() if name in clauses.columns
            else [None] * clauses.height)


def in_context(raw: str, rule: Theme, *, width: int = 40) -> Iterator[tuple[str, str, str]]:
    """Each match of `rule` in a text as (left, match, right), `width` characters each side,
    in the counting form of the text (`kwic` for a whole frame)."""
    text = normalize(raw)
    for a, b in rule.spans(text):
        left, right = text[max(0, a - width):a].split(), text[b:b + width].split()
        # Words cut by the window are left out rather than shown in pieces.
        if left and a - width > 0 and not text[a - width - 1].isspace():
            left = left[1:] if not text[a - width].isspace() else left
        if right and b + width < len(text) and not text[b + width].isspace():
            right = right[:-1] if not text[b + width - 1].isspace() else right
        yield " ".join(left), text[a:b], " ".join(right)
