"""A PDF's text as pypdf or pdftotext (with or without -layout) extract it, saved as a .txt:
the same repairs as the PDF reader, as far as the text lets them be inferred.

Pages are told by form feeds (pdftotext) or by their page numbers, lone numbers counting up
(pypdf); lines recurring at the top or foot of the pages are running headers and footers; a
page's numbered lines under its text whose numbers its text carries glued to a word are its
footnotes. pdftotext without -layout prints the numbers apart from the texts (blocks of
lone numbers, the end of a block, or glued to a word it broke at a line-end hyphen) and the
texts as the page's last block, or run on from the body's; a note whose marker was on a page
before keeps its number right above its text. It also sets labels apart from their texts
(a column of them before the first), breaks a line stretched far apart into its words (the
last of them after the next line) and joins the lines it finds hyphenated.

A line ends its paragraph when the next one starts with a label, when either is a line the
text elsewhere prints as a paragraph of its own (a heading: `recognizing`, `RESOLUTION 37
(…)`), when the next opens a section (`further resolves`, a preamble heading alone on its
line), the conference's formula, a caption or a note, when -layout's indentation changes,
when pdftotext sets a blank line before it, or when the next line's first word would have
fitted on it (a justified or ragged paragraph wraps only when the next word does not fit;
widths are estimated with a proportional font's advances, a few per cent off, so a line no
sentence ends must leave clear room; the measure is learnt from the hyphenated lines, or
from pdftotext's lines that wrap before a lowercase word). It
goes on after a line-end hyphen, a word no paragraph ends on (`the`) or a parenthesis left
open, before a lowercase word or a parenthesis after a line that ends mid-sentence, and
after a line pypdf prints with doubled spaces (stretched to the measure); a sentence's end
pypdf prints single-spaced in a justified paragraph, though justifying it would have
doubled its spaces, ends it. -layout's columns tell table cells and deeper paragraphs;
without them a run of paragraphs that no sentence ends is a table (a cell that ran on into
the next is split before a capital), and narrow paragraphs after a labelled one are its
deeper paragraphs. Line-end hyphens are undone where the joined word is a word.

What the text cannot tell stays wrong: a paragraph whose last line happens to be full runs
on into the next (pypdf's single spaces tell most; pdftotext keeps no spacing, and what is
left of a line it joined is a guess), a lone table cell without columns reads as a heading,
and a cell's line that wraps before a name reads as a cell of its own.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from toolkit.ingest.furniture import furniture_key, is_page_number, repeated_lines
from toolkit.ingest.hyphens import LINE_END_HYPHENS, join_hyphenated
from toolkit.ingest.labels import CLAUSE_OPENINGS, LABEL_ALONE, LABEL_SPACE
from toolkit.ingest.layout import Cleaning, Level, Paragraph, footnote, report_text
from toolkit.ingest.page_notes import (
    carries,
    set_apart_footnotes,
    split_footnotes,
    text_blocks,
    unblocked,
)
from toolkit.ingest.widths import fits_after, printed_width

Flavour = Literal["pypdf", "pdftotext", "pdftotext-layout"]

_EDGE = 3  # lines at the top and foot of a page where running headers and footers sit
_LAYOUT_LABEL = re.compile(r"^( *)(\S+)( {2,})(\S.*)$")  # -layout: a label, then its tab stop
_ENDS_SENTENCE = ".;:!?"
# Beyond the labels a space may follow: an asterisk, and a number before a capital (`1
# Statement of the situation`), which is a label only where it goes on a list.
_NUMBERED = re.compile(r"^(?P<label>\*|\d{1,2}) +(?P<rest>[A-Z(\"“].*)$")
# Words a paragraph does not end on: a line ending with one goes on on the next.
_OPEN_WORDS = frozenset({
    "a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "including", "into",
    "its", "nor", "of", "on", "or", "such", "than", "the", "their", "through", "to", "under",
    "which", "with",
})
# A figure's caption or image, a note, or an item after a minus sign (a bullet the labels
# leave in the text) opens a paragraph of its own.
_OWN_PARAGRAPH = re.compile(r"^(?:(?:Figure|Table) \d+\b|\[image:|NOTE\b|− )")
# The words ITU section headings open with: an operative verb (`further resolves`, `instructs
# the Director …`) after a finished clause starts a section, and so does a preamble heading
# (`considering`, `taking into account`) alone on its line; a wrapped clause can go on with
# `…, taking into account the needs of …`. A clause under a heading (`to …`, `that …`) starts
# after it, however wide the lines are.
_OPERATIVE_OPENING = re.compile(
    r"^(?:further |also )?(?:resolves|instructs|invites|requests|encourages|calls upon|decides"
    r"|urges|recommends|reaffirms)\b"
)
_PREAMBLE_OPENING = re.compile(
    r"^(?:further |also )?(?:considering|recognizing|recalling|noting|bearing in mind|aware"
    r"|taking into account|emphasizing|appreciating|having regard to|acknowledging|convinced"
    r"|welcoming|mindful|concerned|highlighting|underlining|stressing)(?: [a-z]+){0,2}$"
)


# What follows a document's title: the conference's opening formula.
_OPENING_FORMULA = re.compile(r"^The (?:World|ITU) Telecommunication Development \w+ \(")


def _opens_section(line: _Line) -> bool:
    return line.label is None and bool(
        _OPERATIVE_OPENING.match(line.text) or _PREAMBLE_OPENING.match(line.text))




@dataclass(frozen=True)
class _Line:
    text: str  # after the label, words single-spaced
    label: str | None = None
    indent: int = 0  # pdftotext -layout: the column the line starts at
    column: int = 0  # pdftotext -layout: the column its text starts at (after a label)
    tab: int = 0  # pdftotext -layout: the column of the page's first tab stop (after `a)`)
    end: int = 0  # pdftotext -layout: the column the line ends at
    right: int = 0  # pdftotext -layout: the page's right margin, where full lines end
    stretched: bool = False  # pypdf doubles the spaces of a line justified to the measure
    numbered: bool = False  # a number before a capital: a label only where it numbers a list
    opens_block: bool = False  # pdftotext: the first line after a blank one
    piece: bool = False  # pdftotext: a word of a stretched line it printed one word a line
    in_column: bool = False  # pdftotext -layout: three or more lines of its page start there

    # Cached: the paragraph rules read each line's width and key in every pass (three).
    @cached_property
    def width(self) -> float:
        return printed_width(self.text)

    @cached_property
    def key(self) -> str:
        return furniture_key(self.text)

    @property
    def centred(self) -> bool:
        """-layout: set in far beyond the tab stop, or as far from the right margin as from
        the left (give or take the bold type of a heading, which -layout prints in fewer
        columns than it takes); never a line of a column that other lines start at too (a
        table's cells, however long)."""
        if self.in_column:
            return False
        space = self.right - self.end
        return self.indent > 2 * self.tab or (
            self.indent > self.tab + 1 and space > 2
            and abs(self.indent - space) <= max(3, 0.2 * (self.end - self.indent))
        )


@dataclass
class _Open:
    """A paragraph being built: its lines, and the footnotes to follow it."""

    lines: list[_Line]
    notes: list[Paragraph] = field(default_factory=list)

    @property
    def labelled(self) -> bool:
        return self.lines[0].label is not None

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def level(self) -> Level:
        """-layout: an unlabelled paragraph set in at the tab stop is a deeper paragraph of
        the clause above (the Declaration's), one set in further a table cell; a centred one
        (further still) is a heading."""
        first = self.lines[0]
        if first.label is not None or first.centred or not first.tab or \
                first.indent < 0.8 * first.tab:
            return "body"
        return "cell" if first.indent > 1.25 * first.tab else "indented"


def clean_extraction(text: str) -> tuple[str, Cleaning] | None:
    """The text laid out for the parser and what was cleaned; None when the text shows no
    sign of being a PDF's extraction (no form feeds, no page numbers counting up)."""
    pages = _pages(text)
    if pages is None:
        return None
    flavour = _flavour(text)
    furniture = repeated_lines(
        [[furniture_key(line) for line in _edges(page)] for page in pages]
    )
    stats: Counter[str] = Counter()
    paged: list[tuple[list[_Line], list[tuple[str, str]]]] = []
    for page in pages:
        lines = [line.rstrip() for line in page]
        edges = _edge_indexes(lines)
        edge = set(edges)
        # A page number is the page's first or last line: a lone number next to it is a
        # label pdftotext set apart (`13` before its text).
        ends = {edges[0], edges[-1]} if edges else set()
        kept = []
        for index, line in enumerate(lines):
            # A lone number is a page number only at an end: next to one, it is a label.
            number = is_page_number(line)
            if (index in edge and not number and furniture_key(line) in furniture) or (
                index in ends and number
            ):
                stats["furniture"] += 1
            else:
                kept.append(line)
        body, notes = (set_apart_footnotes(kept) if flavour == "pdftotext"
                       else split_footnotes(kept))
        stats["footnotes"] += len(notes)
        paged.append((list(_lines(body, flavour)), notes))
    # A page without labels has its tab stop where most pages have theirs; a page of table
    # cells, whose lines all end short, its right margin.
    tabs = Counter(r.tab for records, _ in paged for r in records if r.tab)
    rights = Counter(records[0].right for records, _ in paged if records)
    if tabs:
        tab = tabs.most_common(1)[0][0]
        right = rights.most_common(1)[0][0]
        paged = [([replace(r, tab=r.tab or tab,
                           right=r.right if r.right >= 0.9 * right else right)
                   for r in records], notes) for records, notes in paged]
    rules = _Rules.learn([records for records, _ in paged], flavour)
    builder = _Paragraphs(rules)
    out = builder.out
    for records, notes in paged:
        first = max(len(out) - 1, 0)  # the paragraph open when the page starts
        builder.add(records)
        # Each footnote follows the paragraph of this page whose text carries its marker
        # glued to a word; when none does, its marker was on a page before: the paragraph
        # open when the page started.
        for marker, note in notes:
            carriers = [p for p in out[first:] if carries(p.text, marker, note)] or \
                out[first:first + 1]
            if carriers:
                carriers[-1].notes.append(footnote(marker, note))
    paragraphs: list[Paragraph] = []
    for paragraph, level in _levels(out, rules):
        paragraphs.append(Paragraph(_joined(paragraph, stats), level))
        paragraphs.extend(paragraph.notes)
    cleaning = Cleaning(pages=len(pages), furniture_lines=stats["furniture"],
                        hyphens_joined=stats["joined"], hyphens_kept=stats["kept"],
                        footnotes=stats["footnotes"])
    return report_text(paragraphs), cleaning


def _levels(paragraphs: list[_Open], rules: _Rules) -> list[tuple[_Open, Level]]:
    """Each paragraph with its level: -layout's from its columns; without columns, the table
    cells (split where one ran on into the next) and deeper paragraphs as inferred."""
    if rules.flavour == "pdftotext-layout":
        return [(paragraph, paragraph.level) for paragraph in paragraphs]
    paragraphs, cells = _split_cells(paragraphs)
    deeper = _deeper(paragraphs, rules)
    return [(paragraph, "cell" if index in cells else "indented" if index in deeper
             else paragraph.level) for index, paragraph in enumerate(paragraphs)]


# A document heading opens with a word in capitals and goes on with no lowercase word, with
# a code and a colon (`EUR3: …`), or numbers a part, chapter or annex (`Part IV – …`).
_CODED_HEADING = r"[A-Z]+\d+: "
_CAPITALS_HEADING = r"[A-Z]{4,}(?: (?![a-z])|$)"  # then a title of its own
_DOCUMENT_HEADING = re.compile(
    rf"^(?:{_CAPITALS_HEADING}|{_CODED_HEADING}|(?:Part|Chapter|Annex) (?:[IVX]+|\d+|[A-Z])\b)"
)


# A table row's heading: a capitalised word or three and a colon (`SOURCE:`, `Vice-chairs:`).
_ROW_HEADING = re.compile(r"^[A-Z][\w/-]*(?: [\w/-]+){0,2}:$")


def _table_cells(paragraphs: list[_Open]) -> set[int]:
    """Without columns to go by, a run of three or more paragraphs that no sentence ends is a
    table's cells (`Outcomes`, `Indicators`, `Number of Member States with …`, `150+
    countries …`, `[image: …]`, and a row's heading such as `SOURCE:`): a heading is
    followed by text. After a colon (`… the following processes:`) two are a table too.
    Document headings (`RESOLUTION 37 (…)`, `ANNEX TO …`: a word in capitals, not an acronym
    such as `SDG 9`, `ITU-D programme`, `C1, C5`; `EUR3: …`, `Part IV – …`) and lowercase
    section headings (`recognizing`) are never cells."""
    def unfinished(paragraph: _Open) -> bool:
        text = paragraph.text
        if paragraph.labelled or _DOCUMENT_HEADING.match(text):
            return False
        if len(paragraph.lines) == 1 and _ROW_HEADING.match(text):
            return True
        return text[-1:] not in _ENDS_SENTENCE + "," and (
            text[:1].isupper() or text[:1].isdigit() or text.startswith("[image"))

    cells: set[int] = set()
    for flag, run in itertools.groupby(range(len(paragraphs)),
                                       key=lambda i: unfinished(paragraphs[i])):
        indexes = list(run)
        after_colon = indexes[0] > 0 and paragraphs[indexes[0] - 1].text.endswith(":")
        if flag and (len(indexes) >= 3 or (len(indexes) == 2 and after_colon)):
            cells.update(indexes)
    return cells


def _split_cells(paragraphs: list[_Open]) -> tuple[list[_Open], set[int]]:
    """The paragraphs with the table cells among them split where a cell ran on into the
    next (a cell is ragged, set narrower than the text: its last line can be full), and the
    indexes of the cells. In a cell a capital after a word that names nothing (`… messaging
    application` / `Percentage of …`) starts the next cell; after a name it goes on the
    name (`… the ITU World Telecommunications` / `Indicators …`)."""
    found = _table_cells(paragraphs)
    split: list[_Open] = []
    cells: set[int] = set()
    for index, paragraph in enumerate(paragraphs):
        if index not in found:
            split.append(paragraph)
            continue
        starts = [0] + [i for i, (before, line) in enumerate(itertools.pairwise(paragraph.lines), 1)
                        if line.text[:1].isupper() and _ends_on_common_word(before)]
        for a, b in itertools.pairwise([*starts, len(paragraph.lines)]):
            cells.add(len(split))
            split.append(_Open(paragraph.lines[a:b]))
        split[-1].notes = paragraph.notes
    return split, cells


def _ends_on_common_word(line: _Line) -> bool:
    word = line.text.rsplit(" ", 1)[-1].lstrip("([\"“'")
    return word[:1].islower() and word not in _OPEN_WORDS and \
        line.text[-1:] not in LINE_END_HYPHENS


def _deeper(paragraphs: list[_Open], rules: _Rules) -> set[int]:
    """Without columns to go by, the deeper paragraphs of a labelled item: unlabelled ones
    after it whose wrapped lines are all as narrow as a label's hanging text (set in by the
    tab stop), where a body paragraph's reach the full measure, and one of which would have
    taken the next word at the full measure (a body paragraph's justified lines fall short
    of it by less than a word)."""
    narrow = (rules.hanging + rules.measure) / 2
    found: set[int] = set()
    for index, paragraph in enumerate(paragraphs[1:], start=1):
        above = paragraphs[index - 1]
        lines = paragraph.lines
        if not paragraph.labelled and len(lines) >= 3 and (
                above.labelled or index - 1 in found) and \
                max(_single(lines[:-1], rules.measure), default=narrow) < narrow and \
                any(_fits(line, after, rules.measure) for line, after in itertools.pairwise(lines)):
            found.add(index)
    return found


def _single(lines: list[_Line], measure: float) -> list[float]:
    """The widths of `lines` but those pdftotext joined across a line-end hyphen (about
    twice the measure), which tell nothing of the width either line was set to."""
    return [line.width for line in lines if line.width < 1.5 * measure]


# A line after the first that is a number of at most four digits: a page number, perhaps.
_NUMBER_LINE = re.compile(r"\n[^\S\n]*+\d{1,4}+[^\S\n]*+(?=\n|\Z)")
# Page numbers counting up by one, fewer than this in a row, are no sign of pages.
_PAGE_RUN = 5


def _pages(text: str) -> list[list[str]] | None:
    if "\f" in text:
        return [page.split("\n") for page in text.split("\f") if page.strip()]
    # Too few lines that are a number for a run of page numbers: told by one scan, without
    # splitting the text into lines (a 50 MB text's peak memory).
    end = text.find("\n")
    first = (text if end < 0 else text[:end]).strip()
    found = itertools.islice(_NUMBER_LINE.finditer(text), _PAGE_RUN)
    if sum(1 for _ in found) + (first.isdecimal() and len(first) <= 4) < _PAGE_RUN:
        return None
    lines = text.split("\n")
    numbers = [(i, int(line)) for i, line in enumerate(lines) if line.strip().isdecimal()
               and len(line.strip()) <= 4]
    # Page numbers count up one by one: keep the longest such run.
    run: list[int] = []
    best: list[int] = []
    for index, number in numbers:
        if run and number == int(lines[run[-1]]) + 1:
            run.append(index)
        else:
            run = [index]
        best = max(best, run, key=len)
    if len(best) < _PAGE_RUN:
        return None
    # The running header that opens the pages after those numbers opens the others too
    # (pypdf drops a page's number now and then).
    after = Counter(furniture_key(lines[i + 1]) for i in best if i + 1 < len(lines))
    header, count = after.most_common(1)[0] if after else ("", 0)
    headed = {i for i, line in enumerate(lines)
              if count * 2 >= len(best) and header and furniture_key(line) == header}
    cuts = sorted({0, *(i + 1 for i in best), *headed, len(lines)})
    return [lines[a:b] for a, b in itertools.pairwise(cuts) if a < b]


def _flavour(text: str) -> Flavour:
    if "\f" not in text:
        return "pypdf"
    lines = [line for line in text.split("\n") if line.strip()]
    # -layout keeps a label's tab stop as a run of spaces and indents wrapped labelled lines.
    spaced = sum(bool(_LAYOUT_LABEL.match(line)) for line in lines)
    return "pdftotext-layout" if spaced * 10 > len(lines) else "pdftotext"


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:_EDGE] + filled[-_EDGE:]


def _edges(page: list[str]) -> list[str]:
    return [page[i] for i in _edge_indexes(page)]


def _lines(raw: list[str], flavour: Flavour) -> Iterator[_Line]:
    """A page's physical lines as records: the label split off, -layout's columns kept."""
    if flavour == "pdftotext-layout":
        records = [_layout_line(line) for line in raw if line.strip()]
        columns = Counter(r.column for r in records if r.label is not None and r.column)
        tab = min((c for c, n in columns.items() if n * 4 >= max(columns.values())), default=0)
        right = round(_typical([r.end for r in records]))
        starts = Counter(r.indent for r in records)
        for record in records:
            yield replace(record, tab=tab, right=right, in_column=starts[record.indent] >= 3)
        return
    if flavour == "pdftotext":
        yield from _set_apart_lines(raw)
        return
    opens_block = False
    for line in raw:
        if line.strip():
            yield _record(line.strip(), None, opens_block=opens_block)
        opens_block = not line.strip()


def _record(text: str, label: str | None, *, opens_block: bool, piece: bool = False,
            set_apart: bool = False) -> _Line:
    """A line as a record, its label split off unless given. A number before a capital is a
    label only where it goes on a list, and so is any number in a text whose labels are
    `set_apart` (pdftotext's `12 calendar days`)."""
    numbered = False
    if label is None:
        label, text = _label(text)
        numbered = bool(label and label.isdigit() and (set_apart or text[:1].isupper()))
    # pypdf's doubled spaces between words (not after a label or a heading's `AFR5:`) show a
    # line stretched to the measure.
    return _Line(" ".join(text.split()), label,
                 stretched="  " in text.strip().split(" ", 1)[-1].lstrip(" "),
                 numbered=numbered, opens_block=opens_block, piece=piece)


def _set_apart_lines(raw: list[str]) -> Iterator[_Line]:
    """pdftotext without -layout prints a label (or a term such as `AFR1:`) alone on its
    line, before its text; a column of labels of a list (`a)`, `b)`) before the first of
    their texts, the others going to the next texts that open a block without a label of
    their own (of labels of several styles, `9` and `1)`, the nearest is the text's)."""
    raw = [part for line in _tails_back(raw) for part in _RUN_ON_LABEL.split(line)]
    pieces = _pieces(raw)
    column: list[str] = []  # the lone labels since the last text
    waiting: list[str] = []  # labels of a column not yet given to their texts
    prefix = ""  # a term set apart before its tab stop, such as `AFR1:` before its title (not
    # a lowercase word ending a sentence on a line of its own, `types:` before `a)`)
    opens_block = False
    for index, line in enumerate(raw):
        text = line.strip()
        if not text or LABEL_ALONE.match(text):
            opens_block = True
            column += [text] if text else []
            continue
        if _SET_APART.fullmatch(text) and not prefix:
            prefix = text + " "
            continue
        if len({_style(label) for label in column}) > 1:  # the nearest label is its text's
            column = [column[-1], *column[:-1]]
        label = column[0] if column else waiting.pop(0) if waiting and opens_block else None
        waiting += column[1:]
        yield _record(prefix + text, label, opens_block=opens_block, piece=index in pieces,
                      set_apart=True)
        column, prefix, opens_block = [], "", False


# pdftotext now and then runs a line on into the next when that opens with a section's
# number (`… is not available. 3.3.7 For all …`).
_RUN_ON_LABEL = re.compile(r"(?<=[.;:]) (?=\d{1,2}(?:\.\d{1,2})+ [A-Z])")
# What pdftotext sets apart before its tab stop and goes on the text after it: a code
# (`AFR1:`, before its title: capitals and a digit, where a table's row heading is a word,
# `Chair:`, `SOURCE:`) or a minus sign (an item of a list the labels leave in the text).
_SET_APART = re.compile(r"[A-Z]+\d[A-Z0-9]*:|−")


def _style(label: str) -> str:
    """A label's style: `a)` and `b)` are of one, `9` and `1)` of two."""
    return re.sub(r"\d+", "1", re.sub(r"[a-z]+", "a", label))


def _tails_back(raw: list[str]) -> list[str]:
    """pdftotext breaks a line stretched far apart into its words and prints the last of
    them, three or more with a lowercase one, as blocks of a word each after the paragraph's
    next line: they go back on their line, with the words before them printed a line each
    (`… meeting, Member` and `States`, `can`, `approve`, `ITU-D` before `Recommendations,
    either …`)."""
    blocks = text_blocks(raw)
    out: list[list[str]] = []
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and _one_word(blocks[end]):
            end += 1
        words = [blocks[i][0].strip() for i in range(index, end)]
        if len(words) >= 3 and any(w[:1].islower() for w in words) and out and len(out[-1]) > 1:
            block = out[-1]
            start = len(block) - 2  # the line they go back on, or its first word's line
            while start and _one_word(block[start - 1:start]) and _one_word(block[start:start + 1]):
                start -= 1
            block[start:-1] = [" ".join([*(line.strip() for line in block[start:-1]), *words])]
            index = end
        else:
            out.append(list(blocks[index]))
            index += 1
    return unblocked(out)


def _one_word(lines: list[str]) -> bool:
    """A line of a single word, no label."""
    return len(lines) == 1 and " " not in lines[0].strip() and not LABEL_ALONE.match(
        lines[0].strip())


def _pieces(raw: list[str]) -> set[int]:
    """The lines of runs of four or more one-word lines that hold a lowercase word and no
    label (`Telecommunication`, `Standardization`, `Sector`, `(ITU-T)`, `study`, `groups,`):
    pdftotext breaks a line it finds stretched far apart into its words. A column of table
    cells (`Report`, `Video`, `RPM-ASP`) has no lowercase word."""
    found: set[int] = set()
    words = [i for i, line in enumerate(raw) if line.strip() and " " not in line.strip()]
    for _, run in itertools.groupby(enumerate(words), key=lambda pair: pair[1] - pair[0]):
        indexes = [i for _, i in run]
        texts = [raw[i].strip() for i in indexes]
        if len(indexes) >= 4 and any(t[:1].islower() for t in texts) and \
                not any(LABEL_ALONE.match(t) for t in texts):
            found.update(indexes)
    return found


def _label(text: str) -> tuple[str | None, str]:
    match = LABEL_SPACE.match(text) or _NUMBERED.match(text)
    if match is None:
        return None, text
    return match["label"], match["rest"]


def _layout_line(line: str) -> _Line:
    indent = len(line) - len(line.lstrip(" "))
    end = len(line.rstrip())
    match = _LAYOUT_LABEL.match(line)
    if match and LABEL_ALONE.match(match[2]):
        return _Line(" ".join(match[4].split()), match[2], indent, match.start(4), end=end)
    label, rest = _label(line.strip())
    return _Line(" ".join(rest.split()), label, indent, end - len(rest), end=end)


@dataclass(frozen=True)
class _Rules:
    """What tells where paragraphs end, learnt from the text itself: the measure (a full
    line's width) with and without a label's hanging indent, the lines printed as
    paragraphs of their own (headings), and whether pypdf shows the text justified (a tenth
    of its lines or more stretched, their spaces doubled; a ragged text has none)."""

    flavour: Flavour
    measure: float
    hanging: float
    headings: frozenset[str] = frozenset()
    justified: bool = False

    @classmethod
    def learn(cls, pages: list[list[_Line]], flavour: Flavour) -> _Rules:
        """Two passes: the measures and headings seen in paragraphs split with a first guess
        (every line that ends in a hyphen before a lowercase word is full)."""
        lines = [line for page in pages for line in page]
        # A text without hyphenation: a full line is as wide as most of the widest.
        guess = _measure(_full_widths([lines], flavour)) or _typical([ln.width for ln in lines])
        justified = sum(line.stretched for line in lines) >= 0.1 * len(lines)
        rules = cls(flavour, guess, guess, justified=justified)
        for _ in range(2):
            full: dict[bool, list[float]] = {True: [], False: []}
            for paragraph in _Paragraphs(rules).read(pages):
                full[paragraph.labelled].extend(_full_widths([paragraph.lines], flavour))
            measure = _measure(full[False] or full[True]) or guess
            rules = cls(flavour, measure, _measure(full[True]) or measure,
                        _headings(lines, measure), justified)
        return rules


def _full_widths(runs: list[list[_Line]], flavour: Flavour) -> list[float]:
    """The widths of the lines of `runs` that are full: those that end in a hyphen before a
    lowercase word. pdftotext joins those to the next line itself, leaving next to none:
    its full lines are those that wrap before a lowercase word (but the words of a line it
    broke into words)."""
    pairs = [pair for run in runs for pair in itertools.pairwise(run)]
    if flavour == "pdftotext":
        return [before.width for before, after in pairs
                if after.text[:1].islower() and before.label is None and after.label is None
                and not before.piece]
    return [before.width for before, after in pairs if _hyphenated(before, after)]


def _measure(widths: list[float]) -> float:
    """The width most full lines reach, but for those pdftotext joined (twice as wide)."""
    middle = sorted(widths)[len(widths) // 2] if widths else 0.0
    return _typical([width for width in widths if width < 1.5 * middle])


def _hyphenated(line: _Line, after: _Line) -> bool:
    return line.text[-1:] in LINE_END_HYPHENS and after.text[:1].islower()


def _headings(lines: list[_Line], measure: float) -> frozenset[str]:
    """A line between two short lines is a paragraph of its own; one that recurs so (digits
    aside) is a heading wherever it stands: `recognizing`, `RESOLUTION # (Rev. Baku, #)`."""
    alone: Counter[str] = Counter()
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        # … or, if no sentence ends it, a short line before a labelled one (`aware`, `a) …`).
        opens = _fits(before, line, measure, share=0.9) or (
            after.label is not None and line.text[-1:] not in _ENDS_SENTENCE
            and before.text[-1:] in _ENDS_SENTENCE + ",")
        short = opens and _fits(line, after, measure, share=0.9)
        if short and line.label is None and before.text[-1:] not in LINE_END_HYPHENS:
            alone[line.key] += 1
    # `of`, `and the`: words of a table's cells that pdftotext wraps one by one are none.
    return frozenset(key for key, count in alone.items()
                     if count >= 2 and key.rsplit(" ", 1)[-1] not in _OPEN_WORDS)


class _Paragraphs:
    """Lines → paragraphs under the rules; it remembers the last label of each style, so a
    number that wrapped to the start of a line (`12 calendar days`) is told from a label."""

    def __init__(self, rules: _Rules) -> None:
        self.rules = rules
        self.out: list[_Open] = []
        self.last: dict[str, int] = {}  # label style → its last value
        self.page_top = False  # the line is the first of its page

    def read(self, pages: list[list[_Line]]) -> list[_Open]:
        for page in pages:
            self.add(page)
        return self.out

    def add(self, lines: list[_Line]) -> None:
        for index, line in enumerate(lines):
            self.page_top = index == 0
            if not self.out:
                self.out.append(_Open([line]))
                continue
            current = self.out[-1]
            # A number that is no label before a lowercase word goes on the paragraph: one
            # opening with it (`94 per cent …`) would read as labelled.
            if line.label is not None and not self._labelled(current, line):
                number = line.label.isdigit() and line.text[:1].islower()
                line = replace(line, text=f"{line.label} {line.text}", label=None)
                if number:
                    current.lines.append(line)
                    continue
            if self._starts(current, line):
                self.out.append(_Open([line]))
            else:
                current.lines.append(line)

    def _labelled(self, paragraph: _Open, line: _Line) -> bool:
        """Whether a line's label is one: -layout's tab stop after it, a label that follows
        the last of its style (`c)` after `b)`) or opens a list, or a line above that ended
        short; never a number -layout sets under the text of a labelled paragraph."""
        assert line.label is not None
        previous = paragraph.lines[-1]
        if previous.stretched:  # justified to the measure: no paragraph's last line
            return False
        if paragraph.labelled and line.indent and abs(line.indent - paragraph.lines[0].column) <= 1:
            return False
        values = _label_values(line.label)
        follows = not values or any(
            value == 1 or self.last.get(style) == value - 1 for style, value in values
        )
        tab_stop = line.column - line.indent > len(line.label) + 1  # -layout's wide gap
        # A clause after a finished one (`…; 2 to continue …`) whatever its number: an
        # edition's clauses can be out of order (a moved one keeping its number).
        clause = previous.text[-1:] in ";." and line.text.startswith(CLAUSE_OPENINGS)
        if tab_stop or follows or clause or (
            not line.numbered
            and previous.text[-1:] not in LINE_END_HYPHENS
            # … the label itself being the word that did not fit on the line above, with
            # room to spare: widths are estimates
            and _fits(previous, replace(line, text=line.label), self._measure(previous),
                      share=0.96)
        ):
            self.last.update(values)
            return True
        return False

    def _measure(self, line: _Line) -> float:
        if not self.out or not self.out[-1].labelled:
            return self.rules.measure
        # -layout: a long label (`4.2.1.2`) sets its text further in than the tab stop.
        first = self.out[-1].lines[0]
        if first.right > first.column > first.tab > 0:
            return self.rules.hanging * (first.right - first.column) / (first.right - first.tab)
        # Without columns: a label wider than the tab stop pushes its text on by its width
        # and about an em.
        assert first.label is not None
        return min(self.rules.hanging, self.rules.measure - printed_width(first.label) - 1.0)

    def _starts(self, paragraph: _Open, line: _Line) -> bool:
        """Whether `line` starts a new paragraph after the open one: the first rule that
        decides, in order — labels and wrapped words, then the layout, then sentences."""
        verdict = self._by_label_or_wrap(paragraph, line)
        if verdict is None:
            verdict = self._by_layout(paragraph, line)
        return self._by_sentence(paragraph, line) if verdict is None else verdict

    def _by_label_or_wrap(self, paragraph: _Open, line: _Line) -> bool | None:
        previous = paragraph.lines[-1]
        if line.label is not None:
            return True
        # A word of a line pdftotext broke into words, or the line after them: that line
        # was stretched to the measure, no paragraph's last.
        if line.piece or previous.piece:
            return False
        # A preamble heading alone on its line is the whole heading (`having regard to`).
        if len(paragraph.lines) == 1 and _opens_section(previous) and \
                _PREAMBLE_OPENING.match(previous.text):
            return True
        if _hyphenated(previous, line) or previous.text.rsplit(" ", 1)[-1] in _OPEN_WORDS:
            return False
        # An unlabelled paragraph does not open with a parenthesis: `(Rev. Bucharest, 2022)`,
        # `(AI) for …` go on a sentence left open, and so does a line after a parenthesis
        # left open (`… warning (JTF` / `SMART Cable Systems);`).
        if (line.text[:1] == "(" and previous.text[-1:] not in _ENDS_SENTENCE) or \
                previous.text.count("(") > previous.text.count(")"):
            return False
        return None

    def _by_layout(self, paragraph: _Open, line: _Line) -> bool | None:
        rules = self.rules
        previous = paragraph.lines[-1]
        if line.key in rules.headings or previous.key in rules.headings:
            return True
        # pdftotext sets a blank line between the blocks it finds, paragraphs among them
        # (and now and then inside a sentence, before a lowercase word).
        if line.opens_block and not (previous.text[-1:] not in _ENDS_SENTENCE + ","
                                     and line.text[:1].islower()):
            return True
        # (A page's first line is set by another page's columns.)
        if rules.flavour == "pdftotext-layout" and not self.page_top and \
                not _aligned(paragraph, line):
            return True
        # A table's cells follow one another in their column; a capital starts the next,
        # unless it goes on a name (`… the Sustainable` / `Development Goals`).
        if paragraph.level == "cell" and line.text[:1].isupper() and \
                not previous.text.rsplit(" ", 1)[-1][:1].isupper():
            return True
        # After a sentence, a code and a colon open a document's heading (`AFR5: …`).
        if (previous.text[-1:] in _ENDS_SENTENCE + "," and (
                _opens_section(line) or re.match(_CODED_HEADING, line.text))) or \
                _OPENING_FORMULA.match(line.text) or _OWN_PARAGRAPH.match(line.text):
            return True
        if _opens_section(paragraph.lines[0]) and line.text.startswith(CLAUSE_OPENINGS):
            return True
        # A numbered heading (`1 Assistance in …`, a number before a capital) or a
        # document's title (under `ANNEX 1 to RESOLUTION 9 (…)`) ends where a line no
        # sentence ends, on a common word, meets a capital: the text under it.
        if line.text[:1].isupper() and previous.text[-1:] not in _ENDS_SENTENCE + "," and \
                _ends_on_common_word(previous) and self._heading(paragraph):
            return True
        return None

    def _heading(self, paragraph: _Open) -> bool:
        """Whether the open paragraph may be a heading: no sentence ends in it, pypdf does
        not show it justified, and it is numbered or a document's title."""
        if ". " in paragraph.text or any(line.stretched for line in paragraph.lines):
            return False
        if paragraph.lines[0].numbered and paragraph.labelled:
            return True
        return len(self.out) > 1 and self.out[-1] is paragraph and \
            bool(re.match(_CAPITALS_HEADING, self.out[-2].text))

    def _by_sentence(self, paragraph: _Open, line: _Line) -> bool:
        previous = paragraph.lines[-1]
        # A sentence left open goes on on a lowercase line, but `to …` and `that …` open a
        # clause under a heading that carries its addressee (`invites Member States`): a
        # heading short enough to leave no doubt.
        unfinished = previous.text[-1:] not in _ENDS_SENTENCE
        if unfinished and line.text[:1].islower():
            if previous.text[-1:] != "," and not _opens_section(paragraph.lines[0]) and \
                    not line.text.startswith(CLAUSE_OPENINGS):
                return False
            return _fits(previous, line, self._measure(previous), share=0.9)
        # After a sentence, a short capitalised line that no sentence ends can be no
        # paragraph's last line: it is a heading (`Enablers`).
        if previous.text[-1:] in _ENDS_SENTENCE and line.text[:1].isupper() and \
                line.text[-1:] not in _ENDS_SENTENCE + "," and \
                line.width < 0.7 * self._measure(previous):
            return True
        if previous.stretched:
            return False
        if self.rules.justified and previous.text[-1:] in _ENDS_SENTENCE and \
                _left_unstretched(paragraph, self._measure(previous)):
            return True
        # Widths are estimates (a few per cent off the PDF's font): a line no sentence ends
        # must leave clear room for the next word before it is taken for a paragraph's last.
        return _fits(previous, line, self._measure(previous), share=0.96 if unfinished else 1.0)


_STYLES = (("number", re.compile(r"^\(?(\d+)[).]?$")), ("letter", re.compile(r"^\(?([a-z])\)$")),
           ("roman", re.compile(r"^\(?([ivxlc]+)\)$")))
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _label_values(label: str) -> list[tuple[str, int]]:
    """The styles a label may be of, with its value in each: `c)` is the third letter or
    roman 100; bullets and section numbers (`2.1`) have none. A style keeps the label's
    punctuation: the sections `6`, `7` go on past a list `1)` … `4)` between them."""
    values = []
    for name, pattern in _STYLES:
        match = pattern.match(label)
        if match is None:
            continue
        style = f"{name}{label[:match.start(1)]}#{label[match.end(1):]}"
        if name == "number":
            values.append((style, int(match[1])))
        elif name == "letter":
            values.append((style, ord(match[1]) - ord("a") + 1))
        else:
            digits = [_ROMAN[c] for c in match[1]]
            values.append((style, sum(-d if d < n else d
                                      for d, n in zip(digits, [*digits[1:], 0], strict=True))))
    return values


def _typical(widths: list[float]) -> float:
    ordered = sorted(widths)
    return ordered[int(0.9 * (len(ordered) - 1))] if ordered else 0.0


def _fits(line: _Line, after: _Line, measure: float, *, share: float = 1.0) -> bool:
    """Whether the first word of `after` would have fitted at the end of `line` (within
    `share` of the measure). pdftotext joins a hyphenated line to the next: what matters is
    the width of the last one."""
    return fits_after(line.width, after.text, measure, share=share)


# pypdf doubles a space where the gap is wider by about half a space (0.95 of it: 0.15 em
# in a text face), estimated widths being a few per cent off.
_DOUBLING_GAP = 0.15


def _left_unstretched(paragraph: _Open, measure: float) -> bool:
    """pypdf, a justified text: a line pypdf prints single-spaced though justifying it would
    have doubled its spaces is no line justification touched, but a paragraph's last. It is
    justified to the widest line above when one above is stretched (its measure, whatever
    the indent), else to the measure."""
    *above, last = paragraph.lines
    gaps = last.text.count(" ")
    if not gaps:
        return False
    full = max(line.width for line in above) if any(line.stretched for line in above) \
        else measure
    return (full - last.width) / gaps >= _DOUBLING_GAP


def _aligned(paragraph: _Open, line: _Line) -> bool:
    """-layout: a line goes on a paragraph when it starts where the paragraph's wrapped lines
    start (under a label's text), or both are centred (a heading that wraps)."""
    first, previous = paragraph.lines[0], paragraph.lines[-1]
    if previous.centred and line.centred:
        return True
    # A wrapped line above on the same page (the caller skips a page's first line) starts
    # where this one should; each page has its own columns, so the first line's text column
    # is compared from the page's tab stop.
    if len(paragraph.lines) > 1:
        return abs(line.indent - previous.indent) <= 1
    return abs((line.indent - line.tab) - (first.column - first.tab)) <= 1


def _joined(paragraph: _Open, stats: Counter[str]) -> str:
    first = paragraph.lines[0]
    text = f"{first.label}\t{first.text}" if first.label else first.text
    for line in paragraph.lines[1:]:
        if text[-1:] in LINE_END_HYPHENS and text[-2:-1].isalpha() and line.text[:1].islower():
            text, undone = join_hyphenated(text, line.text)
            stats["joined" if undone else "kept"] += 1
        else:
            text = f"{text} {line.text}"
    return text
