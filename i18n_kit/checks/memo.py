"""What a project-level check took from one file, kept by the file's content.

The runner's result cache (results.py, ``.i18n-kit/results.sqlite3``) holds it under a
key made of the run's salt (toolkit, configuration, checks on, glossaries and word
lists), the check's kind, the file's project-relative name and its content digest: a
file whose bytes are as when it was read is not read again, in any clone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from i18n_kit.results import ResultCache, digest_of


class FileMemo:
    """``recall`` what was kept of a file, ``keep`` what was found; without a cache,
    nothing is recalled and nothing kept.

    >>> memo = FileMemo(None, Path("."), "")
    >>> memo.recall("proofread", "content/a.md")
    (None, None)
    """

    __slots__ = ("results", "root", "salt")

    def __init__(self, results: ResultCache | None, root: Path, salt: str) -> None:
        self.results = results
        self.root = root
        self.salt = salt

    def recall(self, kind: str, relative: str) -> tuple[str | None, Any]:
        """The key to keep under and what was kept (None: nothing, or no cache)."""
        if self.results is None:
            return None, None
        digest = self.results.file_digest(self.root, relative)
        if digest is None:
            return None, None
        key = digest_of(self.salt, kind, relative, digest)
        known = self.results.get(key)
        return key, None if known is None else json.loads(known)

    def keep(self, key: str | None, value: Any) -> None:
        if key is not None and self.results is not None:
            self.results.put(key, json.dumps(value, ensure_ascii=False))
