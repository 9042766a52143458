"""How a glossary form is written: the one test the formats and the matcher share, kept
free of the matcher's imports (pymorphy3, pyahocorasick, rjieba) so that reading a
glossary file loads none of them."""

from __future__ import annotations

__all__ = ["is_abbreviation"]


def is_abbreviation(word: str) -> bool:
    """Whether a word is matched case-sensitively: all capitals, or capitals inside it.

    >>> is_abbreviation("ШОС"), is_abbreviation("EurAsEC"), is_abbreviation("Council")
    (True, True, False)
    """
    return any(c.isupper() for c in word[1:])
