"""Russian and Chinese typography: «» quotes, full-width marks, no spaces between hanzi."""

from __future__ import annotations

import re
from collections.abc import Iterator

from i18n_kit.checks.registry import Issue, TextPair
from i18n_kit.checks.text import CJK_CHARS, CJK_PUNCTUATION, CYRILLIC_CHARS, mask_verbatim

_WIDE = CJK_CHARS + CJK_PUNCTUATION
_FULL_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（",
               ")": "）", '"': "“…”"}
_ZH_MARK_RES = (
    # A comma, colon, ... touching a Chinese character on either side.
    re.compile(rf"(?<=[{CJK_CHARS}]) ?[,;:?!]|[,;:?!] ?(?=[{CJK_CHARS}])"),
    # A full stop after a Chinese character (not a decimal point or an ellipsis).
    re.compile(rf"(?<=[{CJK_CHARS}])\.(?![\d.])"),
    # Straight double quotes next to a Chinese character.
    re.compile(rf'(?<=[{CJK_CHARS}])"|"(?=[{CJK_CHARS}])'),
    # ASCII brackets around Chinese text.
    re.compile(rf"\((?=[^()]*[{CJK_CHARS}])[^()]*\)"),
)
_ZH_SPACE_RE = re.compile(rf"(?<=[{_WIDE}])[ \t\u00a0\u3000]+(?=[{_WIDE}])")
# The Latin-and-Cyrillic letters of a word (a Chinese word around them set aside).
_MIXED_PART_RE = re.compile(f"[A-Za-z{CYRILLIC_CHARS}]+")
_MIXED_WORD_RE = re.compile(
    # At word starts only: from every character, the lookaheads rescanned the rest of
    # the word (quadratic on a long run of Chinese, which is all one \w+ word).
    rf"(?<![\w])(?=[\w{CYRILLIC_CHARS}]*[A-Za-z])(?=[\w]*[{CYRILLIC_CHARS}])\w+"
)


def check_ru_quotes(pair: TextPair) -> Iterator[Issue]:
    """Straight double quotes in a Russian translation.

    >>> [i.message for i in check_ru_quotes(TextPair(source_text='"Yes," he said.',
    ...     target_text='"Да", - сказал он.', source_lang="en", target_lang="ru"))]
    ['straight quotes «"» in a Russian translation; use «…» (and „…“ inside)']
    """
    if pair.target_lang != "ru" or '"' not in pair.target_text:
        return
    if '"' in mask_verbatim(pair.target_text):
        yield Issue(
            check="ru-quotes",
            message='straight quotes «"» in a Russian translation; use «…» (and „…“ inside)',
        )


def check_zh_punctuation(pair: TextPair) -> Iterator[Issue]:
    """ASCII punctuation next to Chinese characters in a Chinese translation.

    >>> [i.message for i in check_zh_punctuation(TextPair(source_text="A, b.",
    ...     target_text="会议在塔什干举行,成员国出席。", source_lang="en", target_lang="zh"))]
    ['ASCII «,» next to Chinese characters («行,成»); use «，»']
    """
    if pair.target_lang != "zh":
        return
    text = mask_verbatim(pair.target_text)
    seen: set[str] = set()
    for pattern in _ZH_MARK_RES:
        for match in pattern.finditer(text):
            mark = match.group().strip()[0]
            if mark in seen:
                continue
            seen.add(mark)
            start, end = max(0, match.start() - 1), min(len(text), match.end() + 1)
            context = text[start:end] if mark != "(" else match.group()
            yield Issue(
                check="zh-punctuation",
                message=f"ASCII «{mark}» next to Chinese characters («{context.strip()}»); "
                f"use «{_FULL_WIDTH[mark]}»",
            )


def check_zh_spaces(pair: TextPair) -> Iterator[Issue]:
    """Spaces between Chinese characters (or full-width marks).

    >>> [i.message for i in check_zh_spaces(TextPair(source_text="The SCO met.",
    ...     target_text="上合组织 举行会议。", source_lang="en", target_lang="zh"))]
    ['a space between Chinese characters («织 举»)']
    """
    if pair.target_lang != "zh":
        return
    match = _ZH_SPACE_RE.search(mask_verbatim(pair.target_text))
    if match is not None:
        context = pair.target_text[match.start() - 1 : match.end() + 1]
        yield Issue(check="zh-spaces", message=f"a space between Chinese characters («{context}»)")


def check_mixed_script(pair: TextPair) -> Iterator[Issue]:
    """Words that mix Latin and Cyrillic letters.

    >>> [i.message for i in check_mixed_script(TextPair(source_text="Kazakhstan",
    ...     target_text="Кaзахстан", source_lang="en", target_lang="ru"))]
    ['«Кaзахстан» mixes Latin and Cyrillic letters (Latin: a)']
    """
    text = mask_verbatim(pair.target_text)
    for match in _MIXED_WORD_RE.finditer(text):
        word = match.group()
        if all(part in pair.source_text for part in _MIXED_PART_RE.findall(word)):
            continue  # copied from the source: the lookalike check reports it there
        latin = "".join(dict.fromkeys(c for c in word if "a" <= c.lower() <= "z"))
        yield Issue(
            check="mixed-script",
            message=f"«{word}» mixes Latin and Cyrillic letters (Latin: {latin})",
        )
