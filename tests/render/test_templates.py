"""The one Jinja environment shared by the HTML renderers."""

from __future__ import annotations

import pytest

from toolkit.render import diff_html
from toolkit.render.templates import asset, environment


def test_one_environment_per_whitespace_mode() -> None:
    assert environment() is environment()
    assert environment(trim_blocks=True) is environment(trim_blocks=True)
    assert environment() is not environment(trim_blocks=True)
    plain, trimmed = environment(), environment(trim_blocks=True)
    assert (plain.trim_blocks, plain.lstrip_blocks) == (False, False)
    assert (trimmed.trim_blocks, trimmed.lstrip_blocks) == (True, True)
    assert plain.keep_trailing_newline
    assert trimmed.keep_trailing_newline


def test_autoescape_and_strict_undefined() -> None:
    template = environment().from_string("<p>{{ text }}</p>")
    assert template.render(text="<script>alert('x')</script> & co") == (
        "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p>")
    # jinja2.UndefinedError: jinja2 is imported lazily by the module, so matched by name.
    with pytest.raises(Exception, match="'text' is undefined") as raised:
        template.render()
    assert type(raised.value).__name__ == "UndefinedError"


def test_diff_html_uses_it_and_assets_are_ours() -> None:
    assert diff_html.environment is environment
    css = asset("diff.css")
    assert css.startswith(".wtdc-diff { font:")
    assert str(css) == str(css.__html__())  # Markup: inlined verbatim, not escaped again
