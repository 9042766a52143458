"""Untranslated text: a copied source, another script left in, Latin words in Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator

from i18n_kit.checks.registry import Issue, TextPair
from i18n_kit.checks.text import CJK_CHARS, CJK_RE, CYRILLIC_CHARS, mask_verbatim

_SPACES_RE = re.compile(r"\s+")
_MARKERS_RE = re.compile(r"[*_`~\[\]()!\\#>]")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC_WORD_RE = re.compile(rf"[{CYRILLIC_CHARS}][\w{CYRILLIC_CHARS}\-]*")
_CJK_RUN_RE = re.compile(f"[{CJK_CHARS}]+")
_LATIN_IN_WORD_RE = re.compile(r"[A-Za-z]")
_LETTER_RE = re.compile(f"[A-Za-z{CYRILLIC_CHARS}]")
# A Latin word, with the letters, digits and hyphens around it (to tell codes from words).
_LATIN_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def _copied_mixed_word(text: str, found: re.Match[str], source: str) -> bool:
    """Whether a Cyrillic match sits in a word with Latin letters that the source has too."""
    start = end = found.start()
    while start > 0 and _LETTER_RE.match(text[start - 1]):
        start -= 1
    while end < len(text) and _LETTER_RE.match(text[end]):
        end += 1
    word = text[start:end]
    return bool(_LATIN_IN_WORD_RE.search(word)) and word in source


def has_words(text: str) -> bool:
    """True when ``text`` has something to translate: Chinese characters, or a word
    with a lower-case letter once URLs, code spans and markup are set aside.

    >>> has_words("COVID-19, SCO 2025: https://sco.int"), has_words("The summit")
    (False, True)
    """
    masked = mask_verbatim(text)
    if CJK_RE.search(masked):
        return True
    return any(not word.isupper() for word in _WORD_RE.findall(masked))


def _normalised(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip()


def is_abbreviation(token: str) -> bool:
    """A code or abbreviation kept in any language: SCO, COVID-19, 5G, mRNA, G20.

    >>> is_abbreviation("mRNA"), is_abbreviation("Tashkent")
    (True, False)
    """
    if any(char.isdigit() for char in token):
        return True
    return sum(char.isupper() for char in token) >= 2 or (token.isupper() and len(token) > 1)


def check_untranslated(
    pair: TextPair, *, allowed_latin: frozenset[str] = frozenset(), enabled: frozenset[str]
) -> Iterator[Issue]:
    """A translation identical to its source; else text in a script the target
    language does not use (``allowed_latin``: case-folded words a Chinese text may keep).

    >>> [i.message for i in check_untranslated(TextPair(source_text="The summit opened.",
    ...     target_text="The summit opened.", source_lang="en", target_lang="ru"),
    ...     enabled=frozenset({"untranslated"}))]
    ['the translation is the source text, untranslated']
    """
    target = pair.target_text
    if _normalised(target) == _normalised(pair.source_text) and has_words(pair.source_text):
        if "untranslated" in enabled:
            yield Issue(check="untranslated",
                        message="the translation is the source text, untranslated")
        return
    masked = mask_verbatim(target)
    lang = pair.target_lang
    if "foreign-script" in enabled:
        if lang in ("en", "zh"):
            # A word with look-alike letters copied from the source («CСTV») is reported
            # once, at the source, by the lookalike check.
            cyrillic = next((found for found in _CYRILLIC_WORD_RE.finditer(masked)
                             if not _copied_mixed_word(masked, found, pair.source_text)),
                            None)
            if cyrillic is not None:
                yield Issue(check="foreign-script",
                            message=f"Cyrillic text in the translation: «{cyrillic.group()}»")
        if lang in ("en", "ru"):
            cjk = _CJK_RUN_RE.search(masked)
            if cjk is not None:
                yield Issue(check="foreign-script",
                            message=f"Chinese text in the translation: «{cjk.group()}»")
    if "zh-latin" in enabled and lang == "zh":
        plain = _MARKERS_RE.sub(" ", masked)
        words = [
            token for token in _LATIN_TOKEN_RE.findall(plain)
            if not is_abbreviation(token) and len(token) > 1
            and token.casefold() not in allowed_latin
        ]
        if words:
            listed = ", ".join(f"«{word}»" for word in dict.fromkeys(words))
            yield Issue(check="zh-latin",
                        message=f"Latin words in the Chinese translation: {listed}")
