"""One definition of a change (issue 11): the report's redline, its navigation, `wtdc diff
--stat`, the JSON and notebook 02's `changes()` give the same counts for the same comparison.

The ASP web page against Part III: 40 clause pairs, 15 changed, 22 more only relabelled
(none → 1), the text the same), which are unchanged and not listed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import toolkit as wt
from toolkit.cli import main

ASP = ("corpora/regional-initiatives-asp-web.txt", "baku-2025:ri-asp")
COUNTS = "15 of 40 clause pairs changed; 22 more only relabelled"


@pytest.fixture
def in_repo(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo_root)


def test_cli_json_and_notebook_count_alike(
    capsys: pytest.CaptureFixture[str], in_repo: None
) -> None:
    assert main(["diff", *ASP, "--stat"]) == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"total: {COUNTS}; clauses: ")
    main(["diff", *ASP, "--format", "json"])
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert (totals["pairs"], totals["changed"], totals["relabelled_only"]) == (40, 15, 22)
    # notebook 02, cell c12
    assert wt.align(*ASP).changes() == wt.align(*ASP).changes(ignore=())
    assert (
        wt.align(*ASP).changes().summary() == COUNTS)
    # Set typography aside and five more pairs are only relabelled: ASP1 3), ASP5 1) and 6)
    # (punctuation), ASP3 6) "radio-frequency", ASP5 3) "cyberliteracy" (spacing).
    assert wt.align(*ASP).changes(ignore=("typography",)).summary() == (
        "10 of 40 clause pairs changed; 27 more only relabelled")


def test_report_summary_and_navigation_count_alike(default_report: Path) -> None:
    page = default_report.read_text(encoding="utf-8")
    redline = page[page.index('<article class="redline" id="redline-ri-asp"'):]
    redline = redline[: redline.index("</article>")]
    assert f"<p>{COUNTS}; 25 words added, 15 removed." in redline
    navigation = re.findall(r"\((\d+) changed, (\d+) only relabelled\)</li>", redline)
    assert sum(int(c) for c, _ in navigation) == 15
    # ri-asp4 has no change left: its 7 pairs are only relabelled, and it is not listed.
    assert [int(r) for _, r in navigation] == [4, 4, 4, 4]
    assert "only relabelled (i) → 1)) is unchanged, and counted apart" in page


def test_html_toggles_set_kinds_aside(in_repo: None, tmp_path: Path,
                                      page_dom: Callable[[Path], str]) -> None:
    """The page's "Set aside" toggles do what `--ignore` does: checking typography hides the
    five ASP edits made only of punctuation or spacing (with chromium, when installed)."""
    from toolkit.render.diff_html import render_diff_page

    html = render_diff_page(wt.diff(*ASP))
    assert ('<legend>Set aside edits that are only</legend><label><input type="checkbox" '
            'class="wd-ignore-kind" value="labels"> labels (0)') not in html
    assert re.findall(r'value="(\w+)"> \w+ \((\d+)\)', html) == [
        ("typography", "4"), ("whitespace", "1")]
    assert html.count('data-kinds="typography"') == 2 * 4  # in both views
    probe = """<script>
    var box = document.querySelector('.wd-ignore-kind[value="typography"]');
    box.checked = true;
    box.dispatchEvent(new Event("change", {bubbles: true}));
    document.body.setAttribute("data-shown",
      document.querySelectorAll(".wd-view-sbs .wd-clause:not([hidden])").length);
    </script></body>"""
    page = tmp_path / "asp.html"
    page.write_text(html.replace("</body>", probe), encoding="utf-8")
    assert 'data-shown="10"' in page_dom(page)  # 15 changed, 5 set aside
