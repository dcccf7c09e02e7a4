"""HTML diff: escaping, self-containment, both views, navigation, and chromium loading it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from diff_cases import make_diff, moved_texts, relabelled_diff

from toolkit.commands.diff import diff
from toolkit.render.diff_html import ops_markup, render_diff_fragment, render_diff_page

HOSTILE = make_diff(
    [
        (("1", "a <b>bold</b> & co"), ("1", "a <script>alert('x')</script> & co"), "edited", 0.5),
    ]
)


def test_every_input_text_is_escaped() -> None:
    html = render_diff_page(HOSTILE)
    assert "<script>alert" not in html
    assert "<b>bold" not in html
    assert (
        "<p>a &lt;<del>b&gt;bold</del><ins>script&gt;alert(&#39;x&#39;)</ins>&lt;/<del>b</del>"
        "<ins>script</ins>&gt; &amp; co</p>"
    ) in html
    assert " &amp; co" in html
    assert "BAKU &lt;DECLARATION&gt; &amp; co" in html
    assert html.count("<script>") == 1  # ours, inline


def test_self_contained() -> None:
    html = render_diff_page(relabelled_diff())
    assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", html)
    assert "<link" not in html
    assert "@import" not in html
    assert html.startswith("<!DOCTYPE html>")


def test_views_summary_and_navigation() -> None:
    html = render_diff_fragment(relabelled_diff())
    # three changed clauses (edited, deleted, inserted; the relabel-only one is counted, not
    # listed), in each of two views
    assert html.count('class="wd-clause') == 6
    assert 'class="wd-view wd-view-sbs"' in html
    assert 'class="wd-view wd-view-inl"' in html
    assert 'data-step="-1"' in html
    assert 'data-step="1"' in html
    # The strip: each kind with its count, linked to its first change; then ITU's marks.
    strip = re.findall(r'<li class="wd-k wd-[km]-(\w+)">(?:<a href="#[\w-]+-(c\d+)">)?', html)
    counts = re.findall(r"</a> <b>(\d+)</b></li>|\w <b>(\d+)</b></li>", html)
    assert strip == [
        ("unchanged", ""), ("edited", "c1"), ("moved", ""), ("inserted", "c3"),
        ("deleted", "c2"), ("split", ""), ("merged", ""), ("relabelled", "c1"),
        ("words", ""), ("ADD", "c3"), ("MOD", "c1"), ("SUP", "c2")]
    # Two relabelled, one of them only relabelled: unchanged, counted, not listed.
    assert [a or b for a, b in counts] == ["1", "1", "0", "1", "1", "0", "0", "2", "1", "1", "1"]
    assert "words <b><ins>+7</ins></b> <b><del>−5</del></b>" in html
    assert "<h4>declaration › we declare the following › 2) <span class=\"wd-mark\">MOD</span> " \
        "<span class=\"wd-status\">edited, relabelled ii) → 2), similarity 0.91</span></h4>" in html
    # The change list links every change in order.
    listed = re.search(r'<details class="wd-list" open>.*?</details>', html, re.S)
    assert listed is not None
    assert "<summary>All 3 changes, in order</summary>" in listed.group(0)
    assert re.findall(r'<a href="#[\w-]+-(c\d+)">', listed.group(0)) == ["c1", "c2", "c3"]
    assert 'older <del>people</del><ins>persons</ins> and youth' in html
    assert '<p class="wd-reason">Paired: same document id.</p>' in html


def test_identical_says_so() -> None:
    same = make_diff([(("1", "same"), ("1", "same"), "unchanged", 1.0)])
    assert "The two texts are identical." in render_diff_fragment(same)


def test_repr_html_lists_the_changed_clauses_escaped() -> None:
    html = relabelled_diff()._repr_html_()
    assert html.count("<tr><td") == 3  # edited, deleted, inserted; not relabelled only
    assert "clauses: 1 unchanged, 1 edited, 0 moved, 1 inserted, 1 deleted" in html
    assert "older <del>people</del><ins>persons</ins> and youth" in html
    assert "<script>" not in HOSTILE._repr_html_()
    assert "&lt;<del>b&gt;bold</del><ins>script&gt;alert(&#x27;x&#x27;)</ins>" in (
        HOSTILE._repr_html_())


def test_chromium_runs_the_script(tmp_path: Path, page_dom: Callable[[Path], str]) -> None:
    page = tmp_path / "diff.html"
    page.write_text(render_diff_page(HOSTILE), encoding="utf-8")
    dom = page_dom(page)
    assert '<span class="wd-nav">' in dom  # the script ran and showed the buttons
    assert "<script>alert" not in dom


def test_views_switch_without_javascript() -> None:
    # Radio buttons and CSS, no script: the checked view is shown, side by side by default.
    html = render_diff_page(relabelled_diff())
    assert 'class="wd-sbs" checked>' in html
    assert (
        ".wtdc-diff .wd-sbs:checked ~ .wd-views .wd-view-sbs, "
        ".wtdc-diff .wd-inl:checked ~ .wd-views .wd-view-inl { display: block; }"
    ) in html


def test_keys_n_and_p_move_between_changes(tmp_path: Path,
                                          page_dom: Callable[[Path], str]) -> None:
    # The page itself, plus a probe script that presses n, n, n, p and records where the
    # current change is after each key (dump-dom shows the DOM after scripts ran).
    probe = """<script>
    var seen = [];
    ["n", "n", "n", "p"].forEach(function (key) {
      document.dispatchEvent(new KeyboardEvent("keydown", {key: key}));
      var current = document.querySelector(".wd-current");
      seen.push(current ? current.id : "none");
    });
    document.body.setAttribute("data-seen", seen.join(" "));
    document.body.setAttribute("data-pos", document.querySelector(".wd-pos").textContent);
    </script></body>"""
    page = tmp_path / "nav.html"
    page.write_text(render_diff_page(relabelled_diff()).replace("</body>", probe),
                    encoding="utf-8")
    dom = page_dom(page)
    seen = re.search(r'data-seen="([^"]*)"', dom)
    assert seen is not None
    ids = seen.group(1).split()
    assert [i.split("-")[-1] for i in ids] == ["c1", "c2", "c3", "c2"]
    assert 'data-pos="change 2 of 3"' in dom


def test_navigation_bar_is_a_sticky_opaque_block_once_shown() -> None:
    # An inline sticky span let the text scroll visibly behind the buttons (seen in
    # chromium); the bar is a block with a background, hidden until the script shows it.
    html = render_diff_page(relabelled_diff())
    assert ".wtdc-diff .wd-nav { position: sticky; top: 0; z-index: 1; display: block; " \
        "background: #fff;" in html
    assert ".wtdc-diff .wd-nav[hidden] { display: none; }" in html
    assert '<span class="wd-nav" hidden>' in html


def test_a_moved_clause_links_both_ways_and_title_changes_come_first(tmp_path: Path) -> None:
    html = render_diff_page(diff(*moved_texts(tmp_path)))
    titles = html.index('<div class="wd-titles">')
    assert titles < html.index('<details class="wd-list"')
    assert ("<h3>Title changes (1)</h3>\n<ul>\n<li><a href=\"#wd") in html
    assert ">res-99</a>: <del>Test</del><ins>A new test</ins> title</li>" in html
    away = re.search(r'<p class="wd-away" id="([\w-]+)">res-99 › resolves › 1\): '
                     r'<a href="#([\w-]+)">moved to res-99 › resolves › 4\)</a></p>', html)
    assert away is not None
    assert f'<article class="wd-clause wd-moved" id="{away.group(2)}">' in html
    assert f'<a class="wd-from" href="#{away.group(1)}">(its old place)</a>' in html
    # Clauses 2)–4) are only relabelled, 1)–3): unchanged, counted and not listed.
    assert "resolves › 1) <span" not in html
    assert '<li class="wd-k wd-k-moved"><a href="#' in html


def test_long_unchanged_runs_fold_to_a_few_words() -> None:
    words = [f"w{i}" for i in range(60)]
    html = ops_markup(((0, " ".join(words[:50]) + " "), (-1, "old"), (1, "new"),
                       (0, " " + " ".join(words[50:]))))
    # 50 words before the change: the first 42 fold, the last 8 stay; 10 after it stay.
    assert html == (
        '<span class="wd-fold"><button type="button" class="wd-unfold" aria-expanded="false">'
        "… 42 unchanged words …</button><span class=\"wd-folded\">"
        + " ".join(words[:42]) + " </span></span>" + " ".join(words[42:50])
        + " <del>old</del><ins>new</ins> " + " ".join(words[50:]))
    assert ops_markup(((0, "a <b> & c"),)) == "a &lt;b&gt; &amp; c"
