"""Per-catalog counts of translated, fuzzy and untranslated entries (for `stats`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from i18n_kit.catalogs.po import read_catalog
from i18n_kit.config import ProjectConfig


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogCounts:
    """Entry counts of one article catalog in one locale (obsolete entries excluded)."""

    locale_code: str
    article: str  # slug
    path: str  # project-relative
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    routes: Mapping[str, int] = field(default_factory=dict)  # from "#. route: <route> (...)"

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


def count_catalog(path: Path, *, origin: str, locale_code: str) -> CatalogCounts:
    """Count one PO file.

    >>> count_catalog(Path("examples/sco-newsroom/locales/ru/LC_MESSAGES/articles/"
    ...     "rats-council-meeting-tashkent-2024.po"), origin="x", locale_code="ru").total > 0
    True
    """
    translated = fuzzy = untranslated = 0
    routes: dict[str, int] = {}
    for entry in read_catalog(path, origin=origin):
        if entry.obsolete or not entry.msgid:
            continue
        for line in entry.comment.splitlines():
            if line.startswith("route: "):
                route = line[len("route: ") :].split(" ", 1)[0]
                routes[route] = routes.get(route, 0) + 1
        has_text = bool(entry.msgstr) or any(entry.msgstr_plural.values())
        if has_text and entry.fuzzy:
            fuzzy += 1
        elif has_text:
            translated += 1
        else:
            untranslated += 1
    return CatalogCounts(
        locale_code=locale_code,
        article=path.stem,
        path=origin,
        total=translated + fuzzy + untranslated,
        translated=translated,
        fuzzy=fuzzy,
        untranslated=untranslated,
        routes=dict(sorted(routes.items())),
    )


def count_catalogs(config: ProjectConfig) -> list[CatalogCounts]:
    """Counts for every article catalog of every configured locale, sorted."""
    counts: list[CatalogCounts] = []
    for code in config.locales:
        folder = config.locales_dir / code / "LC_MESSAGES" / "articles"
        for path in sorted(folder.glob("*.po")):
            counts.append(count_catalog(path, origin=config.relative(path), locale_code=code))
    return counts
