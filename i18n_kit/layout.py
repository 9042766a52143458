"""Where everything of one project is: the layout of its files, spelled out in one place.

The engine's modules (sync/, checks/, catalogs/counts.py) build their paths here;
project.py's `Project` adds the public API on top, so nothing below it imports the
engine back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from i18n_kit.config import ProjectConfig
from i18n_kit.glossary.load import GLOSSARY_FOLDER


@dataclass(frozen=True, slots=True)
class Layout:
    """Where everything of one project is: built from its configuration, and the only
    place the layout below is spelled out.

    ::

        content/<name>.md|.html|.txt                      source articles (and images)
        locales/templates/articles/<slug>.pot             one template per article
        locales/<code>/LC_MESSAGES/articles/<slug>.po     one catalog per target locale
        locales/<code>/LC_MESSAGES/messages.po            the site chrome's own strings
        site/<code>/<slug>.html, site/<code>/index.html   built pages
        glossary/*.csv|*.tbx, tm/*.tmx                    what routing and checks read
        .i18n-kit/                                        caches and the memory

    >>> project = Layout(ProjectConfig(root=Path("/news"), name="n", source_language="en",
    ...     locales=("en", "ru"), content_dir=Path("/news/content"),
    ...     locales_dir=Path("/news/locales"), site_dir=Path("/news/site")))
    >>> project.relative(project.catalog("ru", "summit"))
    'locales/ru/LC_MESSAGES/articles/summit.po'
    >>> project.relative(project.index_page("zh", "index.html"))
    'site/zh/index.html'
    """

    config: ProjectConfig

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def state_dir(self) -> Path:
        """Caches (state.py, results.py) and the memory's SQLite file and index."""
        return self.config.state_dir

    @property
    def memory_dir(self) -> Path:
        """Where the embedded memory lives (``memory.sqlite3``, ``tm-index/``)."""
        return self.config.state_dir

    @property
    def glossary_dir(self) -> Path:
        return self.config.glossary_dir or self.config.root / GLOSSARY_FOLDER

    @property
    def tm_dir(self) -> Path | None:
        return self.config.tm_dir

    def relative(self, path: Path) -> str:
        """A project path as the reports and catalogs name it (POSIX, relative)."""
        return self.config.relative(path)

    def template(self, slug: str) -> Path:
        return self.config.locales_dir / "templates" / "articles" / f"{slug}.pot"

    def catalogs_folder(self, locale_code: str) -> Path:
        return self.config.locales_dir / locale_code / "LC_MESSAGES" / "articles"

    def catalog(self, locale_code: str, slug: str) -> Path:
        return self.catalogs_folder(locale_code) / f"{slug}.po"

    def catalog_folder_text(self, locale_code: str) -> str:
        """`catalogs_folder` as a string ending in a separator: ``+ slug + ".po"`` is the
        catalog's path (for loops over every article of a large archive)."""
        return os.path.join(self.catalogs_folder(locale_code), "")

    def article_catalogs(self) -> Iterator[tuple[str, Path]]:
        """(locale, path) of every article catalog on disk, by locale then name."""
        for code in self.config.locales:
            yield from ((code, path) for path in sorted(self.catalogs_folder(code).glob("*.po")))

    def chrome_catalog(self, locale_code: str) -> Path:
        """The project's own translations of the site chrome (``messages.po``)."""
        return self.config.locales_dir / locale_code / "LC_MESSAGES" / "messages.po"

    def chrome_catalogs(self) -> list[Path]:
        """Every ``messages.po`` under locales/, configured locale or not, sorted."""
        return sorted(self.config.locales_dir.glob("*/LC_MESSAGES/messages.po"))

    def page(self, locale_code: str, slug: str) -> Path:
        return self.config.site_dir / locale_code / f"{slug}.html"

    def index_page(self, locale_code: str, file_name: str) -> Path:
        return self.config.site_dir / locale_code / file_name
