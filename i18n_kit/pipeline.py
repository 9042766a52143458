"""Wires the stages: sync(config) reads sources, merges catalogs and builds pages.

Two phases, so bad input never leaves a project half-updated: every output is first
computed in memory (any I18nKitError stops the run with nothing written), then each
file whose bytes differ is written atomically. Unchanged articles are not even read
(see state.py).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import os
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path

from i18n_kit import __version__
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
from i18n_kit.errors import BusyError, ConfigError, SourceError
from i18n_kit.files import StagedFiles, hash_bytes, read_bytes_if_exists, signals_held
from i18n_kit.glossary.load import GLOSSARY_FOLDER, GLOSSARY_SUFFIXES
from i18n_kit.journal import JOURNAL, recover, remove_strays
from i18n_kit.links import check_folder, list_files
from i18n_kit.listing import (
    IndexPage,
    index_pages,
    positions,
    related_window,
    stale_index_pages,
    stale_related,
)
from i18n_kit.lock import RUN_LOCK, WRITE_LOCK, LockHolder, project_lock
from i18n_kit.model import Article, BlockKind, Segment
from i18n_kit.output.page import ArticleLink, LocalizedBlock, PageInput, PageText, TextState
from i18n_kit.output.ui import TEMPLATES_DIR, UiCatalogs, load_ui, shipped_locales_dir
from i18n_kit.parallel import map_forked
from i18n_kit.project import Project
from i18n_kit.resources import shipped_path
from i18n_kit.segments import join_parts, segment_article
from i18n_kit.sources import SOURCE_SUFFIXES, decode_article, read_source_bytes
from i18n_kit.state import (
    ArticleRecord,
    SyncState,
    held_from_collector,
    load_state,
    save_state,
)
from i18n_kit.translation.memory import MemoryUnit, TranslationMemory, approved_units
from i18n_kit.translation.pretranslate import CatalogJob, CatalogRef, Pretranslator

#: progress(stage, done, total): called as work advances; the CLI draws it.
Progress = Callable[[str, int, int], None]

ROUTE_BATCH = 200  # articles merged and routed together
PASSES = 3  # runs of sync when translators' saves keep landing on catalogs it rewrites
WRITE_WAIT = 30.0  # seconds to wait for a preview save to finish before moving files


class ChangeKind(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(frozen=True, slots=True, kw_only=True)
class FileChange:
    """One file a run wrote (or, with check, would write)."""

    path: str
    kind: ChangeKind


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncReport:
    """What a sync or build did."""

    articles: int  # source articles in the project
    parsed: int  # articles read this run (the others were unchanged)
    segments: int  # segments in the parsed articles
    changes: tuple[FileChange, ...]
    checked: bool  # True when nothing was written (--check)
    # what went wrong without stopping the run (machine translation that failed: those
    # segments were routed to translators, with the reason on each entry), and source
    # text readers see that no segment carries or that is read unexpectedly
    # ("content/a.md:12: ..."; every run repeats them until the source is fixed)
    warnings: tuple[str, ...] = ()
    # catalogs saved by someone else while this run was writing them: left as saved
    # (the next pass merges them)
    conflicts: tuple[str, ...] = ()


@dataclass(slots=True, kw_only=True)
class ArticleWork:
    """One parsed article and everything computed for it: segments, what each target
    catalog holds (``targets[locale][source_text]``) and the files it produces."""

    source: str
    article: Article
    segments: list[Segment]
    source_digest: str = ""  # hash of the source bytes this work was made from
    # catalog merged -> hash of the file as it was read (None: there was none)
    read_digests: dict[str, str | None] = field(default_factory=dict)
    targets: dict[str, dict[str, TargetText]] = field(default_factory=dict)
    outputs: dict[str, bytes] = field(default_factory=dict)  # made, not yet staged
    written: list[str] = field(default_factory=list)  # staged (for the cache's record)
    catalogs: dict[str, Catalog] = field(default_factory=dict)  # merged, not yet written


def article_template_path(config: ProjectConfig, slug: str) -> Path:
    return Project(config).template(slug)


def article_catalog_path(config: ProjectConfig, locale_code: str, slug: str) -> Path:
    return Project(config).catalog(locale_code, slug)


def page_path(config: ProjectConfig, locale_code: str, slug: str) -> Path:
    return Project(config).page(locale_code, slug)


def _index_path(config: ProjectConfig, locale_code: str, file_name: str) -> str:
    return config.relative(Project(config).index_page(locale_code, file_name))


def find_sources(config: ProjectConfig) -> list[str]:
    """Project-relative paths of every source article, sorted (after refusing links that
    lead out of the project, as sync does: the preview reads the same files)."""
    check_inputs(config)
    return _split_content(config)[0]


def _split_content(config: ProjectConfig) -> tuple[list[str], list[str]]:
    """The source articles under content/, and the other files there (images: copied to
    every locale's site folder so relative links from the articles keep working)."""
    _check_content_folder(config)
    sources: list[str] = []
    assets: list[str] = []
    for path in _content_files(config):
        _check_file_name(path)
        is_source = os.path.splitext(path)[1].lower() in SOURCE_SUFFIXES
        (sources if is_source else assets).append(path)
    return sources, assets


def _check_content_folder(config: ProjectConfig) -> None:
    """A content folder that is missing or a file is a mistake (a mistyped paths.content),
    never "no articles": that would delete every page and catalog."""
    top = config.content_dir
    shown = config.relative(top)
    if top.is_dir():
        return
    if top.exists() or top.is_symlink():
        problem = "is not a folder"
    else:
        problem = "does not exist"
    raise ConfigError(
        f"paths.content: {shown!r} {problem}; create it or set [paths] content to the folder"
        " that holds the articles",
        path=CONFIG_NAME,
    )


def _check_file_name(path: str) -> None:
    """A file name every tool can write into a catalog reference and a page link."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise SourceError(
            "the file name is not valid UTF-8; rename the file", path=shown
        ) from None
    if any(ord(char) < 0x20 or char == "\x7f" for char in path):
        raise SourceError(
            "the file name holds a line break or another control character; rename the file",
            path="".join(c if ord(c) >= 0x20 and c != "\x7f" else f"\\x{ord(c):02x}"
                         for c in path),
        )


def _content_files(config: ProjectConfig) -> list[str]:
    """Project-relative POSIX paths of the files under content/, hidden ones (and those
    in hidden folders) left out, sorted; a symbolic link leading out of the project is
    refused (links.py)."""
    top = config.content_dir
    prefix = config.relative(top)
    if any(part.startswith(".") for part in Path(prefix).parts):
        return []
    return list_files(config.root, top)


def check_inputs(config: ProjectConfig) -> None:
    """Refuse a symbolic link under locales/, glossary/ or tm/ that leaves the project,
    points nowhere or loops (content/ is checked as it is listed)."""
    check_folder(config.root, config.locales_dir)
    check_folder(config.root, config.glossary_dir or config.root / GLOSSARY_FOLDER)
    check_folder(config.root, config.tm_dir)


def sync(
    config: ProjectConfig,
    *,
    check: bool = False,
    write_catalogs: bool = True,
    mt: bool = True,
    everything: bool = False,
    progress: Progress | None = None,
    wait: float = 0.0,
    waiting: Callable[[LockHolder | None], None] | None = None,
) -> SyncReport:
    """Bring templates, catalogs and pages up to date with the sources.

    With ``check`` nothing is written (and no MT provider is asked): the report lists what
    would change. With ``write_catalogs=False`` (``i18n-kit build``) only pages are made.
    ``mt=False`` (``--no-mt``) leaves mt-routed entries empty; ``everything`` re-reads
    every article, not only the changed ones (``i18n-kit translate``).

    A run that writes holds the project lock (``lock.py``): when another run holds it,
    this one waits up to ``wait`` seconds (``waiting(holder)`` is told once), then
    raises ``BusyError``. It first finishes or removes what a killed run left
    (``journal.py``). A catalog saved by someone else while the run was writing it is
    left as saved and the run goes again (at most ``PASSES`` times, then ``BusyError``).

    >>> from i18n_kit.config import load_config
    >>> report = sync(load_config(Path("examples/sco-newsroom/i18n-kit.toml")), check=True)
    >>> report.articles > 0
    True
    """
    def one_pass(*, check: bool, everything: bool) -> SyncReport:
        state = load_state(config.state_dir)
        with held_from_collector():
            return _sync_pass(config, state, check=check, write_catalogs=write_catalogs,
                              mt=mt, everything=everything, progress=progress)

    if check:
        check_inputs(config)
        return one_pass(check=True, everything=everything)
    with project_lock(config.state_dir, RUN_LOCK, wait=wait, waiting=waiting) as stale:
        check_inputs(config)
        notes = _recover(config, stale)
        report: SyncReport | None = None
        for _ in range(PASSES):
            done = one_pass(check=False, everything=everything and report is None)
            report = done if report is None else _combine(report, done)
            if not done.conflicts:
                return replace(report, warnings=notes + report.warnings, conflicts=())
        raise BusyError(
            f"saved by another program while sync was writing it, {PASSES} runs in a row; "
            "the saved file is kept as it is; run sync again when the saving stops",
            path=done.conflicts[0],
        )


def _recover(config: ProjectConfig, stale: LockHolder | None) -> tuple[str, ...]:
    """Finish or remove what an earlier run killed mid-way left (journal.py); a warning
    saying so, if there was anything."""
    journal = config.state_dir / JOURNAL
    with project_lock(config.state_dir, WRITE_LOCK, wait=WRITE_WAIT) as killed_save:
        # a preview killed while saving leaves its lock's note too (and one temporary file)
        if stale is None and killed_save is None and not journal.exists():
            return ()
        moved = recover(config.root, journal)
        removed = remove_strays([config.locales_dir, config.site_dir, config.state_dir])
    if not moved and not removed:
        return ()
    who = "an earlier run" if stale is None else f"an earlier run, {stale.describe()},"
    return (f"{who} was stopped before it finished: {moved} of its files moved into place, "
            f"{removed} temporary file{'s' if removed != 1 else ''} removed",)


def _combine(first: SyncReport, then: SyncReport) -> SyncReport:
    """One report for two passes of a run."""
    kinds = {change.path: change.kind for change in then.changes}
    kinds.update({change.path: change.kind for change in first.changes})
    return replace(
        then,
        parsed=first.parsed + then.parsed,
        segments=first.segments + then.segments,
        changes=tuple(FileChange(path=path, kind=kind) for path, kind in sorted(kinds.items())),
        warnings=tuple(dict.fromkeys(first.warnings + then.warnings)),  # a source's once
    )


def _sync_pass(
    config: ProjectConfig,
    state: SyncState,
    *,
    check: bool,
    write_catalogs: bool,
    mt: bool,
    everything: bool,
    progress: Progress | None,
) -> SyncReport:
    """One run of ``sync`` (under the lock, unless ``check``), from the loaded cache."""
    notify = progress or (lambda stage, done, total: None)
    sources, assets = _split_content(config)
    global_digest = _global_digest(config)
    everything = everything or global_digest != state.global_digest

    # With --check nothing is written; a project that does not keep its built site
    # (site/ ignored by git, as in a fresh CI clone) is checked on its catalogs only.
    site = config.relative(config.site_dir) + "/"
    skip_site = check and not config.site_dir.exists()

    dirty: list[str] = []
    clean: set[str] = set()  # found as the cache records them, outputs and all
    for source in sources:
        if everything or not _is_clean(config, state, source,
                                       skip=site if skip_site else None):
            dirty.append(source)
        else:
            clean.add(source)

    # Outputs are staged as they are made (memory stays flat however large the
    # archive) and moved into place only once everything is made, so an error in any
    # article leaves every file as it was.
    files = StagedFiles(config.root, dry_run=check)

    if everything and not check:
        # a full run also clears what runs of older versions left behind
        with project_lock(config.state_dir, WRITE_LOCK, wait=WRITE_WAIT):
            remove_strays([config.locales_dir, config.site_dir])

    def emit(work: ArticleWork | None, rel: str, data: bytes) -> bool:
        """Stage one output; whether the file changes. A catalog is replaced only if it
        is still the file the work was merged from."""
        verify = False
        read_digest: str | None = None
        if work is not None:
            work.written.append(rel)
            if rel in work.read_digests:
                verify, read_digest = True, work.read_digests[rel]
        return not (skip_site and rel.startswith(site)) and files.stage(
            rel, data, verify=verify, read_digest=read_digest)

    # catalogs this run changes, with their approved units, for the memory
    written: list[tuple[str, Path, Sequence[MemoryUnit]]] = []

    works: dict[str, ArticleWork] = {}
    records: dict[str, ArticleRecord] = {}
    segments = 0
    pretranslator = Pretranslator(config, use_mt=mt and not check)
    if config.mt is not None and mt and not check and write_catalogs:
        pretranslator.translator(config.mt)  # a bad provider or missing key stops us now
    try:
        try:
            _process(config, state, dirty, works, write_catalogs=write_catalogs,
                     check=check, notify=notify,
                     pretranslator=pretranslator, emit=emit, written=written, clean=clean)
            _check_slugs(state, works, sources)
            known: KnownLinks = {}
            listings = {
                code: list_articles(config, state, works, sources, code, known=known)
                for code in config.locales
            }
            # What the pages on disk show: the listing the last run made them from (none
            # when every page is made again).
            built = None if everything else {
                code: list_articles(config, state, {}, list(state.articles), code, known=known)
                for code in config.locales
            }
            spliced: list[tuple[str, bytes]] = []
            if built is not None and not skip_site:
                unreadable = _update_related(config, state, works, sources, built, listings,
                                             out=spliced)
                # a page not as expected (never, short of a bug): its article is read
                _process(config, state, unreadable, works, write_catalogs=write_catalogs,
                         check=check, notify=notify,
                         pretranslator=pretranslator, emit=emit, written=written,
                         clean=clean.difference(unreadable))
            warnings = tuple(
                f"machine translation failed for {line}; routed to translators"
                for line in pretranslator.mt_failures())
            warnings += _source_warnings(state, works, sources)
        finally:
            pretranslator.close()

        index_pages_due, obsolete = _stale_index_pages(config, state, built, listings)
        if skip_site:  # nothing under site/ is looked at: no page is made to compare
            index_pages_due, spliced = [], []
        if works or index_pages_due or spliced:
            from i18n_kit.output.assemble import assemble_index  # jinja2: only when needed

            ui = load_ui(config.locales, override_dir=config.locales_dir)
            order = list(works)
            where = {code: positions(links) for code, links in listings.items()}
            rendered: Iterable[list[tuple[str, bytes]]] = (
                ([] for _ in order) if skip_site else
                map_forked(_render_pages, (config, works, listings, where, ui), order,
                           task="making pages"))
            for done, (source, pages) in enumerate(zip(order, rendered, strict=True), 1):
                work = works[source]
                for rel, data in pages:
                    emit(work, rel, data)
                records[source] = _record(config, state, work)
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
        for asset in assets:
            data = (config.root / asset).read_bytes()
            inside = Path(asset).relative_to(config.relative(config.content_dir))
            for code in config.locales:
                emit(None, config.relative(config.site_dir / code / inside), data)
        present = set(sources)
        removed = [source for source in state.articles if source not in present]
        deletions = [
            path
            for source in removed
            for path in state.articles[source].outputs
            if not path.endswith(".po")  # catalogs hold translators' work: never deleted
            and not (skip_site and path.startswith(site))
        ]
        deletions += [rel for rel in obsolete if not (skip_site and rel.startswith(site))]
        if check:
            changes = _delete(config, state, deletions, check=True)
        else:
            # Moved into place with no preview save in between (it waits for the write
            # lock), and a SIGTERM waits until the files and the cache agree.
            with project_lock(config.state_dir, WRITE_LOCK, wait=WRITE_WAIT), signals_held():
                files.commit(journal=config.state_dir / JOURNAL)
                changes = _delete(config, state, deletions, check=False)
                for rel, identity in files.identities.items():
                    state.remember(rel, identity, files.digests[rel])
                for rel in files.conflicts:
                    state.forget(rel)  # never read as it is now: read by the next pass
                for source in removed:
                    del state.articles[source]
                state.articles.update(records)
                state.global_digest = global_digest
                save_state(config.state_dir, state)
    except BaseException:
        files.discard()
        raise
    if not check:
        # so that the next run does not parse every catalog this one wrote to index it
        conflicts = set(files.conflicts)
        pretranslator.remember_written([item for item in written if item[0] not in conflicts])
    changes = [
        FileChange(path=change.path,
                   kind=ChangeKind.CREATE if change.created else ChangeKind.UPDATE)
        for change in sorted(files.changes, key=lambda change: change.path)
    ] + changes
    return SyncReport(
        articles=len(sources),
        parsed=len(works),
        segments=segments,
        changes=tuple(changes),
        checked=check,
        warnings=warnings,
        conflicts=tuple(files.conflicts),
    )


def _read_one(shared: tuple[ProjectConfig, bool], source: str) -> ArticleWork:
    config, write_catalogs = shared
    return read_work(config, source, write_catalogs=write_catalogs)


def _read_checked(shared: tuple[ProjectConfig, Pretranslator], source: str) -> ArticleWork:
    """For --check, in a worker: read and merge one article, and compare what needs no
    router (a catalog with no untranslated entry; the template) with the files on disk.
    Only what differs, or has sources to route, comes back in ``work.outputs`` and
    ``work.catalogs``: merging is spread over the cores, routing (one memory) is not."""
    config, pretranslator = shared
    work = read_work(config, source, write_catalogs=True)
    merge_work(config, work, notes=pretranslator.notes_for)
    for rel, data in list(work.outputs.items()):
        if read_bytes_if_exists(config.root / rel) == data:
            del work.outputs[rel]
    for code, catalog in list(work.catalogs.items()):
        if untranslated_sources(catalog):
            continue  # routed by the parent, which holds the memory
        path = article_catalog_path(config, code, work.article.slug)
        if read_bytes_if_exists(path) == format_catalog(catalog).encode("utf-8"):
            work.targets[code] = read_targets(catalog)
            del work.catalogs[code]
    return work


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


def _is_clean(config: ProjectConfig, state: SyncState, source: str, *,
              skip: str | None = None) -> bool:
    """Whether a source and every output of it hold what the last run left (by content:
    a file whose stat changed, as in a fresh clone, is hashed, not read); outputs under
    ``skip`` (the site folder a --check without site/ leaves out) are not looked at."""
    record = state.articles.get(source)
    if record is None or state.file_hash(config.root, source) != record.source_hash:
        return False
    outputs = record.outputs if skip is None else [
        output for output in record.outputs if not output.startswith(skip)]
    return state.unchanged(config.root, outputs)


def _is_unchanged(config: ProjectConfig, state: SyncState, output: str) -> bool:
    """Whether an output file is as the last run wrote it."""
    return state.unchanged(config.root, (output,))


def _process(
    config: ProjectConfig,
    state: SyncState,
    sources: Sequence[str],
    works: dict[str, ArticleWork],
    *,
    write_catalogs: bool,
    check: bool = False,
    notify: Progress,
    pretranslator: Pretranslator,
    emit: Callable[[ArticleWork, str, bytes], bool],
    written: list[tuple[str, Path, Sequence[MemoryUnit]]],
    clean: Collection[str],
) -> None:
    """Read ``sources`` into ``works``; with ``write_catalogs``, merge, route and emit
    their catalogs, ``ROUTE_BATCH`` articles at a time (merged catalogs are the bulk
    of a run's memory). ``clean``: the sources this run found unchanged (`catalog_refs`)."""
    batch: list[ArticleWork] = []
    merged = check and write_catalogs  # merged and compared by the workers (`_read_checked`)
    if merged and sources:
        pretranslator.index  # noqa: B018 -- the glossary loaded once, before the fork
    read = map_forked(_read_checked, (config, pretranslator), sources,
                      task="reading articles") if merged else map_forked(
        _read_one, (config, write_catalogs), sources, task="reading articles")
    for done, (source, work) in enumerate(zip(sources, read, strict=True), 1):
        works[source] = work
        batch.append(work)
        state.file_hash(config.root, source)
        notify("articles", done, len(sources))
    if not write_catalogs:
        return
    refs: list[CatalogRef] | None = None
    for start in range(0, len(batch), ROUTE_BATCH):
        chunk = batch[start : start + ROUTE_BATCH]
        for work in chunk if not merged else ():
            merge_work(config, work, notes=pretranslator.notes_for)
        jobs = [
            CatalogJob(
                source_lang=work.article.lang,
                target_lang=code,
                article_route=work.article.meta.get("route", ""),
                texts=untranslated_sources(catalog),
                kinds=_block_kinds(work),
            )
            for work in chunk
            for code, catalog in work.catalogs.items()
        ]
        if refs is None and any(job.texts for job in jobs):
            # Every catalog on disk, this run's articles included, goes into the memory
            # (opened once, for the first batch with something to route).
            refs = catalog_refs(config, state, works, clean)
        decisions = iter(pretranslator.route(jobs, refs or []))
        for work in chunk:
            for rel, data in work.outputs.items():
                emit(work, rel, data)
            work.outputs.clear()
            for code, catalog in work.catalogs.items():
                apply_routes(catalog, next(decisions))
                path = article_catalog_path(config, code, work.article.slug)
                rel = config.relative(path)
                if emit(work, rel, format_catalog(catalog).encode("utf-8")):
                    written.append((rel, path, approved_units(
                        catalog, origin=rel, source_lang=work.article.lang, target_lang=code)))
                work.targets[code] = read_targets(catalog)
            work.catalogs.clear()


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
    project = Project(config)
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
    with ``write_catalogs``, merge them (``work.catalogs``; the template goes to
    ``work.outputs``). Nothing is written. ``notes(text, source_lang=, target_lang=)``
    gives each entry's extracted comments (the glossary terms).

    >>> from i18n_kit.config import load_config
    >>> config = load_config(Path("examples/sco-newsroom/i18n-kit.toml"))
    >>> work = prepare_article(config, "content/youth-forum-tashkent-2021.md",
    ...                        write_catalogs=False)
    >>> work.article.lang, sorted(work.targets)
    ('ru', ['en', 'zh'])
    """
    work = read_work(config, source, write_catalogs=write_catalogs)
    if write_catalogs:
        merge_work(config, work, notes=notes)
    return work


def read_work(config: ProjectConfig, source: str, *, write_catalogs: bool) -> ArticleWork:
    """``prepare_article``'s first half: read and segment; without ``write_catalogs``,
    also read what the catalogs hold."""
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
        for code in config.locales:
            if code != article.lang:
                path = article_catalog_path(config, code, article.slug)
                existing = read_catalog(path, origin=config.relative(path)) \
                    if path.exists() else None
                work.targets[code] = read_targets(existing) if existing is not None else {}
    return work


def merge_work(
    config: ProjectConfig,
    work: ArticleWork,
    *,
    notes: Callable[..., tuple[str, ...]] | None = None,
) -> None:
    """``prepare_article``'s second half: the template (to ``work.outputs``) and every
    target catalog merged with the segments (to ``work.catalogs``)."""
    article = work.article
    units = collect_units(work.segments, reference=work.source)
    template = build_template(units, project=config.name)
    rel = config.relative(article_template_path(config, article.slug))
    work.outputs[rel] = format_catalog(template).encode("utf-8")
    for code in config.locales:
        if code == article.lang:
            continue
        path = article_catalog_path(config, code, article.slug)
        rel = config.relative(path)
        data = read_bytes_if_exists(path)
        # what was read, so that sync replaces the file only if it is still this one
        work.read_digests[rel] = None if data is None else hash_bytes(data)
        existing = None if data is None else decode_catalog(data, origin=rel)
        localized = units
        if notes is not None:
            localized = [
                replace(unit, notes=notes(unit.source_text, source_lang=article.lang,
                                          target_lang=code))
                for unit in units
            ]
        work.catalogs[code] = merge_catalog(
            existing, localized, project=config.name, locale_code=code
        )


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
    state: SyncState,
    works: Mapping[str, ArticleWork],
    sources: Sequence[str],
    locale_code: str,
    *,
    known: KnownLinks | None = None,
) -> list[ArticleLink]:
    """Every article as the ``locale_code`` site lists it, newest first; articles not in
    ``works`` come from the cache in ``state``. Two listings made with the same ``known``
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


def _record(config: ProjectConfig, state: SyncState, work: ArticleWork) -> ArticleRecord:
    article = work.article
    previous = state.articles.get(work.source)
    outputs = set(work.written)
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


def _delete(
    config: ProjectConfig, state: SyncState, deletions: Sequence[str], *, check: bool
) -> list[FileChange]:
    changes: list[FileChange] = []
    for rel in deletions:
        path = config.root / rel
        if path.exists():
            changes.append(FileChange(path=rel, kind=ChangeKind.DELETE))
            if not check:
                path.unlink()
                state.files.pop(rel, None)
    return changes


def _global_digest(config: ProjectConfig) -> str:
    """Everything outside the articles that shapes every output: the toolkit's own code
    (a new segmentation rule must re-read every article), the config, the site-chrome
    catalogs and the templates, and what routing reads: the glossaries (the ``terms:``
    notes and the ``term`` route) and ``tm/*.tmx`` (an imported memory fills entries of
    articles that did not change)."""
    parts = [__version__.encode(), read_bytes_if_exists(config.root / CONFIG_NAME) or b""]
    files = sorted(Path(__file__).parent.rglob("*.py"))
    files += sorted(shipped_locales_dir().glob("*/LC_MESSAGES/messages.po"))
    files += Project(config).chrome_catalogs()
    files += sorted(path for path in TEMPLATES_DIR.rglob("*") if path.is_file())
    files += sorted(shipped_path(GLOSSARY_FOLDER).glob("*.csv"))
    glossary_dir = Project(config).glossary_dir
    files += sorted(
        path for path in glossary_dir.glob("*") if path.suffix in GLOSSARY_SUFFIXES
        and path.is_file()
    )
    if config.tm_dir is not None:
        files += sorted(config.tm_dir.glob("*.tmx"))
    for path in files:
        parts.append(_digest_name(config, path).encode())
        parts.append(path.read_bytes())
    return hash_bytes(b"\0".join(parts))


_TOOLKIT_TOP = Path(__file__).resolve().parent.parent


def _digest_name(config: ProjectConfig, path: Path) -> str:
    """The name a file goes into the global digest under: relative to the project or to
    the toolkit's installation, never absolute, so that a cache restored into a fresh
    clone at another path (a CI runner) is still valid."""
    for top in (config.root, _TOOLKIT_TOP):
        try:
            return path.resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            continue
    return path.name


def open_project_memory(config: ProjectConfig) -> TranslationMemory:
    """The project's translation memory, brought up to date with its catalogs and
    ``tm/*.tmx`` (catalogs of articles the last sync has seen). Close it after use."""
    state = load_state(config.state_dir)
    return Pretranslator(config).open_memory(catalog_refs(config, state, {}))
