"""Atomic file writes and content hashes: the only place generated files are written."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from i18n_kit.errors import OutputError


def hash_bytes(data: bytes) -> str:
    """Stable content hash used in the cache.

    >>> hash_bytes(b"")[:12]
    'cae66941d9ef'
    """
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def write_file_atomic(path: Path, data: bytes, *, origin: str | None = None) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half:
    temp file in the same folder, fsync, rename. The fsync is skipped for a file that did
    not exist: there is no older content to lose, and a sync cut short by a crash finds
    a truncated new file by its size and hash and writes it again (an fsync for each new
    file cost a first sync of 1,000 articles 3 s).

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> write_file_atomic(d / "a" / "b.txt", b"hi"); (d / "a" / "b.txt").read_bytes()
    b'hi'
    """
    name = origin or str(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=name) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            # mkstemp makes 0600 files; keep the mode the file had, or what a plain
            # open() would give a new one (so pages stay readable by a web server).
            mode, replacing = _mode_for(path)
            os.fchmod(handle.fileno(), mode)
            if replacing:
                os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise OutputError(f"cannot write: {exc.strerror}", path=name) from exc


def _read_umask() -> int:
    # os.umask can only be read by setting it: done once, at import, before any thread.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _mode_for(path: Path) -> tuple[int, bool]:
    """The mode to give ``path``'s new content, and whether ``path`` exists."""
    try:
        return path.stat().st_mode & 0o7777, True
    except FileNotFoundError:
        return 0o666 & ~_UMASK, False


def read_bytes_if_exists(path: Path) -> bytes | None:
    """The file's bytes, or None when there is no such file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
