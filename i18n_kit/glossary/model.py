"""Glossary value types: concepts (entries) with their terms per language."""

from __future__ import annotations

import enum
import re
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
    """Normative authorization of a term, as TBX's ``administrativeStatus`` has it.

    Forbidden means wrong, and only that is an error: a misspelling, a mistranslation, a
    name no longer valid (`!` in the CSV; TBX ``deprecatedTerm-admn-sts``). A form that is
    correct but not the house form -- a transliteration variant ("Emomali Rakhmon"), a
    state's name as another state's media write it («Белоруссия») -- is deprecated (`~`;
    TBX ``supersededTerm-admn-sts``): a warning in translations, nothing in sources. A
    state's own usage (白罗斯) is at least admitted.
    """

    PREFERRED = "preferred"  # the approved rendering (TBX preferredTerm-admn-sts)
    ADMITTED = "admitted"  # an accepted variant or abbreviation (admittedTerm-admn-sts)
    DEPRECATED = "deprecated"  # dispreferred or superseded (`~`): a warning in translations
    FORBIDDEN = "forbidden"  # wrong (`!`; TBX deprecatedTerm-admn-sts): an error anywhere


class Register(enum.StrEnum):
    """Which kind of name a form is (TBX ``termType``); forms pair across languages by it.

    Formal in the source is formal in the translation (Kyrgyz Republic = Кыргызская
    Республика = 吉尔吉斯共和国), short is short (Kyrgyzstan = Кыргызстан = 吉尔吉斯斯坦),
    an abbreviation an abbreviation (SCO RATS = РАТС ШОС).
    """

    FULL = "full"  # the formal, complete name (TBX fullForm)
    SHORT = "short"  # a short name or title (TBX shortForm): Kyrgyzstan, the Organisation
    ABBREVIATION = "abbr"  # an abbreviation or acronym (TBX abbreviation): SCO, ШОС, 上合组织


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    lang: str
    status: TermStatus = TermStatus.PREFERRED
    register: Register = Register.FULL
    note: str = ""


_USABLE = frozenset({TermStatus.PREFERRED, TermStatus.ADMITTED})


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

    def approved(self, lang: str, register: Register) -> Term | None:
        """The form to write in ``lang`` for a name of ``register`` (None when there is none).

        The preferred term when it has that register, else the first admitted form of it:
        the pairing the term route and the checks rely on.
        """
        for term in self.forms(lang):
            if term.register is register and term.status in _USABLE:
                return term
        return None

    def counterpart(self, lang: str, register: Register) -> Term | None:
        """The form ``lang`` writes for a name of ``register``: its approved form of that
        register; or, when ``lang`` names the concept one way only (联合国 for UN and United
        Nations, 苏杰生), that one form; else None (``lang`` has forms of other registers
        and a translator must choose, or none at all).

        >>> un = Entry(id="x", category=Category.PARTNER_ORG, terms=(
        ...     Term(text="United Nations", lang="en"),
        ...     Term(text="UN", lang="en", status=TermStatus.ADMITTED,
        ...          register=Register.ABBREVIATION),
        ...     Term(text="联合国", lang="zh")))
        >>> un.counterpart("zh", Register.ABBREVIATION).text
        '联合国'
        >>> un.counterpart("ru", Register.ABBREVIATION) is None
        True
        """
        approved = self.approved(lang, register)
        if approved is not None:
            return approved
        registers = self.registers(lang)
        return self.approved(lang, registers[0]) if len(registers) == 1 else None

    def registers(self, lang: str) -> tuple[Register, ...]:
        """The registers ``lang`` has a usable form in, in the order of Register."""
        have = {t.register for t in self.terms if t.lang == lang and t.status in _USABLE}
        return tuple(register for register in Register if register in have)

    def unverified_in(self, lang: str, register: Register) -> str:
        """The part of the "[unverified: ...]" note that covers ``lang``'s form of
        ``register``, or "": a part naming no language covers every language ("full
        titles", "identity"), a part naming a register (full, long, short) only that one.

        >>> e = Entry(id="d", category=Category.DOCUMENT, terms=(),
        ...           note="[unverified: ru; zh full title] Adopted 2024.")
        >>> e.unverified_in("ru", Register.SHORT), e.unverified_in("zh", Register.FULL)
        ('ru', 'zh full title')
        >>> e.unverified_in("zh", Register.SHORT), e.unverified_in("en", Register.FULL)
        ('', '')
        """
        for part in re.split(r"[;,]", self.unverified):
            words = set(re.findall(r"[a-z]+", part.casefold()))
            langs = words & set(GLOSSARY_LANGUAGES)
            if not part.strip() or (langs and lang not in langs) or "verified" in words:
                continue  # "扎帕罗夫 verified" says what is not in doubt
            if "not" in words and "found" in words and not words & {"identity"}:
                continue  # "zh not found": there is no form to doubt
            named = {Register.FULL for w in words if w in ("full", "long")} | {
                Register.SHORT for w in words if w == "short"}
            if named and register not in named:
                continue
            return part.strip()
        return ""

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
    #: Every entry the span may name when several share it (a surname two people have, a
    #: title without its year), ``entry`` first; () when it names ``entry`` only.
    candidates: tuple[Entry, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The entries the hit may name: its candidates, or its entry alone."""
        return self.candidates or (self.entry,)

    def paired(self, lang: str) -> Term | None:
        """The approved form in ``lang`` of what this hit names: the form of the same
        register when ``lang`` has one (SCO -> ШОС), else the preferred term."""
        if self.term is not None and self.term.status in _USABLE:
            same = self.entry.counterpart(lang, self.term.register)
            if same is not None:
                return same
        return self.entry.preferred(lang)
