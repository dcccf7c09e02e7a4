"""Terminal rendering: plain markers in a pipe, the same markers coloured on a terminal."""

from __future__ import annotations

from diff_cases import make_diff, relabelled_diff

from toolkit.render.terminal import render_diff_text, render_ops, render_stat


def test_ops_markers() -> None:
    ops = ((0, "older "), (-1, "people"), (1, "persons"))
    assert render_ops(ops) == "older [-people-]{+persons+}"
    assert render_ops(ops, color=True) == (
        "older \x1b[31m[-people-]\x1b[0m\x1b[32m{+persons+}\x1b[0m"
    )


def test_plain_text_output() -> None:
    diff = relabelled_diff()
    assert render_diff_text(diff) == (
        "--- old.md\n"
        "+++ new.md\n"
        "\n"
        "## declaration\n"
        "@@ declaration › we declare the following › 2): edited, relabelled ii) → 2), "
        "similarity 0.91 @@\n"
        "older [-people-]{+persons+} and youth\n"
        "@@ declaration › we declare the following › iii): deleted @@\n"
        "[-A clause that goes.-]\n"
        "@@ declaration › we declare the following › 3): inserted @@\n"
        "{+An entirely new text on satellites.+}\n"
        "\n"
        "3 of 4 clause pairs changed; 1 more only relabelled; clauses: 1 unchanged, 1 edited, "
        "0 moved, 1 inserted, 1 deleted, 0 split, 0 merged; 2 relabelled; words: +7 -5\n"
    )


def test_colour_keeps_the_markers() -> None:
    diff = relabelled_diff()
    coloured = render_diff_text(diff, color=True)
    assert "\x1b[31m[-people-]\x1b[0m" in coloured
    assert "\x1b[36m@@ declaration › we declare the following › iii): deleted @@\x1b[0m" in coloured


def test_relabel_only_clauses_are_counted_not_listed() -> None:
    assert "We are cognizant" not in render_diff_text(relabelled_diff())
    diff = relabelled_diff(ignore=("labels",))
    text = render_diff_text(diff)
    assert "We are cognizant" not in text
    assert text.endswith("0 merged; 0 relabelled; words: +7 -5\n")
    assert "@@ declaration › we declare the following › 2): edited, similarity 0.91 @@" in text


def test_stat() -> None:
    diff = relabelled_diff()
    assert render_stat(diff) == (
        "declaration | 3 of 4 clause pairs changed; 1 more only relabelled; clauses: "
        "1 unchanged, 1 edited, 0 moved, 1 inserted, 1 deleted, 0 split, 0 merged; "
        "2 relabelled; words: +7 -5\n"
        "total: 3 of 4 clause pairs changed; 1 more only relabelled; clauses: 1 unchanged, "
        "1 edited, 0 moved, 1 inserted, 1 deleted, 0 split, 0 merged; 2 relabelled; "
        "words: +7 -5\n"
    )


def test_moved_clause_says_where_from() -> None:
    diff = make_diff([
        (("b)", "Second."), ("a)", "Second."), "moved", 1.0),
        (("a)", "First clause."), ("b)", "First clause, revised."), "moved", 0.8),
    ])
    text = render_diff_text(diff)
    assert "@@ declaration › we declare the following › a): moved, relabelled b) → a), from " \
        "we declare the following › b), similarity 1.00 @@\nSecond.\n" in text
    assert "a), similarity 0.80 @@\nFirst clause{+, revised+}.\n" in text
