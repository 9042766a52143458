"""Rules every glossary obeys whatever its file format: one entry, then the set of entries."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.model import (
    GLOSSARY_LANGUAGES,
    Category,
    Entry,
    Register,
    Term,
    TermStatus,
)
from i18n_kit.glossary.spelling import is_abbreviation

#: Values of an entry's status in a year (the reference's status_2020/status_2025 columns).
STATUS_VALUES: tuple[str, ...] = ("member", "observer", "dialogue_partner", "none")
#: Years the CSV format has a status column for.
STATUS_YEARS: tuple[str, ...] = ("2020", "2025")

# Ids become TBX `conceptEntry/@id`, an xml:id, so they must be XML names without a colon.
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
# C0 controls other than tab and newline cannot be written to XML 1.0 or survive an editor.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True, kw_only=True)
class LocatedEntry:
    """An entry with the file and line it was read from, for error messages."""

    entry: Entry
    path: str
    line: int | None


def check_entry(entry: Entry, *, path: str, line: int | None) -> None:
    """Raise GlossaryError when one entry is malformed on its own.

    >>> from i18n_kit.glossary.model import Category, Term
    >>> check_entry(Entry(id="x", category=Category.STATE,
    ...     terms=(Term(text="Laos", lang="en"),)), path="g.csv", line=2)
    """

    def fail(problem: str) -> GlossaryError:
        return GlossaryError(f"entry {entry.id!r}: {problem}", path=path, line=line)

    if not _ID.match(entry.id):
        raise GlossaryError(
            f"id {entry.id!r} is not valid; use letters, digits, '-', '_' or '.', "
            "starting with a letter",
            path=path,
            line=line,
        )
    if not entry.terms:
        raise fail("has no term in any language; give at least one of en, ru, zh")
    for name, value in (("note", entry.note), ("source", entry.source)):
        if _CONTROL.search(value):
            raise fail(f"{name} contains a control character; remove it")
    for year, status in entry.status_by_year.items():
        if year not in STATUS_YEARS:
            raise fail(f"status for year {year!r}: only {', '.join(STATUS_YEARS)} are kept")
        if status not in STATUS_VALUES:
            raise fail(f"status {status!r} for {year} is not one of {', '.join(STATUS_VALUES)}")
    seen: set[tuple[str, str]] = set()
    preferred: set[str] = set()
    registers: dict[tuple[str, str], tuple[str, Register]] = {}
    for term in entry.terms:
        if term.lang not in GLOSSARY_LANGUAGES:
            raise fail(f"language {term.lang!r} is not one of {', '.join(GLOSSARY_LANGUAGES)}")
        if not term.text:
            raise fail(f"empty {term.lang} term; remove the empty form (e.g. 'a||b')")
        if term.text != term.text.strip():
            raise fail(f"{term.lang} term {term.text!r} has leading or trailing space")
        if _CONTROL.search(term.text) or "\n" in term.text or "\t" in term.text:
            raise fail(f"{term.lang} term {term.text!r} contains a control character")
        if (term.lang, term.text) in seen:
            raise fail(f"{term.lang} term {term.text!r} is listed twice; keep one")
        seen.add((term.lang, term.text))
        # The matcher reads these two forms alike, so a match could not say which register
        # the source used, nor which form of the other languages pairs with it.
        first_text, first_register = registers.setdefault(
            (term.lang, form_key(term.text)), (term.text, term.register)
        )
        if first_register is not term.register:
            raise fail(
                f"{term.lang} forms {first_text!r} ({first_register.value}) and {term.text!r} "
                f"({term.register.value}) read alike but have different registers; "
                "give them one register"
            )
        if term.status is TermStatus.PREFERRED:
            if term.lang in preferred:
                raise fail(f"two preferred {term.lang} terms; keep one and make the other admitted")
            preferred.add(term.lang)


def form_key(text: str) -> str:
    """The key under which two written forms count as the same form.

    Case, Unicode normalisation and ё/е are ignored: matching ignores them for words,
    so two entries that differ only there would still be ambiguous.

    >>> form_key("Организация") == form_key("организация")
    True
    """
    return unicodedata.normalize("NFC", text).casefold().replace("ё", "е")


def check_entries(located: Sequence[LocatedEntry]) -> None:
    """Raise GlossaryError on a duplicate id, on one form claimed with different targets,
    or on an entry whose languages disagree on a register (`check_registers`).

    A form (any status) in one language may belong to several entries only when those
    entries have the same preferred terms in the other languages, and, where both have
    one, the same approved form there in the form's register; otherwise a match could not
    say which translation is approved.

    >>> check_entries([])
    """
    by_id: dict[str, LocatedEntry] = {}
    for item in located:
        first = by_id.get(item.entry.id)
        if first is not None:
            raise GlossaryError(
                f"duplicate id {item.entry.id!r} (first at {_where(first, item.path)}); "
                "give each entry its own id",
                path=item.path,
                line=item.line,
            )
        by_id[item.entry.id] = item
    owners: dict[tuple[str, str], LocatedEntry] = {}
    for item in located:
        for term in item.entry.terms:
            key = (term.lang, form_key(term.text))
            owner = owners.setdefault(key, item)
            if owner is item:
                continue
            owner_term = next(
                t
                for t in owner.entry.terms
                if (t.lang, form_key(t.text)) == key
            )
            if _shared_name(owner.entry, owner_term, item.entry, term):
                continue
            difference = _target_difference(
                owner.entry, item.entry, term.lang, (owner_term.register, term.register)
            )
            if difference:
                raise GlossaryError(
                    f"entry {item.entry.id!r}: {term.lang} form {term.text!r} also belongs to "
                    f"{owner.entry.id!r} ({_where(owner, item.path)}), whose target differs "
                    f"({difference}); keep the form in one entry only",
                    path=item.path,
                    line=item.line,
                )
    check_registers(located)


def _shared_name(first: Entry, first_term: Term, second: Entry, second_term: Term) -> bool:
    """Whether two entries may share a form: the short name two people or two documents
    have ("Astana Declaration" of 2011 and of 2024). The matcher gives such a form every
    candidate, and the checks demand none of them (glossary/ambiguity.py)."""
    shareable = (Category.PERSON, Category.DOCUMENT)
    return (first.category is second.category and first.category in shareable
            and first_term.register is second_term.register is Register.SHORT)


def _target_difference(
    first: Entry, second: Entry, source_lang: str, registers: tuple[Register, Register]
) -> str:
    for lang in GLOSSARY_LANGUAGES:
        if lang == source_lang:
            continue
        a, b = first.preferred(lang), second.preferred(lang)
        text_a, text_b = ("" if a is None else a.text), ("" if b is None else b.text)
        if text_a != text_b:
            return f"{lang} {text_a!r} vs {text_b!r}"
    for lang in GLOSSARY_LANGUAGES:
        if lang == source_lang:
            continue
        a, b = first.approved(lang, registers[0]), second.approved(lang, registers[1])
        if a is None or b is None:  # one entry has no form to pair with: no contradiction
            continue
        text_a, text_b = a.text, b.text
        if text_a != text_b:
            if registers[0] is registers[1]:
                return f"{lang} {registers[0].value} form {text_a!r} vs {text_b!r}"
            return (
                f"{lang} {registers[0].value} form {text_a!r} vs "
                f"{registers[1].value} form {text_b!r}"
            )
    return ""


def _where(item: LocatedEntry, current_path: str) -> str:
    if item.path != current_path:
        return item.path if item.line is None else f"{item.path}:{item.line}"
    return "this file" if item.line is None else f"line {item.line}"


#: Categories whose names, inside another entry's form, make that form name them too:
#: «Бишкекская декларация Совета глав государств-членов ШОС» names the SCO.
NAMED_INSIDE = frozenset({Category.ORGANISATION})
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")


def _name_pattern(text: str) -> re.Pattern[str] | None:
    """A pattern for an organisation's form inside another form: Chinese as written, an
    abbreviation as a whole word, case kept; other words case-folded with their endings
    free («Шанхайской организации сотрудничества» = «Шанхайская организация ...»)."""
    if _HAN_RE.search(text):
        return re.compile(re.escape(text))
    words = _WORD_RE.findall(text)
    if not words or (len(words) == 1 and len(words[0]) < 2):
        return None
    if len(words) == 1:  # one word is that word, with at most an ending: not «Информационной»
        word = words[0]
        flags = "" if is_abbreviation(word) else "(?i:"
        return re.compile(r"(?<!\w)" + (flags + re.escape(word) + ")" if flags else
                                         re.escape(word)) + r"\w{0,3}\b")
    parts = []
    for word in words:
        if is_abbreviation(word) or len(word) < 5:
            parts.append(re.escape(word) + r"\b" if is_abbreviation(word) else
                         "(?i:" + re.escape(word) + r")\b")
        else:
            parts.append("(?i:" + re.escape(word[: max(4, len(word) - 3)]) + r")\w*")
    return re.compile(r"(?<!\w)" + r"\W+".join(parts))


def _named_inside(entries: Sequence[Entry]) -> list[tuple[str, str, re.Pattern[str]]]:
    """(entry id, preferred English name, pattern) of every usable form of an organisation."""
    found = []
    for entry in entries:
        if entry.category not in NAMED_INSIDE:
            continue
        english = entry.preferred("en")
        label = english.text if english is not None else entry.id
        for term in entry.terms:
            # "the Organisation", «Организация» refer back; they name nothing on their own.
            if term.status in (TermStatus.PREFERRED, TermStatus.ADMITTED) \
                    and term.register is not Register.SHORT:
                pattern = _name_pattern(term.text)
                if pattern is not None:
                    found.append((entry.id, label, pattern))
    return found


def names_in(text: str, organisations: Sequence[tuple[str, str, re.Pattern[str]]],
             own_id: str) -> dict[str, str]:
    """The organisations a form names (spelled out or abbreviated): id -> English name."""
    return {entry_id: label for entry_id, label, pattern in organisations
            if entry_id != own_id and pattern.search(text)}


def register_disagreement(entry: Entry, organisations: Sequence[tuple[str, str,
                          re.Pattern[str]]]) -> str:
    """Why ``entry``'s languages disagree on a register, or "".

    Forms of one register pair across languages, so they must name the same things: a
    title that names the Organisation (spelled out or abbreviated) is its full form, and a
    "short" form that names it beside a short form that does not would publish a cut
    title («Бишкекская декларация Совета глав государств-членов ШОС» -> "Bishkek
    Declaration").
    """
    # Only short forms are compared: a full form may spell a name out or abbreviate it,
    # and an abbreviation holds its parts unwritten (UNGA = ГА ООН).
    for register in (Register.SHORT,):
        named: dict[str, tuple[Term, dict[str, str]]] = {}
        for lang in GLOSSARY_LANGUAGES:
            term = entry.approved(lang, register)
            if term is not None:
                named[lang] = (term, names_in(term.text, organisations, entry.id))
        # Every usable form of the register, not only the one the route pairs: a source
        # written in any of them is read as that register.
        forms = [(t, names_in(t.text, organisations, entry.id)) for t in entry.terms
                 if t.register is register and t.lang in named
                 and t.status in (TermStatus.PREFERRED, TermStatus.ADMITTED)]
        for term, names in forms:
            lang = term.lang
            for other_lang, (other, other_names) in named.items():
                if other_lang == lang:
                    continue
                extra = sorted(set(names) - set(other_names))
                if extra:
                    return (
                        f"its {lang} {register.value} form {term.text!r} names "
                        f"{names[extra[0]]}, its {other_lang} {register.value} form "
                        f"{other.text!r} does not; a form that names it (spelled out or "
                        "abbreviated) is a full form: tag it 'full:'"
                    )
    return ""


def check_registers(located: Sequence[LocatedEntry]) -> None:
    """Raise GlossaryError on an entry whose languages disagree on a register
    (`register_disagreement`)."""
    organisations = _named_inside([item.entry for item in located])
    for item in located:
        problem = register_disagreement(item.entry, organisations)
        if problem:
            raise GlossaryError(f"entry {item.entry.id!r}: {problem}",
                                path=item.path, line=item.line)
