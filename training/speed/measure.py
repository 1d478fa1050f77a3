"""Running the workers: iec_nlp and the reference take turns within each
round, the order swapped every round, so that both meet the same other
load; each figure is the best of its runs, the least disturbed one.

Every worker runs in a fresh interpreter (`bench.py --worker SPEC`) and
reports, besides its own numbers, the cores the rest of the machine kept
busy meanwhile (`others_cores`).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from .machine import cpu_seconds, machine_busy_seconds
from .workload import REPO

BENCH = Path(__file__).resolve().parents[1] / "bench.py"
RESULT_PREFIX = "BENCH_RESULT "
WORKER_TIMEOUT_S = 3600
MODES = {
    "one": ("one by one (extract / nlp)", 1),
    "pipe1": ("extract_many / pipe, 1 process", 1),
    "pipe2": ("extract_many / pipe, 2 processes", 2),
}
TARGETS = ("iec", "ref")


def run_worker(spec: dict, timeout: float = WORKER_TIMEOUT_S) -> dict:
    """One measurement in a fresh interpreter, with the other load meanwhile."""
    busy0, kids0, t0 = machine_busy_seconds(), cpu_seconds(), time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, str(BENCH), "--worker", json.dumps(spec)],
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


def _checked(spec: dict) -> dict:
    run = run_worker(spec)
    if "error" in run:
        sys.exit(f"{spec}: {run['error']}")
    return run


def _turns(round_index: int) -> tuple[str, ...]:
    return TARGETS if round_index % 2 == 0 else TARGETS[::-1]


def measure_cold_start(models: dict[str, str], repeat: int) -> dict[str, dict]:
    """Import + load in fresh interpreters (files in the page cache)."""
    runs: dict[str, list[dict]] = defaultdict(list)
    for r in range(repeat):
        for target in _turns(r):
            runs[target].append(
                _checked({"kind": "cold_start", "target": target, "model": models[target]})
            )
    out = {}
    for target, done in runs.items():
        best = min(done, key=lambda run: run["total_s"])
        out[target] = {
            **best,
            "median_total_s": statistics.median(run["total_s"] for run in done),
            "best_total_cpu_s": min(run["total_cpu_s"] for run in done),
            "all_total_s": [run["total_s"] for run in done],
            "others_cores": max(run["others_cores"] for run in done),
        }
    return out


def measure_throughput(
    models: dict[str, str], modes: Iterable[str], words: int, batch_size: int, repeat: int
) -> dict:
    runs: dict[str, list[dict]] = defaultdict(list)
    rounds = []
    for r in range(repeat):
        for mode in modes:
            pair = {}
            for target in _turns(r):
                spec = {
                    "kind": "throughput",
                    "target": target,
                    "model": models[target],
                    "mode": mode,
                    "words": words,
                    "batch_size": batch_size,
                }
                pair[target] = run = _checked(spec)
                runs[f"{target}/{mode}"].append(run)
                print(
                    f"  round {r + 1} {target} {mode:5s} {run['words'] / run['seconds']:8,.0f} words/s"
                    f"  ({run['seconds']:.1f} s, other load {run['others_cores']:.2f} cores)",
                    flush=True,
                )
            rounds.append(
                {
                    "round": r + 1,
                    "mode": mode,
                    "ratio": pair["ref"]["seconds"] / pair["iec"]["seconds"],
                    "cpu_ratio": pair["ref"]["cpu_s"] / pair["iec"]["cpu_s"],
                }
            )
    best = {}
    for config, done in runs.items():
        top = min(done, key=lambda run: run["seconds"])
        seconds = [run["seconds"] for run in done]
        best[config] = {
            **top,
            "words_per_s": top["words"] / top["seconds"],
            "releases_per_s": top["releases"] / top["seconds"],
            "words_per_cpu_s": top["words"] / min(run["cpu_s"] for run in done),
            "all_seconds": seconds,
            "spread": (max(seconds) - top["seconds"]) / top["seconds"],
            "others_cores": max(run["others_cores"] for run in done),
        }
    ratios = {}
    for mode in modes:
        iec, ref = best[f"iec/{mode}"], best[f"ref/{mode}"]
        ratios[mode] = {
            "wall": iec["words_per_s"] / ref["words_per_s"],
            # CPU time counts pipe workers too: a measure of cost, not of speed, with 2 processes.
            "cpu": iec["words_per_cpu_s"] / ref["words_per_cpu_s"],
            "rounds": [x["ratio"] for x in rounds if x["mode"] == mode],
        }
    return {"best": best, "ratios": ratios, "rounds": rounds}


def measure_scaling(model: str, sizes: Iterable[int]) -> list[dict]:
    rows = []
    for size in sizes:
        run = run_worker({"kind": "long_text", "model": model, "chars": size})
        run.setdefault("chars", size)
        if "error" not in run:
            run["chars_per_s"] = run["chars"] / run["seconds"]
            run["us_per_char"] = run["seconds"] / run["chars"] * 1e6
        rows.append(run)
        print(
            f"  {size:>9,} chars: {run.get('seconds', float('nan')):.2f} s, "
            f"peak RSS {run.get('rss_mb', float('nan')):.0f} MB {run.get('error', '')}",
            flush=True,
        )
    return rows


def measure_stream(model: str, releases: int, batch_size: int) -> dict:
    checkpoints = [n for n in (100, 1_000, 2_000, 5_000, 10_000, 20_000) if n < releases]
    run = _checked(
        {
            "kind": "stream",
            "model": model,
            "releases": releases,
            "checkpoints": checkpoints,
            "batch_size": batch_size,
        }
    )
    for row in run["checkpoints"][1:]:
        print(
            f"  {row['releases']:>7,} releases: {row['seconds']:7.1f} s, peak RSS {row['rss_mb']:.0f} MB,"
            f" current {row['current_mb']:.0f} MB",
            flush=True,
        )
    return run
