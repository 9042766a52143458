"""What the preview shows, read fresh from the project on every request: the index rows
(completion and routes per article and locale) and annotated page inputs.

Nothing is cached between requests, so a catalog saved by Poedit (or by ``sync``) shows on
the next page load; reading every article of a project of the example's size takes a few
tens of milliseconds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from i18n_kit import ArticleWork
from i18n_kit.config import ProjectConfig
from i18n_kit.listing import positions, related_window
from i18n_kit.output.page import ArticleLink, LocalizedBlock, PageInput, SegmentStatus
from i18n_kit.output.ui import format_completion, format_page_date, language_name
from i18n_kit.preview.entries import EntryState, read_states, untranslated_state
from i18n_kit.project import Project


@dataclass(frozen=True, slots=True, kw_only=True)
class Counts:
    """Segments of one article in one locale, by status and by route."""

    total: int
    translated: int
    fuzzy: int
    untranslated: int
    routes: tuple[tuple[str, int], ...]  # (route, entries), most frequent first; "" = none

    @property
    def completion(self) -> float:
        """Percent translated (not fuzzy), as the built page counts it."""
        return 100.0 if not self.total else 100.0 * self.translated / self.total


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexCell:
    """One article in one locale on the preview index."""

    locale_code: str
    href: str
    is_source: bool
    counts: Counts
    completion_text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexRow:
    """One article on the preview index, with a cell for every locale."""

    slug: str
    title: str
    title_lang: str
    date_text: str
    source_lang: str
    source_name: str
    cells: tuple[IndexCell, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewPage:
    """One article in one locale, annotated for the preview."""

    page: PageInput
    counts: Counts
    catalog: str  # project-relative path of the catalog; "" on the source-language page
    editable: bool


@dataclass(slots=True, kw_only=True)
class Snapshot:
    """Every article of the project as it is on disk now, by slug."""

    config: ProjectConfig
    works: dict[str, ArticleWork]  # by slug, in source-file order

    def listing(self, locale_code: str) -> list[ArticleLink]:
        """Every article as the ``locale_code`` site lists it (newest first)."""
        return Project(self.config).listing(list(self.works.values()), locale_code)

    def states(self, slug: str, locale_code: str) -> dict[str, EntryState]:
        """The article's catalog in ``locale_code``, source text -> entry state."""
        path = Project(self.config).catalog(locale_code, slug)
        return read_states(path, origin=self.config.relative(path))


def take_snapshot(config: ProjectConfig) -> Snapshot:
    """Read every source article and its catalogs (nothing is written).

    >>> from pathlib import Path; from i18n_kit.config import load_config
    >>> snapshot = take_snapshot(load_config(Path("examples/sco-newsroom/i18n-kit.toml")))
    >>> "youth-forum-tashkent-2021" in snapshot.works
    True
    """
    project = Project(config)
    works: dict[str, ArticleWork] = {}
    for source in project.sources():
        work = project.read_article(source)
        works[work.article.slug] = work
    return Snapshot(config=config, works=works)


def page_href(locale_code: str, slug: str) -> str:
    """Where the preview serves an article page: the built site's layout, so the
    templates' relative links (language switcher, related news) work unchanged.

    >>> page_href("ru", "summit")
    '/ru/summit.html'
    """
    return f"/{locale_code}/{slug}.html"


def count_segments(work: ArticleWork, locale_code: str, states: Mapping[str, EntryState]) -> Counts:
    """Status and route counts over the article's distinct segments."""
    texts = list(dict.fromkeys(segment.text for segment in work.segments))
    if locale_code == work.article.lang:
        return Counts(total=len(texts), translated=len(texts), fuzzy=0, untranslated=0,
                      routes=())
    statuses: Counter[SegmentStatus] = Counter()
    routes: Counter[str] = Counter()
    for text in texts:
        state = states.get(text) or untranslated_state(text)
        statuses[state.status] += 1
        routes[state.route] += 1
    return Counts(
        total=len(texts),
        translated=statuses[SegmentStatus.TRANSLATED],
        fuzzy=statuses[SegmentStatus.FUZZY],
        untranslated=statuses[SegmentStatus.UNTRANSLATED],
        routes=tuple(sorted(routes.items(), key=lambda item: (-item[1], item[0]))),
    )


def summarize_project(snapshot: Snapshot, ui_locale: str) -> list[IndexRow]:
    """The preview index: every article (newest first) with a cell for each locale."""
    config = snapshot.config
    rows: list[IndexRow] = []
    for link in snapshot.listing(ui_locale):
        work = snapshot.works[link.slug]
        cells: list[IndexCell] = []
        for code in config.locales:
            states = {} if code == work.article.lang else snapshot.states(link.slug, code)
            counts = count_segments(work, code, states)
            cells.append(
                IndexCell(
                    locale_code=code,
                    href=page_href(code, link.slug),
                    is_source=code == work.article.lang,
                    counts=counts,
                    completion_text=format_completion(counts.completion, ui_locale),
                )
            )
        rows.append(
            IndexRow(
                slug=link.slug,
                title=link.title,
                title_lang=link.lang,
                date_text="" if link.date is None else format_page_date(link.date, ui_locale),
                source_lang=work.article.lang,
                source_name=language_name(work.article.lang),
                cells=tuple(cells),
            )
        )
    return rows


def build_preview_page(snapshot: Snapshot, slug: str, locale_code: str) -> PreviewPage:
    """The page of ``slug`` in ``locale_code`` with every segment annotated from its
    catalog (the source-language page is not annotated: it has no catalog)."""
    config = snapshot.config
    work = snapshot.works[slug]
    listing = snapshot.listing(locale_code)
    page = Project(config).page_input(work, locale_code,
                                      related_window(listing, positions(listing)[slug]))
    if locale_code == work.article.lang:
        return PreviewPage(page=page, counts=count_segments(work, locale_code, {}), catalog="",
                           editable=False)
    states = snapshot.states(slug, locale_code)
    blocks = tuple(
        LocalizedBlock(
            block=localized.block,
            parts=tuple(
                replace(
                    part,
                    note=(states.get(part.source_text)
                          or untranslated_state(part.source_text)).to_note(),
                )
                for part in localized.parts
            ),
        )
        for localized in page.blocks
    )
    path = Project(config).catalog(locale_code, slug)
    return PreviewPage(
        page=replace(page, blocks=blocks),
        counts=count_segments(work, locale_code, states),
        catalog=config.relative(path),
        editable=True,
    )

