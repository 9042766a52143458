"""Sentence alignment of a text and its translation: which sentences translate which.

``align_paragraphs`` takes both texts as paragraphs of sentences and returns the links:
1-1, 2-1 and 1-2 (an official translation merges and splits sentences), 1-0 and 0-1 (a
stored page drops some). Two passes of the same dynamic programming (``dp.py``):

1. **paragraphs**, with the cost below over whole paragraphs, in a band around the
   diagonal;
2. **sentences**, only near the paragraphs the first pass linked (the band is those
   paragraphs' sentences, two sentences either side, so a paragraph boundary moved by a
   sentence costs nothing). A merged link whose sentences sit in two paragraphs costs more.

A link's cost is Gale and Church's (1993): the prior of its kind, and how unlikely its
two lengths are (characters without spaces, the target's scaled by the text's own ratio)
-- plus, unless ``lengths_only``, what the two sides say (``features.py``): every
number, month, glossary entry, Latin word, name and telling punctuation mark found on
both sides lowers the cost, one found on one side only raises it.

Each link gets a confidence (0-1, ``confidence.py``): how sure the aligner is that the
link is right. Links at or above `PUBLISH_CONFIDENCE` were right in 99.5 % of cases or
more on the measured texts (docs/machine-translation.md, "Aligning").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from i18n_kit.align.dp import best_path, diagonal_band
from i18n_kit.align.features import (
    SHARED_WEIGHT,
    Sentence,
    detect_language,
    merge_sentences,
    sentence_features,
    stray_clauses,
)
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import Glossary

__all__ = [
    "MIN_AGREEMENT",
    "PUBLISH_CONFIDENCE",
    "Alignment",
    "Link",
    "align_paragraphs",
    "align_with_features",
    "detect_language",
    "pair_ratio",
]

#: A link at least this sure is published as it is; below it, it is marked for review.
PUBLISH_CONFIDENCE = 0.95
#: Below this `Alignment.agreement` the two texts are not a text and its translation
#: (measured: 0.80 and more for translations, 0.54 at most for two other articles).
MIN_AGREEMENT = 0.5

# Gale and Church's priors of each kind of link (1993, table 5).
_PRIOR = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099),
    (0, 1): -math.log(0.0099),
    (2, 1): -math.log(0.089),
    (1, 2): -math.log(0.089),
}
# Characters (without spaces) of the target per character of the source, measured on
# the suite's sentences; a text's own ratio is used when it is near this one.
_RATIOS = {("en", "ru"): 1.0, ("en", "zh"): 0.36, ("ru", "zh"): 0.36}
# Variance of the target's length per source character (Gale and Church: 6.8), scaled
# by the ratio; Chinese lengths vary more.
_VARIANCE = 3.0
_SPLIT_PARAGRAPH = 3.0  # a merged link across a paragraph boundary
_STRAY = 3.0  # a sentence of a merged link that shares nothing with the other side
_NULL = 0.0  # what a sentence left unpaired costs besides the prior
_BAND = 6  # paragraphs either side of the diagonal
_MARGIN = 2  # sentences either side of the linked paragraphs


@dataclass(frozen=True, slots=True)
class Link:
    """Source sentences ``source`` translated by target sentences ``target`` (indexes in
    the texts' sentence order; one side is empty for a sentence the other text lacks)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float
    supported: bool = False  # both sides say something in common (a number, a term, ...)

    @property
    def kind(self) -> str:
        """``1-1``, ``2-1``, ``1-0``, ..."""
        return f"{len(self.source)}-{len(self.target)}"


@dataclass(frozen=True, slots=True)
class Alignment:
    """The links of a text and its translation, in order; every sentence is in one."""

    links: tuple[Link, ...]
    source: tuple[str, ...]  # the sentences, in order
    target: tuple[str, ...]

    @property
    def agreement(self) -> float:
        """Share of the sentences of both texts that are in links that pair sentences,
        share something (a number, a term, a name) and have a confidence of 0.5 or more:
        near 1 for a text and its translation, low for two different texts."""
        total = len(self.source) + len(self.target)
        agreeing = sum(
            len(link.source) + len(link.target)
            for link in self.links
            if link.supported and link.confidence >= 0.5
        )
        return agreeing / total if total else 0.0

    @property
    def mean_confidence(self) -> float:
        """Mean confidence of the links that pair sentences (0 when none does)."""
        paired = [link.confidence for link in self.links if link.source and link.target]
        return sum(paired) / len(paired) if paired else 0.0


def pair_ratio(source_lang: str, target_lang: str) -> float:
    """Target characters per source character expected for a language pair.

    >>> pair_ratio("en", "ru"), round(pair_ratio("zh", "en"), 2)
    (1.0, 2.78)
    """
    if source_lang == target_lang:
        return 1.0
    known = _RATIOS.get((source_lang, target_lang))
    if known is not None:
        return known
    reverse = _RATIOS.get((target_lang, source_lang))
    return 1.0 / reverse if reverse else 1.0


def align_paragraphs(
    source: Sequence[Sequence[str]],
    target: Sequence[Sequence[str]],
    *,
    source_lang: str,
    target_lang: str,
    glossary: Glossary | TermIndex | None = None,
    lengths_only: bool = False,
) -> Alignment:
    """Link the sentences of ``source`` (paragraphs of sentences) with those of
    ``target``, its translation.

    >>> result = align_paragraphs(
    ...     [["The SCO was founded on 15 June 2001.", "It has ten members."]],
    ...     [["ШОС основана 15 июня 2001 года, в неё входят десять государств."]],
    ...     source_lang="en", target_lang="ru")
    >>> [link.kind for link in result.links]
    ['2-1']
    """
    return align_with_features(
        source, target, source_lang=source_lang, target_lang=target_lang, glossary=glossary,
        lengths_only=lengths_only,
    )[0]


def align_with_features(
    source: Sequence[Sequence[str]],
    target: Sequence[Sequence[str]],
    *,
    source_lang: str,
    target_lang: str,
    glossary: Glossary | TermIndex | None = None,
    lengths_only: bool = False,
) -> tuple[Alignment, list[tuple[float, ...]]]:
    """`align_paragraphs`, and each link's confidence features (to fit the weights)."""
    terms = glossary if isinstance(glossary, TermIndex) or glossary is None else TermIndex(
        glossary
    )
    if lengths_only:
        terms = None
    source_sentences = [s for paragraph in source for s in paragraph]
    target_sentences = [s for paragraph in target for s in paragraph]
    left = [sentence_features(s, source_lang, terms) for s in source_sentences]
    right = [sentence_features(s, target_lang, terms) for s in target_sentences]
    if lengths_only:
        left = [Sentence(s.text, s.length, {}, 0.0) for s in left]
        right = [Sentence(s.text, s.length, {}, 0.0) for s in right]
    expected = pair_ratio(source_lang, target_lang)
    total_left = sum(s.length for s in left) or 1
    observed = sum(s.length for s in right) / total_left
    ratio = min(max(observed, expected / 1.5), expected * 1.5) if right else expected
    scorer = _Scorer(ratio)
    left_paragraphs = _paragraph_starts(source)
    right_paragraphs = _paragraph_starts(target)
    band = _sentence_band(
        _paragraph_links(source, target, left, right, scorer), left_paragraphs, right_paragraphs
    )
    left_of = _paragraph_index(source)
    right_of = _paragraph_index(target)
    left_side = _Side(left)
    right_side = _Side(right)

    def cost(i: int, j: int, di: int, dj: int) -> float:
        value = _PRIOR[di, dj] + scorer.cost(left_side.get(i, di), right_side.get(j, dj))
        if di == 2:
            value += scorer.stray_cost(left[i : i + 2], right_side.get(j, dj))
            if left_of[i] != left_of[i + 1]:
                value += _SPLIT_PARAGRAPH
        if dj == 2:
            value += scorer.stray_cost(right[j : j + 2], left_side.get(i, di))
            if right_of[j] != right_of[j + 1]:
                value += _SPLIT_PARAGRAPH
        if di == 1 and dj:
            value += _STRAY * stray_clauses(left[i], right_side.get(j, dj))
        if dj == 1 and di:
            value += _STRAY * stray_clauses(right[j], left_side.get(i, di))
        return value

    path = best_path(len(left), len(right), cost, band)
    from i18n_kit.align.confidence import FEATURES, link_confidences, link_features

    rows = link_features(path, left, right, scorer)
    confidences = link_confidences(rows, lengths_only=lengths_only)
    links = tuple(
        Link(
            source=tuple(range(i, i + di)),
            target=tuple(range(j, j + dj)),
            confidence=confidence,
            supported=bool(di and dj and row[FEATURES.index("shared")] > 0),
        )
        for (i, j, di, dj), confidence, row in zip(path, confidences, rows, strict=True)
    )
    alignment = Alignment(
        links=links, source=tuple(source_sentences), target=tuple(target_sentences)
    )
    return alignment, rows


class _Scorer:
    """The cost of linking some source sentences with some target sentences."""

    def __init__(self, ratio: float) -> None:
        self.ratio = ratio
        self.variance = _VARIANCE * ratio

    def length_cost(self, left: int, right: int) -> float:
        """-log P(|delta|), Gale and Church's length term."""
        mean = (left + right / self.ratio) / 2
        if mean <= 0:
            return 0.0
        delta = (right - left * self.ratio) / math.sqrt(mean * self.variance)
        tail = math.erfc(abs(delta) / math.sqrt(2))  # 2 * (1 - Phi(|delta|))
        return -math.log(tail) if tail > 1e-300 else 690.0

    def cost(self, left: Sentence | None, right: Sentence | None) -> float:
        """The cost of one link (a side is None when it has no sentence)."""
        if left is None or right is None:
            # A sentence left unpaired has no length to compare, and nothing of what it
            # says is missing from a translation: it has none.
            return _NULL
        return (
            self.length_cost(left.length, right.length) + _content_cost(left, right)
        )

    @staticmethod
    def stray_cost(merged: Sequence[Sentence], other: Sentence | None) -> float:
        """A merged link of which one sentence says something and none of it is said on
        the other side: that sentence is more likely one the other text lacks."""
        value = 0.0
        anchors = other.anchors.keys() if other is not None else frozenset()
        for sentence in merged:
            if sentence.anchors and anchors.isdisjoint(sentence.anchors):
                value += _STRAY
        return value


def _content_cost(left: Sentence, right: Sentence) -> float:
    """Each anchor on one side only costs its penalty; each on both sides earns its
    reward (and costs no penalty)."""
    small, big = (left, right) if len(left.anchors) <= len(right.anchors) else (right, left)
    others = big.anchors
    shared = 0.0
    for key, count in small.anchors.items():
        found = others.get(key)
        if found:
            shared += min(count, found) * SHARED_WEIGHT[key[0]]
    return left.penalty + right.penalty - shared


class _Side:
    """The sentences (or paragraphs) of one text, and each two neighbours merged."""

    def __init__(self, items: Sequence[Sentence]) -> None:
        self.items = items
        self.pairs: dict[int, Sentence] = {}

    def get(self, start: int, count: int) -> Sentence | None:
        if count == 1:
            return self.items[start]
        if count == 0:
            return None
        found = self.pairs.get(start)
        if found is None:
            found = self.pairs[start] = merge_sentences(self.items[start : start + count])
        return found


def _paragraph_starts(paragraphs: Sequence[Sequence[str]]) -> list[int]:
    """Index of each paragraph's first sentence, and the number of sentences at the end."""
    starts = [0]
    for paragraph in paragraphs:
        starts.append(starts[-1] + len(paragraph))
    return starts


def _paragraph_index(paragraphs: Sequence[Sequence[str]]) -> list[int]:
    return [number for number, paragraph in enumerate(paragraphs) for _ in paragraph]


def _paragraph_links(
    source: Sequence[Sequence[str]],
    target: Sequence[Sequence[str]],
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    scorer: _Scorer,
) -> list[tuple[int, int, int, int]]:
    """Pass 1: the paragraphs linked by the same dynamic programming."""
    left_paragraphs = _Side(_merge_paragraphs(source, left))
    right_paragraphs = _Side(_merge_paragraphs(target, right))
    n, m = len(left_paragraphs.items), len(right_paragraphs.items)

    def cost(i: int, j: int, di: int, dj: int) -> float:
        return _PRIOR[di, dj] + scorer.cost(left_paragraphs.get(i, di), right_paragraphs.get(j, dj))

    # As Moore (2002): a path that runs along the band's edge may have wanted to leave
    # it; then the band is doubled and the pass run again.
    width = _BAND
    while True:
        lo, hi = band = diagonal_band(n, m, width)
        path = best_path(n, m, cost, band)
        edge = any(
            (j <= lo[i] and lo[i] > 0) or (j >= hi[i] and hi[i] < m) for i, j, _, _ in path
        )
        if not edge or width >= max(n, m):
            return path
        width *= 2


def _merge_paragraphs(
    paragraphs: Sequence[Sequence[str]], sentences: Sequence[Sentence]
) -> list[Sentence]:
    merged: list[Sentence] = []
    position = 0
    for paragraph in paragraphs:
        merged.append(merge_sentences(sentences[position : position + len(paragraph)]))
        position += len(paragraph)
    return merged


def _sentence_band(
    paragraph_path: Sequence[tuple[int, int, int, int]],
    left_starts: Sequence[int],
    right_starts: Sequence[int],
) -> tuple[list[int], list[int]]:
    """Rows of the sentence pass: near the target paragraphs linked to each source one."""
    n, m = left_starts[-1], right_starts[-1]
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i, j, di, dj in paragraph_path:
        first, last = left_starts[i], left_starts[i + di]
        low = max(0, right_starts[j] - _MARGIN)
        high = min(m, right_starts[j + dj] + _MARGIN)
        for row in range(max(0, first - _MARGIN), min(n, last + _MARGIN) + 1):
            lo[row] = min(lo[row], low)
            hi[row] = max(hi[row], high)
    for row in range(n + 1):
        if lo[row] > hi[row]:
            lo[row], hi[row] = 0, m
    return lo, hi
