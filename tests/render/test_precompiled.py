"""The templates shipped compiled (templates/compiled.json) are those of the sources."""

from __future__ import annotations

from pathlib import Path

from toolkit.render.precompiled import COMPILED, Precompiled, compiled
from toolkit.render.templates import MODES, environment

TEMPLATES = Path(__file__).resolve().parents[2] / "toolkit" / "render" / "templates"


def test_the_shipped_compiled_templates_are_current() -> None:
    current = compiled({mode: environment(trim_blocks=trim) for mode, trim in MODES.items()})
    shipped = (TEMPLATES / COMPILED).read_text(encoding="utf-8")
    assert shipped == current, "a template changed: run `python -m toolkit.render.templates`"


def test_only_an_unchanged_template_takes_the_shipped_code() -> None:
    source = (TEMPLATES / "report.html.j2").read_text(encoding="utf-8")
    env = environment()
    assert Precompiled("kept").get_bucket(env, "report.html.j2", None, source).code is not None
    # Edited (or the other whitespace mode): Jinja compiles the source itself.
    assert Precompiled("kept").get_bucket(env, "report.html.j2", None, source + "x").code is None
    assert Precompiled("trimmed").get_bucket(env, "texts.html.j2", None, source).code is None
