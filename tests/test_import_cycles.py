"""No two modules of i18n_kit import each other, directly or round a longer circle.

The graph is read from the source with ``ast``: every ``import`` and ``from ... import``
of an i18n_kit module is an edge, wherever it stands (an import inside a function is a
circle put off, not a circle broken), except those under ``if TYPE_CHECKING:`` (never
run) and those inside functions of a package's ``__init__.py`` (a package assembling its
API lazily from its own modules, imported only when the name is first used). ``from a
import b`` is an edge to ``a.b`` when that is a module, else to ``a``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "i18n_kit"

#: Circles known and not yet broken, each as the sorted names of its modules. Empty:
#: add one only with a comment saying which issue breaks it.
KNOWN_CIRCLES: list[list[str]] = []


def module_files() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__.py``)."""
    found: dict[str, Path] = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


class _Imports(ast.NodeVisitor):
    """The i18n_kit names one module imports, with the line of each."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        # (dotted name, what is imported from it or None, line)
        self.names: list[tuple[str, str | None, int]] = []

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        ):
            for statement in node.orelse:
                self.visit(statement)
            return
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if not self.is_package:
            self.generic_visit(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        if not self.is_package:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.names.append((alias.name, None, node.lineno))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.module if self.is_package else self.module.rpartition(".")[0]
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            prefix = f"{base}.{node.module}" if node.module else base
        else:
            prefix = node.module or ""
        for alias in node.names:
            self.names.append((prefix, alias.name, node.lineno))


def import_graph(modules: dict[str, Path]) -> dict[str, dict[str, int]]:
    """module -> {module it imports: line of the import}."""

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, dict[str, int]] = {}
    for module, path in modules.items():
        visitor = _Imports(module, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        edges: dict[str, int] = {}
        for name, imported, line in visitor.names:
            if name != PACKAGE and not name.startswith(f"{PACKAGE}."):
                continue
            if imported is not None and f"{name}.{imported}" in modules:
                name = f"{name}.{imported}"
            target = resolve(name)
            if target is not None and target != module:
                edges.setdefault(target, line)
        graph[module] = edges
    return graph


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            advanced = False
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def describe(component: list[str], graph: dict[str, dict[str, int]]) -> str:
    return "\n".join(
        f"  {module} imports {target} ({module.replace('.', '/')}.py:{line})"
        for module in component
        for target, line in sorted(graph[module].items())
        if target in component
    )


def test_no_module_imports_itself_round_a_circle() -> None:
    graph = import_graph(module_files())
    new = [component for component in circles(graph) if component not in KNOWN_CIRCLES]
    assert not new, "import circles:\n" + "\n\n".join(describe(c, graph) for c in new)


def test_known_circles_are_still_there() -> None:
    """A circle that has been broken is taken off the list, so it cannot come back."""
    found = circles(import_graph(module_files()))
    assert [circle for circle in KNOWN_CIRCLES if circle not in found] == []


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ({"a": "from i18n_kit import b\n", "b": "import i18n_kit.a\n"},
         [["i18n_kit.a", "i18n_kit.b"]]),
        # put off into a function: still a circle
        ({"a": "def f():\n    from i18n_kit.b import x\n", "b": "from i18n_kit.a import y\n"},
         [["i18n_kit.a", "i18n_kit.b"]]),
        ({"a": "from i18n_kit.b import x\n", "b": "from i18n_kit.c import y\n",
          "c": "from . import a\n"}, [["i18n_kit.a", "i18n_kit.b", "i18n_kit.c"]]),
        # only for type checking: never run
        ({"a": "import typing\nif typing.TYPE_CHECKING:\n    from i18n_kit.b import x\n",
          "b": "from i18n_kit.a import y\n"}, []),
        # a package's lazy API reaching down, and a module reading the package's version
        ({"__init__": "__version__ = '1'\ndef __getattr__(name):\n    from i18n_kit.a import x\n",
          "a": "from i18n_kit import __version__\n"}, []),
        ({"a": "from i18n_kit.b import x\n", "b": "import json\n"}, []),
    ],
)
def test_the_graph_finds_circles(
    sources: dict[str, str], expected: list[list[str]], tmp_path: Path
) -> None:
    modules = {}
    for name, text in sources.items():
        path = tmp_path / PACKAGE / f"{name}.py"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        modules[PACKAGE if name == "__init__" else f"{PACKAGE}.{name}"] = path
    assert circles(import_graph(modules)) == expected
