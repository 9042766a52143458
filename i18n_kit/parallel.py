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

`ForkedWorkers` is the same pool for work in two steps with the parent's own step in
between (a sync merges catalogs, routes them in the parent, which holds the memory, then
finishes them): each worker keeps what the first step made of its items, so the second
step is sent only what the parent decided, never the big intermediate values.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, Pipe, wait
from typing import Any, Generic, TypeVar, cast

from i18n_kit.errors import WorkerError

__all__ = ["Background", "ForkedWorkers", "cores", "map_forked"]

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")
Kept = TypeVar("Kept")
Answer = TypeVar("Answer")
Payload = TypeVar("Payload")

_in_worker = False  # a worker runs its chunks in its own process, never forking again


class _Live:
    """The pools of this process that have forked and not closed, and the parent's end
    of each of their workers' pipes."""

    pools = 0
    ends: set[Connection] = set()


_LIVE = _Live()
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
        for results in pool.run(range(len(chunks))):
            yield from results
    finally:
        pool.close()


class ForkedWorkers(Generic[Shared, Item, Kept, Answer, Payload, Result]):
    """Work on ``items`` in two steps, both on every core, with the caller's own step
    between them: ``first(shared, items)`` gives ``(kept, answer)`` for each item of a
    chunk (at most ``chunksize``, for work better done on many at once), and only the
    answers come back; ``second(shared, kept, payload)`` gets what the first step kept of
    the same item, in the same worker, and the payload the caller sends for it. The
    workers are forked at `start` or `first` (they inherit ``shared`` as it is then) and
    live until `close`. Where `map_forked` would not fork, both steps run in this process.

    >>> with ForkedWorkers(lambda shared, items: [(item * shared, item) for item in items],
    ...                    lambda shared, kept, payload: kept + payload,
    ...                    10, [1, 2, 3]) as workers:
    ...     answers = workers.first()
    ...     list(workers.second([answer * 100 for answer in answers]))
    [110, 220, 330]
    """

    def __init__(
        self,
        first: Callable[[Shared, Sequence[Item]], Sequence[tuple[Kept, Answer]]],
        second: Callable[[Shared, Kept, Payload], Result],
        shared: Shared,
        items: Sequence[Item],
        *,
        min_items: int = 64,
        chunksize: int = 8,
        task: str = "working",
    ) -> None:
        self._first, self._second, self._shared = first, second, shared
        self._chunks = [items[start : start + chunksize]
                        for start in range(0, len(items), chunksize)]
        self._count = min(cores(), len(self._chunks))
        if self._count < 2 or len(items) < min_items or _in_worker or not hasattr(os, "fork"):
            self._count = 0
        # chunk -> what the first step kept of its items (in the worker that ran it)
        self._kept: dict[int, list[Kept]] = {}
        self._pool = _Pool(self._job, task)
        self._served: list[int] = []  # chunk -> the worker that ran its first step

    def _job(self, message: tuple[int, Sequence[Payload] | None]) -> list[Any]:
        chunk, payloads = message
        if payloads is None:
            made = self._first(self._shared, self._chunks[chunk])
            self._kept[chunk] = [kept for kept, _ in made]
            return [answer for _, answer in made]
        shared, second = self._shared, self._second
        return [second(shared, kept, payload)
                for kept, payload in zip(self._kept.pop(chunk), payloads, strict=True)]

    @property
    def forks(self) -> bool:
        """Whether the steps run in forked workers (else in this process, in turn)."""
        return bool(self._count)

    def start(self) -> None:
        """Fork the workers now (`first` does, if this was not called): before the
        caller starts a thread, since a process forked beside a running thread may
        inherit a lock that thread held and nobody will release."""
        if self._count and not self._pool.order:
            for _ in range(self._count):
                self._pool.fork()

    def first(self) -> list[Answer]:
        """The first step's answers, in item order (call once)."""
        messages = [(chunk, None) for chunk in range(len(self._chunks))]
        if not self._count:
            return [answer for message in messages for answer in self._job(message)]
        self.start()
        answers: list[Answer] = []
        for results in self._pool.run(messages):
            answers.extend(results)
        self._served = self._pool.served
        return answers

    def second(self, payloads: Sequence[Payload]) -> Iterator[Result]:
        """The second step's results, in item order (after `first`; one payload an item)."""
        messages: list[tuple[int, Sequence[Payload]]] = []
        start = 0
        for number, chunk in enumerate(self._chunks):
            messages.append((number, payloads[start : start + len(chunk)]))
            start += len(chunk)
        if not self._count:
            for message in messages:
                yield from self._job(message)
            return
        for results in self._pool.run(messages, owners=self._served):
            yield from results

    def close(self) -> None:
        """Stop the workers (what they kept goes with them)."""
        self._pool.close()
        self._kept.clear()

    def __enter__(self) -> ForkedWorkers[Shared, Item, Kept, Answer, Payload, Result]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class Background(Generic[Result]):
    """``call()`` on a thread of its own, from now until `result` (which waits for it and
    gives its value, or raises its error), while the caller does something else: in a
    sync, the next batch's workers are given their articles and their answers taken
    while the caller routes the batch before. Fork no pool while it runs (see
    `ForkedWorkers.start`).

    >>> Background(lambda: 6 * 7).result()
    42
    """

    def __init__(self, call: Callable[[], Result]) -> None:
        self._value: list[Result] = []
        self._error: list[BaseException] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(call,), daemon=True)
        self._thread.start()

    def _run(self, call: Callable[[], Result]) -> None:
        try:
            self._value.append(call())
        except BaseException as exc:  # raised again by result(), in the caller's thread
            self._error.append(exc)
        finally:
            self._done.set()

    def result(self) -> Result:
        try:
            self._done.wait()
        except BaseException:
            # A signal's exception (SIGTERM, Ctrl-C) while waiting: the thread ends first
            # (its work is short), so that what it uses is not torn down under it. (Not
            # Thread.join: interrupted, Python 3.11's marks a running thread as ended.)
            self._done.wait()
            raise
        self._thread.join()
        if self._error:
            raise self._error[0]
        return self._value[0]


class _Pool:
    """Forked workers, each answering the messages sent down its pipe with ``job``."""

    def __init__(self, job: Callable[[Any], list[Any]], task: str) -> None:
        self.job = job
        self.task = task
        self.workers: dict[Connection, int] = {}  # pipe -> pid
        self.order: list[Connection] = []  # the pipes in the order the workers were forked
        self.busy: dict[Connection, list[int]] = {}  # pipe -> messages sent, not answered
        self.served: list[int] = []  # message -> the worker (fork order) that answered it
        self.senders: list[threading.Thread] = []  # `_send_owned`'s, until all is answered

    def fork(self) -> None:
        # What the parent holds now is not looked at by the garbage collector until the
        # last pool closes, in the parent or in a worker: a collection would go through
        # every object of a large run (the articles read, the memory) again and again,
        # and, in a worker, write to each of their pages, which fork had shared.
        gc.freeze()
        if not self.order:
            _LIVE.pools += 1
        ours, theirs = Pipe(duplex=True)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                # the parent's ends of every pool's pipes: a worker that held one would
                # keep the worker at its other end from seeing the parent go
                _serve(theirs, self.job, close=[ours, *_LIVE.ends], mask=mask)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        theirs.close()
        _LIVE.ends.add(ours)
        self.workers[ours] = pid
        self.order.append(ours)
        self.busy[ours] = []

    def run(self, messages: Sequence[Any], *,
            owners: Sequence[int] | None = None) -> Iterator[list[Any]]:
        """Each message's results, in message order. ``owners``: the worker (in fork
        order) each message must go to; without it, whichever is free."""
        self.served = [-1] * len(messages)
        queue: deque[int] = deque()
        if owners is None:
            queue.extend(range(len(messages)))
            for pipe in self.order:  # two each: none idles while one is answered
                self._send(pipe, queue, messages)
                self._send(pipe, queue, messages)
        else:
            self._send_owned(messages, owners)
        done: dict[int, list[Any]] = {}
        for number in range(len(messages)):
            while number not in done:
                for ready in wait([pipe for pipe, sent in self.busy.items() if sent]):
                    pipe = cast(Connection, ready)
                    try:
                        answered, ok, payload = pipe.recv()
                    except (EOFError, OSError):
                        raise self._died(pipe) from None
                    self.busy[pipe].remove(answered)
                    if not ok:
                        raise payload
                    done[answered] = payload
                    self.served[answered] = self.order.index(pipe)
                    self._send(pipe, queue, messages)
            yield done.pop(number)
        self._join_senders()

    def _send_owned(self, messages: Sequence[Any], owners: Sequence[int]) -> None:
        """Send each worker all its messages at once, from a thread of its own: a message
        may be bigger than the pipe holds, and a worker answers while the rest of its
        messages are still on the way, so this thread must be free to read the answers
        (one thread writing both would wait on a worker that waits on it)."""
        numbers: dict[Connection, list[int]] = {pipe: [] for pipe in self.order}
        for number, owner in enumerate(owners):
            numbers[self.order[owner]].append(number)
        for pipe, mine in numbers.items():
            self.busy[pipe].extend(mine)
            # pickled here, so that a message that cannot be sent fails in the caller
            data = [pickle.dumps((number, messages[number]), pickle.HIGHEST_PROTOCOL)
                    for number in mine]
            sender = threading.Thread(target=_send_each, args=(pipe, data),
                                      name=f"{self.task}: sender", daemon=True)
            sender.start()
            self.senders.append(sender)

    def _join_senders(self) -> None:
        for sender in self.senders:
            sender.join()
        self.senders.clear()

    def _send(self, pipe: Connection, queue: deque[int], messages: Sequence[Any]) -> None:
        if queue:
            number = queue.popleft()
            try:
                pipe.send((number, messages[number]))
            except OSError:  # EPIPE: the worker is dead (click would take it for stdout's)
                raise self._died(pipe) from None
            self.busy[pipe].append(number)

    def _died(self, pipe: Connection) -> WorkerError:
        pid = self.workers.pop(pipe)
        self.busy.pop(pipe)
        _LIVE.ends.discard(pipe)
        with contextlib.suppress(OSError):
            pipe.close()
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
        for pid in self.workers.values():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._join_senders()  # a sender still writing stops: its worker is gone
        for pipe in self.workers:
            _LIVE.ends.discard(pipe)
            with contextlib.suppress(OSError):
                pipe.close()
        for pid in self.workers.values():
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        if self.order:
            _LIVE.pools -= 1
            if not _LIVE.pools:
                gc.unfreeze()
        self.workers.clear()
        self.order.clear()
        self.busy.clear()


def _send_each(pipe: Connection, data: Sequence[bytes]) -> None:
    """`_Pool._send_owned`'s thread: write each pickled message in turn. A worker that
    dies stops it (EPIPE); the reading side reports the death."""
    with contextlib.suppress(OSError):
        for message in data:
            pipe.send_bytes(message)


def _serve(pipe: Connection, job: Callable[[Any], list[Any]], *, close: list[Connection],
           mask: set[int | signal.Signals]) -> None:
    """A worker's life: answer each message with its results until the pipe closes;
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
                number, message = pipe.recv()
            except EOFError:  # the parent is gone or done
                break
            try:
                answer = (number, True, job(message))
                pipe.send(answer)
            except Exception as exc:  # the error travels to the parent, as itself
                pipe.send((number, False, _portable(exc)))
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
