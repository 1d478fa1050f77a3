"""`bench.py --profile`: where the time goes.

The pipeline is taken apart and each stage timed on its own over the
workload, in the batches `extract_many` makes (CPU time of this process:
other processes on the machine disturb it less than the wall clock). The
reference's stages are timed in the same way, in the same run, on the same
texts as given, so the stages both have (tokenizer, encoder, ner) can be
compared one by one; everything else is what iec_nlp adds.
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

from .attribution import run_cprofile
from .machine import cpu_seconds, machine_busy_seconds
from .report import print_table
from .workload import count_words, release_texts, touch, workload

# Components of spaCy's own that the reference runs too (an encoder and the recognizer).
SHARED_FACTORIES = {"tok2vec", "transformer", "curated_transformer", "ner"}


def _batches(
    norms: list[Any], batch_size: int, batch_chars: int
) -> list[list[tuple[int, int, str]]]:
    """(release, offset, chunk) batches as `extract_many` forms them."""
    from iec_nlp.pipeline import chunk_bounds

    batches: list[list[tuple[int, int, str]]] = [[]]
    chars = 0
    for i, norm in enumerate(norms):
        for start, end in chunk_bounds(norm.text):
            piece = norm.text[start:end]
            if batches[-1] and (len(batches[-1]) >= batch_size or chars + len(piece) > batch_chars):
                batches.append([])
                chars = 0
            batches[-1].append((i, start, piece))
            chars += len(piece)
    return batches


def iec_stages(nlp: Any, texts: list[str], batch_size: int) -> dict[str, float]:
    from iec_nlp.pipeline import BATCH_CHARS, _build, customer_model
    from iec_nlp.text import normalize

    stages: dict[str, float] = defaultdict(float)
    organizations = customer_model(nlp)
    for start in range(0, len(texts), batch_size):
        t = time.process_time()
        norms = [normalize(text) for text in texts[start : start + batch_size]]
        stages["normalization"] += time.process_time() - t
        chunks: dict[int, list] = defaultdict(list)
        for batch in _batches(norms, batch_size, BATCH_CHARS):
            t = time.process_time()
            docs = [nlp.make_doc(piece) for _, _, piece in batch]
            stages["tokenizer"] += time.process_time() - t
            for name, proc in nlp.pipeline:
                t = time.process_time()
                docs = (
                    list(proc.pipe(docs, batch_size=len(docs)))
                    if hasattr(proc, "pipe")
                    else [proc(d) for d in docs]
                )
                stages[name] += time.process_time() - t
            for (i, offset, _), doc in zip(batch, docs):
                chunks[i].append((offset, doc))
        t = time.process_time()
        results = [_build(norms[i], found, organizations) for i, found in chunks.items()]
        stages["offset mapping and organizations"] += time.process_time() - t
        t = time.process_time()
        for result in results:
            touch(result)
        stages["views (people, customers, figures)"] += time.process_time() - t
    return dict(stages)


def reference_stages(ref: Any, texts: list[str], batch_size: int) -> dict[str, float]:
    stages: dict[str, float] = defaultdict(float)
    for start in range(0, len(texts), batch_size):
        t = time.process_time()
        docs = [ref.make_doc(text) for text in texts[start : start + batch_size]]
        stages["tokenizer"] += time.process_time() - t
        for name, proc in ref.pipeline:
            t = time.process_time()
            docs = list(proc.pipe(docs, batch_size=batch_size))
            stages[name] += time.process_time() - t
    return dict(stages)


def profile(
    model: str, reference: str, words: int, profile_words: int, batch_size: int, repeat: int
) -> dict:
    import spacy

    import iec_nlp

    busy0, cpu0, t0 = machine_busy_seconds(), cpu_seconds(), time.perf_counter()
    nlp, ref = iec_nlp.load(model), spacy.load(reference)
    touch(iec_nlp.extract(release_texts()[0], model=nlp))
    sliced = workload(profile_words)
    print(
        f"\ncProfile over extract_many(n_process=1): {len(sliced):,} releases, {count_words(sliced):,} words"
    )
    res: dict[str, Any] = {"cprofile": run_cprofile(nlp, sliced, batch_size)}
    texts = workload(words)
    n_words = count_words(texts)
    ours: dict[str, float] = {}
    theirs: dict[str, float] = {}
    for _ in range(repeat):  # interleaved, least disturbed run of each stage
        for stage, s in iec_stages(nlp, texts, batch_size).items():
            ours[stage] = min(ours.get(stage, s), s)
        for stage, s in reference_stages(ref, texts, batch_size).items():
            theirs[stage] = min(theirs.get(stage, s), s)
    factories = {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    shared = [s for s in ours if s == "tokenizer" or factories.get(s) in SHARED_FACTORIES]
    total, ref_total = sum(ours.values()), sum(theirs.values())
    rows = [[stage, s, f"{s / total:.1%}", theirs.get(stage, "")] for stage, s in ours.items()]
    shared_s = sum(ours[s] for s in shared)
    rows.append(
        [
            f"  subtotal: {', '.join(shared)} (the reference has them too)",
            shared_s,
            f"{shared_s / total:.1%}",
            ref_total,
        ]
    )
    rows.append(
        ["  subtotal: what iec_nlp adds", total - shared_s, f"{(total - shared_s) / total:.1%}", ""]
    )
    rows.append(["total", total, "100%", ref_total])
    print_table(
        f"Per stage, CPU seconds, best of {repeat}: {len(texts):,} releases, {n_words:,} words",
        ["stage", "iec_nlp s", "share", "reference s"],
        rows,
    )
    print(f"  ratio of the sums, reference / iec_nlp: {ref_total / total:.2f}")
    res["stages"] = {
        "iec_s": ours,
        "reference_s": theirs,
        "shared": shared,
        "words": n_words,
        "releases": len(texts),
        "repeat": repeat,
    }
    res["others_cores"] = max(0.0, (machine_busy_seconds() - busy0) - (cpu_seconds() - cpu0)) / (
        time.perf_counter() - t0
    )
    print(f"\nCPU used by other processes meanwhile: {res['others_cores']:.2f} cores")
    return res
