"""The optional extras install what their features import.

`pip install 'iec-nlp[notebook]'` must bring everything notebooks/evaluate.ipynb
imports, directly or through the iec_nlp modules it uses (and a kernel and a
runner for it); `pip install 'iec-nlp[dask]'` what iec_nlp.dask_extraction
imports. Read from the sources and the installed packages' metadata, so that
an import without its package in the extra fails here, not on a user's machine.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
from _import_reading import import_from_target

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirement_name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;(]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def closure(requirements: list[str]) -> set[str]:
    """The distributions these requirements bring, with their own (installed)
    requirements; `iec-nlp[extra]` stands for the extra's requirements."""
    todo = list(requirements)
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = requirement_name(requirement)
        if name == PROJECT["name"]:
            for extra in re.findall(r"\[([^\]]*)\]", requirement)[0].split(","):
                todo += PROJECT["optional-dependencies"][extra.strip()]
            continue
        if requirement in seen:
            continue
        seen.add(requirement)
        seen.add(name)
        try:
            needs = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        extras = (
            set(re.findall(r"\[([^\]]*)\]", requirement)[0].split(","))
            if "[" in requirement
            else set()
        )
        for need in needs:
            wanted = re.search(r"extra\s*==\s*['\"]([^'\"]+)", need)
            if wanted is None or wanted.group(1) in {e.strip() for e in extras}:
                todo.append(need.split(";")[0])
    return seen


def module_file(name: str) -> Path | None:
    path = ROOT.joinpath(*name.split("."))
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def imports(source: str, package: str, top_level_only: bool) -> tuple[set[str], set[str]]:
    """(third-party top-level modules, iec_nlp modules) imported by `source`."""
    tree = ast.parse(source)
    nodes = _module_level(tree.body) if top_level_only else list(ast.walk(tree))
    outside, ours = set(), set()
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                (ours if alias.name.startswith("iec_nlp") else outside).add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            target = import_from_target(node, package)
            if target is None:
                outside.add(node.module or "")
                continue
            ours |= {target} | {f"{target}.{a.name}" for a in node.names}
    third_party = (
        {m.split(".")[0] for m in outside} - set(sys.stdlib_module_names) - {"__future__", ""}
    )
    return third_party, {m for m in ours if module_file(m)}


def _module_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """Statements run on import: the body, into `try` and `if` blocks, not into functions."""
    found = []
    for node in body:
        found.append(node)
        if isinstance(node, ast.Try):
            found += _module_level(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                found += _module_level(handler.body)
        elif isinstance(node, ast.If):
            found += _module_level(node.body + node.orelse)
    return found


def third_party_imports(source: str, top_level_only: bool) -> set[str]:
    """What `source` imports from outside, also through the iec_nlp modules it imports."""
    found, todo = imports(source, "iec_nlp", top_level_only)
    seen: set[str] = set()
    todo = set(todo)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        path = module_file(module)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        more, ours = imports(path.read_text(encoding="utf-8"), package, top_level_only)
        found |= more
        todo |= ours - seen
    return found


def missing(modules: set[str], available: set[str]) -> list[str]:
    mapping = metadata.packages_distributions()
    return sorted(
        m
        for m in modules
        if not {d.lower().replace("_", "-") for d in mapping.get(m, [m])} & available
    )


def test_the_notebook_extra_installs_what_the_notebook_imports():
    extra = PROJECT["optional-dependencies"]["notebook"]
    notebook = json.loads((ROOT / "notebooks" / "evaluate.ipynb").read_text(encoding="utf-8"))
    source = "\n".join(
        line
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
        if not line.lstrip().startswith(("%", "!"))  # IPython magics
    )
    # The notebook runs evaluations: every import on the way counts, also
    # those inside functions.
    modules = third_party_imports(source, top_level_only=False)
    assert {"matplotlib", "IPython", "spacy", "sklearn"} <= modules
    assert not missing(modules, closure(PROJECT["dependencies"] + extra))
    # A kernel to run it on, a headless runner (`jupyter execute`) and a front end.
    assert {"ipykernel", "nbclient", "notebook"} <= {requirement_name(r) for r in extra}


def test_the_dask_extra_installs_what_the_dask_module_imports():
    extra = PROJECT["optional-dependencies"]["dask"]
    source = (ROOT / "iec_nlp" / "dask_extraction.py").read_text(encoding="utf-8")
    # What importing the module needs (the DataFrame helper imports pandas
    # when called: a Dask DataFrame user has it).
    modules = third_party_imports(source, top_level_only=True)
    assert "distributed" in modules
    assert not missing(modules, closure(PROJECT["dependencies"] + extra))
    # The tests of the Dask path and of Parquet output run with the dev extra.
    dev = {requirement_name(r) for r in PROJECT["optional-dependencies"]["dev"]}
    assert {"dask", "pyarrow"} <= dev
