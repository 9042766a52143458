"""Stage 6: localized pages from an article's translated segments and the site-chrome catalogs."""

from __future__ import annotations

from i18n_kit.output.assemble import assemble_index, assemble_page, assemble_ui_page
from i18n_kit.output.page import (
    ArticleLink,
    LocalizedBlock,
    PageInput,
    PageText,
    SegmentNote,
    SegmentStatus,
    TextState,
)
from i18n_kit.output.ui import (
    UiCatalogs,
    UiMessage,
    extract_ui_messages,
    generate_ui_template,
    load_ui,
    shipped_locales_dir,
)

__all__ = [
    "ArticleLink",
    "LocalizedBlock",
    "PageInput",
    "PageText",
    "SegmentNote",
    "SegmentStatus",
    "TextState",
    "UiCatalogs",
    "UiMessage",
    "assemble_index",
    "assemble_page",
    "assemble_ui_page",
    "extract_ui_messages",
    "generate_ui_template",
    "load_ui",
    "shipped_locales_dir",
]
