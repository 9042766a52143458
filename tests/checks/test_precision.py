"""Deliverable 4: professional translations pass clean; injected mistakes are caught."""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from i18n_kit.checks import TextPair, check_pair
from i18n_kit.checks.glossary import GlossaryChecks
from i18n_kit.glossary.load import load_glossary

DATA = Path(__file__).parent.parent / "data" / "checks" / "precision"
CLEAN: list[dict[str, str]] = yaml.safe_load((DATA / "clean.yaml").read_text("utf-8"))
MISTAKES: list[dict[str, str]] = yaml.safe_load((DATA / "mistakes.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def glossary() -> GlossaryChecks:
    return GlossaryChecks(load_glossary(project_dir=None))


def test_the_sets_are_big_enough() -> None:
    assert len(CLEAN) >= 60
    assert len(MISTAKES) >= 30
    assert all(set(item) == {"en", "ru", "zh"} for item in CLEAN)


def test_clean_translations_raise_nothing_in_any_direction() -> None:
    alarms = []
    for item in CLEAN:
        for source, target in itertools.permutations(("en", "ru", "zh"), 2):
            pair = TextPair(source_text=item[source], target_text=item[target],
                            source_lang=source, target_lang=target)
            issues = check_pair(pair, glossary=glossary())
            issues += [found.issue for found in glossary().check_source(item[source], source)]
            alarms.extend((source, target, item[source], i.check, i.message) for i in issues)
    assert alarms == []  # 62 sentences x 6 directions = 372 pairs, 0 false alarms


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m["what"] for m in MISTAKES])
def test_each_injected_mistake_is_caught_by_its_check(mistake: dict[str, str]) -> None:
    pair = TextPair(source_text=mistake["source"], target_text=mistake["target"],
                    source_lang=mistake["source_lang"], target_lang=mistake["target_lang"])
    issues = check_pair(pair, glossary=glossary())
    issues += [found.issue for found in glossary().check_source(mistake["source"],
                                                                 mistake["source_lang"])]
    assert mistake["check"] in {issue.check for issue in issues}
