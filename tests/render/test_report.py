"""The comparison report built from the shipped corpus: contents, files, determinism, safety."""

from __future__ import annotations

import csv
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from toolkit.cli import main
from toolkit.corpus import open_corpus
from toolkit.errors import InputError, MissingEditionError
from toolkit.measure.export import schema
from toolkit.parse import parse_source
from toolkit.parse.lineage import parse_lineage
from toolkit.render.report import build_report, publish, view

TABLES = (
    "sources", "lineage-summary", "lineage", "missing-texts", "prior-editions",
    "term-shifts-declaration", "term-shifts-declaration-drivers", "term-shifts-ri-asp",
    "term-shifts-ri-asp-drivers", "term-shifts", "term-shifts-drivers", "region-leaders",
    "region-emphasis",
)


@pytest.fixture(scope="module")
def built(default_report: Path) -> Path:
    return default_report


@pytest.fixture(scope="module")
def page(built: Path) -> str:
    return built.read_text(encoding="utf-8")


def _json(built: Path, name: str) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((built.parent / f"{name}.json").read_text())
    return data


class _Outline(HTMLParser):
    """Tags, attributes and text of a page, for checks a browser would make."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.headings: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _outline(html: str) -> _Outline:
    outline = _Outline()
    outline.feed(html)
    return outline


def test_report_files(built: Path) -> None:
    names = {p.name for p in built.parent.iterdir()}
    expected = {"index.html", "texts.html"}
    expected |= {f"{t}.{ext}" for t in TABLES for ext in ("csv", "json")}
    expected |= {f"redline-{d}.{ext}" for d in ("declaration", "ri-asp") for ext in ("csv", "json")}
    assert names == expected
    assert built.parent.stat().st_mode & 0o777 == 0o755
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in built.parent.iterdir())


def test_every_table_has_the_same_rows_in_csv_and_json(built: Path) -> None:
    for name in TABLES:
        rows = _json(built, name)
        with (built.parent / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            records = list(csv.DictReader(handle))
        assert len(records) == len(rows), name
        if rows:
            assert list(records[0]) == list(rows[0]), name


def test_lineage_matches_the_final_report(built: Path) -> None:
    corpus = open_corpus()
    source = corpus.read(corpus.final_report("baku-2025"))
    lineage = parse_lineage(source, documents=parse_source(source).documents)
    summary = {row["fate"]: row for row in _json(built, "lineage-summary")}
    for fate in ("new", "revised", "unchanged", "abrogated"):
        expected = sum(r.baku == fate and r.kind == "resolution" for r in lineage.current)
        assert summary[fate]["resolutions"] == expected
    rows = {row["doc_id"]: row for row in _json(built, "lineage")}
    assert len(rows) == len(lineage.current)
    assert rows["res-37"]["prior_edition"] == "Kigali, 2022"
    assert rows["res-16"]["prior_edition"] == "Buenos Aires, 2017"
    assert rows["res-24"]["prior_edition"] == "Dubai, 2014"
    assert rows["res-53"]["baku"] == "abrogated"
    assert summary["new"]["resolutions"] == 4


def test_missing_texts_and_editions_are_stated(built: Path, page: str) -> None:
    priors = {row["edition_id"]: row for row in _json(built, "prior-editions")}
    assert priors["kigali-2022"]["in_corpus"] is False
    assert priors["kigali-2022"]["texts"] == 44
    assert priors["kigali-2022"]["to_add"] == (
        "wtdc corpus add PATH --edition kigali-2022 --kind final-report"
    )
    assert "buenos-aires-2017" in priors
    text = " ".join(_outline(page).text)
    assert "The corpus holds no final report of an earlier edition: Kigali 2022, " \
        "Buenos Aires 2017" in text
    assert "wtdc corpus add PATH --edition buenos-aires-2017 --kind final-report" in text
    assert "wtdc report --old kigali-2022" in text
    missing = _json(built, "missing-texts")
    if missing:
        assert f"{len(missing)} texts in force per the status table have no text" in text
    else:
        assert "None: every resolution and Recommendation the status table lists as in " \
            "force has its text" in text
    assert "Nothing in this report is simulated" in text


def test_redlines_show_the_real_pairs(built: Path, page: str) -> None:
    assert 'id="redline-declaration"' in page
    assert 'id="redline-ri-asp"' in page
    # The editorial pass of the declaration: older people → older persons, bracket removed.
    assert "<del>people</del><ins>persons</ins>" in page
    pairs = json.loads((built.parent / "redline-ri-asp.json").read_text())
    assert pairs["old"] == "regional-initiatives-asp-web"
    assert pairs["new"] == "baku-2025:ri-asp"
    assert [d["new_id"] for d in pairs["documents"]] == [f"ri-asp{i}" for i in range(1, 6)]
    # Input text is escaped: "C&I" of ASP3 comes through as text.
    assert "(C&amp;I)" in page


def test_term_shifts_and_regions(built: Path) -> None:
    shifts = {row["theme"]: row for row in _json(built, "term-shifts")}
    ai = shifts["ai"]
    assert ai["old_count"] == 0
    assert ai["new_count"] > 0
    assert ai["ci_low"] is not None
    assert ai["ci_low"] > 1
    # Every row carries its direction by the one rule; gender and accessibility are unclear,
    # carried by Resolutions 55 and 58.
    for name in ("term-shifts", "term-shifts-declaration", "term-shifts-ri-asp"):
        jsonschema.validate(_json(built, name), schema("terms"))  # as `wtdc terms` writes it
        for row in _json(built, name):
            assert {"direction", "top_document", "top_document_share"} <= row.keys()
            if row["direction"] != "unclear":
                assert row["top_document_share"] < 0.5
                assert row["boot_low"] > 1 or row["boot_high"] < 1
    assert [(shifts[t]["direction"], shifts[t]["top_document"])
            for t in ("gender", "accessibility")] == [("unclear", "res-55"), ("unclear", "res-58")]
    # The drivers name Resolution 55 first for gender, with the clause and its context.
    gender = [r for r in _json(built, "term-shifts-drivers") if r["theme"] == "gender"]
    assert [(r["document"], r["count"]) for r in gender] == [
        ("res-55", 160), ("res-76", 71), ("res-45", 13)]
    assert "[gender]" in str(gender[0]["context"])
    regions = _json(built, "region-emphasis")
    assert {row["region"] for row in regions} == {"AFR", "AMS", "ARB", "ASP", "CIS", "EUR"}
    assert {row["initiatives"] for row in regions} == {5}
    leaders = _json(built, "region-leaders")
    assert len(leaders) == len({row["theme"] for row in regions})
    ldc = next(r for r in leaders if r["theme"] == "ldc-sids-lldc")
    assert (ldc["region"], ldc["clear_lead"], ldc["reason"]) == (
        "ASP", False, "ri-asp1 carries 100%")


def test_term_sections_name_both_sides_and_put_real_versions_first(page: str) -> None:
    terms = page[page.index('<section id="terms"'):page.index('<section id="regions"')]
    titles = re.findall(r'<h3 id="term-shifts[^"]*-title">([^<]*)</h3>', terms)
    assert titles == [
        "Baku Declaration (pre-final text) vs the adopted text (baku-2025:declaration)",
        "Regional initiatives for Asia and the Pacific (ASP1–ASP5), ITU web page vs the "
        "adopted text (baku-2025:ri-asp)",
        "Within Baku 2025, not between editions: resolutions revised at Baku vs resolutions "
        "left unchanged",
    ]
    # The ASP web page and Part III count every theme the same: no chart, and it says so.
    assert ("Each of the 11 themes present is counted the same number of times on both sides"
            in terms)
    assert 'id="chart-term-shifts-ri-asp"' not in terms
    # The within-edition findings: only what passes the rule, sized conservatively.
    assert ("Clear directions: Digital skills: at least 1.8× more often in resolutions revised "
            "at Baku than resolutions left unchanged (9 → 259)") in terms
    assert "Gender equality: at least" not in terms


def test_page_is_self_contained_and_accessible(built: Path, page: str) -> None:
    outline = _outline(page)
    tags = [tag for tag, _ in outline.tags]
    # No external resource of any kind: nothing to load but the page itself.
    assert "link" not in tags
    assert "img" not in tags
    assert "iframe" not in tags
    assert all("src" not in attrs for _, attrs in outline.tags)
    for tag, attrs in outline.tags:
        href = attrs.get("href") or ""
        if tag == "a" and not href.startswith("#"):
            assert (built.parent / href.split("#")[0]).is_file(), href
    assert "@import" not in page
    assert re.findall(r"url\((.)", page) == ["#"] * page.count("url(")
    # Landmarks, skip link, captions and header cells.
    for tag in ("header", "nav", "main", "footer"):
        assert tags.count(tag) >= 1
    assert outline.tags[tags.index("a")][1] == {"class": "skip-link", "href": "#main"}
    assert tags.count("caption") == tags.count("table")
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in outline.tags
               if tag == "th")
    # Headings never skip a level on the way down.
    assert outline.headings[0] == 1
    assert all(b <= a + 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False))
    # Ids are unique (the SVG charts' ids are prefixed per chart).
    ids = [attrs["id"] for _, attrs in outline.tags if attrs.get("id")]
    assert len(ids) == len(set(ids))
    assert tags.count("svg") == 3  # the declaration, within Baku, the region heatmap


def test_report_is_byte_identical_across_runs(built: Path, tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    again = build_report(out_dir=tmp_path / "again", progress=lambda *step: steps.append(step))
    for file in built.parent.iterdir():
        assert (again.parent / file.name).read_bytes() == file.read_bytes(), file.name
    # Progress goes step by step from 0 to the announced total.
    assert [done for done, _, _ in steps] == list(range(len(steps)))
    assert {total for _, total, _ in steps} == {len(steps) - 1}
    assert steps[0][2] == "Parsing the Baku 2025 final report"
    assert steps[-1][2] == "done"


def test_input_text_is_escaped(hostile_report: Path) -> None:
    page = hostile_report.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in page
    assert '<script>alert("x")' not in page
    outline = _outline(page)
    assert '<script>alert("x")</script> & Co' in outline.text
    # The page's own script and one per redline fragment; nothing from the input.
    assert [tag for tag, _ in outline.tags].count("script") == 3


def test_failed_run_leaves_the_previous_report(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "baku-2025"
    shutil.copytree(built.parent, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}

    def broken(report: view.ReportView) -> str:
        raise RuntimeError("template failed")

    monkeypatch.setattr(publish, "render_report", broken)
    with pytest.raises(RuntimeError):
        build_report(out_dir=target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["baku-2025"]


def test_output_dir_of_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_bytes(b"mine")
    with pytest.raises(InputError, match="is not a wtdc report; choose another directory"):
        build_report(out_dir=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.docx"]


def test_output_dir_inside_a_file_is_refused_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    def parse_nothing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed before refusing the output directory")

    monkeypatch.setattr("toolkit.corpus.sources.parsed_edition", parse_nothing)
    with pytest.raises(InputError, match=r"notes.txt is a file, not a directory; choose another"):
        build_report(out_dir=tmp_path / "notes.txt" / "report")
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_missing_old_edition_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(MissingEditionError):
        build_report(old_edition="kigali-2022", out_dir=tmp_path / "r")
    status = main(["report", "--old", "kigali-2022", "-o", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert status == 2
    assert err == (
        "wtdc: the corpus holds no final report of kigali-2022 (Kigali, 2022); run `wtdc corpus "
        "fetch kigali-2022`, or download it yourself and run `wtdc corpus add PATH --edition "
        "kigali-2022 --kind final-report`\n"
    )
    assert not (tmp_path / "r").exists()


def test_cli_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["report", "--docx", "-o", str(tmp_path / "r")])
    assert status == 0
    assert capsys.readouterr().out == f"{tmp_path / 'r' / 'index.html'}\n"
    assert (tmp_path / "r" / "term-shifts.csv").is_file()
    # --docx: each redline also as Word with tracked changes, linked from its article.
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    for redline in ("redline-declaration", "redline-ri-asp"):
        assert (tmp_path / "r" / f"{redline}.docx").read_bytes()[:2] == b"PK"
        assert f'<a href="{redline}.docx" download>DOCX</a>' in page


def test_old_edition_must_be_earlier(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--old", "baku-2025"]) == 2
    assert capsys.readouterr().err == (
        "wtdc: --old baku-2025 is not earlier than --new baku-2025; name an earlier edition "
        "with --old\n"
    )


def test_lineage_rows_link_to_their_texts_and_sort_and_filter(built: Path, page: str) -> None:
    texts = (built.parent / "texts.html").read_text(encoding="utf-8")
    rows = _json(built, "lineage")
    linked = re.findall(r'<th scope="row"><a href="texts.html#([\w-]+)">\1</a></th>', page)
    assert linked == [r["doc_id"] for r in rows if r["text_in_corpus"]]
    assert all(f'<article class="text" id="{doc}"' in texts for doc in linked)
    assert '<h2 id="res-37-heading">RESOLUTION 37 (Rev. Baku, 2025)</h2>' in texts
    assert "<title>The texts of the Baku 2025 final report</title>" in texts
    # The lineage table is the one sortable, filterable table.
    assert page.count('class="sortable"') == 1
    assert '<table id="lineage" class="sortable">' in page
    assert '<input type="search" id="lineage-filter" data-table="lineage"' in page
    assert '<th scope="col"><button type="button" class="sort">Document</button></th>' in page
