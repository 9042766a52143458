"""The sync cache in .i18n-kit/state.json: what each source and output looked like last time.

A cache only: deleting it makes the next sync re-read everything and write nothing new.
File identity is (mtime_ns, size, inode) first and a content hash second, as git's index
does, so an untouched project costs one stat per file. Only what a run read or wrote is
recorded, with the identity of that very file (taken from the open file, or from the
temporary file before it was renamed into place): a save that lands after it, even in
the same clock tick, is a new identity and is read again.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from i18n_kit import __version__
from i18n_kit.files import Identity, hash_bytes, identity_of, write_file_atomic

STATE_FORMAT = 4  # 2: ArticleRecord.warnings; 3: no listing digests; 4: files carry the inode


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
        inline, as a no-change sync asks it for every output of the archive."""
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
    return state_dir / "state.json"


def load_state(state_dir: Path) -> SyncState:
    """The cache, or an empty one when it is missing, unreadable or from another version."""
    # A million objects at 10,000 articles, none of them garbage: the collector's passes
    # over them while they are made cost more than the parsing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = json.loads(state_path(state_dir).read_text(encoding="utf-8"))
        if data.get("format") != STATE_FORMAT or data.get("toolkit") != __version__:
            return SyncState()
        return SyncState(
            global_digest=data["global_digest"],
            files=data["files"],
            articles={key: ArticleRecord(**value) for key, value in data["articles"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return SyncState()
    finally:
        if collecting:
            gc.enable()


def save_state(state_dir: Path, state: SyncState) -> None:
    """Write the cache atomically (skipped when it would not change)."""
    data = {
        "format": STATE_FORMAT,
        "toolkit": __version__,
        "global_digest": state.global_digest,
        "files": dict(sorted(state.files.items())),
        "articles": {
            key: {
                "source_hash": record.source_hash,
                "slug": record.slug,
                "lang": record.lang,
                "date": record.date,
                "titles": record.titles,
                "outputs": record.outputs,
                "warnings": record.warnings,
            }
            for key, record in sorted(state.articles.items())
        },
    }
    # Compact: only then does json use its C encoder (indent= falls back to Python, which
    # cost a no-change sync of 1,000 articles over 0.1 s).
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = state_path(state_dir)
    try:
        if path.read_bytes() == encoded:
            return
    except OSError:
        pass
    write_file_atomic(path, encoded)
    gitignore = state_dir / ".gitignore"
    if not gitignore.exists():
        write_file_atomic(gitignore, b"*\n")
