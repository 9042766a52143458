"""What the pipeline hands the page assembler: one article in one locale, segment by segment."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import NamedTuple

from i18n_kit.model import Article, Block


class TextState(enum.StrEnum):
    """How a segment reached the page; decides how it is marked."""

    TRANSLATED = "translated"  # approved (non-fuzzy) translation, published
    MACHINE = "machine"  # machine translation a project chose to publish; shown marked
    FALLBACK = "fallback"  # missing or fuzzy: the source text is shown instead


class SegmentStatus(enum.StrEnum):
    """What the catalog holds for a segment, as the editors' preview shows it."""

    TRANSLATED = "translated"  # a translation without `fuzzy`
    FUZZY = "fuzzy"  # a translation still marked `fuzzy` (machine output, changed source)
    UNTRANSLATED = "untranslated"  # no translation yet


@dataclass(frozen=True, slots=True, kw_only=True)
class SegmentNote:
    """What the editors' preview shows about one segment; built pages never carry one."""

    status: SegmentStatus
    key: str  # identifies the catalog entry in the preview's save requests
    target_text: str = ""  # the catalog's translation, fuzzy or not
    route: str = ""  # from the entry's "#. route: <route> (<reason>)" comment
    reason: str = ""
    terms: tuple[str, ...] = ()  # the entry's "#. terms: ..." comments


@dataclass(frozen=True, slots=True, kw_only=True)
class PageText:
    """One sentence segment as it appears on a page."""

    text: str  # inline markup of the block (Block.markup), whitespace-normalised
    lang: str  # language of `text`: the page locale, or the source language on FALLBACK
    source_text: str  # only links/images whose URL occurs here are rendered as links
    state: TextState
    note: SegmentNote | None = None  # set only by the editors' preview


@dataclass(frozen=True, slots=True, kw_only=True)
class LocalizedBlock:
    """A source block with its segments in the page locale."""

    block: Block
    parts: tuple[PageText, ...]  # empty for non-translatable blocks: block.text is rendered


class ArticleLink(NamedTuple):
    """Another article as listed on a page (related news, the index).

    A tuple: sync lists every article of the archive in every locale on each run, and
    compares listings and "Related news" windows, tens of thousands of them at 10,000
    articles.
    """

    slug: str
    title: str  # already localized, or the source title as a fallback
    date: dt.date | dt.datetime | None
    lang: str  # language of `title`


@dataclass(frozen=True, slots=True, kw_only=True)
class PageInput:
    """Everything one localized article page is built from."""

    article: Article  # the source article (slug, lang, date, meta incl. optional "comments")
    locale_code: str  # page locale, e.g. "ru"
    blocks: tuple[LocalizedBlock, ...]  # one per article block, same order
    completion: float  # percent of segments TRANSLATED (0..100)
    threshold: float  # percent; below it the page shows a "translation in progress" notice
    locales: tuple[str, ...]  # every locale the site has (hreflang alternates, switcher)
    related: tuple[ArticleLink, ...]  # other articles, for "Related news"
