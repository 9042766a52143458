"""Chinese word boundaries for the glossary; the only module that imports rjieba.

A state's short name inside a longer word is another word: 内蒙古 (Inner Mongolia, a
Chinese region), 塔吉克族 (the Tajik people), 乌兹别克语 (the Uzbek language). The glossary
flags 蒙古, 塔吉克 and 乌兹别克 as forbidden short forms of the states' names; written inside
such words they are not uses of those forms.

rjieba (jieba's dictionary and algorithm in Rust) segments the sentence. jieba's dictionary
keeps 内蒙古, 塔吉克族, 蒙古族 whole but splits a language name (乌兹别克|语), so a form
followed by a one-character word that makes names of peoples, languages and scripts (族 人
语 文) counts as inside a longer word too. benchmarks/zh_compounds.py measures this rule
against the glossary's own longer entries alone and against jieba's words alone.
"""

from __future__ import annotations

import functools

#: One-character words that make a people's, a language's or a script's name of a place
#: name: 塔吉克族, 乌兹别克语, 哈萨克文, 塔吉克人 (a person, not the state).
NAME_MAKERS = frozenset("族人语文")
#: Characters either side of a span that segmentation looks at.
_WINDOW = 24


def segment(text: str) -> list[tuple[int, int]]:
    """The words of a Chinese text as [start, end) spans.

    >>> [("内蒙古自治区的企业"[s:e]) for s, e in segment("内蒙古自治区的企业")]
    ['内蒙古自治区', '的', '企业']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for word in _cut(text):
        spans.append((start, start + len(word)))
        start += len(word)
    return spans


def inside_longer_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a longer word rather than a word of its own.

    >>> inside_longer_word("内蒙古自治区", 1, 3), inside_longer_word("乌兹别克语教材", 0, 4)
    (True, True)
    >>> inside_longer_word("他访问了蒙古。", 4, 6)
    False
    """
    left = max(0, start - _WINDOW)
    window = text[left : min(len(text), end + _WINDOW)]
    start, end = start - left, end - left
    words = segment(window)
    for index, (word_start, word_end) in enumerate(words):
        if word_end <= start or word_start >= end:
            continue
        if word_start < start or word_end > end:
            return True  # the word runs past the span: 内[蒙古], [塔吉克]族
        if word_end == end and index + 1 < len(words):
            following = words[index + 1]
            if following[1] - following[0] == 1 and window[following[0]] in NAME_MAKERS:
                return True
    return False


@functools.lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    # Imported on first use: loading jieba's dictionary costs a tenth of a second, and
    # most runs never meet a forbidden Chinese form.
    import rjieba

    # HMM off: unknown words must not be glued to a neighbour by guesswork.
    return tuple(rjieba.cut(text, hmm=False))
