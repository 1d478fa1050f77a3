"""`python -m iec_nlp.corpus.validate FILE...`: check corpus files against SCHEMA.md.

The same check backs `iec-nlp corpus validate`; this module form exists so the
validator runs with nothing but the package on the path.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .records import Problem, read_jsonl


def validate_files(paths: Sequence[str | Path]) -> tuple[int, list[Problem]]:
    """Validate every file; return the number of good records and all problems."""
    good = 0
    problems: list[Problem] = []
    for path in paths:
        result = read_jsonl(path)
        good += len(result.documents)
        problems.extend(result.problems)
    return good, problems


def main(argv: list[str] | None = None) -> int:
    paths = list(argv if argv is not None else sys.argv[1:])
    if not paths:
        print("usage: python -m iec_nlp.corpus.validate FILE...", file=sys.stderr)
        return 2
    good, problems = validate_files(paths)
    for problem in problems:
        print(problem)
    print(f"{good} valid record(s), {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
