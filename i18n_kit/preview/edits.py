"""Saving a correction made in the preview: one entry of one PO file, nothing else.

The file is read again at save time, only the edited entry is changed, and the catalog is
written back with ``format_catalog`` (exactly what ``sync`` writes) through
``write_file_atomic``; so changes made on disk since the page was loaded (Poedit, sync,
another editor) are kept, and the PO diff is that one entry. The page sends the
translation it showed: if that entry itself changed meanwhile, nothing is written and the
caller gets both versions (``EditConflict``).

Read, change and write happen under the project's write lock (lock.py), which a sync
holds while it moves its files into place: a save lands wholly before that (the sync,
which checks every catalog before replacing it, then merges the save) or after it.
"""

from __future__ import annotations

import enum
import importlib.util
from dataclasses import dataclass, replace
from pathlib import Path

from i18n_kit.catalogs.po import Catalog, Entry, format_catalog, parse_catalog, read_catalog
from i18n_kit.config import ProjectConfig
from i18n_kit.errors import I18nKitError
from i18n_kit.files import hash_bytes, write_file_atomic
from i18n_kit.lock import WRITE_LOCK, project_lock
from i18n_kit.output.page import SegmentStatus
from i18n_kit.preview.entries import EntryState, entry_key, is_editable, state_of
from i18n_kit.project import Project

_MEMORY_MODULE = "i18n_kit.translation.memory"
SAVE_WAIT = 10.0  # seconds a save waits for a sync to finish moving its files


class EditRefused(I18nKitError):
    """A save the preview cannot do at all (source-language page, approving nothing)."""


class EditConflict(I18nKitError):
    """The entry changed on disk since the page was loaded (or is gone); nothing saved."""

    def __init__(
        self, message: str, *, path: str, theirs: EntryState | None, yours: str
    ) -> None:
        super().__init__(message, path=path)
        self.theirs = theirs  # what the file holds now (None: the entry is gone)
        self.yours = yours  # what the editor wanted to save


class MemoryOutcome(enum.StrEnum):
    """What happened to the translation memory after a save."""

    ADDED = "added"  # the approved translation is in the memory
    SKIPPED = "skipped"  # fuzzy or empty: the memory holds approved translations only
    UNAVAILABLE = "unavailable"  # no memory backend (yet), or it could not be opened


@dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """One correction as the page sends it."""

    slug: str
    locale_code: str
    key: str  # entry_key of the source text
    base_text: str  # the translation the page showed when it was loaded
    base_status: SegmentStatus  # and its status then
    target_text: str  # the new translation ("" clears it)
    approve: bool  # also clear `fuzzy` (and the previous source, as Poedit does)
    base_digest: str = ""  # hash of the catalog file when the page was loaded


@dataclass(frozen=True, slots=True, kw_only=True)
class SaveResult:
    """The entry as it now is on disk, and what else happened."""

    entry: EntryState
    catalog: str  # project-relative path of the catalog written
    digest: str  # hash of the catalog file now
    changed: bool  # False when the file already held exactly this (nothing written)
    merged: bool  # the file had other changes since the page was loaded; they were kept
    memory: MemoryOutcome


def catalog_digest(data: bytes) -> str:
    """The hash a page carries of its catalog file, to tell a merge from a plain save.

    >>> len(catalog_digest(b"msgid \\"\\"\\n"))
    32
    """
    return hash_bytes(data)


def apply_edit(config: ProjectConfig, edit: Edit, *, source_lang: str) -> SaveResult:
    """Write ``edit`` into its catalog, or raise ``EditConflict`` / ``EditRefused``.

    >>> result = apply_edit(config, Edit(slug="summit", locale_code="ru", key=key,
    ...     base_text="", base_status=SegmentStatus.UNTRANSLATED, target_text="Саммит",
    ...     approve=True), source_lang="en")  # doctest: +SKIP
    >>> result.entry.status  # doctest: +SKIP
    <SegmentStatus.TRANSLATED: 'translated'>
    """
    path = Project(config).catalog(edit.locale_code, edit.slug)
    rel = config.relative(path)
    if edit.locale_code == source_lang:
        raise EditRefused(
            f"{edit.locale_code} is the source language of {edit.slug!r}: its page has no "
            "catalog and is read-only; edit the source article instead",
            path=rel,
        )
    if edit.approve and not edit.target_text.strip():
        raise EditRefused("an empty translation cannot be approved; write one first", path=rel)
    with project_lock(config.state_dir, WRITE_LOCK, wait=SAVE_WAIT,
                      command="i18n-kit preview (saving)"):
        result = _save(config, edit, path=path, rel=rel)
    saved = result.entry
    if saved.status is SegmentStatus.TRANSLATED:
        memory = remember_translation(
            config, source_lang=source_lang, target_lang=edit.locale_code,
            source_text=saved.source_text, target_text=saved.target_text, origin=rel,
        )
        result = replace(result, memory=memory)
    return result


def _save(config: ProjectConfig, edit: Edit, *, path: Path, rel: str) -> SaveResult:
    """``apply_edit``'s read, change and write of the catalog (under the write lock)."""
    if not path.is_file():
        raise EditConflict(
            "the catalog does not exist (any more); run 'i18n-kit sync' and reload the page",
            path=rel, theirs=None, yours=edit.target_text,
        )
    data = path.read_bytes()
    catalog = _parse(data, path_text=rel, config=config)
    entry = next(
        (e for e in catalog if is_editable(e) and entry_key(e.msgid) == edit.key), None
    )
    if entry is None:
        raise EditConflict(
            "this sentence is no longer in the catalog (its source changed, or sync ran); "
            "nothing was saved: copy your text, then reload the page",
            path=rel, theirs=None, yours=edit.target_text,
        )
    current = state_of(entry)
    wanted_fuzzy = _wanted_fuzzy(current, edit)
    already = current.target_text == edit.target_text and (
        current.status == _status(edit.target_text, wanted_fuzzy)
    )
    if (current.target_text, current.status) != (edit.base_text, edit.base_status) and not already:
        raise EditConflict(
            "this sentence was changed on disk since the page was loaded; nothing was "
            "saved: compare both versions, then reload the page and edit again",
            path=rel, theirs=current, yours=edit.target_text,
        )
    merged = bool(edit.base_digest) and edit.base_digest != catalog_digest(data)
    _change_entry(entry, edit.target_text, fuzzy=wanted_fuzzy)
    new_data = format_catalog(catalog).encode("utf-8")
    changed = new_data != data
    if changed:
        write_file_atomic(path, new_data, origin=rel)
    return SaveResult(
        entry=state_of(entry), catalog=rel, digest=catalog_digest(new_data), changed=changed,
        merged=merged, memory=MemoryOutcome.SKIPPED,
    )


def remember_translation(
    config: ProjectConfig,
    *,
    source_lang: str,
    target_lang: str,
    source_text: str,
    target_text: str,
    origin: str,
) -> MemoryOutcome:
    """Add an approved translation to the project's translation memory, when there is
    one; a memory that cannot be opened never loses the save (the PO file is the truth
    and the memory is rebuilt from it by the next sync).

    >>> remember_translation(config, source_lang="en", target_lang="ru", source_text="SCO",
    ...     target_text="ШОС", origin="locales/ru/x.po")  # doctest: +SKIP
    <MemoryOutcome.ADDED: 'added'>
    """
    if importlib.util.find_spec(_MEMORY_MODULE) is None:
        return MemoryOutcome.UNAVAILABLE
    from i18n_kit.translation.memory import MemoryUnit, open_memory

    try:
        memory = open_memory(url=config.tm_url, state_dir=config.state_dir)
    except (I18nKitError, ImportError, OSError):
        return MemoryOutcome.UNAVAILABLE
    try:
        memory.add(
            MemoryUnit(
                source_lang=source_lang,
                target_lang=target_lang,
                source_text=source_text,
                target_text=target_text,
                origin=origin,
            )
        )
    except (I18nKitError, OSError):
        return MemoryOutcome.UNAVAILABLE
    finally:
        memory.close()
    return MemoryOutcome.ADDED


def _parse(data: bytes, *, path_text: str, config: ProjectConfig) -> Catalog:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # read_catalog words the error with the line and column.
        return read_catalog(config.root / path_text, origin=path_text)
    return parse_catalog(text, origin=path_text)


def _wanted_fuzzy(current: EntryState, edit: Edit) -> bool:
    if edit.approve or not edit.target_text:
        return False
    # A plain save keeps the flag: machine output stays "needs review" until approved.
    return current.fuzzy


def _status(target_text: str, fuzzy: bool) -> SegmentStatus:
    if not target_text:
        return SegmentStatus.UNTRANSLATED
    return SegmentStatus.FUZZY if fuzzy else SegmentStatus.TRANSLATED


def _change_entry(entry: Entry, target_text: str, *, fuzzy: bool) -> None:
    entry.msgstr = target_text
    flags = [flag for flag in entry.flags if flag != "fuzzy"]
    entry.flags = ["fuzzy", *flags] if fuzzy else flags
    if not fuzzy:
        # The previous source explains a fuzzy entry; once reviewed it is noise (Poedit
        # drops it on approval too).
        entry.previous_msgctxt = None
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
