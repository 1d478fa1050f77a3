"""The evaluation notebook runs top to bottom (so it can never rot)."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "evaluate.ipynb"


@pytest.mark.slow
def test_evaluation_notebook_executes_with_its_figures():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    env_model = os.environ.get("IEC_NLP_TEST_MODEL")
    if env_model:
        os.environ["IEC_NLP_MODEL"] = env_model
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [
        o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
    ]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "Entities (strict, end to end)" in text
    assert "patterns only" in text and "trained pipeline" in text
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(figures) >= 3


def test_every_cell_has_an_id():
    # nbformat 4.5 requires cell ids and will refuse notebooks without them;
    # a cell added by hand without one fails here, not in a user's Jupyter.
    import json

    cells = json.loads(NOTEBOOK.read_text())["cells"]
    ids = [cell.get("id") for cell in cells]
    assert all(ids), [n for n, i in enumerate(ids) if not i]
    assert len(set(ids)) == len(ids)
