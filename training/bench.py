"""Speed benchmark: iec_nlp's full pipeline against a plain spaCy CNN NER.

Workload
    The texts of corpora/releases/*.txt, sorted by file name, repeated in that
    order until they hold at least --words (default 200,000) whitespace-
    separated words. Every configuration processes exactly this list, and
    words/s always counts these same whitespace-separated words.

What is measured
    iec_nlp   the full default pipeline as a caller gets it: normalization,
              chunking, the spaCy components, offset mapping back to the
              caller's string, and the lazily built views (people, customers,
              figures), which the benchmark touches for every release.
    reference `spacy init config -p ner -o efficiency` (tok2vec + ner),
              initialized with a few labelled examples so that it has our 7
              labels. Its weights are untrained; that does not change the cost.

    For both: cold load (import + load in a fresh interpreter, model saved to
    disk), then words/s and releases/s for one-by-one calls, pipe with
    n_process=1 and with n_process=2, and peak RSS. Every measurement runs in
    its own subprocess, so peak RSS belongs to one configuration. A scaling
    run extracts single releases of 1k .. 2M characters.

    --profile runs, instead, cProfile over `extract_many` (n_process=1) on a
    slice of the workload and a per-stage timing of the pipeline taken apart
    (normalization, tokenizer, each component, offset mapping, views).

Run from the repository root, on an otherwise idle machine (wall-clock times):
    .venv/bin/python training/bench.py --json training/bench_results.json
    .venv/bin/python training/bench.py --profile

Only the standard library is imported at module level: a worker subprocess
must be able to time `import iec_nlp` / `import spacy` itself.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RELEASES_DIR = REPO / "corpora" / "releases"
DEFAULT_MODEL = REPO / "models" / "iec_cnn"
LABELS = ("PERSON", "ROLE", "ORG", "CUSTOMER", "MONEY", "METRIC", "PERIOD")
SCALING_SIZES = (1_000, 10_000, 100_000, 1_000_000, 2_000_000)
MODES = (
    ("one", "one by one", 1),
    ("pipe1", "pipe n_process=1", 1),
    ("pipe2", "pipe n_process=2", 2),
)
RESULT_PREFIX = "BENCH_RESULT "
WORKER_TIMEOUT_S = 1800

if str(REPO) not in sys.path:  # run as a script, the repository is not on the path
    sys.path.insert(0, str(REPO))


# --------------------------------------------------------------------------- workload


def release_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(RELEASES_DIR.glob("*.txt"))]


def count_words(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


def workload(min_words: int) -> list[str]:
    """The corpus releases, in name order, repeated until >= min_words words."""
    corpus = release_texts()
    texts: list[str] = []
    words = 0
    while words < min_words:
        for text in corpus:
            texts.append(text)
            words += len(text.split())
            if words >= min_words:
                break
    return texts


def text_of_size(n_chars: int) -> str:
    """One "release" of exactly n_chars: the whole corpus, repeated and cut."""
    corpus = "\n\n".join(release_texts()) + "\n\n"
    return (corpus * (n_chars // len(corpus) + 1))[:n_chars]


def touch(result: Any) -> int:
    """Use everything `extract` promises, so lazy views are computed too."""
    return (
        len(result.entities)
        + len(result.relations)
        + len(result.figures)
        + len(result.people)
        + len(result.customers)
    )


# --------------------------------------------------------------------------- reference


def build_reference(path: Path) -> None:
    """Save `spacy init config -p ner -o efficiency`, initialized with our labels."""
    from spacy.cli.init_config import init_config
    from spacy.training import Example
    from spacy.util import load_model_from_config

    config = init_config(lang="en", pipeline=["ner"], optimize="efficiency")
    nlp = load_model_from_config(config, auto_fill=True)
    sentences = [
        (
            (
                "John Smith, chief executive officer of IEC Electronics, said revenue from "
                "Lockheed Martin was $12.3 million in the fourth quarter."
            ),
            [
                ("John Smith", "PERSON"),
                ("chief executive officer", "ROLE"),
                ("IEC Electronics", "ORG"),
                ("revenue", "METRIC"),
                ("Lockheed Martin", "CUSTOMER"),
                ("$12.3 million", "MONEY"),
                ("the fourth quarter", "PERIOD"),
            ],
        ),
        (
            "Net sales for fiscal 2008 were $51.0 million, said Jane Doe, vice president of Acme Corp.",
            [
                ("Net sales", "METRIC"),
                ("fiscal 2008", "PERIOD"),
                ("$51.0 million", "MONEY"),
                ("Jane Doe", "PERSON"),
                ("vice president", "ROLE"),
                ("Acme Corp.", "ORG"),
            ],
        ),
    ]
    examples = []
    for text, spans in sentences:
        entities = [(text.index(s), text.index(s) + len(s), label) for s, label in spans]
        examples.append(Example.from_dict(nlp.make_doc(text), {"entities": entities}))
    nlp.initialize(lambda: examples)
    missing = set(LABELS) - set(nlp.get_pipe("ner").labels)
    assert not missing, f"reference NER lacks labels {missing}"
    nlp.to_disk(path)


# --------------------------------------------------------------------------- workers
# Each worker runs in a fresh interpreter and prints one JSON line.


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def cpu_seconds() -> float:
    """CPU time of this process and its reaped children (user + system)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load_target(target: str, model: str) -> Any:
    if target == "iec":
        import iec_nlp

        return iec_nlp.load(model)
    import spacy

    return spacy.load(model)


def worker_load(spec: dict) -> dict:
    """Cold load: import time, then load time, in this fresh interpreter."""
    t0 = time.perf_counter()
    if spec["target"] == "iec":
        import iec_nlp  # noqa: F401
    else:
        import spacy  # noqa: F401
    t1 = time.perf_counter()
    load_target(spec["target"], spec["model"])
    t2 = time.perf_counter()
    return {"import_s": t1 - t0, "load_s": t2 - t1, "total_s": t2 - t0, "rss_mb": peak_rss_mb()}


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


def worker_throughput(spec: dict) -> dict:
    nlp = load_target(spec["target"], spec["model"])
    texts = workload(spec["words"])
    # Warm up on a few releases so first-call costs (lazy caches, allocations)
    # are not billed to the workload; forked pipe workers inherit this state.
    run_target(nlp, spec["target"], "one", texts[:3], spec["batch_size"])
    rss_loaded = peak_rss_mb()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    checksum = run_target(nlp, spec["target"], spec["mode"], texts, spec["batch_size"])
    elapsed = time.perf_counter() - t0
    import multiprocessing

    multiprocessing.active_children()  # reap pipe workers so RUSAGE_CHILDREN counts them
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


def worker_scaling(spec: dict) -> dict:
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


WORKERS: dict[str, Callable[[dict], dict]] = {
    "load": worker_load,
    "throughput": worker_throughput,
    "scaling": worker_scaling,
}


def machine_busy_seconds() -> float:
    """CPU seconds spent busy by the whole machine since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[
        :7
    ]  # steal is not this machine's work
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def run_worker(spec: dict, timeout: float = WORKER_TIMEOUT_S) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result.

    Also reports `others_cores`: the CPU the rest of the machine used meanwhile
    (machine busy time minus the worker's own), in cores -- a noise gauge.
    """
    busy0, kids0, t0 = machine_busy_seconds(), cpu_seconds(), time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--worker", json.dumps(spec)],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f} s"}
    wall = time.perf_counter() - t0
    others = max(0.0, (machine_busy_seconds() - busy0) - (cpu_seconds() - kids0)) / wall
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return {**json.loads(line[len(RESULT_PREFIX) :]), "others_cores": others}
    sys.stderr.write(proc.stderr[-3000:])
    return {"error": f"worker exited with {proc.returncode}"}


# --------------------------------------------------------------------------- reporting


def print_table(title: str, headers: list[str], rows: list[list[Any]]) -> None:
    cells = [[h for h in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    left = [
        all(isinstance(row[i], str) for row in rows) for i in range(len(headers))
    ]  # label columns
    print(f"\n{title}")
    for n, row in enumerate(cells):
        print(
            (
                "  "
                + "  ".join(
                    c.ljust(w) if left[i] else c.rjust(w)
                    for i, (c, w) in enumerate(zip(row, widths))
                )
            ).rstrip()
        )
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def machine() -> dict:
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    import spacy
    import thinc

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "ram_gb": round(mem_kb / 1024**2, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "thinc": thinc.__version__,
        "loadavg_start": os.getloadavg()[0],
        "busy_cores_start": busy_cores(2.0),
    }


def busy_cores(seconds: float) -> float:
    """How many cores the machine keeps busy right now (sampled, we are idle)."""
    busy0 = machine_busy_seconds()
    time.sleep(seconds)
    return (machine_busy_seconds() - busy0) / seconds


def print_machine(info: dict) -> None:
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['ram_gb']} GB RAM; Python {info['python']}, spaCy {info['spacy']}, thinc {info['thinc']}"
    )
    print(
        f"Other load at start: {info['busy_cores_start']:.2f} cores busy "
        f"(1-min load average {info['loadavg_start']:.2f})",
        end="",
    )
    if info["busy_cores_start"] > 0.2:
        print("  -- WARNING: the machine is not idle; numbers will be noisy, re-run when it is")
    else:
        print()


# --------------------------------------------------------------------------- benchmark


def measure_loads(models: dict[str, str], repeat: int) -> dict:
    """Import and load times, each in a fresh interpreter; median of `repeat`.
    The files are in the page cache by then (a disk-cold load is slower)."""
    out = {}
    for target, model in models.items():
        runs = [
            run_worker({"kind": "load", "target": target, "model": model}) for _ in range(repeat)
        ]
        out[target] = {
            "import_s": statistics.median(r["import_s"] for r in runs),
            "load_s": statistics.median(r["load_s"] for r in runs),
            "total_s": statistics.median(r["total_s"] for r in runs),
            "rss_mb": max(r["rss_mb"] for r in runs),
        }
    return out


def measure_throughput(models: dict[str, str], words: int, batch_size: int, repeat: int) -> dict:
    """Best of `repeat` runs per configuration (least disturbed by other load)."""
    out: dict[str, dict] = {}
    for target, model in models.items():
        for mode, _, _ in MODES:
            spec = {
                "kind": "throughput",
                "target": target,
                "model": model,
                "mode": mode,
                "words": words,
                "batch_size": batch_size,
            }
            runs = []
            for _ in range(repeat):
                run = run_worker(spec)
                if "error" in run:
                    sys.exit(f"{target}/{mode}: {run['error']}")
                runs.append(run)
            best = min(runs, key=lambda r: r["seconds"])
            best["words_per_s"] = best["words"] / best["seconds"]
            best["releases_per_s"] = best["releases"] / best["seconds"]
            best["all_seconds"] = [r["seconds"] for r in runs]
            best["spread"] = (max(best["all_seconds"]) - best["seconds"]) / best["seconds"]
            best["others_cores"] = max(r["others_cores"] for r in runs)
            out[f"{target}/{mode}"] = best
            print(
                f"  {target:4s} {mode:6s} {best['words_per_s']:9,.0f} words/s  "
                f"runs: {', '.join(f'{s:.1f}' for s in best['all_seconds'])} s, "
                f"other load {best['others_cores']:.2f} cores",
                flush=True,
            )
    return out


def measure_scaling(model: str, sizes: Iterable[int]) -> list[dict]:
    rows = []
    for size in sizes:
        run = run_worker({"kind": "scaling", "model": model, "chars": size})
        run.setdefault("chars", size)
        if "error" not in run:
            run["chars_per_s"] = run["chars"] / run["seconds"]
            run["us_per_char"] = run["seconds"] / run["chars"] * 1e6
        rows.append(run)
        print(
            f"  {size:>9,} chars: {run.get('seconds', float('nan')):.2f} s {run.get('error', '')}",
            flush=True,
        )
    return rows


def growth_exponent(rows: list[dict], key: str) -> float:
    """k in time ~ chars**k between the two largest sizes: 1 is linear, 2 quadratic."""
    import math

    small, large = rows[-2], rows[-1]
    if small[key] <= 0 or large[key] <= 0:
        return float("nan")
    return math.log(large[key] / small[key]) / math.log(large["chars"] / small["chars"])


def linearity(rows: list[dict]) -> dict:
    """Cost is linear if time per character stays within 2x across sizes."""
    done = sorted((r for r in rows if "error" not in r), key=lambda r: r["chars"])
    per_char = [r["us_per_char"] for r in done]
    ratio = max(per_char) / min(per_char) if per_char else float("nan")
    # Fixed per-call costs dominate the smallest size; show the ratio without it too.
    tail = [r["us_per_char"] for r in done if r["chars"] >= 10_000]
    out = {
        "ratio_all": ratio,
        "ratio_from_10k": max(tail) / min(tail) if tail else float("nan"),
        "linear": ratio <= 2 and len(done) == len(rows),
    }
    if len(done) >= 2:
        # Total, pipeline and views separately: a quadratic part can hide
        # behind a large linear one at the sizes measured.
        out["exponent"] = {
            key: growth_exponent(done, key) for key in ("seconds", "extract_s", "views_s")
        }
    return out


def report_benchmark(res: dict) -> None:
    work = res["workload"]
    print(
        f"\nWorkload: {work['releases']:,} releases ({work['distinct_releases']} distinct files, "
        f"repeated in name order), {work['words']:,} words, {work['chars']:,} characters; "
        f"batch_size={res['batch_size']}; best of {res['repeat']} runs"
    )

    rows = []
    for target, name in (("iec", "iec_nlp"), ("ref", "reference")):
        load = res["load"][target]
        rows.append([name, load["import_s"], load["load_s"], load["total_s"], load["rss_mb"]])
    print_table(
        "Cold load (fresh interpreter, warm page cache, median; reference = spacy.load of its saved dir)",
        ["configuration", "import s", "load s", "import+load s", "RSS MB"],
        rows,
    )

    rows = []
    for target, name in (("iec", "iec_nlp"), ("ref", "reference")):
        for mode, label, n_process in MODES:
            r = res["throughput"][f"{target}/{mode}"]
            rss = f"{r['rss_mb']:.0f}"
            if n_process > 1:
                rss += f" + {n_process}x{r['rss_children_mb']:.0f}"
            rows.append(
                [
                    f"{name} {label}",
                    r["words_per_s"],
                    r["releases_per_s"],
                    rss,
                    r["cpu_s"] / r["seconds"],
                    f"{r['spread']:.0%}",
                    f"{r['others_cores']:.2f}",
                ]
            )
    print_table(
        "Throughput (peak RSS: measuring process [+ n x largest pipe worker]; CPU/wall counts "
        "pipe workers; spread: slowest vs best run; other load: cores used by other processes)",
        [
            "configuration",
            "words/s",
            "releases/s",
            "peak RSS MB",
            "CPU/wall",
            "spread",
            "other load",
        ],
        rows,
    )

    for target in ("iec", "ref"):  # the same work in every mode, whatever the batching
        sums = {res["throughput"][f"{target}/{mode}"]["checksum"] for mode, _, _ in MODES}
        if len(sums) > 1:
            print(f"  WARNING: {target} results differ between modes (checksums {sorted(sums)})")

    print("\nRatio iec_nlp / reference (words/s):")
    for mode, label, _ in MODES:
        print(f"  {label:18s} {res['ratios'][mode]:.2f}")

    rows = [
        [
            r["chars"],
            r.get("seconds", r.get("error")),
            r.get("extract_s", ""),
            r.get("views_s", ""),
            r.get("chars_per_s", ""),
            r.get("rss_loaded_mb", ""),
            r.get("rss_mb", ""),
        ]
        for r in res["scaling"]
    ]
    print_table(
        "Scaling: one release of N characters, extract + views, fresh process",
        ["chars", "time s", "extract s", "views s", "chars/s", "RSS loaded MB", "peak RSS MB"],
        rows,
    )
    lin = res["linearity"]
    verdict = "linear" if lin["linear"] else "NOT linear"
    print(
        f"  time per char max/min = {lin['ratio_all']:.2f} (from 10k up: {lin['ratio_from_10k']:.2f})"
        f" -> {verdict} (criterion: within 2x)"
    )
    if "exponent" in lin:
        exp = lin["exponent"]
        print(
            f"  growth between the two largest sizes, time ~ chars^k: total k={exp['seconds']:.2f}, "
            f"extract k={exp['extract_s']:.2f}, views k={exp['views_s']:.2f}"
        )
        for key, name in (("extract_s", "extract"), ("views_s", "views")):
            if exp[key] > 1.5:
                print(
                    f"  WARNING: {name} grows superlinearly (k={exp[key]:.2f}); it will dominate larger releases"
                )


def benchmark(args: argparse.Namespace) -> dict:
    info = machine()
    print_machine(info)
    texts = workload(args.words)
    res: dict[str, Any] = {
        "machine": info,
        "model": str(args.model),
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "workload": {
            "releases": len(texts),
            "distinct_releases": len(release_texts()),
            "words": count_words(texts),
            "chars": sum(map(len, texts)),
        },
    }
    with tempfile.TemporaryDirectory(prefix="bench_ref_") as tmp:
        build_reference(Path(tmp) / "ref")
        models = {"iec": str(args.model), "ref": str(Path(tmp) / "ref")}
        print("\nMeasuring cold load ...", flush=True)
        res["load"] = measure_loads(models, max(3, args.repeat))
        print("Measuring throughput ...", flush=True)
        res["throughput"] = measure_throughput(models, args.words, args.batch_size, args.repeat)
    res["ratios"] = {
        mode: res["throughput"][f"iec/{mode}"]["words_per_s"]
        / res["throughput"][f"ref/{mode}"]["words_per_s"]
        for mode, _, _ in MODES
    }
    print("Measuring scaling ...", flush=True)
    res["scaling"] = measure_scaling(str(args.model), args.sizes)
    res["linearity"] = linearity(res["scaling"])
    report_benchmark(res)
    others = max(r.get("others_cores", 0.0) for r in [*res["throughput"].values(), *res["scaling"]])
    print(
        f"\nMost CPU used by other processes during any measurement: {others:.2f} cores"
        + ("  -- noisy, re-run on an idle machine" if others > 0.2 else "")
    )
    return res


# --------------------------------------------------------------------------- profile

# cProfile attribution. Each function's self time is charged to the stage
# ("anchor") it runs under, gprof-style: an anchor function owns its whole
# subtree; any other function's time is split among its callers in proportion
# to the time spent under each caller. Shared code (thinc layers, Doc methods,
# re, numpy) is thus charged to tok2vec, ner, relations, ... as it is used.
ANCHORS = (
    # (file suffix, function names or None for any, stage)
    ("iec_nlp/text.py", {"normalize"}, "normalization (iec_nlp.text)"),
    ("iec_nlp/pipeline.py", {"chunk_bounds"}, "chunking (pipeline.chunk_bounds)"),
    ("iec_nlp/pipeline.py", {"_build"}, "offset mapping (pipeline._build)"),
    ("iec_nlp/extraction.py", {"people", "customers", "figures"}, "views (iec_nlp.extraction)"),
    ("spacy/language.py", {"make_doc"}, "tokenizer (make_doc)"),
    ("spacy/pipeline/sentencizer.pyx", None, "sentencizer"),
    ("spacy/pipeline/tok2vec.py", {"predict", "set_annotations"}, "tok2vec"),
    ("iec_nlp/components/money_ruler.py", {"__call__"}, "iec_money_ruler"),
    ("iec_nlp/components/entity_rules.py", {"__call__"}, "iec_entity_rules"),
    ("iec_nlp/components/customer_consistency.py", {"__call__"}, "iec_customer_consistency"),
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


def is_pipe_driver(func: tuple) -> bool:
    return func[0].replace(os.sep, "/").endswith("spacy/util.py") and func[2] == "_pipe"


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


def stages_below(stats: Any) -> Callable[[tuple], set[str]]:
    """A function -> the anchor stages it calls into (directly or not)."""
    callees: dict[tuple, set[tuple]] = defaultdict(set)
    for func, (_, _, _, _, callers) in stats.stats.items():
        for caller in callers:
            callees[caller].add(func)

    def below(func: tuple) -> set[str]:
        found, seen, todo = set(), {func}, list(callees[func])
        while todo:
            callee = todo.pop()
            if callee in seen:
                continue
            seen.add(callee)
            stage = anchor_of(callee)
            if stage is not None:
                found.add(stage)
            if stage is None or is_pipe_driver(callee):  # _pipe only owns its self time
                todo.extend(callees[callee])
        return found

    return below


def print_top(stats: Any, shares: Callable[[tuple], dict[str, float]], n: int) -> list[dict]:
    """Top functions by cumulative time, each with the stage it belongs to;
    drivers that call into several stages say which ones."""
    below = stages_below(stats)
    top = sorted(stats.stats.items(), key=lambda item: item[1][3], reverse=True)[:n]
    rows, out = [], []
    for func, (_, ncalls, tottime, cumtime, _) in top:
        stage = anchor_of(func)
        spanned = below(func) if stage is None or is_pipe_driver(func) else set()
        if len(spanned) > 1:
            names = ", ".join(sorted(name.split(" (")[0] for name in spanned))
            stage = f"driver of {len(spanned)} stages" if len(spanned) > 4 else f"spans {names}"
            stage += "; self time = ner" if is_pipe_driver(func) else ""
        elif stage is None:
            split = shares(func)
            stage = max(split, key=split.get) + (" (mostly)" if max(split.values()) < 0.95 else "")
        rows.append([short_location(func)[-64:], ncalls, tottime, cumtime, stage[:100]])
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
        f"cProfile: top {n} functions by cumulative time",
        ["function", "calls", "self s", "cum s", "stage"],
        rows,
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


REFERENCE_STAGES = ("tokenizer", "component tok2vec", "component ner")


def stage_timings(nlp: Any, texts: list[str], batch_size: int) -> dict[str, float]:
    """extract_many taken apart: each stage timed on its own over the workload.

    Releases are handled in groups of `batch_size`, the same batches the
    components would see in nlp.pipe (a corpus release is one chunk).
    """
    from iec_nlp.pipeline import _build, chunk_bounds
    from iec_nlp.text import normalize

    stages: dict[str, float] = defaultdict(float)
    for start in range(0, len(texts), batch_size):
        group = texts[start : start + batch_size]
        t = time.perf_counter()
        norms = [normalize(text) for text in group]
        t2 = time.perf_counter()
        pieces = [
            (i, s, norm.text[s:e])
            for i, norm in enumerate(norms)
            for s, e in chunk_bounds(norm.text)
        ]
        t3 = time.perf_counter()
        docs = [nlp.make_doc(piece) for _, _, piece in pieces]
        t4 = time.perf_counter()
        stages["normalization (iec_nlp.text)"] += t2 - t
        stages["chunking (chunk_bounds)"] += t3 - t2
        stages["tokenizer (make_doc)"] += t4 - t3
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=batch_size))
            else:
                docs = [proc(doc) for doc in docs]
            stages[f"component {name}"] += time.perf_counter() - t
        t = time.perf_counter()
        per_release: dict[int, list] = defaultdict(list)
        for (i, offset, _), doc in zip(pieces, docs):
            per_release[i].append((offset, doc))
        results = [_build(norms[i], per_release[i]) for i in range(len(group))]
        t2 = time.perf_counter()
        for result in results:
            touch(result)
        stages["offset mapping (_build)"] += t2 - t
        stages["views (people/customers/figures)"] += time.perf_counter() - t2
    return dict(stages)


def profile(args: argparse.Namespace) -> dict:
    import iec_nlp

    info = machine()
    print_machine(info)
    busy0, cpu0, t0 = machine_busy_seconds(), cpu_seconds(), time.perf_counter()
    nlp = iec_nlp.load(args.model)
    print(f"Model {args.model}: pipeline {nlp.pipe_names}")
    touch(iec_nlp.extract(release_texts()[0], model=nlp))  # warm-up

    sliced = workload(args.profile_words)
    print(
        f"\ncProfile over extract_many(n_process=1): {len(sliced):,} releases, {count_words(sliced):,} words"
    )
    res: dict[str, Any] = {
        "machine": info,
        "model": str(args.model),
        "cprofile": run_cprofile(nlp, sliced, args.batch_size),
    }

    texts = workload(args.words)
    words = count_words(texts)
    t = time.perf_counter()
    for result in iec_nlp.extract_many(texts, model=nlp, batch_size=args.batch_size):
        touch(result)
    whole = time.perf_counter() - t
    stages = stage_timings(nlp, texts, args.batch_size)
    total = sum(stages.values())
    rows = [[stage, s, f"{s / total:.1%}", words / s] for stage, s in stages.items()]
    # The reference pipeline has a tokenizer, tok2vec and ner too; everything
    # else is what iec_nlp adds on top of a plain NER pipeline.
    shared = sum(s for stage, s in stages.items() if stage.startswith(REFERENCE_STAGES))
    rows.append(
        [
            "  subtotal: tokenizer + tok2vec + ner (as in reference)",
            shared,
            f"{shared / total:.1%}",
            words / shared,
        ]
    )
    rows.append(
        [
            "  subtotal: iec_nlp additions (all other stages)",
            total - shared,
            f"{(total - shared) / total:.1%}",
            words / (total - shared),
        ]
    )
    rows.append(["sum of stages", total, "100%", words / total])
    rows.append(["extract_many end to end (same workload)", whole, "", words / whole])
    print_table(
        f"Per-stage timing, no profiler: {len(texts):,} releases, {words:,} words",
        ["stage", "seconds", "share", "words/s if alone"],
        rows,
    )
    print(
        "  cProfile's hooks slow Python-level code more than compiled numeric code, so its\n"
        "  shares overweight the tokenizer, normalization and relation features; quote this table."
    )
    res["stages"] = {
        "seconds": stages,
        "sum_s": total,
        "extract_many_s": whole,
        "words": words,
        "reference_stages_s": shared,
    }
    res["others_cores"] = max(0.0, (machine_busy_seconds() - busy0) - (cpu_seconds() - cpu0)) / (
        time.perf_counter() - t0
    )
    print(
        f"\nCPU used by other processes meanwhile: {res['others_cores']:.2f} cores"
        + ("  -- noisy, re-run on an idle machine" if res["others_cores"] > 0.2 else "")
    )
    return res


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        help=f"iec_nlp model directory (default: {DEFAULT_MODEL.relative_to(REPO)})",
    )
    parser.add_argument(
        "--words", type=int, default=200_000, help="workload size in words (default 200000)"
    )
    parser.add_argument("--json", type=Path, default=None, help="write all numbers to this file")
    parser.add_argument(
        "--batch-size", type=int, default=32, help="pipe batch size for both pipelines"
    )
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs per throughput configuration; best is kept"
    )
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=list(SCALING_SIZES),
        help="scaling sizes in characters, comma-separated",
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile extract_many instead of benchmarking"
    )
    parser.add_argument(
        "--profile-words", type=int, default=50_000, help="workload slice for cProfile"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is None:
        if args.model is None:
            if not DEFAULT_MODEL.is_dir():
                parser.error(f"no model at {DEFAULT_MODEL}; train one or pass --model PATH")
            args.model = DEFAULT_MODEL
        args.model = args.model.resolve()
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.worker is not None:
        spec = json.loads(args.worker)
        print(RESULT_PREFIX + json.dumps(WORKERS[spec["kind"]](spec)), flush=True)
        return
    results = profile(args) if args.profile else benchmark(args)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"Numbers written to {args.json}")


if __name__ == "__main__":
    main()
