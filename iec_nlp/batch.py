"""Batch runs: many input files in, one record per document out.

`run_batch` finds the inputs (files, folders, globs, standard input), reads
them into documents (`iec_nlp.filings`), has an executor extract them and
streams one record per document to a writer as results arrive:

    {"source": "filings/x.txt", "document": {...} or null, "encoding": "utf-8",
     "markup": "text" or "html", "offset": 0 or null,
     "entities": [...], "relations": [...], ... every field of Extraction.to_dict(),
     "error": null or "what went wrong"}

A document that fails is a record with its `error`, and the run goes on.
Writers for JSON, JSONL, CSV and Parquet (`iec_nlp.batch_output`, with the
tidy tables) stream as they go, can resume a run
(documents already in the output are skipped) and leave a valid output when
the run is interrupted. Executors: in this process, a pool of local
processes, or a Dask cluster (`iec_nlp.dask_extraction`); each worker loads
the model once.
"""

from __future__ import annotations

import glob
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from .extraction import Extraction
from .filings import HTML_SUFFIXES, Document, UnreadableInputError, read_source
from .processes import results_in_order, start_pool

INPUT_SUFFIXES = (".txt", *HTML_SUFFIXES)
# The output of one document: its Extraction.to_dict() or None, and the error.
Outcome = tuple[dict[str, Any] | None, str | None]
Key = tuple[str, str]


# --- inputs ------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One input file (or standard input), or a named input that is not there."""

    name: str
    path: Path | None
    problem: str | None = None


def is_input_file(path: Path) -> bool:
    """Whether a file found in a folder is one to read (.txt, .htm, .html, and .gz of these)."""
    name = path.name.lower()
    if name.startswith("."):
        return False
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(INPUT_SUFFIXES)


def discover(inputs: Iterable[str]) -> tuple[list[Input], int]:
    """The inputs named by files, folders (recursive), globs and '-', in order,
    and the number of other files found in folders and left alone."""
    found: list[Input] = []
    ignored = 0
    for item in inputs:
        if item == "-":
            found.append(Input("-", None))
            continue
        path = Path(item)
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                if candidate.is_file():
                    if is_input_file(candidate):
                        found.append(Input(str(candidate), candidate))
                    else:
                        ignored += 1
        elif path.is_file():
            found.append(Input(str(path), path))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            for folder in (Path(m) for m in matches if Path(m).is_dir()):
                more, skipped = discover([str(folder)])
                files += [i.path for i in more if i.path is not None]
                ignored += skipped
            if not files:
                found.append(Input(item, None, "no file matches this pattern"))
            found += [Input(str(f), f) for f in files]
        else:
            found.append(Input(item, None, "no such file or folder"))
    return found, ignored


# --- records -----------------------------------------------------------------


def empty_extraction() -> dict[str, Any]:
    """Every field of Extraction.to_dict(), empty: what a failed record carries."""
    return Extraction("", (), ()).to_dict()


def document_record(
    document: Document, extraction: dict[str, Any] | None, error: str | None
) -> dict[str, Any]:
    """The output record of one document."""
    return {
        "source": document.source,
        "document": document.metadata,
        "encoding": document.encoding,
        "markup": document.markup,
        "offset": document.offset,
        **(extraction if extraction is not None else empty_extraction()),
        "error": error,
    }


def input_failure_record(source: str, error: str) -> dict[str, Any]:
    """The output record of an input that could not be read."""
    return {
        "source": source,
        "document": None,
        "encoding": None,
        "markup": None,
        "offset": None,
        **empty_extraction(),
        "error": error,
    }


def record_key(record: dict[str, Any]) -> Key:
    """(source, document id) of a record; the id is "" for a one-document file."""
    document = record.get("document") or {}
    return str(record["source"]), str(document.get("id") or "")


def document_key(document: Document) -> Key:
    return document.source, document.id or ""


# What `run_batch` streams records to (`iec_nlp.batch_output` has one per format).
class Writer(Protocol):
    def existing_keys(self) -> set[Key]: ...
    def write(self, record: dict[str, Any]) -> None: ...
    def close(self) -> None: ...


def describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


# --- tidy tables -------------------------------------------------------------


# --- writers -----------------------------------------------------------------


# --- extraction in a worker --------------------------------------------------

_PIPELINES: dict[str, Any] = {}
_PIPELINE_LOCKS: dict[str, threading.Lock] = {}
_REGISTRY_LOCK = threading.Lock()
# How many pipelines this process has loaded: tests check that a worker
# loads its model once, not once per task.
LOAD_COUNT = Counter[str]()


def register_pipeline(key: str, nlp: Any) -> None:
    """Make `nlp` the pipeline of this process for tasks that name `key`."""
    with _REGISTRY_LOCK:
        _PIPELINES[key] = nlp
        _PIPELINE_LOCKS.setdefault(key, threading.Lock())
        LOAD_COUNT[key] += 1


def has_pipeline(key: str) -> bool:
    """Whether this process has loaded (or been given) the pipeline `key`."""
    return key in _PIPELINES


def worker_pipeline(model: str | None) -> tuple[Any, threading.Lock]:
    """The pipeline named `model` in this process, loaded on first use and
    kept, with the lock that keeps two threads from running it at once."""
    key = model or ""
    with _REGISTRY_LOCK:
        if key not in _PIPELINES:
            from .pipeline import load_pipeline

            _PIPELINES[key] = load_pipeline(model)
            _PIPELINE_LOCKS[key] = threading.Lock()
            LOAD_COUNT[key] += 1
        return _PIPELINES[key], _PIPELINE_LOCKS[key]


def extract_batch(
    texts: Sequence[str], model: str | None = None, batch_size: int = 32
) -> list[Outcome]:
    """Extract a batch of texts with this process's copy of the model.

    Each outcome is (Extraction.to_dict(), None) or (None, error). One failing
    text does not fail the others: the batch is then run again text by text.
    """
    from .pipeline import extract, extract_many

    nlp, lock = worker_pipeline(model)
    with lock:
        try:
            return [
                (e.to_dict(), None)
                for e in extract_many(list(texts), model=nlp, batch_size=batch_size)
            ]
        except Exception:  # noqa: BLE001  which text failed is found below
            pass
        outcomes: list[Outcome] = []
        for text in texts:
            try:
                outcomes.append((extract(text, model=nlp).to_dict(), None))
            except Exception as err:  # noqa: BLE001  recorded, the run goes on
                outcomes.append((None, describe(err)))
        return outcomes


# --- executors ---------------------------------------------------------------


class Executor(Protocol):
    """Runs batches of documents; yields each batch with its outcomes."""

    def run(
        self, batches: Iterator[list[Document]]
    ) -> Iterator[tuple[list[Document], list[Outcome]]]: ...
    def close(self) -> None: ...


class InProcessExecutor:
    """Extraction in this process."""

    def __init__(self, model: str | None, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size
        worker_pipeline(model)  # a model that is not there fails here, before any output

    def run(
        self, batches: Iterator[list[Document]]
    ) -> Iterator[tuple[list[Document], list[Outcome]]]:
        for batch in batches:
            yield batch, extract_batch([d.text for d in batch], self.model, self.batch_size)

    def close(self) -> None:
        pass


def _load_model(model: str | None) -> None:
    worker_pipeline(model)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the workers finish their batch
    # and the main process decides when to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ProcessPoolExecutor:
    """Extraction in `processes` local worker processes, each loading the model once.

    Batches are handed out as workers free up (at most two per worker in
    flight) and their results come back in input order.
    """

    def __init__(self, model: str | None, processes: int, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size
        self.processes = processes
        # The workers start now, each loading the model (a model that is not
        # there fails here, before any output).
        self._pool = start_pool(processes, _load_model, model, initializer=_ignore_interrupts)

    def run(
        self, batches: Iterator[list[Document]]
    ) -> Iterator[tuple[list[Document], list[Outcome]]]:
        calls = (
            (batch, extract_batch, ([d.text for d in batch], self.model, self.batch_size))
            for batch in batches
        )
        yield from results_in_order(self._pool, self.processes, calls)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


# --- the run -----------------------------------------------------------------


@dataclass
class Summary:
    """What a run did."""

    files: int = 0
    documents: int = 0  # extracted without error
    failed: int = 0  # documents and inputs that failed
    skipped: Counter[str] = field(default_factory=Counter)  # submission blocks by type
    already_done: int = 0  # in the output before the run (--resume)
    ignored_files: int = 0  # files in folders that are not inputs
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.failed else 0

    def lines(self) -> list[str]:
        skipped = sum(self.skipped.values())
        kinds = ", ".join(f"{kind} {count}" for kind, count in self.skipped.most_common())
        parts = [f"{self.documents:,} extracted", f"{self.failed:,} failed"]
        parts.append(f"{skipped:,} skipped" + (f" ({kinds})" if kinds else ""))
        if self.already_done:
            parts.append(f"{self.already_done:,} already in the output")
        lines = [f"{self.files:,} input file(s): documents " + ", ".join(parts)]
        rate = self.words / self.seconds if self.seconds else 0.0
        docs_rate = self.documents / self.seconds if self.seconds else 0.0
        lines.append(
            f"{self.words:,} words in {self.seconds:.1f} s: {rate:,.0f} words/s, {docs_rate:,.1f} documents/s"
        )
        if self.ignored_files:
            lines.append(
                f"{self.ignored_files:,} file(s) in folders left alone (not .txt, .htm, .html or .gz of these)"
            )
        if self.interrupted:
            lines.append(
                "interrupted: the output holds every document finished; run again with --resume to go on"
            )
        return lines


class Progress:
    """A one-line progress bar on a terminal: documents done, rate, ETA."""

    def __init__(self, stream: IO[str] | None, total_files: int) -> None:
        self.stream = stream
        self.total = total_files
        self.start = time.monotonic()
        self._drawn = 0.0

    def update(self, files_done: int, documents: int, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.2:
            return
        self._drawn = now
        elapsed = now - self.start
        rate = documents / elapsed if elapsed > 0 else 0.0
        eta = elapsed / files_done * (self.total - files_done) if files_done else None
        eta_text = "--:--" if eta is None else time.strftime("%H:%M:%S", time.gmtime(eta))
        width = 24
        filled = int(width * files_done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(
            f"\r[{bar}] {files_done:,}/{self.total:,} files, {documents:,} documents, {rate:,.1f} documents/s, ETA {eta_text} "
        )
        self.stream.flush()

    def finish(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


class _Interrupts:
    """Ctrl-C once: read no more inputs, finish and write the documents in
    flight. Twice: stop now (KeyboardInterrupt); the writer still closes the
    output at the last document written whole."""

    def __init__(self, notify: Callable[[str], None]) -> None:
        self.requested = False
        self.notify = notify
        self._previous: Any = None

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        self.notify("stopping: finishing the documents in flight (Ctrl-C again to stop now)")

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def run_batch(
    inputs: Sequence[str],
    writer: Writer,
    executor: Executor,
    *,
    batch_size: int = 32,
    progress: IO[str] | None = None,
    on_failure: Callable[[dict[str, Any]], None] | None = None,
    notify: Callable[[str], None] | None = None,
    stdin: Callable[[], bytes] = read_stdin,
) -> Summary:
    """Extract every document of `inputs` and write a record for each.

    The writer is closed at the end, also when the run is interrupted.
    """
    summary = Summary()
    found, summary.ignored_files = discover(inputs)
    summary.files = len(found)
    done = writer.existing_keys()
    bar = Progress(progress, len(found))
    # For each input, how many of its documents are still in flight; which
    # input a document in flight came from.
    remaining: dict[int, int] = {}
    source_of: dict[int, int] = {}
    files_done = 0
    start = time.monotonic()
    interrupts = _Interrupts(notify or (lambda message: None))

    def write(record: dict[str, Any]) -> None:
        writer.write(record)
        if record["error"] is not None:
            summary.failed += 1
            if on_failure:
                on_failure(record)

    def file_finished() -> None:
        nonlocal files_done
        files_done += 1
        bar.update(files_done, summary.documents)

    def batches() -> Iterator[list[Document]]:
        batch: list[Document] = []
        for index, item in enumerate(found):
            if interrupts.requested:
                break
            documents = _read(item, summary, write, done, stdin)
            remaining[index] = len(documents)
            if not documents:
                file_finished()
            for document in documents:
                batch.append(document)
                source_of[id(document)] = index
                if len(batch) >= batch_size:
                    yield batch
                    batch = []
        if batch:
            yield batch

    with interrupts:
        try:
            for batch, outcomes in executor.run(batches()):
                for document, (extraction, error) in zip(batch, outcomes):
                    write(document_record(document, extraction, error))
                    if error is None:
                        summary.documents += 1
                        summary.words += len(document.text.split())
                    index = source_of.pop(id(document))
                    remaining[index] -= 1
                    if remaining[index] == 0:
                        file_finished()
            # Ctrl-C while the last results were written or the executor
            # closes stops nothing: the run is complete.
            summary.interrupted = interrupts.requested and files_done < len(found)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            summary.seconds = time.monotonic() - start
            try:
                executor.close()
            finally:
                writer.close()
                bar.update(files_done, summary.documents, force=True)
                bar.finish()
    return summary


def _read(
    item: Input,
    summary: Summary,
    write: Callable[[dict[str, Any]], None],
    done: set[Key],
    stdin: Callable[[], bytes],
) -> list[Document]:
    """The documents of one input still to extract; an input that cannot be
    read is written as a failed record (unless it is in the output already)."""
    recorded = (item.name, "") in done
    try:
        if item.problem is not None:
            raise FileNotFoundError(item.problem)
        data = stdin() if item.path is None else None
        contents = read_source(item.path or "-", source=item.name, data=data)
    except (OSError, UnreadableInputError, ValueError) as err:
        if recorded:
            summary.already_done += 1
        else:
            write(input_failure_record(item.name, item.problem or describe(err)))
        return []
    summary.skipped.update(s.type for s in contents.skipped)
    documents = [d for d in contents.documents if document_key(d) not in done]
    summary.already_done += len(contents.documents) - len(documents)
    return documents
