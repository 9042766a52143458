"""The embedded memory's storage: SQLite in .i18n-kit/memory.sqlite3, fuzzy index in tm-index/.

Both files are caches of the repository's PO and TMX files: a database that SQLite cannot
open (or of another schema) is deleted and recreated, and the next update re-reads every
file. WAL mode and a busy timeout let a sync and the preview share the file.

The fuzzy index of a language pair (``fuzzy.py``) is built on the first fuzzy lookup of
that pair, so a sync with nothing untranslated never pays for it, and saved under
``tm-index/<source>-<target>/`` with the database's identity, the pair's change counter
(``churn``: units added plus removed) and the highest unit id it covers. Units added
since are searched by brute force beside it and units removed since are skipped when
their text is looked up; once the churn since the build passes a tenth of the index
(at least ``REBUILD_CHURN``), the index is rebuilt.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from i18n_kit.errors import MemoryStoreError
from i18n_kit.translation.fuzzy import FuzzyIndex, FuzzyScorer, gram_size_for, score_texts
from i18n_kit.translation.memory_store import (
    BestTarget,
    FileRecord,
    FuzzyHits,
    MemoryUnit,
    Scored,
    normalize_text,
)

__all__ = ["SQLiteStorage"]

SCHEMA_VERSION = "1"
REBUILD_CHURN = 2000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    origin TEXT PRIMARY KEY, kind TEXT NOT NULL, mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, source_lang TEXT NOT NULL, target_lang TEXT NOT NULL,
    source_text TEXT NOT NULL, source_norm TEXT NOT NULL, target_text TEXT NOT NULL,
    origin TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS units_by_origin
    ON units (origin, source_lang, target_lang, source_norm);
CREATE INDEX IF NOT EXISTS units_by_source ON units (source_lang, target_lang, source_norm);
CREATE TABLE IF NOT EXISTS pairs (
    source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, churn INTEGER NOT NULL,
    PRIMARY KEY (source_lang, target_lang));
"""

_IN_CHUNK = 500  # texts per "source_norm IN (...)" query
_SPARE_MATCHES = 5  # fuzzy hits kept beyond the limit asked for
_SCORED_KEPT = 200_000  # fuzzy results remembered per index before the cache restarts


class SQLiteStorage:
    """The ``MemoryStorage`` in one SQLite file; see the module docstring.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> storage = SQLiteStorage(folder / "memory.sqlite3", index_dir=folder / "tm-index")
    >>> storage.records(), storage.unit_counts()
    ({}, {})
    >>> storage.close()
    """

    def __init__(self, path: Path, *, index_dir: Path) -> None:
        self.path = path
        self.index_dir = index_dir
        self._indexes: dict[tuple[str, str], tuple[FuzzyIndex, dict[str, str | int]]] = {}
        # (index fingerprint, threshold, kept) -> query -> [(score, indexed text)], best first
        self._scored: dict[tuple[str, float, int], dict[str, list[tuple[float, str]]]] = {}
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError:
            # A cache that cannot be read is rebuilt from the files it indexes.
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{path}{suffix}").unlink()
            self._db = self._connect()
        self._db_id = self._meta("db_id")

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except (OSError, sqlite3.OperationalError) as exc:
            raise MemoryStoreError(f"cannot open the translation memory: {exc}",
                                   path=self.path) from exc
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if version is None:
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                db.execute("INSERT OR IGNORE INTO meta VALUES ('db_id', ?)", (uuid.uuid4().hex,))
                db.execute("COMMIT")
            elif version[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError("another schema version")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _meta(self, key: str) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0])

    # ------------------------------------------------------------------ lookups

    def best_targets(
        self, norms: Iterable[str], source_lang: str, target_lang: str
    ) -> dict[str, BestTarget]:
        """The ``BestTarget`` of each normalised source, in a query per 500."""
        wanted = sorted(set(norms))
        best: dict[str, tuple[tuple[int, str, str], tuple[str, str, str]]] = {}
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            for norm, source, target, origin, uses in self._db.execute(
                "SELECT source_norm, min(source_text), target_text, min(origin), count(*) "
                "FROM units WHERE source_lang = ? AND target_lang = ? "
                f"AND source_norm IN ({marks}) GROUP BY source_norm, target_text",
                (source_lang, target_lang, *chunk),
            ):
                rank = (-uses, origin, target)
                held = best.get(norm)
                if held is None or rank < held[0]:
                    best[norm] = (rank, (source, target, origin))
        return {norm: best[norm][1] if norm in best else None for norm in wanted}

    def fuzzy_hits(
        self, queries: Sequence[str], source_lang: str, target_lang: str, *,
        threshold: float, limit: int,
    ) -> FuzzyHits:
        """The pair's index searched once for all ``queries`` (``FuzzyIndex.search_many``),
        the units added since it was built scored beside it; a language pair whose index
        holds the same texts as one already searched (English to Russian and to Chinese,
        usually) reuses its scores."""
        index, covered = self._index_for(source_lang, target_lang)
        # The best few of each query are kept (a few more than asked, for units removed
        # since the index was built); a query that runs out is searched again in full.
        kept = limit + _SPARE_MATCHES
        scored_by_index = self._scored.setdefault((index.fingerprint, threshold, kept), {})
        todo = [query for query in queries if query not in scored_by_index]
        if len(scored_by_index) + len(todo) > _SCORED_KEPT:
            scored_by_index.clear()
            todo = list(queries)
        for query, found in zip(
            todo, index.search_many(todo, threshold=threshold, limit=kept), strict=True
        ):
            scored_by_index[query] = [(score, index.texts[i]) for score, i in found]
        newer = [row[0] for row in self._db.execute(
            # unary + keeps SQLite on the id range instead of scanning the pair's index
            "SELECT DISTINCT source_norm FROM units WHERE id > ? AND +source_lang = ? "
            "AND +target_lang = ?", (covered, source_lang, target_lang))]
        ranked = {query: _with_newer(query, scored_by_index[query], newer, threshold)
                  for query in queries}
        cut = {query: scored_by_index[query][-1] for query in queries
               if len(scored_by_index[query]) == kept}

        def more(query: str) -> Scored:
            everything = [(score, index.texts[i]) for score, i in
                          index.search_many([query], threshold=threshold)[0]]
            return _with_newer(query, everything, newer, threshold)

        return FuzzyHits(ranked, cut, more)

    def fuzzy_scorer(self, source_lang: str, target_lang: str, *, threshold: float,
                     limit: int) -> FuzzyScorer | None:
        """The pair's index (built now if need be), for forked workers to score their
        queries ahead of `fuzzy_hits` with the same ``threshold`` and ``limit``."""
        index, _ = self._index_for(source_lang, target_lang)
        kept = limit + _SPARE_MATCHES
        known = self._scored.setdefault((index.fingerprint, threshold, kept), {})
        return FuzzyScorer(index, threshold=threshold, limit=kept, known=known)

    def add_scored(self, key: tuple[str, float, int],
                   scored: Mapping[str, Sequence[tuple[float, int]]]) -> None:
        """Answers a `fuzzy_scorer` made (``key``: its own), as if `fuzzy_hits` had."""
        for index, _ in self._indexes.values():
            if (index.fingerprint, *key[1:]) == key:
                break
        else:
            return  # that index was replaced since: its answers are not this one's
        scored_by_index = self._scored.setdefault(key, {})
        if len(scored_by_index) + len(scored) > _SCORED_KEPT:
            scored_by_index.clear()
        texts = index.texts
        for query, found in scored.items():
            scored_by_index[query] = [(score, texts[i]) for score, i in found]

    def _index_for(self, source_lang: str, target_lang: str) -> tuple[FuzzyIndex, int]:
        """The pair's index (from memory, disk or built now) and the last unit id it covers."""
        pair = (source_lang, target_lang)
        row = self._db.execute(
            "SELECT churn FROM pairs WHERE source_lang = ? AND target_lang = ?", pair
        ).fetchone()
        churn = 0 if row is None else int(row[0])
        folder = self.index_dir / f"{source_lang}-{target_lang}"
        cached = self._indexes.get(pair)
        if cached is None:
            cached = FuzzyIndex.load(folder)
            if cached is not None and (cached[1].get("db_id"), cached[1].get("pair")) != (
                self._db_id, f"{source_lang} {target_lang}"
            ):
                cached = None
        if cached is not None:
            index, meta = cached
            allowed = max(REBUILD_CHURN, len(index.texts) // 10)
            if 0 <= churn - int(meta["churn"]) <= allowed:
                self._indexes[pair] = cached
                return index, int(meta["covered"])
        self._db.execute("BEGIN")
        try:
            texts = [r[0] for r in self._db.execute(
                "SELECT DISTINCT source_norm FROM units WHERE source_lang = ? "
                "AND target_lang = ? ORDER BY source_norm", pair)]
            covered = int(self._db.execute("SELECT coalesce(max(id), 0) FROM units")
                          .fetchone()[0])
        finally:
            self._db.execute("COMMIT")
        index = FuzzyIndex.build(texts, gram_size=gram_size_for(source_lang))
        built: dict[str, str | int] = {"db_id": self._db_id,
                                       "pair": f"{source_lang} {target_lang}",
                                       "churn": churn, "covered": covered}
        index.save(folder, meta=built)
        self._indexes[pair] = (index, built)
        return index, covered

    # ------------------------------------------------------------------ updates

    def records(self) -> dict[str, FileRecord]:
        return {
            row[0]: FileRecord.from_row(row[1], row[2], row[3], row[4])
            for row in self._db.execute("SELECT origin, kind, mtime_ns, size, hash FROM files")
        }

    def transaction(self, origins: Sequence[str]) -> AbstractContextManager[_Writer]:
        """``BEGIN IMMEDIATE`` (SQLite's one writer at a time) ... ``COMMIT``, with the
        churn of each language pair the writes changed added up in ``pairs``."""
        return self._transaction()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[_Writer]:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            writer = _Writer(db)
            yield writer
            for (source_lang, target_lang), count in sorted(writer.churn.items()):
                db.execute(
                    "INSERT INTO pairs VALUES (?, ?, ?) ON CONFLICT DO UPDATE "
                    "SET churn = churn + excluded.churn", (source_lang, target_lang, count))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ reading out

    def units(self, source_lang: str | None, target_lang: str | None) -> Iterator[MemoryUnit]:
        rows = self._db.execute(
            "SELECT source_lang, target_lang, source_text, target_text, origin FROM units "
            "WHERE (:source IS NULL OR source_lang = :source) "
            "AND (:target IS NULL OR target_lang = :target) "
            "ORDER BY source_lang, target_lang, source_norm, origin",
            {"source": source_lang, "target": target_lang})
        for row in rows:
            yield MemoryUnit(source_lang=row[0], target_lang=row[1], source_text=row[2],
                             target_text=row[3], origin=row[4])

    def unit_counts(self) -> dict[tuple[str, str], int]:
        return {(row[0], row[1]): int(row[2]) for row in self._db.execute(
            "SELECT source_lang, target_lang, count(*) FROM units GROUP BY 1, 2 ORDER BY 1, 2")}

    def file_counts(self) -> dict[str, int]:
        return {str(row[0]): int(row[1]) for row in self._db.execute(
            "SELECT kind, count(*) FROM files GROUP BY 1 ORDER BY 1")}

    def close(self) -> None:
        """Close the database (the object is unusable afterwards)."""
        self._indexes.clear()
        self._scored.clear()
        self._db.close()


class _Writer:
    """The writes of one SQLite transaction, counting the churn of each language pair
    (units removed plus units written) for the fuzzy index."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.churn: dict[tuple[str, str], int] = {}

    def delete_units(self, origin: str) -> int:
        removed = 0
        for source_lang, target_lang, count in self._db.execute(
            "SELECT source_lang, target_lang, count(*) FROM units WHERE origin = ? "
            "GROUP BY 1, 2", (origin,)).fetchall():
            self.churn[(source_lang, target_lang)] = self.churn.get(
                (source_lang, target_lang), 0) + count
            removed += count
        self._db.execute("DELETE FROM units WHERE origin = ?", (origin,))
        return removed

    def delete_file(self, origin: str) -> None:
        self._db.execute("DELETE FROM files WHERE origin = ?", (origin,))

    def put_file(self, origin: str, record: FileRecord) -> None:
        self._db.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?) ON CONFLICT (origin) DO UPDATE "
            "SET kind = excluded.kind, mtime_ns = excluded.mtime_ns, "
            "size = excluded.size, hash = excluded.hash",
            (origin, str(record.kind), record.mtime_ns, record.size, record.hash))

    def put_units(self, units: Sequence[MemoryUnit]) -> None:
        self._db.executemany(
            "INSERT INTO units (source_lang, target_lang, source_text, source_norm, target_text,"
            " origin) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin, source_lang, target_lang,"
            " source_norm) DO UPDATE SET source_text = excluded.source_text,"
            " target_text = excluded.target_text",
            [(u.source_lang, u.target_lang, u.source_text, normalize_text(u.source_text),
              u.target_text, u.origin) for u in units])
        for unit in units:
            pair = (unit.source_lang, unit.target_lang)
            self.churn[pair] = self.churn.get(pair, 0) + 1


def _with_newer(
    query: str, indexed: Sequence[tuple[float, str]], newer: Sequence[str], threshold: float
) -> Scored:
    """The index's hits of ``query`` and those among the units added since it was built,
    best first (then by text)."""
    if not newer:
        return indexed
    scored = list(indexed)
    scored += [(score, newer[i]) for score, i in score_texts(query, newer, threshold=threshold)]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return scored
