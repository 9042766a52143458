"""Russian lemmatisation for glossary matching; the only module that imports pymorphy3."""

from __future__ import annotations

import functools

import pymorphy3

#: Distinct word forms remembered; running news text repeats most of its words.
CACHE_SIZE = 200_000


@functools.cache
def _analyzer() -> pymorphy3.MorphAnalyzer:
    # Loading the dictionaries takes a fraction of a second; do it once per process.
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
