"""Work spread over the machine's cores by forked worker processes.

Forked, not spawned: a worker starts in milliseconds and inherits everything the parent
has loaded (configuration, parsed articles, site chrome, compiled templates), so only
each chunk's number goes out and its results come back. Where fork does not exist, with
one core, or for fewer than ``min_items`` items, the function runs in this process. An
error raised in a worker reaches the caller as itself (``I18nKitError`` pickles whole).

A small pool of its own rather than ``multiprocessing.Pool``, for what a cancelled or
starved run needs: a worker that dies (killed, out of memory) is seen at once through
its pipe and ends the run with ``WorkerError`` (the Pool waits for its answer forever);
SIGTERM and SIGINT are blocked across each fork and reset in the child before they are
let through, so a signal at that moment neither runs the parent's handler in the child
(which would unwind the parent's stack there) nor is lost; and the workers are killed
and reaped whenever the caller stops early, however it stops.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, Pipe, wait
from typing import Any, TypeVar, cast

from i18n_kit.errors import WorkerError

__all__ = ["cores", "map_forked"]

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")

_in_worker = False  # a worker runs its chunks in its own process, never forking again
_SIGNALS = {signal.SIGTERM, signal.SIGINT}


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
    task: str = "working",
) -> Iterator[Result]:
    """``function(shared, item)`` for each item, results in order, on every core.
    ``task`` names the work in the error a dead worker gives.

    >>> list(map_forked(lambda shared, item: shared * item, 10, [1, 2, 3]))
    [10, 20, 30]
    """
    workers = min(cores(), len(items) // max(chunksize, 1))
    if workers < 2 or len(items) < min_items or _in_worker or not hasattr(os, "fork"):
        for item in items:
            yield function(shared, item)
        return
    chunks = [items[start : start + chunksize] for start in range(0, len(items), chunksize)]
    pool = _Pool(lambda chunk: [function(shared, item) for item in chunks[chunk]], task)
    try:
        for _ in range(workers):
            pool.fork()
        for results in pool.run(len(chunks)):
            yield from results
    finally:
        pool.close()


class _Pool:
    """Forked workers, each serving chunk numbers sent down its pipe."""

    def __init__(self, job: Callable[[int], list[Any]], task: str) -> None:
        self.job = job
        self.task = task
        self.workers: dict[Connection, int] = {}  # pipe -> pid
        self.busy: dict[Connection, list[int]] = {}  # pipe -> chunks sent, not answered

    def fork(self) -> None:
        ours, theirs = Pipe(duplex=True)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                _serve(theirs, self.job, close=[ours, *self.workers], mask=mask)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        theirs.close()
        self.workers[ours] = pid
        self.busy[ours] = []

    def run(self, count: int) -> Iterator[list[Any]]:
        """Each chunk's results, in chunk order."""
        todo = iter(range(count))
        for pipe in self.workers:  # two chunks each: none idles while one is answered
            self._send(pipe, todo)
            self._send(pipe, todo)
        done: dict[int, list[Any]] = {}
        for number in range(count):
            while number not in done:
                for ready in wait([pipe for pipe, sent in self.busy.items() if sent]):
                    pipe = cast(Connection, ready)
                    try:
                        chunk, ok, payload = pipe.recv()
                    except (EOFError, OSError):
                        raise self._died(pipe) from None
                    self.busy[pipe].remove(chunk)
                    if not ok:
                        raise payload
                    done[chunk] = payload
                    self._send(pipe, todo)
            yield done.pop(number)

    def _send(self, pipe: Connection, todo: Iterator[int]) -> None:
        chunk = next(todo, None)
        if chunk is not None:
            try:
                pipe.send(chunk)
            except OSError:  # EPIPE: the worker is dead (click would take it for stdout's)
                raise self._died(pipe) from None
            self.busy[pipe].append(chunk)

    def _died(self, pipe: Connection) -> WorkerError:
        pid = self.workers.pop(pipe)
        self.busy.pop(pipe)
        how = "ended"
        with contextlib.suppress(ChildProcessError):
            _, status = os.waitpid(pid, 0)
            if os.WIFSIGNALED(status):
                number = os.WTERMSIG(status)
                name = signal.Signals(number).name
                if number == signal.SIGKILL:
                    name += ", which the out-of-memory killer sends"
                how = f"was killed by signal {number} ({name})"
            else:
                how = f"ended with exit code {os.waitstatus_to_exitcode(status)}"
        return WorkerError(
            f"a worker process {how} while {self.task}; nothing was written; run again "
            "(with more memory, if the system ran out)")

    def close(self) -> None:
        """Stop every worker and reap it (at the end, or when the caller stops early)."""
        for pipe, pid in self.workers.items():
            with contextlib.suppress(OSError):
                pipe.close()
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for pid in self.workers.values():
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self.workers.clear()
        self.busy.clear()


def _serve(pipe: Connection, job: Callable[[int], list[Any]], *, close: list[Connection],
           mask: set[int | signal.Signals]) -> None:
    """A worker's life: answer each chunk number with its results until the pipe closes;
    always ends in ``os._exit``, so nothing of the parent's (its stack, atexit hooks,
    buffered output) runs here."""
    global _in_worker
    code = 0
    try:
        _in_worker = True
        for signum in _SIGNALS:  # a signal ends a worker; the parent cleans up
            signal.signal(signum, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for other in close:
            other.close()
        while True:
            try:
                chunk = pipe.recv()
            except EOFError:  # the parent is gone or done
                break
            try:
                answer = (chunk, True, job(chunk))
                pipe.send(answer)
            except Exception as exc:  # the error travels to the parent, as itself
                pipe.send((chunk, False, _portable(exc)))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling, else a RuntimeError with its traceback."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError("in a worker process:\n" + "".join(
            traceback.format_exception(type(exc), exc, exc.__traceback__)))
