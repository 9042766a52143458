"""Segments <-> article catalogs: POT templates, merging into PO files without losing work."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from i18n_kit.catalogs.header import merge_header, owned_header, plural_forms
from i18n_kit.catalogs.po import Catalog, Entry, new_catalog, new_entry
from i18n_kit.catalogs.po_syntax import parse_entries
from i18n_kit.errors import CatalogError
from i18n_kit.model import RouteDecision, Segment, pickled_as_tuple

__all__ = [
    "FUZZY_MERGE_SCORE",
    "HISTORY_PREFIXES",
    "NOTE_PREFIXES",
    "TargetText",
    "Unit",
    "apply_routes",
    "build_template",
    "collect_units",
    "merge_catalog",
    "notes",
    "plural_forms",
    "read_targets",
    "untranslated_sources",
]

#: Similarity (0-100) at or above which a changed source keeps its old translation as fuzzy,
#: as msgmerge does with its 0.6 threshold.
FUZZY_MERGE_SCORE = 60.0

#: Extracted-comment lines that record how an entry was filled; they stay with the
#: translation after routing is done (the other lines are recomputed every merge).
HISTORY_PREFIXES = ("route: ", "tm: ", "mt: ")

#: Every extracted comment i18n-kit writes starts with one of these; a ``#.`` line that
#: does not continues the note before it (a tool wrapped it).
NOTE_PREFIXES = ("terms: ", *HISTORY_PREFIXES)

# textwrap (polib's wrapper) also breaks a hyphenated word after its hyphen: "Anti-" at
# the end of one line and "Terrorist" at the start of the next are one word.
_HYPHEN_BREAK = re.compile(r"(?:[^\W\d_]{2}|[^\W\d_]-[^\W\d_])-$")
_LETTER_START = re.compile(r"[^\W\d_]")
# Babel's read_po takes a "#| msgid" line for a translator comment, and write_po writes
# it back as "# | msgid": a block of such lines is the entry's previous source.
_BABEL_PREVIOUS = re.compile(r'\| (?:msgctxt|msgid|msgid_plural) "')
_BABEL_CONTINUATION = re.compile(r'\| "')
_BABEL_COMPLETE = re.compile(r'\| (?:(?:msgctxt|msgid|msgid_plural) )?"(?:[^"\\]|\\.)*"')


@pickled_as_tuple
@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """One translatable source text of an article, as its catalog entry will carry it."""

    source_text: str
    reference: str  # project-relative path of the article: stable, no line numbers
    notes: tuple[str, ...] = ()  # extracted comments (#.), one fact a line


@pickled_as_tuple
@dataclass(frozen=True, slots=True, kw_only=True)
class TargetText:
    """What a catalog says about one source text."""

    target_text: str
    fuzzy: bool


def collect_units(segments: Iterable[Segment], *, reference: str) -> list[Unit]:
    """One unit per distinct segment text, in order of first appearance."""
    seen: dict[str, Unit] = {}
    for segment in segments:
        if segment.text not in seen:
            seen[segment.text] = Unit(source_text=segment.text, reference=reference)
    return list(seen.values())


def build_template(units: Sequence[Unit], *, project: str) -> Catalog:
    """The POT: every unit untranslated, in source order."""
    catalog = new_catalog(header=owned_header(project, locale_code=None))
    for unit in units:
        catalog.append(_fresh_entry(unit))
    return catalog


def merge_catalog(
    existing: Catalog | None, units: Sequence[Unit], *, project: str, locale_code: str
) -> Catalog:
    """The catalog for ``locale_code`` after the source changed to ``units``.

    Nothing a translator wrote is lost: an unchanged source keeps its entry (translation,
    flags, translator comments); a changed source takes the most similar old translation
    as ``fuzzy`` with the old source in ``#| msgid``; a source that disappeared keeps its
    translation as an obsolete ``#~`` entry, which comes back if the sentence returns.
    A translator comment goes with its entry, into ``#~`` too. The header keeps what
    tools wrote in it; only the fields i18n-kit owns are rewritten (see ``header.py``).
    """
    header = owned_header(project, locale_code=locale_code)
    if existing is None:
        catalog = new_catalog(header=header)
        for unit in units:
            catalog.append(_fresh_entry(unit))
        return catalog

    catalog = new_catalog(
        header=merge_header(existing.metadata, header, locale_code=locale_code)
    )
    catalog.header = existing.header
    catalog.metadata_is_fuzzy = existing.metadata_is_fuzzy

    old_active: dict[str, Entry] = {}
    old_obsolete: dict[str, Entry] = {}
    for entry in map(_recovered, existing):
        if entry.msgctxt is not None or entry.msgid_plural:
            # Article catalogs have neither; keep such entries' work as obsolete.
            (old_obsolete if entry.obsolete else old_active).setdefault(
                "\x04" + entry.msgid, entry
            )
            continue
        (old_obsolete if entry.obsolete else old_active).setdefault(entry.msgid, entry)

    wanted = {unit.source_text for unit in units}
    leftovers = {
        key: entry
        for key, entry in (*old_obsolete.items(), *old_active.items())
        if key not in wanted and _has_translation(entry)
    }
    seeds: set[str] = set()
    for unit in units:
        old = old_active.get(unit.source_text) or old_obsolete.get(unit.source_text)
        if old is not None:
            catalog.append(_kept_entry(old, unit))
            continue
        match = _closest(unit.source_text, leftovers)
        if match is None:
            catalog.append(_fresh_entry(unit))
            continue
        seeds.add(match)
        catalog.append(_seeded_entry(leftovers[match], unit))

    for key, entry in leftovers.items():
        if key not in seeds:
            catalog.append(_obsolete_entry(entry))
    return catalog


def untranslated_sources(catalog: Catalog) -> list[str]:
    """Source texts of the active entries that have no translation yet, in order."""
    return [
        entry.msgid
        for entry in catalog
        if not entry.obsolete and entry.msgid and entry.msgctxt is None and not entry.msgstr
    ]


def apply_routes(catalog: Catalog, decisions: Mapping[str, RouteDecision]) -> None:
    """Write each decision into its untranslated entry: ``#. route: …`` and further notes
    after the entry's own notes, and the translation (fuzzy when the route says so).
    Entries with a translation are never touched."""
    for entry in catalog:
        decision = decisions.get(entry.msgid)
        if decision is None or entry.obsolete or entry.msgstr or entry.msgctxt is not None:
            continue
        kept = [note for note in notes(entry.comment) if not note.startswith(HISTORY_PREFIXES)]
        kept.append(f"route: {decision.route} ({decision.reason})")
        kept.extend(decision.notes)
        entry.comment = "\n".join(kept)
        if decision.target_text:
            entry.msgstr = decision.target_text
            entry.flags = _flags(entry.flags, fuzzy=decision.fuzzy)
            entry.previous_msgid = decision.previous_source if decision.fuzzy else None


def read_targets(catalog: Catalog) -> dict[str, TargetText]:
    """Source text -> what the catalog holds for it (active entries only)."""
    targets: dict[str, TargetText] = {}
    for entry in catalog:
        if entry.obsolete or entry.msgctxt is not None or not entry.msgid:
            continue
        targets[entry.msgid] = TargetText(target_text=entry.msgstr, fuzzy=entry.fuzzy)
    return targets


def notes(comment: str) -> list[str]:
    """i18n-kit's notes in an entry's extracted comments (``entry.comment``), one a note,
    each whole again however a tool wrapped it onto several ``#.`` lines; ``#.`` lines
    before the first note are not i18n-kit's and are left out.

    A line that starts with a ``NOTE_PREFIXES`` prefix starts a note; any other line goes
    on with the note before it after a space, or straight after a hyphen that ended a
    line between two letters (where textwrap breaks hyphenated words).

    >>> notes("terms: SCO = ШОС\\ntm: 95% from tm/legacy.tmx; numbers differ\\nfrom the source")
    ['terms: SCO = ШОС', 'tm: 95% from tm/legacy.tmx; numbers differ from the source']
    >>> notes("terms: Regional Anti-\\nTerrorist Structure = РАТС")
    ['terms: Regional Anti-Terrorist Structure = РАТС']
    """
    found: list[str] = []
    for raw in comment.split("\n"):
        line = raw.strip()
        if line.startswith(NOTE_PREFIXES):
            found.append(line)
        elif found and line:
            last = found[-1]
            glue = "" if _HYPHEN_BREAK.search(last) and _LETTER_START.match(line) else " "
            found[-1] = last + glue + line
    return found


def _recovered(entry: Entry) -> Entry:
    """``entry`` with the ``# | msgid "…"`` translator comments a Babel save made of its
    ``#|`` lines turned back into its previous source (when it has none). Babel also
    wraps comments at 76 columns: a line that does not start with ``| `` continues an
    unfinished string before it."""
    lines = entry.tcomment.split("\n")
    start = next((i for i, line in enumerate(lines) if _BABEL_PREVIOUS.match(line)), None)
    if start is None or entry.previous_msgid is not None:
        return entry
    block: list[str] = []
    end = start
    for line in lines[start:]:
        if _BABEL_PREVIOUS.match(line) or _BABEL_CONTINUATION.match(line):
            block.append(line)
        elif line and not _BABEL_COMPLETE.fullmatch(block[-1]):
            block[-1] += " " + line  # Babel wrapped the comment at a space
        else:
            break
        end += 1
    text = "".join(f"#{line}\n" for line in block) + 'msgid "-"\nmsgstr ""\n'
    try:
        previous = parse_entries(text, origin="")[0].previous
    except CatalogError:
        return entry
    if "msgid" not in previous:
        return entry
    return new_entry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgctxt=entry.msgctxt,
        msgid_plural=entry.msgid_plural,
        msgstr_plural=dict(entry.msgstr_plural),
        comment=entry.comment,
        tcomment="\n".join(lines[:start] + lines[end:]),
        occurrences=list(entry.occurrences),
        flags=list(entry.flags),
        previous_msgctxt=previous.get("msgctxt"),
        previous_msgid=previous["msgid"],
        previous_msgid_plural=previous.get("msgid_plural"),
        obsolete=entry.obsolete,
    )


def _fresh_entry(unit: Unit) -> Entry:
    return new_entry(
        msgid=unit.source_text,
        comment="\n".join(unit.notes),
        occurrences=[(unit.reference, "")],
    )


def _kept_entry(old: Entry, unit: Unit) -> Entry:
    fuzzy = old.fuzzy and bool(old.msgstr)
    history = [note for note in notes(old.comment) if note.startswith(HISTORY_PREFIXES)]
    return new_entry(
        msgid=unit.source_text,
        msgstr=old.msgstr,
        comment="\n".join([*unit.notes, *history]) if old.msgstr else "\n".join(unit.notes),
        tcomment=old.tcomment,
        occurrences=[(unit.reference, "")],
        flags=_flags(old.flags, fuzzy=fuzzy),
        previous_msgid=old.previous_msgid if fuzzy else None,
    )


def _seeded_entry(old: Entry, unit: Unit) -> Entry:
    # The source the translation was made for: an already-fuzzy entry's previous msgid.
    previous = old.previous_msgid if old.fuzzy and old.previous_msgid else old.msgid
    return new_entry(
        msgid=unit.source_text,
        msgstr=old.msgstr,
        comment="\n".join(unit.notes),
        tcomment=old.tcomment,
        occurrences=[(unit.reference, "")],
        flags=_flags(old.flags, fuzzy=True),
        previous_msgid=previous,
    )


def _obsolete_entry(old: Entry) -> Entry:
    return new_entry(
        msgid=old.msgid,
        msgstr=old.msgstr,
        msgctxt=old.msgctxt,
        msgid_plural=old.msgid_plural,
        msgstr_plural=dict(old.msgstr_plural),
        tcomment=old.tcomment,
        flags=list(old.flags),
        previous_msgid=old.previous_msgid,
        obsolete=True,
    )


def _flags(flags: Sequence[str], *, fuzzy: bool) -> list[str]:
    kept = [flag for flag in flags if flag != "fuzzy"]
    return ["fuzzy", *kept] if fuzzy else kept


def _has_translation(entry: Entry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _closest(source_text: str, candidates: Mapping[str, Entry]) -> str | None:
    if not candidates:
        return None
    best = process.extractOne(
        source_text,
        {key: entry.msgid for key, entry in candidates.items()},
        scorer=fuzz.ratio,
        score_cutoff=FUZZY_MERGE_SCORE,
    )
    return None if best is None else str(best[2])
