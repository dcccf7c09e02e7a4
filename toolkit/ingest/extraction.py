"""A PDF's text as pypdf or pdftotext (with or without -layout) extract it, saved as a .txt:
the same repairs as the PDF reader, as far as the text lets them be inferred.

Pages are told by form feeds (pdftotext) or by their page numbers, lone numbers counting up
(pypdf); lines recurring at the top or foot of the pages are running headers and footers; a
page's numbered lines under its text whose numbers its text carries glued to a word are its
footnotes; a line that falls short of the right margin ends its paragraph, as does a label
starting the next one; a label alone on its line goes with the text after it; line-end
hyphens are undone where the joined word is a word."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from toolkit.ingest.furniture import furniture_key, is_page_number, repeated_lines
from toolkit.ingest.hyphens import LINE_END_HYPHENS, join_hyphenated
from toolkit.ingest.labels import LABEL_ALONE, LABEL_TAB, tab_after_label
from toolkit.ingest.layout import Cleaning, Paragraph, footnote, report_text

_EDGE = 3  # lines at the top and foot of a page where running headers and footers sit
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # pdftotext -layout's column gap after a label
_NOTE = re.compile(r"^(\d{1,3})\s+([A-Z\"“'(h].*)$")


def clean_extraction(text: str) -> tuple[str, Cleaning] | None:
    """The text laid out for the parser and what was cleaned; None when the text shows no
    sign of being a PDF's extraction (no form feeds, no page numbers counting up)."""
    pages = _pages(text)
    if pages is None:
        return None
    furniture = repeated_lines(
        [[furniture_key(line) for line in _edges(page)] for page in pages]
    )
    stats: Counter[str] = Counter()
    kept_pages = []
    for page in pages:
        lines = [line.rstrip() for line in page]
        edge = set(_edge_indexes(lines))
        kept = []
        for index, line in enumerate(lines):
            if index in edge and (furniture_key(line) in furniture or is_page_number(line)):
                stats["furniture"] += 1
            else:
                kept.append(line)
        kept_pages.append(kept)
    builder = _Paragraphs(_full_width([line for page in kept_pages for line in page]), stats)
    paragraphs = builder.out
    for page in kept_pages:
        body, notes = _split_footnotes(page)
        stats["footnotes"] += len(notes)
        start = len(paragraphs)
        builder.add(body)
        for marker, note in notes:
            carrier = next(
                (i for i in range(len(paragraphs) - 1, start - 1, -1)
                 if _glued(marker).search(paragraphs[i].text)),
                len(paragraphs) - 1,
            )
            paragraphs.insert(carrier + 1, footnote(marker, note))
    cleaning = Cleaning(pages=len(pages), furniture_lines=stats["furniture"],
                        hyphens_joined=stats["joined"], hyphens_kept=stats["kept"],
                        footnotes=stats["footnotes"])
    return report_text(paragraphs), cleaning


def _pages(text: str) -> list[list[str]] | None:
    if "\f" in text:
        return [page.split("\n") for page in text.split("\f") if page.strip()]
    lines = text.split("\n")
    numbers = [(i, int(line)) for i, line in enumerate(lines) if line.strip().isdigit()
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
    if len(best) < 5:
        return None
    # The running header that opens the pages after those numbers opens the others too
    # (pypdf drops a page's number now and then).
    after = Counter(furniture_key(lines[i + 1]) for i in best if i + 1 < len(lines))
    header, count = after.most_common(1)[0] if after else ("", 0)
    headed = {i for i, line in enumerate(lines)
              if count * 2 >= len(best) and header and furniture_key(line) == header}
    cuts = sorted({0, *(i + 1 for i in best), *headed, len(lines)})
    return [lines[a:b] for a, b in itertools.pairwise(cuts) if a < b]


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:_EDGE] + filled[-_EDGE:]


def _edges(page: list[str]) -> list[str]:
    return [page[i] for i in _edge_indexes(page)]


def _full_width(lines: list[str]) -> int:
    lengths = sorted(len(" ".join(line.split())) for line in lines if line.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _glued(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(?:(?<=[A-Za-z][a-z])|(?<=[a-z][A-Za-z])|(?<=[)\]\"”’'])){marker}(?!\d)")


def _split_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The page's footnotes: from the first numbered line under the text whose number the
    text above carries as a marker, to the foot of the page."""
    filled = [line for line in lines if line.strip()]
    for start, line in enumerate(filled):
        note = _NOTE.match(line.strip())
        if note is None or not _glued(note[1]).search("\n".join(filled[:start])):
            continue
        notes: list[tuple[str, str]] = []
        expected = int(note[1])
        for rest in filled[start:]:
            more = _NOTE.match(rest.strip())
            if more and int(more[1]) == expected:
                notes.append((more[1], more[2]))
                expected += 1
            elif notes:
                notes[-1] = (notes[-1][0], f"{notes[-1][1]} {rest.strip()}")
        if all(_glued(m).search("\n".join(filled[:start])) for m, _ in notes):
            return filled[:start], notes
    return filled, []


class _Paragraphs:
    """Lines → paragraphs; a paragraph open at the foot of a page goes on when that page's
    last line was full."""

    def __init__(self, width: int, stats: Counter[str]) -> None:
        self.out: list[Paragraph] = []
        self.width = width
        self.stats = stats
        self.last = ""  # the last physical line read: whether it was full decides

    def add(self, lines: list[str]) -> None:
        for raw in lines:
            # pdftotext -layout sets a label's tab as a run of spaces.
            line = _GAP.sub("\t", raw.strip(), count=1) if LABEL_ALONE.match(
                raw.strip().split(" ", 1)[0]) else raw.strip()
            line = " ".join(line.split(" ")).strip() if "\t" not in line else line
            if line:
                self._line(line)

    def _line(self, line: str) -> None:
        out = self.out
        labelled = bool(LABEL_TAB.match(line)) or tab_after_label(line) != line
        previous = out[-1].text if out else ""
        if out and LABEL_ALONE.match(previous) and not labelled:
            out[-1] = Paragraph(f"{previous}\t{line}")  # "2.1" alone, then "Regional …"
        elif out and not labelled and not LABEL_ALONE.match(line) and (
            len(" ".join(self.last.split())) >= 0.8 * self.width
            or previous[-1:] in LINE_END_HYPHENS
        ):
            if previous[-1:] in LINE_END_HYPHENS and previous[-2:-1].isalpha() and \
                    line[:1].islower():
                joined, undone = join_hyphenated(previous, line)
                self.stats["joined" if undone else "kept"] += 1
            else:
                joined = f"{previous} {line}"
            out[-1] = Paragraph(joined)
        else:
            out.append(Paragraph(line))
        self.last = line
