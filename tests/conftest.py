"""Shared pytest fixtures.

Several test modules use these; keep each fixture's name specific to what it
provides so that fixtures added later by other modules do not collide.
"""

from __future__ import annotations

import os

import pytest

# --- model fixtures (used by tests/test_robustness.py and others) ----------


@pytest.fixture(scope="session")
def nlp():
    """The trained pipeline, loaded once per test session.

    `IEC_NLP_TEST_MODEL` names a model directory or package to test instead
    of the committed default `iec_cnn` (e.g. a freshly trained model).
    """
    import iec_nlp

    return iec_nlp.load(os.environ.get("IEC_NLP_TEST_MODEL") or "iec_cnn")
