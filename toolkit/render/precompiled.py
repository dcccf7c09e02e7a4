"""The HTML templates compiled ahead of time, shipped in templates/compiled.json.

Jinja turns a template into Python on first use: lexing, parsing and generating the code of
the report's templates take 0.05 s of each `wtdc report`, every run, since a fresh process
has no compiled template. The generated Python is shipped instead (the file is written by
`python -m toolkit.render.templates`, and a test fails when it is stale) and used only
where it was made from the same template source, by the same Jinja version, for the same
whitespace mode; anything else is compiled as usual. Nothing is written at run time.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from toolkit.files import atomic_write_bytes

if TYPE_CHECKING:
    from jinja2 import Environment

COMPILED = "compiled.json"  # in the templates directory
SUFFIX = ".j2"


def _templates() -> Traversable:
    return resources.files("toolkit.render").joinpath("templates")


@cache
def _shipped() -> dict[str, Any]:
    """The shipped file: {"jinja": version, "modes": {mode: {name: {"checksum", "code"}}}}."""
    try:
        return dict(json.loads(_templates().joinpath(COMPILED).read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


class Precompiled(BytecodeCache):
    """Hands Jinja the shipped code of a template whose source still has its checksum."""

    def __init__(self, mode: str) -> None:
        self.mode = mode  # the whitespace mode: code differs between them

    def get_bucket(self, environment: Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        """The bucket of `name`, its code filled in from the shipped file when it matches."""
        bucket = Bucket(environment, name, self.get_source_checksum(source))
        shipped = _shipped()
        entry = shipped.get("modes", {}).get(self.mode, {}).get(name)
        if (shipped.get("jinja") == jinja2.__version__ and entry is not None
                and entry["checksum"] == bucket.checksum):
            bucket.code = compile(entry["code"], filename or "<template>", "exec")
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Unused: `get_bucket` reads the shipped file."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Nothing is written at run time."""


def compiled(environments: dict[str, Environment]) -> str:
    """The content of templates/compiled.json for these environments (mode → environment)."""
    modes: dict[str, dict[str, dict[str, str]]] = {}
    for mode, environment in environments.items():
        assert environment.loader is not None
        modes[mode] = {}
        for name in sorted(environment.loader.list_templates()):
            if name.endswith(SUFFIX):
                source, filename, _ = environment.loader.get_source(environment, name)
                modes[mode][name] = {
                    "checksum": Precompiled(mode).get_source_checksum(source),
                    "code": environment.compile(source, name, filename, raw=True),
                }
    return json.dumps({"jinja": jinja2.__version__, "modes": modes}, indent=1,
                      sort_keys=True) + "\n"


def write_compiled(environments: dict[str, Environment]) -> None:
    """Rewrite templates/compiled.json (`python -m toolkit.render.templates`)."""
    text = compiled(environments)
    atomic_write_bytes(str(_templates().joinpath(COMPILED)), text.encode("utf-8"))
