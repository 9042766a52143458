"""Per-catalog counts of translated, fuzzy and untranslated entries (for `stats`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from i18n_kit.catalogs.po import read_catalog
from i18n_kit.catalogs.status import SegmentStatus, entry_status, route_note
from i18n_kit.config import ProjectConfig
from i18n_kit.layout import Layout
from i18n_kit.results import ResultCache, digest_of, toolkit_digest


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
        route, _ = route_note(entry)
        if route:
            routes[route] = routes.get(route, 0) + 1
        found = entry_status(entry)
        if found is SegmentStatus.FUZZY:
            fuzzy += 1
        elif found is SegmentStatus.TRANSLATED:
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
    """Counts for every article catalog of every configured locale, sorted. A catalog
    whose bytes were counted before (by any run, in any clone: results.py) is not read."""
    results = ResultCache(config.state_dir, "stats")
    salt = toolkit_digest()
    counts: list[CatalogCounts] = []
    for code, path in Layout(config).article_catalogs():
        origin = config.relative(path)
        digest = results.file_digest(config.root, origin)
        key = digest_of(salt, digest or "")
        known = results.get(key) if digest is not None else None
        if known is not None:
            translated, fuzzy, untranslated, routes = json.loads(known)
            counts.append(CatalogCounts(
                locale_code=code, article=path.stem, path=origin,
                total=translated + fuzzy + untranslated, translated=translated,
                fuzzy=fuzzy, untranslated=untranslated, routes=routes))
            continue
        found = count_catalog(path, origin=origin, locale_code=code)
        counts.append(found)
        if digest is not None:
            results.put(key, json.dumps([found.translated, found.fuzzy,
                                         found.untranslated, found.routes]))
    results.save()
    return counts
