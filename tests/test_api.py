"""The public API (i18n_kit/__init__.py): assembled lazily, typed results, no exits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import i18n_kit

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_package_loads_none_of_the_engine() -> None:
    code = ("import sys, i18n_kit; print(sorted(m for m in sys.modules if m.startswith("
            "'i18n_kit')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "['i18n_kit']"


def test_every_public_name_resolves_and_unknown_ones_are_attribute_errors() -> None:
    assert sorted(i18n_kit.__all__) == dir(i18n_kit)
    for name in i18n_kit.__all__:
        assert getattr(i18n_kit, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'sync_everything'"):
        i18n_kit.sync_everything  # noqa: B018


def test_a_folder_without_a_project_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(i18n_kit.ConfigError, match="no i18n-kit.toml in"):
        i18n_kit.open_project(tmp_path)


def test_the_methods_are_the_commands(tmp_path: Path) -> None:
    from i18n_kit.project import create_project

    folder = tmp_path / "news"
    create_project(folder)
    (folder / "content" / "summit.md").write_text(
        "---\ntitle: SCO summit held\ndate: 2024-07-04\n---\n\n"
        "The Heads of State Council met in Astana on 4 July 2024.\n", encoding="utf-8")
    project = i18n_kit.open_project(folder)
    stale = project.sync(check=True)
    assert (stale.checked, stale.parsed, len(stale.changes)) == (True, 1, 3)
    done = project.sync(mt=False)
    assert (done.checked, [c.path for c in done.changes][:3]) == (False, [
        "locales/ru/LC_MESSAGES/articles/summit.po", "locales/templates/articles/summit.pot",
        "locales/zh/LC_MESSAGES/articles/summit.po"])
    assert project.sync(check=True).changes == ()
    assert [(c.locale_code, c.total, c.untranslated) for c in project.stats()] == [
        ("ru", 2, 2), ("zh", 2, 2)]
    assert isinstance(project.check(), i18n_kit.CheckReport)
    assert project.build().changes == ()  # the pages are those sync made


def test_proofread_gives_the_source_findings_a_preview_page_lists(tmp_path: Path) -> None:
    from i18n_kit.project import create_project

    folder = tmp_path / "news"
    create_project(folder)
    (folder / "content" / "summit.md").write_text(
        "---\ntitle: SCO summit held\ndate: 2024-07-04\n---\n\n"
        "The Heads of State Council met in Astana on 4 July 2024.\n\n"
        "The leaders signed the the declaration on commn security.\n", encoding="utf-8")
    project = i18n_kit.open_project(folder)
    article = project.read_article("content/summit.md").article
    assert project.proofread(article) == (
        "content/summit.md:8: warning [source-spelling] «commn» is not in the en "
        "dictionary; did you mean «common»?",
        "content/summit.md:8: warning [source-doubled-word] «the the»: a word written "
        "twice",
    )
