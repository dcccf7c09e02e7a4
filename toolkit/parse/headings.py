"""What a line of a WTDC text announces: a document, a section, or nothing but text.

Preamble headings are participles and adjectives (`considering`, `bearing in mind`,
`aware`); operative headings are verbs in the third person (`resolves`, `instructs`,
`invites`). Either may carry `further`/`also` and a complement (`resolves to instruct the
Director of the Telecommunication Development Bureau`).
"""

from __future__ import annotations

import re

from toolkit.parse.model import SectionKind

PART = re.compile(r"^Part\s+(?P<part>I|II|III|IV|V)\s*[–-]\s*\S")
REGION = re.compile(r"^(?P<name>[A-Z][A-Z -]+) REGIONAL INITIATIVES$")
STUDY_GROUP = re.compile(r"^STUDY GROUP \d+$")
# After Part V the report carries lettered annexes (statements by delegations, lists and the
# status table): they hold no WTDC document and are read by the lineage parser instead.
LETTERED_ANNEX = re.compile(r"^Annex [A-Z]$")

# Every line the patterns below can match starts like this: one test rules out the body text.
_STRUCTURAL = (
    r"(?:Part\s|Annex [A-Z]$|STUDY GROUP|[A-Z][A-Z -]+ REGIONAL INITIATIVES$|"
    r"(?:[A-Z]+ ){0,2}DECLARATION$|[A-Z][a-z]+(?: [A-Z][a-z]+)? Action Plan$|"
    r"(?:AFR|AMS|ARB|ASP|CIS|EUR)\d|RESOLUTION|ANNEX|RECOMMENDATION|QUESTION)"
)
STRUCTURAL = re.compile(f"^{_STRUCTURAL}")
# The same test over a whole text at once, so that a text where no line can open a document
# (a letter, 50 MB of prose) is read as paragraphs without being read line by line first:
# `\s*$` for `$` because a line is tested stripped, and a search for "\n" rather than a
# MULTILINE `^` (which the regex engine tries at every character, 3× slower).
_FIRST_STRUCTURAL = re.compile(r"\s*" + _STRUCTURAL.replace("$", r"\s*$"), re.MULTILINE)
# After a newline, the same test within that line: blanks without a newline, taken
# possessively, and words taken possessively (a letter cannot be followed by " "): the
# engine never backtracks over a line of prose (4× faster over 50 MB). A match that would
# have run over blank lines matches at the last newline it crosses. A line that starts
# with a tab (or a space and a tab) is looked for in the same pass: one search over a 50 MB
# text, not three.
_NEXT_STRUCTURAL_OR_TABBED = re.compile(
    r"\n(?: ?\t|[^\S\n]*+"
    + _STRUCTURAL.replace("$", r"[^\S\n]*$").replace("[a-z]+", "[a-z]++")
    + ")",
    re.MULTILINE,
)


def may_hold_documents(text: str) -> bool:
    """False only if no line of `text` can open a document, a part or a region. A text with
    tab-indented lines is always read line by line: such a line may be a soft wrap, joined to
    the line above it (toolkit.parse.lines)."""
    return (
        text.startswith(("\t", " \t"))
        or _FIRST_STRUCTURAL.match(text) is not None
        or _NEXT_STRUCTURAL_OR_TABBED.search(text) is not None
    )


# "DECLARATION", "BAKU DECLARATION", "KIGALI DECLARATION", "BUENOS AIRES DECLARATION"
DECLARATION = re.compile(r"^(?:[A-Z]+ ){0,2}DECLARATION$")
ACTION_PLAN = re.compile(r"^(?:Baku|Kigali|Buenos Aires|Dubai|Hyderabad|Doha) Action Plan$")
INITIATIVE = re.compile(r"^(?P<code>AFR|AMS|ARB|ASP|CIS|EUR)(?P<n>\d+):\s*(?P<title>\S.*)$")
RESOLUTION = re.compile(r"^RESOLUTION\s+(?P<n>\d+)\s*\((?P<edition>[^)]+)\)$")
RESOLUTION_LIKE = re.compile(r"^RESOLUTION\b")
ANNEX = re.compile(
    r"^ANNEX(?:\s+(?P<i>\d+))?\s+(?:to|TO)\s+RESOLUTION\s+(?P<n>\d+)\s*\((?P<edition>[^)]+)\)$"
)
ANNEX_LIKE = re.compile(r"^ANNEX\b.*\bRESOLUTION\b")
RECOMMENDATION = re.compile(r"^RECOMMENDATION\s+ITU-D\s+(?P<n>\d+)$")
RECOMMENDATION_LIKE = re.compile(r"^RECOMMENDATION\b")
QUESTION = re.compile(r"^QUESTION\s+(?P<sg>\d+)/(?P<n>\d+)$")
QUESTION_LIKE = re.compile(r"^QUESTION\s+\d")

EDITION_NOTE = re.compile(r"^\((?P<edition>(?:Rev\.\s+)?[A-Z][\w ]*,\s*\d{4})\)$")
ABROGATION_NOTE = re.compile(r"^\(Abrogated by WTDC-\d+\)$")
# What follows a title: the opening formula, an edition note, the Question a Recommendation
# answers, or the Questions' first numbered heading.
TITLE_END = re.compile(
    r"^(?:The (?:World|ITU) Telecommunication Development|\(|Question \d+/\d+:|\d+\s)"
)
OPENING = re.compile(r"^The (?:World|ITU) Telecommunication Development \w+\b.*,$")
CONFERENCE = re.compile(r"\((?P<edition>[A-Z][\w ]*,\s*\d{4})\),$")

_PREAMBLE = frozenset(
    {
        "considering", "recognizing", "recognising", "recalling", "noting", "bearing", "aware",
        "conscious", "convinced", "taking", "having", "acknowledging", "confirming", "emphasizing",
        "appreciating", "mindful", "observing", "welcoming", "concerned", "expressing",
        "highlighting", "underlining", "stressing", "realizing", "keeping", "guided", "referring",
        "reaffirming", "affirming", "cognizant", "alarmed", "believing", "desiring", "determined",
        "anticipating", "reiterating", "pointing", "deeply", "seriously", "fully", "encouraged",
    }
)
_OPERATIVE = frozenset(
    {
        "resolves", "instructs", "invites", "requests", "encourages", "calls", "decides", "urges",
        "undertakes", "reaffirms", "appeals", "recommends", "endorses", "approves", "adopts",
        "asks",
        "charges", "entrusts", "declares", "expresses", "supports", "commits", "agrees", "affirms",
        "tasks", "accepts", "establishes",
    }
)
_TERMINAL = ".;,:"
# Preamble headings are short ("noting with appreciation", "bearing in mind"); operative ones
# carry their addressee and can be long.
_PREAMBLE_WORDS = 5
_FIRST_WORD = re.compile(r"^(?:further\s+)?([a-z]+)")

def heading_candidate(text: str) -> bool:
    """A short lowercase line without closing punctuation: a preamble or operative heading."""
    return (
        text[:1].islower()
        and len(text) <= 200
        and text.rstrip()[-1] not in _TERMINAL
        and "\t" not in text
    )


def heading_kind(text: str, *, strict: bool = False) -> SectionKind | None:
    """`preamble` / `operative` for a heading word, else None. Any other participle counts as
    a preamble heading too (`underscoring`), unless `strict`: in a text without indentation a
    wrapped line can start with one ("including device and service affordability", "emphasizing
    the need to …"), so only a known word heading a short line counts."""
    match = _FIRST_WORD.match(text)
    if match is None:
        return None
    word = match[1]
    if word in _OPERATIVE:
        return "operative"
    if word in _PREAMBLE and (not strict or len(text.split()) <= _PREAMBLE_WORDS):
        return "preamble"
    if word.endswith("ing") and not strict:
        return "preamble"
    return None


def body_heading(text: str) -> bool:
    """A short capitalised line without closing punctuation: `Expected results`, `SECTION 1 – …`."""
    return (
        (text[:1].isupper() or text[:1].isdigit())
        and not _QUESTION_ANSWERED.match(text)
        and len(text) <= 100
        and len(text.split()) <= 14
        and text.rstrip()[-1] not in _TERMINAL
        and "\t" not in text
    )


_QUESTION_ANSWERED = re.compile(r"^Question \d+/\d+:")  # under a Recommendation's title
NUMBERED_HEADING = re.compile(r"^(?P<n>\d+(?:\.\d+)*)\t+(?P<title>[A-Z][^\t]*)$")


def numbered_heading(text: str) -> bool:
    r"""`1\tStatement of the situation or problem`, `2.1\tContinuing topics …`: a numbered line
    without closing punctuation heads what follows (Questions, the action plan, annexes),
    however long it is; a numbered sentence is a clause."""
    match = NUMBERED_HEADING.match(text)
    if match is None:
        return False
    title = match["title"].rstrip()
    return len(title) <= 200 and title[-1] not in _TERMINAL
