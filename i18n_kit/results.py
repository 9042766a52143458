"""What `check` and `stats` found in each file, kept by content in .i18n-kit/results.sqlite3.

A cache only, like state.py's: deleting it costs one full run. A result is stored under a
key made from the content digest of the file it is about and of everything else that
shaped it (the toolkit's code, the project's configuration, the glossaries), never from
a path's stat: so a `.i18n-kit/` restored into a fresh clone (another path, new mtimes
and inodes, as on a CI runner) answers for every file whose bytes are the same, and a
run checks only what changed. Stat is a shortcut to a file's digest only: a file whose
(mtime_ns, size, inode) is as recorded is not read to be hashed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from i18n_kit import __version__
from i18n_kit.files import hash_bytes

RESULTS_NAME = "results.sqlite3"
_FORMAT = "1"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, "
    "size INTEGER NOT NULL, inode INTEGER NOT NULL, hash TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS results (kind TEXT NOT NULL, key TEXT NOT NULL, "
    "value TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID",
)
_TOP = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def toolkit_digest() -> str:
    """The digest of the toolkit's own code (a new rule in a check changes every result),
    by names relative to the package, so the same on every machine."""
    parts = [__version__.encode()]
    for path in sorted(_TOP.rglob("*.py")):
        parts += [path.relative_to(_TOP).as_posix().encode(), path.read_bytes()]
    return hash_bytes(b"\0".join(parts))


def digest_of(*parts: str) -> str:
    """One key from several strings.

    >>> digest_of("a", "b") != digest_of("ab")
    True
    """
    return hash_bytes("\0".join(parts).encode("utf-8", "surrogateescape"))


class ResultCache:
    """Results of one kind (``"check"``, ``"stats"``) by key, and file digests by stat.

    Opened on a missing, damaged or other-version file it is empty; `save` writes what
    this run used (results no file of the project has any more are dropped) and never
    fails a run: a cache that cannot be written costs the next run time, not a result.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> cache = ResultCache(folder / ".i18n-kit", "stats")
    >>> cache.get("k") is None
    True
    >>> cache.put("k", "[1, 2]"); cache.save()
    >>> ResultCache(folder / ".i18n-kit", "stats").get("k")
    '[1, 2]'
    """

    def __init__(self, state_dir: Path, kind: str) -> None:
        self.path = state_dir / RESULTS_NAME
        self.kind = kind
        self._files: dict[str, tuple[int, int, int, str]] = {}
        self._stored: dict[str, str] = {}
        self._used: dict[str, str] = {}
        self._seen: dict[str, tuple[int, int, int, str]] = {}
        if not self.path.is_file():
            return
        try:
            with contextlib.closing(sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)) as db:
                meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
                if meta.get("format") != _FORMAT:
                    return
                self._files = {path: (mtime_ns, size, inode, digest) for
                               path, mtime_ns, size, inode, digest in
                               db.execute("SELECT path, mtime_ns, size, inode, hash FROM files")}
                self._stored = dict(db.execute(
                    "SELECT key, value FROM results WHERE kind = ?", (kind,)).fetchall())
        except sqlite3.Error:
            self._files, self._stored = {}, {}

    def file_digest(self, root: Path, relative: str) -> str | None:
        """The content digest of a project file (None: it does not exist), hashed only
        when its stat is not the one recorded with the digest."""
        path = os.path.join(root, relative)
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return None
        known = self._files.get(relative)
        if known is not None and known[:3] == (stat.st_mtime_ns, stat.st_size, stat.st_ino):
            self._seen[relative] = known
            return known[3]
        try:
            with open(path, "rb") as handle:
                opened = os.fstat(handle.fileno())
                digest = hash_bytes(handle.read())
        except FileNotFoundError:
            return None
        self._seen[relative] = (opened.st_mtime_ns, opened.st_size, opened.st_ino, digest)
        return digest

    def get(self, key: str) -> str | None:
        value = self._stored.get(key)
        if value is not None:
            self._used[key] = value
        return value

    def put(self, key: str, value: str) -> None:
        self._used[key] = value

    def save(self) -> None:
        """Keep this run's results (and the file digests it took); drop the kind's others."""
        files = {**self._files, **self._seen}
        if self._used == self._stored and files == self._files:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_bytes(b"*\n")
            with contextlib.closing(sqlite3.connect(self.path, timeout=5)) as db, db:
                for statement in _SCHEMA:
                    db.execute(statement)
                stored = dict(db.execute("SELECT key, value FROM meta").fetchall())
                if stored.get("format") != _FORMAT:
                    for table in ("meta", "files", "results"):
                        db.execute(f"DELETE FROM {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (_FORMAT,))
                db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                               [(path, *row) for path, row in self._seen.items()
                                if self._files.get(path) != row])
                db.executemany("DELETE FROM results WHERE kind = ? AND key = ?",
                               [(self.kind, key) for key in self._stored.keys()
                                - self._used.keys()])
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                               [(self.kind, key, value) for key, value in self._used.items()
                                if self._stored.get(key) != value])
        except (OSError, sqlite3.Error):
            return  # only a cache: the next run computes again what was not kept
        self._files, self._stored = files, dict(self._used)


def inputs_digest(files: Iterable[Path], root: Path) -> str:
    """The digest of the contents of ``files`` (missing ones count as empty), each named
    relative to ``root`` when it is inside it."""
    parts: list[bytes] = []
    for path in files:
        try:
            name = path.relative_to(root).as_posix()
        except ValueError:
            name = path.name
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        parts += [name.encode("utf-8", "surrogateescape"), data]
    return hash_bytes(b"\0".join(parts))
