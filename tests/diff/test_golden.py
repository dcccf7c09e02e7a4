"""Golden test on the real pair: the pre-final Baku Declaration against `baku-2025:declaration`.

The golden file was read by a person (DIFF, 2026-11-23): the renumbering i)→1) and 1)→a) shows
as relabelling, `older people` → `older persons` as an edit (clauses 5) and c)), and
`[Baku Action Plan]` → `the Baku Action Plan` in the closing paragraph. Re-read by UNITS,
2026-11-28, after issue 11: the paragraphs the final report indents under a)–d) are units of
their own (`a) ¶2`), so they pair one to one with the pre-final's separate paragraphs
(`We underscore …`, `d) ¶2` unchanged, not listed; `a) ¶3` a dropped comma, `b) ¶2`
"Priorities" → "priorities"); the one real merge (i) + "Universal and meaningful
connectivity …" → 1)) stays merged; clauses only relabelled (iv) → 4), 3) → c)) are no
longer listed, the summary counts them. If the parser
or aligner changes this output, read the new output before replacing the file:
    WTDC_UPDATE_GOLDEN=1 .venv/bin/pytest tests/diff/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit.commands.diff import run_diff

GOLDEN = Path(__file__).resolve().parent / "golden" / "declaration-prefinal-vs-final.txt"


def test_declaration_golden(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo_root)
    result = run_diff("corpora/baku-declaration-prefinal.md", "baku-2025:declaration")
    outcome_text = result.output
    assert isinstance(outcome_text, str)
    assert result.status == 1  # different
    if os.environ.get("WTDC_UPDATE_GOLDEN"):
        GOLDEN.write_text(outcome_text, encoding="utf-8")
    assert outcome_text == GOLDEN.read_text(encoding="utf-8")
    # What a reader must find in it, whatever else changes.
    assert "relabelled i) → 1)" in outcome_text
    assert "relabelled 1) → a)" in outcome_text
    assert outcome_text.count("older [-people-]{+persons+}") == 2
    assert "Baku Declaration, [-[-]{+the +}Baku Action Plan[-]-], WTDC" in outcome_text
