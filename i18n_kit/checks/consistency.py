"""Consistency across a project: one source translated two ways, one translation for two
sources (the "inconsistency" checks of Xbench, Verifika, memoQ QA and Weblate).

Every article catalog of every locale is read once; entries are grouped by locale and by
their source (``inconsistent-translation``) or their translation (``inconsistent-source``)
after the differences the other checks accept anyway are taken out (``normalize``).
One finding per group names every variant and every place (``catalog:line``), and sits
at the first place of the rarest variant: the stray one a reviewer wants to open.

Fuzzy entries (machine translation, fuzzy memory matches, changed sources) are not
translators' finished work: they are compared with the approved ones apart
(``inconsistent-draft``, info) and never make an approved entry look inconsistent.
An entry's ``# i18n-kit: ignore inconsistent-translation`` (or ``all``) comment leaves it
out of the groups.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from i18n_kit.catalogs.po import read_catalog
from i18n_kit.checks.memo import FileMemo
from i18n_kit.checks.registry import IGNORE_RE, Issue, Located
from i18n_kit.config import ProjectConfig
from i18n_kit.layout import Layout

CHECK_IDS = frozenset({"inconsistent-translation", "inconsistent-source", "inconsistent-draft"})

_SPACES_RE = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_QUOTES = str.maketrans({
    "«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "‟": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "–": "-", "—": "-", "‑": "-", "‒": "-", "−": "-",
    "ё": "е", "Ё": "Е",
})
# A final clause mark: final-punctuation accepts any of them for any other, and a full
# stop for them all (a clause of a declaration ends with ; in English, , in Russian);
# closing quotes, brackets and emphasis may follow it.
_FINAL_MARKS = ";,:；，：、.。"
_CLOSERS = "\"')]*_"


def normalize(text: str, *, fold_case: bool = False) -> str:
    """``text`` as the consistency checks compare it: runs of whitespace (no-break spaces
    too) as one space, every quote style as straight quotes, every dash as a hyphen,
    ё as е, and no final clause mark or full stop.

    >>> normalize("Он сказал: «Да»;") == normalize("Он  сказал: \\"Да\\".")
    True
    >>> normalize("10–12 сентября") == normalize("10-12 сентября")
    True
    """
    text = _SPACES_RE.sub(" ", text).strip().translate(_QUOTES)
    end = len(text)
    while end and text[end - 1] in _CLOSERS:
        end -= 1
    start = end
    while start and text[start - 1] in _FINAL_MARKS:
        start -= 1
    text = text[:start] + text[end:]
    return text.casefold() if fold_case else text


@functools.lru_cache(maxsize=200_000)
def normalized(text: str, *, fold_case: bool = False) -> str:
    """``normalize``, remembered: boilerplate repeats in hundreds of catalogs."""
    return normalize(text, fold_case=fold_case)


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """One translated entry: where it is, and its texts."""

    file: str  # project-relative catalog
    line: int
    msgid: str
    msgstr: str
    reference: str  # the entry's `#:` source article
    source_key: str  # normalize(msgid, fold_case=True)
    target_key: str  # normalize(msgstr)


@dataclass(slots=True)
class _Locale:
    """The entries of one locale, grouped."""

    by_source: dict[str, list[Place]]
    by_target: dict[str, list[Place]]
    drafts: dict[str, list[Place]]


def check_consistency(
    config: ProjectConfig, enabled: frozenset[str], memo: FileMemo | None = None
) -> Iterator[Located]:
    """Every consistency finding of the project's article catalogs, locale by locale."""
    if not enabled & CHECK_IDS:
        return
    for locale_code in config.locales:
        folder = Layout(config).catalogs_folder(locale_code)
        paths = sorted(folder.glob("*.po"))
        if paths:
            yield from check_locale(config, locale_code, paths, enabled, memo)


def check_locale(
    config: ProjectConfig, locale_code: str, paths: Iterable[Path], enabled: frozenset[str],
    memo: FileMemo | None = None,
) -> Iterator[Located]:
    """The consistency findings of one locale's catalogs (``paths``); a catalog whose
    bytes ``memo`` has seen is not parsed again (its entries are recalled)."""
    memo = memo or FileMemo(None, config.root, "")
    groups = _Locale(defaultdict(list), defaultdict(list), defaultdict(list))
    for path in paths:
        origin = config.relative(path)
        key, rows = memo.recall("consistency", origin)
        if rows is None:
            rows = _catalog_rows(path, origin)
            memo.keep(key, rows)
        for line, msgid, msgstr, reference, fuzzy, draft_key, source_key, target_key in rows:
            place = Place(file=origin, line=line, msgid=msgid, msgstr=msgstr,
                          reference=reference, source_key=source_key, target_key=target_key)
            if fuzzy:
                groups.drafts[draft_key].append(place)
            else:
                groups.by_source[draft_key].append(place)
                groups.by_target[target_key].append(place)
    if "inconsistent-translation" in enabled:
        yield from _inconsistent_translations(groups, locale_code)
    if "inconsistent-source" in enabled:
        yield from _inconsistent_sources(groups, locale_code)
    if "inconsistent-draft" in enabled:
        yield from _inconsistent_drafts(groups, locale_code)


def _catalog_rows(path: Path, origin: str) -> list[list[object]]:
    """The entries of one catalog that consistency compares, as plain rows (kept in the
    result cache as JSON): line, msgid, msgstr, reference, fuzzy and the three keys."""
    rows: list[list[object]] = []
    for entry in read_catalog(path, origin=origin):
        if (entry.obsolete or not entry.msgid or entry.msgid_plural or not entry.msgstr
                or entry.msgctxt is not None or _ignored(entry.tcomment or "")):
            continue
        rows.append([
            entry.linenum, entry.msgid, entry.msgstr,
            entry.occurrences[0][0] if entry.occurrences else "", entry.fuzzy,
            normalized(entry.msgid), normalized(entry.msgid, fold_case=True),
            normalized(entry.msgstr),
        ])
    return rows


def _ignored(comment: str) -> bool:
    if "i18n-kit" not in comment:
        return False
    for line in comment.splitlines():
        match = IGNORE_RE.match(line)
        if match is not None and re.search(
            r"(?:^|[\s,;])(?:all|inconsistent-translation|inconsistent-source)(?=$|[\s,;])",
            match.group("ids"),
        ):
            return True
    return False


def _where(place: Place) -> str:
    return f"{place.file}:{place.line}"


def _variants(places: list[Place], key: str) -> list[tuple[str, list[Place]]]:
    """Places grouped by ``key`` (normalised), the most frequent first; each variant
    shown as its first place writes it."""
    grouped: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        grouped[place.source_key if key == "msgid" else place.target_key].append(place)
    ordered = sorted(grouped.values(), key=lambda group: (-len(group), _where(group[0])))
    return [(getattr(group[0], key), group) for group in ordered]


def _listing(variants: list[tuple[str, list[Place]]]) -> str:
    return "; ".join(
        f"«{' '.join(text.split())}» in {', '.join(_where(place) for place in group)}"
        for text, group in variants
    )


def _at_rarest(variants: list[tuple[str, list[Place]]]) -> Place:
    return variants[-1][1][0]


def _varied(
    buckets: dict[str, list[Place]], key: str
) -> Iterator[tuple[list[tuple[str, list[Place]]], Place]]:
    """Each bucket whose places write ``key`` in two ways or more: its variants, and the
    place the finding sits at (the rarest variant's first)."""
    for places in buckets.values():
        if len(places) < 2:
            continue
        variants = _variants(places, key)
        if len(variants) >= 2:
            yield variants, _at_rarest(variants)


def _inconsistent_translations(groups: _Locale, locale_code: str) -> Iterator[Located]:
    for variants, at in _varied(groups.by_source, "msgstr"):
        yield Located(
            issue=Issue(check="inconsistent-translation",
                        message=f"translated {len(variants)} ways: {_listing(variants)}"),
            file=at.file, line=at.line, locale=locale_code, msgid=at.msgid,
            reference=at.reference,
        )


def _inconsistent_sources(groups: _Locale, locale_code: str) -> Iterator[Located]:
    for variants, at in _varied(groups.by_target, "msgid"):
        yield Located(
            issue=Issue(
                check="inconsistent-source",
                message=(f"«{' '.join(at.msgstr.split())}» translates {len(variants)} "
                         f"different sources: {_listing(variants)}"),
            ),
            file=at.file, line=at.line, locale=locale_code, msgid=at.msgid,
            reference=at.reference,
        )


def _inconsistent_drafts(groups: _Locale, locale_code: str) -> Iterator[Located]:
    for key, drafts in groups.drafts.items():
        approved = groups.by_source.get(key, [])
        known = {place.target_key for place in approved}
        if approved:
            odd = [place for place in drafts if place.target_key not in known]
        else:  # no approved translation: the drafts disagree among themselves
            odd = drafts if len({place.target_key for place in drafts}) > 1 else []
        if not odd:
            continue
        variants = _variants(odd, "msgstr")
        shown = f"fuzzy {_listing(variants)}"
        if approved:
            shown += f"; approved {_listing(_variants(approved, 'msgstr'))}"
        at = odd[0]
        yield Located(
            issue=Issue(check="inconsistent-draft",
                        message=f"a fuzzy translation differs: {shown}"),
            file=at.file, line=at.line, locale=locale_code, msgid=at.msgid,
            reference=at.reference,
        )
