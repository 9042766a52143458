"""A content project (`Project`: its layout, from layout.py, and the public API's
methods), and making projects: `init` writes a fresh one or copies the shipped example."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from i18n_kit.config import CONFIG_NAME
from i18n_kit.errors import OutputError
from i18n_kit.files import write_file_atomic
from i18n_kit.layout import Layout
from i18n_kit.resources import shipped_path

if TYPE_CHECKING:  # the API's types, imported by the methods that return them
    from collections.abc import Callable, Sequence

    from i18n_kit.catalogs.counts import CatalogCounts
    from i18n_kit.checks.run import CheckReport
    from i18n_kit.lock import LockHolder
    from i18n_kit.model import Article
    from i18n_kit.output.page import ArticleLink, PageInput
    from i18n_kit.sync import ArticleWork, Progress, SyncReport
    from i18n_kit.translation.memory import TranslationMemory

    Waiting = Callable[[LockHolder | None], None]

EXAMPLE = "examples/sco-newsroom"


class Project(Layout):
    """A project: its layout (`Layout`) and what can be done with it, the public API.

    >>> from i18n_kit.config import ProjectConfig
    >>> project = Project(ProjectConfig(root=Path("/news"), name="n", source_language="en",
    ...     locales=("en", "ru"), content_dir=Path("/news/content"),
    ...     locales_dir=Path("/news/locales"), site_dir=Path("/news/site")))
    >>> project.relative(project.catalog("ru", "summit"))
    'locales/ru/LC_MESSAGES/articles/summit.po'
    """

    __slots__ = ()

    # ------------------------------------------------------------ the public API
    # Each method imports what it runs when it is called: opening a project costs
    # reading its i18n-kit.toml, and `i18n-kit --help` imports none of this.

    def sync(self, *, check: bool = False, mt: bool = True, progress: Progress | None = None,
             wait: float = 0.0, waiting: Waiting | None = None) -> SyncReport:
        """Bring templates, catalogs and pages up to date with the sources (`i18n-kit
        sync`); with ``check``, write nothing and report what would change (``sync
        --check``). ``mt=False`` asks no MT provider. A run that writes waits up to
        ``wait`` seconds for another run to finish (``waiting(holder)`` is told), then
        raises ``BusyError``; bad input raises an ``I18nKitError`` with nothing written.
        """
        from i18n_kit.sync import Mode, run

        return run(self.config, Mode.CHECK if check else Mode.SYNC, mt=mt, progress=progress,
                   wait=wait, waiting=waiting)

    def build(self, *, progress: Progress | None = None, wait: float = 0.0,
              waiting: Waiting | None = None) -> SyncReport:
        """Make the pages from the catalogs as they are (`i18n-kit build`)."""
        from i18n_kit.sync import Mode, run

        return run(self.config, Mode.BUILD, progress=progress, wait=wait, waiting=waiting)

    def translate(self, *, mt: bool = True, progress: Progress | None = None,
                  wait: float = 0.0, waiting: Waiting | None = None) -> SyncReport:
        """Read every article and route every untranslated entry again (`i18n-kit
        translate`)."""
        from i18n_kit.sync import Mode, run

        return run(self.config, Mode.TRANSLATE, mt=mt, progress=progress, wait=wait,
                   waiting=waiting)

    def check(self, *, pages: bool = True) -> CheckReport:
        """Every check over the catalogs (and, with ``pages`` and a built site, the
        pages): `i18n-kit check`. Unchanged files are answered from the cache."""
        from i18n_kit.checks.run import run_checks

        return run_checks(self.config, pages=pages)

    def proofread(self, article: Article) -> tuple[str, ...]:
        """What `check` reports on the source of ``article`` (misspelt words, doubled
        words: docs/checks.md#source-spelling), one line a finding
        (``content/a.md:8: warning [source-spelling] ...``) in the report's order, with
        the project's severities; a missing dictionary or a bad word list is one line
        too, and an unreadable source none (its page reports it)."""
        from i18n_kit.checks.proofread import CHECK_IDS, project_words, proofread_article
        from i18n_kit.checks.run import CHECK_ORDER, effective_severity, enabled_checks
        from i18n_kit.errors import I18nKitError

        config = self.config
        try:
            enabled = enabled_checks(config) & CHECK_IDS
            if not enabled:
                return ()
            lines = (config.root / article.path).read_text(encoding="utf-8").splitlines()
            found = sorted(proofread_article(article, lines, project_words(config), enabled),
                           key=lambda item: (item.line or 0, CHECK_ORDER[item.issue.check]))
        except (OSError, UnicodeDecodeError):
            return ()
        except I18nKitError as exc:
            return (f"error: {exc}",)
        return tuple(f"{item.file}:{item.line}: {effective_severity(config, item.issue)} "
                     f"[{item.issue.check}] {item.issue.message}" for item in found)

    def stats(self) -> list[CatalogCounts]:
        """Entries per locale and article catalog: translated, fuzzy, untranslated."""
        from i18n_kit.catalogs.counts import count_catalogs

        return count_catalogs(self.config)

    def sources(self) -> list[str]:
        """Project-relative paths of the source articles, sorted."""
        from i18n_kit.sync import find_sources

        return find_sources(self.config)

    def read_article(self, source: str) -> ArticleWork:
        """One source article read and segmented, with what its catalogs hold
        (``work.targets[locale][source_text]``); nothing is written (the preview)."""
        from i18n_kit.sync import prepare_article

        return prepare_article(self.config, source, write_catalogs=False)

    def listing(self, works: Sequence[ArticleWork], locale_code: str) -> list[ArticleLink]:
        """``works`` as the ``locale_code`` site lists them, newest first."""
        from i18n_kit.sync import list_articles

        by_source = {work.source: work for work in works}
        return list_articles(self.config, None, by_source, list(by_source), locale_code)

    def page_input(self, work: ArticleWork, locale_code: str,
                   related: Sequence[ArticleLink]) -> PageInput:
        """What the page of ``work`` in ``locale_code`` shows, ``related`` as "Related
        news" (what `build` renders)."""
        from i18n_kit.sync import page_input

        return page_input(self.config, work, locale_code, related)

    def open_memory(self) -> TranslationMemory:
        """The project's translation memory, up to date with its catalogs and
        ``tm/*.tmx``; close it after use (``memory.close()``)."""
        from i18n_kit.sync import open_project_memory

        return open_project_memory(self.config)


def open_project(path: str | os.PathLike[str] = ".") -> Project:
    """The project in the folder ``path`` (the one holding ``i18n-kit.toml``); raises
    ``ConfigError`` when there is none or it is not valid.

    >>> import tempfile, i18n_kit
    >>> folder = Path(tempfile.mkdtemp()) / "news"
    >>> _ = create_project(folder, example=True)   # `i18n-kit init --example`
    >>> project = i18n_kit.open_project(folder)
    >>> project.sync(check=True).changes           # templates and catalogs are current
    ()
    >>> report = project.sync(mt=False)             # builds site/
    >>> report.articles, report.parsed, len(report.changes)
    (9, 9, 33)
    >>> [(c.locale_code, c.article, c.total) for c in project.stats()][:1]
    [('en', 'foreign-ministers-council-tashkent-2022', 25)]
    >>> findings = project.check().findings     # what `i18n-kit check` reports
    >>> all(isinstance(finding, i18n_kit.Finding) for finding in findings)
    True
    """
    from i18n_kit.config import find_config, load_config

    return Project(load_config(find_config(Path(path))))

STARTER_CONFIG = """\
# i18n-kit project settings (see docs/configuration.md)

[project]
name = "{name}"
source_language = "en"          # language of articles whose front matter has no `lang`
locales = ["en", "ru", "zh"]    # every language the site publishes

[paths]
content = "content"             # source articles: *.md, *.html, *.txt
locales = "locales"             # POT templates and PO catalogs
site = "site"                   # built pages (generated)

[build]
threshold = 80                  # % translated below which a page says "translation in progress"
"""

GITIGNORE = "/site/\n/.i18n-kit/\n"

# Generated folders of the example that a copy must not carry.
_GENERATED = {"site", ".i18n-kit"}


def create_project(directory: Path, *, example: bool = False) -> Path:
    """Create a content project in ``directory`` and return its config path.

    >>> import tempfile; d = Path(tempfile.mkdtemp()) / "news"
    >>> create_project(d).name
    'i18n-kit.toml'
    """
    config_path = directory / CONFIG_NAME
    if config_path.exists():
        raise OutputError(
            f"{config_path} already exists; choose an empty folder or edit that project",
            path=str(directory),
        )
    if example:
        source = shipped_path(EXAMPLE)
        try:
            shutil.copytree(
                source,
                directory,
                dirs_exist_ok=True,
                ignore=lambda folder, names: [n for n in names if n in _GENERATED],
            )
        except OSError as exc:
            raise OutputError(f"cannot copy the example: {exc}", path=str(directory)) from exc
        return config_path
    name = directory.resolve().name or "newsroom"
    (directory / "content").mkdir(parents=True, exist_ok=True)
    write_file_atomic(directory / ".gitignore", GITIGNORE.encode())
    write_file_atomic(config_path, STARTER_CONFIG.format(name=name).encode("utf-8"))
    return config_path
