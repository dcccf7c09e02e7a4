"""Real earlier versions against the Final Report, compared with reviewed golden files.

The golden files in tests/align/golden/ were read pair by pair (see README.md there); to
refresh them after a deliberate change, run this file with WTDC_UPDATE_GOLDEN=1 and read
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from toolkit.commands.align import align

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "declaration-prefinal": ("corpora/baku-declaration-prefinal.md", "baku-2025:declaration"),
    "asp-web": ("corpora/regional-initiatives-asp-web.txt", "baku-2025:ri-asp"),
}


def summary(old: str, new: str) -> list[dict[str, Any]]:
    alignments = align(old, new)
    return [
        {
            "old_doc": a.old_doc.id if a.old_doc else None,
            "new_doc": a.new_doc.id if a.new_doc else None,
            "reason": a.reason,
            "pairs": [
                [
                    p.old.id if p.old else None,
                    p.old.clause.label if p.old else None,
                    p.new.id if p.new else None,
                    p.new.clause.label if p.new else None,
                    p.status,
                    round(p.similarity, 2),
                    "+".join(p.change_kinds),
                ]
                for p in a.pairs
            ],
        }
        for a in alignments
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_pair_matches_reviewed_golden(
    name: str, repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo_root)
    got = summary(*CASES[name])
    path = GOLDEN / f"{name}.json"
    if os.environ.get("WTDC_UPDATE_GOLDEN"):
        lines = [json.dumps(doc | {"pairs": []}, ensure_ascii=False)[:-3] for doc in got]
        body = ",\n".join(
            line
            + "[\n"
            + ",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in doc["pairs"])
            + "\n]}"
            for line, doc in zip(lines, got, strict=True)
        )
        path.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))
