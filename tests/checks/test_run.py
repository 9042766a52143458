"""run_checks over a project: which entries, per-entry and per-project switches, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_kit.catalogs.po import new_entry
from i18n_kit.checks import CHECKS, Severity, ignored_checks, run_checks
from i18n_kit.config import load_config
from i18n_kit.errors import CatalogError, ConfigError

RU = "locales/ru/LC_MESSAGES/articles/summit.po"
ZH = "locales/zh/LC_MESSAGES/articles/summit.po"


def findings(project: Path) -> list[tuple[str, int | None, str, str, str, str]]:
    report = run_checks(load_config(project / "i18n-kit.toml"))
    return [(f.file, f.line, f.locale, str(f.severity), f.check, f.message)
            for f in report.findings]


def test_findings_of_a_project(project: Path) -> None:
    assert findings(project) == [
        ("content/summit.md", 7, "en", "error", "source-misspelling",
         "«Mirziev» is a form the glossary forbids; write «Shavkat Mirziyoyev»"),
        (RU, None, "ru", "info", "fuzzy",
         "1 fuzzy entry not checked: not published until a translator clears the flag"),
        (RU, 7, "ru", "error", "numbers", "«2020» is missing from the translation"),
        (RU, 7, "ru", "error", "numbers", "«2021» is in the translation but not in the source"),
        (RU, 17, "ru", "error", "numbers", "«3» is in the translation but not in the source"),
        (RU, 17, "ru", "warning", "ignore-comment", "«nmbers» is not a check; did you mean "
         "'numbers'?"),
        (ZH, 7, "zh", "warning", "final-punctuation",
         "the source ends with a full stop; end the translation with «。»"),
        (ZH, 7, "zh", "warning", "zh-punctuation",
         "ASCII «,» next to Chinese characters («幕,各»); use «，»"),
    ]


def test_report_counts(project: Path) -> None:
    report = run_checks(load_config(project / "i18n-kit.toml"))
    assert (report.catalogs, report.entries, report.fuzzy, report.pages) == (2, 6, 1, 0)
    assert report.has_errors
    assert report.count(Severity.WARNING) == 3


def test_project_can_switch_checks_off(project: Path) -> None:
    config = project / "i18n-kit.toml"
    config.write_text(config.read_text("utf-8") + '\n[checks]\ndisable = ["numbers", '
                      '"source-misspelling", "fuzzy", "ignore-comment", "zh-punctuation"]\n',
                      "utf-8")
    assert findings(project) == [
        (ZH, 7, "zh", "warning", "final-punctuation",
         "the source ends with a full stop; end the translation with «。»"),
    ]


def test_an_unknown_check_in_the_config_is_bad_input(project: Path) -> None:
    config = project / "i18n-kit.toml"
    config.write_text(config.read_text("utf-8") + '\n[checks]\ndisable = ["numbers", '
                      '"zh-spacing"]\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        run_checks(load_config(config))
    assert str(caught.value) == (
        "i18n-kit.toml: checks.disable[1]: 'zh-spacing' is not a check; did you mean 'zh-spaces'?"
    )


def test_a_malformed_catalog_is_bad_input(project: Path) -> None:
    (project / RU).write_text('msgid "a\nmsgstr "b"\n', "utf-8")
    with pytest.raises(CatalogError) as caught:
        run_checks(load_config(project / "i18n-kit.toml"))
    assert str(caught.value).startswith(f"{RU}:1: ")


def test_source_language_comes_from_the_missing_catalog(project: Path) -> None:
    # A Russian article: catalogs for en and zh, none for ru.
    for code in ("ru", "zh"):
        (project / f"locales/{code}/LC_MESSAGES/articles/summit.po").unlink()
    folder = project / "locales/en/LC_MESSAGES/articles"
    folder.mkdir(parents=True)
    (folder / "forum.po").write_text(
        '#: content/forum.md\nmsgid "Форум прошёл в Ташкенте."\n'
        'msgstr "The forum was held in Ташкенте."\n', "utf-8")
    (project / "locales/zh/LC_MESSAGES/articles").mkdir(parents=True, exist_ok=True)
    (project / "locales/zh/LC_MESSAGES/articles/forum.po").write_text(
        '#: content/forum.md\nmsgid "Форум прошёл в Ташкенте."\n'
        'msgstr "论坛在塔什干举行。"\n', "utf-8")
    assert findings(project) == [
        ("locales/en/LC_MESSAGES/articles/forum.po", 2, "en", "error", "foreign-script",
         "Cyrillic text in the translation: «Ташкенте»"),
    ]


def test_ignore_comment_and_weblate_flags() -> None:
    entry = new_entry(msgid="a", msgstr="b", tcomment="note\ni18n-kit: ignore markup urls",
                      flags=["ignore-numbers"])
    assert ignored_checks(entry) == (frozenset({"markup", "urls", "numbers"}), ())
    assert ignored_checks(new_entry(msgid="a", tcomment="i18n-kit: ignore all")) == (
        frozenset({"all"}), ())


def test_every_check_is_documented() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "checks.md").read_text("utf-8")
    for check in CHECKS:
        assert f"### `{check.id}`" in docs
        section = docs.split(f"### `{check.id}`", 1)[1].split("###", 1)[0]
        assert f"**{check.severity}**" in section
