"""The package's layering: components below scoring-free layers, no import cycles.

Read from the source (every `import` statement, at the top of a module or
inside a function), so a lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

from _import_reading import import_from_target

PACKAGE = Path(__file__).resolve().parent.parent / "iec_nlp"
# What the spaCy components may not reach: the layers built on top of them.
ABOVE_COMPONENTS = {"evaluation", "pipeline", "training", "cli", "cross_validation"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every iec_nlp module named by an import statement anywhere in `path`."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("iec_nlp")}
        elif isinstance(node, ast.ImportFrom):
            target = import_from_target(node, package)
            if target is None:
                continue
            found.add(target)
            # `from . import components` names a module, not an attribute.
            found |= {f"{target}.{a.name}" for a in node.names}
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    return {module_name(p): imported_modules(p) for p in PACKAGE.rglob("*.py")}


def test_components_do_not_reach_the_layers_above_them():
    offenders = []
    for path in (PACKAGE / "components").glob("*.py"):
        for target in imported_modules(path):
            layer = target.split(".")[1] if target.count(".") else ""
            if layer in ABOVE_COMPONENTS:
                offenders.append(f"{module_name(path)} imports {target}")
    assert not offenders, offenders


def test_the_layer_check_sees_imports_inside_functions(tmp_path):
    # The check must not be blind to the lazy imports that once hid a cycle.
    probe = PACKAGE / "components" / "relation_extractor.py"
    assert "iec_nlp.scoring" in imported_modules(probe)
    source = "def score():\n    from ..evaluation import relation_prf\n"
    fake = PACKAGE / "components" / "_probe_for_test.py"
    try:
        fake.write_text(source, encoding="utf-8")
        assert "iec_nlp.evaluation" in imported_modules(fake)
    finally:
        fake.unlink()


def test_no_import_cycles_between_modules():
    graph = import_graph()
    # A package's __init__ re-exporting its submodules is not a cycle of logic:
    # leave out edges from a module to the package that contains it.
    for module, targets in graph.items():
        graph[module] = {t for t in targets if not module.startswith(t + ".")}
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, cycles


def test_every_component_and_architecture_has_an_entry_point():
    """spacy.load() of an iec_nlp model finds our functions through the entry
    points in pyproject.toml: each one registered must be listed there."""
    import tomllib
    from spacy.language import Language
    from spacy.util import registry

    import iec_nlp.augment  # noqa: F401  (registers the augmenters)
    import iec_nlp.components  # noqa: F401

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    entry_points = project["project"]["entry-points"]
    factories = {name for name in Language.factories if name.startswith("iec_")}
    assert factories <= set(entry_points["spacy_factories"]), factories - set(
        entry_points["spacy_factories"]
    )
    architectures = {name for name in registry.architectures.get_all() if name.startswith("iec.")}
    assert architectures <= set(entry_points["spacy_architectures"])
    augmenters = {name for name in registry.augmenters.get_all() if name.startswith("iec.")}
    assert augmenters <= set(entry_points["spacy_augmenters"])
