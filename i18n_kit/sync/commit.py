"""Committing a pass: the staged files renamed into place (listed first in the journal,
journal.py), under the project's write lock with SIGTERM held, deletions, and the cache
saved to match; and finishing or cleaning up what a killed run left."""

from __future__ import annotations

from collections.abc import Sequence

from i18n_kit.config import ProjectConfig
from i18n_kit.files import signals_held
from i18n_kit.journal import JOURNAL, recover, remove_strays
from i18n_kit.lock import WRITE_LOCK, LockHolder, project_lock
from i18n_kit.state import (
    SyncState,
    save_state,
)
from i18n_kit.sync.model import (
    ChangeKind,
    FileChange,
    Staged,
)
from i18n_kit.sync.plan import Plan
from i18n_kit.translation.pretranslate import Pretranslator

WRITE_WAIT = 30.0  # seconds to wait for a preview save to finish before moving files

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


def commit_run(config: ProjectConfig, state: SyncState, plan: Plan,
               staged: Staged) -> list[FileChange]:
    """Put a pass's staged files in place and delete what it leaves behind, under the
    write lock (no preview save lands in between) with SIGTERM held until the files
    and the cache agree; then save the cache and tell the memory what was written.
    Returns the deletions (the staged changes are in ``staged.files.changes``)."""
    files = staged.files
    try:
        with project_lock(config.state_dir, WRITE_LOCK, wait=WRITE_WAIT), signals_held():
            files.commit(journal=config.state_dir / JOURNAL)
            changes = _delete(config, state, staged.deletions, check=False)
            for rel, identity in files.identities.items():
                state.remember(rel, identity, files.digests[rel])
            for rel in files.conflicts:
                state.forget(rel)  # never read as it is now: read by the next pass
            for source in plan.removed:
                del state.articles[source]
            state.articles.update(staged.records)
            state.global_digest = plan.global_digest
            save_state(config.state_dir, state)
    except BaseException:
        files.discard()
        raise
    # so that the next run does not parse every catalog this one wrote to index it
    conflicts = set(files.conflicts)
    Pretranslator(config).remember_written(
        [item for item in staged.written if item[0] not in conflicts])
    return changes


def would_delete(config: ProjectConfig, state: SyncState, staged: Staged) -> list[FileChange]:
    """With --check: the deletions ``commit_run`` would make."""
    return _delete(config, state, staged.deletions, check=True)
