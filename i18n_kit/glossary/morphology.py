"""Russian lemmatisation for glossary matching; the only module that imports pymorphy3."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3

#: Distinct word forms remembered; running news text repeats most of its words.
CACHE_SIZE = 200_000


@functools.cache
def _analyzer() -> pymorphy3.MorphAnalyzer:
    # Loading the dictionaries takes a fraction of a second; do it once per process, and
    # only in one that meets Russian (importing pymorphy3 is not free either).
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def normalise_yo(text: str) -> str:
    """Fold «ё» into «е», as most Russian news text does.

    >>> normalise_yo("Мирзиёев")
    'Мирзиеев'
    """
    return text.replace("ё", "е").replace("Ё", "Е")


@functools.lru_cache(maxsize=CACHE_SIZE)
def lemmatise_word(word: str) -> tuple[str, ...]:
    """The lowercase normal forms of one Russian word, most probable parse first, «ё» folded.

    Every parse is kept because the most probable one is sometimes wrong for names
    («Токаева» parses first as the feminine «токаева»); the matcher picks the first lemma
    the glossary knows.

    >>> lemmatise_word("Совета")
    ('совет', 'совета')
    """
    lemmas: dict[str, None] = {}
    for parse in _analyzer().parse(word):
        lemmas.setdefault(normalise_yo(parse.normal_form), None)
    lemmas.setdefault(normalise_yo(word.lower()), None)
    return tuple(lemmas)


def lemmatise_uncached(word: str) -> tuple[str, ...]:
    """`lemmatise_word` without the cache, for benchmarks.

    >>> lemmatise_uncached("государствами")
    ('государство', 'государствами')
    """
    return lemmatise_word.__wrapped__(word)


def is_known_word(word: str) -> bool:
    """Whether the word is in the Russian dictionary (misspelt names usually are not).

    >>> is_known_word("государство"), is_known_word("Мирзияев")
    (True, False)
    """
    return bool(_analyzer().word_is_known(word.lower()))


@functools.lru_cache(maxsize=CACHE_SIZE)
def is_patronymic(word: str) -> bool:
    """Whether a Russian word is a patronymic («Владимирович», «Кемелевича»).

    >>> is_patronymic("Владимировича"), is_patronymic("Мишустина")
    (True, False)
    """
    if _PATRONYMIC_ENDING.search(word.lower()):
        return True  # rare ones («Кутбиддинович») are not in the dictionary
    return any("Patr" in parse.tag for parse in _analyzer().parse(word))


_PATRONYMIC_ENDING = re.compile(r"(?:[оеё]вич|[оеё]вн|ичн|ьич)(?:а|у|ем|е|ом|ой|ы|у)?$")


def is_place(word: str) -> bool:
    """Whether pymorphy3 reads a Russian word as a place name («Пекине», «Москве»).

    >>> is_place("Пекине"), is_place("Садыра")
    (True, False)
    """
    return any("Geox" in parse.tag for parse in _analyzer().parse(word))


def is_common_noun(word: str) -> bool:
    """Whether a Russian word is an ordinary noun, not a name («Организация», not «Казахстан»).

    >>> is_common_noun("Организация"), is_common_noun("Казахстан")
    (True, False)
    """
    parses = [p for p in _analyzer().parse(word) if p.score >= _LIKELY]
    return bool(parses) and all(
        parse.tag.POS == "NOUN" and not parse.tag.grammemes & _NAMES for parse in parses)


_NAMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


def grammatical_form(word: str) -> tuple[str, str] | None:
    """The number and case (``"sing"``/``"plur"``, ``"nomn"``/``"gent"``/...) of a Russian
    noun or adjective standing alone (a heading, a label), or None when its likely parses
    disagree (it cannot be sure). Alone, a word that may be nominative is nominative.

    >>> grammatical_form("Государства-члены"), grammatical_form("Совет")
    (('plur', 'nomn'), ('sing', 'nomn'))
    >>> grammatical_form("структуры") is None  # a structure's, or structures
    True
    """
    forms = {(str(parse.tag.number), str(parse.tag.case)) for parse in _readings(word)}
    if any(case == "nomn" for _, case in forms):
        forms = {form for form in forms if form[1] == "nomn"}
    return forms.pop() if len(forms) == 1 else None


def inflect_term(text: str, *, number: str, case: str = "nomn") -> str | None:
    """A Russian term written in the nominative, put into ``number`` and ``case``: each
    word in the nominative (the head and the adjectives that agree with it) is inflected,
    dependent words («глав», «ШОС») stay as they are. None when a word cannot be.

    >>> inflect_term("государство-член", number="plur")
    'государства-члены'
    >>> inflect_term("Региональная антитеррористическая структура ШОС", number="plur")
    'Региональные антитеррористические структуры ШОС'
    """
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        parses = [
            parse for parse in _readings(word)
            if parse.tag.case == "nomn" and parse.tag.number == "sing"
        ]
        if not parses or not word[:1].isalpha() or any(c.isupper() for c in word[1:]):
            out.append(word)  # a dependent word, an abbreviation or a number
            continue
        inflected = parses[0].inflect({number, case})
        if inflected is None:
            return None
        out.append(_same_case(word, inflected.word))
    return " ".join(out)


def _readings(word: str) -> list[pymorphy3.analyzer.Parse]:
    """The likely declinable parses of a word (not the rare abbreviation readings of «по»)."""
    return [
        parse for parse in _analyzer().parse(word)
        if parse.tag.POS in _DECLINED and parse.score >= _LIKELY and "Fixd" not in parse.tag
    ]


def _same_case(model: str, word: str) -> str:
    """``word`` (lowercase) with the capitals of ``model`` at the start of each hyphen part."""
    parts = word.split("-")
    models = model.split("-")
    if len(parts) != len(models):
        return word[:1].upper() + word[1:] if model[:1].isupper() else word
    return "-".join(
        part[:1].upper() + part[1:] if source[:1].isupper() else part
        for part, source in zip(parts, models, strict=True)
    )


_DECLINED = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
_LIKELY = 0.1  # parses below this score are dictionary curiosities, not readings
