"""CI on a fresh clone: the cache in .i18n-kit/ is keyed by content, so a copy restored into
a clone at another path (new mtimes, new inodes, no site/) is valid (docs/ci.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

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


SENTENCE = "The SCO Heads of State Council met on 10 November 2020."


def _catalogs_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogs `check` and `stats` parse from now on."""
    import i18n_kit.catalogs.counts as counts
    import i18n_kit.checks.run as checks_run

    read: list[str] = []
    for module in (checks_run, counts):
        original = module.read_catalog

        def counting(path: Path, *, origin: str, _original=original) -> Any:  # type: ignore[no-untyped-def]
            read.append(origin)
            return _original(path, origin=origin)

        monkeypatch.setattr(module, "read_catalog", counting)
    return read


def _project_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogs and sources the project-level checks (consistency, proofreading)
    parse from now on."""
    import i18n_kit.checks.consistency as consistency
    import i18n_kit.checks.proofread as proofread

    read: list[str] = []
    parse_catalog, parse_article = consistency.read_catalog, proofread.read_article

    def catalog(path: Path, *, origin: str) -> Any:
        read.append(origin)
        return parse_catalog(path, origin=origin)

    def article(path: Path, **options: Any) -> Any:
        read.append(path.relative_to(options["root"]).as_posix())
        return parse_article(path, **options)

    monkeypatch.setattr(consistency, "read_catalog", catalog)
    monkeypatch.setattr(proofread, "read_article", article)
    return read


def test_check_and_stats_in_a_clone_read_only_the_catalog_that_changed(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _synced_repository(project)
    first = run("check", "--format", "json", "--project", str(project))
    stats = run("stats", "--format", "json", "--project", str(project))
    clone = tmp_path / "checkout"
    _git(tmp_path, "clone", "-q", str(project), str(clone))
    shutil.copytree(project / ".i18n-kit", clone / ".i18n-kit")
    catalog = clone / "locales" / "ru" / "LC_MESSAGES" / "articles" / "summit.po"
    text = catalog.read_text("utf-8")
    catalog.write_text(text.replace(
        'msgid "The SCO Heads of State Council met on 10 November 2020."\nmsgstr ""',
        'msgid "The SCO Heads of State Council met on 10 November 2020."\n'
        'msgstr "Совет глав государств-членов ШОС собрался 11 ноября 2020 года."'),
        encoding="utf-8")
    read = _catalogs_read(monkeypatch)
    project_read = _project_reads(monkeypatch)

    again = run("check", "--format", "json", "--project", str(clone))
    assert read == ["locales/ru/LC_MESSAGES/articles/summit.po"]
    # consistency parses the changed catalog again; proofreading reads no source
    assert project_read == ["locales/ru/LC_MESSAGES/articles/summit.po"]
    found = json.loads(again.stdout)
    # the changed figure is found, 10 missing and 11 added (the wording is the numbers
    # check's own)
    assert [(f["check"], f["severity"], f["file"], f["line"]) for f in found
            if f["msgid"] == SENTENCE] == [
        ("numbers", "error", "locales/ru/LC_MESSAGES/articles/summit.po", 20)] * 2
    assert [f for f in found if f["msgid"] != SENTENCE] == json.loads(
        first.stdout)
    assert (again.exit_code, first.exit_code) == (1, 0)

    read.clear()
    counted = json.loads(run("stats", "--format", "json", "--project", str(clone)).stdout)
    assert read == ["locales/ru/LC_MESSAGES/articles/summit.po"]
    expected = json.loads(stats.stdout)
    changed = next(c for c in expected if c["path"].endswith("ru/LC_MESSAGES/articles/summit.po"))
    changed.update(translated=changed["translated"] + 1,
                   untranslated=changed["untranslated"] - 1)
    assert counted == expected

    read.clear()
    project_read.clear()
    run("check", "--format", "json", "--project", str(clone))
    assert (read, project_read) == ([], [])  # and the second run in the clone reads none


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="newsroom" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en"><seg>Mr. Putin chaired the meeting.</seg></tuv>
<tuv xml:lang="ru"><seg>Заседание провёл Владимир Путин.</seg></tuv></tu>
</body></tmx>
"""


def test_a_new_memory_file_is_stale_with_or_without_the_cache(project: Path,
                                                              tmp_path: Path) -> None:
    """The routes the catalogs record stand only while what routing reads is unchanged:
    a memory file added in the pull request makes --check fail, cache or no cache."""
    _synced_repository(project)
    (project / "tm").mkdir()
    (project / "tm" / "legacy.tmx").write_text(TMX, encoding="utf-8")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "memory added, sync forgotten")
    clone = tmp_path / "checkout"
    _git(tmp_path, "clone", "-q", str(project), str(clone))
    code, report = _check_json(clone)
    assert code == 1
    assert {change["path"] for change in report["changes"]} == {  # type: ignore[attr-defined]
        "locales/ru/LC_MESSAGES/articles/summit.po"}
    shutil.rmtree(clone / ".i18n-kit")  # the memory the first check indexed
    shutil.copytree(project / ".i18n-kit", clone / ".i18n-kit")
    assert _check_json(clone) == (code, report)


def test_a_glossary_change_checks_every_catalog_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached findings hold only while the glossaries, the configuration and the
    toolkit are as when they were found."""
    assert run("sync", "--project", str(project)).exit_code == 0
    first = run("check", "--format", "json", "--project", str(project))
    (project / "glossary").mkdir()
    (project / "glossary" / "newsroom.csv").write_text(
        "id,category,en,ru,zh,note\n"
        "newsroom-assembly,body,Tashkent Youth Assembly,Ташкентская молодёжная ассамблея,"
        "塔什干青年大会,\n",
        encoding="utf-8")
    read = _catalogs_read(monkeypatch)
    again = run("check", "--format", "json", "--project", str(project))
    assert sorted(read) == [
        "locales/en/LC_MESSAGES/articles/forum.po", "locales/ru/LC_MESSAGES/articles/summit.po",
        "locales/zh/LC_MESSAGES/articles/forum.po", "locales/zh/LC_MESSAGES/articles/summit.po"]
    assert again.exit_code == first.exit_code
