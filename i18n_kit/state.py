"""The sync cache in .i18n-kit/state.json: what each source and output looked like last time.

A cache only: deleting it makes the next sync re-read everything and write nothing new.
File identity is (mtime_ns, size) first and a content hash second, as git's index does,
so an untouched project costs one stat per file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from i18n_kit import __version__
from i18n_kit.files import hash_bytes, write_file_atomic

STATE_FORMAT = 3  # 2: ArticleRecord.warnings; 3: no listing digests


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
    files: dict[str, list[object]] = field(default_factory=dict)  # path -> [mtime_ns, size, hash]
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
        if cached is not None and cached[0] == stat.st_mtime_ns and cached[1] == stat.st_size:
            return str(cached[2])
        with open(path, "rb") as handle:
            digest = hash_bytes(handle.read())
        self.files[relative] = [stat.st_mtime_ns, stat.st_size, digest]
        return digest

    def remember_file(self, root: Path, relative: str, digest: str) -> None:
        """Record a file whose content (just written or verified) hashes to ``digest``."""
        stat = os.stat(os.path.join(root, relative))
        self.files[relative] = [stat.st_mtime_ns, stat.st_size, digest]


def state_path(state_dir: Path) -> Path:
    return state_dir / "state.json"


def load_state(state_dir: Path) -> SyncState:
    """The cache, or an empty one when it is missing, unreadable or from another version."""
    try:
        data = json.loads(state_path(state_dir).read_text(encoding="utf-8"))
        if data.get("format") != STATE_FORMAT or data.get("toolkit") != __version__:
            return SyncState()
        return SyncState(
            global_digest=data["global_digest"],
            files={key: list(value) for key, value in data["files"].items()},
            articles={key: ArticleRecord(**value) for key, value in data["articles"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return SyncState()


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
