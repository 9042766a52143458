"""Glossary value types: concepts (entries) with their terms per language."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

#: Languages the glossary holds terms for.
GLOSSARY_LANGUAGES: tuple[str, ...] = ("en", "ru", "zh")


class Category(enum.StrEnum):
    """What a concept names (the reference CSV's `category` column)."""

    ORGANISATION = "organisation"
    BODY = "body"
    STATE = "state"
    DOCUMENT = "document"
    PARTNER_ORG = "partner_org"
    PERSON = "person"
    CONCEPT = "concept"


class TermStatus(enum.StrEnum):
    """Administrative status of a term (TBX ``administrativeStatus``)."""

    PREFERRED = "preferred"  # the approved rendering
    ADMITTED = "admitted"  # an accepted variant or abbreviation
    DEPRECATED = "deprecated"  # outdated; reported when used in a translation
    FORBIDDEN = "forbidden"  # a misspelling or mistranslation (`!` in the CSV); reported anywhere


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    lang: str
    status: TermStatus = TermStatus.PREFERRED
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One concept: an SCO body, a state, a person, ... with its terms in every language."""

    id: str
    category: Category
    terms: tuple[Term, ...]
    note: str = ""  # usage advice; "[unverified: ...]" marks doubtful renderings
    source: str = ""
    status_by_year: Mapping[str, str] = field(default_factory=dict)  # "2020" -> "member", states

    def preferred(self, lang: str) -> Term | None:
        """The approved term in ``lang`` (None when the glossary has none)."""
        for term in self.terms:
            if term.lang == lang and term.status is TermStatus.PREFERRED:
                return term
        return None

    def forms(self, lang: str) -> Iterator[Term]:
        """Every term in ``lang``: preferred first, then the others in file order."""
        yield from (t for t in self.terms if t.lang == lang and t.status is TermStatus.PREFERRED)
        yield from (
            t for t in self.terms if t.lang == lang and t.status is not TermStatus.PREFERRED
        )

    @property
    def unverified(self) -> str:
        """The fields a "[unverified: ...]" note names, or "" when the entry is verified."""
        if self.note.startswith("[unverified:"):
            return self.note[len("[unverified:") : self.note.find("]")].strip()
        return ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Glossary:
    """An ordered set of entries; ids are unique."""

    entries: tuple[Entry, ...]
    origin: str = ""  # where it was read from, for messages

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None


class HitKind(enum.StrEnum):
    """How a span of text matched the glossary."""

    TERM = "term"  # the preferred term
    VARIANT = "variant"  # an admitted variant or abbreviation
    FLAGGED = "flagged"  # a deprecated or forbidden form (listed in the glossary)
    NEAR_MISS = "near-miss"  # not listed, but a small edit away from a known name


@dataclass(frozen=True, slots=True, kw_only=True)
class TermHit:
    """A glossary term found in a text: [start, end) in that text."""

    start: int
    end: int
    text: str  # text[start:end] as written (inflected, in any case)
    kind: HitKind
    entry: Entry
    term: Term | None  # the glossary form that matched (None for a near miss)
    suggestion: str | None = None  # the correct form, for FLAGGED and NEAR_MISS hits
