"""Scale benchmark: one process, local processes and Dask on a fixed workload.

Workload
    The releases of corpora/releases/*.txt, copied --copies times (default 10:
    2,020 documents) into a temporary folder as separate files, the way a
    batch run meets them.

What is measured (each configuration in its own fresh interpreter)
    extract_many/N   `iec_nlp.extract_many(texts, n_process=N)` over the texts
                     read into memory, `to_dict()` of every result (what a
                     batch run writes); the reference for the Dask path.
    cli/1            the batch run of `iec-nlp extract FOLDER --output x.jsonl`:
                     reading, extraction in this process, JSONL written.
    cli/processes=2  the same with `--processes 2` (a local process pool).
    dask/workers=N   the same with `--workers N`: a local Dask cluster of N
                     single-threaded worker processes, the model shipped to
                     them, batches of 32 documents as tasks.

    `setup_s` is the one-time cost (model load; starting a pool or a cluster
    and shipping the model), `run_s` the time from the first document read to
    the last record written; documents/s are over `run_s`, and `total_s` adds
    the setup. `cpu_run_s` is the CPU time of the run in all the processes of
    the configuration (client, scheduler, workers), so CPU per document
    compares the work each path does even when other jobs share the machine. Every configuration runs --repeat times (best kept), the
    configurations interleaved. `others_cores` is the CPU the rest of the
    machine used meanwhile, a gauge of noise: a measurement waits for a quiet
    machine and is taken again (--retries) when others used more than
    --max-noise cores; the best of the quiet ones is kept.

Run from the repository root on an otherwise idle machine:
    .venv/bin/python training/scale_bench.py --json training/scale_results.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RELEASES_DIR = REPO / "corpora" / "releases"
RESULT_PREFIX = "SCALE_RESULT "
CONFIGS = (
    "extract_many/1",
    "extract_many/2",
    "cli/1",
    "cli/processes=2",
    "dask/workers=1",
    "dask/workers=2",
)

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def make_workload(folder: Path, copies: int) -> dict[str, int]:
    releases = sorted(RELEASES_DIR.glob("*.txt"))
    words = 0
    for copy in range(copies):
        target = folder / f"copy{copy:02d}"
        target.mkdir(parents=True)
        for release in releases:
            shutil.copy(release, target / release.name)
            if copy == 0:
                words += len(release.read_text(encoding="utf-8").split())
    return {"documents": copies * len(releases), "distinct": len(releases), "words": copies * words}


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent busy since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# --- one measurement, in a fresh interpreter ---------------------------------


def tree_cpu_seconds() -> float:
    """CPU seconds of this process and all its descendants, live or ended."""
    import psutil

    total = 0.0
    me = psutil.Process()
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        # children_* hold the descendants this process already reaped.
        total += times.user + times.system + times.children_user + times.children_system
    return total


def measure(config: str, folder: Path, batch_size: int, model: str | None) -> dict[str, Any]:
    kind, _, setting = config.partition("/")
    if kind == "extract_many":
        import iec_nlp

        paths = sorted(folder.rglob("*.txt"))
        texts = []
        for path in paths:
            with open(path, encoding="utf-8", newline="") as f:
                texts.append(f.read())
        t0 = time.perf_counter()
        nlp = iec_nlp.load(model)
        t1, cpu1 = time.perf_counter(), tree_cpu_seconds()
        documents = 0
        processes = int(setting)
        # With N > 1 the model goes by name, as users call it: extract_many
        # then starts N worker processes that load it (inside run_s); a
        # loaded Language would take spaCy's own multiprocessing instead.
        for result in iec_nlp.extract_many(
            texts,
            model=nlp if processes == 1 else model,
            batch_size=batch_size,
            n_process=processes,
        ):
            result.to_dict()
            documents += 1
        t2 = time.perf_counter()
        return {
            "setup_s": t1 - t0,
            "run_s": t2 - t1,
            "cpu_run_s": tree_cpu_seconds() - cpu1,
            "documents": documents,
        }

    from iec_nlp.batch import InProcessExecutor, ProcessPoolExecutor, run_batch
    from iec_nlp.batch_output import JsonlWriter

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        if kind == "cli" and setting == "1":
            executor: Any = InProcessExecutor(model, batch_size)
        elif kind == "cli":
            executor = ProcessPoolExecutor(model, int(setting.split("=")[1]), batch_size)
        else:
            from iec_nlp.dask_extraction import DaskExecutor

            executor = DaskExecutor(
                model, workers=int(setting.split("=")[1]), batch_size=batch_size
            )
        t1, cpu1 = time.perf_counter(), tree_cpu_seconds()
        writer = JsonlWriter(Path(tmp) / "out.jsonl")
        summary = run_batch([str(folder)], writer, executor, batch_size=batch_size)
        t2 = time.perf_counter()
        if isinstance(executor, ProcessPoolExecutor):
            executor._pool.shutdown(wait=True)  # its workers' CPU is counted once they end
        cpu_run = tree_cpu_seconds() - cpu1
        records = sum(1 for _ in open(Path(tmp) / "out.jsonl", encoding="utf-8"))
    return {
        "setup_s": t1 - t0,
        # Closing a pool or a cluster happens inside run_batch; it is part of the run.
        "run_s": t2 - t1,
        "cpu_run_s": cpu_run,
        "documents": summary.documents,
        "records": records,
        "failed": summary.failed,
    }


def run_measurement(
    config: str, folder: Path, batch_size: int, model: str | None
) -> dict[str, Any]:
    spec = json.dumps(
        {"config": config, "folder": str(folder), "batch_size": batch_size, "model": model}
    )
    busy0, kids0, t0 = machine_busy_seconds(), children_cpu_seconds(), time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--measure", spec],
        capture_output=True, text=True, cwd=REPO, timeout=3600, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    own = children_cpu_seconds() - kids0
    others = max(0.0, (machine_busy_seconds() - busy0) - own) / wall
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return {**json.loads(line[len(RESULT_PREFIX) :]), "cpu_s": own, "others_cores": others}
    sys.stderr.write(proc.stderr[-3000:])
    return {"error": f"exited with {proc.returncode}"}


# --- the benchmark -----------------------------------------------------------


def wait_until_quiet(max_noise: float, max_wait: float) -> None:
    """Wait (at most `max_wait` s) until the rest of the machine keeps fewer
    than `max_noise` cores busy over 5 s: other jobs share these 2 cores."""
    deadline = time.monotonic() + max_wait
    while time.monotonic() < deadline:
        busy = machine_busy_seconds()
        time.sleep(5)
        if (machine_busy_seconds() - busy) / 5 <= max_noise:
            return


def runs_from_log(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The measurements a run printed (for a run stopped before its end)."""
    runs: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text().splitlines():
        if line.startswith("[") and "] " in line and ": {" in line:
            config, _, result = line.split("] ", 1)[1].partition(": ")
            runs.setdefault(config, []).append(json.loads(result))
    return runs


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    import spacy

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "workload"
        workload = make_workload(folder, args.copies)
        print(
            f"workload: {workload['documents']:,} documents, {workload['words']:,} words",
            flush=True,
        )
        runs: dict[str, list[dict[str, Any]]] = {c: [] for c in args.configs}
        if args.from_log:
            runs = runs_from_log(args.from_log)
            args.repeat = 0
        for repeat in range(args.repeat):
            for config in args.configs:
                for attempt in range(1 + args.retries):
                    wait_until_quiet(args.max_noise, args.max_wait)
                    result = run_measurement(config, folder, args.batch_size, args.model)
                    result["attempt"] = attempt + 1
                    print(
                        f"[{repeat + 1}/{args.repeat}] {config}: {json.dumps(result)}", flush=True
                    )
                    if result.get("others_cores", 0.0) <= args.max_noise:
                        break
                runs[config].append(result)
    best = {}
    for config, results in runs.items():
        good = [r for r in results if "error" not in r]
        quiet = [r for r in good if r["others_cores"] <= args.max_noise]
        good = quiet or good
        if not good:
            best[config] = results[-1]
            continue
        top = min(good, key=lambda r: r["run_s"])
        best[config] = {
            **top,
            "documents_per_s": top["documents"] / top["run_s"],
            "cpu_ms_per_document": top["cpu_run_s"] / top["documents"] * 1000,
            "words_per_s": workload["words"] / top["run_s"],
            "total_s": top["setup_s"] + top["run_s"],
            "all_run_s": [round(r["run_s"], 2) for r in good],
        }
    comparisons = {}

    def rate(config: str) -> float | None:
        return best.get(config, {}).get("documents_per_s")

    one, dask2 = rate("cli/1"), rate("dask/workers=2")
    if one and dask2:
        comparisons["dask_workers2_speedup_over_cli_one_process"] = dask2 / one
    if rate("extract_many/1") and dask2:
        comparisons["dask_workers2_speedup_over_extract_many_1"] = dask2 / rate("extract_many/1")
    for n in (1, 2):
        reference, dask = best.get(f"extract_many/{n}", {}), best.get(f"dask/workers={n}", {})
        if "run_s" in reference and "run_s" in dask:
            per_doc_ref = reference["run_s"] / reference["documents"] * 1000
            per_doc_dask = dask["run_s"] / dask["documents"] * 1000
            comparisons[f"dask_overhead_workers{n}"] = {
                "extract_many_ms_per_document": per_doc_ref,
                "dask_ms_per_document": per_doc_dask,
                "overhead_ms_per_document": per_doc_dask - per_doc_ref,
                "overhead_fraction": per_doc_dask / per_doc_ref - 1,
                "extract_many_cpu_ms_per_document": reference["cpu_ms_per_document"],
                "dask_cpu_ms_per_document": dask["cpu_ms_per_document"],
                "cpu_overhead_fraction": dask["cpu_ms_per_document"]
                / reference["cpu_ms_per_document"]
                - 1,
            }
    return {
        "machine": {
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "loadavg_start": os.getloadavg()[0],
            "nice": os.nice(0),
        },
        "model": args.model or "iec_cnn (default)",
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        # A summary of measurements printed by earlier runs (runs_from_log).
        "from_log": str(args.from_log) if args.from_log else None,
        "workload": workload,
        "results": best,
        "comparisons": comparisons,
    }


LABELS = {
    "extract_many/1": "`extract_many`, 1 process",
    "extract_many/2": "`extract_many`, `n_process=2`",
    "cli/1": "`iec-nlp extract FOLDER -o x.jsonl` (one process)",
    "cli/processes=2": "`... --processes 2`",
    "dask/workers=1": "`... --workers 1` (Dask)",
    "dask/workers=2": "`... --workers 2` (Dask)",
}


def markdown_table(results: dict[str, Any]) -> str:
    """The README table of a results file."""
    lines = [
        "| configuration | documents/s | words/s | run | setup | CPU per document | others' load (cores) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for config, label in LABELS.items():
        r = results["results"].get(config)
        if not r or "error" in r:
            continue
        lines.append(
            f"| {label} | {r['documents_per_s']:.1f} | {r['words_per_s']:,.0f} | {r['run_s']:.1f} s "
            f"| {r['setup_s']:.1f} s | {r['cpu_ms_per_document']:.1f} ms | {r['others_cores']:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=10,
        help="copies of the 202 releases (default 10: 2,020 documents)",
    )
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--model", default=None)
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=CONFIGS)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument(
        "--max-noise", type=float, default=0.25, help="cores other jobs may use (default 0.25)"
    )
    parser.add_argument(
        "--retries", type=int, default=3, help="measure again when others were busier"
    )
    parser.add_argument(
        "--max-wait", type=float, default=600.0, help="seconds to wait for a quiet machine"
    )
    parser.add_argument(
        "--table", type=Path, help="print the README table of a results file and stop"
    )
    parser.add_argument(
        "--from-log", type=Path, help="summarize the measurements printed in this log"
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.table:
        print(markdown_table(json.loads(args.table.read_text())))
        return
    if args.measure:
        spec = json.loads(args.measure)
        result = measure(spec["config"], Path(spec["folder"]), spec["batch_size"], spec["model"])
        print(RESULT_PREFIX + json.dumps(result), flush=True)
        return
    results = benchmark(args)
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
