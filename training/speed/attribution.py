"""cProfile of `extract_many`, each function's time charged to a pipeline stage.

Each function's self time is charged to the stage ("anchor") it runs under,
gprof-style: an anchor function owns its whole subtree; any other function's
time is split among its callers in proportion to the time spent under each
caller. Shared code (thinc layers, Doc methods, re, numpy) is thus charged to
tok2vec, ner, relations, ... as it is used. cProfile's hooks slow Python code
more than compiled code, so the per-stage timing of `profile.py` is the one
to quote; this says which functions to look at.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from .report import print_table
from .workload import REPO, touch

ANCHORS = (
    # (file suffix, function names or None for any, stage)
    ("iec_nlp/text.py", {"normalize"}, "normalization (iec_nlp.text)"),
    ("iec_nlp/pipeline.py", {"chunk_bounds"}, "chunking (pipeline.chunk_bounds)"),
    (
        "iec_nlp/pipeline.py",
        {"add", "build", "_build"},
        "offset mapping and organizations (pipeline)",
    ),
    ("iec_nlp/extraction.py", {"people", "customers", "figures"}, "views (iec_nlp.extraction)"),
    ("spacy/language.py", {"make_doc"}, "tokenizer (make_doc)"),
    ("spacy/pipeline/sentencizer.pyx", None, "sentencizer"),
    ("spacy/pipeline/tok2vec.py", {"predict", "set_annotations"}, "tok2vec"),
    ("iec_nlp/components/money_ruler.py", {"__call__"}, "iec_money_ruler"),
    ("iec_nlp/components/entity_rules.py", {"__call__"}, "iec_entity_rules"),
    ("iec_nlp/components/customer_consistency.py", {"__call__"}, "iec_customer_consistency"),
    ("iec_nlp/components/table_reader.py", {"__call__"}, "iec_table_reader"),
    (
        "iec_nlp/components/relation_extractor.py",
        {"predict", "set_annotations"},
        "iec_relation_extractor",
    ),
    # Model code specific to one component, anchored so that the thinc
    # layers under it are not split by the shared Model.__call__ node.
    ("iec_nlp/components/relation_model.py", None, "iec_relation_extractor"),
    ("spacy/ml/featureextractor.py", None, "tok2vec"),
    ("spacy/ml/tb_framework.py", None, "ner (compiled, seen as spacy.util._pipe)"),
    ("spacy/ml/parser_model.pyx", None, "ner (compiled, seen as spacy.util._pipe)"),
    # spaCy's per-component driver. The parser (ner) is compiled without
    # profiling hooks, so its transition loop shows up as self time here,
    # and the thinc calls it makes appear as called from here.
    ("spacy/util.py", {"_pipe"}, "ner (compiled, seen as spacy.util._pipe)"),
)
UNATTRIBUTED = "driver & other (extract_many, nlp.pipe glue)"


def anchor_of(func: tuple) -> str | None:
    filename, _, name = func
    filename = filename.replace(os.sep, "/")
    for suffix, names, stage in ANCHORS:
        if filename.endswith(suffix) and (names is None or name in names):
            return stage
    return None


def stage_shares(stats: Any) -> Callable[[tuple], dict[str, float]]:
    """A function -> {stage: fraction of its time} map over the call graph."""
    memo: dict[tuple, dict[str, float]] = {}

    def shares(func: tuple, path: frozenset) -> dict[str, float]:
        if func in memo:
            return memo[func]
        stage = anchor_of(func)
        if stage is not None:
            return {stage: 1.0}
        all_callers = stats.stats.get(func, (0, 0, 0, 0, {}))[4]
        if not all_callers:
            return {UNATTRIBUTED: 1.0}  # a root of the profile
        # Callers already on the path are a recursion (thinc's chain ->
        # Model.__call__ -> chain ...): skip them and renormalize.
        callers = {c: e for c, e in all_callers.items() if c not in path}
        by_time = sum(e[3] for e in callers.values())
        by_calls = sum(e[1] for e in callers.values()) or 1
        result: dict[str, float] = defaultdict(float)
        for caller, edge in callers.items():
            weight = edge[3] / by_time if by_time > 0 else edge[1] / by_calls
            for stage, share in shares(caller, path | {func}).items():
                result[stage] += weight * share
        total = sum(result.values())
        if total <= 0:
            return {} if path else {UNATTRIBUTED: 1.0}  # reached only through the cycle
        result = {stage: share / total for stage, share in result.items()}
        if not path:  # results computed without cutting a cycle are safe to reuse
            memo[func] = result
        return result

    return lambda func: shares(func, frozenset())


def profile_areas(stats: Any, shares: Callable[[tuple], dict[str, float]]) -> dict[str, float]:
    areas: dict[str, float] = defaultdict(float)
    for func, (_, _, tottime, _, _) in stats.stats.items():
        for stage, share in shares(func).items():
            areas[stage] += tottime * share
    return dict(areas)


def short_location(func: tuple) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    for marker in ("site-packages/", f"{REPO}/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}({name})"


def print_top(stats: Any, shares: Callable[[tuple], dict[str, float]], n: int) -> list[dict]:
    """The functions with the most self time, each with the stage it is charged to."""
    top = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:n]
    out = []
    for func, (_, ncalls, tottime, cumtime, _) in top:
        split = shares(func)
        stage = max(split, key=split.get) + (" (mostly)" if max(split.values()) < 0.95 else "")
        out.append(
            {
                "function": short_location(func),
                "ncalls": ncalls,
                "tottime": tottime,
                "cumtime": cumtime,
                "stage": stage,
            }
        )
    print_table(
        f"cProfile: top {n} functions by self time",
        ["function", "calls", "self s", "cum s", "stage"],
        [[f["function"][-64:], f["ncalls"], f["tottime"], f["cumtime"], f["stage"]] for f in out],
    )
    return out


def run_cprofile(nlp: Any, texts: list[str], batch_size: int) -> dict:
    import cProfile
    import pstats

    import iec_nlp

    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    for result in iec_nlp.extract_many(texts, model=nlp, batch_size=batch_size, n_process=1):
        touch(result)
    profiler.disable()
    wall = time.perf_counter() - t0
    stats = pstats.Stats(profiler)
    shares = stage_shares(stats)
    top = print_top(stats, shares, 25)
    areas = profile_areas(stats, shares)
    total = sum(areas.values())
    rows = [[area, s, f"{s / total:.1%}"] for area, s in sorted(areas.items(), key=lambda a: -a[1])]
    print_table(
        f"cProfile by stage ({total:.1f} s profiled, {wall:.1f} s wall with profiler overhead)",
        ["stage", "seconds", "share"],
        rows,
    )
    return {"top": top, "areas": areas, "wall_s": wall}
