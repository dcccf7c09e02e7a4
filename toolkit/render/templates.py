"""The one Jinja environment of the HTML renderers (diff pages, reports): templates from
toolkit/render/templates/, autoescaping on, undefined names an error.

Every text that comes from an input goes through autoescaping; only our own assets (CSS,
JS), which hold no input text, are inlined verbatim with `asset`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

TEMPLATES = "templates"  # the directory beside this module
# The whitespace modes of `environment`, by name (templates are precompiled for each).
MODES = {"kept": False, "trimmed": True}


@cache
def environment(*, trim_blocks: bool = False) -> Environment:
    """The shared environment (one per whitespace mode, built on first use).

    `trim_blocks=True` also strips the indentation before a block tag (Jinja's
    `trim_blocks` + `lstrip_blocks`), so block tags leave no blank lines in the output.
    """
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from toolkit.render.precompiled import Precompiled

    return Environment(
        loader=PackageLoader("toolkit.render", TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=trim_blocks,
        lstrip_blocks=trim_blocks,
        keep_trailing_newline=True,
        bytecode_cache=Precompiled("trimmed" if trim_blocks else "kept"),
    )


def asset(name: str) -> Markup:
    """One of our own stylesheets or scripts, to inline verbatim (it holds no input text)."""
    from markupsafe import Markup

    return Markup(
        resources.files("toolkit.render").joinpath(TEMPLATES, name).read_text(encoding="utf-8")
    )


if __name__ == "__main__":  # after a template changed: rewrite templates/compiled.json
    from toolkit.render.precompiled import write_compiled

    write_compiled({mode: environment(trim_blocks=trim) for mode, trim in MODES.items()})
