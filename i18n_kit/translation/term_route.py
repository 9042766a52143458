"""The `term` route: a segment that is wholly a glossary term, filled with its equivalent.

What it publishes must agree with the source, or it is not published:

- register: formal -> formal, short -> short, abbreviation -> abbreviation
  ("Kyrgyz Republic" -> «Кыргызская Республика», "SCO RATS" -> «РАТС ШОС»);
- number and case: "Member States" -> «Государства-члены» (pymorphy3 inflects the
  glossary's nominative singular), «Государства-члены» -> "Member States";
- a capital at the start of the segment;
- the target language's punctuation around the term ("Member States:" -> «成员国：»).

It never cuts and never guesses: a form of another register is published only when it is
the target language's one full name (联合国 for "UN"), never a short form for a full
title, and a form the glossary marks ``[unverified: ...]`` is never published. When it
cannot be sure (no form of that register in the target language, an unverified form, a
number Chinese does not mark, a Russian source in an oblique case, a word pymorphy3 cannot
inflect), the entry is filled as fuzzy and the reason says what to check: a person decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from i18n_kit.glossary.match import INSERTED_ZH, american_spelling, fold_latin, signature
from i18n_kit.glossary.model import (
    Category,
    Entry,
    HitKind,
    Register,
    Term,
    TermHit,
)
from i18n_kit.glossary.morphology import grammatical_form, inflect_term, normalise_yo
from i18n_kit.glossary.names import is_surname_alone, surname_form
from i18n_kit.glossary.spelling import is_abbreviation
from i18n_kit.model import Route, RouteDecision

#: What may stand around the term in a segment that is "wholly" the term.
EDGE_PUNCTUATION = " \t.,;:!?…。，；：！？、*_()[]（）「」“”«»\"'"
_REGISTER_NAMES = {
    Register.FULL: "formal name",
    Register.SHORT: "short form",
    Register.ABBREVIATION: "abbreviation",
}
_CASE_NAMES = {
    "gent": "genitive", "datv": "dative", "accs": "accusative", "ablt": "instrumental",
    "loct": "prepositional", "voct": "vocative", "gen2": "genitive", "acc2": "accusative",
    "loc2": "locative",
}
#: Names of things, not kinds of things: they have no plural to agree with.
_PROPER = frozenset({Category.ORGANISATION, Category.BODY, Category.STATE,
                     Category.DOCUMENT, Category.PARTNER_ORG, Category.PERSON})
_TO_ZH = str.maketrans({
    ":": "：", ";": "；", ",": "，", ".": "。", "!": "！", "?": "？", "(": "（", ")": "）",
    "«": "“", "»": "”", '"': "“", "…": "……",
})
_FROM_ZH = str.maketrans({
    "：": ":", "；": ";", "，": ",", "、": ",", "。": ".", "！": "!", "？": "?",
    "（": "(", "）": ")",
})
_TO_RU_QUOTES = str.maketrans({"“": "«", "”": "»", "「": "«", "」": "»"})
_TO_EN_QUOTES = str.maketrans({"«": "“", "»": "”", "「": "“", "」": "”"})
_SIBILANT_END = re.compile(r"(?:s|x|z|ch|sh)$")


def may_fill_term(text: str, hits: Sequence[TermHit]) -> bool:
    """Whether `fill_term` may decide ``text`` with these ``hits`` (it is wholly one
    glossary term): with any other hits of it, or none, it decides nothing.

    >>> from i18n_kit.glossary.model import Entry, Term
    >>> member = Entry(id="conc-01", category=Category.CONCEPT, terms=(
    ...     Term(text="member state", lang="en"), Term(text="государство-член", lang="ru")))
    >>> hit = TermHit(start=0, end=13, text="Member States", kind=HitKind.TERM,
    ...               entry=member, term=member.terms[0])
    >>> may_fill_term("Member States:", [hit]), may_fill_term("Member States met.", [hit])
    (True, False)
    """
    return _whole_term(text, hits) is not None


def _whole_term(text: str, hits: Sequence[TermHit]) -> TermHit | None:
    """The one term or variant hit that ``text`` is, edge punctuation aside."""
    usable = [hit for hit in hits if hit.kind in (HitKind.TERM, HitKind.VARIANT)]
    if len(usable) != 1 or usable[0].term is None:
        return None
    hit = usable[0]
    if text[: hit.start].strip(EDGE_PUNCTUATION) or text[hit.end :].strip(EDGE_PUNCTUATION):
        return None
    return hit


def fill_term(
    text: str, hits: list[TermHit], *, source_lang: str, target_lang: str
) -> RouteDecision | None:
    """The `term` decision for a segment that is wholly one glossary term, else None.

    >>> from i18n_kit.glossary.model import Entry, Term
    >>> member = Entry(id="conc-01", category=Category.CONCEPT, terms=(
    ...     Term(text="member state", lang="en"), Term(text="государство-член", lang="ru")))
    >>> hit = TermHit(start=0, end=13, text="Member States", kind=HitKind.TERM,
    ...               entry=member, term=member.terms[0])
    >>> fill_term("Member States:", [hit], source_lang="en", target_lang="ru").target_text
    'Государства-члены:'
    """
    hit = _whole_term(text, hits)
    if hit is None or hit.term is None:  # (never None when whole: for the type checker)
        return None
    term, entry = hit.term, hit.entry
    prefix, suffix = text[: hit.start], text[hit.end :]
    target = entry.counterpart(target_lang, term.register)
    doubts: list[str] = []
    paired = entry.approved(source_lang, term.register)
    if term not in entry.terms or _listed_surname(entry, term):
        # a form of a name the matcher derives (glossary/names.py), or a surname alone
        target = surname_form(entry, target_lang) if is_surname_alone(hit) else None
    elif paired is not None and paired != term and not _share_a_word(paired.text, term.text):
        # «SCO summit» is a short form of the Council of Heads of State, but the glossary
        # pairs «Council of Heads of State» with «Совет глав государств-членов ШОС»
        doubts.append(f"«{term.text}» is not the {_REGISTER_NAMES[term.register]} the "
                      f"glossary pairs («{paired.text}»)")
    if target is not None and target.register is not term.register \
            and target.register is not Register.FULL:
        # The target language's only form is shorter than the source: 比什凯克宣言 for the
        # Declaration of the Council of Heads of State: a cut title, never published.
        target = None
    if target is None:
        target = _any_approved(entry, target_lang)
        if target is None:
            return None
        doubts.append(
            f"the glossary has no {target_lang} {_REGISTER_NAMES[term.register]}; "
            f"its {_REGISTER_NAMES[target.register]} is used"
        )
    if hit.candidates:
        # A name several entries share: published only when every candidate is written
        # alike in the target language (扎帕罗夫 -> «Жапаров» whichever Japarov it is).
        written = {_candidate_form(other, hit, term, target_lang) for other in hit.candidates}
        if written != {target.text}:
            names = " or ".join(_name_of(other, source_lang) for other in hit.candidates)
            doubts.append(f"«{hit.text.strip()}» may name {names}")
    # Doubtful only when no candidate vouches for it (the surname «Жапаров» is verified
    # for Sadyr Japarov, whatever Akylbek Japarov's note says).
    doubtful = [other.unverified_in(target_lang, target.register) for other in hit.entries]
    unverified = doubtful[0] if all(doubtful) else ""
    if unverified:
        doubts.append(f"the glossary marks the {target_lang} form unverified ({unverified})")
    inserted = [word for word in (*INSERTED_ZH, "(", "（") if word in hit.text
                and word not in term.text]
    if inserted:
        # 上合组织新任秘书长 is the Secretary-General, but "newly appointed" would be cut
        doubts.append(f"the source adds «{inserted[0]}» to the name, which the glossary "
                      "form does not have")
    number, doubt = _source_number(hit, term, source_lang)
    if doubt:
        doubts.append(doubt)
    filled = target.text
    if number == "plur" and entry.category not in _PROPER:
        plural = _plural(filled, target_lang)
        if plural is None:
            doubts.append(f"the source is plural and «{filled}» could not be put in the plural")
        else:
            filled = plural
    # The term starts the segment: capitalised as the source is (Chinese has no capitals,
    # so a segment translated from it starts with one).
    if target_lang != "zh" and (source_lang == "zh" or hit.text[:1].isupper()):
        filled = filled[:1].upper() + filled[1:]
    if target_lang != "zh" and source_lang != "zh" and _in_capitals(hit.text):
        filled = filled.upper()  # a heading in capitals ("ASTANA DECLARATION")
    filled = (_localise(prefix, source_lang, target_lang) + filled
              + _localise(suffix, source_lang, target_lang))
    reason = f"glossary term {entry.id}, {_REGISTER_NAMES[target.register]}"
    if doubts:
        return RouteDecision(route=Route.TERM, reason=f"{reason}; check it: {'; '.join(doubts)}",
                             target_text=filled, fuzzy=True)
    return RouteDecision(route=Route.TERM, reason=reason, target_text=filled)


def _candidate_form(entry: Entry, hit: TermHit, term: Term, lang: str) -> str | None:
    """What the route would write in ``lang`` for ``entry`` as the hit's candidate."""
    if (term not in hit.entry.terms or _listed_surname(hit.entry, term)) \
            and is_surname_alone(hit):
        found = surname_form(entry, lang)
    else:
        found = entry.counterpart(lang, term.register)
    return None if found is None else found.text


def _in_capitals(text: str) -> bool:
    """Whether a span is written in capitals as a heading is, not as an abbreviation is:
    two words or more, every letter a capital."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) > 1 and all(word.isupper() for word in words)


def _listed_surname(entry: Entry, term: Term) -> bool:
    """A person's surname the glossary lists as a short form (扎帕罗夫, "Tokaev")."""
    return (entry.category is Category.PERSON and term.register is Register.SHORT
            and " " not in term.text and "·" not in term.text and "." not in term.text)


def _name_of(entry: Entry, lang: str) -> str:
    preferred = entry.preferred(lang) or entry.preferred("en")
    return preferred.text if preferred is not None else entry.id


def _any_approved(entry: Entry, lang: str) -> Term | None:
    for register in Register:
        term = entry.approved(lang, register)
        if term is not None:
            return term
    return None


def _source_number(hit: TermHit, term: Term, lang: str) -> tuple[str, str]:
    """("plur" when the source writes in the plural a term the glossary lists in the
    singular, else "as listed"; a doubt or "")."""
    written = hit.text.strip()
    if lang == "zh":
        if hit.entry.category in _PROPER:
            return "as listed", ""
        return "as listed", "Chinese does not mark the plural: check singular or plural"
    # The target's form pairs with the source language's approved form of the register:
    # its number is the one to compare with ("Member States" against "member state").
    listed = hit.entry.approved(lang, term.register) or term
    if _same(written, listed.text):
        return "as listed", ""
    if lang == "en":
        mine, theirs = _english_number(written), _english_number(listed.text)
        if (mine, theirs) == ("plur", "sing"):
            return "plur", ""
        if mine == theirs and _same(written, term.text):
            return "as listed", ""  # another listed spelling of the same number
        return "as listed", f"the source writes «{written}», not the glossary's «{listed.text}»"
    first = next((w for w in written.split() if not is_abbreviation(w)), written)
    form = grammatical_form(first)
    if form is None:
        return "as listed", f"cannot tell the number and case of «{written}»"
    number, case = form
    if case != "nomn":
        return "as listed", f"the source is in the {_CASE_NAMES.get(case, case)} case"
    listed_first = next((w for w in listed.text.split() if not is_abbreviation(w)), "")
    listed_form = grammatical_form(listed_first) if listed_first else None
    if listed_form is None or listed_form[0] == number:
        return "as listed", ""
    if number == "plur":
        return "plur", ""
    return "as listed", f"the source writes «{written}» in the singular"


def _english_number(phrase: str) -> str:
    """"plur" when the last word of an English phrase is a plural ("Member States")."""
    last = phrase.split()[-1] if phrase.split() else ""
    if not last.isalpha() or is_abbreviation(last):
        return "sing"
    return "plur" if fold_latin(last) != last.casefold() else "sing"


def _share_a_word(one: str, other: str) -> bool:
    """Whether two forms of one register are spellings of one name ("SCO RATS" and "RATS",
    "Member States" and "member state") rather than two names of one concept ("SCO summit"
    and "Council of Heads of State"): they share a word, singular or plural alike."""
    def words(text: str) -> set[str]:
        return {fold_latin(word) for word in re.findall(r"\w+", normalise_yo(text))}
    return bool(words(one) & words(other))


def _same(written: str, listed: str) -> bool:
    """Whether two spellings are one form: case, «ё», dashes with or without spaces
    («государств – членов») and British or American spelling alike."""
    def fold(text: str) -> str:
        return " ".join(american_spelling(word) for word in signature(text).split())
    return fold(written) == fold(listed)


def _plural(text: str, lang: str) -> str | None:
    if lang == "ru":
        return inflect_term(text, number="plur")
    if lang == "en":
        words = text.split(" ")
        last = words[-1]
        if " of " in f" {text} " or is_abbreviation(last) or not last.isalpha():
            return None  # "Council of Foreign Ministers": the head is not the last word
        if last.endswith("y") and last[-2:-1] not in "aeiou":
            words[-1] = last[:-1] + "ies"
        elif _SIBILANT_END.search(last):
            words[-1] = last + "es"
        else:
            words[-1] = last + "s"
        return " ".join(words)
    return text  # Chinese: 成员国 is one member state or many


def _localise(marks: str, source_lang: str, target_lang: str) -> str:
    """The punctuation around a term, written as the target language writes it."""
    if source_lang == target_lang or not marks:
        return marks
    if target_lang == "zh":
        return marks.translate(_TO_ZH).replace(" ", "")
    if source_lang == "zh":
        marks = marks.translate(_FROM_ZH)
    return marks.translate(_TO_RU_QUOTES if target_lang == "ru" else _TO_EN_QUOTES)
