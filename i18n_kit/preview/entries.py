"""Article-catalog entries as the preview shows them: status, route, reason and terms.

The route and the glossary terms come from the entry's extracted comments, one fact a
line (``#. route: mt (no TM match >= 75%)``, ``#. terms: SCO Secretariat = Секретариат
ШОС``), so whatever wrote them (sync, a TM import, a person) is shown the same way, and
an entry without them shows an empty route.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from i18n_kit.catalogs.po import Catalog, Entry, read_catalog
from i18n_kit.catalogs.status import route_note, status
from i18n_kit.files import hash_bytes
from i18n_kit.output.page import SegmentNote, SegmentStatus

_TERMS = "terms: "


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryState:
    """One editable entry of an article catalog (active, no context, no plural)."""

    key: str
    source_text: str
    target_text: str
    fuzzy: bool  # the flag as written; an empty translation is untranslated either way
    route: str = ""
    reason: str = ""
    terms: tuple[str, ...] = ()

    @property
    def status(self) -> SegmentStatus:
        """Translated, fuzzy or untranslated, as a reader-facing build decides it."""
        return status(self.target_text, self.fuzzy)

    def to_note(self) -> SegmentNote:
        """The annotation a preview page carries for this entry's segments."""
        return SegmentNote(
            status=self.status,
            key=self.key,
            target_text=self.target_text,
            route=self.route,
            reason=self.reason,
            terms=self.terms,
        )


def entry_key(source_text: str) -> str:
    """The short, stable key a page uses to name an entry in a save request.

    >>> entry_key("The SCO summit opened.") == entry_key("The SCO summit opened.")
    True
    """
    return hash_bytes(source_text.encode("utf-8"))[:16]


def untranslated_state(source_text: str) -> EntryState:
    """What a segment that its catalog does not (yet) hold shows: untranslated."""
    return EntryState(key=entry_key(source_text), source_text=source_text, target_text="",
                      fuzzy=False)


def is_editable(entry: Entry) -> bool:
    """Entries the preview shows and edits: what article catalogs are made of."""
    return not entry.obsolete and entry.msgctxt is None and bool(entry.msgid) and (
        not entry.msgid_plural
    )


def state_of(entry: Entry) -> EntryState:
    """The preview's view of one catalog entry.

    >>> from i18n_kit.catalogs.po import new_entry
    >>> state_of(new_entry(msgid="SCO", msgstr="ШОС", comment="route: term (glossary)")).route
    'term'
    """
    route, reason = route_note(entry)
    terms: list[str] = []
    for line in entry.comment.splitlines():
        if line.startswith(_TERMS):
            terms.append(line[len(_TERMS):].strip())
    return EntryState(
        key=entry_key(entry.msgid),
        source_text=entry.msgid,
        target_text=entry.msgstr,
        fuzzy=entry.fuzzy,
        route=route,
        reason=reason,
        terms=tuple(terms),
    )


def catalog_states(catalog: Catalog) -> dict[str, EntryState]:
    """Source text -> entry state, for every editable entry of ``catalog``."""
    return {entry.msgid: state_of(entry) for entry in catalog if is_editable(entry)}


def read_states(path: Path, *, origin: str) -> dict[str, EntryState]:
    """``catalog_states`` of the PO file at ``path``; no file means no entries.

    >>> read_states(Path("/nonexistent.po"), origin="x.po")
    {}
    """
    if not path.is_file():
        return {}
    return catalog_states(read_catalog(path, origin=origin))
