"""The source proofreading findings a preview page lists (docs/checks.md#source-spelling).

Every page of an article, in every locale, lists what ``i18n-kit check`` reports on its
source article (misspelt words, doubled words), in the report's own words, so an editor
sees a typo before it is translated three times. Read fresh on every request, like the
rest of the preview.
"""

from __future__ import annotations

from i18n_kit.checks.proofread import CHECK_IDS, project_words, proofread_article
from i18n_kit.checks.registry import CHECKS, get_check
from i18n_kit.checks.run import enabled_checks
from i18n_kit.config import ProjectConfig
from i18n_kit.errors import I18nKitError
from i18n_kit.model import Article

_ORDER = {check.id: index for index, check in enumerate(CHECKS)}  # as `check` lists them


def proofread_source(config: ProjectConfig, article: Article) -> tuple[str, ...]:
    """One line per finding (``content/a.md:8: warning [source-spelling] ...``), in the
    report's order, with the project's severities; a missing dictionary or a bad word
    list is one line too."""
    try:
        enabled = enabled_checks(config) & CHECK_IDS
        if not enabled:
            return ()
        lines = (config.root / article.path).read_text(encoding="utf-8").splitlines()
        found = sorted(proofread_article(article, lines, project_words(config), enabled),
                       key=lambda item: (item.line or 0, _ORDER[item.issue.check]))
    except (OSError, UnicodeDecodeError):
        return ()  # the page itself reports an unreadable source
    except I18nKitError as exc:
        return (f"error: {exc}",)
    return tuple(
        f"{item.file}:{item.line}: "
        f"{config.checks_severity.get(item.issue.check) or get_check(item.issue.check).severity} "
        f"[{item.issue.check}] {item.issue.message}"
        for item in found
    )

