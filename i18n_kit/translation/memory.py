"""The translation memory: the one ``TranslationMemory`` class, ``open_memory``, the update logic.

PO and TMX files in the repository are the truth; the memory is an index of their approved
translations that can always be rebuilt from them. It keeps them in a ``MemoryStorage``
(``memory_store.py``, with the value types): SQLite in ``.i18n-kit/memory.sqlite3`` (the
default, ``memory_sqlite.py``) or PostgreSQL for a team that shares one memory
(``memory_postgres.py``, the only module that imports psycopg). ``open_memory`` picks one
from the ``[tm] url``; the backends import ``memory_store.py`` only, never this module.

Matching rules, the same in both backends:

- Texts are compared after ``normalize_space`` (every whitespace run, no-break spaces
  included, is one space; a line break between two Chinese characters is dropped).
- An exact match is equal after that normalisation, case-sensitively.
- A fuzzy score is ``rapidfuzz.fuzz.ratio`` of the normalised texts (0-100, the
  Indel similarity: 100 * (1 - insertions-and-deletions / total length)), case-sensitive.
  Candidates come from an index (``fuzzy.py`` for SQLite, ``pg_trgm`` for PostgreSQL);
  only the rescoring decides the score.
- When several units share one source, the translation used most often wins, ties going
  to the first origin in sort order, so a rebuilt memory answers exactly as before.
- ``numbers_differ`` is set when the digits in the match's source (as a multiset) are not
  those of the query: "12 May 2024" matched for "13 May 2024" must be checked.

Incremental update: ``update_from_catalogs`` stats every catalog, hashes only files whose
(mtime_ns, size) changed and parses only files whose hash changed, then writes all changes
in one transaction; catalogs no longer listed (or gone from disk) lose their units.
``record_catalogs`` indexes catalogs a sync has just written from the units it already
has (hashing, not parsing, the files), so the next update finds them current.
Approved means non-fuzzy, non-obsolete, non-empty, singular (plural entries are skipped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from i18n_kit.catalogs.po import Entry, read_catalog
from i18n_kit.errors import MemoryStoreError
from i18n_kit.files import hash_bytes
from i18n_kit.translation.memory_store import (
    DEFAULT_THRESHOLD,
    BestTarget,
    FileChange,
    FileKind,
    FileRecord,
    MemoryMatch,
    MemoryStats,
    MemoryStorage,
    MemoryUnit,
    Seen,
    UpdateReport,
    make_match,
    mask_url,
    normalize_text,
    numbers_of,
)
from i18n_kit.translation.tmx import plan_tmx_import

if TYPE_CHECKING:
    from i18n_kit.translation.fuzzy import FuzzyScorer

__all__ = [
    "DEFAULT_THRESHOLD",
    "BestTarget",
    "FileChange",
    "FileKind",
    "FileRecord",
    "MemoryMatch",
    "MemoryStats",
    "MemoryStorage",
    "MemoryUnit",
    "TranslationMemory",
    "UpdateReport",
    "approved_units",
    "catalog_units",
    "exact_matches",
    "make_match",
    "mask_url",
    "normalize_text",
    "numbers_of",
    "open_memory",
    "pick_matches",
    "Seen",
    "plan_catalog_update",
    "summarize_update",
    "unique_units",
    "written_changes",
]

SQLITE_NAME = "memory.sqlite3"


def open_memory(*, url: str | None, state_dir: Path) -> TranslationMemory:
    """The project's memory: SQLite in ``state_dir`` when ``url`` is None, else PostgreSQL.

    >>> import tempfile; memory = open_memory(url=None, state_dir=Path(tempfile.mkdtemp()))
    >>> memory.lookup_exact("SCO", source_lang="en", target_lang="ru") is None
    True
    >>> memory.close()
    """
    storage: MemoryStorage
    if url is None:
        from i18n_kit.translation.memory_sqlite import SQLiteStorage

        storage = SQLiteStorage(state_dir / SQLITE_NAME, index_dir=state_dir / "tm-index")
        return TranslationMemory(storage)
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("postgresql", "postgres"):
        from i18n_kit.translation.memory_postgres import PostgresStorage

        storage = PostgresStorage(url)
        return TranslationMemory(storage)
    raise MemoryStoreError(
        f"[tm] url: unknown scheme {scheme or '(none)'!r} in {mask_url(url)}; "
        'use "postgresql://user@host/db", or leave url unset for SQLite in .i18n-kit/'
    )


class TranslationMemory:
    """An index of approved translations over a ``MemoryStorage``; see the module
    docstring for the rules. ``open_memory`` opens the project's.

    >>> import tempfile; from i18n_kit.translation.memory_sqlite import SQLiteStorage
    >>> folder = Path(tempfile.mkdtemp())
    >>> memory = TranslationMemory(SQLiteStorage(folder / "tm.sqlite3", index_dir=folder / "ix"))
    >>> memory.add(MemoryUnit(source_lang="en", target_lang="ru", source_text="SCO",
    ...                       target_text="ШОС", origin="a.po"))
    >>> memory.lookup_exact("SCO", source_lang="en", target_lang="ru").target_text
    'ШОС'
    >>> memory.close()
    """

    def __init__(self, storage: MemoryStorage) -> None:
        self.storage = storage

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
        return exact_matches(
            queries, self.storage.best_targets(queries.values(), source_lang, target_lang))

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

    def fuzzy_scorer(self, *, source_lang: str, target_lang: str,
                     threshold: float = DEFAULT_THRESHOLD, limit: int = 3) -> FuzzyScorer | None:
        """What forked workers need to answer, ahead and in their own processes, the
        fuzzy searches `lookup_fuzzy_many` will make (with this ``threshold`` and
        ``limit``); their answers go to `add_scored`. None: this backend searches on
        its server."""
        return self.storage.fuzzy_scorer(source_lang, target_lang, threshold=threshold,
                                         limit=limit)

    def add_scored(self, scorer: FuzzyScorer,
                   scored: Mapping[str, Sequence[tuple[float, int]]]) -> None:
        """Keep what ``scorer`` answered in a worker, for `lookup_fuzzy_many`."""
        self.storage.add_scored(scorer.key, scored)

    def lookup_fuzzy_many(
        self,
        texts: Iterable[str],
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 3,
    ) -> dict[str, list[MemoryMatch]]:
        """``lookup_fuzzy`` of each of ``texts`` (the keys), the storage asked once for
        the candidates of all (``MemoryStorage.fuzzy_hits``); a query whose candidates
        were cut short is searched again in full when those chosen do not all rank
        before the cut (some kept were removed since)."""
        queries = {text: normalize_text(text) for text in texts}
        distinct = sorted({query for query in queries.values() if query})
        if limit <= 0 or not distinct:
            return {text: [] for text in queries}
        storage = self.storage
        hits = storage.fuzzy_hits(distinct, source_lang, target_lang,
                                  threshold=threshold, limit=limit)
        targets = storage.best_targets(
            {text for query in distinct for _, text in hits.ranked[query][:limit]},
            source_lang, target_lang)

        def fetch(sources: list[str]) -> dict[str, BestTarget]:
            return storage.best_targets(sources, source_lang, target_lang)

        matches: dict[str, list[MemoryMatch]] = {}
        for query in distinct:
            chosen = pick_matches(query, hits.ranked[query], targets, fetch, limit=limit)
            edge = hits.cut.get(query)
            if edge is not None and (len(chosen) < limit or _ranks_after(chosen[-1], edge)):
                # Hits left out rank after the edge: with some of those kept removed
                # since, one of them may beat what was chosen.
                chosen = pick_matches(query, hits.more(query), targets, fetch, limit=limit)
            matches[query] = chosen
        return {text: matches.get(query, []) for text, query in queries.items()}

    # ------------------------------------------------------------------ updates

    def update_from_catalogs(
        self, catalogs: Iterable[tuple[str, Path | str, str, str]], *, seen: Seen | None = None
    ) -> UpdateReport:
        """Index the approved entries of ``catalogs`` (origin, path, source_lang, target_lang),
        the complete list: only changed files are read, unlisted ones forgotten (``seen``:
        see `plan_catalog_update`)."""
        changes, checked = plan_catalog_update(catalogs, self.storage.records(), seen)
        removed = self._apply(changes)
        return summarize_update(changes, checked, removed)

    def record_catalogs(self, catalogs: Iterable[tuple[str, Path, Sequence[MemoryUnit]]]) -> None:
        """Index catalogs just written (origin, path, approved units) without parsing them,
        so that the next ``update_from_catalogs`` finds them up to date."""
        self._apply(written_changes(catalogs))

    def import_tmx(self, path: Path, *, origin: str, locales: Sequence[str] | None = None) -> int:
        """Index a TMX file; the number of units read (0 when it is unchanged)."""
        change = plan_tmx_import(path, origin=origin, locales=locales,
                                 known=self.storage.records().get(origin))
        if change is None:
            return 0
        self._apply([change])
        return len(change.units or ())

    def add(self, unit: MemoryUnit) -> None:
        """Index one translation (a saved edit), replacing that origin's translation of it."""
        self._apply([], extra=[unit])

    def forget(self, origin: str) -> int:
        """Remove a file's units and record; the number of units removed."""
        return self._apply([FileChange(origin=origin, record=None, units=None)])

    def _apply(self, changes: Sequence[FileChange], *, extra: Sequence[MemoryUnit] = ()) -> int:
        """Apply ``changes`` (and upsert ``extra``) in one transaction; units removed."""
        if not changes and not extra:
            return 0
        removed = 0
        origins = sorted({change.origin for change in changes} | {unit.origin for unit in extra})
        with self.storage.transaction(origins) as writer:
            for change in changes:
                if change.record is None or change.units is not None:
                    removed += writer.delete_units(change.origin)
                if change.record is None:
                    writer.delete_file(change.origin)
                else:
                    writer.put_file(change.origin, change.record)
                units = unique_units(change.units or ())
                if units:
                    writer.put_units(units)
            units = unique_units(extra)
            if units:
                writer.put_units(units)
        return removed

    # ------------------------------------------------------------------ reading out

    def export_units(
        self, *, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[MemoryUnit]:
        """Every unit, optionally of one source and/or target language, in a stable order
        (language pair, normalised source, origin)."""
        return self.storage.units(source_lang, target_lang)

    def stats(self) -> MemoryStats:
        """Units per language pair and indexed files per kind."""
        return MemoryStats(units=self.storage.unit_counts(), files=self.storage.file_counts())

    def close(self) -> None:
        """Close the storage (the memory is unusable afterwards)."""
        self.storage.close()


# ---------------------------------------------------------------------- shared logic


def catalog_units(
    path: Path, *, origin: str, source_lang: str, target_lang: str
) -> list[MemoryUnit]:
    """The approved translations of one PO file, the first of each source kept.

    >>> catalog_units(Path("locales/ru/LC_MESSAGES/messages.po"), origin="messages.po",
    ...               source_lang="en", target_lang="ru")[0].target_lang
    'ru'
    """
    return approved_units(read_catalog(path, origin=origin), origin=origin,
                          source_lang=source_lang, target_lang=target_lang)


def approved_units(
    entries: Iterable[Entry], *, origin: str, source_lang: str, target_lang: str
) -> list[MemoryUnit]:
    """``catalog_units`` of a catalog already in memory (non-fuzzy, non-obsolete,
    non-empty, singular entries; the first of each source kept)."""
    units: list[MemoryUnit] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.obsolete or entry.fuzzy or entry.msgid_plural or not entry.msgstr:
            continue
        source = normalize_text(str(entry.msgid))
        target = str(entry.msgstr)
        if not source or not target.strip() or source in seen:
            continue
        seen.add(source)
        units.append(
            MemoryUnit(
                source_lang=source_lang,
                target_lang=target_lang,
                source_text=source,
                target_text=target,
                origin=origin,
            )
        )
    return units


def written_changes(
    catalogs: Iterable[tuple[str, Path, Sequence[MemoryUnit]]],
) -> list[FileChange]:
    """The changes that index catalogs just written, whose units the writer already has
    (origin, path, units): each file is hashed, not parsed. Missing files are skipped."""
    changes: list[FileChange] = []
    for origin, path, units in catalogs:
        try:
            record, _ = stat_record(path, FileKind.PO, None)
        except OSError:
            continue  # not there (any more): the next update forgets it
        changes.append(FileChange(origin=origin, record=record, units=units))
    return changes


def stat_record(path: Path, kind: FileKind, known: FileRecord | None) -> tuple[FileRecord, bool]:
    """(the file's record now, whether its content changed since ``known``); hashes only
    when the stat differs.  Raises OSError when the file cannot be read."""
    stat = path.stat()
    if known is not None and (known.mtime_ns, known.size) == (stat.st_mtime_ns, stat.st_size):
        return known, False
    digest = hash_bytes(path.read_bytes())
    record = FileRecord(kind=kind, mtime_ns=stat.st_mtime_ns, size=stat.st_size, hash=digest)
    return record, known is None or known.hash != digest or known.kind != kind


def plan_catalog_update(
    catalogs: Iterable[tuple[str, Path | str, str, str]], known: Mapping[str, FileRecord],
    seen: Seen | None = None,
) -> tuple[list[FileChange], int]:
    """The changes that bring the memory's PO files in line with ``catalogs`` (the complete
    list), and how many catalogs were checked.  Reads only files whose content changed;
    a known PO file that is not listed, or listed but gone from disk, is forgotten.

    ``seen`` gives, by origin, what the caller has just found a catalog to be
    ((mtime_ns, size, hash): sync checks every file of the archive against its own cache
    anyway); a catalog seen as the memory recorded it is not looked at again.
    """
    changes: list[FileChange] = []
    present: set[str] = set()
    checked = 0
    seen = seen or {}
    for origin, location, source_lang, target_lang in catalogs:
        checked += 1
        previous = known.get(origin)
        if (previous is not None and previous.kind is FileKind.PO
                and seen.get(origin) == (previous.mtime_ns, previous.size, previous.hash)):
            present.add(origin)
            continue
        path = Path(location)
        try:
            record, changed = stat_record(path, FileKind.PO, previous)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise MemoryStoreError(f"cannot read the file: {exc.strerror}", path=origin) from exc
        present.add(origin)
        if changed:
            units = catalog_units(
                path, origin=origin, source_lang=source_lang, target_lang=target_lang
            )
            changes.append(FileChange(origin=origin, record=record, units=units))
        elif record != previous:
            changes.append(FileChange(origin=origin, record=record, units=None))
    changes.extend(
        FileChange(origin=origin, record=None, units=None)
        for origin, record in sorted(known.items())
        if record.kind is FileKind.PO and origin not in present
    )
    return changes, checked


def summarize_update(changes: Sequence[FileChange], checked: int, removed: int) -> UpdateReport:
    """The report of an applied update; ``removed`` is what the backend deleted."""
    return UpdateReport(
        files_checked=checked,
        files_read=sum(1 for change in changes if change.units is not None),
        files_removed=sum(1 for change in changes if change.record is None),
        units_added=sum(len(change.units or ()) for change in changes),
        units_removed=removed,
    )


def unique_units(units: Iterable[MemoryUnit]) -> list[MemoryUnit]:
    """``units`` with the first of each (language pair, normalised source) kept, as a
    file gives one translation per source."""
    kept: dict[tuple[str, str, str], MemoryUnit] = {}
    for unit in units:
        key = (unit.source_lang, unit.target_lang, normalize_text(unit.source_text))
        if key[2] and unit.target_text.strip():
            kept.setdefault(key, unit)
    return list(kept.values())


def _ranks_after(match: MemoryMatch, edge: tuple[float, str]) -> bool:
    """Whether ``match`` comes after the hit ``edge`` (score, normalised source) in the
    order of fuzzy hits: best score first, then by text."""
    return (-match.score, normalize_text(match.source_text)) > (-edge[0], edge[1])


def exact_matches(
    queries: Mapping[str, str], best: Mapping[str, BestTarget]
) -> dict[str, MemoryMatch]:
    """``lookup_exact_many``'s answer: for each text (key of ``queries``, its normalised
    form the value) whose normalised form has a translation in ``best``."""
    found: dict[str, MemoryMatch] = {}
    for text, query in queries.items():
        row = best.get(query)
        if row is not None:
            found[text] = make_match(query, score=100.0, source_text=row[0],
                                     target_text=row[1], origin=row[2])
    return found


def pick_matches(
    query: str,
    scored: Iterable[tuple[float, str]],
    targets: dict[str, BestTarget],
    fetch: Callable[[list[str]], Mapping[str, BestTarget]],
    *,
    limit: int,
) -> list[MemoryMatch]:
    """The first ``limit`` of ``scored`` (score, normalised source; best first) still in
    the memory, as matches of ``query``. ``targets`` holds the sources looked up so far;
    ``fetch(sources)`` looks up the others (and they are added to ``targets``)."""
    chosen: list[MemoryMatch] = []
    done: set[str] = set()
    for score, text in scored:
        if text in done:
            continue
        done.add(text)
        if text not in targets:
            targets.update(fetch([text]))
        row = targets[text]
        if row is None:
            continue  # removed since it was scored
        chosen.append(make_match(query, score=score, source_text=row[0],
                                 target_text=row[1], origin=row[2]))
        if len(chosen) == limit:
            break
    return chosen
