"""Reading import statements from source, shared by the structure and extras tests."""

from __future__ import annotations

import ast


def import_from_target(node: ast.ImportFrom, package: str) -> str | None:
    """The iec_nlp module a `from ... import` names (relative ones resolved
    against `package`), or None when it names a module outside iec_nlp."""
    if node.level:
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        return ".".join(base + ([node.module] if node.module else []))
    if node.module and node.module.startswith("iec_nlp"):
        return node.module
    return None
