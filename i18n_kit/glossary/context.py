"""How news refers back to a name it has given: what `glossary-term-missing` credits.

Within an article a person named in full once is then "Zhang", «Ван», "the Secretary-
General" or "he"; a state is "the Chinese side", «китайская сторона», 中方 or an adjective
(«казахстанский»); the SCO summit is "the summit". A translation that writes so has not
dropped the term. What is still reported: a term the article's translation never names,
and a term replaced in the sentence by another entity of the same kind.
"""

from __future__ import annotations

import re

from i18n_kit.glossary.model import Category, Entry, Register, TermStatus
from i18n_kit.glossary.names import CHINESE_FAMILY_NAMES, surname_form

_USABLE = (TermStatus.PREFERRED, TermStatus.ADMITTED)
_WORD_RE = re.compile(r"[^\W\d_]+")
_HAN = "\u3400-\u9fff"
#: Endings that make a state's name its stem: Kazakh-stan, Kyrgyz-stan, Chin-a, Russi-a.
_EN_ENDINGS = ("stan", "ia", "a")
_RU_ENDINGS = ("стан", "ия", "ь", "й", "а")


def refers_in_sentence(entry: Entry, text: str, lang: str) -> bool:
    """Whether ``text`` refers to ``entry`` without naming it as the glossary does: a
    person by surname, a state by its adjective or as "the ... side".

    >>> from i18n_kit.glossary.model import Term
    >>> china = Entry(id="s", category=Category.STATE, terms=(
    ...     Term(text="China", lang="en", register=Register.SHORT),
    ...     Term(text="Китай", lang="ru", register=Register.SHORT),
    ...     Term(text="中国", lang="zh", register=Register.SHORT)))
    >>> [refers_in_sentence(china, t, l) for t, l in (("The Chinese side agreed.", "en"),
    ...  ("Китайская сторона согласилась.", "ru"), ("中方表示同意。", "zh"),
    ...  ("The side agreed.", "en"))]
    [True, True, True, False]
    """
    if entry.category is Category.PERSON:
        return any(_has_word(text, name, lang) for name in _surnames(entry, lang))
    if entry.category is Category.STATE:
        return any(_adjective_in(text, name.text, lang) for name in entry.forms(lang)
                   if name.status in _USABLE and name.register is Register.SHORT)
    return False


def head_noun_in(entry: Entry, text: str, lang: str) -> bool:
    """Whether ``text`` has the head noun of one of the entry's names ("the summit" for
    the SCO summit, «саммит», 峰会; "the Declaration"), for a name the article gives."""
    for term in entry.forms(lang):
        if term.status not in _USABLE:
            continue
        if lang == "zh":
            head = term.text[-2:]
            if len(term.text) > 2 and head in text:
                return True
            continue
        words = _WORD_RE.findall(term.text)
        if len(words) < 2:
            continue
        head = words[0] if lang == "ru" else words[-1]
        if len(head) >= 5 and _has_word(text, head, lang):
            return True
    return False


def _surnames(entry: Entry, lang: str) -> list[str]:
    names: list[str] = []
    derived = surname_form(entry, lang)
    if derived is not None:
        names.append(derived.text)
    preferred = entry.preferred(lang)
    english = entry.preferred("en")
    chinese_order = (english is not None and english.text.split()[:1]
                     and english.text.split()[0] in CHINESE_FAMILY_NAMES)
    if preferred is not None and chinese_order:
        # A Chinese name: the family name first («Ван И» -> «Ван», 王毅 -> 王)
        names.append(preferred.text[:1] if lang == "zh" else preferred.text.split()[0])
    return names


def _has_word(text: str, word: str, lang: str) -> bool:
    if lang == "zh" or re.search(f"[{_HAN}]", word):
        return word in text
    stem = word if lang == "en" else word[: max(3, len(word) - 2)]
    pattern = rf"(?<![^\W\d_]){re.escape(stem)}" + (r"(?:'s|’s)?\b" if lang == "en" else r"\w*")
    return re.search(pattern, text, re.IGNORECASE) is not None


def _adjective_in(text: str, name: str, lang: str) -> bool:
    if lang == "zh":
        return f"{name[:1]}方" in text
    folded = name.casefold()
    for ending in _EN_ENDINGS if lang == "en" else _RU_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 4:
            folded = folded[: -len(ending)]
            break
    stem = folded[: max(4, min(len(folded), 6))]
    if lang == "ru":
        stem = stem.replace("а", "о")  # Беларусь -> белорусский
    for word in _WORD_RE.findall(text):
        candidate = word.casefold()
        if lang == "ru":
            candidate = candidate.replace("а", "о")
        if candidate.startswith(stem) and candidate != folded:
            return True
    return False
