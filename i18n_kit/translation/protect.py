"""Glossary terms through machine translation: masked before, approved target form restored after.

The placeholder is a bracketed number, ``[1]``, ``[2]``, ... Why that form:

- It is what neural engines see most often as "copy me verbatim": Wikipedia-style
  citation markers fill the parallel corpora that LibreTranslate's Argos models, Google
  and DeepL were trained on, and digits and ASCII brackets are in every subword vocabulary.
- Reported failures point away from the alternatives: LibreTranslate squeezes or
  translates ``###T01###``-style and ``%1$s`` tokens (LibreTranslate issues #123, #944),
  Google splits ``%1$s`` into ``% 1 $ s``; characters like ``⟦`` may fall outside a
  sentencepiece vocabulary and come back as nothing; XML tags (``<x id="1"/>``) are only
  safe with DeepL's ``tag_handling=xml``, which deep-translator does not pass.
- The mutations engines do make to it are recognised on the way back: spaces inside the
  brackets (``[ 1 ]``) and full-width or CJK brackets (``［1］``, ``【1】``) in Chinese output.

A term that comes back without its placeholder is reported in ``Restored.missing``; the
text is still usable, and the caller marks it for the translator.

Known limit: the approved form is restored as written in the glossary (Russian nominative);
a Russian sentence that needs another case shows the term uninflected, which the fuzzy
flag and the translator's review catch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from i18n_kit.glossary.model import HitKind, TermHit
from i18n_kit.glossary.names import paired_form

# Near misses are guesses about a misspelling; replacing them would put words in the
# author's mouth, so only listed forms are masked.
_MASKED_KINDS = frozenset({HitKind.TERM, HitKind.VARIANT, HitKind.FLAGGED})

_EXISTING_NUMBER_RE = re.compile(r"[\[［【]\s*(\d+)\s*[\]］】]")


@dataclass(frozen=True, slots=True, kw_only=True)
class MaskedTerm:
    """One masked span: its placeholder number, the source text, the approved target form."""

    number: int
    source_text: str
    target_text: str

    @property
    def placeholder(self) -> str:
        return f"[{self.number}]"


@dataclass(frozen=True, slots=True, kw_only=True)
class Protected:
    """A source text with its glossary terms replaced by placeholders."""

    text: str  # what is sent to the engine
    source_text: str  # the original
    terms: tuple[MaskedTerm, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Restored:
    """Machine output with the approved target forms put back."""

    text: str
    missing: tuple[str, ...]  # source texts of the terms whose placeholder was lost


def protect_terms(text: str, hits: Sequence[TermHit], target_lang: str) -> Protected:
    """Replace each glossary hit that has an approved ``target_lang`` form with ``[n]``.

    >>> from i18n_kit.glossary.model import Category, Entry, Term
    >>> sco = Entry(id="org-1", category=Category.ORGANISATION, terms=(
    ...     Term(text="SCO", lang="en"), Term(text="ШОС", lang="ru")))
    >>> hit = TermHit(start=4, end=7, text="SCO", kind=HitKind.TERM, entry=sco,
    ...               term=sco.terms[0])
    >>> protect_terms("The SCO met.", [hit], "ru").text
    'The [1] met.'
    """
    # Numbers already written in the text as "[n]" are skipped so a footnote marker is
    # never mistaken for a term on the way back.
    taken = {int(m.group(1)) for m in _EXISTING_NUMBER_RE.finditer(text)}
    pieces: list[str] = []
    terms: list[MaskedTerm] = []
    cursor = 0
    number = 0
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if hit.kind not in _MASKED_KINDS or hit.start < cursor or hit.end <= hit.start:
            continue
        preferred = paired_form(hit, target_lang)  # same register: SCO -> ШОС, not the full name
        if preferred is None or not preferred.text:
            continue
        number += 1
        while number in taken:
            number += 1
        term = MaskedTerm(
            number=number, source_text=text[hit.start : hit.end], target_text=preferred.text
        )
        pieces.append(text[cursor : hit.start])
        pieces.append(term.placeholder)
        terms.append(term)
        cursor = hit.end
    pieces.append(text[cursor:])
    return Protected(text="".join(pieces), source_text=text, terms=tuple(terms))


def restore_terms(translated: str, protected: Protected) -> Restored:
    """Put each term's approved target form where its placeholder came back.

    >>> from i18n_kit.glossary.model import Category, Entry, Term
    >>> p = Protected(text="The [1] met.", source_text="The SCO met.",
    ...               terms=(MaskedTerm(number=1, source_text="SCO", target_text="ШОС"),))
    >>> restore_terms("[ 1 ] собралась.", p)
    Restored(text='ШОС собралась.', missing=())
    """
    by_number = {term.number: term for term in protected.terms}
    seen: set[int] = set()

    def put_back(match: re.Match[str]) -> str:
        term = by_number.get(int(match.group(1)))
        if term is None:
            return match.group(0)
        seen.add(term.number)
        return term.target_text

    text = _EXISTING_NUMBER_RE.sub(put_back, translated) if by_number else translated
    missing = tuple(t.source_text for t in protected.terms if t.number not in seen)
    return Restored(text=text, missing=missing)
