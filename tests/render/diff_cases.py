"""Small diffs built by hand (fixed alignment and similarity), for the renderers' tests."""

from __future__ import annotations

from pathlib import Path

from toolkit.align import Alignment, ClausePair, ClauseRef
from toolkit.align.model import ChangeKind
from toolkit.diff import ClauseDiff, DiffOptions, DocumentDiff, TextDiff, word_ops
from toolkit.diff.model import words_changed
from toolkit.parse import Clause, Document, Section

SECTION = "we declare the following"


def _doc(clauses: list[Clause]) -> Document:
    return Document(
        id="declaration", type="declaration", number=None, heading="BAKU <DECLARATION> & co",
        edition_label=None, title="", sections=(Section(SECTION, "body", tuple(clauses)),),
    )


def _ref(label: str, text: str, ordinal: int) -> ClauseRef:
    return ClauseRef("declaration", SECTION, 0, Clause(label, text, ordinal=ordinal))


def make_diff(
    pairs: list[tuple[tuple[str, str] | None, tuple[str, str] | None, str, float]],
    ignore: tuple[ChangeKind, ...] = (),
) -> TextDiff:
    """pairs: (old (label, text) or None, new (label, text) or None, status, similarity)."""
    clause_diffs = []
    for n, (old, new, status, similarity) in enumerate(pairs, start=1):
        old_ref = _ref(*old, n) if old else None
        new_ref = _ref(*new, n) if new else None
        pair = ClausePair(old_ref, new_ref, status, similarity,  # type: ignore[arg-type]
                          relabelled=bool(old and new and old[0] != new[0]))
        ops = word_ops(old[1] if old else "", new[1] if new else "")
        clause_diffs.append(ClauseDiff(pair, ops, *words_changed(ops), ignore=frozenset(ignore)))
    old_doc = _doc([p.pair.old.clause for p in clause_diffs if p.pair.old])
    new_doc = _doc([p.pair.new.clause for p in clause_diffs if p.pair.new])
    alignment = Alignment(old_doc, new_doc, tuple(c.pair for c in clause_diffs),
                          reason="same document id")
    return TextDiff("old.md", "new.md", (DocumentDiff(alignment, tuple(clause_diffs)),),
                    DiffOptions(ignore=frozenset(ignore)))


def relabelled_diff(ignore: tuple[ChangeKind, ...] = ()) -> TextDiff:
    return make_diff(
        [
            (("i)", "We are cognizant."), ("1)", "We are cognizant."), "unchanged", 1.0),
            (("ii)", "older people and youth"), ("2)", "older persons and youth"), "edited", 0.91),
            (("iii)", "A clause that goes."), None, "deleted", 0.0),
            (None, ("3)", "An entirely new text on satellites."), "inserted", 0.0),
        ],
        ignore=ignore,
    )


_PARAGRAPHS = (
    "Alpha clause speaks of satellites and the orbit resources of developing countries in "
    "detail.",
    "Beta clause speaks of digital skills for youth and women across every region of the world.",
    "Gamma clause speaks of emergency telecommunications and early warning for all by 2027 today.",
    "Delta clause speaks of cybersecurity capacity building and trust in the use of ICTs always.",
    "Epsilon clause speaks of accessibility for persons with disabilities and older persons too.",
)


def moved_texts(folder: Path) -> tuple[str, str]:
    """Two versions of a made-up resolution (test data, not an ITU text): clause 1) moves to
    the fourth place with one word added, and the title changes."""
    new_order = (*_PARAGRAPHS[1:4], _PARAGRAPHS[0].replace("in detail", "in full detail"),
                 _PARAGRAPHS[4])
    paths = []
    for name, title, paragraphs in (("old", "Test title", _PARAGRAPHS),
                                    ("new", "A new test title", new_order)):
        clauses = "\n\n".join(f"{n})\t{text}" for n, text in enumerate(paragraphs, start=1))
        path = folder / f"{name}.txt"
        path.write_text(f"RESOLUTION 99 (Rev. Baku, 2025)\n\n{title}\n\nresolves\n\n{clauses}\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths[0], paths[1]
