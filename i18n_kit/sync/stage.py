"""Staging: reading, merging and routing the articles a plan names, making their pages,
and staging every output that changes (files.py); nothing is put in place here."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from i18n_kit.catalogs.articles import (
    TargetText,
    apply_routes,
    build_template,
    collect_units,
    merge_catalog,
    read_targets,
    untranslated_sources,
)
from i18n_kit.catalogs.po import Catalog, decode_catalog, format_catalog, read_catalog
from i18n_kit.catalogs.status import is_published
from i18n_kit.config import CONFIG_NAME, ProjectConfig
from i18n_kit.errors import SourceError
from i18n_kit.files import StagedFiles, hash_bytes, read_bytes_if_exists
from i18n_kit.glossary.model import TermHit
from i18n_kit.journal import remove_strays
from i18n_kit.layout import Layout
from i18n_kit.listing import (
    IndexPage,
    index_pages,
    positions,
    related_window,
    stale_index_pages,
    stale_related,
)
from i18n_kit.lock import WRITE_LOCK, project_lock
from i18n_kit.model import BlockKind, RouteDecision, Segment
from i18n_kit.output.page import ArticleLink, LocalizedBlock, PageInput, PageText, TextState
from i18n_kit.output.ui import UiCatalogs, load_ui
from i18n_kit.parallel import Background, ForkedWorkers, map_forked
from i18n_kit.segments import join_parts, segment_article
from i18n_kit.sources import decode_article, read_source_bytes
from i18n_kit.state import (
    ArticleRecord,
    SyncState,
)
from i18n_kit.sync.commit import WRITE_WAIT
from i18n_kit.sync.model import (
    ArticleWork,
    Merged,
    Progress,
    Staged,
)
from i18n_kit.sync.plan import Plan, _is_unchanged
from i18n_kit.translation.memory import MemoryUnit, approved_units
from i18n_kit.translation.memory_store import normalize_text
from i18n_kit.translation.pretranslate import CatalogJob, CatalogRef, Pretranslator
from i18n_kit.translation.term_route import may_fill_term

if TYPE_CHECKING:  # numpy and rapidfuzz: loaded by the memory, when a run opens it
    from i18n_kit.translation.fuzzy import FuzzyScorer

ROUTE_BATCH = 200  # articles merged and routed together
RouteDecisions = Mapping[str, RouteDecision]  # one catalog's: source text -> route

def article_template_path(config: ProjectConfig, slug: str) -> Path:
    return Layout(config).template(slug)

def article_catalog_path(config: ProjectConfig, locale_code: str, slug: str) -> Path:
    return Layout(config).catalog(locale_code, slug)

def _targets(config: ProjectConfig, lang: str) -> list[str]:
    """The locales an article in ``lang`` has a catalog for: every other one."""
    return [code for code in config.locales if code != lang]

def page_path(config: ProjectConfig, locale_code: str, slug: str) -> Path:
    return Layout(config).page(locale_code, slug)

def _index_path(config: ProjectConfig, locale_code: str, file_name: str) -> str:
    return config.relative(Layout(config).index_page(locale_code, file_name))


def stage_run(config: ProjectConfig, state: SyncState, plan: Plan, *, mt: bool,
          notify: Progress) -> Staged:
    """Make every output ``plan`` calls for and stage each changed one (nothing is
    replaced yet: `commit.commit_run` does that). Read articles are merged and routed
    ``ROUTE_BATCH`` at a time, pages made on every core; with ``plan.mode`` ``check``
    nothing is written at all. On any error the staged files are removed."""
    check = not plan.mode.writes
    write_catalogs = plan.mode.catalogs
    files = StagedFiles(config.root, dry_run=check)

    if plan.everything and not check:
        # a full run also clears what runs of older versions left behind
        with project_lock(config.state_dir, WRITE_LOCK, wait=WRITE_WAIT):
            remove_strays([config.locales_dir, config.site_dir])

    pretranslator = Pretranslator(config, use_mt=mt and not check)
    staging = _Staging(config=config, state=state, plan=plan, files=files,
                       pretranslator=pretranslator, notify=notify)
    emit, works, written = staging.emit, staging.works, staging.written
    records: dict[str, ArticleRecord] = {}
    segments = 0
    if config.mt is not None and mt and not check and write_catalogs:
        pretranslator.translator(config.mt)  # a bad provider or missing key stops us now
    try:
        try:
            staging.process(plan.read, clean=plan.clean)
            _check_slugs(state, works, plan.sources)
            known: KnownLinks = {}
            listings = {
                code: list_articles(config, state, works, plan.sources, code, known=known)
                for code in config.locales
            }
            # What the pages on disk show: the listing the last run made them from (none
            # when every page is made again).
            built = None if plan.everything else {
                code: list_articles(config, state, {}, list(state.articles), code, known=known)
                for code in config.locales
            }
            spliced: list[tuple[str, bytes]] = []
            if built is not None and not plan.skip_site:
                unreadable = _update_related(config, state, works, plan.sources, built, listings,
                                             out=spliced)
                # a page not as expected (never, short of a bug): its article is read
                staging.process(unreadable, clean=plan.clean.difference(unreadable))
            warnings = tuple(
                f"machine translation failed for {line}; routed to translators"
                for line in pretranslator.mt_failures())
            warnings += _source_warnings(state, works, plan.sources)
        finally:
            pretranslator.close()

        index_pages_due, obsolete = _stale_index_pages(config, state, built, listings)
        if plan.skip_site:  # nothing under site/ is looked at: no page is made to compare
            index_pages_due, spliced = [], []
        if works or index_pages_due or spliced:
            from i18n_kit.output.assemble import assemble_index  # jinja2: only when needed

            ui = load_ui(config.locales, override_dir=config.locales_dir)
            order = list(works)
            where = {code: positions(links) for code, links in listings.items()}
            rendered: Iterable[list[tuple[str, bytes]]] = (
                ([] for _ in order) if plan.skip_site else
                map_forked(_render_pages, (config, works, listings, where, ui), order,
                           task="making pages"))
            for done, (source, pages) in enumerate(zip(order, rendered, strict=True), 1):
                work = works[source]
                for rel, data in pages:
                    emit(work, rel, data)
                records[source] = _record(config, state, work,
                                          staging.staged_by.get(source, ()))
                segments += len(work.segments)
                work.segments.clear()  # what pages need is made: let the text go
                work.targets.clear()
                notify("pages", done, len(works))
            for rel, data in spliced:
                emit(None, rel, data)
            for code, page in index_pages_due:
                index = assemble_index(code, page.links, locales=config.locales, ui=ui,
                                       number=page.number, count=page.count)
                emit(None, _index_path(config, code, page.file_name), index.encode("utf-8"))
        for asset in plan.assets:
            data = (config.root / asset).read_bytes()
            inside = Path(asset).relative_to(config.relative(config.content_dir))
            for code in config.locales:
                emit(None, config.relative(config.site_dir / code / inside), data)
        deletions = plan.deletions(state)
        deletions += [rel for rel in obsolete if plan.keeps(rel)]
    except BaseException:
        files.discard()
        raise
    return Staged(files=files, records=records, written=written, deletions=deletions,
                  parsed=len(works), segments=segments, warnings=warnings)


def _read_one(shared: tuple[ProjectConfig, bool, bool], source: str) -> ArticleWork:
    config, write_catalogs, index = shared
    return read_work(config, source, write_catalogs=write_catalogs, index=index)

def _render_pages(
    shared: tuple[ProjectConfig, Mapping[str, ArticleWork],
                  Mapping[str, Sequence[ArticleLink]], Mapping[str, Mapping[str, int]],
                  UiCatalogs],
    source: str,
) -> list[tuple[str, bytes]]:
    """The pages of one article in every locale: (project-relative path, bytes)."""
    from i18n_kit.output.assemble import assemble_page

    config, works, listings, where, ui = shared
    work = works[source]
    slug = work.article.slug
    return [
        (config.relative(page_path(config, code, slug)),
         assemble_page(page_input(config, work, code,
                                  related_window(listings[code], where[code][slug])),
                       ui=ui).encode("utf-8"))
        for code in config.locales
    ]

def _update_related(
    config: ProjectConfig,
    state: SyncState,
    works: Mapping[str, ArticleWork],
    sources: Sequence[str],
    built: Mapping[str, Sequence[ArticleLink]],
    listings: Mapping[str, Sequence[ArticleLink]],
    *,
    out: list[tuple[str, bytes]],
) -> list[str]:
    """The pages of articles this run did not read whose "Related news" changed, from the
    pages on disk (as the last run wrote them: an unread article's outputs are
    unchanged) with the section made again, into ``out``. Returns the sources whose page
    could not be updated so (to be read instead)."""
    unread = {state.articles[source].slug: source for source in sources if source not in works}
    stale = {code: stale_related(built[code], listings[code], list(unread))
             for code in config.locales}
    if not any(stale.values()):
        return []
    from i18n_kit.output.assemble import assemble_related, replace_related  # jinja2

    ui = load_ui(config.locales, override_dir=config.locales_dir)
    pages: dict[str, list[tuple[str, bytes]]] = {}  # source -> its updated pages
    failed: list[str] = []
    for code, slugs in stale.items():
        where = positions(listings[code])
        for slug in slugs:
            rel = config.relative(page_path(config, code, slug))
            data = read_bytes_if_exists(config.root / rel)
            related = assemble_related(related_window(listings[code], where[slug]),
                                       locale_code=code, ui=ui)
            page = None if data is None else replace_related(data.decode("utf-8"), related)
            if page is None:
                failed.append(unread[slug])
            else:
                pages.setdefault(unread[slug], []).append((rel, page.encode("utf-8")))
    out.extend(item for source, done in pages.items() if source not in failed
               for item in done)
    return sorted(set(failed))

def _stale_index_pages(
    config: ProjectConfig,
    state: SyncState,
    built: Mapping[str, Sequence[ArticleLink]] | None,
    listings: Mapping[str, Sequence[ArticleLink]],
) -> tuple[list[tuple[str, IndexPage]], list[str]]:
    """The index pages to make, per locale: those whose part of the listing changed and
    those not as the last run wrote them; and the index files no page fills any more."""
    due: list[tuple[str, IndexPage]] = []
    obsolete: list[str] = []
    for code in config.locales:
        changed, gone = stale_index_pages(
            None if built is None else built[code], listings[code], config.page_size)
        names = {page.file_name for page in changed}
        for page in index_pages(listings[code], config.page_size):
            if page.file_name in names or not _is_unchanged(
                    config, state, _index_path(config, code, page.file_name)):
                due.append((code, page))
        obsolete += [_index_path(config, code, name) for name in gone]
    return due, obsolete

@dataclass(slots=True, kw_only=True)
class _Staging:
    """One `stage_run`: what it works with, and what it has made so far (the articles
    read, the outputs staged for each, the catalogs written for the memory)."""

    config: ProjectConfig
    state: SyncState
    plan: Plan
    files: StagedFiles
    pretranslator: Pretranslator
    notify: Progress
    works: dict[str, ArticleWork] = field(default_factory=dict)
    # source -> the outputs of its article staged by this run (for the cache's record)
    staged_by: dict[str, list[str]] = field(default_factory=dict)
    # catalogs this run changes, with their approved units, for the memory
    written: list[tuple[str, Path, Sequence[MemoryUnit]]] = field(default_factory=list)

    def emit(self, work: ArticleWork | None, rel: str, data: bytes) -> bool:
        """Stage one output; whether the file changes. A catalog is replaced only if it
        is still the file the work was merged from."""
        verify = False
        read_digest: str | None = None
        if work is not None:
            self.staged_by.setdefault(work.source, []).append(rel)
            if work.merged is not None and rel in work.merged.read_digests:
                verify, read_digest = True, work.merged.read_digests[rel]
        return self.plan.keeps(rel) and self.files.stage(
            rel, data, verify=verify, read_digest=read_digest)

    def process(self, sources: Sequence[str], *, clean: Collection[str]) -> None:
        """Read ``sources`` into ``works`` on every core; when the run makes catalogs,
        merge, route and emit them ``ROUTE_BATCH`` articles at a time (merged catalogs
        are the bulk of a run's memory): each batch's catalogs are merged and finished by
        forked workers that keep them (`_merge_kept`, `_finish_kept`), and routed here in
        between (the memory is one, and is in this process); only texts, decisions and
        bytes cross between processes. ``clean``: the sources this run found unchanged
        (`catalog_refs`)."""
        config, state, works = self.config, self.state, self.works
        pretranslator, emit = self.pretranslator, self.emit
        write_catalogs = self.plan.mode.catalogs
        check = not self.plan.mode.writes
        # --check tells the memory the catalogs the workers read (`_index_read`)
        index = check and write_catalogs
        batch: list[ArticleWork] = []
        read = map_forked(_read_one, (config, write_catalogs, index), sources,
                          task="reading articles")
        for done, (source, work) in enumerate(zip(sources, read, strict=True), 1):
            works[source] = work
            batch.append(work)
            state.file_hash(config.root, source)
            self.notify("articles", done, len(sources))
        if not write_catalogs or not batch:
            return
        pretranslator.index  # noqa: B018 -- the glossary loaded once, before the forks
        batches = [batch[start : start + ROUTE_BATCH]
                   for start in range(0, len(batch), ROUTE_BATCH)]
        refs: list[CatalogRef] | None = None
        scorers: dict[tuple[str, str], FuzzyScorer] = {}

        def merging(chunk: Sequence[ArticleWork]) -> _BatchWorkers:
            """The workers of one batch; they also make the batch's fuzzy searches once
            the memory is open, or when it will be (a catalog to be made: every entry
            needs a route), unless the run only checks (a synced project has little to
            route)."""
            nonlocal refs
            workers = running.enter_context(self._merging(chunk, check, scorers))
            if workers.forks and not check and (refs is not None or any(
                    not article_catalog_path(config, code, work.article.slug).exists()
                    for work in chunk for code in _targets(config, work.article.lang))):
                if refs is None:
                    refs = catalog_refs(config, state, works, clean)
                pairs = {(work.article.lang, code) for work in chunk
                         for code in _targets(config, work.article.lang)}
                scorers.update(pretranslator.fuzzy_scorers(pairs - scorers.keys(), refs))
            workers.start()
            return workers

        with contextlib.ExitStack() as running:
            workers = merging(batches[0])
            merges = workers.first()
            for number, chunk in enumerate(batches):
                by_key = {scorer.key: scorer for scorer in scorers.values()}
                for merge in merges:
                    for key, scored in merge.scored.items():
                        pretranslator.add_scored(by_key[key], scored)
                jobs = [
                    CatalogJob(
                        source_lang=work.article.lang,
                        target_lang=code,
                        article_route=work.article.meta.get("route", ""),
                        texts=texts,
                        kinds=_block_kinds(work),
                        term_hits=merge.term_hits,
                    )
                    for work, merge in zip(chunk, merges, strict=True)
                    for code, texts in merge.texts.items()
                ]
                if refs is None and any(job.texts for job in jobs):
                    # Every catalog on disk, this run's articles included, goes into the
                    # memory (opened once, for the first batch with something to route).
                    if index:
                        _index_read(pretranslator, works.values())
                    refs = catalog_refs(config, state, works, clean)
                # Forked workers merge the next batch while this one is routed (the
                # memory's search keeps every core busy only part of the time); a thread
                # hands them their articles and takes their answers, the memory stays
                # with this one.
                upcoming = merging(batches[number + 1]) if number + 1 < len(batches) else None
                following: list[_Merge] = []
                if upcoming is not None and upcoming.forks:
                    answering = Background(upcoming.first)
                    try:
                        decided = pretranslator.route(jobs, refs or [])
                    finally:
                        following = answering.result()
                else:
                    decided = pretranslator.route(jobs, refs or [])
                    following = upcoming.first() if upcoming is not None else []
                decisions = iter(decided)
                routes = [[next(decisions) for _ in merge.texts] for merge in merges]
                for work, merge, catalogs in zip(chunk, merges, workers.second(routes),
                                                 strict=True):
                    work.merged = merge.merged
                    for rel, data in merge.merged.outputs.items():
                        emit(work, rel, data)
                    for made in catalogs:
                        if emit(work, made.rel, made.data) and made.units is not None:
                            self.written.append((made.rel, made.path, made.units))
                        work.targets[made.code] = made.targets
                    work.merged = None  # staged: let the outputs go
                workers.close()
                if upcoming is not None:
                    workers, merges = upcoming, following

    def _merging(self, chunk: Sequence[ArticleWork], check: bool,
                 scorers: Mapping[tuple[str, str], FuzzyScorer]) -> _BatchWorkers:
        """The workers that merge one batch, keep its catalogs, and finish them once
        routed (`_merge_kept`, `_finish_kept`); ``scorers``: filled before they fork."""
        return ForkedWorkers(_merge_kept, _finish_kept,
                             (self.config, self.pretranslator, chunk, check, scorers),
                             range(len(chunk)), chunksize=MERGE_CHUNK,
                             task="writing catalogs")


class _Merge(NamedTuple):
    """What the parent needs of one article's merge (`_merge_kept`); the merged catalogs
    stay with the worker that made them."""

    merged: Merged  # what was read and the template (``catalogs`` empty)
    texts: dict[str, list[str]]  # target catalog -> its untranslated source texts, in order
    term_hits: dict[str, list[TermHit]]  # hits of the texts that may be wholly one term
    # fuzzy searches made ahead: scorer key -> normalised text -> (score, text number)
    scored: dict[tuple[str, float, int], dict[str, list[tuple[float, int]]]]


class _Finished(NamedTuple):
    """One routed catalog as `_finish_kept` made it."""

    code: str
    rel: str
    path: Path
    data: bytes
    units: list[MemoryUnit] | None  # approved units, when the file changes
    targets: dict[str, TargetText]


_BatchShared = tuple[ProjectConfig, Pretranslator, Sequence[ArticleWork], bool,
                     Mapping[tuple[str, str], "FuzzyScorer"]]
_BatchWorkers = ForkedWorkers[_BatchShared, int, tuple[int, dict[str, Catalog]], "_Merge",
                              Sequence[RouteDecisions], list["_Finished"]]
MERGE_CHUNK = 25  # articles a worker merges at once: their fuzzy searches are made together


def _merge_kept(shared: _BatchShared, positions: Sequence[int]) -> list[
        tuple[tuple[int, dict[str, Catalog]], _Merge]]:
    """In a worker: merge some articles of the batch; keep their catalogs, answer what
    routing needs, with the fuzzy searches of all their texts made at once (one per
    index: English to Russian and to Chinese usually share one; the last answer holds
    them). With --check, a template the same as its file is not sent back."""
    config, pretranslator, chunk, check, scorers = shared
    made: list[tuple[tuple[int, dict[str, Catalog]], _Merge]] = []
    queries: dict[tuple[str, float, int], tuple[FuzzyScorer, set[str]]] = {}
    for position in positions:
        work = chunk[position]
        merged = merge_work(config, work, notes=pretranslator.notes_for)
        if check:
            for rel, data in list(merged.outputs.items()):
                if read_bytes_if_exists(config.root / rel) == data:
                    del merged.outputs[rel]
        catalogs, merged.catalogs = merged.catalogs, {}
        texts = {code: untranslated_sources(catalog) for code, catalog in catalogs.items()}
        lang = work.article.lang
        term_hits = {
            text: hits for text in {text: None for found in texts.values() for text in found}
            if may_fill_term(text, hits := pretranslator.hits(text, lang))
        }
        for code, found in texts.items():
            scorer = scorers.get((lang, code))
            if scorer is not None and found:
                queries.setdefault(scorer.key, (scorer, set()))[1].update(
                    map(normalize_text, found))
        made.append(((position, catalogs), _Merge(merged, texts, term_hits, {})))
    for key, (scorer, norms) in queries.items():
        made[-1][1].scored[key] = scorer.score(norms)
    return made


def _finish_kept(shared: _BatchShared, kept: tuple[int, dict[str, Catalog]],
                 routes: Sequence[RouteDecisions]) -> list[_Finished]:
    """In the worker that merged them: one article's catalogs with their routes applied,
    as bytes, with what the memory and the pages need of them."""
    config, _, chunk, _, _ = shared
    position, catalogs = kept
    work = chunk[position]
    finished: list[_Finished] = []
    for (code, catalog), decisions in zip(catalogs.items(), routes, strict=True):
        apply_routes(catalog, decisions)
        path = article_catalog_path(config, code, work.article.slug)
        rel = config.relative(path)
        data = format_catalog(catalog).encode("utf-8")
        units = None if read_bytes_if_exists(path) == data else approved_units(
            catalog, origin=rel, source_lang=work.article.lang, target_lang=code)
        finished.append(_Finished(code, rel, path, data, units, read_targets(catalog)))
    return finished


def _index_read(pretranslator: Pretranslator, works: Iterable[ArticleWork]) -> None:
    """Tell the memory the catalogs the workers read (`ArticleWork.indexed`), each only
    if it is still the file they read, so that opening it parses none of them again."""
    found: list[tuple[str, Path, Sequence[MemoryUnit]]] = []
    for work in works:
        for rel, path, digest, units in work.indexed:
            data = read_bytes_if_exists(path)
            if data is not None and hash_bytes(data) == digest:
                found.append((rel, path, units))
        work.indexed.clear()
    pretranslator.remember_written(found)


def _block_kinds(work: ArticleWork) -> dict[str, BlockKind]:
    kinds: dict[str, BlockKind] = {}
    for segment in work.segments:
        kinds.setdefault(segment.text, work.article.blocks[segment.block].kind)
    return kinds

def catalog_refs(
    config: ProjectConfig, state: SyncState, works: Mapping[str, ArticleWork],
    clean: Collection[str] = (),
) -> list[CatalogRef]:
    """Every article catalog on disk, for the memory (articles this run has not read are
    known from the cache in ``state``). The catalogs of ``clean`` sources, which this run
    found as the cache records them (`_is_clean`), are not looked for again, and carry
    what the cache knows of them (`CatalogRef.seen`)."""
    known = {source: (w.article.slug, w.article.lang, source) for source, w in works.items()}
    for source, record in state.articles.items():
        known.setdefault(source, (record.slug, record.lang, source))
    refs: list[CatalogRef] = []
    # Strings, not pathlib, until a catalog is found: a run that routes anything asks
    # this for every article (20,000 paths at 10,000 articles).
    project = Layout(config)
    folders = [
        (code, project.catalog_folder_text(code),
         project.relative(project.catalog(code, "x")).removesuffix("x.po"))
        for code in config.locales
    ]
    seen, articles = state.seen, state.articles
    for slug, lang, source in sorted(known.values()):
        outputs = articles[source].outputs if source in clean else ()
        name = slug + ".po"
        for code, folder, shown in folders:
            if code == lang:
                continue
            origin = shown + name
            if origin in outputs:
                refs.append(CatalogRef(origin, folder + name, lang, code, seen(origin)))
            elif os.path.isfile(folder + name):
                refs.append(CatalogRef(origin, folder + name, lang, code))
    return refs

def prepare_article(
    config: ProjectConfig,
    source: str,
    *,
    write_catalogs: bool,
    notes: Callable[..., tuple[str, ...]] | None = None,
) -> ArticleWork:
    """Read one source article, segment it and read its catalogs (``work.targets``), or,
    with ``write_catalogs``, merge them (``work.merged``). Nothing is written.
    ``notes(text, source_lang=, target_lang=)`` gives each entry's extracted comments
    (the glossary terms).

    >>> from i18n_kit.config import load_config
    >>> config = load_config(Path("examples/sco-newsroom/i18n-kit.toml"))
    >>> work = prepare_article(config, "content/youth-forum-tashkent-2021.md",
    ...                        write_catalogs=False)
    >>> work.article.lang, sorted(work.targets)
    ('ru', ['en', 'zh'])
    """
    work = read_work(config, source, write_catalogs=write_catalogs)
    if write_catalogs:
        work.merged = merge_work(config, work, notes=notes)
    return work

def read_work(config: ProjectConfig, source: str, *, write_catalogs: bool,
              index: bool = False) -> ArticleWork:
    """``prepare_article``'s first half: read and segment; without ``write_catalogs``,
    also read what the catalogs hold; with ``index``, the approved units of each catalog
    as read (``work.indexed``)."""
    path = config.root / source
    data = read_source_bytes(path, origin=source)
    article = decode_article(data, origin=source, suffix=path.suffix,
                             default_lang=config.source_language)
    if article.lang not in config.locales:
        raise SourceError(
            f"lang {article.lang!r} is not in project.locales "
            f"({', '.join(config.locales)}); add it to {CONFIG_NAME} or change the lang",
            path=source,
        )
    work = ArticleWork(source=source, article=article, segments=segment_article(article),
                       source_digest=hash_bytes(data))
    if not write_catalogs:
        for code in _targets(config, article.lang):
            path = article_catalog_path(config, code, article.slug)
            existing = read_catalog(path, origin=config.relative(path)) \
                if path.exists() else None
            work.targets[code] = read_targets(existing) if existing is not None else {}
    elif index:
        for code in _targets(config, article.lang):
            path = article_catalog_path(config, code, article.slug)
            rel = config.relative(path)
            found = read_bytes_if_exists(path)
            if found is not None:
                work.indexed.append((rel, path, hash_bytes(found), approved_units(
                    decode_catalog(found, origin=rel), origin=rel, source_lang=article.lang,
                    target_lang=code)))
    return work

def merge_work(
    config: ProjectConfig,
    work: ArticleWork,
    *,
    notes: Callable[..., tuple[str, ...]] | None = None,
) -> Merged:
    """``prepare_article``'s second half: the template and every target catalog merged
    with the segments."""
    article = work.article
    merged = Merged()
    units = collect_units(work.segments, reference=work.source)
    template = build_template(units, project=config.name)
    rel = config.relative(article_template_path(config, article.slug))
    merged.outputs[rel] = format_catalog(template).encode("utf-8")
    for code in _targets(config, article.lang):
        path = article_catalog_path(config, code, article.slug)
        rel = config.relative(path)
        data = read_bytes_if_exists(path)
        # what was read, so that sync replaces the file only if it is still this one
        merged.read_digests[rel] = None if data is None else hash_bytes(data)
        existing = None if data is None else decode_catalog(data, origin=rel)
        localized = units
        if notes is not None:
            localized = [
                replace(unit, notes=notes(unit.source_text, source_lang=article.lang,
                                          target_lang=code))
                for unit in units
            ]
        merged.catalogs[code] = merge_catalog(
            existing, localized, project=config.name, locale_code=code
        )
    return merged


def _check_slugs(
    state: SyncState, works: Mapping[str, ArticleWork], sources: Sequence[str]
) -> None:
    owners: dict[str, str] = {}
    for source in sources:
        slug = works[source].article.slug if source in works else state.articles[source].slug
        if slug in owners:
            # Name the article that was just read (it has the line of its `slug:`).
            named, other = source, owners[slug]
            if source not in works and other in works:
                named, other = other, source
            raise SourceError(
                f"slug {slug!r} is already used by {other}; give one of them another slug",
                path=named,
                line=works[named].article.slug_line if named in works else None,
            )
        owners[slug] = source

def _title_for(work: ArticleWork, locale_code: str) -> tuple[str, str]:
    """The article's title on the ``locale_code`` site and the language it is in."""
    article = work.article
    titles = [s for s in work.segments if article.blocks[s.block].kind is BlockKind.TITLE]
    if locale_code == article.lang or not titles:
        return article.title, article.lang
    parts: list[str] = []
    for segment in titles:
        target = work.targets[locale_code].get(segment.text)
        if target is None or not is_published(target.target_text, target.fuzzy):
            return article.title, article.lang
        parts.append(target.target_text)
    return join_parts(parts), locale_code

#: (date as ISO text, slug): the listing's order, newest first when reversed
_ListingKey = tuple[str, str]

#: source -> its link as the cache knows it, per locale (`list_articles`'s ``known``)
KnownLinks = dict[str, dict[str, tuple[_ListingKey, ArticleLink]]]

def list_articles(
    config: ProjectConfig,
    state: SyncState | None,
    works: Mapping[str, ArticleWork],
    sources: Sequence[str],
    locale_code: str,
    *,
    known: KnownLinks | None = None,
) -> list[ArticleLink]:
    """Every article as the ``locale_code`` site lists it, newest first; articles not in
    ``works`` come from the cache in ``state`` (None: every article is in ``works``, as
    in the preview). Two listings made with the same ``known``
    share the link of each cached article (comparing them is then mostly identity)."""
    cached = {} if known is None else known.setdefault(locale_code, {})
    entries: list[tuple[_ListingKey, ArticleLink]] = []
    for source in sources:
        if source in works:
            work = works[source]
            title, lang = _title_for(work, locale_code)
            date = work.article.date
            slug = work.article.slug
            entries.append(((_date_key(date), slug), ArticleLink(slug, title, date, lang)))
            continue
        entry = cached.get(source)
        if entry is None:
            assert state is not None, source
            record = state.articles[source]
            title, lang = record.titles[locale_code]
            entry = cached[source] = (
                (record.date, record.slug),
                ArticleLink(record.slug, title, _parse_date(record.date), lang),
            )
        entries.append(entry)
    entries.sort(key=itemgetter(0), reverse=True)
    return [link for _, link in entries]

def _date_key(value: dt.date | dt.datetime | None) -> str:
    return "" if value is None else value.isoformat()

@functools.lru_cache(maxsize=65_536)  # an archive has far fewer dates than articles
def _parse_date(text: str) -> dt.date | dt.datetime | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)

def page_input(
    config: ProjectConfig, work: ArticleWork, locale_code: str, related: Sequence[ArticleLink]
) -> PageInput:
    """What the page of ``work`` in ``locale_code`` shows: approved translations, the
    source where there is none, and ``related`` (listing.related_window) as "Related
    news"."""
    article = work.article
    by_block: dict[int, list[Segment]] = {}
    for segment in work.segments:
        by_block.setdefault(segment.block, []).append(segment)
    targets = work.targets.get(locale_code, {})
    source_page = locale_code == article.lang
    blocks: list[LocalizedBlock] = []
    for index, block in enumerate(article.blocks):
        parts = tuple(
            _page_text(segment, targets, locale_code, article.lang, source_page=source_page)
            for segment in by_block.get(index, [])
        )
        blocks.append(LocalizedBlock(block=block, parts=parts))
    distinct = {segment.text for segment in work.segments}
    done = sum(
        1 for text in distinct
        if source_page or ((t := targets.get(text)) is not None
                           and is_published(t.target_text, t.fuzzy))
    )
    completion = 100.0 if not distinct else 100.0 * done / len(distinct)
    return PageInput(
        article=article,
        locale_code=locale_code,
        blocks=tuple(blocks),
        completion=completion,
        threshold=config.threshold_for(locale_code),
        locales=config.locales,
        related=tuple(related),
    )

def _page_text(
    segment: Segment,
    targets: Mapping[str, TargetText],
    locale_code: str,
    source_lang: str,
    *,
    source_page: bool,
) -> PageText:
    if source_page:
        return PageText(
            text=segment.text, lang=locale_code, source_text=segment.text,
            state=TextState.TRANSLATED,
        )
    target = targets.get(segment.text)
    if target is not None and is_published(target.target_text, target.fuzzy):
        return PageText(
            text=target.target_text, lang=locale_code, source_text=segment.text,
            state=TextState.TRANSLATED,
        )
    return PageText(
        text=segment.text, lang=source_lang, source_text=segment.text, state=TextState.FALLBACK
    )

def _source_warnings(
    state: SyncState, works: Mapping[str, ArticleWork], sources: Sequence[str]
) -> tuple[str, ...]:
    """The readers' warnings about every source: from this run's reading, or remembered
    from the run that last read an unchanged one."""
    found: list[str] = []
    for source in sources:
        work = works.get(source)
        if work is not None:
            found.extend(str(warning) for warning in work.article.warnings)
        elif source in state.articles:
            found.extend(state.articles[source].warnings)
    return tuple(found)

def _record(config: ProjectConfig, state: SyncState, work: ArticleWork,
            staged: Sequence[str]) -> ArticleRecord:
    """The cache's record of ``work``, whose outputs this run staged are ``staged``."""
    article = work.article
    previous = state.articles.get(work.source)
    outputs = set(staged)
    if previous is not None:
        # A build (no catalogs written) keeps knowing the catalogs a sync wrote.
        outputs.update(path for path in previous.outputs if (config.root / path).exists())
    return ArticleRecord(
        source_hash=work.source_digest,
        slug=article.slug,
        lang=article.lang,
        date=_date_key(article.date),
        titles={code: list(_title_for(work, code)) for code in config.locales},
        outputs=sorted(outputs),
        warnings=[str(warning) for warning in article.warnings],
    )
