"""Text normalisation and tokenisation for counting: NLTK's data-free tokenizers only.

Counting needs one form per word: hyphen look-alikes become "-", soft hyphens go, footnote
markers glued to words ("developing1") are dropped, case is folded for grouping, and a
Snowball stem groups inflections while the most frequent real word is what a reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.stem.snowball import SnowballStemmer
    from nltk.tokenize import RegexpTokenizer

_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2043\ufe63\uff0d"), "-")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# A footnote marker in the shipped extraction is 1-2 digits glued to a lower-case word
# ("countries1"); upper-case codes ("ASP1", "IMT-2020", "Space2030") never match this.
# The same as (?<=[a-z]{2})\d{1,2}\b, written to start with the digit: the engine then skips
# to digits instead of testing the look-behind at every character (four times faster).
_FOOTNOTE = re.compile(r"\d(?<=[a-z]{2}\d)\d?\b")
# Words, with inner hyphens and apostrophes kept ("space-based", "Africa's", "IMT-2020", "5G");
# a word holds at least one letter, so "2025" and "2026-2029" are not words. (A letter-requiring
# pattern does the same in one pass but backtracks: three times slower on the report.)
_WORD = r"[^\W_]+(?:[-'’][^\W_]+)*"
# NLTK compiles a caller's pattern through its ReDoS guard (the `regex` engine, time-bounded);
# this pattern cannot backtrack, so the token count behind every rate runs it on `re`: the
# same tokens (tested), three times faster on the Final Report.
_WORD_RE = re.compile(_WORD)
_SEPARATORS = dict.fromkeys(map(ord, "-'’"), None)


def normalize(text: str) -> str:
    """The counting form of a text: NFC, one hyphen, no soft hyphens, no footnote markers."""
    if not text.isascii():  # (what NFC and the tables change is never ASCII: twice faster)
        text = unicodedata.normalize("NFC", text).translate(_HYPHENS).translate(_INVISIBLE)
    return _FOOTNOTE.sub("", text)


def tokens(text: str) -> list[str]:
    """Word tokens of a normalised text, case kept, possessive "'s" dropped."""
    return [
        t[:-2] if t.endswith(("'s", "’s")) else t
        for t in _tokenizer().tokenize(text)
        if not t.translate(_SEPARATORS).isdigit()
    ]


def token_count(text: str) -> int:
    """len(tokens(text)), without building the words: the denominator of every rate."""
    words = _WORD_RE.findall(text)
    # A word starts with a letter or digit, never a separator: only words starting with a
    # digit can be numbers, and testing the first character first halves the time.
    numbers = sum(1 for t in words if t[0].isdigit() and t.translate(_SEPARATORS).isdigit())
    return len(words) - numbers


def surface(token: str) -> str:
    """Case-folded form of a word, except acronyms, which keep their capitals ("AI", "LDCs")."""
    letters = [ch for ch in token if ch.isalpha()]
    caps = sum(ch.isupper() for ch in letters)
    return token if caps >= 2 and caps >= len(letters) - 1 else token.lower()


# Words whose Snowball stem joins words of another meaning in these texts: "emergency" with
# "emerging" (technologies), "accessibility" (for persons with disabilities) with "access"
# ("accessible", mostly "available" here, stays with it), "personal" (data) with "persons"
# (with disabilities), "national" with (United) "Nations", "internal" with "international".
# A word starting with one of these keeps the prefix as its own key.
_OWN_KEYS = ("emergenc", "accessibil", "personal", "national", "internal", "informal", "initial")


@cache
def stem(word: str) -> str:
    """Grouping key of a word: Snowball stem of its lower-case form, per hyphenated part.

    Acronyms are not stemmed, only their plural "s" dropped: "AIDS" must not join "aid",
    while "LDCs" joins "LDC".
    """
    shown = surface(word)
    if shown != word.lower():
        return shown.removesuffix("s")
    return "-".join(_part_key(part) for part in shown.split("-"))


def _part_key(part: str) -> str:
    own = next((k for k in _OWN_KEYS if part.startswith(k)), None)
    return own if own is not None else _stemmer().stem(part)


# NLTK loads in a function: importing it costs ~0.2 s, and theme counts (the report, `wtdc
# terms` without --words) need neither its tokenizer nor its stemmer.
@cache
def _tokenizer() -> RegexpTokenizer:
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(_WORD)


@cache
def _stemmer() -> SnowballStemmer:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


# Punctuation that ends a phrase: an n-gram never spans "networks, data" or "intelligence (AI".
_PHRASE_BREAK = re.compile(r"[^\w\s'’-]+")


def phrases(text: str) -> list[str]:
    """Stretches of a normalised text between punctuation marks."""
    return [p for p in _PHRASE_BREAK.split(text) if p.strip()]


@cache
def stopwords() -> frozenset[str]:
    """English function words (package data), left out of word and bigram shifts."""
    text = resources.files("toolkit.measure").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def ngrams(words: Iterable[str], n: int) -> list[tuple[str, ...]]:
    """Content-word n-grams: runs of n adjacent tokens none of which is a stopword.

    An n-gram never bridges a stopword, so "access to broadband" gives no "access broadband".
    """
    stop = stopwords()
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for w in words:
        if w.lower() in stop:
            run = []
            continue
        run.append(w)
        if len(run) >= n:
            out.append(tuple(run[-n:]))
    return out
