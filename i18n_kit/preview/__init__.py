"""The editors' preview: localized pages with translation status, corrected in place."""

from __future__ import annotations

from i18n_kit.preview.app import MAX_BODY_BYTES, TOKEN_HEADER, create_app, new_token
from i18n_kit.preview.edits import (
    Edit,
    EditConflict,
    EditRefused,
    MemoryOutcome,
    SaveResult,
    apply_edit,
)
from i18n_kit.preview.entries import EntryState, entry_key

__all__ = [
    "MAX_BODY_BYTES",
    "TOKEN_HEADER",
    "Edit",
    "EditConflict",
    "EditRefused",
    "EntryState",
    "MemoryOutcome",
    "SaveResult",
    "apply_edit",
    "create_app",
    "entry_key",
    "new_token",
]
