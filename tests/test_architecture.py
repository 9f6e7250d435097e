"""The package's shape (docs/architecture.md): imports only go down the layers, no import
circles, no private name imported from another module. Lazy imports inside functions count."""

from __future__ import annotations

import ast
from pathlib import Path

import nkfacts

PACKAGE = Path(nkfacts.__file__).parent
# Bottom to top: a module may import its own package and the packages below it.
LAYERS = {
    "core": 0,
    "load": 1,
    "output": 2,
    "store": 3,
    "answers": 4,
    "cite": 5,
    "export": 5,
    "checkdraft": 6,
    "ask": 7,
    "cli": 8,
}


def _module_name(path: Path) -> str:
    parts = ["nkfacts", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every nkfacts import in `name`."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, list[str], int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("nkfacts")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            if not base.startswith("nkfacts"):
                continue
            names = [a.name for a in node.names]
            # `from nkfacts.cli import process` imports the module nkfacts.cli.process
            subs = [f"{base}.{n}" for n in names if f"{base}.{n}" in MODULES]
            found += [(s, [], node.lineno) for s in subs]
            rest = [n for n in names if f"{base}.{n}" not in MODULES]
            if rest or not subs:
                found.append((base, rest, node.lineno))
    return found


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_every_package_has_a_layer() -> None:
    packages = {p.parent.name for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE}
    assert packages == set(LAYERS)


def test_imports_only_go_down_the_layers() -> None:
    upward = []
    for name in MODULES:
        mine = _layer(name)
        for target, _, line in _imports(name):
            theirs = _layer(target)
            if mine is None or theirs is None or target.split(".")[1] == name.split(".")[1]:
                continue
            if theirs >= mine:
                upward.append(f"{name}:{line} imports {target}")
    assert upward == []


def test_no_private_name_is_imported_from_another_module() -> None:
    private = [
        f"{name}:{line} takes {n} from {target}"
        for name in MODULES
        for target, names, line in _imports(name)
        for n in names
        if n.startswith("_") and not n.startswith("__") and target != name
    ]
    assert private == []


def _cycles() -> list[list[str]]:
    graph = {n: sorted({t for t, _, _ in _imports(n) if t in MODULES and t != n}) for n in MODULES}
    # A package's __init__ is imported on the way to its submodules; that edge is not a cycle.
    for n, targets in graph.items():
        graph[n] = [t for t in targets if not n.startswith(t + ".")]
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_circles() -> None:
    assert _cycles() == []


def test_the_walker_sees_lazy_and_relative_imports() -> None:
    # index imports the rebuild lazily (inside a function): the walk must see it.
    assert "nkfacts.store.rebuild" in {t for t, _, _ in _imports("nkfacts.store.index")}


def _private_uses(name: str) -> list[str]:
    """`module._name` where `module` is another nkfacts module imported here."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nkfacts"):
            for a in node.names:
                if f"{node.module}.{a.name}" in MODULES:
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name in MODULES and a.asname:
                    aliases[a.asname] = a.name
    return [
        f"{name}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in aliases
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ]


def test_no_private_name_of_another_module_is_used() -> None:
    assert [u for name in MODULES for u in _private_uses(name)] == []


def test_no_function_is_longer_than_60_lines() -> None:
    """A long function is split along its data flow (docstring and signature count)."""
    long = [
        f"{name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for name, path in MODULES.items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 60
    ]
    assert long == []
