"""The pipeline's direction, read from the source with `ast`: every import (function-local
ones included; those under `if TYPE_CHECKING:` are annotations, not imports) goes down the
pipeline or stays in its own layer, and no two modules import each other."""

from __future__ import annotations

import ast
from itertools import combinations
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"
# Bottom to top. A module may import its own layer and those below it, never one above.
LAYERS = (
    ("errors", "files", "display", "messages", "version"),
    ("ingest",),
    ("parse",),
    ("corpus",),
    ("align",),
    ("diff",),
    ("measure",),
    ("render",),
    ("commands",),
    ("cli", "__main__", "__init__"),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under `if TYPE_CHECKING:`."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING", "typing.TYPE_CHECKING",
        ):
            stack.extend(node.orelse)
            continue
        found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def _imports(module: str) -> set[str]:
    """The toolkit modules `module` imports: `from toolkit.x import y` counts as
    toolkit.x.y when that is a module, else as toolkit.x."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    targets: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            targets.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                targets.add(sub if sub in MODULES else node.module)
    return {t for t in targets if t in MODULES and t != module}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    """Module → the toolkit modules it imports (parsing them all takes ~0.3 s: at collection
    it was paid by every pytest worker)."""
    return {module: _imports(module) for module in MODULES}


def test_the_layers_name_every_package() -> None:
    assert {_layer(m) for m in MODULES} <= set(RANK)


def test_no_import_goes_up_the_pipeline(graph: dict[str, set[str]]) -> None:
    upward = sorted(
        f"{module} → {target}"
        for module, targets in graph.items()
        for target in targets
        if RANK[_layer(target)] > RANK[_layer(module)]
    )
    assert upward == []


def test_no_two_modules_import_each_other(graph: dict[str, set[str]]) -> None:
    cycles = sorted(
        f"{a} ↔ {b}" for a, b in combinations(sorted(graph), 2) if b in graph[a] and a in graph[b]
    )
    assert cycles == []


def test_the_check_sees_function_local_imports(graph: dict[str, set[str]]) -> None:
    # commands.measure imports the measure stage only inside its functions (start-up time).
    assert "toolkit.measure" in graph["toolkit.commands.measure"]
