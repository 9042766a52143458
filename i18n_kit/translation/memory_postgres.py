"""The shared memory's storage in PostgreSQL ([tm] url = "postgresql://…"); the only psycopg user.

Tables ``i18n_kit_tm_files``, ``i18n_kit_tm_units`` and ``i18n_kit_tm_meta`` are created on
first use, with the ``pg_trgm`` extension (trusted since PostgreSQL 13: a database owner
may create it). A language pair of at most ``BRUTE_FORCE_TEXTS`` sources is fuzzy-matched
as the SQLite backend matches it (its sources fetched once a batch of lookups, every
query scored against all of them); in a larger one the candidates are the
``CANDIDATES`` nearest by trigram distance (``<->``, a GiST index), rescored with
rapidfuzz, so scores are always those of the SQLite backend. pg_trgm only sees letters
and digits as the database's LC_CTYPE classifies them: create the database with a UTF-8
locale (``C.UTF-8`` or ``en_US.UTF-8``), or Russian and Chinese text has no trigrams.

Concurrent runners: every write is one transaction that first takes a transaction-level
advisory lock per file origin (in sorted order, so two runners never deadlock), and unit
rows are upserted; the schema is created under an advisory lock as well. A file's
(mtime, size) differ between machines, so another runner's checkout costs a hash but never
a re-parse of an unchanged file. A password in the URL never appears in an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import LiteralString
from urllib.parse import urlsplit

import psycopg

from i18n_kit.errors import MemoryStoreError
from i18n_kit.translation.fuzzy import (
    BRUTE_FORCE_TEXTS,
    FuzzyScorer,
    length_bounds,
    score_all,
    score_texts,
)
from i18n_kit.translation.memory_store import (
    BestTarget,
    FileRecord,
    FuzzyHits,
    MemoryUnit,
    mask_url,
    normalize_text,
)

__all__ = ["PostgresStorage"]

SCHEMA_VERSION = "1"
CANDIDATES = 300
CONNECT_TIMEOUT = 10  # seconds: an unreachable server must not hang CI
_SCHEMA_LOCK = 0x18_4B17  # advisory lock key while the schema is created

_SCHEMA = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS i18n_kit_tm_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS i18n_kit_tm_files (origin text PRIMARY KEY, kind text NOT NULL,"
    " mtime_ns bigint NOT NULL, size bigint NOT NULL, hash text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS i18n_kit_tm_units (id bigserial PRIMARY KEY,"
    " source_lang text NOT NULL, target_lang text NOT NULL, source_text text NOT NULL,"
    " source_norm text NOT NULL, target_text text NOT NULL, origin text NOT NULL)",
    # md5: a B-tree entry cannot hold a paragraph-long text
    "CREATE UNIQUE INDEX IF NOT EXISTS i18n_kit_tm_units_by_origin ON i18n_kit_tm_units"
    " (origin, source_lang, target_lang, md5(source_norm))",
    "CREATE INDEX IF NOT EXISTS i18n_kit_tm_units_by_source ON i18n_kit_tm_units"
    " (source_lang, target_lang, md5(source_norm))",
    # GiST, not GIN: nearest-first order (<->) stops after CANDIDATES rows, where GIN's
    # % has to recheck every row sharing a trigram (seconds on a templated newsroom corpus).
    "CREATE INDEX IF NOT EXISTS i18n_kit_tm_units_trgm ON i18n_kit_tm_units"
    " USING gist (source_norm gist_trgm_ops(siglen=256))",
    "INSERT INTO i18n_kit_tm_meta VALUES ('schema', '1') ON CONFLICT DO NOTHING",
]

_BEST_TARGETS: LiteralString = """
SELECT norm, source, target, origin FROM (
    SELECT source_norm AS norm, min(source_text) AS source, target_text AS target,
        min(origin) AS origin, row_number() OVER (PARTITION BY source_norm
            ORDER BY count(*) DESC, min(origin), target_text) AS place
    FROM i18n_kit_tm_units
    WHERE source_lang = %s AND target_lang = %s AND md5(source_norm) = ANY(%s::text[])
        AND source_norm = ANY(%s::text[])
    GROUP BY source_norm, target_text
) AS ranked WHERE place = 1
"""

_UPSERT_UNIT: LiteralString = """
INSERT INTO i18n_kit_tm_units (source_lang, target_lang, source_text, source_norm,
    target_text, origin) VALUES (%s, %s, %s, %s, %s, %s)
ON CONFLICT (origin, source_lang, target_lang, md5(source_norm)) DO UPDATE
SET source_text = excluded.source_text, target_text = excluded.target_text
"""


class PostgresStorage:
    """The ``MemoryStorage`` in a PostgreSQL database; see the module docstring.

    >>> PostgresStorage("postgresql://tm:secret@127.0.0.1:1/tm")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    i18n_kit.errors.MemoryStoreError: [tm] url: cannot connect to postgresql://tm@127...: ...
    """

    def __init__(self, url: str) -> None:
        self._shown = mask_url(url)
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
        except psycopg.Error as exc:
            raise MemoryStoreError(
                f"[tm] url: cannot connect to {self._shown}: {_reason(exc, url)}"
            ) from None
        try:
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                for statement in _SCHEMA:
                    self._db.execute(statement.encode())
                row = self._db.execute(
                    "SELECT value FROM i18n_kit_tm_meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                raise MemoryStoreError(
                    f"[tm] url: {self._shown} holds a translation memory of schema "
                    f"{row[0] if row else '?'}; this i18n-kit reads schema {SCHEMA_VERSION}: "
                    "drop the i18n_kit_tm_* tables and sync again (PO and TMX files are the truth)"
                )
        except psycopg.Error as exc:
            self._db.close()
            raise MemoryStoreError(
                f"[tm] url: cannot set up the memory in {self._shown}: {_reason(exc, url)}"
            ) from None

    # ------------------------------------------------------------------ lookups

    def best_targets(
        self, norms: Iterable[str], source_lang: str, target_lang: str
    ) -> dict[str, BestTarget]:
        """The ``BestTarget`` of each normalised source, in a query per 500 (ranked by
        the database: its collation orders the ties)."""
        wanted = sorted(set(norms))
        best: dict[str, BestTarget] = dict.fromkeys(wanted)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            digests = [hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()
                       for text in chunk]  # what the index is on: md5(source_norm)
            for norm, source, target, origin in self._db.execute(
                _BEST_TARGETS, (source_lang, target_lang, digests, chunk)
            ):
                best[str(norm)] = (str(source), str(target), str(origin))
        return best

    def fuzzy_hits(
        self, queries: Sequence[str], source_lang: str, target_lang: str, *,
        threshold: float, limit: int,
    ) -> FuzzyHits:
        """A language pair of at most ``BRUTE_FORCE_TEXTS`` sources is fetched once and
        every query scored against all of it (``fuzzy.score_all``, as the SQLite backend
        does); a larger one asks pg_trgm's nearest ``CANDIDATES`` for each query."""
        sources = sorted(str(row[0]) for row in self._db.execute(
            "SELECT DISTINCT source_norm FROM i18n_kit_tm_units"
            " WHERE source_lang = %s AND target_lang = %s LIMIT %s",
            (source_lang, target_lang, BRUTE_FORCE_TEXTS + 1)))
        if len(sources) <= BRUTE_FORCE_TEXTS:
            found = score_all(queries, sources, threshold=threshold)
            return FuzzyHits({query: [(score, sources[i]) for score, i in hits]
                              for query, hits in zip(queries, found, strict=True)})
        return FuzzyHits({query: self._nearest(query, source_lang, target_lang, threshold)
                          for query in queries})

    def fuzzy_scorer(self, source_lang: str, target_lang: str, *, threshold: float,
                     limit: int) -> FuzzyScorer | None:
        """None: each search is one query to the server, nothing to make ahead."""
        return None

    def add_scored(self, key: tuple[str, float, int],
                   scored: Mapping[str, Sequence[tuple[float, int]]]) -> None:
        """Nothing: this backend gives no `fuzzy_scorer`."""

    def _nearest(
        self, query: str, source_lang: str, target_lang: str, threshold: float
    ) -> list[tuple[float, str]]:
        """(score, source) of the ``CANDIDATES`` sources nearest by trigram distance that
        score at least ``threshold``, best first."""
        low, high = length_bounds(len(query), threshold)
        rows = self._db.execute(
            "SELECT source_norm FROM i18n_kit_tm_units"
            " WHERE source_lang = %s AND target_lang = %s"
            " AND length(source_norm) BETWEEN %s AND %s"
            " ORDER BY source_norm <-> %s LIMIT %s",
            (source_lang, target_lang, low, high, query, CANDIDATES)).fetchall()
        texts = list(dict.fromkeys(str(row[0]) for row in rows))
        return [(score, texts[position])
                for score, position in score_texts(query, texts, threshold=threshold)]

    # ------------------------------------------------------------------ updates

    def records(self) -> dict[str, FileRecord]:
        return {
            row[0]: FileRecord.from_row(row[1], row[2], row[3], row[4])
            for row in self._db.execute(
                "SELECT origin, kind, mtime_ns, size, hash FROM i18n_kit_tm_files")
        }

    def transaction(self, origins: Sequence[str]) -> AbstractContextManager[_Writer]:
        """One transaction that first takes an advisory lock per origin, in the order
        given (sorted: two runners never deadlock)."""
        return self._transaction(origins)

    @contextlib.contextmanager
    def _transaction(self, origins: Sequence[str]) -> Iterator[_Writer]:
        with self._db.transaction(), self._db.cursor() as cursor:
            for origin in origins:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (origin,))
            yield _Writer(cursor)

    # ------------------------------------------------------------------ reading out

    def units(self, source_lang: str | None, target_lang: str | None) -> Iterator[MemoryUnit]:
        rows = self._db.execute(
            "SELECT source_lang, target_lang, source_text, target_text, origin"
            " FROM i18n_kit_tm_units WHERE (%(s)s::text IS NULL OR source_lang = %(s)s)"
            " AND (%(t)s::text IS NULL OR target_lang = %(t)s)"
            ' ORDER BY source_lang, target_lang, source_norm COLLATE "C", origin COLLATE "C"',
            {"s": source_lang, "t": target_lang})
        for row in rows:
            yield MemoryUnit(source_lang=row[0], target_lang=row[1], source_text=row[2],
                             target_text=row[3], origin=row[4])

    def unit_counts(self) -> dict[tuple[str, str], int]:
        return {(row[0], row[1]): int(row[2]) for row in self._db.execute(
            "SELECT source_lang, target_lang, count(*) FROM i18n_kit_tm_units"
            " GROUP BY 1, 2 ORDER BY 1, 2")}

    def file_counts(self) -> dict[str, int]:
        return {str(row[0]): int(row[1]) for row in self._db.execute(
            "SELECT kind, count(*) FROM i18n_kit_tm_files GROUP BY 1 ORDER BY 1")}

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


class _Writer:
    """The writes of one PostgreSQL transaction, on its cursor."""

    def __init__(self, cursor: psycopg.Cursor[tuple[object, ...]]) -> None:
        self._cursor = cursor

    def delete_units(self, origin: str) -> int:
        self._cursor.execute("DELETE FROM i18n_kit_tm_units WHERE origin = %s", (origin,))
        return self._cursor.rowcount

    def delete_file(self, origin: str) -> None:
        self._cursor.execute("DELETE FROM i18n_kit_tm_files WHERE origin = %s", (origin,))

    def put_file(self, origin: str, record: FileRecord) -> None:
        self._cursor.execute(
            "INSERT INTO i18n_kit_tm_files VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (origin) DO UPDATE SET kind = excluded.kind,"
            " mtime_ns = excluded.mtime_ns, size = excluded.size, hash = excluded.hash",
            (origin, str(record.kind), record.mtime_ns, record.size, record.hash))

    def put_units(self, units: Sequence[MemoryUnit]) -> None:
        self._cursor.executemany(_UPSERT_UNIT, [
            (u.source_lang, u.target_lang, u.source_text, normalize_text(u.source_text),
             u.target_text, u.origin) for u in units])


def _reason(exc: psycopg.Error, url: str) -> str:
    """A one-line cause, never holding the URL's password."""
    text = " ".join(str(exc).split())
    lowered = text.lower()
    if "connection refused" in lowered:
        reason = "connection refused"
    elif "timeout expired" in lowered or "timed out" in lowered:
        reason = "timed out"
    elif "could not translate host name" in lowered or "name or service not known" in lowered:
        reason = "unknown host"
    else:
        # 'connection failed: connection to server at "h", port 1 failed: FATAL: <cause>'
        reason = re.split(r"\bfailed: (?:FATAL: +)?|^FATAL: +", text)[-1]
        reason = reason.split(" Is the server running")[0].strip()
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password:
        reason = reason.replace(password, "***")
    return reason
