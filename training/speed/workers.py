"""The measurements, each run by `bench.py --worker SPEC` in a fresh
interpreter: its import times, peak memory and CPU time are its own.

A worker takes a spec (a dict) and returns a dict of numbers. Nothing
beyond the standard library is imported before a worker asks for it.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from typing import Any

from .machine import cpu_seconds, current_rss_mb, peak_rss_mb
from .workload import count_words, release_texts, releases, text_of_size, touch, workload


def load_target(target: str, model: str) -> Any:
    if target == "iec":
        import iec_nlp

        return iec_nlp.load(model)
    import spacy

    return spacy.load(model)


def cold_start(spec: dict) -> dict:
    """`import iec_nlp` + loading the model (or `import spacy` + spacy.load
    for the reference), timed apart, wall clock and CPU."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    if spec["target"] == "iec":
        import iec_nlp  # noqa: F401
    else:
        import spacy  # noqa: F401
    t1, c1 = time.perf_counter(), cpu_seconds()
    load_target(spec["target"], spec["model"])
    t2, c2 = time.perf_counter(), cpu_seconds()
    return {
        "import_s": t1 - t0,
        "load_s": t2 - t1,
        "total_s": t2 - t0,
        "import_cpu_s": c1 - c0,
        "load_cpu_s": c2 - c1,
        "total_cpu_s": c2 - c0,
        "rss_mb": peak_rss_mb(),
    }


def run_target(nlp: Any, target: str, mode: str, texts: list[str], batch_size: int) -> int:
    """Process `texts` as a caller would; return a checksum so no work is skipped."""
    n_process = 2 if mode == "pipe2" else 1
    total = 0
    if target == "iec":
        import iec_nlp

        if mode == "one":
            for text in texts:
                total += touch(iec_nlp.extract(text, model=nlp))
        else:
            for result in iec_nlp.extract_many(
                texts, model=nlp, batch_size=batch_size, n_process=n_process
            ):
                total += touch(result)
    elif mode == "one":
        for text in texts:
            total += len(nlp(text).ents)
    else:
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            total += len(doc.ents)
    return total


def throughput(spec: dict) -> dict:
    nlp = load_target(spec["target"], spec["model"])
    texts = workload(spec["words"])
    # First-call costs (lazy imports, caches) are not billed to the workload;
    # forked pipe workers inherit this state.
    run_target(nlp, spec["target"], "one", texts[:3], spec["batch_size"])
    rss_loaded = peak_rss_mb()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    checksum = run_target(nlp, spec["target"], spec["mode"], texts, spec["batch_size"])
    elapsed = time.perf_counter() - t0
    import multiprocessing

    multiprocessing.active_children()  # reap pipe workers so that their CPU is counted
    return {
        "seconds": elapsed,
        "cpu_s": cpu_seconds() - cpu0,
        "releases": len(texts),
        "words": count_words(texts),
        "checksum": checksum,
        "rss_loaded_mb": rss_loaded,
        "rss_mb": peak_rss_mb(),
        "rss_children_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
    }


def long_text(spec: dict) -> dict:
    """`extract()` of one release of `chars` characters, views included."""
    import iec_nlp

    nlp = iec_nlp.load(spec["model"])
    touch(iec_nlp.extract(release_texts()[0], model=nlp))  # warm-up
    rss_loaded = peak_rss_mb()
    text = text_of_size(spec["chars"])
    t0 = time.perf_counter()
    result = iec_nlp.extract(text, model=nlp)
    t1 = time.perf_counter()
    touch(result)  # views are part of the cost, and the part most likely to be superlinear
    t2 = time.perf_counter()
    return {
        "chars": len(text),
        "extract_s": t1 - t0,
        "views_s": t2 - t1,
        "seconds": t2 - t0,
        "entities": len(result.entities),
        "relations": len(result.relations),
        "rss_loaded_mb": rss_loaded,
        "rss_mb": peak_rss_mb(),
    }


def stream(spec: dict) -> dict:
    """`extract_many` over `releases` releases in one process; peak and
    current RSS at each checkpoint, to show memory does not grow with the count."""
    import iec_nlp

    nlp = iec_nlp.load(spec["model"])
    touch(iec_nlp.extract(release_texts()[0], model=nlp))
    checkpoints = sorted(set(spec["checkpoints"]) | {spec["releases"]})
    rows = [
        {"releases": 0, "seconds": 0.0, "rss_mb": peak_rss_mb(), "current_mb": current_rss_mb()}
    ]
    t0 = time.perf_counter()
    results = iec_nlp.extract_many(
        releases(spec["releases"]), model=nlp, batch_size=spec["batch_size"]
    )
    for done, result in enumerate(results, start=1):
        touch(result)
        if done in checkpoints:
            rows.append(
                {
                    "releases": done,
                    "seconds": time.perf_counter() - t0,
                    "rss_mb": peak_rss_mb(),
                    "current_mb": current_rss_mb(),
                }
            )
    return {"checkpoints": rows}


WORKERS: dict[str, Callable[[dict], dict]] = {
    "cold_start": cold_start,
    "throughput": throughput,
    "long_text": long_text,
    "stream": stream,
}
