"""The issue's targets on the measured texts (benchmarks/align.py builds them from the
project's own sentences: merges, splits, drops and moved paragraph boundaries).

Fewer texts than the benchmark's tables (docs/machine-translation.md), other seeds than
the confidence weights were fitted on.
"""

from __future__ import annotations

from functools import cache

import pytest

from benchmarks.align import HELDOUT, PAIRS, TARGETS, Score, measure
from i18n_kit.glossary.load import load_glossary
from i18n_kit.glossary.match import TermIndex


@cache
def terms() -> TermIndex:
    return TermIndex(load_glossary(project_dir=None))


@cache
def scores(pair: tuple[str, str], lengths_only: bool) -> Score:
    return measure(pair, count=40, seed=7, terms=terms(), lengths_only=lengths_only)


@pytest.mark.parametrize("pair", PAIRS)
def test_link_f1_meets_the_target_and_beats_lengths_alone(pair: tuple[str, str]) -> None:
    score = scores(pair, False)
    assert score.gold > 1000
    assert score.f1 >= TARGETS[pair], f"{pair}: F1 {score.f1:.2%}"
    assert score.f1 > scores(pair, True).f1 + 0.15


@pytest.mark.parametrize("pair", PAIRS)
def test_links_published_unflagged_are_right(pair: tuple[str, str]) -> None:
    score = scores(pair, False)
    assert score.published >= 0.9 * score.paired_gold
    assert score.published_precision >= 0.995, f"{pair}: {score.published_precision:.2%}"


@pytest.mark.parametrize("pair", PAIRS)
def test_the_held_out_sentences_meet_the_targets(pair: tuple[str, str]) -> None:
    """tests/data/align/heldout.yaml: written after the first lexicon; its errors were
    read to write the lexicon's general vocabulary and the semicolon-clause rule, so this
    guards against a regression, not an overfit (docs/machine-translation.md gives the
    second held-out set's figures)."""
    score = measure(pair, count=40, seed=7, terms=terms(), suites=HELDOUT)
    assert score.f1 >= TARGETS[pair], f"{pair}: F1 {score.f1:.2%}"
    assert score.published_precision >= 0.995, f"{pair}: {score.published_precision:.2%}"
