"""The translation memory's contract: value types, the Protocol, open_memory, shared update logic.

PO and TMX files in the repository are the truth; the memory is an index of their approved
translations that can always be rebuilt from them. Two backends implement the
``TranslationMemory`` Protocol: SQLite in ``.i18n-kit/memory.sqlite3`` (the default,
``memory_sqlite.py``) and PostgreSQL for a team that shares one memory
(``memory_postgres.py``, the only module that imports psycopg).

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

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, Protocol
from urllib.parse import urlsplit, urlunsplit

from i18n_kit.catalogs.po import Entry, read_catalog
from i18n_kit.errors import MemoryStoreError
from i18n_kit.files import hash_bytes
from i18n_kit.model import Markup
from i18n_kit.segments import normalize_space

__all__ = [
    "DEFAULT_THRESHOLD",
    "BestTarget",
    "FileChange",
    "FileKind",
    "FileRecord",
    "MemoryMatch",
    "MemoryStats",
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

DEFAULT_THRESHOLD = 75.0
SQLITE_NAME = "memory.sqlite3"

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True, kw_only=True)
class MemoryUnit:
    """One approved translation and the file it came from (``origin``, project-relative)."""

    source_lang: str
    target_lang: str
    source_text: str
    target_text: str
    origin: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MemoryMatch:
    """A lookup result; ``score`` is 0-100 (100 for an exact match)."""

    score: float
    source_text: str
    target_text: str
    origin: str
    numbers_differ: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateReport:
    """What ``update_from_catalogs`` did: files checked, parsed, forgotten; units changed."""

    files_checked: int = 0
    files_read: int = 0
    files_removed: int = 0
    units_added: int = 0
    units_removed: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class MemoryStats:
    """Units per (source_lang, target_lang) and files indexed, per kind."""

    units: Mapping[tuple[str, str], int] = field(default_factory=dict)
    files: Mapping[str, int] = field(default_factory=dict)  # FileKind -> count


class FileKind(StrEnum):
    PO = "po"
    TMX = "tmx"


class FileRecord(NamedTuple):
    """What an indexed file looked like when it was last read (as state.py's cache).

    A tuple: every update of the memory loads one per catalog of the archive.
    """

    kind: FileKind
    mtime_ns: int
    size: int
    hash: str

    @classmethod
    def from_row(cls, kind: str, mtime_ns: int, size: int, digest: str) -> FileRecord:
        return cls(_KINDS[kind], mtime_ns, size, digest)


_KINDS = {kind.value: kind for kind in FileKind}


#: origin -> (mtime_ns, size, content hash) of a file as its caller has just seen it
Seen = Mapping[str, tuple[int, int, str]]


@dataclass(frozen=True, slots=True, kw_only=True)
class FileChange:
    """One step of an update for a backend to apply: ``record`` None forgets the file;
    ``units`` None only refreshes the stat of an unchanged file."""

    origin: str
    record: FileRecord | None
    units: Sequence[MemoryUnit] | None


class TranslationMemory(Protocol):
    """An index of approved translations; see the module docstring for the rules."""

    def lookup_exact(
        self, source_text: str, *, source_lang: str, target_lang: str
    ) -> MemoryMatch | None: ...

    def lookup_fuzzy(
        self,
        source_text: str,
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 3,
    ) -> list[MemoryMatch]: ...

    def lookup_exact_many(
        self, texts: Iterable[str], *, source_lang: str, target_lang: str
    ) -> dict[str, MemoryMatch]: ...

    def lookup_fuzzy_many(
        self,
        texts: Iterable[str],
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 3,
    ) -> dict[str, list[MemoryMatch]]: ...

    def update_from_catalogs(
        self, catalogs: Iterable[tuple[str, Path | str, str, str]], *, seen: Seen | None = None
    ) -> UpdateReport: ...

    def record_catalogs(self, catalogs: Iterable[tuple[str, Path, Sequence[MemoryUnit]]]) -> None:
        """Index catalogs just written (origin, path, approved units) without parsing them,
        so that the next ``update_from_catalogs`` finds them up to date."""
        ...

    def import_tmx(
        self, path: Path, *, origin: str, locales: Sequence[str] | None = None
    ) -> int: ...

    def add(self, unit: MemoryUnit) -> None: ...

    def forget(self, origin: str) -> int: ...

    def export_units(
        self, *, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[MemoryUnit]: ...

    def stats(self) -> MemoryStats: ...

    def close(self) -> None: ...


def open_memory(*, url: str | None, state_dir: Path) -> TranslationMemory:
    """The project's memory: SQLite in ``state_dir`` when ``url`` is None, else PostgreSQL.

    >>> import tempfile; memory = open_memory(url=None, state_dir=Path(tempfile.mkdtemp()))
    >>> memory.lookup_exact("SCO", source_lang="en", target_lang="ru") is None
    True
    >>> memory.close()
    """
    if url is None:
        from i18n_kit.translation.memory_sqlite import SQLiteMemory

        return SQLiteMemory(state_dir / SQLITE_NAME, index_dir=state_dir / "tm-index")
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("postgresql", "postgres"):
        from i18n_kit.translation.memory_postgres import PostgresMemory

        return PostgresMemory(url)
    raise MemoryStoreError(
        f"[tm] url: unknown scheme {scheme or '(none)'!r} in {mask_url(url)}; "
        'use "postgresql://user@host/db", or leave url unset for SQLite in .i18n-kit/'
    )


# ---------------------------------------------------------------------- shared logic


def normalize_text(text: str) -> str:
    """The form texts are compared in.

    >>> normalize_text(" In\\u00a0the  SCO\\n")
    'In the SCO'
    """
    return normalize_space(text, markup=Markup.PLAIN)


def numbers_of(text: str) -> list[str]:
    """The digit groups of ``text`` in sorted order (full-width digits read as ASCII).

    >>> numbers_of("On 10 November 2020, 8 states")
    ['10', '2020', '8']
    """
    return sorted(_NUMBER.findall(unicodedata.normalize("NFKC", text)))


def mask_url(url: str) -> str:
    """``url`` as it may be shown: no password, no query string.

    >>> mask_url("postgresql://tm:s3cret@db.example:5432/tm?sslpassword=x")
    'postgresql://tm@db.example:5432/tm'
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(an unparsable URL)"
    if ":" in host:
        host = f"[{host}]"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))


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


#: What a backend knows of one normalised source: (source_text, target_text, origin) of
#: its translation used most often (ties to the first origin, then target), or None.
BestTarget = tuple[str, str, str] | None


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


def make_match(
    query: str, *, score: float, source_text: str, target_text: str, origin: str
) -> MemoryMatch:
    """A match of ``query`` (normalised), numbers compared.

    >>> make_match("Met on 12 May", score=92.0, source_text="Met on 13 May",
    ...            target_text="x", origin="a.po").numbers_differ
    True
    """
    return MemoryMatch(
        score=score,
        source_text=source_text,
        target_text=target_text,
        origin=origin,
        numbers_differ=numbers_of(query) != numbers_of(source_text),
    )
