"""Kills and races on a real sync in a child process: kill -9 and SIGTERM at random moments
and in the rename phase, a worker killed as the OOM killer does, two syncs at once, and
translators saving (from a PO editor and from the preview) while a sync runs. Zero loss,
zero debris, the bytes of an uninterrupted run. Counts are printed at the end."""

from __future__ import annotations

import random
import signal
from collections import Counter

from tests.reliability.conftest import SCALE, record
from tests.reliability.harness import (
    Fixture,
    concurrent_syncs,
    kill_a_worker,
    kill_during_sync,
    saves_during_sync,
    sigterm_at_fork,
)


def test_saves_from_a_po_editor_and_the_preview_during_sync_are_kept_and_published(
    edited: Fixture, rng: random.Random
) -> None:
    counts: Counter[str] = Counter()
    for _ in range(SCALE):
        counts += record("saves during sync (4 by preview)", saves_during_sync(
            edited, saves=12, rng=rng, preview=4))
    assert counts["trials"] == 12 * SCALE
    assert (counts["lost"], counts["hidden"], counts["unpublished"]) == (0, 0, 0), counts
    assert (counts["refused"], counts["sync failed"], counts["debris"]) == (0, 0, 0), counts


def test_kill_9_at_random_moments_then_sync_gives_an_uninterrupted_runs_bytes(
    edited: Fixture, rng: random.Random
) -> None:
    counts: Counter[str] = Counter()
    for _ in range(SCALE):
        counts += record("kill -9 at a random moment", kill_during_sync(
            edited, signum=signal.SIGKILL, rng=rng))
    assert (counts["next sync failed"], counts["debris after next sync"],
            counts["diverged"]) == (0, 0, 0), counts


def test_kill_9_while_renaming_is_finished_by_the_journal(
    edited: Fixture, rng: random.Random
) -> None:
    counts: Counter[str] = Counter()
    for _ in range(SCALE):
        counts += record("kill -9 while renaming", kill_during_sync(
            edited, signum=signal.SIGKILL, rng=rng, in_rename=True, recover_first=True))
    assert counts["ended before the signal"] < counts["trials"], "never killed mid-rename"
    assert counts["mixed after recovery"] == 0, counts
    assert (counts["next sync failed"], counts["debris after next sync"],
            counts["diverged"]) == (0, 0, 0), counts


def test_sigterm_at_random_moments_exits_143_and_leaves_all_old_or_all_new(
    edited: Fixture, rng: random.Random
) -> None:
    counts: Counter[str] = Counter()
    for _ in range(2 * SCALE):
        counts += record("SIGTERM at a random moment", kill_during_sync(
            edited, signum=signal.SIGTERM, rng=rng, then_sync=False))
    assert (counts["exit other"], counts["exit 0 after SIGTERM"]) == (0, 0), counts
    assert (counts["debris after kill"], counts["mixed"]) == (0, 0), counts


def test_sigterm_while_renaming_finishes_the_renames_then_exits_143(
    edited: Fixture, rng: random.Random
) -> None:
    counts: Counter[str] = record("SIGTERM while renaming", kill_during_sync(
        edited, signum=signal.SIGTERM, rng=rng, in_rename=True, then_sync=False))
    assert (counts["exit other"], counts["exit 0 after SIGTERM"]) == (0, 0), counts
    assert (counts["debris after kill"], counts["mixed"]) == (0, 0), counts


def test_sigterm_as_workers_are_forked_exits_143_and_stops_them(edited: Fixture) -> None:
    counts = record("SIGTERM as workers are forked", sigterm_at_fork(edited))
    assert counts["exit 143"] == 1, counts
    assert (counts["workers left"], counts["changed"], counts["debris"]) == (0, 0, 0), counts


def test_a_worker_killed_like_the_oom_killer_does_fails_the_run_with_one_line(
    edited: Fixture,
) -> None:
    counts = record("worker killed (SIGKILL)", kill_a_worker(edited))
    assert counts["one line, exit 2"] == 1, counts
    assert (counts["changed"], counts["debris"]) == (0, 0), counts


def test_two_syncs_at_once_run_one_after_the_other(edited: Fixture) -> None:
    counts = record("two syncs at once", concurrent_syncs(edited))
    assert counts["waited"] == 1, counts
    assert (counts["failed"], counts["refused"]) == (0, 0), counts
    assert (counts["diverged"], counts["debris"]) == (0, 0), counts
