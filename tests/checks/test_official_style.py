"""Correct translations in official SCO style pass the checks; the mistakes beside them do not.

tests/data/checks/official/pairs.yaml holds correct EN -> RU and EN -> ZH translations written
in the style official SCO texts use (OFFICIAL-STYLE.md); mistakes.yaml the wrong ones that
look most like them. docs/checks.md gives the figures before and after the checks learnt
that style.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from i18n_kit.checks import Issue, Severity, TextPair, check_pair
from i18n_kit.checks.glossary import GlossaryChecks
from i18n_kit.glossary.load import load_glossary

DATA = Path(__file__).parent.parent / "data" / "checks" / "official"
PAIRS: list[dict[str, str]] = yaml.safe_load((DATA / "pairs.yaml").read_text("utf-8"))
MISTAKES: list[dict[str, str]] = yaml.safe_load((DATA / "mistakes.yaml").read_text("utf-8"))
TARGETS = ("ru", "zh")


@lru_cache(maxsize=1)
def glossary() -> GlossaryChecks:
    return GlossaryChecks(load_glossary(project_dir=None))


def findings(source: str, target: str, source_lang: str, target_lang: str) -> list[Issue]:
    pair = TextPair(source_text=source, target_text=target,
                    source_lang=source_lang, target_lang=target_lang)
    issues = check_pair(pair, glossary=glossary())
    return issues + [found.issue for found in glossary().check_source(source, source_lang)]


def test_the_suite_is_big_enough() -> None:
    assert len(PAIRS) * len(TARGETS) >= 60
    assert all({"what", "en", "ru", "zh"} <= set(item) for item in PAIRS)


def test_official_style_raises_no_error_and_at_most_one_warning_in_thirty() -> None:
    raised = [
        (target, item["what"], issue.check, issue.severity, issue.message)
        for item in PAIRS
        for target in TARGETS
        for issue in findings(item["en"], item[target], "en", target)
    ]
    errors = [found for found in raised if found[3] is Severity.ERROR]
    warnings = [found for found in raised if found[3] is Severity.WARNING]
    assert errors == []
    assert len(warnings) * 30 <= len(PAIRS) * len(TARGETS), warnings


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m["what"] for m in MISTAKES])
def test_each_mistake_beside_them_is_caught(mistake: dict[str, str]) -> None:
    issues = findings(mistake["source"], mistake["target"],
                      mistake["source_lang"], mistake["target_lang"])
    assert mistake["check"] in {issue.check for issue in issues}
