"""The shape of the source tree: no import cycles, no oversized modules or functions.

The import graph is built with :mod:`ast` from every ``import`` statement in
``src/ddfacts``, the ones inside functions (lazy imports) included, so a
cycle cannot hide behind a deferred import.  Imports under
``if TYPE_CHECKING:`` are left out: they never run.  An import names one
module: ``from .pkg import name`` is an edge to ``pkg.name`` when that is a
module, else to ``pkg`` (its ``__init__``).  Importing a module runs the
``__init__`` of every package above it first, so an import is also an edge to
each of those packages that is not above the importer itself (those are
already running): ``from .records._fields import x`` outside ``records`` runs
``records/__init__``, and with it every record module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "ddfacts"

#: The most lines a module may have.
MODULE_LINES = 400
#: The most lines a function (or method) may have, its decorators and docstring included.
FUNCTION_LINES = 60
#: Generated code, exempt from the size limits: (module, reason).  None today.
GENERATED: dict[str, str] = {}


def _modules() -> dict[str, tuple[Path, bool]]:
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for other in node.orelse:
                yield from _imports(other)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _imports(node)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _packages_above(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:end]) for end in range(1, len(parts))}


def _with_packages(module: str, is_package: bool, targets: set[str]) -> set[str]:
    """*targets* and the packages whose ``__init__`` importing them runs first."""
    running = _packages_above(module) | ({module} if is_package else set())
    above = {package for target in targets for package in _packages_above(target)}
    return targets | {package for package in above - running if package in MODULES}


def _edges(module: str) -> set[str]:
    path, is_package = MODULES[module]
    targets: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names if alias.name in MODULES)
            continue
        origin = _resolve(module, is_package, node)
        for alias in node.names:
            full = f"{origin}.{alias.name}"
            if full in MODULES:
                targets.add(full)
            elif origin in MODULES:
                targets.add(origin)
    targets = _with_packages(module, is_package, targets)
    targets.discard(module)
    return targets


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    for root in sorted(graph):
        if root in state:
            continue
        path = [root]
        stack = [iter(sorted(graph[root]))]
        state[root] = 1
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                state[path.pop()] = 2
            elif state.get(child) == 1:
                return [*path[path.index(child) :], child]
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append(iter(sorted(graph[child])))
    return None


def test_the_graph_sees_lazy_imports() -> None:
    """The edge finder reads imports inside functions, not only at the top."""
    tree = ast.parse("def f():\n    from .b import c\nif TYPE_CHECKING:\n    import x\n")
    found = [type(node).__name__ for node in _imports(tree)]
    assert found == ["ImportFrom"]


def test_importing_a_module_runs_the_packages_above_it() -> None:
    """An import from outside a package reaches its ``__init__``; one from inside does not."""
    outside = _with_packages("ddfacts.provenance", False, {"ddfacts.records._fields"})
    assert outside == {"ddfacts.records._fields", "ddfacts.records"}
    inside = _with_packages("ddfacts.records.actor", False, {"ddfacts.records._fields"})
    assert inside == {"ddfacts.records._fields"}
    own = _with_packages("ddfacts.records", True, {"ddfacts.records.actor"})
    assert own == {"ddfacts.records.actor"}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles() -> None:
    graph = {module: _edges(module) for module in MODULES}
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_nothing_imports_the_package_root() -> None:
    """No module imports ``ddfacts`` itself: the root only re-exports (see ``_version``)."""
    importers = sorted(module for module in MODULES if "ddfacts" in _edges(module))
    assert importers == []


def _long_functions(tree: ast.AST) -> Iterator[tuple[str, int, int]]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > FUNCTION_LINES:
                yield node.name, node.lineno, length


@pytest.mark.parametrize("module", sorted(set(MODULES) - set(GENERATED)))
def test_module_and_function_sizes(module: str) -> None:
    path, _ = MODULES[module]
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines <= MODULE_LINES, f"{path.relative_to(SRC)} has {lines} lines"
    long = list(_long_functions(ast.parse(text)))
    assert not long, f"{path.relative_to(SRC)}: functions over {FUNCTION_LINES} lines: {long}"
