"""The one module that talks to the spell checker: Hunspell's dictionaries through pyenchant.

pyenchant (maintained, ctypes over libenchant-2) is asked for Hunspell's own
dictionaries only, so a word is judged the same on every machine that has Debian's
``hunspell-en-us``, ``hunspell-en-gb`` and ``hunspell-ru`` (``/usr/share/hunspell``),
whatever other providers (Aspell, Nuspell) libenchant also finds. Measured on the
example's 3,149 source words before choosing: loading the three dictionaries takes
0.07 s and checking every word 0.02 s here; spylls (pure Python, the same dictionaries)
took 2.3 s to load and 0.17 s to check, and gave the same verdicts.

A missing library or dictionary is a ``SpellingUnavailable`` error naming the package to
install: a check that silently checked nothing would pass a misspelt source.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from i18n_kit.errors import I18nKitError

#: Hunspell dictionaries per language: a word passes if any of them knows it (official
#: SCO English spells -ise and -our; a quoted US text spells -ize and -or).
DICTIONARIES: dict[str, tuple[str, ...]] = {"en": ("en_GB", "en_US"), "ru": ("ru_RU",)}
#: The Debian package of each dictionary, for the message that says what to install.
PACKAGES = {"en_GB": "hunspell-en-gb", "en_US": "hunspell-en-us", "ru_RU": "hunspell-ru"}


class SpellingUnavailable(I18nKitError):
    """libenchant or a Hunspell dictionary the spelling check needs is not installed."""


class Speller:
    """The Hunspell dictionaries of one language."""

    def __init__(self, lang: str, dictionaries: Sequence[Any]) -> None:
        self.lang = lang
        self._dictionaries = tuple(dictionaries)
        self._known: dict[str, bool] = {}  # news repeats its words: ask Hunspell once

    def known(self, word: str) -> bool:
        """True when a dictionary of the language knows ``word`` as written (Hunspell
        accepts a capitalised or upper-case form of a lower-case word)."""
        answer = self._known.get(word)
        if answer is None:
            answer = any(dictionary.check(word) for dictionary in self._dictionaries)
            if len(self._known) < 500_000:
                self._known[word] = answer
        return answer


def has_speller(lang: str) -> bool:
    """Whether the spelling check covers ``lang`` (English and Russian).

    >>> has_speller("en"), has_speller("zh")
    (True, False)
    """
    return lang in DICTIONARIES


@functools.cache
def speller(lang: str) -> Speller:
    """The dictionaries of ``lang`` (loaded once per process); SpellingUnavailable
    names what to install when libenchant or a dictionary is missing."""
    names = DICTIONARIES[lang]
    packages = " ".join(PACKAGES[name] for name in names)
    hint = (f"install it (Debian: apt-get install libenchant-2-2 {packages}) or switch "
            "the check off ([checks] disable = [\"source-spelling\"])")
    try:
        import enchant
    except ImportError as exc:  # pyenchant imports libenchant-2 when it is imported
        raise SpellingUnavailable(f"source-spelling needs libenchant-2 ({exc}); {hint}") from exc
    broker = enchant.Broker()
    dictionaries = []
    for name in names:
        # Debian's enchant.ordering puts Aspell first for English: ask for Hunspell.
        broker.set_ordering(name, "hunspell")
        try:
            dictionary = broker.request_dict(name)
        except enchant.errors.DictNotFoundError:
            dictionary = None
        if dictionary is None or dictionary.provider.name != "hunspell":
            raise SpellingUnavailable(
                f"source-spelling needs Hunspell's {name} dictionary ({PACKAGES[name]}); "
                f"{hint}"
            )
        dictionaries.append(dictionary)
    return Speller(lang, dictionaries)
