"""Simulated earlier versions of a document, with known ground truth, for testing alignment.

No prior edition of the WTDC texts can be fetched here, so the aligner is measured on
"earlier versions" derived from a Baku 2025 document by programmatic edits. Every simulated
Document says so: its edition label ends with "(simulated)" and its title too. Edits are
named from the reader's side (old → new): a "split" here means the simulated old text has
one clause where Baku has two.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from toolkit.align.model import PairStatus, clause_id
from toolkit.parse.model import PARAGRAPH_MARK, Clause, Document, Section

Edit = Literal["relabel", "reorder", "move", "insert", "delete", "reword", "split", "merge"]
EDITS: tuple[Edit, ...] = (
    "relabel",
    "reorder",
    "move",
    "insert",
    "delete",
    "reword",
    "split",
    "merge",
)
SIMULATED = "(simulated)"


@dataclass(frozen=True)
class TruePair:
    """One link the aligner should find; ids as `ClauseRef.id` ("res-37/0/2")."""

    old: str | None
    new: str | None
    status: PairStatus
    relabelled: bool = False


@dataclass(frozen=True)
class SimulatedRevision:
    """A SIMULATED earlier version of a Baku document and the links an aligner should find
    between it and the Baku text: the answer key of the alignment tests and benchmarks."""

    document: Document  # the simulated earlier version
    truth: tuple[TruePair, ...]
    edits: dict[Edit, int]  # how many times each edit was applied


@dataclass
class _Item:
    """A clause of the simulated old text and the Baku clauses it became."""

    label: str | None
    text: str
    new_ids: list[str]
    origin: Literal["same", "whole", "piece", "borrowed"] = "same"
    moved: bool = False
    # A swap of two neighbours moves one of them (the one read first in the old text): it
    # stays moved only while the other one, this id, still follows it in its section.
    swapped_with: str | None = None
    relabelled: bool = False
    notes: list[str] = field(default_factory=list)


def _other_label(label: str, rng: random.Random) -> str:
    """A plausible different label of the same style: "c)" → "d)", "3" → "4", "ii)" → "a)"."""
    match = re.fullmatch(r"([a-z])\)", label)
    if match:
        return chr((ord(match[1]) - ord("a") + rng.randint(1, 3)) % 26 + ord("a")) + ")"
    match = re.fullmatch(r"(\d+)(.*)", label)
    if match:
        return f"{int(match[1]) + rng.randint(1, 3)}{match[2]}"
    return label + "bis"


def _reword(text: str, rate: float, vocabulary: Sequence[str], rng: random.Random) -> str:
    words = text.split()
    for _ in range(max(1, round(rate * len(words)))):
        if len(words) < 3:
            break
        k = rng.randrange(len(words))
        action = rng.random()
        if action < 0.5:
            words[k] = rng.choice(vocabulary)
        elif action < 0.75:
            del words[k]
        else:
            k = min(k, len(words) - 2)
            words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def _cut(text: str) -> tuple[str, str] | None:
    """Cut a clause in two at the clause boundary nearest its middle ("; ", ", ", " and ")."""
    middle = len(text) // 2
    cuts = [m.end() for m in re.finditer(r"(?:; |, | and )", text) if 20 < m.end() < len(text) - 20]
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - middle))
    return text[:cut].rstrip(), text[cut:].lstrip()


def simulate_revision(
    doc: Document,
    *,
    seed: int,
    rate: float,
    edits: Sequence[Edit] = EDITS,
    word_rate: float | None = None,
    donors: Sequence[Document] = (),
) -> SimulatedRevision:
    """Derive a simulated earlier version of `doc` and the alignment that undoes it.

    Each edit hits each eligible clause with probability `rate`; a reworded clause has
    `word_rate` (default `rate`) of its words replaced, dropped or swapped. Deleted clauses
    are borrowed from `donors` (other documents), the hardest kind of stranger to reject.
    """
    sections: list[tuple[Section, list[_Item]]] = [
        (
            section,
            [_Item(c.label, c.text, [clause_id(doc.id, s, c.ordinal)]) for c in section.clauses],
        )
        for s, section in enumerate(doc.sections)
    ]
    editing = _Editing(
        rng=random.Random(f"{seed}:{doc.id}:{rate}:{','.join(edits)}"),
        rate=rate,
        word_rate=word_rate or rate,
        vocabulary=[w for c in doc.clauses for w in c.text.split()] or ["text"],
        donors=donors,
        doc_id=doc.id,
        count=dict.fromkeys(edits, 0),
    )
    for edit in edits:
        if edit == "move":
            editing.move(sections)
        else:
            for _, items in sections:
                editing.apply(edit, items)
    _mark_swapped(sections)
    built, truth = _old_text(doc, sections)
    simulated = replace(
        doc,
        sections=tuple(built),
        edition_label=f"{doc.edition_label or doc.heading} {SIMULATED}",
        title=f"{doc.title} {SIMULATED}",
    )
    return SimulatedRevision(simulated, tuple(truth), editing.count)


def _fresh(item: _Item) -> bool:
    """A clause no edit has touched yet, which a split, merge or insertion may take."""
    return item.origin == "same" and not item.notes


@dataclass
class _Editing:
    """The edits of one simulated revision, all drawing on one seeded random source in a
    fixed order, so that a seed gives the same revision every time."""

    rng: random.Random
    rate: float
    word_rate: float
    vocabulary: list[str]
    donors: Sequence[Document]
    doc_id: str
    count: dict[Edit, int]

    def hit(self) -> bool:
        return self.rng.random() < self.rate

    def apply(self, edit: Edit, items: list[_Item]) -> None:
        """`edit` on each eligible clause of one section, in order; each step says where the
        next clause stands after it."""
        step = {
            "split": self._split,
            "merge": self._merge,
            "insert": self._insert,
            "delete": self._delete,
            "reword": self._reword,
            "relabel": self._relabel,
            "reorder": self._reorder,
        }[edit]
        k = 0
        while k < len(items):
            k = step(items, k)

    # An old clause joined from two Baku clauses: Baku split it.
    def _split(self, items: list[_Item], k: int) -> int:
        item = items[k]
        if _fresh(item) and k + 1 < len(items) and self.hit() and _fresh(items[k + 1]):
            joined = item.text.rstrip(";,. ") + "; " + items[k + 1].text
            new_ids = item.new_ids + items[k + 1].new_ids
            items[k : k + 2] = [_Item(item.label, joined, new_ids, "whole", notes=["split"])]
            self.count["split"] += 1
        return k + 1

    # An old clause in two pieces: Baku merged them.
    def _merge(self, items: list[_Item], k: int) -> int:
        item = items[k]
        if not (_fresh(item) and self.hit() and (halves := _cut(item.text))):
            return k + 1
        items[k : k + 1] = [
            _Item(item.label, halves[0], item.new_ids, "piece", notes=["merge"]),
            _Item(item.label and _other_label(item.label, self.rng), halves[1], item.new_ids,
                  "piece", notes=["merge"]),
        ]
        self.count["merge"] += 1
        return k + 2

    # A Baku clause missing from the old text: Baku inserted it.
    def _insert(self, items: list[_Item], k: int) -> int:
        if _fresh(items[k]) and self.hit():
            del items[k]
            self.count["insert"] += 1
            return k
        return k + 1

    # A stranger from another document in the old text: Baku deleted it.
    def _delete(self, items: list[_Item], k: int) -> int:
        if not (self.donors and self.hit()):
            return k + 1
        donor = self.rng.choice(self.donors)
        if donor.id == self.doc_id or not donor.clauses:
            return k + 1
        stranger = self.rng.choice(donor.clauses)
        items.insert(k, _Item(stranger.label, stranger.text, [], "borrowed", notes=["delete"]))
        self.count["delete"] += 1
        return k + 2

    def _reword(self, items: list[_Item], k: int) -> int:
        item = items[k]
        if item.origin != "borrowed" and self.hit():
            item.text = _reword(item.text, self.word_rate, self.vocabulary, self.rng)
            item.notes.append("reword")
            self.count["reword"] += 1
        return k + 1

    def _relabel(self, items: list[_Item], k: int) -> int:
        item = items[k]
        if item.label and self.hit():
            item.label = _other_label(item.label, self.rng)
            item.relabelled = True
            item.notes.append("relabel")
            self.count["relabel"] += 1
        return k + 1

    # Two neighbours swapped: the one read first in the old text moved.
    def _reorder(self, items: list[_Item], k: int) -> int:
        item = items[k]
        if not (k + 1 < len(items) and self.hit()):
            return k + 1
        items[k], items[k + 1] = items[k + 1], item
        items[k].swapped_with = item.new_ids[0]
        item.notes.append("reorder")
        self.count["reorder"] += 1
        return k + 2

    def move(self, sections: list[tuple[Section, list[_Item]]]) -> None:
        """Untouched clauses taken to the end of another section: Baku moved them back."""
        if len(sections) < 2:
            return
        for s, (_, items) in enumerate(sections):
            for item in list(items):
                if item.origin == "same" and not item.moved and not item.swapped_with \
                        and self.hit():
                    target = self.rng.choice([t for t in range(len(sections)) if t != s])
                    items.remove(item)
                    item.moved = True
                    item.notes.append("move")
                    sections[target][1].append(item)
                    self.count["move"] += 1


def _mark_swapped(sections: list[tuple[Section, list[_Item]]]) -> None:
    """A swapped clause stays moved only while its partner still follows it in its section."""
    # Where each Baku clause stands in the old text (section, position).
    place = {
        new_id: (s, k)
        for s, (_, items) in enumerate(sections)
        for k, item in enumerate(items)
        for new_id in item.new_ids
    }
    for s, (_, items) in enumerate(sections):
        for k, item in enumerate(items):
            partner = place.get(item.swapped_with or "")
            if partner is not None and partner[0] == s and partner[1] > k:
                item.moved = True


def _old_text(
    doc: Document, sections: list[tuple[Section, list[_Item]]]
) -> tuple[list[Section], list[TruePair]]:
    """The simulated old sections, and the links from their clauses to `doc`'s."""
    baku = {
        clause_id(doc.id, s, c.ordinal): c
        for s, sec in enumerate(doc.sections)
        for c in sec.clauses
    }
    built: list[Section] = []
    truth: list[TruePair] = []
    seen: set[str] = set()
    for section, items in sections:
        if not items:
            continue
        index = len(built)
        clauses = tuple(
            Clause(label=item.label, text=item.text, ordinal=k, raw=item.text)
            for k, item in enumerate(items, start=1)
        )
        built.append(replace(section, clauses=clauses))
        for k, item in enumerate(items, start=1):
            old_id = clause_id(doc.id, index, k)
            if item.origin == "borrowed":
                truth.append(TruePair(old_id, None, "deleted"))
                continue
            status: PairStatus = "split" if item.origin == "whole" else "merged"
            if item.origin == "same":
                unchanged = item.text == baku[item.new_ids[0]].text
                status = "moved" if item.moved else "unchanged" if unchanged else "edited"
            for new_id in item.new_ids:
                seen.add(new_id)
                truth.append(TruePair(old_id, new_id, status, item.relabelled))
    truth += [TruePair(None, new_id, "inserted") for new_id in baku if new_id not in seen]
    return built, truth


# --- SIMULATED final reports: revised documents written back in the report's layout --------

_HEADING_WORD = re.compile(r"(RESOLUTION|RECOMMENDATION|QUESTION|ANNEX)\b")
SIMULATED_HEADER = "SIMULATED final report (toolkit/align/simulate.py): not an ITU text"


def document_lines(doc: Document, *, heading: str | None = None) -> list[str]:
    r"""`doc` as the final report prints a resolution or Question: tab-indented heading, title,
    section headings ("1\tStatement …") and clauses ("a)\ttext"), blank lines between."""
    indent = "\t\t\t"
    lines = [indent + (heading or doc.heading), "", indent + doc.title, ""]
    for section in doc.sections:
        if section.heading is not None:
            lines += [indent + re.sub(r"^(\d+(?:\.\d+)*) ", r"\1\t", section.heading), ""]
        for clause in section.clauses:
            label = f"{clause.label}\t" if clause.label else ""
            if clause.label and PARAGRAPH_MARK in clause.label:
                label = "\t"  # a further paragraph of a labelled clause, one tab deeper
            elif not label and _HEADING_WORD.match(clause.text):
                label = "\u2013\t"  # as printed: a dash keeps it from reading as a heading
            lines += [indent + label + clause.text, ""]
    return lines


def simulated_final_report(
    text: str,
    documents: Sequence[Document],
    replacements: dict[str, Sequence[Document | str]],
    *,
    headings: dict[str, str] | None = None,
) -> str:
    """A SIMULATED final report: `text` (a final report) with the line span of each document
    named in `replacements` replaced by the given blocks, in order: a Document is written in
    the report's layout (`document_lines`), a str is inserted as it is; none drops the
    document. An id that names no document but a stub (a resolution abrogated at this
    edition: heading, title, "(Abrogated by …)") replaces that stub. `headings` gives a
    document id its printed heading. The first line says SIMULATED.
    """
    lines = text.split("\n")
    spans: dict[str, tuple[int, int]] = {d.id: d.span for d in documents}
    for doc_id in replacements:
        if doc_id not in spans:
            spans[doc_id] = _stub_span(lines, doc_id)
    headings = headings or {}
    for doc_id in sorted(replacements, key=lambda i: spans[i][0], reverse=True):
        start, end = spans[doc_id]
        block: list[str] = []
        for item in replacements[doc_id]:
            if isinstance(item, str):
                block += [*item.split("\n"), ""]
            else:
                block += document_lines(item, heading=headings.get(item.id))
        lines[start - 1 : end] = block
    return "\n".join([SIMULATED_HEADER, "", *lines])


def _stub_span(lines: Sequence[str], doc_id: str) -> tuple[int, int]:
    number = doc_id.removeprefix("res-")
    for start, line in enumerate(lines):
        if re.match(rf"\s*RESOLUTION {re.escape(number)} \(", line):
            for end in range(start, min(start + 8, len(lines))):
                if lines[end].strip().startswith("(Abrogated"):
                    return start + 1, end + 1
    raise ValueError(f"{doc_id}: neither a document nor an abrogated stub in the text")


def copied_block(text: str, doc: Document, *, heading: str, title: str) -> str:
    """The lines of `doc` in `text` as printed, under another heading and title (a Question
    under its former number): a SIMULATED former text that differs only there."""
    lines = text.split("\n")[doc.span[0] - 1 : doc.span[1]]
    indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
    from toolkit.ingest import comparable

    # The title: the line that reads as it does, else the first non-empty line after the heading.
    k = next(
        (i for i, line in enumerate(lines) if i > 0 and comparable(line) == comparable(doc.title)),
        next(i for i, line in enumerate(lines) if i > 0 and line.strip()),
    )
    lines[k] = indent + title
    lines[0] = indent + heading
    return "\n".join(lines)
