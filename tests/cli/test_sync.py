"""i18n-kit sync, build, stats, init: files written, exit codes, exact messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import FORUM, run, snapshot

RU_SUMMIT = "locales/ru/LC_MESSAGES/articles/summit.po"


def test_first_sync_writes_templates_catalogs_and_pages(project: Path) -> None:
    result = run("sync", "--project", str(project))
    assert result.exit_code == 0, result.output
    written = sorted(snapshot(project))
    assert written == [
        "content/forum.md",
        "content/summit.md",
        "i18n-kit.toml",
        "locales/en/LC_MESSAGES/articles/forum.po",
        "locales/ru/LC_MESSAGES/articles/summit.po",
        "locales/templates/articles/forum.pot",
        "locales/templates/articles/summit.pot",
        "locales/zh/LC_MESSAGES/articles/forum.po",
        "locales/zh/LC_MESSAGES/articles/summit.po",
        "site/en/forum.html",
        "site/en/index.html",
        "site/en/summit.html",
        "site/ru/forum.html",
        "site/ru/index.html",
        "site/ru/summit.html",
        "site/zh/forum.html",
        "site/zh/index.html",
        "site/zh/summit.html",
    ]
    assert result.stdout.splitlines()[-1] == (
        "2 articles (2 read, 8 segments); 15 files written"
    )
    assert "create locales/ru/LC_MESSAGES/articles/summit.po" in result.stdout.splitlines()


def test_catalog_is_one_entry_per_sentence_in_source_order(project: Path) -> None:
    run("sync", "--project", str(project))
    po = (project / RU_SUMMIT).read_text("utf-8")
    entries = po.split("\n\n")[1:]
    assert entries[0] == (
        "#. terms: SCO summit = Совет глав государств-членов ШОС\n"
        "#. route: human (no TM match >= 75%; no MT provider configured)\n"
        "#: content/summit.md\n"
        'msgid "SCO summit held online"\n'
        'msgstr ""'
    )
    assert [line for line in po.splitlines() if line.startswith("msgid ")][1:] == [
        'msgid "SCO summit held online"',
        'msgid "The SCO Heads of State Council met on 10 November 2020."',
        'msgid "Mr. Putin chaired the meeting."',
        'msgid "Eight member states took part."',
        'msgid "The leaders adopted the **Moscow Declaration**."',
    ]
    assert all("#: content/summit.md\n" in e for e in entries)


def test_second_sync_writes_nothing(project: Path) -> None:
    run("sync", "--project", str(project))
    before = snapshot(project)
    result = run("sync", "--project", str(project))
    assert result.exit_code == 0
    assert result.stdout == "2 articles (0 read, 0 segments); 0 files written\n"
    assert snapshot(project) == before


def test_sync_without_cache_writes_nothing(project: Path) -> None:
    run("sync", "--project", str(project))
    before = snapshot(project)
    shutil.rmtree(project / ".i18n-kit")
    result = run("sync", "--project", str(project))
    assert result.stdout == "2 articles (2 read, 8 segments); 0 files written\n"
    assert snapshot(project) == before


def test_editing_one_sentence_changes_only_that_entry(project: Path) -> None:
    run("sync", "--project", str(project))
    po_path = project / RU_SUMMIT
    po = po_path.read_text("utf-8")
    po = po.replace(
        'msgid "Mr. Putin chaired the meeting."\nmsgstr ""',
        'msgid "Mr. Putin chaired the meeting."\nmsgstr "Заседание провёл Путин."',
    )
    po_path.write_text(po, encoding="utf-8")
    source = project / "content" / "summit.md"
    source.write_text(
        source.read_text("utf-8").replace("chaired the meeting", "chaired the online meeting"),
        encoding="utf-8",
    )
    result = run("sync", "--project", str(project))
    assert result.exit_code == 0
    after = po_path.read_text("utf-8")
    removed = [line for line in po.splitlines() if line not in after.splitlines()]
    added = [line for line in after.splitlines() if line not in po.splitlines()]
    assert removed == ['msgid "Mr. Putin chaired the meeting."']
    assert added == [
        "#, fuzzy",
        '#| msgid "Mr. Putin chaired the meeting."',
        'msgid "Mr. Putin chaired the online meeting."',
    ]


def test_check_reports_stale_files_and_writes_nothing(project: Path) -> None:
    run("sync", "--project", str(project))
    clean = run("sync", "--project", str(project), "--check")
    assert (clean.exit_code, clean.stdout) == (
        0,
        "2 articles (0 read, 0 segments); 0 files would change\n",
    )
    source = project / "content" / "forum.md"
    source.write_text(source.read_text("utf-8") + "\nНовое предложение.\n", encoding="utf-8")
    before = snapshot(project)
    stale = run("sync", "--project", str(project), "--check")
    assert stale.exit_code == 1
    assert stale.stdout.splitlines() == [
        "would update locales/en/LC_MESSAGES/articles/forum.po",
        "would update locales/templates/articles/forum.pot",
        "would update locales/zh/LC_MESSAGES/articles/forum.po",
        "would update site/en/forum.html",
        "would update site/ru/forum.html",
        "would update site/zh/forum.html",
        "2 articles (1 read, 4 segments); 6 files would change",
    ]
    assert snapshot(project) == before


def test_translated_entries_are_published_fuzzy_ones_are_not(project: Path) -> None:
    run("sync", "--project", str(project))
    po_path = project / RU_SUMMIT
    po = po_path.read_text("utf-8")
    po = po.replace(
        'msgid "SCO summit held online"\nmsgstr ""',
        'msgid "SCO summit held online"\nmsgstr "Саммит ШОС прошёл онлайн"',
    ).replace(
        '#: content/summit.md\nmsgid "Eight member states took part."\nmsgstr ""',
        '#: content/summit.md\n#, fuzzy\nmsgid "Eight member states took part."\n'
        'msgstr "Участвовали восемь государств."',
    )
    po_path.write_text(po, encoding="utf-8")
    assert run("sync", "--project", str(project)).exit_code == 0
    page = (project / "site" / "ru" / "summit.html").read_text("utf-8")
    assert "Саммит ШОС прошёл онлайн" in page
    assert "Участвовали восемь государств." not in page
    assert '<span lang="en" class="i18n-fallback">Eight member states took part.</span>' in page
    index = (project / "site" / "ru" / "index.html").read_text("utf-8")
    assert "Саммит ШОС прошёл онлайн" in index


def test_stats_json(project: Path) -> None:
    run("sync", "--project", str(project))
    result = run("stats", "--project", str(project), "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0] == {
        "locale": "en",
        "article": "forum",
        "path": "locales/en/LC_MESSAGES/articles/forum.po",
        "total": 3,
        "translated": 0,
        "fuzzy": 0,
        "untranslated": 3,
        "routes": {"human": 3},
    }
    assert [(r["locale"], r["article"], r["total"]) for r in rows] == [
        ("en", "forum", 3),
        ("ru", "summit", 5),
        ("zh", "forum", 3),
        ("zh", "summit", 5),
    ]


def test_build_makes_pages_only(project: Path) -> None:
    result = run("build", "--project", str(project))
    assert result.exit_code == 0, result.output
    assert (project / "site" / "zh" / "summit.html").is_file()
    assert not (project / "locales").exists()


def test_removed_article_keeps_its_catalogs_and_loses_its_pages(project: Path) -> None:
    run("sync", "--project", str(project))
    (project / "content" / "forum.md").unlink()
    result = run("sync", "--project", str(project))
    assert result.exit_code == 0
    assert "delete site/ru/forum.html" in result.stdout.splitlines()
    assert (project / "locales/en/LC_MESSAGES/articles/forum.po").is_file()
    assert not (project / "site/ru/forum.html").exists()


def test_init_example_then_sync(tmp_path: Path) -> None:
    target = tmp_path / "sco"
    result = run("init", "--example", str(target))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"created {target / 'i18n-kit.toml'}"
    assert run("sync", "--project", str(target)).exit_code == 0
    assert (target / "site" / "zh" / "index.html").is_file()


def test_init_refuses_an_existing_project(project: Path) -> None:
    result = run("init", str(project))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {project}: {project / 'i18n-kit.toml'} already exists; "
        "choose an empty folder or edit that project\n"
    )


def test_init_makes_a_project_that_syncs(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "fresh")).exit_code == 0
    result = run("sync", "--project", str(tmp_path / "fresh"))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "0 articles (0 read, 0 segments); 3 files written"


def test_missing_project_config(tmp_path: Path) -> None:
    result = run("sync", "--project", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: i18n-kit.toml: no i18n-kit.toml in {tmp_path}; run 'i18n-kit init' "
        "to make a project or pass --project DIR\n"
    )


def test_check_without_a_built_site_checks_catalogs_only(project: Path) -> None:
    run("sync", "--project", str(project))
    shutil.rmtree(project / "site")
    shutil.rmtree(project / ".i18n-kit")
    clean = run("sync", "--project", str(project), "--check")
    assert (clean.exit_code, clean.stdout.splitlines()[-1]) == (
        0,
        "2 articles (2 read, 8 segments); 0 files would change",
    )
    (project / "content" / "forum.md").write_text(FORUM.replace("200", "300"), "utf-8")
    stale = run("sync", "--project", str(project), "--check")
    assert stale.exit_code == 1
    assert stale.stdout.splitlines()[:3] == [
        "would update locales/en/LC_MESSAGES/articles/forum.po",
        "would update locales/templates/articles/forum.pot",
        "would update locales/zh/LC_MESSAGES/articles/forum.po",
    ]


def test_a_sync_moves_from_the_json_cache_of_older_versions(project: Path) -> None:
    run("sync", "--project", str(project))
    before = snapshot(project)
    (project / ".i18n-kit" / "state.sqlite3").unlink()
    (project / ".i18n-kit" / "state.json").write_text('{"format": 4}')
    result = run("sync", "--project", str(project))
    assert result.stdout == "2 articles (2 read, 8 segments); 0 files written\n"
    assert not (project / ".i18n-kit" / "state.json").exists()
    assert run("sync", "--project", str(project)).stdout == (
        "2 articles (0 read, 0 segments); 0 files written\n")
    assert snapshot(project) == before


def test_check_creates_no_cache(project: Path) -> None:
    result = run("sync", "--check", "--project", str(project))
    assert result.exit_code == 1
    assert not (project / ".i18n-kit" / "state.sqlite3").exists()
