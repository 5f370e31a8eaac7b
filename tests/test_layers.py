"""Imports point one way (STYLE.md point 12): records -> geo -> extract ->
ingest/store/viz -> page. Every import of every project module -- also those
inside functions -- is read with ``ast`` (nothing is imported) and mapped to its
top-level project package; each rule is one parametrised case."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pytest

PACKAGES = ("records", "geo", "extract", "ingest", "store", "viz", "bench", "tools", "page")
SCRIPTS = ("app", "app_auth")            # the page's top-level modules
PROJECT = frozenset(PACKAGES + SCRIPTS)
PAGE = frozenset({"app", "app_auth", "page"})
MAX_LINES = 400


class Import(NamedTuple):
    path: str        # relative to the repository root
    line: int
    module: str      # as written (absolute, relative ones resolved)
    top: str         # first component of module
    names: tuple[str, ...] = ()   # what "from module import ..." takes


@dataclass(frozen=True)
class Module:
    path: str
    layer: str       # top-level package, or the script's name
    lines: int
    imports: tuple[Import, ...]


def _module_name(rel: Path) -> list[str]:
    parts = list(rel.with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(rel: Path, tree: ast.AST) -> list[Import]:
    name = _module_name(rel)
    package = name if rel.name == "__init__.py" else name[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolved against the importing package
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            if node.module is None:  # "from . import x": x may be a submodule
                found += [(node.lineno, f"{target}.{a.name}", ()) for a in node.names]
            found.append((node.lineno, target, tuple(a.name for a in node.names)))
    return [Import(str(rel), line, mod, mod.split(".")[0], names) for line, mod, names in found]


@pytest.fixture(scope="module")
def modules(root) -> list[Module]:
    """Every project module, parsed (not imported)."""
    files = [p for pkg in PACKAGES if (root / pkg).is_dir() for p in sorted((root / pkg).rglob("*.py"))]
    files += [root / f"{s}.py" for s in SCRIPTS if (root / f"{s}.py").exists()]
    modules = []
    for path in files:
        rel = path.relative_to(root)
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(rel))
        modules.append(Module(str(rel), rel.parts[0].removesuffix(".py"),
                              len(source.splitlines()), tuple(_imports(rel, tree))))
    return modules


def _offending(modules: list[Module], layers: set[str], allowed: frozenset[str],
               banned: frozenset[str]) -> list[str]:
    """Imports from modules of *layers* that reach a *banned* top-level name outside
    *allowed* (and outside the module's own package)."""
    return [f"{imp.path}:{imp.line} imports {imp.module}"
            for m in modules if m.layer in layers
            for imp in m.imports
            if imp.top in banned and imp.top not in allowed and imp.top != m.layer]


UI = frozenset({"streamlit", "streamlit_folium", "folium"})


def rule(rule_id, layers, allowed, banned=PROJECT, marks=()):
    return pytest.param(rule_id, set(layers), frozenset(allowed), banned, id=rule_id, marks=marks)


# --- rules: (id, importing layers, allowed project packages, banned names) ---------------
RULES = [
    rule("records imports no project package", {"records"}, ()),
    rule("geo imports only records", {"geo"}, {"records"}),
    rule("extract imports only records and geo", {"extract"}, {"records", "geo"}),
    rule("the core imports no UI library", {"records", "geo", "extract"}, (), UI),
    rule("store imports only records and geo", {"store"}, {"records", "geo"}),
    rule("viz imports only records and geo", {"viz"}, {"records", "geo"}),
    rule("ingest imports only records, geo, extract, store", {"ingest"},
         {"records", "geo", "extract", "store"}),
    rule("bench and tools import anything but the page", {"bench", "tools"}, (), PAGE),
]


@pytest.mark.parametrize("rule_id,layers,allowed,banned", RULES)
def test_import_direction(modules, rule_id, layers, allowed, banned):
    assert any(m.layer in layers for m in modules), f"no module found for {layers}"
    offending = _offending(modules, layers, allowed, banned)
    assert not offending, f"{rule_id}:\n  " + "\n  ".join(offending)


def test_no_private_names_across_packages(modules):
    """A leading underscore is private to its package: another package that needs it
    needs a public function (in the lower layer)."""
    offending = [f"{imp.path}:{imp.line} imports {name} from {imp.module}"
                 for m in modules for imp in m.imports
                 if imp.top in PROJECT and imp.top != m.layer
                 for name in imp.names if name.startswith("_") and not name.startswith("__")]
    assert not offending, "\n  ".join(["private names across packages:", *offending])


def _graph(modules: list[Module]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for m in modules:
        graph.setdefault(m.layer, set()).update(
            imp.top for imp in m.imports if imp.top in PROJECT and imp.top != m.layer)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle between top-level packages as a path, or None (depth-first search)."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_cycle_between_packages(modules):
    cycle = _cycle(_graph(modules))
    if cycle:
        edges = [next(f"{imp.path}:{imp.line} imports {imp.module}"
                      for m in modules if m.layer == a for imp in m.imports if imp.top == b)
                 for a, b in zip(cycle, cycle[1:])]
        pytest.fail("cycle " + " -> ".join(cycle) + ":\n  " + "\n  ".join(edges))


def test_modules_stay_small(modules):
    big = [f"{m.path}: {m.lines} lines" for m in modules if m.lines > MAX_LINES]
    assert not big, f"split by responsibility before {MAX_LINES} lines:\n  " + "\n  ".join(big)


# --- the checker itself, on snippets --------------------------------------------------
PARSES = [
    ("import records.model", "records/x.py", ["records.model"]),
    ("from geo import gazetteer", "extract/x.py", ["geo"]),
    ("from . import model", "records/x.py", ["records.model", "records"]),
    ("from .. import geo_thing", "extract/places/x.py", ["extract.geo_thing", "extract"]),
    ("from .clean import f", "extract/text/x.py", ["extract.text.clean"]),
    ("def f():\n    import streamlit as st", "geo/x.py", ["streamlit"]),
    ("from . import y", "store/__init__.py", ["store.y", "store"]),
]


@pytest.mark.parametrize("source,rel,expected", PARSES)
def test_imports_are_read(source, rel, expected):
    assert [i.module for i in _imports(Path(rel), ast.parse(source))] == expected


def test_cycle_is_found():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
