"""The translation memory's value types and the storage interface its backends implement.

``memory.py`` holds the one ``TranslationMemory`` class (lookups, updates, the rules of
both backends) and ``open_memory``; it keeps its data in a ``MemoryStorage``: SQLite
(``memory_sqlite.py``) or PostgreSQL (``memory_postgres.py``). A storage does only what
the two databases do differently: open and set up the database, read the file records,
write files and units in one transaction, fetch the best translation of given sources,
find fuzzy candidates, list and count units. Both backends import this module and
nothing of ``memory.py``, which imports them when it opens one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol
from urllib.parse import urlsplit, urlunsplit

from i18n_kit.model import Markup, pickled_as_tuple
from i18n_kit.segments import normalize_space

if TYPE_CHECKING:  # numpy and rapidfuzz: only where a fuzzy search runs
    from i18n_kit.translation.fuzzy import FuzzyScorer

__all__ = [
    "DEFAULT_THRESHOLD",
    "BestTarget",
    "FileChange",
    "FileKind",
    "FileRecord",
    "FuzzyHits",
    "MemoryMatch",
    "MemoryStats",
    "MemoryStorage",
    "MemoryUnit",
    "Scored",
    "Seen",
    "StorageWriter",
    "UpdateReport",
    "make_match",
    "mask_url",
    "normalize_text",
    "numbers_of",
]

DEFAULT_THRESHOLD = 75.0

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@pickled_as_tuple  # sync's workers send the units of the catalogs they write
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


#: What a backend knows of one normalised source: (source_text, target_text, origin) of
#: its translation used most often (ties to the first origin, then target), or None.
BestTarget = tuple[str, str, str] | None

#: Fuzzy hits of one query: (score, normalised source), best first.
Scored = Sequence[tuple[float, str]]


def _no_more(query: str) -> Scored:
    raise KeyError(query)  # no query was cut short


@dataclass(frozen=True, slots=True)
class FuzzyHits:
    """A storage's fuzzy candidates for a batch of queries (normalised texts), already
    scored as the memory scores them (``rapidfuzz.fuzz.ratio``): ``ranked[query]`` the
    best of them, best first (then by text). When a query's hits were cut short, ``cut``
    holds the last (score, text) kept, every hit left out ranking after it, and
    ``more(query)`` gives them all."""

    ranked: Mapping[str, Scored]
    cut: Mapping[str, tuple[float, str]] = field(default_factory=dict)
    more: Callable[[str], Scored] = _no_more


class StorageWriter(Protocol):
    """The writes of one transaction (``MemoryStorage.transaction``)."""

    def delete_units(self, origin: str) -> int:
        """Remove the units of ``origin``; how many there were."""
        ...

    def delete_file(self, origin: str) -> None: ...

    def put_file(self, origin: str, record: FileRecord) -> None:
        """Insert or replace the record of ``origin``."""
        ...

    def put_units(self, units: Sequence[MemoryUnit]) -> None:
        """Insert each unit, or replace the texts of the unit of the same origin, language
        pair and normalised source (``units`` holds at most one of each)."""
        ...


class MemoryStorage(Protocol):
    """Where a ``TranslationMemory`` keeps its files and units: the operations in which
    the SQLite and PostgreSQL backends differ. Opening one connects to the database and
    creates or checks its schema (``MemoryStoreError`` when it cannot)."""

    def records(self) -> dict[str, FileRecord]:
        """The record of every indexed file, by origin."""
        ...

    def transaction(self, origins: Sequence[str]) -> AbstractContextManager[StorageWriter]:
        """One transaction writing the files and units of ``origins`` (sorted): all of it
        lands or none (an exception rolls it back)."""
        ...

    def best_targets(
        self, norms: Iterable[str], source_lang: str, target_lang: str
    ) -> dict[str, BestTarget]:
        """The ``BestTarget`` of each normalised source."""
        ...

    def fuzzy_hits(
        self, queries: Sequence[str], source_lang: str, target_lang: str, *,
        threshold: float, limit: int,
    ) -> FuzzyHits:
        """The sources scoring at least ``threshold`` against each of ``queries``
        (distinct, sorted, normalised), at least the best ``limit`` of each when there
        are that many (more when some may have been removed)."""
        ...

    def fuzzy_scorer(self, source_lang: str, target_lang: str, *, threshold: float,
                     limit: int) -> FuzzyScorer | None:
        """What forked workers need to answer queries of `fuzzy_hits` (with this
        ``threshold`` and ``limit``) ahead, in their own processes; None when the backend
        has nothing to share (a database server searches)."""
        ...

    def add_scored(self, key: tuple[str, float, int],
                   scored: Mapping[str, Sequence[tuple[float, int]]]) -> None:
        """Keep what a `fuzzy_scorer` answered (under its ``key``) for `fuzzy_hits`."""
        ...

    def units(self, source_lang: str | None, target_lang: str | None) -> Iterator[MemoryUnit]:
        """Every unit (of one source and/or target language), ordered by language pair,
        normalised source (code point order), origin."""
        ...

    def unit_counts(self) -> dict[tuple[str, str], int]:
        """Units per language pair, in order."""
        ...

    def file_counts(self) -> dict[str, int]:
        """Indexed files per kind, in order."""
        ...

    def close(self) -> None: ...


@functools.lru_cache(maxsize=1 << 16)  # a sync asks five times for most texts
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
