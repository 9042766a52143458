"""How sure a link is: a logistic model over what the link shows.

The features of a link (``link_features``): its kind, how likely its two lengths are,
what its two sides share and what only one side has (``features.py``'s anchors,
weighted), whether a neighbouring link leaves a sentence unpaired (a 1-0 beside a 0-1
is often a 1-1 the aligner missed), how many sentences of a merged side share nothing
with the other side, and how much worse the best other link of the same sentences would
be. The weights were fitted (logistic regression) on texts generated as
``benchmarks/align.py`` generates them, with other seeds than the ones measured; the
measured figures are in docs/machine-translation.md. Three rules stand above the
weights: a link where each side has a number or a date the other lacks is at most
`CONFLICT_CONFIDENCE` sure, whatever else it shares; a link whose sides share nothing
at all is at most `LENGTHS_ONLY_CONFIDENCE` sure (below the publishing threshold); and
so is a link with a sentence joined from two by a semicolon one of whose clauses shares
nothing of its own with the other side (``features.stray_clauses``): on new text that
was most wrong links published, a merged translation linked with half its source.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from i18n_kit.align.features import Sentence, anchor_weight, merge_sentences, stray_clauses

__all__ = ["FEATURES", "link_confidences", "link_features"]

#: The names of `link_features`' values, in order.
FEATURES = (
    "bias",
    "one_to_one",
    "merged",
    "unpaired",
    "log_length",
    "shared",
    "unshared",
    "unpaired_neighbour",
    "nothing_shared",
    "margin",
    "only_unshared",
    "stray",
    "numbers_conflict",
    "stray_clause",
)

# Fitted by `benchmarks/align.py --fit`; the lengths-only aligner has its own.
# The last feature is not weighted but a rule (`link_confidences`): the generated texts
# hardly have a wrong link whose numbers conflict (the alignment avoids them), so no fit
# can learn what a different article with the same names looks like.
_WEIGHTS = (1.18, 1.41, -0.58, 0.35, -0.29, 0.77, -0.57, -0.60, -1.27, 1.51, -1.50, -1.35, 0.0, 0.0)
_WEIGHTS_LENGTHS_ONLY = (
    0.53, 0.34, -0.04, 0.24, 0.15, 0.00, 0.00, -1.14, 0.11, 0.48, 0.00, -0.08, 0.0, 0.0
)
#: At most this sure when the two sides share nothing (no number, term, name or word of
#: the lexicon): lengths alone pick the right sentence four times in five, so such a
#: link is offered for review, never published unseen.
LENGTHS_ONLY_CONFIDENCE = 0.9
#: At most this sure when each side has a number or a date the other lacks: official
#: translations keep them, so such a link is a different sentence that names the same
#: people and places.
CONFLICT_CONFIDENCE = 0.4


class _LengthScorer(Protocol):
    def length_cost(self, left: int, right: int) -> float: ...

    def cost(self, left: Sentence | None, right: Sentence | None) -> float: ...


def link_features(
    path: Sequence[tuple[int, int, int, int]],
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    scorer: _LengthScorer,
) -> list[tuple[float, ...]]:
    """One tuple of `FEATURES` per link of ``path``."""
    rows: list[tuple[float, ...]] = []
    for number, (i, j, di, dj) in enumerate(path):
        shared = unshared = 0.0
        left_anchors: dict[str, int] = {}
        right_anchors: dict[str, int] = {}
        for sentence in left[i : i + di]:
            for key, count in sentence.anchors.items():
                left_anchors[key] = left_anchors.get(key, 0) + count
        for sentence in right[j : j + dj]:
            for key, count in sentence.anchors.items():
                right_anchors[key] = right_anchors.get(key, 0) + count
        left_only = right_only = 0
        for key in left_anchors.keys() | right_anchors.keys():
            reward, penalty = anchor_weight(key)
            a, b = left_anchors.get(key, 0), right_anchors.get(key, 0)
            shared += reward * min(a, b)
            unshared += penalty * abs(a - b)
            if key[0] in "nm":
                left_only += a > b
                right_only += b > a
        length = -scorer.length_cost(
            sum(s.length for s in left[i : i + di]), sum(s.length for s in right[j : j + dj])
        )
        margin = _margin(i, j, di, dj, left, right, scorer) if di and dj else 0.0
        neighbour = any(
            0 <= near < len(path) and 0 in path[near][2:] for near in (number - 1, number + 1)
        )
        rows.append(
            (
                1.0,
                float((di, dj) == (1, 1)),
                float(di + dj == 3),
                float(di == 0 or dj == 0),
                max(length, -12.0),
                min(shared, 12.0) / 3,
                min(unshared, 12.0) / 3,
                float(neighbour),
                float(shared == 0 and di and dj),
                margin,
                float(shared == 0 and unshared > 0 and di and dj),
                _strays(left[i : i + di], right_anchors) if di == 2 and dj else (
                    _strays(right[j : j + dj], left_anchors) if dj == 2 and di else 0.0
                ),
                # each side has a number or a date the other lacks: 20 January and 16 May
                float(bool(di and dj and left_only and right_only)),
                # a clause of a sentence joined by a semicolon that the other side lacks
                float(
                    di == 1 and dj > 0
                    and stray_clauses(left[i], merge_sentences(right[j : j + dj]), unsure=True)
                    or dj == 1 and di > 0
                    and stray_clauses(right[j], merge_sentences(left[i : i + di]), unsure=True)
                ),
            )
        )
    return rows


def _strays(merged: Sequence[Sentence], other: dict[str, int]) -> float:
    """How many sentences of a merged side share nothing with the other side."""
    return float(sum(1 for sentence in merged if other.keys().isdisjoint(sentence.anchors)))


def _margin(
    i: int,
    j: int,
    di: int,
    dj: int,
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    scorer: _LengthScorer,
) -> float:
    """How much worse the best other link of any of these sentences would be (-10 to 10,
    in fifths; priors left out): a sentence that fits a neighbour's translation, or a
    merged link one of whose sentences fits alone as well, is unsure."""
    chosen = scorer.cost(merge_sentences(left[i : i + di]), merge_sentences(right[j : j + dj]))
    best = 50.0
    for da, db in ((1, 1), (2, 1), (1, 2)):
        for a in range(i - da + 1, i + di):
            if a < 0 or a + da > len(left):
                continue
            for b in range(j - db + 1, j + dj):
                if b < 0 or b + db > len(right) or (a, b, da, db) == (i, j, di, dj):
                    continue
                other = scorer.cost(
                    merge_sentences(left[a : a + da]), merge_sentences(right[b : b + db])
                )
                best = min(best, other)
    return max(-10.0, min(best - chosen, 10.0)) / 5


def link_confidences(
    rows: Sequence[tuple[float, ...]], *, lengths_only: bool = False
) -> list[float]:
    """The confidence (0-1, two decimals) of each link, from its `link_features`."""
    weights = _WEIGHTS_LENGTHS_ONLY if lengths_only else _WEIGHTS
    confidences: list[float] = []
    for row in rows:
        score = sum(w * x for w, x in zip(weights, row, strict=True))
        confidence = 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))
        if row[FEATURES.index("numbers_conflict")]:
            confidence = min(confidence, CONFLICT_CONFIDENCE)
        if row[FEATURES.index("stray_clause")]:
            confidence = min(confidence, LENGTHS_ONLY_CONFIDENCE)
        if row[FEATURES.index("nothing_shared")]:
            confidence = min(confidence, LENGTHS_ONLY_CONFIDENCE)
        confidences.append(round(confidence, 2))
    return confidences
