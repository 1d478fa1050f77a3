"""Batch runs on Dask: a real scheduler and two workers on 127.0.0.1.

The cluster is started once for the module (`dask scheduler` and two `dask
worker` processes, one thread each) and shut down at its end; every wait is
bounded. `--workers 2` starts and closes a local cluster of its own.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

from distributed import Client  # noqa: E402

from iec_nlp.cli import app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RELEASES = sorted((ROOT / "corpora" / "releases").glob("*.txt"))
FILINGS = Path(__file__).resolve().parent / "data" / "filings"
DASK = Path(sys.executable).with_name("dask")
MODEL = os.environ.get("IEC_NLP_TEST_MODEL")
MODEL_ARGS = ["--model", MODEL] if MODEL else []
runner = CliRunner()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """End a process we started and the worker process its nanny started."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a running scheduler with two single-threaded workers."""
    folder = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    started: list[subprocess.Popen] = []
    log = open(folder / "cluster.log", "w")  # noqa: SIM115
    try:
        started.append(
            subprocess.Popen(
                [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--dashboard-address", "127.0.0.1:0"],
                start_new_session=True, stdout=log, stderr=log, cwd=folder,
            )
        )  # fmt: skip
        for n in range(2):
            started.append(
                subprocess.Popen(
                    [str(DASK), "worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
                     "--local-directory", str(folder / f"worker{n}"), "--name", f"worker{n}"],
                    start_new_session=True, stdout=log, stderr=log, cwd=folder,
                )
            )  # fmt: skip
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for process in reversed(started):
            stop(process)
        log.close()


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """Releases and real submissions (several documents, HTML and text)."""
    folder = tmp_path_factory.mktemp("inbox")
    for source in RELEASES[70:80]:
        shutil.copy(source, folder / source.name)
    for name in ("southern-co_0000092122-07-000008.txt.gz", "oracle_0001193125-19-191922.txt.gz"):
        shutil.copy(FILINGS / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def single_process_records(inbox, tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "out.jsonl"
    result = runner.invoke(
        app, ["extract", str(inbox), "--output", str(out), "--format", "jsonl", *MODEL_ARGS]
    )
    assert result.exit_code == 0, result.output
    records = out.read_text(encoding="utf-8").splitlines()
    assert len(records) == 10 + 7 + 2
    return sorted(records)


def test_a_run_on_a_scheduler_and_two_workers_gives_the_single_process_records(
    scheduler, inbox, single_process_records, tmp_path
):
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = runner.invoke(
        app,
        ["extract", str(inbox), "--scheduler", scheduler, "--output", str(out), "--format", "jsonl", "--batch-size", "3", *MODEL_ARGS],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 180
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == single_process_records
    with Client(scheduler, timeout=30) as client:
        from iec_nlp.dask_extraction import load_counts

        counts = client.run(load_counts)
        # 7 tasks over 2 workers, and each worker loaded the shipped model once.
        assert len(counts) == 2
        for worker_counts in counts.values():
            shipped = {k: v for k, v in worker_counts.items() if k.startswith("shipped:")}
            assert list(shipped.values()) == [1], worker_counts
        # A cluster stays up for the next run: the client closed, not the cluster.
        assert len(client.scheduler_info()["workers"]) == 2


def test_workers_can_load_the_model_themselves(scheduler, inbox, single_process_records, tmp_path):
    out = tmp_path / "out.jsonl"
    args = [
        "extract",
        str(inbox),
        "--scheduler",
        scheduler,
        "--no-ship-model",
        "-o",
        str(out),
        "-f",
        "jsonl",
    ]
    result = runner.invoke(app, [*args, "--model", MODEL or str(ROOT / "models" / "iec_cnn")])
    assert result.exit_code == 0, result.output
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == single_process_records
    result = runner.invoke(app, [*args, "--overwrite", "--model", "no-such-model"])
    assert result.exit_code == 2 and "cannot load the model" in result.output


def test_the_python_api_maps_over_bags_and_dataframes(scheduler):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    import iec_nlp
    from iec_nlp.dask_extraction import extract_bag, extract_series, ship_model

    texts = [p.read_text(encoding="utf-8") for p in RELEASES[80:84]]
    expected = [{**e.to_dict(), "error": None} for e in iec_nlp.extract_many(texts, model=MODEL)]
    with Client(scheduler, timeout=30) as client:
        model = ship_model(client, MODEL)
        bag = extract_bag(db.from_sequence(texts, npartitions=2), model=model)
        assert bag.compute() == expected
        frame = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=2)
        series = frame["text"].map_partitions(extract_series, model=model, meta=("text", "object"))
        assert series.compute().tolist() == expected


def test_workers_two_starts_a_local_cluster_with_the_same_records(
    inbox, single_process_records, tmp_path
):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        [
            "extract",
            str(inbox),
            "--workers",
            "2",
            "-o",
            str(out),
            "-f",
            "jsonl",
            "--batch-size",
            "4",
            *MODEL_ARGS,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "local Dask cluster of 2 worker(s)" in result.stderr
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == single_process_records


def test_a_local_cluster_does_its_housekeeping_less_often():
    # Dask's defaults (a tick every 20 ms, memory checks every 100 ms) cost a
    # local run several percent of a core; the settings must reach the
    # scheduler and nanny started here and the worker process they spawn.
    from iec_nlp.dask_extraction import _local_cluster

    cluster = _local_cluster(1)
    try:
        assert cluster.scheduler._tick_interval == 1.0
        with Client(cluster, timeout=60) as client:
            ticks = client.run(lambda dask_worker: dask_worker._tick_interval)
            monitors = client.run(
                lambda dask_worker: dask_worker.memory_manager.memory_monitor_interval
            )
            profiling = client.run(
                lambda: __import__("dask").config.get("distributed.worker.profile.enabled")
            )
        assert list(ticks.values()) == [1.0]
        assert list(monitors.values()) == [1.0]
        assert list(profiling.values()) == [False]
    finally:
        cluster.close()
