"""Whitespace, doubled words and the length ratio: slips of the keyboard and of the paste."""

from __future__ import annotations

import re
from collections.abc import Iterator

from i18n_kit.checks.registry import Issue, TextPair
from i18n_kit.checks.text import MASK, mask_verbatim

_DOUBLE_SPACE_RE = re.compile(r"[ \t\u00a0]{2,}")
_SPACE_BEFORE_RE = re.compile(r"(?<=\S)[ \t\u00a0]+([,.;:!?])(?![.\w])")
_DOUBLED_RE = re.compile(r"(?<![\w\-])([^\W\d_]+)\s+\1(?![\w\-])", re.IGNORECASE)
_INVISIBLE_RE = re.compile(rf"\]\([^)]*\)|[\s*_`~\[\]()!\\#>{MASK}]")

#: Usual length of a translation relative to its source (letters and marks, no spaces).
LENGTH_RATIOS: dict[tuple[str, str], float] = {
    ("en", "ru"): 1.05, ("ru", "en"): 0.95,
    ("en", "zh"): 0.38, ("zh", "en"): 2.6,
    ("ru", "zh"): 0.38, ("zh", "ru"): 2.6,
}
#: How far off the usual ratio a translation may be before it is flagged.
LENGTH_TOLERANCE = 2.5
_SHORTEST = {"zh": 15}
_SHORTEST_DEFAULT = 40


def check_whitespace(pair: TextPair) -> Iterator[Issue]:
    """Leading/trailing whitespace, doubled spaces, a space before punctuation.

    >>> [i.message for i in check_whitespace(TextPair(source_text="Yes, he said.",
    ...     target_text="Да , сказал он. ", source_lang="en", target_lang="ru"))]
    ['trailing whitespace', 'a space before «,»']
    """
    target = pair.target_text
    if target[:1].isspace():
        yield Issue(check="whitespace", message="leading whitespace")
    if target[-1:].isspace() and not target.endswith("\\\n"):
        yield Issue(check="whitespace", message="trailing whitespace")
    stripped = target.strip()
    if _DOUBLE_SPACE_RE.search(stripped.replace("\\\n", " ")):
        yield Issue(check="whitespace", message="two spaces in a row")
    if pair.target_lang in ("en", "ru"):
        before = _SPACE_BEFORE_RE.search(mask_verbatim(stripped))
        if before is not None:
            yield Issue(check="whitespace", message=f"a space before «{before.group(1)}»")


def check_doubled_word(pair: TextPair) -> Iterator[Issue]:
    """The same word twice in a row in an English or Russian translation (unless the
    source doubles a word too).

    >>> [i.message for i in check_doubled_word(TextPair(source_text="in the city",
    ...     target_text="в в городе", source_lang="en", target_lang="ru"))]
    ['«в в»: a word written twice']
    """
    if pair.target_lang not in ("en", "ru"):
        return
    # A source that doubles a word too (Bora Bora, Baden-Baden) explains the translation.
    if _DOUBLED_RE.search(mask_verbatim(pair.source_text)):
        return
    for match in _DOUBLED_RE.finditer(mask_verbatim(pair.target_text)):
        yield Issue(check="doubled-word", message=f"«{match.group()}»: a word written twice")


def visible_length(text: str) -> int:
    """Characters a reader sees: no spaces, Markdown markers or link targets.

    >>> visible_length("The **SCO** [site](https://sco.int).")
    11
    """
    return len(_INVISIBLE_RE.sub("", mask_verbatim(text)))


def check_length_ratio(pair: TextPair) -> Iterator[Issue]:
    """A translation far longer or shorter than the language pair's norm.

    >>> [i.message for i in check_length_ratio(TextPair(
    ...     source_text="The leaders adopted the Dushanbe Declaration and eight other documents.",
    ...     target_text="Лидеры.", source_lang="en", target_lang="ru"))]
    ['the translation is 7 characters for 62 in the source: 0.11 times, where 1.05 is usual']
    """
    norm = LENGTH_RATIOS.get((pair.source_lang, pair.target_lang))
    if norm is None:
        return
    source = visible_length(pair.source_text)
    if source < _SHORTEST.get(pair.source_lang, _SHORTEST_DEFAULT):
        return
    target = visible_length(pair.target_text)
    ratio = target / source
    if not norm / LENGTH_TOLERANCE <= ratio <= norm * LENGTH_TOLERANCE:
        yield Issue(
            check="length-ratio",
            message=f"the translation is {target} characters for {source} in the source: "
            f"{ratio:.2f} times, where {norm:.2f} is usual",
        )
