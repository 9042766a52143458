"""Checks that see a whole project at once (every catalog, every source article), not one
entry: the runner calls ``run_project_checks`` after the entry, catalog and page checks.

Each reads what it needs itself, so it gives the same findings however the runner walks
(or caches) the catalogs; add one by listing its ids and its function in
``PROJECT_CHECKERS``. What a check takes from one file (a source's proofreading
findings, a catalog's entries as consistency compares them) is kept by the file's
content in the runner's result cache (``FileMemo``), so a CI job with the cache restored
reads only the files that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from i18n_kit.checks.consistency import CHECK_IDS as CONSISTENCY_IDS
from i18n_kit.checks.consistency import check_consistency
from i18n_kit.checks.memo import FileMemo
from i18n_kit.checks.proofread import CHECK_IDS as PROOFREAD_IDS
from i18n_kit.checks.proofread import check_proofreading
from i18n_kit.checks.registry import Located
from i18n_kit.config import ProjectConfig

#: A project-level check: the project, the enabled check ids and the memo in, findings out.
ProjectChecker = Callable[[ProjectConfig, frozenset[str], FileMemo], Iterable[Located]]

PROJECT_CHECKERS: tuple[tuple[frozenset[str], ProjectChecker], ...] = (
    (PROOFREAD_IDS, check_proofreading),
    (CONSISTENCY_IDS, check_consistency),
)


def run_project_checks(
    config: ProjectConfig, enabled: frozenset[str], memo: FileMemo | None = None
) -> Iterator[Located]:
    """The findings of every enabled project-level check (``memo``: what they took
    from each file on an earlier run, by content; none kept without it)."""
    memo = memo or FileMemo(None, config.root, "")
    for ids, checker in PROJECT_CHECKERS:
        if enabled & ids:
            yield from checker(config, enabled, memo)
