"""CI on a fresh clone: the cache in .i18n-kit/ is keyed by content, so a copy restored into
a clone at another path (new mtimes, new inodes, no site/) is valid (docs/ci.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.cli.conftest import run, snapshot


def _git(cwd: Path, *args: str) -> None:
    # git is a test requirement: a missing git fails here, loudly
    subprocess.run(["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org", *args],
                   cwd=cwd, check=True, capture_output=True)


def _synced_repository(project: Path) -> None:
    """The project synced and committed as a newsroom keeps it: site/ and the cache
    ignored."""
    assert run("sync", "--project", str(project)).exit_code == 0
    (project / ".gitignore").write_text("/site/\n/.i18n-kit/\n", encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "synced")


def _check_json(project: Path) -> tuple[int, dict[str, object]]:
    result = run("sync", "--check", "--format", "json", "--project", str(project))
    return result.exit_code, json.loads(result.stdout)


def test_a_restored_cache_in_a_fresh_clone_reads_no_article(project: Path,
                                                           tmp_path: Path) -> None:
    _synced_repository(project)
    clone = tmp_path / "runner" / "checkout"
    _git(tmp_path, "clone", "-q", str(project), str(clone))
    shutil.copytree(project / ".i18n-kit", clone / ".i18n-kit")  # actions/cache restore
    assert not (clone / "site").exists()

    code, report = _check_json(clone)
    assert (code, report["articles"], report["parsed"], report["changes"]) == (0, 2, 0, [])

    # an edit in the pull request is found, and only that article is read
    source = clone / "content" / "forum.md"
    source.write_text(source.read_text("utf-8").replace("200", "300"), encoding="utf-8")
    code, report = _check_json(clone)
    assert (code, report["parsed"]) == (1, 1)
    assert [change["path"] for change in report["changes"]] == [  # type: ignore[attr-defined]
        "locales/en/LC_MESSAGES/articles/forum.po",
        "locales/templates/articles/forum.pot",
        "locales/zh/LC_MESSAGES/articles/forum.po",
    ]


def test_a_fresh_clone_without_the_cache_is_checked_from_its_files(project: Path,
                                                                  tmp_path: Path) -> None:
    _synced_repository(project)
    clone = tmp_path / "checkout"
    _git(tmp_path, "clone", "-q", str(project), str(clone))
    code, report = _check_json(clone)
    assert (code, report["parsed"], report["changes"]) == (0, 2, [])


def test_a_file_touched_but_unchanged_is_not_read_again(project: Path) -> None:
    assert run("sync", "--project", str(project)).exit_code == 0
    before = snapshot(project)
    for name in ("content/summit.md", "locales/ru/LC_MESSAGES/articles/summit.po",
                 "site/zh/summit.html"):
        path = project / name
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)  # a new inode and mtime, the same bytes
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    result = run("sync", "--project", str(project))
    assert result.stdout == "2 articles (0 read, 0 segments); 0 files written\n"
    assert {name: data for name, (_, data) in snapshot(project).items()} == {
        name: data for name, (_, data) in before.items()}
