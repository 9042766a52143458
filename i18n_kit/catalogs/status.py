"""What an article-catalog entry is, decided once: its status (translated, fuzzy or
untranslated) and the route its ``#. route:`` note names. `stats`, `check`, the built
pages and the preview all ask here, so they cannot disagree."""

from __future__ import annotations

from i18n_kit.catalogs.articles import notes
from i18n_kit.catalogs.po import Entry
from i18n_kit.output.page import SegmentStatus

__all__ = ["ROUTE_NOTE", "SegmentStatus", "entry_status", "is_published", "parse_route",
           "route_note", "status"]

#: the note sync writes on an entry it routed: ``#. route: mt (no TM match >= 75%)``
ROUTE_NOTE = "route: "


def status(target_text: str, fuzzy: bool) -> SegmentStatus:
    """An entry's status from its translation and its ``fuzzy`` flag: an empty
    translation is untranslated whatever the flag says.

    >>> status("ШОС", False), status("ШОС", True), status("", True)
    (<SegmentStatus.TRANSLATED: 'translated'>, <SegmentStatus.FUZZY: 'fuzzy'>, \
<SegmentStatus.UNTRANSLATED: 'untranslated'>)
    """
    if not target_text:
        return SegmentStatus.UNTRANSLATED
    return SegmentStatus.FUZZY if fuzzy else SegmentStatus.TRANSLATED


def is_published(target_text: str, fuzzy: bool) -> bool:
    """Whether a built page shows the translation (else the source text)."""
    return status(target_text, fuzzy) is SegmentStatus.TRANSLATED


def entry_status(entry: Entry) -> SegmentStatus:
    """`status` of a catalog entry (a plural one is translated when any form is)."""
    text = entry.msgstr or next((form for form in entry.msgstr_plural.values() if form), "")
    return status(text, entry.fuzzy)


def parse_route(text: str) -> tuple[str, str]:
    """Split ``mt (no TM match >= 75%)`` into the route and its reason.

    >>> parse_route("mt (no TM match >= 75%)")
    ('mt', 'no TM match >= 75%')
    """
    route, _, rest = text.strip().partition(" ")
    rest = rest.strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1]
    return route, rest


def route_note(entry: Entry) -> tuple[str, str]:
    """(route, reason) of the entry's ``#. route:`` note, whole again however a tool
    wrapped it; ("", "") when it has none.

    >>> from i18n_kit.catalogs.po import new_entry
    >>> route_note(new_entry(msgid="SCO", comment="terms: SCO = ШОС\\nroute: term (glossary)"))
    ('term', 'glossary')
    """
    for note in notes(entry.comment):
        if note.startswith(ROUTE_NOTE):
            return parse_route(note[len(ROUTE_NOTE):])
    return "", ""
