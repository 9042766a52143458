"""Work spread over the machine's cores by forked worker processes.

Forked, not spawned: a worker starts in milliseconds and inherits everything the parent
has loaded (configuration, parsed articles, site chrome, compiled templates), so only
each item's key goes out and its result comes back. Where fork does not exist, with one
core, or for fewer than ``min_items`` items, the function runs in this process. An
error raised in a worker reaches the caller as itself (``I18nKitError`` pickles whole).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

__all__ = ["cores", "map_forked"]

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")

_job: tuple[Callable[[Any, Any], Any], Any] | None = None  # what forked workers run


def cores() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_forked(
    function: Callable[[Shared, Item], Result],
    shared: Shared,
    items: Sequence[Item],
    *,
    min_items: int = 64,
    chunksize: int = 16,
) -> Iterator[Result]:
    """``function(shared, item)`` for each item, results in order, on every core.

    >>> list(map_forked(lambda shared, item: shared * item, 10, [1, 2, 3]))
    [10, 20, 30]
    """
    global _job
    workers = min(cores(), len(items) // max(chunksize, 1))
    if (workers < 2 or len(items) < min_items or _job is not None
            or "fork" not in multiprocessing.get_all_start_methods()):
        for item in items:
            yield function(shared, item)
        return
    _job = (function, shared)
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_default_signals) as pool:
            yield from pool.imap(_run, items, chunksize=chunksize)
    finally:
        _job = None


def _default_signals() -> None:
    # The parent may turn SIGTERM into an exception (cli.main); a worker just ends.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run(item: Any) -> Any:
    assert _job is not None, "map_forked's job is set before its workers are forked"
    function, shared = _job
    return function(shared, item)
