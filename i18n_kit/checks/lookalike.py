"""Look-alike letters in source articles: a word that mixes Latin and Cyrillic letters.

«CСTV» with a Cyrillic С looks right on the page but breaks search, glossary matching,
spell checking and every translation that copies it. The check reads the source
articles themselves, so a word is reported once, against the source ``file:line``, with
the spelling to use, however many pages and catalogs repeat it.

A word here is a run of letters: digits, hyphens, apostrophes and every other mark end
it, so «ШОС-2025», «COVID-19», «SMS-сообщение», «iPhone'ом», «Су-35», «CO₂» and «кВт·ч»
are several single-script words, never a mixed one. URLs, e-mail addresses, code spans
and link targets are not prose and are left out (``mask_verbatim``), and so are code
and raw HTML blocks.

The spelling to use: the letters of the other script are replaced by their look-alikes
in the word's main script (the script of most of its letters, the article's own
language on a tie). When a letter has no look-alike there («ШOC»: Ш has no Latin twin),
the word goes the other way («ШОС»); when neither way works, only the letters are named.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from i18n_kit.checks.registry import Issue
from i18n_kit.checks.text import CYRILLIC_CHARS, mask_verbatim
from i18n_kit.errors import I18nKitError
from i18n_kit.model import Article
from i18n_kit.sources import read_article

_LATIN = "A-Za-z\u00c0-\u024f"
# Letters of alphabetic scripts (a Chinese character ends the word, as a digit does).
_WORD_RE = re.compile(r"[^\W\d_\u2e80-\U0010ffff]+")
# A quick test on a whole file: a Latin letter next to a Cyrillic one.
_MIXED_HINT = re.compile(f"[{_LATIN}][{CYRILLIC_CHARS}]|[{CYRILLIC_CHARS}][{_LATIN}]")
_LATIN_RE = re.compile(f"[{_LATIN}]")
_CYRILLIC_RE = re.compile(f"[{CYRILLIC_CHARS}]")

# Cyrillic letters and the Latin letters they are indistinguishable from in print.
_TWINS = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q",
    "Ԝ": "W", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "ѕ": "s", "і": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
}
_TO_LATIN = str.maketrans(_TWINS)
_TO_CYRILLIC = str.maketrans({latin: cyrillic for cyrillic, latin in _TWINS.items()
                              if cyrillic not in "ЅІЈԚԜѕіјһԁԛԝ"})
_SCRIPT_OF_LANGUAGE = {"ru": "Cyrillic"}  # en, zh: Latin


@dataclass(frozen=True, slots=True, kw_only=True)
class MixedWord:
    """A word mixing Latin and Cyrillic letters, where it is, and how to write it."""

    word: str
    start: int  # offset in the text that was searched
    script: str  # "Latin" or "Cyrillic": the script it should be written in ("" unknown)
    fixed: str  # the word in that script ("" when no spelling in one script was found)
    strays: str  # the letters of the other script, each once, in order

    @property
    def message(self) -> str:
        other = "Cyrillic" if self.script == "Latin" else "Latin"
        if not self.fixed:
            return (f"«{self.word}» mixes Latin and Cyrillic letters; retype it in one"
                    " script")
        return (f"«{self.word}» mixes Latin and Cyrillic letters ({other}: {self.strays});"
                f" write «{self.fixed}» in {self.script} letters")


def find_mixed_words(text: str, lang: str) -> Iterator[MixedWord]:
    """Words of ``text`` that mix Latin and Cyrillic letters (verbatim spans left out).

    >>> [(m.word, m.fixed) for m in find_mixed_words("Shown on CСTV and ШOC-2025.", "en")]
    [('CСTV', 'CCTV'), ('ШOC', 'ШОС')]
    >>> list(find_mixed_words("ШОС-2025, COVID-19, SMS-сообщение, Су-35, CO₂", "ru"))
    []
    """
    if not _MIXED_HINT.search(text):
        return
    masked = mask_verbatim(text)
    for match in _WORD_RE.finditer(masked):
        word = match.group()
        latin = len(_LATIN_RE.findall(word))
        cyrillic = len(_CYRILLIC_RE.findall(word))
        if latin and cyrillic:
            yield _spell(word, match.start(), latin=latin, cyrillic=cyrillic, lang=lang)


def _spell(word: str, start: int, *, latin: int, cyrillic: int, lang: str) -> MixedWord:
    preferred = _SCRIPT_OF_LANGUAGE.get(lang, "Latin")
    if latin != cyrillic:
        preferred = "Latin" if latin > cyrillic else "Cyrillic"
    other = "Cyrillic" if preferred == "Latin" else "Latin"
    for script in (preferred, other):
        fixed = word.translate(_TO_LATIN if script == "Latin" else _TO_CYRILLIC)
        stray = _CYRILLIC_RE if script == "Latin" else _LATIN_RE
        if not stray.search(fixed):
            strays = "".join(dict.fromkeys(stray.findall(word)))
            return MixedWord(word=word, start=start, script=script, fixed=fixed, strays=strays)
    return MixedWord(word=word, start=start, script="", fixed="", strays="")


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceFinding:
    """A lookalike finding in a source article."""

    path: str  # project-relative
    line: int
    lang: str
    issue: Issue


def check_source_file(root: Path, relative: str, *, default_lang: str) -> list[SourceFinding]:
    """Mixed words in one source article's translatable text, each with its line.

    A file without a Latin letter next to a Cyrillic one is not even parsed; one that
    cannot be read or parsed gives nothing here (``sync`` reports it).
    """
    path = root / relative
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    if not _MIXED_HINT.search(raw):
        return []
    try:
        article = read_article(path, root=root, default_lang=default_lang)
    except I18nKitError:
        return []
    return list(_find_in_article(article, raw.splitlines()))


def _find_in_article(article: Article, lines: list[str]) -> Iterator[SourceFinding]:
    seen: set[tuple[str, int]] = set()
    for block in article.blocks:
        if not block.translatable:
            continue
        for mixed in find_mixed_words(block.text, article.lang):
            guess = block.line + block.text.count("\n", 0, mixed.start)
            line = _line_of(lines, mixed.word, guess)
            if (mixed.word, line) in seen:
                continue
            seen.add((mixed.word, line))
            yield SourceFinding(
                path=article.path, line=line, lang=article.lang,
                issue=Issue(check="lookalike", message=mixed.message),
            )


def _line_of(lines: list[str], word: str, guess: int) -> int:
    """The line that holds ``word``: the block's own line when it is there (Markdown),
    else the first line from there on that has it (HTML sources rewrite their text)."""
    if 0 < guess <= len(lines) and word in lines[guess - 1]:
        return guess
    for number in range(max(guess, 1), len(lines) + 1):
        if word in lines[number - 1]:
            return number
    return guess
