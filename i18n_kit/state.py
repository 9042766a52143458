"""The sync cache in .i18n-kit/state.sqlite3: what each source and output looked like last time.

A cache only: deleting it makes the next sync re-read everything and write nothing new.
An SQLite file of one row per file and per article, so that a run saves only the rows it
changed, in one transaction: rewriting the whole cache (16 MB of JSON at 10,000 articles)
was a sixth of an incremental sync of such an archive.
File identity is (mtime_ns, size, inode) first and a content hash second, as git's index
does, so an untouched project costs one stat per file; what the cache knows is keyed by
the hash, so a file whose stat changed but whose bytes did not (a fresh clone with this
cache restored, on any machine and path: nothing here is an absolute path) is hashed
once and not read again. Only what a run read or wrote is
recorded, with the identity of that very file (taken from the open file, or from the
temporary file before it was renamed into place): a save that lands after it, even in
the same clock tick, is a new identity and is read again.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from i18n_kit import __version__
from i18n_kit.errors import OutputError
from i18n_kit.files import Identity, hash_bytes, identity_of, write_file_atomic

# 2: ArticleRecord.warnings; 3: no listing digests; 4: files carry the inode; 5: SQLite
STATE_FORMAT = 5
STATE_NAME = "state.sqlite3"
_OLD_NAME = "state.json"  # formats 1 to 4: removed by the first save of format 5
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, "
    "size INTEGER NOT NULL, hash TEXT NOT NULL, inode INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS articles (source TEXT PRIMARY KEY, source_hash TEXT NOT NULL, "
    "slug TEXT NOT NULL, lang TEXT NOT NULL, date TEXT NOT NULL, titles TEXT NOT NULL, "
    "outputs TEXT NOT NULL, warnings TEXT NOT NULL) WITHOUT ROWID",
)


@dataclass(slots=True, kw_only=True)
class ArticleRecord:
    """What the last sync learnt from one source file."""

    source_hash: str
    slug: str
    lang: str
    date: str  # ISO date or ""
    titles: dict[str, list[str]]  # locale -> [title, language of the title]
    outputs: list[str]  # project-relative paths written for this article
    # what the reader warned about (sources/unseen.py), repeated by every sync until fixed
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class SyncState:
    """Loaded state; mutated by a sync and saved at its end."""

    global_digest: str = ""
    # path -> [mtime_ns, size, hash, inode]
    files: dict[str, list[object]] = field(default_factory=dict)
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    # What the file on disk holds (`save_state` writes the difference): the rows as loaded
    # or last saved. A changed row is a new object (`remember`, a new ArticleRecord).
    stored_files: dict[str, list[object]] = field(default_factory=dict)
    stored_articles: dict[str, ArticleRecord] = field(default_factory=dict)
    stored_digest: str | None = None  # None: the file holds nothing of this state

    def file_hash(self, root: Path, relative: str) -> str | None:
        """Content hash of a project file, from the stat cache when the file is untouched;
        None when the file does not exist."""
        # os.path, not pathlib: a no-change sync asks this for every source and output.
        path = os.path.join(root, relative)
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            self.files.pop(relative, None)
            return None
        cached = self.files.get(relative)
        if (cached is not None and cached[0] == stat.st_mtime_ns
                and cached[1] == stat.st_size and cached[3] == stat.st_ino):
            return str(cached[2])
        try:
            with open(path, "rb") as handle:
                # the identity of the file read, not of whatever the name points at later
                opened = os.fstat(handle.fileno())
                digest = hash_bytes(handle.read())
        except FileNotFoundError:
            self.files.pop(relative, None)
            return None
        self.remember(relative, identity_of(opened), digest)
        return digest

    def unchanged(self, root: Path, relatives: Iterable[str]) -> bool:
        """Whether every file of ``relatives`` is as this cache last saw it (a file the
        cache does not know is not): `file_hash` for many files with the stat comparison
        inline, as a no-change sync asks it for every output of the archive.

        Every file is stat'ed, pages included: a page deleted and restored from a backup
        can be given the inode of the page sync wrote, so a folder listing's inodes alone
        (no stat) would miss it.
        """
        files, stat, prefix = self.files, os.stat, os.path.join(root, "")
        for relative in relatives:
            cached = files.get(relative)
            if cached is None:
                return False
            try:
                found = stat(prefix + relative)
            except FileNotFoundError:
                del files[relative]
                return False
            if ((cached[0] != found.st_mtime_ns or cached[1] != found.st_size
                    or cached[3] != found.st_ino)
                    and self.file_hash(root, relative) != cached[2]):
                return False
        return True

    def seen(self, relative: str) -> tuple[int, int, str] | None:
        """(mtime_ns, size, content hash) of a file as the cache knows it, or None."""
        cached = self.files.get(relative)
        if cached is None:
            return None
        mtime_ns, size, digest, _ = cached
        return cast(int, mtime_ns), cast(int, size), cast(str, digest)

    def remember(self, relative: str, identity: Identity, digest: str) -> None:
        """Record a file this run read or wrote: its identity then, and its content hash."""
        mtime_ns, size, inode = identity
        self.files[relative] = [mtime_ns, size, digest, inode]

    def forget(self, relative: str) -> None:
        """Drop what is known of a file (the next run reads it again)."""
        self.files.pop(relative, None)


@contextmanager
def held_from_collector() -> Iterator[None]:
    """Every object alive now (the loaded cache above all: a million objects at 10,000
    articles) left out of the cyclic garbage collector's passes until the block ends.

    None of them is cyclic garbage, and a sync makes enough objects to set off many full
    passes, each walking them all again: at 10,000 articles that was a quarter of an
    incremental sync. Reference counting still frees them as usual, and after the block
    the collector sees them again (a long-running preview leaks nothing). A process that
    froze objects itself keeps them as it froze them.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def state_path(state_dir: Path) -> Path:
    return state_dir / STATE_NAME


def load_state(state_dir: Path) -> SyncState:
    """The cache, or an empty one when it is missing, unreadable or from another version."""
    path = state_path(state_dir)
    if not path.is_file():
        return SyncState()
    # A million objects at 10,000 articles, none of them garbage: the collector's passes
    # over them while they are made cost more than the reading.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with contextlib.closing(_connect(path, read_only=True)) as db:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != str(STATE_FORMAT) or meta.get("toolkit") != __version__:
                return SyncState()
            files: dict[str, list[object]] = {
                path: [mtime_ns, size, digest, inode] for path, mtime_ns, size, digest, inode
                in db.execute("SELECT path, mtime_ns, size, hash, inode FROM files")
            }
            articles = {
                source: ArticleRecord(
                    source_hash=source_hash, slug=slug, lang=lang, date=date,
                    # paths hold no line break (sync.plan._check_file_name, config paths)
                    titles=json.loads(titles), outputs=outputs.split("\n") if outputs else [],
                    warnings=json.loads(warnings) if warnings != "[]" else [],
                )
                for source, source_hash, slug, lang, date, titles, outputs, warnings
                in db.execute("SELECT source, source_hash, slug, lang, date, titles, outputs, "
                              "warnings FROM articles")
            }
    except (sqlite3.Error, ValueError, TypeError):
        return SyncState()
    finally:
        if collecting:
            gc.enable()
    digest = meta.get("global_digest", "")
    return SyncState(global_digest=digest, files=files, articles=articles,
                     stored_files=dict(files), stored_articles=dict(articles),
                     stored_digest=digest)


def save_state(state_dir: Path, state: SyncState) -> None:
    """Write what changed in the cache since it was loaded (or last saved), in one
    transaction; nothing when nothing did."""
    stored = state.stored_digest is not None
    known_files, known_articles = state.stored_files, state.stored_articles
    files = [(path, *row) for path, row in state.files.items()
             if known_files.get(path) is not row]
    gone_files = [(path,) for path in known_files.keys() - state.files.keys()]
    articles = [(source, record) for source, record in state.articles.items()
                if known_articles.get(source) is not record]
    gone_articles = [(source,) for source in known_articles.keys() - state.articles.keys()]
    if stored and state.global_digest == state.stored_digest and not (
            files or gone_files or articles or gone_articles):
        return
    path = state_path(state_dir)
    try:
        try:
            _write(path, state, stored=stored, files=files, gone_files=gone_files,
                   articles=articles, gone_articles=gone_articles)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):
                raise  # locked, full, read-only: not the file's fault
            # not a database (a damaged cache): it is only a cache, so start it again
            path.unlink(missing_ok=True)
            _write(path, state, stored=False,
                   files=[(p, *row) for p, row in state.files.items()], gone_files=[],
                   articles=list(state.articles.items()), gone_articles=[])
    except sqlite3.Error as exc:
        # The outputs are in place already; a cache left as it was costs the next run
        # a re-read of what changed, never a wrong result.
        raise OutputError(f"cannot save the sync cache: {exc}",
                          path=f"{state_dir.name}/{STATE_NAME}") from exc
    state.stored_files, state.stored_articles = dict(state.files), dict(state.articles)
    state.stored_digest = state.global_digest
    (state_dir / _OLD_NAME).unlink(missing_ok=True)
    gitignore = state_dir / ".gitignore"
    if not gitignore.exists():
        write_file_atomic(gitignore, b"*\n")


def _write(
    path: Path,
    state: SyncState,
    *,
    stored: bool,
    files: list[tuple[object, ...]],
    gone_files: list[tuple[str]],
    articles: list[tuple[str, ArticleRecord]],
    gone_articles: list[tuple[str]],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(_connect(path, read_only=False)) as db:
        with db:  # one transaction: a killed run leaves the cache as it was
            for statement in _SCHEMA:
                db.execute(statement)
            if not stored:  # another version's rows, or none: every row is written
                for table in ("meta", "files", "articles"):
                    db.execute(f"DELETE FROM {table}")
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
                ("format", str(STATE_FORMAT)), ("toolkit", __version__),
                ("global_digest", state.global_digest)])
            db.executemany("DELETE FROM files WHERE path = ?", gone_files)
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", files)
            db.executemany("DELETE FROM articles WHERE source = ?", gone_articles)
            db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                (source, record.source_hash, record.slug, record.lang, record.date,
                 json.dumps(record.titles, ensure_ascii=False), "\n".join(record.outputs),
                 json.dumps(record.warnings, ensure_ascii=False))
                for source, record in articles])


#: seconds a connection waits for another to finish with the file (a --check reading it)
BUSY_TIMEOUT = 30.0


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        # never creates the file (a --check run writes nothing)
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT)
