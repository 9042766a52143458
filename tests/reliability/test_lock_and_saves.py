"""The project lock, a translator's save landing on a catalog sync is writing, the cache's
file identity, and what a killed run leaves: each made to happen at the exact moment
that matters (no timing luck)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from i18n_kit.catalogs.po import read_catalog
from i18n_kit.config import ProjectConfig
from i18n_kit.files import hash_bytes
from i18n_kit.journal import recover, remove_strays, write_journal
from i18n_kit.lock import RUN_LOCK, WRITE_LOCK
from i18n_kit.sync import ArticleWork, stage
from i18n_kit.sync.model import Merged
from tests.cli.conftest import run, snapshot
from tests.reliability.harness import save_like_poedit, translation_of

SENTENCE = "The SCO Heads of State Council met on 10 November 2020."
HOLD = """\
import sys, time
from pathlib import Path
from i18n_kit.lock import project_lock
with project_lock(Path(sys.argv[1]), sys.argv[2], wait=0, command="i18n-kit sync -p news"):
    print("held", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def holder(project: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Another process holding the project's run lock, and when it took it."""
    yield from _hold(project, RUN_LOCK)


def _hold(project: Path, name: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(project / ".i18n-kit"), name],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    since = json.loads((project / ".i18n-kit" / name).read_text(encoding="utf-8"))["since"]
    yield process, since
    process.kill()
    process.wait()
    process.stdout.close()


def catalog(project: Path, locale_code: str = "ru", slug: str = "summit") -> Path:
    return project / "locales" / locale_code / "LC_MESSAGES" / "articles" / f"{slug}.po"


# ---------------------------------------------------------------- one run at a time

def test_a_second_run_says_who_holds_the_project_and_changes_nothing(
    project: Path, holder: tuple[subprocess.Popen[str], str]
) -> None:
    process, since = holder
    before = snapshot(project)
    result = run("sync", "--project", str(project), "--wait", "0")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines() == [
        f"error: .i18n-kit/lock: the project is in use by pid {process.pid} on "
        f"{socket.gethostname()} ('i18n-kit sync -p news', since {since}); nothing was "
        "changed: run again when it has finished"]
    assert snapshot(project) == before


def test_a_second_run_waits_a_bounded_time_and_says_so(
    project: Path, holder: tuple[subprocess.Popen[str], str]
) -> None:
    process, since = holder
    result = run("build", "--project", str(project), "--wait", "0.3")
    who = f"pid {process.pid} on {socket.gethostname()} ('i18n-kit sync -p news', since {since})"
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"waiting: the project is in use by {who}",
        f"error: .i18n-kit/lock: the project is in use by {who}; waited 0.3 s; nothing "
        "was changed: run again when it has finished"]


def test_the_lock_of_a_killed_run_is_taken_over_at_once(
    project: Path, holder: tuple[subprocess.Popen[str], str]
) -> None:
    process, _ = holder
    process.kill()  # kill -9: its lock dies with it; its note of who held it stays
    process.wait()
    assert json.loads((project / ".i18n-kit" / "lock").read_text())["pid"] == process.pid
    result = run("sync", "--project", str(project), "--wait", "0")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (project / ".i18n-kit" / "lock").read_bytes() == b""  # released on the way out


def test_what_a_killed_run_left_is_removed_and_named(project: Path) -> None:
    assert run("sync", "--project", str(project)).exit_code == 0
    before = snapshot(project)
    articles = project / "locales" / "ru" / "LC_MESSAGES" / "articles"
    strays = [articles / ".summit.po.k2j4x9q1.tmp",
              project / "site" / "en" / ".index.html.a_b3c4d5.tmp"]
    kept = [articles / ".summit.po.swp", articles / "summit.po~", articles / "poedit-1234.tmp"]
    for path in strays + kept:
        path.write_bytes(b"half")
    (project / ".i18n-kit" / "lock").write_text(json.dumps(
        {"pid": 4_000_000, "host": "ci-7", "command": "i18n-kit sync",
         "since": "2026-12-01T08:00:00Z"}))
    result = run("sync", "--project", str(project))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: an earlier run, pid 4000000 on ci-7 ('i18n-kit sync', since "
        "2026-12-01T08:00:00Z), was stopped before it finished: 0 of its files moved into "
        "place, 2 temporary files removed"]
    assert not any(path.exists() for path in strays)
    assert all(path.read_bytes() == b"half" for path in kept)
    for path in kept:
        path.unlink()
    assert snapshot(project) == before


def test_what_a_preview_killed_while_saving_left_is_removed(project: Path) -> None:
    assert run("sync", "--project", str(project)).exit_code == 0
    stray = catalog(project).with_name(".summit.po.q1w2e3r4.tmp")
    stray.write_bytes(b"half a catalog")
    (project / ".i18n-kit" / "write.lock").write_text(json.dumps(
        {"pid": 4_000_001, "host": "laptop", "command": "i18n-kit preview (saving)",
         "since": "2026-12-01T08:00:00Z"}))
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stderr.splitlines()) == (0, [
        "warning: an earlier run was stopped before it finished: 0 of its files moved into "
        "place, 1 temporary file removed"])
    assert not stray.exists()


def test_a_journal_left_by_a_kill_is_finished_keeping_a_later_save(tmp_path: Path) -> None:
    folder = tmp_path / "site" / "ru"
    folder.mkdir(parents=True)
    for name in ("a.html", "b.html", "c.po", "d.po"):
        (folder / name).write_bytes(b"old " + name.encode())
    (folder / ".b.html.aaaaaaaa.tmp").write_bytes(b"new b.html")
    (folder / ".c.po.bbbbbbbb.tmp").write_bytes(b"new c.po")
    (folder / ".d.po.cccccccc.tmp").write_bytes(b"new d.po")
    journal = tmp_path / ".i18n-kit" / "journal.json"
    write_journal(journal, tmp_path, [
        ("site/ru/a.html", ".a.html.zzzzzzzz.tmp", False, None),  # moved before the kill
        ("site/ru/b.html", ".b.html.aaaaaaaa.tmp", False, None),
        ("site/ru/c.po", ".c.po.bbbbbbbb.tmp", True, hash_bytes(b"old c.po")),
        ("site/ru/d.po", ".d.po.cccccccc.tmp", True, hash_bytes(b"what was read")),
    ])
    assert recover(tmp_path, journal) == 2
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == {
        "a.html": b"old a.html", "b.html": b"new b.html", "c.po": b"new c.po",
        "d.po": b"old d.po"}  # d.po changed after the run read it: a save, kept
    assert not journal.exists()
    assert remove_strays([tmp_path / "site"]) == 0


# ---------------------------------------------------------------- saves during a sync

def _edit_source(project: Path) -> None:
    path = project / "content" / "summit.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe next summit will be held in 2021.\n",
                    encoding="utf-8")


def _save_after_merge(monkeypatch: pytest.MonkeyPatch, project: Path, texts: list[str]) -> None:
    """Save the next of ``texts`` into the Russian summit catalog the moment sync has read
    and merged it (as a translator's tool would, by rename), each time it does."""
    merge_work = stage.merge_work

    def merge_then_save(config: ProjectConfig, work: ArticleWork,
                        **options: object) -> Merged:
        merged = merge_work(config, work, **options)  # type: ignore[arg-type]
        if work.article.slug == "summit" and texts:
            save_like_poedit(catalog(project), SENTENCE, texts.pop(0))
        return merged

    monkeypatch.setattr(stage, "merge_work", merge_then_save)


def test_a_save_landing_while_sync_writes_the_catalog_is_merged_and_published(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("sync", "--project", str(project)).exit_code == 0
    _edit_source(project)
    _save_after_merge(monkeypatch, project,
                      ["Совет глав государств ШОС заседал 10 ноября 2020 года."])
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stderr) == (0, "")
    assert translation_of(catalog(project), SENTENCE) == (
        "Совет глав государств ШОС заседал 10 ноября 2020 года.")
    sources = [e.msgid for e in read_catalog(catalog(project)) if not e.obsolete]
    assert "The next summit will be held in 2021." in sources  # and the source change merged
    page = (project / "site" / "ru" / "summit.html").read_text(encoding="utf-8")
    assert "Совет глав государств ШОС заседал" in page
    assert run("sync", "--check", "--project", str(project)).exit_code == 0


def test_a_catalog_saved_during_every_pass_is_refused_with_exit_3(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("sync", "--project", str(project)).exit_code == 0
    _edit_source(project)
    _save_after_merge(monkeypatch, project,
                      ["Первый вариант.", "Второй вариант.", "Третий вариант."])
    result = run("sync", "--project", str(project))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "error: locales/ru/LC_MESSAGES/articles/summit.po: saved by another program while "
        "sync was writing it, 3 runs in a row; the saved file is kept as it is; run sync "
        "again when the saving stops"]
    assert translation_of(catalog(project), SENTENCE) == "Третий вариант."
    monkeypatch.undo()
    assert run("sync", "--project", str(project)).exit_code == 0
    assert translation_of(catalog(project), SENTENCE) == "Третий вариант."
    assert "Третий вариант." in (project / "site" / "ru" / "summit.html").read_text("utf-8")


def test_a_save_with_the_same_size_and_mtime_is_still_seen_by_check(project: Path) -> None:
    # A rename-saving tool can land a file of the same size within one clock tick of
    # what sync wrote: only the inode tells them apart, and the cache records it.
    assert run("sync", "--project", str(project)).exit_code == 0
    save_like_poedit(catalog(project), SENTENCE, "Вариант А.")
    assert run("sync", "--project", str(project)).exit_code == 0
    stat = catalog(project).stat()
    save_like_poedit(catalog(project), SENTENCE, "Вариант Б.")
    assert catalog(project).stat().st_size == stat.st_size
    os.utime(catalog(project), ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = run("sync", "--check", "--project", str(project))
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1, "would update site/ru/summit.html")


def test_a_preview_save_waits_for_the_write_lock_then_says_nothing_was_saved(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from i18n_kit.config import load_config
    from i18n_kit.errors import BusyError
    from i18n_kit.output.page import SegmentStatus
    from i18n_kit.preview import Edit, apply_edit, edits, entry_key

    assert run("sync", "--project", str(project)).exit_code == 0
    config = load_config(project / "i18n-kit.toml")
    edit = Edit(slug="summit", locale_code="ru", key=entry_key(SENTENCE), base_text="",
                base_status=SegmentStatus.UNTRANSLATED, target_text="Саммит прошёл.",
                approve=True)
    before = catalog(project).read_bytes()
    monkeypatch.setattr(edits, "SAVE_WAIT", 0.2)
    held = _hold(project, WRITE_LOCK)
    process, since = next(held)
    with pytest.raises(BusyError) as refused:
        apply_edit(config, edit, source_lang="en")
    assert str(refused.value) == (
        f".i18n-kit/write.lock: the project is in use by pid {process.pid} on "
        f"{socket.gethostname()} ('i18n-kit sync -p news', since {since}); waited 0.2 s; "
        "nothing was changed: run again when it has finished")
    assert catalog(project).read_bytes() == before
    next(held, None)  # the holder ends
    assert apply_edit(config, edit, source_lang="en").entry.target_text == "Саммит прошёл."
