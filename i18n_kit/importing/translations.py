"""Published translations of an imported article -> its catalogs, aligned sentence by sentence.

``align_translation`` reads a captured translation of an article (as ``import`` reads
any page), aligns its sentences with the article's segments (``i18n_kit.align``) and
fills the article's catalog for that locale: each paired segment gets the published
translation and the note ``#. route: aligned (published page ru.html, confidence
0.97)``. A link below `PUBLISH_CONFIDENCE`, and every 2-1 link (one published sentence
for two of the source's: it sits on the first, the second is left to the usual routes),
is ``fuzzy``: never published before a person has looked at it. The note starts with
``route: ``, so `sync` keeps it with the translation like any route's.

A catalog that exists already keeps every translation it has: only empty entries are
filled. ``pair_pages`` pairs the pages of a folder: translations with the source-language
page of the same address (language parts of it aside), else of the same day and the
best alignment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from i18n_kit.align import MIN_AGREEMENT, PUBLISH_CONFIDENCE, align_paragraphs
from i18n_kit.align.texts import AlignText, article_paragraphs, read_align_text
from i18n_kit.catalogs.articles import collect_units, merge_catalog, notes
from i18n_kit.catalogs.po import Catalog, decode_catalog, format_catalog
from i18n_kit.config import ProjectConfig
from i18n_kit.errors import SourceError
from i18n_kit.glossary.model import Glossary
from i18n_kit.importing import ImportedArticle
from i18n_kit.segments import join_parts, segment_article
from i18n_kit.sources import parse_article

__all__ = ["AlignedCatalog", "Pairing", "align_translation", "pair_pages"]

ROUTE = "aligned"


@dataclass(frozen=True, slots=True)
class AlignedCatalog:
    """One translation of an imported article, aligned into its catalog."""

    origin: str  # the translation's page
    locale: str
    path: str  # the catalog, project-relative
    data: bytes  # the catalog to write
    segments: int  # the article's segments
    published: int  # entries filled and not fuzzy
    fuzzy: int  # entries filled as fuzzy
    unpaired: int  # sentences of the translation that nothing in the source matched
    kept: int  # entries that had a translation already and kept it


def align_translation(
    article: ImportedArticle,
    page: Path,
    *,
    origin: str,
    locale: str,
    config: ProjectConfig,
    glossary: Glossary | None,
) -> AlignedCatalog:
    """Align the translation on ``page`` with ``article`` into the ``locale`` catalog."""
    lang = re.split(r"[-_]", locale)[0]
    source_path = config.relative(config.content_dir / f"{article.slug}.md")
    source = parse_article(
        article.markdown, origin=source_path, suffix=".md", default_lang=article.lang
    )
    if lang == source.lang:
        raise SourceError(
            f"--translation {locale}: the article is in {source.lang} already", path=origin
        )
    translation = read_align_text(page, origin=origin, lang=lang, captured=True)
    left = article_paragraphs(source)
    alignment = align_paragraphs(
        left, translation.paragraphs, source_lang=source.lang, target_lang=lang,
        glossary=glossary,
    )
    if alignment.agreement < MIN_AGREEMENT:
        raise SourceError(
            f"is not a translation of {article.origin}: only {alignment.agreement:.0%} of the"
            f" sentences pair up with something in common (at least {MIN_AGREEMENT:.0%}"
            " expected)",
            path=origin,
        )
    # an absolute path (a home folder, a CI runner's) is not written into every
    # translator's catalog: the file name is; a relative path stays as typed
    page_name = PurePath(origin).name if PurePath(origin).is_absolute() else origin
    fills: dict[str, tuple[str, bool, str]] = {}
    for link in alignment.links:
        if not link.source or not link.target:
            continue
        text = join_parts([alignment.target[j] for j in link.target])
        sure = link.confidence >= PUBLISH_CONFIDENCE and len(link.source) == 1
        note = (
            f"route: {ROUTE} (published page {page_name},"
            f" confidence {link.confidence:.2f}"
        )
        if len(link.source) > 1:
            note += "; it translates this sentence and the next one: split it"
        elif not sure:
            note += "; check it"
        note += ")"
        fills.setdefault(alignment.source[link.source[0]], (text, not sure, note))
    units = collect_units(segment_article(source), reference=source_path)
    catalog_path = (
        config.locales_dir / locale / "LC_MESSAGES" / "articles" / f"{article.slug}.po"
    )
    relative = config.relative(catalog_path)
    existing: Catalog | None = None
    if catalog_path.exists():
        existing = decode_catalog(catalog_path.read_bytes(), origin=relative)
    catalog = merge_catalog(existing, units, project=config.name, locale_code=locale)
    published = fuzzy = kept = 0
    for entry in catalog:
        if entry.obsolete or entry.msgctxt is not None:
            continue
        if entry.msgstr:
            kept += 1
            continue
        fill = fills.get(entry.msgid)
        if fill is None:
            continue
        text, is_fuzzy, note = fill
        entry.msgstr = text
        entry.comment = "\n".join([*notes(entry.comment), note])
        if is_fuzzy:
            entry.flags = ["fuzzy", *[flag for flag in entry.flags if flag != "fuzzy"]]
            fuzzy += 1
        else:
            published += 1
    return AlignedCatalog(
        origin=origin,
        locale=locale,
        path=relative,
        data=format_catalog(catalog).encode("utf-8"),
        segments=len(units),
        published=published,
        fuzzy=fuzzy,
        unpaired=sum(1 for link in alignment.links if link.target and not link.source),
        kept=kept,
    )


@dataclass(frozen=True, slots=True)
class Pairing:
    """The pages of a folder: each source page with its translations, and the rest."""

    pairs: tuple[tuple[ImportedArticle, tuple[ImportedArticle, ...]], ...]
    unpaired: tuple[tuple[ImportedArticle, str], ...]  # a translation, and why


def pair_pages(
    pages: Sequence[ImportedArticle],
    *,
    source_lang: str,
    paths: dict[str, Path],
    glossary: Glossary | None,
) -> Pairing:
    """Pair each page not in ``source_lang`` with a page in it: the one of the same
    address once its language parts are set aside (``/en/``, ``eng.``, ``?lang=ru``),
    else among those of the same day the one its text aligns with best. A source page
    takes at most one translation per language; ``paths`` maps each page's origin to
    its file."""
    sources = [page for page in pages if page.lang == source_lang]
    taken: dict[tuple[str, str], str] = {}
    found: dict[str, list[ImportedArticle]] = {page.origin: [] for page in sources}
    unpaired: list[tuple[ImportedArticle, str]] = []
    by_address = {_address_key(page.url): page for page in sources if page.url}
    texts: dict[str, AlignText] = {}
    for page in pages:
        if page.lang == source_lang:
            continue
        match = by_address.get(_address_key(page.url)) if page.url else None
        why = "no page in " + source_lang + " has its address or its date"
        if match is None:
            same_day = [
                source for source in sources
                if _day(source.date) is not None and _day(source.date) == _day(page.date)
            ]
            best = 0.0
            for candidate in same_day:
                if (candidate.origin, page.lang) in taken:
                    continue
                left = texts.get(candidate.origin) or read_align_text(
                    paths[candidate.origin], origin=candidate.origin, lang=source_lang,
                    captured=True,
                )
                texts[candidate.origin] = left
                right = texts.get(page.origin) or read_align_text(
                    paths[page.origin], origin=page.origin, lang=page.lang, captured=True
                )
                texts[page.origin] = right
                agreement = align_paragraphs(
                    left.paragraphs, right.paragraphs, source_lang=source_lang,
                    target_lang=page.lang, glossary=glossary,
                ).agreement
                if agreement >= MIN_AGREEMENT and agreement > best:
                    best, match = agreement, candidate
            if same_day and match is None:
                why = (
                    f"none of the {len(same_day)} pages in {source_lang} of its date"
                    " is its original"
                )
        if match is not None and (match.origin, page.lang) in taken:
            why = (
                f"{match.origin} has a {page.lang} translation already:"
                f" {taken[match.origin, page.lang]}"
            )
            match = None
        if match is None:
            unpaired.append((page, why))
            continue
        taken[match.origin, page.lang] = page.origin
        found[match.origin].append(page)
    return Pairing(
        pairs=tuple((page, tuple(found[page.origin])) for page in sources),
        unpaired=tuple(unpaired),
    )


_LANGUAGE_PART = re.compile(
    r"(?<=[/.=_-])(?:en|eng|english|ru|rus|russian|zh|cn|chn|chinese|zh-cn|zh_cn)"
    r"(?=[/._&-]|$)",
    re.IGNORECASE,
)


def _address_key(url: str | None) -> str:
    """An address with its language parts and scheme left out.

    >>> _address_key("https://eng.sectsco.org/en/news/20210615/7.html") == _address_key(
    ...     "http://rus.sectsco.org/ru/news/20210615/7.html")
    True
    """
    if not url:
        return ""
    bare = "/" + re.sub(r"^[a-z]+://", "", url.strip().lower()).rstrip("/")
    return _LANGUAGE_PART.sub("", bare)


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value
