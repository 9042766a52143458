"""i18n-kit: source articles -> sentence segments -> gettext PO catalogs -> localized pages.

The public API, assembled lazily (PEP 562): ``import i18n_kit`` costs nothing until a
name is used, so ``i18n-kit --help`` stays fast.

>>> import i18n_kit
>>> project = i18n_kit.open_project("examples/sco-newsroom")
>>> project.relative(project.catalog("ru", "youth-forum-tashkent-2021"))
'locales/ru/LC_MESSAGES/articles/youth-forum-tashkent-2021.po'
>>> isinstance(project.sync(check=True), i18n_kit.SyncReport)
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

#: public name -> the module that defines it
_PUBLIC = {
    "open_project": "i18n_kit.project",
    "Project": "i18n_kit.project",
    "ProjectConfig": "i18n_kit.config",
    "SyncReport": "i18n_kit.sync.model",
    "ArticleWork": "i18n_kit.sync.model",
    "FileChange": "i18n_kit.sync.model",
    "ChangeKind": "i18n_kit.sync.model",
    "CheckReport": "i18n_kit.checks.run",
    "Finding": "i18n_kit.checks.run",
    "CatalogCounts": "i18n_kit.catalogs.counts",
    "TranslationMemory": "i18n_kit.translation.memory",
    "Severity": "i18n_kit.model",
    "I18nKitError": "i18n_kit.errors",
    "ConfigError": "i18n_kit.errors",
    "BusyError": "i18n_kit.errors",
}

__all__ = ["ArticleWork", "BusyError", "CatalogCounts", "ChangeKind", "CheckReport", "ConfigError",
           "FileChange", "Finding", "I18nKitError", "Project", "ProjectConfig", "Severity",
           "SyncReport", "TranslationMemory", "__version__", "open_project"]

if TYPE_CHECKING:
    from i18n_kit.catalogs.counts import CatalogCounts
    from i18n_kit.checks.run import CheckReport, Finding
    from i18n_kit.config import ProjectConfig
    from i18n_kit.errors import BusyError, ConfigError, I18nKitError
    from i18n_kit.model import Severity
    from i18n_kit.project import Project, open_project
    from i18n_kit.sync.model import ArticleWork, ChangeKind, FileChange, SyncReport
    from i18n_kit.translation.memory import TranslationMemory


def __getattr__(name: str) -> object:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'i18n_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next use is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
