"""Speed benchmark: iec_nlp's full pipeline against a plain spaCy CNN NER.

What it measures, each in a fresh interpreter, iec_nlp and the reference
taking turns so that both meet the same load from other processes:

- cold start: `import iec_nlp` + loading the model, against `import spacy`
  + `spacy.load` of the reference;
- throughput, in words/s of the same workload: one by one (`extract`),
  `extract_many` in one process and in two; the reference is a plain spaCy
  CNN NER (`spacy init config -p ner -o efficiency`), run with `nlp(text)`
  and `nlp.pipe`. iec_nlp's figure includes normalization, all components,
  offset mapping and the views (people, customers, figures);
- memory: peak RSS of `extract()` on one text of 1,000 .. 2,000,000
  characters, and of `extract_many` over a stream of 10,000 releases;
- the targets of issue 17, met or missed, and the README's table.

The parts live in training/speed/ (workload, reference, machine, workers,
measure, report; profile and attribution for --profile).

Run from the repository root (numbers go to training/bench_results.json):
    .venv/bin/python training/bench.py
    .venv/bin/python training/bench.py --profile     # where the time goes
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from speed.machine import describe as describe_machine
from speed.measure import (
    MODES,
    RESULT_PREFIX,
    measure_cold_start,
    measure_scaling,
    measure_stream,
    measure_throughput,
)
from speed.report import markdown, print_machine, report
from speed.workers import WORKERS
from speed.workload import REPO, count_words, release_texts, workload

DEFAULT_MODEL = REPO / "models" / "iec_cnn"
RESULTS = REPO / "training" / "bench_results.json"
SIZES = (1_000, 10_000, 100_000, 1_000_000, 2_000_000)

if str(REPO) not in sys.path:  # run as a script, the repository is not on the path
    sys.path.insert(0, str(REPO))


def benchmark(args: argparse.Namespace, reference: Path) -> dict:
    from speed.reference import describe as describe_reference

    texts = workload(args.words)
    res: dict = {
        "machine": describe_machine(),
        "model": str(args.model),
        "model_pipeline": _pipeline_summary(args.model),
        "reference": describe_reference(reference),
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "workload": {
            "releases": len(texts),
            "distinct_releases": len(release_texts()),
            "words": count_words(texts),
            "chars": sum(map(len, texts)),
        },
    }
    print_machine(res["machine"])
    models = {"iec": str(args.model), "ref": str(reference)}
    if "cold" in args.measure:
        print("\nCold start ...", flush=True)
        res["cold_start"] = measure_cold_start(models, args.cold_repeat)
    if "throughput" in args.measure:
        print("Throughput ...", flush=True)
        res["throughput"] = measure_throughput(
            models, args.modes, args.words, args.batch_size, args.repeat
        )
    if "memory" in args.measure:
        print("One long text ...", flush=True)
        res["scaling"] = measure_scaling(str(args.model), args.sizes)
        print(f"A stream of {args.stream:,} releases ...", flush=True)
        res["stream"] = measure_stream(str(args.model), args.stream, args.batch_size)
    measured = [
        *res.get("cold_start", {}).values(),
        *res.get("throughput", {}).get("best", {}).values(),
        *res.get("scaling", []),
        res.get("stream", {}),
    ]
    res["most_other_load"] = max((m.get("others_cores", 0.0) for m in measured), default=0.0)
    report(res)
    if "throughput" in res:
        print("\nREADME table (this run):\n" + markdown(res))
    return res


def _pipeline_summary(model: Path) -> str:
    """The model's components and encoder width, read from its config."""
    from spacy.util import load_config

    config = load_config(model / "config.cfg", interpolate=True)
    encoder = config["components"].get("tok2vec", {}).get("model", {}).get("encode", {})
    width = f", tok2vec width {encoder['width']}" if "width" in encoder else ""
    ner = config["components"].get("ner", {}).get("model", {})
    hidden = f", ner hidden width {ner['hidden_width']}" if "hidden_width" in ner else ""
    return f"{model.name}: {', '.join(config['nlp']['pipeline'])}{width}{hidden}"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add(
        "--model",
        type=Path,
        default=DEFAULT_MODEL,
        help="iec_nlp model directory (default: models/iec_cnn)",
    )
    add("--words", type=int, default=200_000, help="throughput workload in words (default 200000)")
    add("--batch-size", type=int, default=32, help="pipe batch size, both pipelines (default 32)")
    add("--repeat", type=int, default=3, help="interleaved throughput rounds; the best run is kept")
    add("--cold-repeat", type=int, default=7, help="cold starts of each pipeline (default 7)")
    add("--modes", nargs="+", choices=list(MODES), default=list(MODES), help="throughput modes")
    add(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=list(SIZES),
        help="long-text sizes in characters, comma-separated",
    )
    add("--stream", type=int, default=10_000, help="releases in the memory stream (default 10000)")
    add(
        "--measure",
        nargs="+",
        choices=["cold", "throughput", "memory"],
        default=["cold", "throughput", "memory"],
        help="what to measure (default: all)",
    )
    add(
        "--json",
        type=Path,
        default=None,
        help=f"write the numbers here (default: {RESULTS.relative_to(REPO)})",
    )
    add("--profile", action="store_true", help="where the time goes, instead of the benchmark")
    add("--profile-words", type=int, default=50_000, help="workload slice for cProfile")
    add("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is None and not (args.model / "meta.json").is_file():
        parser.error(f"no model at {args.model}; train one or pass --model PATH")
    args.model = args.model.resolve()
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.worker is not None:
        spec = json.loads(args.worker)
        print(RESULT_PREFIX + json.dumps(WORKERS[spec["kind"]](spec)), flush=True)
        return
    from speed.reference import build_reference

    with tempfile.TemporaryDirectory(prefix="bench_ref_") as tmp:
        reference = Path(tmp) / "reference"
        build_reference(reference)
        if args.profile:
            from speed.profile import profile

            print_machine(describe_machine())
            results = profile(
                str(args.model),
                str(reference),
                args.words,
                args.profile_words,
                args.batch_size,
                args.repeat,
            )
        else:
            results = benchmark(args, reference)
    out = args.json or (None if args.profile else RESULTS)
    if out is not None:
        out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"Numbers written to {out}")


if __name__ == "__main__":
    main()
