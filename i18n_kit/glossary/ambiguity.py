"""Names that several entries share, and the context that tells them apart.

A surname alone («Жапаров», 扎帕罗夫, "Sharif") or a title without its year ("Astana
Declaration") can name several entries. The matcher then gives the hit every candidate;
the text around it narrows them, as a reader would:

- initials or a given name written with the surname ("A. U. Japarov", «Садыр Жапаров»,
  萨德尔·扎帕罗夫): the person whose given name it is -- or nobody in the glossary, when
  no candidate has that given name (a banker "Ravi Jaishankar" is not the minister);
- an office title next to the name ("Chairman of the Cabinet of Ministers Japarov",
  总统扎帕罗夫): the person whose note lists that office (``[office: ...]``);
- a year in the sentence ("the 2011 Astana Declaration"): the document adopted that year
  (``Adopted ... 2011`` in its note).

What is still ambiguous stays so: the checks credit any candidate and demand none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from i18n_kit.glossary.model import Category, Entry, Term, TermStatus
from i18n_kit.glossary.morphology import is_place

_OFFICE_RE = re.compile(r"\[office:\s*([^\]]*)\]")
_YEAR_RE = re.compile(r"\b(?:Adopted|Signed|Approved)\b[^.;]*?\b((?:19|20)\d\d)\b")
_TEXT_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SENTENCE_END = re.compile(r"[.!?。！？;；\n](?=\s|$)|[。！？；]")
_WORD_BEFORE = re.compile(r"(?:([^\W\d_]+)[ \u00a0]+)?([^\W\d_]+)[ \u00a0]+$")
#: A word after one of these is a place or a date, not a given name: "In Beijing Putin",
#: «В Пекине Путин».
_PREPOSITIONS = frozenset("""
in at on from to with by for of during since after before
в во на из с со по к ко о об при у от до за под над перед после
""".split())
_ZH_GIVEN_BEFORE = re.compile(r"([\u3400-\u9fff]+)·$")
_INITIALS = re.compile(r"(?<![^\W\d_])([^\W\d_])\s*\.")
_USABLE = (TermStatus.PREFERRED, TermStatus.ADMITTED)
#: How far around a name an office title or a year is looked for (characters).
WINDOW = 80

#: Words written before a surname that are not a given name: titles, honorifics and the
#: words that start a sentence. Compared by prefix, so Russian endings do not matter.
NOT_GIVEN_NAMES = tuple("""
mr mrs ms dr sir madam president prime premier minister chairman chairwoman chair
secretary deputy vice acting foreign external general ambassador envoy speaker head
leader king queen prince sheikh emir colleague counterpart the then when after before
while as and but at in on with from by for of to said says told also his her former
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december today yesterday
господин госпожа президент премьер министр председател секретар заместител генсек
посол глав лидер спикер коллег бывш и но а в на с от по при после когда также
""".split())


def offices(entry: Entry) -> tuple[str, ...]:
    """The office titles an entry's note lists: ``[office: President | Президент | 总统]``.

    >>> offices(Entry(id="p", category=Category.PERSON, terms=(),
    ...               note="Head of state. [office: President | Президент | 总统]"))
    ('President', 'Президент', '总统')
    """
    found = _OFFICE_RE.search(entry.note)
    if found is None:
        return ()
    return tuple(part.strip() for part in found.group(1).split("|") if part.strip())


def adoption_year(entry: Entry) -> str | None:
    """The year a document was adopted or signed, from its note ("Adopted 4 Jul 2024")."""
    found = _YEAR_RE.search(entry.note)
    return found.group(1) if found else None


def given_names(entry: Entry, lang: str) -> tuple[str, ...]:
    """The given names a person's usable forms in ``lang`` start with (Russian list order
    «Токаев Касым-Жомарт Кемелевич» gives the second word)."""
    names: list[str] = []
    for term in entry.forms(lang):
        if term.status not in _USABLE:
            continue
        if lang == "zh":
            if "·" in term.text:
                names.append(term.text.split("·", 1)[0])
            continue
        words = term.text.replace(".", ". ").split()
        if len(words) < 2:
            continue
        names.append(words[0].rstrip("."))
        if lang == "ru" and len(words) == 3:
            names.append(words[1])
    return tuple(names)


def narrow(
    text: str, lang: str, start: int, end: int, pairs: Sequence[tuple[Entry, Term]],
    known_word: Callable[[str], bool] = lambda word: False,
) -> list[tuple[Entry, Term]]:
    """The candidates (entry, matched form) the context around text[start:end] leaves.

    An empty list: the name is a person the glossary does not hold (another given name
    stands before the surname). Otherwise at least one candidate; several when the text
    does not say which. ``known_word`` tells a word the glossary uses ("Russian",
    «Киргизии»): such a word before a surname is not a given name.
    """
    candidates = list(pairs)
    people = all(entry.category is Category.PERSON for entry, _ in candidates)
    written = text[start:end]
    if people and _is_surname_alone(written, lang):
        given = _given_name_before(text, start, lang)
        if given is not None and not known_word(given):
            candidates = [(e, t) for e, t in candidates
                          if any(_same_name(given, name) for name in given_names(e, lang))]
            if not candidates:
                return []
    elif people and lang != "zh":
        letters = _INITIALS.findall(written)
        if letters:
            candidates = [(e, t) for e, t in candidates
                          if any(name[:1].casefold() == letters[0].casefold()
                                 for name in given_names(e, lang))]
            if not candidates:
                return []
    if len(candidates) < 2:
        return candidates
    window = _sentence_window(text, start, end)
    by_office = [(e, t) for e, t in candidates
                 if any(_office_near(office, window) for office in offices(e))]
    if by_office:
        candidates = by_office
    if len(candidates) > 1 and all(e.category is Category.DOCUMENT for e, _ in candidates):
        years = set(_TEXT_YEAR_RE.findall(window))
        by_year = [(e, t) for e, t in candidates if adoption_year(e) in years]
        if by_year:
            candidates = by_year
    return candidates


def _is_surname_alone(written: str, lang: str) -> bool:
    if lang == "zh":
        return "·" not in written
    return len(written.split()) == 1 and "." not in written


def _given_name_before(text: str, start: int, lang: str) -> str | None:
    """A given name written right before the surname at ``start``, or None."""
    before = text[max(0, start - 40) : start]
    if lang == "zh":
        found = _ZH_GIVEN_BEFORE.search(before)
        return found.group(1) if found else None
    found = _WORD_BEFORE.search(before)
    if found is None:
        return None
    previous, word = found.group(1), found.group(2)
    if not word[:1].isupper() or len(word) < 2 or word.isupper():
        return None
    folded = word.casefold()
    if any(folded.startswith(stop) for stop in NOT_GIVEN_NAMES):
        return None
    if previous is not None and previous.casefold() in _PREPOSITIONS:
        return None
    if lang == "ru" and is_place(word):
        return None
    return word


def _same_name(written: str, listed: str) -> bool:
    written, listed = written.casefold().replace("ё", "е"), listed.casefold().replace("ё", "е")
    if len(listed) == 1 or len(written) == 1:
        return written[:1] == listed[:1]
    # Russian declines given names: «Садыра» is «Садыр».
    stem = min(len(listed), max(3, len(listed) - 2))
    return written.startswith(listed[:stem]) or listed.startswith(written)


def _sentence_window(text: str, start: int, end: int) -> str:
    left = text[max(0, start - WINDOW) : start]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end() :]
    right = text[end : end + WINDOW]
    stop = _SENTENCE_END.search(right)
    if stop is not None:
        right = right[: stop.start()]
    return f"{left} {right}"


def _office_near(office: str, window: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", office):
        return office in window
    words = office.split()
    parts = [re.escape(w[: max(4, len(w) - 2)]) + r"\w*" if len(w) > 4 else re.escape(w)
             for w in words]
    return re.search(r"(?<!\w)" + r"\W+".join(parts), window, re.IGNORECASE) is not None
