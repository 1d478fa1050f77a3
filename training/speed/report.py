"""The benchmark's tables, the targets of issue 17, and the README table."""

from __future__ import annotations

import math
from typing import Any

from .measure import MODES

TARGET_RATIO = {"pipe1": 1.10, "one": 1.0}
TARGET_LONG_TEXT_MB = 500
TARGET_COLD_START_S = 1.0
LONG_TEXT_CHARS = 2_000_000
BUSY = 0.2  # cores used by others above which a figure is marked noisy


def print_table(title: str, headers: list[str], rows: list[list[Any]]) -> None:
    cells = [headers] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    left = [all(isinstance(row[i], str) for row in rows) for i in range(len(headers))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        line = "  ".join(
            c.ljust(w) if left[i] else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))
        )
        print(("  " + line).rstrip())
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def print_machine(info: dict) -> None:
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['ram_gb']} GB RAM; Python {info['python']}, spaCy {info['spacy']}, thinc {info['thinc']}"
    )
    noisy = "  -- not idle: figures are noisy" if info["busy_cores_start"] > BUSY else ""
    print(
        f"Other load at start: {info['busy_cores_start']:.2f} cores busy "
        f"(1-min load average {info['loadavg_start']:.2f}){noisy}"
    )


def report(res: dict) -> None:
    work = res["workload"]
    ref = res["reference"]
    print(f"\nModel {res['model']}\n  {res['model_pipeline']}")
    print(
        f"Reference: spacy init config -p ner -o efficiency ({', '.join(ref['pipeline'])}; "
        f"tok2vec width {ref['tok2vec_width']}, ner hidden width {ref['ner_hidden_width']})"
    )
    print(
        f"Workload: {work['releases']:,} releases ({work['distinct_releases']} distinct files, "
        f"repeated in name order), {work['words']:,} words, {work['chars']:,} characters; "
        f"batch_size={res['batch_size']}; best of {res['repeat']} interleaved rounds"
    )
    if "cold_start" in res:
        _cold_start_table(res["cold_start"])
    if "throughput" in res:
        _throughput_tables(res["throughput"])
    if "scaling" in res:
        _scaling_table(res["scaling"])
    if "stream" in res:
        _stream_table(res["stream"])
    others = res.get("most_other_load", 0.0)
    print(
        f"\nMost CPU used by other processes during any measurement: {others:.2f} cores"
        + ("  -- noisy" if others > BUSY else "")
    )
    print_targets(targets(res))


def _cold_start_table(cold: dict) -> None:
    rows = [
        [
            name,
            c["import_s"],
            c["load_s"],
            c["total_s"],
            c["median_total_s"],
            c["best_total_cpu_s"],
            c["rss_mb"],
            f"{c['others_cores']:.2f}",
        ]
        for name, c in (
            ("iec_nlp (import iec_nlp + load)", cold["iec"]),
            ("reference (import spacy + spacy.load)", cold["ref"]),
        )
    ]
    print_table(
        "Cold start in a fresh interpreter (best run; files in the page cache)",
        ["", "import s", "load s", "total s", "median s", "CPU s", "RSS MB", "other load"],
        rows,
    )


def _throughput_tables(tp: dict) -> None:
    rows = []
    for target, name in (("iec", "iec_nlp"), ("ref", "reference")):
        for mode, (label, n_process) in MODES.items():
            r = tp["best"].get(f"{target}/{mode}")
            if r is None:
                continue
            rss = f"{r['rss_mb']:.0f}" + (
                f" + {n_process}x{r['rss_children_mb']:.0f}" if n_process > 1 else ""
            )
            rows.append(
                [
                    f"{name}, {label}",
                    r["words_per_s"],
                    r["releases_per_s"],
                    r["words_per_cpu_s"],
                    rss,
                    f"{r['spread']:.0%}",
                    f"{r['others_cores']:.2f}",
                ]
            )
    print_table(
        "Throughput (best run; words/CPU-s counts pipe workers; spread: slowest vs best run)",
        [
            "configuration",
            "words/s",
            "releases/s",
            "words/CPU-s",
            "peak RSS MB",
            "spread",
            "other load",
        ],
        rows,
    )
    print("\nRatio iec_nlp / reference, words/s (best runs; per round in brackets; by CPU time):")
    for mode, ratio in tp["ratios"].items():
        rounds = ", ".join(f"{x:.2f}" for x in ratio["rounds"])
        print(f"  {MODES[mode][0]:34s} {ratio['wall']:.2f}  [{rounds}]  CPU {ratio['cpu']:.2f}")


def _scaling_table(rows: list[dict]) -> None:
    table = [
        [
            r["chars"],
            r.get("seconds", r.get("error")),
            r.get("extract_s", ""),
            r.get("views_s", ""),
            r.get("chars_per_s", ""),
            r.get("rss_loaded_mb", ""),
            r.get("rss_mb", ""),
        ]
        for r in rows
    ]
    print_table(
        "One release of N characters, extract() + views, fresh process",
        ["chars", "time s", "extract s", "views s", "chars/s", "RSS loaded MB", "peak RSS MB"],
        table,
    )
    done = [r for r in rows if "error" not in r and r["chars"] >= 10_000]
    if len(done) >= 2:
        per_char = [r["us_per_char"] for r in done]
        small, large = done[-2], done[-1]
        k = math.log(large["seconds"] / small["seconds"]) / math.log(
            large["chars"] / small["chars"]
        )
        print(
            f"  time per character from 10,000 characters up: max/min {max(per_char) / min(per_char):.2f};"
            f" time ~ chars^{k:.2f} between the two largest"
        )


def _stream_table(stream: dict) -> None:
    rows = [
        [r["releases"], r["seconds"], r["rss_mb"], r["current_mb"]] for r in stream["checkpoints"]
    ]
    print_table(
        "extract_many over a stream of releases, one process (row 0: model loaded, warmed up)",
        ["releases", "seconds", "peak RSS MB", "current RSS MB"],
        rows,
    )


def targets(res: dict) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of issue 17 that was measured."""
    out: list[tuple[str, str, bool | None]] = []
    tp = res.get("throughput", {}).get("ratios", {})
    for mode, goal in TARGET_RATIO.items():
        if mode in tp:
            r = tp[mode]
            out.append(
                (
                    f"{MODES[mode][0]}: ratio >= {goal:.2f}",
                    f"{r['wall']:.2f} (by CPU time {r['cpu']:.2f})",
                    r["wall"] >= goal,
                )
            )
    long = [
        r for r in res.get("scaling", []) if r.get("chars") == LONG_TEXT_CHARS and "rss_mb" in r
    ]
    if long:
        out.append(
            (
                f"peak RSS, extract() of {LONG_TEXT_CHARS:,} characters < {TARGET_LONG_TEXT_MB} MB",
                f"{long[0]['rss_mb']:.0f} MB",
                long[0]["rss_mb"] < TARGET_LONG_TEXT_MB,
            )
        )
    if "stream" in res:
        rows = res["stream"]["checkpoints"]
        first = next((r for r in rows if r["releases"] >= 1_000), rows[-1])
        last = rows[-1]
        growth = last["rss_mb"] - first["rss_mb"]
        flat = growth <= max(10.0, 0.03 * first["rss_mb"])
        out.append(
            (
                f"peak RSS, extract_many over {last['releases']:,} releases flat",
                f"{first['rss_mb']:.0f} MB at {first['releases']:,}, {last['rss_mb']:.0f} MB at "
                f"{last['releases']:,}",
                flat,
            )
        )
    if "cold_start" in res:
        iec, ref = res["cold_start"]["iec"], res["cold_start"]["ref"]
        out.append(
            (
                f"cold start, import iec_nlp + load < {TARGET_COLD_START_S:.1f} s",
                f"{iec['total_s']:.2f} s (CPU {iec['best_total_cpu_s']:.2f} s; plain spaCy "
                f"import + load of the reference: {ref['total_s']:.2f} s)",
                iec["total_s"] < TARGET_COLD_START_S,
            )
        )
    return out


def print_targets(found: list[tuple[str, str, bool | None]]) -> None:
    print("\nTargets (issue 17):")
    for goal, measured, met in found:
        print(f"  {'MET ' if met else 'MISS'}  {goal}: {measured}")


def markdown(res: dict) -> str:
    """The README's Speed table for this run."""
    lines = [
        "| configuration | iec_nlp words/s | releases/s | peak RSS | reference words/s | ratio | ratio by CPU time |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    tp = res["throughput"]
    for mode, (label, n_process) in MODES.items():
        if mode not in tp["ratios"]:
            continue
        iec, ref = tp["best"][f"iec/{mode}"], tp["best"][f"ref/{mode}"]
        rss = f"{iec['rss_mb']:.0f} MB" + (
            f" + {n_process} x {iec['rss_children_mb']:.0f} MB" if n_process > 1 else ""
        )
        lines.append(
            f"| {label} | {iec['words_per_s']:,.0f} | {iec['releases_per_s']:.1f} | {rss} | "
            f"{ref['words_per_s']:,.0f} | {tp['ratios'][mode]['wall']:.2f} | {tp['ratios'][mode]['cpu']:.2f} |"
        )
    return "\n".join(lines)
