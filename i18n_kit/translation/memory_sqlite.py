"""The embedded translation memory: SQLite in .i18n-kit/memory.sqlite3, fuzzy index in tm-index/.

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
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from i18n_kit.errors import MemoryStoreError
from i18n_kit.translation.fuzzy import FuzzyIndex, gram_size_for, score_texts
from i18n_kit.translation.memory import (
    DEFAULT_THRESHOLD,
    BestTarget,
    FileChange,
    FileRecord,
    MemoryMatch,
    MemoryStats,
    MemoryUnit,
    Seen,
    UpdateReport,
    exact_matches,
    normalize_text,
    pick_matches,
    plan_catalog_update,
    summarize_update,
    unique_units,
    written_changes,
)
from i18n_kit.translation.tmx import plan_tmx_import

__all__ = ["SQLiteMemory"]

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


class SQLiteMemory:
    """The ``TranslationMemory`` in one SQLite file; see the module docstring.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> memory = SQLiteMemory(folder / "memory.sqlite3", index_dir=folder / "tm-index")
    >>> memory.add(MemoryUnit(source_lang="en", target_lang="ru", source_text="SCO",
    ...                       target_text="ШОС", origin="a.po"))
    >>> memory.lookup_exact("SCO", source_lang="en", target_lang="ru").target_text
    'ШОС'
    >>> memory.close()
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

    def lookup_exact(
        self, source_text: str, *, source_lang: str, target_lang: str
    ) -> MemoryMatch | None:
        """The translation of a source equal to ``source_text`` after whitespace normalisation."""
        return self.lookup_exact_many(
            [source_text], source_lang=source_lang, target_lang=target_lang
        ).get(source_text)

    def lookup_exact_many(
        self, texts: Iterable[str], *, source_lang: str, target_lang: str
    ) -> dict[str, MemoryMatch]:
        """``lookup_exact`` of each of ``texts`` (the keys), in a query per 500 texts."""
        queries = {text: normalize_text(text) for text in texts}
        return exact_matches(queries, self._best_targets(queries.values(), source_lang,
                                                         target_lang))

    def lookup_fuzzy(
        self,
        source_text: str,
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 3,
    ) -> list[MemoryMatch]:
        """Up to ``limit`` matches scoring at least ``threshold``, best first."""
        return self.lookup_fuzzy_many(
            [source_text], source_lang=source_lang, target_lang=target_lang,
            threshold=threshold, limit=limit,
        )[source_text]

    def lookup_fuzzy_many(
        self,
        texts: Iterable[str],
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 3,
    ) -> dict[str, list[MemoryMatch]]:
        """``lookup_fuzzy`` of each of ``texts`` (the keys), the index searched once for all
        (``FuzzyIndex.search_many``); a language pair whose index holds the same texts as
        one already searched (English to Russian and to Chinese, usually) reuses its scores."""
        queries = {text: normalize_text(text) for text in texts}
        distinct = sorted({query for query in queries.values() if query})
        if limit <= 0 or not distinct:
            return {text: [] for text in queries}
        index, covered = self._index_for(source_lang, target_lang)
        # The best few of each query are kept (a few more than asked, for units removed
        # since the index was built); a query that runs out is searched again in full.
        kept = limit + _SPARE_MATCHES
        scored_by_index = self._scored.setdefault((index.fingerprint, threshold, kept), {})
        todo = [query for query in distinct if query not in scored_by_index]
        if len(scored_by_index) + len(todo) > _SCORED_KEPT:
            scored_by_index.clear()
            todo = distinct
        for query, found in zip(
            todo, index.search_many(todo, threshold=threshold, limit=kept), strict=True
        ):
            scored_by_index[query] = [(score, index.texts[i]) for score, i in found]
        newer = [row[0] for row in self._db.execute(
            # unary + keeps SQLite on the id range instead of scanning the pair's index
            "SELECT DISTINCT source_norm FROM units WHERE id > ? AND +source_lang = ? "
            "AND +target_lang = ?", (covered, source_lang, target_lang))]
        targets = self._best_targets(
            {text for query in distinct for _, text in scored_by_index[query][:limit]},
            source_lang, target_lang,
        )
        matches: dict[str, list[MemoryMatch]] = {}
        for query in distinct:
            indexed = scored_by_index[query]
            chosen = self._resolve(query, indexed, newer, targets, source_lang, target_lang,
                                   threshold=threshold, limit=limit)
            if len(chosen) < limit and len(indexed) == kept:
                everything = [(score, index.texts[i]) for score, i in
                              index.search_many([query], threshold=threshold)[0]]
                chosen = self._resolve(query, everything, newer, targets, source_lang,
                                       target_lang, threshold=threshold, limit=limit)
            matches[query] = chosen
        return {text: matches.get(query, []) for text, query in queries.items()}

    def _resolve(
        self,
        query: str,
        indexed: Sequence[tuple[float, str]],
        newer: Sequence[str],
        targets: dict[str, BestTarget],
        source_lang: str,
        target_lang: str,
        *,
        threshold: float,
        limit: int,
    ) -> list[MemoryMatch]:
        """The best ``limit`` matches of ``query`` among the index's hits and the units
        added since it was built, skipping texts no longer in the memory."""
        scored = list(indexed)
        if newer:
            scored += [(score, newer[i]) for score, i in
                       score_texts(query, newer, threshold=threshold)]
            scored.sort(key=lambda item: (-item[0], item[1]))
        return pick_matches(
            query, scored, targets,
            lambda sources: self._best_targets(sources, source_lang, target_lang), limit=limit)

    def _best_targets(
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

    def update_from_catalogs(
        self, catalogs: Iterable[tuple[str, Path | str, str, str]], *, seen: Seen | None = None
    ) -> UpdateReport:
        """Index the approved entries of ``catalogs`` (origin, path, source_lang, target_lang),
        the complete list: only changed files are read, unlisted ones forgotten (``seen``:
        see `plan_catalog_update`)."""
        changes, checked = plan_catalog_update(catalogs, self._records(), seen)
        removed = self._apply(changes)
        return summarize_update(changes, checked, removed)

    def import_tmx(self, path: Path, *, origin: str, locales: Sequence[str] | None = None) -> int:
        """Index a TMX file; the number of units read (0 when it is unchanged)."""
        change = plan_tmx_import(path, origin=origin, locales=locales,
                                 known=self._records().get(origin))
        if change is None:
            return 0
        self._apply([change])
        return len(change.units or ())

    def record_catalogs(self, catalogs: Iterable[tuple[str, Path, Sequence[MemoryUnit]]]) -> None:
        """Index catalogs just written, from the units their writer has (hashed, not
        parsed): the next ``update_from_catalogs`` finds them up to date."""
        self._apply(written_changes(catalogs))

    def add(self, unit: MemoryUnit) -> None:
        """Index one translation (a saved edit), replacing that origin's translation of it."""
        self._apply([], extra=[unit])

    def forget(self, origin: str) -> int:
        """Remove a file's units and record; the number of units removed."""
        return self._apply([FileChange(origin=origin, record=None, units=None)])

    def _records(self) -> dict[str, FileRecord]:
        return {
            row[0]: FileRecord.from_row(row[1], row[2], row[3], row[4])
            for row in self._db.execute("SELECT origin, kind, mtime_ns, size, hash FROM files")
        }

    def _apply(self, changes: Sequence[FileChange], *, extra: Sequence[MemoryUnit] = ()) -> int:
        """Apply ``changes`` (and upsert ``extra``) in one transaction; units removed."""
        if not changes and not extra:
            return 0
        churn: dict[tuple[str, str], int] = {}
        removed = 0
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            for change in changes:
                if change.record is None or change.units is not None:
                    for source_lang, target_lang, count in db.execute(
                        "SELECT source_lang, target_lang, count(*) FROM units WHERE origin = ? "
                        "GROUP BY 1, 2", (change.origin,)).fetchall():
                        churn[(source_lang, target_lang)] = churn.get(
                            (source_lang, target_lang), 0) + count
                        removed += count
                    db.execute("DELETE FROM units WHERE origin = ?", (change.origin,))
                if change.record is None:
                    db.execute("DELETE FROM files WHERE origin = ?", (change.origin,))
                else:
                    record = change.record
                    db.execute(
                        "INSERT INTO files VALUES (?, ?, ?, ?, ?) ON CONFLICT (origin) DO UPDATE "
                        "SET kind = excluded.kind, mtime_ns = excluded.mtime_ns, "
                        "size = excluded.size, hash = excluded.hash",
                        (change.origin, str(record.kind), record.mtime_ns, record.size,
                         record.hash))
                self._insert(unique_units(change.units or ()), churn)
            self._insert(unique_units(extra), churn)
            for (source_lang, target_lang), count in sorted(churn.items()):
                db.execute(
                    "INSERT INTO pairs VALUES (?, ?, ?) ON CONFLICT DO UPDATE "
                    "SET churn = churn + excluded.churn", (source_lang, target_lang, count))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return removed

    def _insert(self, units: Sequence[MemoryUnit], churn: dict[tuple[str, str], int]) -> None:
        self._db.executemany(
            "INSERT INTO units (source_lang, target_lang, source_text, source_norm, target_text,"
            " origin) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin, source_lang, target_lang,"
            " source_norm) DO UPDATE SET source_text = excluded.source_text,"
            " target_text = excluded.target_text",
            [(u.source_lang, u.target_lang, u.source_text, normalize_text(u.source_text),
              u.target_text, u.origin) for u in units])
        for unit in units:
            pair = (unit.source_lang, unit.target_lang)
            churn[pair] = churn.get(pair, 0) + 1

    # ------------------------------------------------------------------ reading out

    def export_units(
        self, *, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[MemoryUnit]:
        """Every unit, optionally of one source and/or target language, in a stable order."""
        rows = self._db.execute(
            "SELECT source_lang, target_lang, source_text, target_text, origin FROM units "
            "WHERE (:source IS NULL OR source_lang = :source) "
            "AND (:target IS NULL OR target_lang = :target) "
            "ORDER BY source_lang, target_lang, source_norm, origin",
            {"source": source_lang, "target": target_lang})
        for row in rows:
            yield MemoryUnit(source_lang=row[0], target_lang=row[1], source_text=row[2],
                             target_text=row[3], origin=row[4])

    def stats(self) -> MemoryStats:
        """Units per language pair and indexed files per kind."""
        units = {(row[0], row[1]): int(row[2]) for row in self._db.execute(
            "SELECT source_lang, target_lang, count(*) FROM units GROUP BY 1, 2 ORDER BY 1, 2")}
        files = {str(row[0]): int(row[1]) for row in self._db.execute(
            "SELECT kind, count(*) FROM files GROUP BY 1 ORDER BY 1")}
        return MemoryStats(units=units, files=files)

    def close(self) -> None:
        """Close the database (the object is unusable afterwards)."""
        self._indexes.clear()
        self._scored.clear()
        self._db.close()
