"""Local worker processes that each load the model once.

Used by `extract_many(n_process=N)` and by `iec-nlp extract --processes N`.
Workers are spawned (not forked: a forked copy of a loaded pipeline shares
its parent's threads and locks) and started at once, each loading the
model, so a model that is not there fails before any result.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

Key = TypeVar("Key")

# N processes on N cores, each with BLAS threads of its own, only wait for
# each other (12% more CPU per document here): one thread each, as Dask
# gives its workers.
_ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def start_pool(
    processes: int,
    load: Callable[[Any], Any],
    model: Any,
    initializer: Callable[[], None] | None = None,
) -> concurrent.futures.ProcessPoolExecutor:
    """A pool of `processes` spawned workers, each having run `load(model)`."""
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
    )
    # Workers inherit the environment when they start, which is now.
    saved = {name: os.environ.get(name) for name in _ONE_THREAD}
    os.environ.update(_ONE_THREAD)
    try:
        for future in [pool.submit(load, model) for _ in range(processes)]:
            future.result()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return pool


def results_in_order(
    pool: concurrent.futures.Executor,
    processes: int,
    calls: Iterable[tuple[Key, Callable[..., Any], tuple[Any, ...]]],
) -> Iterator[tuple[Key, Any]]:
    """Run each `(key, function, args)` of `calls` on the pool and yield
    `(key, result)` in the order of `calls`, as soon as the first pending
    one is done. At most two calls per worker are in flight, so a long input
    is read only as fast as it is processed (memory stays bounded)."""
    in_flight: deque[tuple[Key, concurrent.futures.Future[Any]]] = deque()
    for key, function, args in calls:
        in_flight.append((key, pool.submit(function, *args)))
        while len(in_flight) >= 2 * processes or (in_flight and in_flight[0][1].done()):
            done, future = in_flight.popleft()
            yield done, future.result()
    while in_flight:
        done, future = in_flight.popleft()
        yield done, future.result()
