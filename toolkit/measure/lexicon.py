"""The theme lexicon: package data in TOML, each entry with its own matching rule.

See lexicon.toml for the rules (phrases, acronyms, regex). Matching runs on the counting form
of a text (`text.normalize`), so hyphen look-alikes and footnote markers do not hide a match.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import polars as pl

from toolkit.errors import InputError

_WORD_EDGE_BEFORE = r"(?<![^\W_])"
_WORD_EDGE_AFTER = r"(?![^\W_])"
# "artificial intelligence (AI)": a match followed by another of the same theme in parentheses.
_PAREN_OPEN = re.compile(r"\s*\(\s*")
# "non-geostationary satellite": matches next to each other form one phrase, one mention.
_ADJACENT = re.compile(r"[\s-]*")
_PAREN_CLOSE = re.compile(r"\s*\)")


def _phrase_body(phrase: str) -> str:
    """Phrase → regex (no word edges): spaces match spaces/hyphens, hyphens are optional."""
    stem = phrase.endswith("*")
    words = phrase.rstrip("*").split()
    parts = []
    for word in words:
        pieces = [re.escape(p) for p in word.split("-")]
        parts.append(r"[\s-]?".join(pieces))
    body = r"[\s-]+".join(parts)
    tail = r"[^\W_]*" if stem else ""
    return f"{body}{tail}"


@dataclass(frozen=True)
class Theme:
    """One theme: its id ("ai"), display label and the entries that find it."""

    id: str
    label: str
    phrases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()
    # Where the entries come from: "shipped", a --lexicon file, or "shipped + FILE" when the
    # file extends a shipped theme. Shown by `wtdc terms --themes`; not part of the rule.
    source: str = field(default="shipped", compare=False)
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _pieces: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = [f"(?i:{_phrase_body(p)})" for p in self.phrases]
        entries += [re.escape(a) for a in self.acronyms]
        if not entries and not self.regex:
            raise InputError(f"theme '{self.id}' has no phrases, acronyms or regex; add one")
        # A regex alternation takes the first alternative that matches, not the longest:
        # longer entries first, so "IMT-2020" is shown whole rather than as "IMT".
        entries.sort(key=len, reverse=True)
        # The word-edge checks stand outside the alternation: tried once per position, not
        # once per entry, which makes a theme about five times faster to scan.
        alternatives = [f"{_WORD_EDGE_BEFORE}(?:{'|'.join(entries)}){_WORD_EDGE_AFTER}"] * bool(
            entries) + [f"(?:{r})" for r in self.regex]
        try:
            pattern = re.compile("|".join(alternatives))
        except re.error as error:
            raise InputError(
                f"theme '{self.id}' has an invalid regex ({error}); fix it in the lexicon"
            ) from None
        object.__setattr__(self, "_pattern", pattern)
        # Per phrase, the lower-case pieces every match holds (a hyphen between them is
        # optional, so no piece spans one): a text lacking one cannot match the phrase.
        pieces = (frozenset(re.split(r"[\s*-]+", p.lower())) - {""} for p in self.phrases)
        object.__setattr__(self, "_pieces", tuple(tuple(sorted(p)) for p in pieces))

    @property
    def requirements(self) -> tuple[tuple[tuple[str, bool], ...], ...] | None:
        """When the theme may match a text: where the text holds every literal of one of
        these, each (literal, folded), searched in the text's lower-case form when folded;
        None when the theme has regex entries, which may match anywhere.

        Literal searches over all texts are far cheaper than the full regex on each, which
        then runs only where they allow a match."""
        if self.regex:
            return None
        return (*(tuple((piece, True) for piece in pieces) for pieces in self._pieces),
                *(((acronym, False),) for acronym in self.acronyms))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Match spans in `text`, overlapping ones merged, "phrase (ACRONYM)" counted once."""
        found: list[tuple[int, int]] = []
        for m in ((m.start(), m.end()) for m in self._pattern.finditer(text)):
            if found and m[0] <= found[-1][1]:
                found[-1] = (found[-1][0], max(found[-1][1], m[1]))
                continue
            if found and _ADJACENT.fullmatch(text, found[-1][1], m[0]):
                found[-1] = (found[-1][0], m[1])
                continue
            if found:
                gap = _PAREN_OPEN.fullmatch(text, found[-1][1], m[0])
                close = _PAREN_CLOSE.match(text, m[1])
                if gap and close:
                    found[-1] = (found[-1][0], close.end())
                    continue
            found.append(m)
        return found


@dataclass(frozen=True)
class Lexicon:
    """The themes a term shift counts, each with its rules (lexicon.toml or a user's file)."""

    themes: tuple[Theme, ...]

    def theme(self, theme_id: str) -> Theme:
        """The theme of that id; an unknown id is an error that lists the known ones."""
        for t in self.themes:
            if t.id == theme_id:
                return t
        names = ", ".join(t.id for t in self.themes)
        raise InputError(f"unknown theme '{theme_id}'; the lexicon has: {names} "
                         "(`wtdc terms --themes` lists them)")

    @property
    def ids(self) -> tuple[str, ...]:
        """The theme ids, in the lexicon's order."""
        return tuple(t.id for t in self.themes)

    def frame(self) -> pl.DataFrame:
        """The themes a reader can ask for: id, label, patterns (entries of all rules), source."""
        return pl.DataFrame(
            {
                "id": list(self.ids),
                "label": [t.label for t in self.themes],
                "patterns": [len(t.phrases) + len(t.acronyms) + len(t.regex)
                             for t in self.themes],
                "source": [t.source for t in self.themes],
            },
            schema={"id": pl.String, "label": pl.String, "patterns": pl.Int64,
                    "source": pl.String},
        )

    def _repr_html_(self) -> str:
        return str(self.frame()._repr_html_())


def _themes_from_toml(text: str, origin: str, source: str = "shipped"
                      ) -> list[tuple[Theme, bool]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{origin} is not valid TOML ({error}); fix the file") from None
    rows = data.get("theme")
    if not isinstance(rows, list):
        raise InputError(f"{origin} has no [[theme]] tables; see toolkit/measure/lexicon.toml")
    out = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise InputError(f"{origin}: every [[theme]] needs a string `id`")
        unknown = set(row) - {"id", "label", "phrases", "acronyms", "regex", "extend"}
        if unknown:
            raise InputError(
                f"{origin}: theme '{row['id']}' has unknown keys {sorted(unknown)}; "
                "use phrases, acronyms, regex, label, extend"
            )
        theme = Theme(
            id=row["id"],
            label=str(row.get("label", row["id"])),
            phrases=tuple(row.get("phrases", ())),
            acronyms=tuple(row.get("acronyms", ())),
            regex=tuple(row.get("regex", ())),
            source=source,
        )
        out.append((theme, bool(row.get("extend", False))))
    return out


@cache
def _default() -> Lexicon:
    text = resources.files("toolkit.measure").joinpath("lexicon.toml").read_text("utf-8")
    return Lexicon(tuple(t for t, _ in _themes_from_toml(text, "lexicon.toml")))


def load_lexicon(path: str | os.PathLike[str] | None = None) -> Lexicon:
    """The shipped lexicon, extended or overridden by the themes of the TOML file at `path`.

    A theme with a new id is added; one with a known id replaces it, or with `extend = true`
    adds its entries to the shipped ones.
    """
    base = _default()
    if path is None:
        return base
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except FileNotFoundError:
        cause = "no such file"
    except IsADirectoryError:
        cause = "it is a directory"
    except UnicodeDecodeError:
        cause = "not UTF-8 text"
    except OSError as error:
        cause = error.strerror or error.__class__.__name__
    else:
        cause = ""
    if cause:
        raise InputError(f"cannot read lexicon {p}: {cause}; give a UTF-8 TOML file of themes")
    themes = {t.id: t for t in base.themes}
    for theme, extend in _themes_from_toml(text, str(p), str(p)):
        old = themes.get(theme.id)
        if extend and old is not None:
            theme = Theme(
                id=old.id,
                label=old.label if theme.label == theme.id else theme.label,
                phrases=old.phrases + theme.phrases,
                acronyms=old.acronyms + theme.acronyms,
                regex=old.regex + theme.regex,
                source=f"{old.source} + {p}",
            )
        themes[theme.id] = theme
    return Lexicon(tuple(themes.values()))
