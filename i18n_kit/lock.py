"""The project locks in .i18n-kit/: one sync, build or translate at a time (``run_lock``),
and no catalog replaced by two writers at once (``write_lock``: a sync moving its files
into place, a save from the preview).

The locks are POSIX record locks (``fcntl.lockf``): the kernel drops one when its process
ends however it ends (kill -9, out of memory), so a lock is never left behind by a dead
run, and forked workers do not inherit it. A lock file also says who holds it (pid,
host, command, since) for the message a waiting run gives; a holder that ended without
clearing it is how the next run learns that the earlier one died mid-way. Threads of one
process (the preview's) are kept apart by a ``threading.Lock`` per file as well, since
record locks belong to a process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from i18n_kit.errors import BusyError, OutputError

RUN_LOCK = "lock"
WRITE_LOCK = "write.lock"

_local: dict[str, threading.Lock] = {}  # lock file -> lock between this process's threads
_held: dict[str, LockHolder] = {}  # lock file -> who in this process holds it
_guard = threading.Lock()


@dataclass(frozen=True, slots=True, kw_only=True)
class LockHolder:
    """Who holds (or held) a project lock."""

    pid: int
    host: str
    command: str
    since: str  # UTC, ISO 8601 to the second

    def describe(self) -> str:
        """
        >>> LockHolder(pid=7, host="ci", command="i18n-kit sync", since="2026-12-02T10:00:00Z"
        ...            ).describe()
        "pid 7 on ci ('i18n-kit sync', since 2026-12-02T10:00:00Z)"
        """
        return f"pid {self.pid} on {self.host} ('{self.command}', since {self.since})"


def this_command() -> str:
    """How this process was started, as a holder is described: ``i18n-kit sync ...``."""
    args = [os.path.basename(sys.argv[0]) or "python", *sys.argv[1:]]
    if args[0] in ("-c", "python", "python3") or args[0].endswith(".py"):
        args[0] = "i18n-kit"
    return " ".join(args)[:200]


@contextlib.contextmanager
def project_lock(
    state_dir: Path,
    name: str,
    *,
    wait: float,
    command: str | None = None,
    waiting: Callable[[LockHolder | None], None] | None = None,
) -> Iterator[LockHolder | None]:
    """Hold ``state_dir/name`` for the block; wait up to ``wait`` seconds for another
    holder (``waiting(holder)`` is called once when that happens), then raise
    ``BusyError`` naming it. Yields the holder of an earlier run that ended without
    releasing the lock (it died mid-way: the caller cleans up after it), else None."""
    path = state_dir / name
    key = str(path)
    shown = f"{state_dir.name}/{name}"
    deadline = time.monotonic() + wait
    with _guard:
        local = _local.setdefault(key, threading.Lock())
    told = False
    while not local.acquire(timeout=0.05):
        if time.monotonic() >= deadline:
            raise _busy(shown, _held.get(key), wait)
        if not told and waiting is not None:
            waiting(_held.get(key))
            told = True
    try:
        fd = _open(state_dir, path, shown)
        try:
            while True:
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EACCES, errno.EAGAIN):
                        raise OutputError(f"cannot lock: {exc.strerror}", path=shown) from exc
                other = _read_holder(fd)
                if time.monotonic() >= deadline:
                    raise _busy(shown, other, wait)
                if not told and waiting is not None:
                    waiting(other)
                    told = True
                time.sleep(0.05)
            stale = _read_holder(fd)
            holder = LockHolder(pid=os.getpid(), host=socket.gethostname(),
                                command=command or this_command(),
                                since=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
            _write_holder(fd, json.dumps(_as_dict(holder)))
            _held[key] = holder
            try:
                yield stale
            finally:
                _held.pop(key, None)
                # Cleared on the way out: a holder found in the file by the next run
                # means this one never got here.
                _write_holder(fd, "")
        finally:
            os.close(fd)  # releases the record lock
    finally:
        local.release()


def _as_dict(holder: LockHolder) -> dict[str, object]:
    return {"pid": holder.pid, "host": holder.host, "command": holder.command,
            "since": holder.since}


def _open(state_dir: Path, path: Path, shown: str) -> int:
    try:
        if not state_dir.is_dir():
            state_dir.mkdir(parents=True, exist_ok=True)
        ignore = state_dir / ".gitignore"
        if not ignore.exists():
            ignore.write_bytes(b"*\n")
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot open the project lock: {exc.strerror}", path=shown) from exc


def _read_holder(fd: int) -> LockHolder | None:
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "null")
        return LockHolder(pid=int(data["pid"]), host=str(data["host"]),
                          command=str(data["command"]), since=str(data["since"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _write_holder(fd: int, text: str) -> None:
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        if text:
            os.pwrite(fd, text.encode("utf-8"), 0)


def _busy(shown: str, holder: LockHolder | None, wait: float) -> BusyError:
    who = holder.describe() if holder is not None else "another i18n-kit process"
    waited = f"waited {wait:g} s; " if wait > 0 else ""
    return BusyError(
        f"the project is in use by {who}; {waited}nothing was changed: run again when it "
        "has finished",
        path=shown,
    )
