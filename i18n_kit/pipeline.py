"""Kept so that programs written against earlier versions go on working: the engine is
`i18n_kit.sync` (plan, stage, commit) and the public API is `i18n_kit.open_project`."""

from __future__ import annotations

from i18n_kit.sync import (
    ArticleWork,
    ChangeKind,
    FileChange,
    Mode,
    SyncReport,
    catalog_refs,
    check_inputs,
    find_sources,
    list_articles,
    merge_work,
    open_project_memory,
    page_input,
    prepare_article,
    read_work,
    sync,
)
from i18n_kit.sync.stage import article_catalog_path, article_template_path, page_path

__all__ = ["ArticleWork", "ChangeKind", "FileChange", "Mode", "SyncReport",
           "article_catalog_path", "article_template_path", "catalog_refs", "check_inputs",
           "find_sources", "list_articles", "merge_work", "open_project_memory", "page_input",
           "page_path", "prepare_article", "read_work", "sync"]
