"""Atomic file writes (one file, or a whole run's staged together) and content hashes:
the only place generated files are written.

This module owns the temporary-name rule (``.<name>.<random>.tmp`` beside the file, see
``is_temp_name``) and the commit of a staged run with its journal (``write_journal``,
``read_journal``); ``journal.py`` sits above it and finishes, or clears away, what a
killed run left.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from i18n_kit.errors import OutputError

#: What tells one version of a file from another without reading it: (mtime_ns, size,
#: inode). The inode matters: a tool that saves by renaming a new file over the old one
#: (Poedit) can leave the same size and, within a clock tick, the same mtime.
Identity = tuple[int, int, int]


#: The journal of a run's renames, in the state folder (``.i18n-kit/``).
JOURNAL = "journal.json"
JOURNAL_FORMAT = 1

#: A move the journal lists: the output (relative to the root), its temporary file's
#: name beside it, whether the output is checked first, the hash it must still have.
Move = tuple[str, str, bool, str | None]

# The temporary-name rule. tempfile.mkstemp's names as _write_temp asks for them:
# "." + name + "." + 8 random characters + ".tmp", in the file's own folder (a rename
# within one file system is atomic); the journal is written as ".journal.json.writing".
_TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
_JOURNAL_TEMP = f".{JOURNAL}.writing"


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is one a run gives a file before renaming it into place (so a
    file of that name left in the project is a killed run's debris).

    >>> is_temp_name(".summit.po.k3jx9a_2.tmp"), is_temp_name("summit.po")
    (True, False)
    >>> is_temp_name(".journal.json.writing")
    True
    """
    return _TEMP_NAME.match(name) is not None or name == _JOURNAL_TEMP


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def identity_of(stat: os.stat_result) -> Identity:
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def hash_bytes(data: bytes) -> str:
    """Stable content hash used in the cache.

    >>> hash_bytes(b"")[:12]
    'cae66941d9ef'
    """
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class StagedChange:
    """A file a ``StagedFiles`` run writes (or, dry, would write)."""

    path: str  # relative to the root
    created: bool  # False: an existing file gets new content


class StagedFiles:
    """Many files written so that a run failing part-way changes none of them, without
    holding their contents in memory: ``stage`` compares each file's new content with
    what is on disk and writes a changed one beside it under a temporary name,
    ``commit`` renames them all into place, ``discard`` removes them and any folder it
    made. ``dry_run`` writes nothing and only records what would change.

    >>> import tempfile; root = Path(tempfile.mkdtemp())
    >>> files = StagedFiles(root)
    >>> files.stage("site/a.html", b"hi"), (root / "site" / "a.html").exists()
    (True, False)
    >>> files.commit(); (root / "site" / "a.html").read_bytes(), files.changes
    (b'hi', [StagedChange(path='site/a.html', created=True)])
    >>> again = StagedFiles(root); again.stage("site/a.html", b"hi"), again.changes
    (False, [])
    """

    def __init__(self, root: Path, *, dry_run: bool = False) -> None:
        self.root = root
        self.dry_run = dry_run
        self.changes: list[StagedChange] = []
        self.digests: dict[str, str] = {}  # every staged path -> hash of its new content
        # every staged path -> identity of the file as this run left it (the one it
        # wrote, or the one it read and found equal): what the cache may record
        self.identities: dict[str, Identity] = {}
        # files checked before they are replaced: path -> hash of the content the run
        # read (None: there was no file); one changed since is not replaced
        self._expected: dict[str, str | None] = {}
        self.conflicts: list[str] = []  # files left alone by commit: changed meanwhile
        self._pending: list[tuple[str, Path]] = []  # temporary file, final path
        self._made: list[Path] = []  # folders created, parents first
        self._present: set[Path] = set()  # folders known to exist
        self._writing: Path | None = None  # the file being staged now

    def stage(
        self, relative: str, data: bytes, *, verify: bool = False, read_digest: str | None = None
    ) -> bool:
        """Record ``data`` as the new content of ``relative`` (under the root); write it
        under a temporary name beside it when it differs from what the file holds.
        Whether it differs (the file changes on ``commit``). With ``verify``, ``commit``
        replaces the file only if it still hashes to ``read_digest`` (None: only if there
        is still no file), the content ``data`` was made from."""
        path = self.root / relative
        self.digests[relative] = hash_bytes(data)
        found = read_with_identity(path)
        current = None if found is None else found[0]
        if found is not None and current == data:
            self.identities[relative] = found[1]
            return False
        self.changes.append(StagedChange(path=relative, created=current is None))
        if verify:
            self._expected[relative] = read_digest
        if self.dry_run:
            return True
        if path.parent not in self._present:
            missing: list[Path] = []
            folder = path.parent
            while not folder.exists() and folder != folder.parent:
                missing.append(folder)
                folder = folder.parent
            try:
                for folder in reversed(missing):
                    # noted first: an interrupt right after mkdir must not leave it behind
                    self._made.append(folder)
                    folder.mkdir()
            except OSError as exc:
                self._made.pop()  # not made
                raise OutputError(f"cannot write: {exc.strerror}", path=relative) from exc
            self._present.add(path.parent)
        self._writing = path
        _, self.identities[relative] = _write_temp(
            path, data, origin=relative,
            created=lambda temp: self._pending.append((temp, path)))
        self._writing = None
        return True

    def commit(self, *, journal: Path | None = None) -> None:
        """Move every staged file into place. A file staged with ``verify`` that changed
        on disk since the run read it is left as it is (its temporary file removed) and
        listed in ``conflicts``. With ``journal``, the list of moves is written there
        first and removed once they are done: a run killed in between is finished by
        ``journal.recover`` (the outputs end all new, never half old, half new)."""
        pending, self._pending = self._pending, []
        if not pending:
            self._made.clear()
            return
        if journal is not None:
            moves: list[Move] = []
            for temp, path in pending:
                relative = str(path.relative_to(self.root))
                moves.append((relative, os.path.basename(temp), relative in self._expected,
                              self._expected.get(relative)))
            try:
                write_journal(journal, self.root, moves)
            except OSError as exc:
                self._pending = pending
                self.discard()
                raise OutputError(f"cannot write: {exc.strerror}",
                                  path=str(journal.relative_to(self.root))) from exc
        for number, (temp, path) in enumerate(pending):
            relative = str(path.relative_to(self.root))
            try:
                if relative in self._expected and not _holds(path, self._expected[relative]):
                    os.unlink(temp)
                    self._forget(relative)
                    continue
                os.replace(temp, path)
            except OSError as exc:
                self._pending = pending[number:]
                self.discard()
                if journal is not None:
                    with contextlib.suppress(OSError):
                        journal.unlink()
                raise OutputError(f"cannot write: {exc.strerror}", path=relative) from exc
        if journal is not None:
            with contextlib.suppress(FileNotFoundError):
                journal.unlink()
        self._made.clear()

    def _forget(self, relative: str) -> None:
        self.conflicts.append(relative)
        self.changes = [change for change in self.changes if change.path != relative]
        self.digests.pop(relative, None)
        self.identities.pop(relative, None)

    def discard(self) -> None:
        """Remove every staged file and the folders made for them (when left empty)."""
        for temp, _ in self._pending:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self._pending.clear()
        if self._writing is not None:
            # interrupted inside mkstemp, after the file was made but before its name
            # came back
            pattern = f"{_temp_prefix(self._writing)}*{_TEMP_SUFFIX}"
            for stray in self._writing.parent.glob(pattern):
                with contextlib.suppress(OSError):
                    stray.unlink()
            self._writing = None
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._made.clear()


def write_journal(path: Path, root: Path, moves: Sequence[Move]) -> None:
    """Record ``moves`` (see ``Move``; outputs relative to ``root``) durably in ``path``."""
    data = json.dumps({"format": JOURNAL_FORMAT, "moves": list(moves)},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.writing")
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def read_journal(path: Path) -> list[Move] | None:
    """The moves a journal lists; None when there is no journal, [] when it cannot be
    read (then its run's temporary files are debris).

    >>> import tempfile; path = Path(tempfile.mkdtemp()) / JOURNAL
    >>> read_journal(path) is None
    True
    >>> write_journal(path, path.parent, [("site/a.html", ".a.html.x1y2z3w4.tmp", False, None)])
    >>> read_journal(path)
    [('site/a.html', '.a.html.x1y2z3w4.tmp', False, None)]
    """
    try:
        data = json.loads(path.read_bytes())
        return [(str(a), str(b), bool(c), None if d is None else str(d))
                for a, b, c, d in data["moves"]]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return []


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
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=name) from exc
    temp_name, _ = _write_temp(path, data, origin=name)
    try:
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise OutputError(f"cannot write: {exc.strerror}", path=name) from exc


def _write_temp(
    path: Path, data: bytes, *, origin: str, created: Callable[[str], None] | None = None
) -> tuple[str, Identity]:
    """``data`` in a new temporary file beside ``path``, with the mode ``path`` has (or
    would get), fsynced when ``path`` exists; its name and identity (which a rename
    keeps). ``created(name)`` is told the name before anything is written, so a caller
    interrupted mid-write can remove it."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=_TEMP_SUFFIX,
                                         dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=origin) from exc
    if created is not None:
        created(temp_name)
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
            identity = identity_of(os.fstat(handle.fileno()))
    except BaseException as exc:  # an interrupt, too: no temporary file is left behind
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror}", path=origin) from exc
        raise
    return temp_name, identity


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


def read_with_identity(path: Path) -> tuple[bytes, Identity] | None:
    """The file's bytes and the identity of the very file they were read from (a rename
    over it meanwhile cannot pair one file's bytes with another's identity); None when
    there is no such file."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            return handle.read(), identity_of(stat)
    except FileNotFoundError:
        return None


def _holds(path: Path, digest: str | None) -> bool:
    """Whether ``path`` holds content hashing to ``digest`` (None: there is no file)."""
    data = read_bytes_if_exists(path)
    return (data is None) if digest is None else (data is not None and hash_bytes(data) == digest)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT for the block and deliver them after it: a cancelled run
    finishes moving its files into place and recording them first (a fraction of a
    second) instead of stopping half-way. Outside the main thread (where handlers cannot
    be changed) the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {
        signum: signal.signal(signum, lambda number, frame: caught.append(number))
        for signum in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:  # None: set outside Python; left as it is
                signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])
