"""i18n-kit check through the CLI: formats, exit codes 0/1/2, exact output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from i18n_kit.cli import app

RU = "locales/ru/LC_MESSAGES/articles/summit.po"
ZH = "locales/zh/LC_MESSAGES/articles/summit.po"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_report_grouped_by_file(project: Path) -> None:
    code, out, _ = run("--project", str(project))
    assert code == 1
    assert out.splitlines() == [
        "content/summit.md",
        "  7: error [source-misspelling] «Mirziev» is a form the glossary forbids; write "
        "«Shavkat Mirziyoyev»",
        "      President Mirziev spoke.",
        RU,
        "  info [fuzzy] 1 fuzzy entry not checked: not published until a translator clears "
        "the flag",
        "  7: error [numbers] «2020» is missing from the translation",
        "      content/summit.md: The summit opened on 10 November 2020.",
        "  7: error [numbers] «2021» is in the translation but not in the source",
        "      content/summit.md: The summit opened on 10 November 2020.",
        "  17: error [numbers] «3» is in the translation but not in the source",
        "      content/summit.md: The talks lasted two hours.",
        "  17: warning [ignore-comment] «nmbers» is not a check; did you mean 'numbers'?",
        "      content/summit.md: The talks lasted two hours.",
        ZH,
        "  7: warning [final-punctuation] the source ends with a full stop; end the "
        "translation with «。»",
        "      content/summit.md: The summit opened on 10 November 2020.",
        "  7: warning [zh-punctuation] ASCII «,» next to Chinese characters («幕,各»); use «，»",
        "      content/summit.md: The summit opened on 10 November 2020.",
        "4 errors, 3 warnings, 1 info in 2 catalogs (6 entries checked, 1 fuzzy skipped)",
    ]


def test_json_is_a_list_of_findings(project: Path) -> None:
    code, out, _ = run("--project", str(project), "--format", "json")
    assert code == 1
    findings = json.loads(out)
    assert findings[2] == {
        "check": "numbers", "severity": "error", "file": RU, "line": 7, "locale": "ru",
        "msgid": "The summit opened on 10 November 2020.",
        "message": "«2020» is missing from the translation", "reference": "content/summit.md",
    }
    assert [f["check"] for f in findings] == [
        "source-misspelling", "fuzzy", "numbers", "numbers", "numbers", "ignore-comment",
        "final-punctuation", "zh-punctuation",
    ]


def test_github_annotations(project: Path) -> None:
    code, out, _ = run("--project", str(project), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[1] == (
        f"::notice file={RU},title=fuzzy (ru)::1 fuzzy entry not checked: not published "
        "until a translator clears the flag"
    )
    assert lines[2] == (
        f"::error file={RU},line=7,title=numbers (ru)::«2020» is missing from the translation"
        "%0AThe summit opened on 10 November 2020."
    )
    assert lines[-1].startswith("4 errors, 3 warnings")


def test_exit_0_with_warnings_only(project: Path) -> None:
    config = project / "i18n-kit.toml"
    config.write_text(config.read_text("utf-8") + '\n[checks]\ndisable = ["numbers", '
                      '"source-misspelling"]\n', "utf-8")
    code, out, _ = run("--project", str(project))
    assert code == 0
    assert out.splitlines()[-1] == (
        "0 errors, 3 warnings, 1 info in 2 catalogs (6 entries checked, 1 fuzzy skipped)"
    )


def test_exit_2_on_a_malformed_catalog(project: Path) -> None:
    (project / RU).write_text('msgid "a"\nmsgstr "b"\nmsgid\n', "utf-8")
    code, out, err = run("--project", str(project))
    assert code == 2
    assert out == ""
    assert err.startswith(f"error: {RU}:3: ")
    assert len(err.splitlines()) == 1


def test_exit_2_without_a_project(tmp_path: Path) -> None:
    code, _, err = run("--project", str(tmp_path))
    assert code == 2
    assert err.startswith("error: i18n-kit.toml: no i18n-kit.toml in ")
