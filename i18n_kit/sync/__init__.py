"""A run of i18n-kit over a project, in three phases: `plan` (what changed, by stat and
hash only), `stage` (read, merge, route, render; every changed output staged under a
temporary name) and `commit` (put in place under the locks, with the journal and the
cache). ``sync``, ``build``, ``translate`` and ``sync --check`` are one plan with
different stages (`Mode`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path  # noqa: F401 -- the doctests use it

from i18n_kit.config import ProjectConfig
from i18n_kit.errors import BusyError
from i18n_kit.lock import RUN_LOCK, LockHolder, project_lock
from i18n_kit.state import held_from_collector, load_state
from i18n_kit.sync.commit import _recover, commit_run, would_delete
from i18n_kit.sync.model import (
    ArticleWork,
    ChangeKind,
    FileChange,
    Mode,
    Progress,
    Staged,
    SyncReport,
)
from i18n_kit.sync.plan import Plan, check_inputs, find_sources, make_plan
from i18n_kit.sync.stage import (
    catalog_refs,
    list_articles,
    merge_work,
    page_input,
    prepare_article,
    read_work,
    stage_run,
)
from i18n_kit.translation.memory import TranslationMemory
from i18n_kit.translation.pretranslate import Pretranslator

__all__ = ["ArticleWork", "ChangeKind", "FileChange", "Mode", "Plan", "Progress",
           "Staged", "SyncReport", "catalog_refs", "check_inputs", "find_sources", "list_articles",
           "make_plan", "merge_work", "open_project_memory", "page_input", "prepare_article",
           "read_work", "run", "sync"]

PASSES = 3  # runs of sync when translators' saves keep landing on catalogs it rewrites


def run(
    config: ProjectConfig,
    mode: Mode,
    *,
    mt: bool = True,
    progress: Progress | None = None,
    wait: float = 0.0,
    waiting: Callable[[LockHolder | None], None] | None = None,
) -> SyncReport:
    """One run of ``mode`` over the project: plan, stage, commit (``check``: plan and
    stage, nothing written, and no MT provider asked).

    A run that writes holds the project lock (``lock.py``): when another run holds it,
    this one waits up to ``wait`` seconds (``waiting(holder)`` is told once), then
    raises ``BusyError``. It first finishes or removes what a killed run left
    (``journal.py``). A catalog saved by someone else while the run was writing it is
    left as saved and the run goes again (at most ``PASSES`` times, then ``BusyError``).

    >>> from i18n_kit.config import load_config
    >>> report = run(load_config(Path("examples/sco-newsroom/i18n-kit.toml")), Mode.CHECK)
    >>> report.articles > 0, report.checked
    (True, True)
    """
    notify = progress or (lambda stage, done, total: None)

    def one_pass(mode: Mode, *, everything: bool) -> SyncReport:
        state = load_state(config.state_dir)
        with held_from_collector():
            plan = make_plan(config, state, mode, everything=everything)
            staged = stage_run(config, state, plan, mt=mt, notify=notify)
            deleted = (commit_run(config, state, plan, staged) if mode.writes
                       else would_delete(config, state, staged))
        changes = [
            FileChange(path=change.path,
                       kind=ChangeKind.CREATE if change.created else ChangeKind.UPDATE)
            for change in sorted(staged.files.changes, key=lambda change: change.path)
        ] + deleted
        return SyncReport(
            articles=len(plan.sources), parsed=staged.parsed, segments=staged.segments,
            changes=tuple(changes), checked=not mode.writes, warnings=staged.warnings,
            conflicts=tuple(staged.files.conflicts))

    if not mode.writes:
        check_inputs(config)
        return one_pass(mode, everything=False)
    with project_lock(config.state_dir, RUN_LOCK, wait=wait, waiting=waiting) as stale:
        check_inputs(config)
        notes = _recover(config, stale)
        report: SyncReport | None = None
        for _ in range(PASSES):
            # a second pass only merges the catalogs saved meanwhile: translate's
            # re-reading of every article is done
            again = Mode.SYNC if mode is Mode.TRANSLATE and report is not None else mode
            done = one_pass(again, everything=again is Mode.TRANSLATE)
            report = done if report is None else _combine(report, done)
            if not done.conflicts:
                return replace(report, warnings=notes + report.warnings, conflicts=())
        raise BusyError(
            f"saved by another program while sync was writing it, {PASSES} runs in a row; "
            "the saved file is kept as it is; run sync again when the saving stops",
            path=done.conflicts[0],
        )


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

    The flags name a `Mode` and `run` does the rest: with ``check`` nothing is written
    (``Mode.CHECK``); with ``write_catalogs=False`` only pages are made (``Mode.BUILD``,
    ``i18n-kit build``); ``everything`` re-reads every article (``Mode.TRANSLATE``,
    ``i18n-kit translate``); ``mt=False`` (``--no-mt``) leaves mt-routed entries empty.

    >>> from i18n_kit.config import load_config
    >>> report = sync(load_config(Path("examples/sco-newsroom/i18n-kit.toml")), check=True)
    >>> report.articles > 0
    True
    """
    if check:
        mode = Mode.CHECK
    elif not write_catalogs:
        mode = Mode.BUILD
    else:
        mode = Mode.TRANSLATE if everything else Mode.SYNC
    return run(config, mode, mt=mt, progress=progress, wait=wait, waiting=waiting)


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


def open_project_memory(config: ProjectConfig) -> TranslationMemory:
    """The project's translation memory, brought up to date with its catalogs and
    ``tm/*.tmx`` (catalogs of articles the last sync has seen). Close it after use."""
    state = load_state(config.state_dir)
    return Pretranslator(config).open_memory(catalog_refs(config, state, {}))
