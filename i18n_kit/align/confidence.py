"""How sure a link is: a logistic model over what the link shows.

The features of a link (``link_features``): its kind, how likely its two lengths are,
what its two sides share and what only one side has (``features.py``'s anchors,
weighted), and whether a neighbouring link leaves a sentence unpaired (a 1-0 beside a
0-1 is often a 1-1 the aligner missed). The weights were fitted (logistic regression)
on texts generated as ``benchmarks/align.py`` generates them, with other seeds than
the ones measured; the measured figures are in docs/machine-translation.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from i18n_kit.align.features import Sentence, anchor_weight, merge_sentences

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
)

# Fitted by `benchmarks/align.py --fit`; the lengths-only aligner has its own.
_WEIGHTS = (1.12, 1.47, -0.69, 0.34, -0.26, 0.75, -0.39, -0.63, -1.31, 1.55, -1.54)
_WEIGHTS_LENGTHS_ONLY = (0.49, 0.39, -0.15, 0.26, 0.15, 0.00, 0.00, -1.14, 0.10, 0.48, 0.0)


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
        for key in left_anchors.keys() | right_anchors.keys():
            reward, penalty = anchor_weight(key)
            a, b = left_anchors.get(key, 0), right_anchors.get(key, 0)
            shared += reward * min(a, b)
            unshared += penalty * abs(a - b)
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
            )
        )
    return rows


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
        confidences.append(round(1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0))), 2))
    return confidences
