"""Extraction on a Dask cluster (`pip install 'iec-nlp[dask]'`).

For your own graphs, map `extract_partition` over a Dask Bag of texts or
`extract_series` over a column of a Dask DataFrame:

    import dask.bag as db
    from distributed import Client
    from iec_nlp.dask_extraction import extract_partition, ship_model

    client = Client("tcp://scheduler:8786")
    model = ship_model(client, "models/iec_cnn")   # or a name every worker can load
    records = db.from_sequence(texts, partition_size=32).map_partitions(
        extract_partition, model=model
    )

    ddf["extraction"] = ddf["text"].map_partitions(
        extract_series, model=model, meta=("extraction", "object")
    )

Each result is the `Extraction.to_dict()` of a text plus `error` (null, or
what went wrong; the other fields are then empty). Each worker process loads
the model once, on its first task or, with `ship_model`, when it joins, and
keeps it for every later task.

How the model reaches the workers: `ship_model(client, model)` loads the
model where the client runs, sends it to the scheduler as a worker plugin
(a few MB for the default model) and every worker, also one that joins
later, unpacks and loads it once; the name it returns is what tasks pass as
`model`. Without it, each worker loads `model` itself, so it must be a path
every worker sees (a shared file system) or an installed model package.

`DaskExecutor` is what `iec-nlp extract --scheduler ADDRESS` and `--workers
N` run: batches of documents as tasks, results streamed back as they finish.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import signal
import tarfile
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import dask
    from distributed import Client, LocalCluster, as_completed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as err:  # pragma: no cover  (a lean install)
    raise ImportError("iec_nlp.dask_extraction needs Dask: pip install 'iec-nlp[dask]'") from err

from .batch import (
    LOAD_COUNT,
    Outcome,
    empty_extraction,
    extract_batch,
    has_pipeline,
    register_pipeline,
    worker_pipeline,
)
from .filings import Document

if TYPE_CHECKING:
    from dask.typing import Key

logger = logging.getLogger(__name__)

SHIPPED_PREFIX = "shipped:"


def extract_partition(
    texts: Iterable[str], *, model: str | None = None, batch_size: int = 32
) -> list[dict[str, Any]]:
    """Extractions of a partition of texts (for `Bag.map_partitions`).

    Runs in the worker, with the worker's one copy of the model.
    """
    return [_result(outcome) for outcome in extract_batch(list(texts), model, batch_size)]


def extract_series(series: Any, *, model: str | None = None, batch_size: int = 32) -> Any:
    """Extractions of a pandas Series of texts, as a Series of dicts with the
    same index (for `dask.dataframe.Series.map_partitions`)."""
    import pandas as pd

    results = extract_partition(series.tolist(), model=model, batch_size=batch_size)
    return pd.Series(results, index=series.index, name=series.name, dtype=object)


def extract_bag(bag: Any, *, model: str | None = None, batch_size: int = 32) -> Any:
    """A Dask Bag of texts -> a Bag of extraction dicts, partition by partition."""
    return bag.map_partitions(extract_partition, model=model, batch_size=batch_size)


def _result(outcome: Outcome) -> dict[str, Any]:
    extraction, error = outcome
    return {**(extraction if extraction is not None else empty_extraction()), "error": error}


# --- shipping the model --------------------------------------------------------


def _model_archive(model: str | os.PathLike[str] | None) -> tuple[bytes, str]:
    """The model as a gzipped tar of its saved directory, and its content hash."""
    from .pipeline import load_pipeline

    nlp = load_pipeline(model)
    with tempfile.TemporaryDirectory() as tmp:
        nlp.to_disk(tmp)
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
            for path in sorted(Path(tmp).rglob("*")):
                info = tar.gettarinfo(str(path), arcname=str(path.relative_to(tmp)))
                info.mtime = 0  # the same model gives the same bytes, and the same name
                if path.is_file():
                    with open(path, "rb") as f:
                        tar.addfile(info, f)
                else:
                    tar.addfile(info)
    data = buffer.getvalue()
    return data, hashlib.sha256(data).hexdigest()[:16]


class ModelPlugin(WorkerPlugin):
    """Unpacks a shipped model in each worker and loads it, once per worker
    process (registering the same model again loads nothing)."""

    def __init__(self, key: str, archive: bytes) -> None:
        self.key = key
        self.archive = archive
        self.name = f"iec-nlp-model-{key.removeprefix(SHIPPED_PREFIX)}"

    def setup(self, worker: Any) -> None:
        from .pipeline import load_pipeline

        if has_pipeline(self.key):
            return
        target = Path(worker.local_directory) / self.name
        if not (target / "meta.json").exists():
            target.mkdir(parents=True, exist_ok=True)
            with tarfile.open(fileobj=io.BytesIO(self.archive), mode="r:gz") as tar:
                try:
                    tar.extractall(target, filter="data")
                except TypeError:  # Python without extraction filters
                    tar.extractall(target)  # noqa: S202  our own archive
        register_pipeline(self.key, load_pipeline(target))


def ship_model(client: Any, model: str | os.PathLike[str] | None = None) -> str:
    """Send the model, as loaded here, to every worker of `client`'s cluster
    (and to any that joins later); return the name tasks pass as `model`."""
    archive, digest = _model_archive(model)
    key = f"{SHIPPED_PREFIX}{digest}"
    client.register_plugin(ModelPlugin(key, archive))
    loaded = client.run(has_pipeline, key)
    missing = [worker for worker, ok in loaded.items() if not ok]
    if missing:
        raise RuntimeError(f"the model did not load on worker(s) {', '.join(missing)}")
    logger.info("model shipped to %d worker(s) as %s (%d bytes)", len(loaded), key, len(archive))
    return key


def load_counts() -> dict[str, int]:
    """How many times this process loaded each model (run it on the workers)."""
    return dict(LOAD_COUNT)


def check_model(client: Any, model: str | None) -> None:
    """Load `model` on every worker now (once per worker), so that a worker
    that cannot find it fails the run before any task, with a clear message."""
    results = client.run(_try_load, model)
    problems = {worker: problem for worker, problem in results.items() if problem}
    if problems:
        worker, problem = next(iter(problems.items()))
        raise RuntimeError(
            f"{len(problems)} worker(s) cannot load the model ({worker}: {problem}); "
            "ship it (the default) or make it a path or package every worker sees"
        )


def _try_load(model: str | None) -> str | None:
    try:
        worker_pipeline(model)
    except Exception as err:  # noqa: BLE001  reported to the client
        return f"{type(err).__name__}: {err}"
    return None


# --- the executor of `iec-nlp extract --scheduler/--workers` -------------------


# Measured on the scale workload (training/scale_bench.py): a worker's
# statistical profiler (a stack sample every 10 ms) cost 13% more CPU per
# document, and a fixed malloc trim threshold, which also fixes the mmap
# threshold, makes every large array a fresh mapping. Workers we start go
# without both; one thread each for BLAS, as Dask's default.
#
# Dask's housekeeping wakes the event loop of every process (scheduler,
# nanny, worker) every 20 ms to time itself (admin.tick), every 100 ms to
# check memory and every 500 ms to sample the system: an idle local cluster
# of one worker burned 46 ms of CPU per second, 4.6% of a core beside the
# extraction, and each wake-up takes the GIL from the worker's task thread.
# Ours do it every 1 s, 1 s and 5 s: 9 ms per second. Blocked event loops
# are still reported (after admin.tick.limit, 3 s) and memory limits still
# enforced, a second later at most.
_LOCAL_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


def _local_cluster(workers: int) -> Any:
    """A local cluster of single-threaded worker processes that ignore Ctrl-C.

    Ctrl-C in a terminal reaches every process of the group; the worker
    processes inherit an ignored SIGINT, so the run, not the cluster, decides
    how to stop (and closes the cluster).
    """
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
    try:
        with dask.config.set(_LOCAL_CLUSTER_CONFIG):
            return LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            )
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)


class DaskExecutor:
    """Batches of documents as Dask tasks; results in the order they finish.

    `workers` starts a local cluster of that many single-threaded worker
    processes (closed again by `close`); otherwise `scheduler` is the address
    of a running one. At most two batches per worker thread are in flight,
    so reading never runs far ahead of extraction.
    """

    def __init__(
        self,
        model: str | None,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        batch_size: int = 32,
        ship: bool = True,
    ) -> None:
        if (scheduler is None) == (workers is None):
            raise ValueError("give a scheduler address or a number of workers")
        self.batch_size = batch_size
        self._cluster = None
        if workers is not None:
            self._cluster = _local_cluster(workers)
            self.client = Client(self._cluster)
        else:
            self.client = Client(scheduler)
        try:
            if ship:
                self.model: str | None = ship_model(self.client, model)
            else:
                self.model = None if model is None else str(model)
                check_model(self.client, self.model)
        except BaseException:
            self.close()
            raise

    def slots(self) -> int:
        threads = sum(self.client.nthreads().values())
        return max(1, threads)

    def run(
        self, batches: Iterator[list[Document]]
    ) -> Iterator[tuple[list[Document], list[Outcome]]]:
        pending = as_completed()
        batch_of: dict[Key, list[Document]] = {}
        exhausted = False
        source = iter(batches)
        while True:
            # Asked again each time: workers may join (or leave) during the run.
            limit = 2 * self.slots()
            while not exhausted and len(batch_of) < limit:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                future = self.client.submit(
                    extract_batch, [d.text for d in batch], self.model, self.batch_size, pure=False
                )
                batch_of[future.key] = batch
                pending.add(future)
            if not batch_of:
                return
            future = next(pending)
            outcomes = future.result()
            yield batch_of.pop(future.key), outcomes

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()
