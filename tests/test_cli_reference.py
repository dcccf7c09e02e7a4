"""docs/cli.md is generated from `wtdc --help`; a help text changed without regenerating fails."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def load_cli_reference() -> ModuleType:
    path = REPO / "scripts" / "cli_reference.py"
    spec = importlib.util.spec_from_file_location("cli_reference", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_is_current() -> None:
    reference = load_cli_reference()
    expected = reference.render()
    assert reference.REFERENCE.exists(), reference.STALE
    assert reference.REFERENCE.read_text(encoding="utf-8") == expected, reference.STALE


def test_reference_covers_nested_commands() -> None:
    reference = load_cli_reference()
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for heading in ("## wtdc\n", "### wtdc diff\n", "#### wtdc corpus list\n",
                    "#### wtdc patch apply\n"):
        assert heading in text
    assert reference.subcommands(reference.help_text(("patch",))) == ["apply"]
