"""The package's layers hold: data -> render -> outputs -> stages -> pipeline -> engine, with
machinery and the base modules below them all, and no import cycle anywhere in sawt/.

Read from the source (ast), so a late import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "sawt"

#: Each module's layer, by the first part of its name under sawt/; a module may import its own
#: layer and those below it. volunteer/ and the command line sit on top, as tools that use the rest.
LAYERS = {
    "errors": 0, "languages": 0, "catalogs": 0, "fonts": 0, "machinery": 1,
    # dates reads the archive's dates and names its statuses; config reads a time zone from it.
    "dates": 2, "config": 2, "data": 2, "render": 3, "outputs": 4, "stages": 5, "pipeline": 6, "engine": 7,
    "volunteer": 8, "sheets": 8, "capture": 8, "cli": 9, "__main__": 9, "__init__": 9,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """sawt module -> the sawt modules it imports (a `from sawt.x import y` names sawt.x.y when that is a module)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    found: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names if alias.name.startswith("sawt")}
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sawt") and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.add(full if full in modules else node.module)
        found[name] = {target for target in targets if target in modules and target != name}
    return found


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def test_every_module_has_a_layer():
    assert [name for name in _imports() if (name.split(".") + ["__init__"])[1] not in LAYERS] == []


def test_no_module_imports_a_layer_above_its_own():
    upward = sorted(f"{module} imports {target}" for module, targets in _imports().items() for target in targets
                    if module != "sawt" and _layer(target) > _layer(module))
    assert upward == []


def find_cycles(graph: dict[str, set[str]]) -> list[str]:
    """Every import cycle a depth-first walk meets, as "a -> b -> a"."""
    cycles, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_the_cycle_finder_finds_one():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a -> b -> c -> a"]


def test_no_import_cycles():
    # sawt/__init__ re-exports for `python -m sawt`; every other module counts.
    assert find_cycles({module: targets for module, targets in _imports().items() if module != "sawt"}) == []


def test_nothing_in_sawt_imports_the_engine():
    engine_imports = sorted(module for module, path in ((_module_name(p), p) for p in PACKAGE.rglob("*.py"))
                            if any(isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                                (getattr(node, "module", None) or alias.name).split(".")[0] in ("mkdocs", "material")
                                for alias in node.names) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    assert engine_imports == []
