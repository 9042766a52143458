"""Checks that see a whole project at once (every catalog, every source article), not one
entry: the runner calls ``run_project_checks`` after the entry, catalog and page checks.

Each reads what it needs itself, so it gives the same findings however the runner walks
(or caches) the catalogs; add one by listing its ids and its function in
``PROJECT_CHECKERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from i18n_kit.checks.consistency import CHECK_IDS as CONSISTENCY_IDS
from i18n_kit.checks.consistency import check_consistency
from i18n_kit.checks.proofread import CHECK_IDS as PROOFREAD_IDS
from i18n_kit.checks.proofread import check_proofreading
from i18n_kit.checks.registry import Located
from i18n_kit.config import ProjectConfig

#: A project-level check: the project and the enabled check ids in, findings out.
ProjectChecker = Callable[[ProjectConfig, frozenset[str]], Iterable[Located]]

PROJECT_CHECKERS: tuple[tuple[frozenset[str], ProjectChecker], ...] = (
    (PROOFREAD_IDS, check_proofreading),
    (CONSISTENCY_IDS, check_consistency),
)


def run_project_checks(config: ProjectConfig, enabled: frozenset[str]) -> Iterator[Located]:
    """The findings of every enabled project-level check."""
    for ids, checker in PROJECT_CHECKERS:
        if enabled & ids:
            yield from checker(config, enabled)
