"""Stage 6: localized pages from an article's translated segments and the site-chrome catalogs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from i18n_kit.output.assemble import assemble_index, assemble_page, assemble_ui_page

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


def __getattr__(name: str) -> Any:
    # The renderer imports jinja2 and markdown-it (0.05 s): a sync with nothing to
    # render, which still imports output.page, never pays for it.
    if name in ("assemble_index", "assemble_page", "assemble_ui_page"):
        from i18n_kit.output import assemble

        return getattr(assemble, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
