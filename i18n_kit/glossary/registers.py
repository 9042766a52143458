"""Registers in the glossary files: the CSV tag, the TBX term type, and the inference rule.

A form's register (full name, short name, abbreviation) is written as a tag after its
status mark in CSV (``~short:Киргизия``, ``abbr:РАТС ШОС``) and as
``<termNote type="termType">`` in TBX. An untagged form gets its register by
:func:`infer_register`, so that a CSV file carries a tag only where the rule would be
wrong, and the writers write a tag exactly there (CSV -> TBX -> CSV is byte-equal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from i18n_kit.glossary.model import GLOSSARY_LANGUAGES, Entry, Register, Term, TermStatus
from i18n_kit.glossary.spelling import is_abbreviation

#: The CSV tag of each register, written after the status mark: ``~short:Киргизия``.
REGISTER_TAGS: Mapping[str, Register] = {
    "full:": Register.FULL,
    "short:": Register.SHORT,
    "abbr:": Register.ABBREVIATION,
}
TAG_OF: Mapping[Register, str] = {register: tag for tag, register in REGISTER_TAGS.items()}

#: TBX ``termType`` written for each register (ISO 12620 / TBX-Basic picklist values).
TERM_TYPE_OF: Mapping[Register, str] = {
    Register.FULL: "fullForm",
    Register.SHORT: "shortForm",
    Register.ABBREVIATION: "abbreviation",
}
#: TBX ``termType`` values read as a register; ``acronym`` and ``initialism`` are
#: abbreviations, a ``clippedTerm`` a short form.
REGISTER_OF_TERM_TYPE: Mapping[str, Register] = {
    "fullForm": Register.FULL,
    "shortForm": Register.SHORT,
    "clippedTerm": Register.SHORT,
    "abbreviation": Register.ABBREVIATION,
    "acronym": Register.ABBREVIATION,
    "initialism": Register.ABBREVIATION,
}
#: Other ISO 12620 ``termType`` values: they say nothing about register, so a term carrying
#: one gets its register by the inference rule, as an untyped term does.
NEUTRAL_TERM_TYPES: frozenset[str] = frozenset(
    {
        "commonName",
        "entryTerm",
        "equation",
        "formula",
        "internationalism",
        "internationalScientificTerm",
        "logicalExpression",
        "partNumber",
        "phrase",
        "phraseologicalUnit",
        "romanizedForm",
        "shortcut",
        "sku",
        "standardText",
        "stockKeepingUnit",
        "symbol",
        "synonym",
        "synonymousPhrase",
        "transcribedForm",
        "transliteratedForm",
        "variant",
    }
)


# A word for the abbreviation test: a run of letters (hyphens, quotes, digits split it).
_WORD = re.compile(r"[^\W\d_]+")


def looks_like_abbreviation(text: str) -> bool:
    """Whether every word of a form (a run of letters) is written like an abbreviation
    (``is_abbreviation`` of the matcher: capitals after the first letter).

    >>> [looks_like_abbreviation(t) for t in ("SCO RATS", "РАТС ШОС", "IHR (2005)", "SCO+")]
    [True, True, True, True]
    >>> [looks_like_abbreviation(t) for t in ("SCO Secretary-General", "«Хабар 24»", "上合组织")]
    [False, False, False]
    """
    words = _WORD.findall(text)
    return bool(words) and all(is_abbreviation(word) for word in words)


def infer_register(text: str, *, preferred: bool, preferred_register: Register | None) -> Register:
    """The register of an untagged form.

    A form written like an abbreviation (SCO, ШОС, SCO RATS) is an abbreviation. Any other
    preferred form is a full name. Any other variant takes the register of its language's
    preferred form (spellings and inflections of a name share its register), or ``full``
    when that is an abbreviation or there is none (TASS -> "TASS Russian News Agency").

    >>> infer_register("Kyrgyzstan", preferred=True, preferred_register=None)
    <Register.FULL: 'full'>
    >>> infer_register("Киргизия", preferred=False, preferred_register=Register.SHORT)
    <Register.SHORT: 'short'>
    >>> infer_register("КНР", preferred=False, preferred_register=Register.SHORT)
    <Register.ABBREVIATION: 'abbr'>
    """
    if looks_like_abbreviation(text):
        return Register.ABBREVIATION
    if preferred or preferred_register in (None, Register.ABBREVIATION):
        return Register.FULL
    return preferred_register


def inferred_registers(terms: Iterable[Term]) -> dict[tuple[str, str], Register]:
    """What :func:`infer_register` gives each of an entry's terms, by (lang, text), from the
    registers the preferred terms actually have."""
    terms = tuple(terms)
    preferred = {t.lang: t.register for t in terms if t.status is TermStatus.PREFERRED}
    return {
        (t.lang, t.text): infer_register(
            t.text,
            preferred=t.status is TermStatus.PREFERRED,
            preferred_register=preferred.get(t.lang),
        )
        for t in terms
    }


def split_tag(form: str) -> tuple[Register | None, str]:
    """A CSV form (status mark already removed) as its register tag and its text.

    >>> split_tag("short:Киргизия"), split_tag("Киргизия")
    ((<Register.SHORT: 'short'>, 'Киргизия'), (None, 'Киргизия'))
    """
    for tag, register in REGISTER_TAGS.items():
        if form.startswith(tag):
            return register, form[len(tag) :]
    return None, form


def starts_with_tag(text: str) -> bool:
    """Whether a term's text would be read back as a tagged form (it cannot go to CSV)."""
    return split_tag(text)[0] is not None


def register_pairs(entry: Entry) -> dict[Register, dict[str, Term | None]]:
    """For each register some language has, the form every language writes for it
    (`Entry.counterpart`; None where a language has none): the pairs a translation keeps.

    >>> from i18n_kit.glossary.model import Category
    >>> entry = Entry(id="x", category=Category.STATE, terms=(
    ...     Term(text="Kyrgyzstan", lang="en", register=Register.SHORT),
    ...     Term(text="Kyrgyz Republic", lang="en", status=TermStatus.ADMITTED),
    ...     Term(text="Кыргызстан", lang="ru", register=Register.SHORT)))
    >>> {r.value: {l: t and t.text for l, t in p.items()} for r, p in register_pairs(entry).items()}
    {'full': {'en': 'Kyrgyz Republic', 'ru': 'Кыргызстан', 'zh': None}, 'short': {'en': 'Kyrgyzstan', 'ru': 'Кыргызстан', 'zh': None}}
    """  # noqa: E501
    pairs: dict[Register, dict[str, Term | None]] = {}
    for register in Register:
        if not any(entry.approved(lang, register) for lang in GLOSSARY_LANGUAGES):
            continue
        pairs[register] = {
            lang: entry.counterpart(lang, register) for lang in GLOSSARY_LANGUAGES
        }
    return pairs
