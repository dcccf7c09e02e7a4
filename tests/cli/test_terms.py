"""`wtdc terms` and `wtdc regions` on the shipped corpus: exact figures, schemas, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from toolkit.cli import main
from toolkit.measure.export import schema


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_regions_json_follows_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "regions", "--format", "json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    jsonschema.validate(rows, schema("regions"))
    assert len(rows) == 6 * 18
    cis_ai = next(r for r in rows if (r["region"], r["theme"]) == ("CIS", "ai"))
    # CIS5 is the CIS initiative on AI (report lines 2919-2931): its title names "artificial
    # intelligence", its objective has "artificial intelligence (AI)" and results 1-4 one
    # "AI" each; CIS1 adds one more.
    assert cis_ai["count"] == 7
    assert (cis_ai["initiatives_with_theme"], cis_ai["initiatives"]) == (2, 5)
    assert cis_ai["rate_per_10k"] == pytest.approx(7 * 10_000 / cis_ai["tokens"])


def test_terms_json_follows_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "terms", "baku-2025:res-37", "baku-2025:res-91",
                       "--format", "json")
    assert code == 0
    rows = json.loads(out)
    jsonschema.validate(rows, schema("terms"))
    ai = rows[0]
    # Resolution 91 on AI: 16 "AI", one "artificial intelligence (AI)" and one "Artificial
    # Intelligence" in its clauses (its title is not a clause); Resolution 37 has 4.
    assert (ai["theme"], ai["old_count"], ai["new_count"]) == ("ai", 4, 18)
    assert ai["ci_low"] > 1
    assert ai["z"] > 0
    # Each side is one resolution: what could carry the rise alone is a clause; none does
    # (res-91's clause 3 holds 3 of the 18).
    assert (ai["documents_old"], ai["documents_new"]) == (1, 1)
    assert (ai["top_document"], ai["top_document_share"]) == ("res-91 3", pytest.approx(3 / 18))
    assert (ai["direction"], ai["boot_low"] > 1) == ("higher", True)
    # Open source is in neither: no ratio and no interval (null in JSON); LRC and z are 0.
    open_source = next(r for r in rows if r["theme"] == "open-source")
    assert [open_source[k] for k in ("rate_ratio", "ci_low", "ci_high", "lrc", "z")] == [
        None, None, None, 0.0, 0.0]
    # Satellites are in Resolution 37 only: the interval starts at 0 (none in Resolution 91).
    satellite = next(r for r in rows if r["theme"] == "satellite")
    assert (satellite["new_count"], satellite["ci_low"]) == (0, 0.0)


def test_terms_words_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "terms", "baku-2025:ri-afr", "baku-2025:ri-eur", "--words",
                       "--top", "3", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    jsonschema.validate(rows, schema("words"))
    assert [r["direction"] for r in rows] == ["rising"] * 3 + ["falling"] * 3
    # "Member States" fills the African initiatives (23 times) and never the European ones.
    member = next(r for r in rows if r["term"] == "Member")
    assert (member["old_count"], member["new_count"], member["theme"]) == (23, 0, "Member")
    code, out, _ = run(capsys, "terms", "baku-2025:ri-afr", "baku-2025:ri-eur", "--bigrams",
                       "--top", "2", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("theme,term,key,direction,old_count,new_count,")
    assert "Member States" in out


def declaration_json(capsys: pytest.CaptureFixture[str], prefinal: Path, level: str
                     ) -> list[dict[str, Any]]:
    """`wtdc terms` pre-final → adopted declaration at `level`, checked against its schema."""
    code, out, _ = run(capsys, "terms", str(prefinal), "baku-2025:declaration", f"--{level}",
                       "--format", "json")
    assert code == 0
    rows: list[dict[str, Any]] = json.loads(out)
    jsonschema.validate(rows, schema(level))
    return rows


def test_edits_json_follows_its_schema(
    capsys: pytest.CaptureFixture[str], prefinal_declaration_path: Path
) -> None:
    rows = declaration_json(capsys, prefinal_declaration_path, "edits")
    # The editorial pass kept the declaration's five satellite/space matches as they were
    # (space radiocommunication(s) twice, satellite, space services, "orbital ... resources").
    satellite = next(r for r in rows if r["theme"] == "satellite")
    assert (satellite["old_count"], satellite["new_count"], satellite["kept_new"]) == (5, 5, 5)


def test_kwic_lists_every_counted_match(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regions", "--kwic", "ai", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    jsonschema.validate(rows, schema("kwic"))
    run(capsys, "regions", "--format", "json")
    code, out, _ = run(capsys, "regions", "--format", "json")
    total = sum(r["count"] for r in json.loads(out) if r["theme"] == "ai")
    assert len(rows) == total
    # First the title of AFR2 ("… trustworthy artificial intelligence ecosystem …"), then
    # its objective.
    assert [(r["doc_id"], r["label"], r["match"]) for r in rows[:2]] == [
        ("ri-afr2", None, "artificial intelligence"),
        ("ri-afr2", None, "artificial intelligence (AI)")]


def test_table_output_and_within(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regions", "--within", "sections")
    assert code == 0
    lines = out.splitlines()
    # The table says what it compares, in words, above its headings.
    assert lines.pop(0) == "operative (NEW) vs preamble (OLD), within baku-2025"
    assert lines[0].split() == ["THEME", "OLD", "NEW", "OLD/10k", "NEW/10k", "RATIO", "CI_LOW",
                                "CI_HIGH", "BOOT_LOW", "BOOT_HIGH", "LRC", "Z", "DIRECTION",
                                "TOP_DOC", "TOP_SHARE", "RATIO_WITHOUT_TOP"]
    assert [line.split()[0] for line in lines[1:4]] == ["ai", "satellite", "resilience"]
    code, out, _ = run(capsys, "regions", "--within", "revision", "--format", "json")
    rows = json.loads(out)
    jsonschema.validate(rows, schema("terms"))
    # No resolution left unchanged since an earlier edition speaks of AI.
    assert (rows[0]["theme"], rows[0]["old_count"]) == ("ai", 0)
    # Gender and accessibility are unclear: Resolutions 55 and 58 carry them.
    by_theme = {r["theme"]: r for r in rows}
    assert [(by_theme[t]["direction"], by_theme[t]["top_document"])
            for t in ("gender", "accessibility")] == [("unclear", "res-55"),
                                                      ("unclear", "res-58")]
    for r in rows:
        assert r["direction"] == "unclear" or (
            r["top_document_share"] < 0.5 and (r["boot_low"] > 1 or r["boot_high"] < 1))


def test_themes_lists_the_lexicon_with_its_extensions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "terms", "--themes")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "LABEL", "PATTERNS", "SOURCE"]
    assert lines[1].split() == ["ai", "Artificial", "intelligence", "9", "shipped"]
    assert len(lines) == 1 + 18
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text('[[theme]]\nid = "robots"\nlabel = "Robotics"\nphrases = ["robot*"]\n'
                       '[[theme]]\nid = "ai"\nextend = true\nphrases = ["neural network*"]\n',
                       "utf-8")
    code, out, _ = run(capsys, "terms", "--themes", "--lexicon", str(lexicon), "--format", "json")
    rows = json.loads(out)
    jsonschema.validate(rows, schema("themes"))
    assert rows[0] == {"id": "ai", "label": "Artificial intelligence", "patterns": 10,
                       "source": f"shipped + {lexicon}"}
    assert rows[-1] == {"id": "robots", "label": "Robotics", "patterns": 1,
                        "source": str(lexicon)}
    code, out, _ = run(capsys, "terms", "baku-2025:res-37", "baku-2025:res-91")
    assert out.splitlines()[0] == "baku-2025:res-91 (NEW) vs baku-2025:res-37 (OLD)"
    # Without --themes, terms needs its two texts.
    code, out, err = run(capsys, "terms")
    assert (code, out) == (2, "")
    assert err == ("wtdc: terms compares two texts and got none; give OLD NEW, or --themes to "
                   "list the lexicon\n")


def test_plots_are_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    png, svg = tmp_path / "regions.png", tmp_path / "terms.svg"
    assert run(capsys, "regions", "--plot", str(png))[0] == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run(capsys, "terms", "baku-2025:res-37", "baku-2025:res-91", "--plot", str(svg))[0] == 0
    assert "Themes per 10,000 tokens:" in svg.read_text("utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["regions", "--plot", "chart.pdf"],
         "wtdc: cannot draw a chart into 'chart.pdf'; name a .png or .svg file"),
        (["regions", "--kwic", "robots"], "wtdc: unknown theme 'robots'; the lexicon has: ai, "),
        (["terms", "baku-2025:res-37", "baku-2025:res-999"], "wtdc: "),
        (["regions", "--lexicon", "no-such.toml"], "wtdc: cannot read lexicon no-such.toml"),
        (["regions", "baku-2025:res-37"], "wtdc: no regional initiatives in these texts; give"),
    ],
)
def test_trouble_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    argv: list[str], message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1
    assert not (tmp_path / "chart.pdf").exists()


def test_plot_into_a_path_under_a_file_is_refused_before_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", "utf-8")
    (tmp_path / "dir.png").mkdir()
    code, out, err = run(capsys, "regions", "--plot", str(blocker / "out.png"))
    assert (code, out) == (2, "")
    assert err == (f"wtdc: cannot draw a chart into '{blocker / 'out.png'}': {blocker} is a "
                   "file, not a directory; choose another path\n")
    code, _, err = run(capsys, "regions", "--plot", str(tmp_path / "dir.png"))
    assert code == 2
    assert "it is a directory; name a file" in err


def test_kwic_over_one_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "terms", "baku-2025", "--kwic", "ai", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    jsonschema.validate(rows, schema("kwic"))
    # As many matches as the theme count of the whole edition; 93 when read at the audit
    # (61 "AI", 28 "artificial intelligence (AI)", 3 without the acronym, 1 "machine learning").
    assert len(rows) == 93
    assert {r["side"] for r in rows} == {"baku-2025"}
    assert sum(r["match"] == "artificial intelligence (AI)" for r in rows) == 28
    # Without --kwic one text is not enough: one line, exit 2.
    code, out, err = run(capsys, "terms", "baku-2025")
    assert (code, out) == (2, "")
    assert err == ("wtdc: terms compares two texts (OLD NEW) and got one; give NEW too, or "
                   "--kwic THEME to list the matches in one text\n")


def test_words_whose_ratio_shows_as_1_00_are_neither_rising_nor_falling(
    capsys: pytest.CaptureFixture[str], prefinal_declaration_path: Path
) -> None:
    # The editorial pass on the declaration left most words as they were: 15 of the 23 rows
    # listed before this rule had a ratio of 1.00. Now only the words that moved are listed.
    rows = declaration_json(capsys, prefinal_declaration_path, "words")
    assert [(r["term"], r["direction"], round(r["rate_ratio"], 2)) for r in rows] == [
        ("ITU-D", "rising", 2.0), ("persons", "rising", 2.0), ("according", "rising", 2.0),
        ("Declaration", "rising", 1.33), ("including", "rising", 1.11),
        ("Peoples", "falling", 0.67), ("ITU", "falling", 0.67), ("countries", "falling", 0.92)]
