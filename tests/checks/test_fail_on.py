"""What a CI run fails on: --fail-on, [checks] fail_on, [checks] severity (exact exit
codes and lines); sync --check is not affected by any of them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from i18n_kit.cli import app

RU = "locales/ru/LC_MESSAGES/articles/summit.po"
ZH = "locales/zh/LC_MESSAGES/articles/summit.po"
SUMMIT = "content/summit.md: The summit opened on 10 November 2020."

# With numbers and source-misspelling off, the fixture's catalogs hold three warnings
# (ignore-comment, final-punctuation, zh-punctuation) and one info (fuzzy), no error.
WARNINGS_ONLY = '\n[checks]\ndisable = ["numbers", "source-misspelling"]\n'
WARNINGS_SUMMARY = (
    "0 errors, 3 warnings, 1 info in 2 catalogs (6 entries checked, 1 fuzzy skipped)"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def configure(project: Path, checks: str) -> None:
    config = project / "i18n-kit.toml"
    config.write_text(config.read_text("utf-8") + checks, "utf-8")


def test_warnings_pass_by_default_and_fail_with_fail_on_warning(project: Path) -> None:
    configure(project, WARNINGS_ONLY)
    assert run("check", "--project", str(project))[:2] == (0, _text_with(WARNINGS_SUMMARY))
    code, out, err = run("check", "--project", str(project), "--fail-on", "warning")
    assert (code, err) == (1, "")
    assert out == _text_with(f"{WARNINGS_SUMMARY}; failing on warnings")
    code, out, _ = run("check", "--project", str(project), "--fail-on", "error")
    assert (code, out.splitlines()[-1]) == (0, WARNINGS_SUMMARY)


def test_info_never_fails_a_run(project: Path) -> None:
    configure(project, '\n[checks]\ndisable = ["numbers", "source-misspelling", '
              '"ignore-comment", "final-punctuation", "zh-punctuation"]\n')
    code, out, _ = run("check", "--project", str(project), "--fail-on", "warning")
    assert code == 0
    assert out.splitlines() == [
        RU,
        "  info [fuzzy] 1 fuzzy entry not checked: not published until a translator clears "
        "the flag",
        "0 errors, 0 warnings, 1 info in 2 catalogs (6 entries checked, 1 fuzzy skipped); "
        "failing on warnings",
    ]


def test_fail_on_in_the_config_and_the_flag_overriding_it(project: Path) -> None:
    configure(project, WARNINGS_ONLY + 'fail_on = "warning"\n')
    code, out, _ = run("check", "--project", str(project))
    assert (code, out.splitlines()[-1]) == (1, f"{WARNINGS_SUMMARY}; failing on warnings")
    code, out, _ = run("check", "--project", str(project), "--fail-on", "error")
    assert (code, out.splitlines()[-1]) == (0, WARNINGS_SUMMARY)
    code, out, _ = run("check", "--project", str(project), "--format", "github")
    assert (code, out.splitlines()[-1]) == (1, f"{WARNINGS_SUMMARY}; failing on warnings")
    code, out, _ = run("check", "--project", str(project), "--format", "json")
    assert code == 1
    assert [f["severity"] for f in json.loads(out)] == ["info", "warning", "warning", "warning"]


def test_fail_on_error_still_fails_on_errors(project: Path) -> None:
    code, out, _ = run("check", "--project", str(project), "--fail-on", "error")
    assert (code, out.splitlines()[-1]) == (
        1, "4 errors, 3 warnings, 1 info in 2 catalogs (6 entries checked, 1 fuzzy skipped)"
    )


def test_per_check_severity_is_what_every_format_shows(project: Path) -> None:
    configure(project, '\n[checks]\nseverity = { "zh-punctuation" = "error", '
              '"numbers" = "info", "source-misspelling" = "warning" }\n')
    code, out, _ = run("check", "--project", str(project))
    assert code == 1  # the only error left is the promoted zh-punctuation
    assert out.splitlines() == [
        "content/summit.md",
        "  7: warning [source-misspelling] «Mirziev» is a form the glossary forbids; write "
        "«Shavkat Mirziyoyev»",
        "      President Mirziev spoke.",
        RU,
        "  info [fuzzy] 1 fuzzy entry not checked: not published until a translator clears "
        "the flag",
        "  7: info [numbers] «2020» is missing from the translation",
        f"      {SUMMIT}",
        "  7: info [numbers] «2021» is in the translation but not in the source",
        f"      {SUMMIT}",
        "  17: info [numbers] «3» is in the translation but not in the source",
        "      content/summit.md: The talks lasted two hours.",
        "  17: warning [ignore-comment] «nmbers» is not a check; did you mean 'numbers'?",
        "      content/summit.md: The talks lasted two hours.",
        ZH,
        "  7: warning [final-punctuation] the source ends with a full stop; end the "
        "translation with «。»",
        f"      {SUMMIT}",
        "  7: error [zh-punctuation] ASCII «,» next to Chinese characters («幕,各»); use «，»",
        f"      {SUMMIT}",
        "1 error, 3 warnings, 4 info in 2 catalogs (6 entries checked, 1 fuzzy skipped)",
    ]
    code, out, _ = run("check", "--project", str(project), "--format", "json")
    assert code == 1
    assert [(f["check"], f["severity"]) for f in json.loads(out)] == [
        ("source-misspelling", "warning"), ("fuzzy", "info"), ("numbers", "info"),
        ("numbers", "info"), ("numbers", "info"), ("ignore-comment", "warning"),
        ("final-punctuation", "warning"), ("zh-punctuation", "error"),
    ]


def test_github_annotation_levels_follow_the_effective_severity(project: Path) -> None:
    configure(project, '\n[checks.severity]\nzh-punctuation = "error"\nnumbers = "info"\n'
              'source-misspelling = "warning"\nfuzzy = "warning"\n')
    code, out, _ = run("check", "--project", str(project), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "::warning file=content/summit.md,line=7,title=source-misspelling (en)::«Mirziev» is "
        "a form the glossary forbids; write «Shavkat Mirziyoyev»%0APresident Mirziev spoke."
    )
    assert lines[1] == (
        f"::warning file={RU},title=fuzzy (ru)::1 fuzzy entry not checked: not published "
        "until a translator clears the flag"
    )
    assert lines[2] == (
        f"::notice file={RU},line=7,title=numbers (ru)::«2020» is missing from the "
        "translation%0AThe summit opened on 10 November 2020."
    )
    assert lines[-2] == (
        f"::error file={ZH},line=7,title=zh-punctuation (zh)::ASCII «,» next to Chinese "
        "characters («幕,各»); use «，»%0AThe summit opened on 10 November 2020."
    )
    assert lines[-1] == (
        "1 error, 4 warnings, 3 info in 2 catalogs (6 entries checked, 1 fuzzy skipped)"
    )


def test_demoting_every_error_lets_the_run_pass(project: Path) -> None:
    configure(project, '\n[checks.severity]\nnumbers = "warning"\n'
              'source-misspelling = "warning"\n')
    code, out, _ = run("check", "--project", str(project))
    assert (code, out.splitlines()[-1]) == (
        0, "0 errors, 7 warnings, 1 info in 2 catalogs (6 entries checked, 1 fuzzy skipped)"
    )
    code, _, _ = run("check", "--project", str(project), "--fail-on", "warning")
    assert code == 1


def test_bad_checks_config_is_one_line_and_exit_2(project: Path) -> None:
    configure(project, '\n[checks]\nseverity = { "zh-punctation" = "error" }\n')
    assert run("check", "--project", str(project)) == (
        2, "", "error: i18n-kit.toml: checks.severity: 'zh-punctation' is not a check; "
        "did you mean 'zh-punctuation'?\n",
    )


def test_bad_fail_on_in_the_config_stops_sync_too(project: Path) -> None:
    configure(project, '\n[checks]\nfail_on = "warnings"\n')
    expected = ("error: i18n-kit.toml: checks.fail_on: 'warnings' is not error or warning; "
                "did you mean 'warning'?\n")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert run("check", "--project", str(project)) == (2, "", expected)
    assert run("sync", "--project", str(project)) == (2, "", expected)
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_fail_on_flag_takes_error_or_warning_only(project: Path) -> None:
    code, out, err = run("check", "--project", str(project), "--fail-on", "info")
    assert (code, out) == (2, "")
    assert "Invalid value for '--fail-on'" in err  # typer's usage error, as for --format


def test_sync_check_is_about_files_not_findings(project: Path) -> None:
    configure(project, WARNINGS_ONLY + 'fail_on = "warning"\n'
              'severity = { "zh-punctuation" = "error" }\n')
    assert run("sync", "--project", str(project))[0] == 0
    code, out, _ = run("sync", "--project", str(project), "--check")
    assert (code, out.endswith("; 0 files would change\n")) == (0, True)
    code, out, _ = run("check", "--project", str(project))
    assert code == 1
    assert out.splitlines()[-3:] == [
        "  16: error [zh-punctuation] ASCII «,» next to Chinese characters («幕,各»); use «，»",
        f"      {SUMMIT}",
        "1 error, 1 warning, 0 info in 2 catalogs (4 entries checked, 0 fuzzy skipped) and "
        "6 pages; failing on warnings",
    ]


MINISTERS = """\
---
title: Ministers meet
---

The ministers adopted the "Joint Communiqué".

The ministers adopted a joint communiqué and agreed to meet in Bishkek.

The meeting discussed transport connectivity.
"""

MINISTERS_PO = {
    "ru": ('Министры приняли "Совместное коммюнике".',
           "Министры приняли совместное коммюнике и договорились встретиться в Бишкеке.",
           "На встрече обсуждались вопросы транспортной взаимосвязанности."),
    "zh": ("外长们通过了《联合公报》。",
           "外长们通过了联合公报,并商定在比什凯克举行下次会议。",
           "会议讨论了交通connectivity问题。"),
}


def test_ci_can_gate_on_the_mistakes_that_are_warnings(tmp_path: Path) -> None:
    """Straight quotes in Russian, ASCII punctuation and an English word in Chinese: what
    a reader sees, but warnings, so the default gate passes and --fail-on warning does not."""
    (tmp_path / "i18n-kit.toml").write_text('[project]\nlocales = ["en", "ru", "zh"]\n',
                                            "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "ministers.md").write_text(MINISTERS, "utf-8")
    sources = [line for line in MINISTERS.splitlines()[4:] if line]
    for code, translations in MINISTERS_PO.items():
        folder = tmp_path / "locales" / code / "LC_MESSAGES" / "articles"
        folder.mkdir(parents=True)
        entries = "".join(
            f'\n#: content/ministers.md\nmsgid "{_po(source)}"\nmsgstr "{_po(target)}"\n'
            for source, target in zip(sources, translations, strict=True)
        )
        (folder / "ministers.po").write_text(
            f'msgid ""\nmsgstr ""\n"Language: {code}\\n"\n'
            f'"Content-Type: text/plain; charset=UTF-8\\n"\n{entries}', "utf-8")
    summary = "0 errors, 3 warnings, 0 info in 2 catalogs (6 entries checked, 0 fuzzy skipped)"
    code, out, _ = run("check", "--project", str(tmp_path))
    assert (code, out.splitlines()[-1]) == (0, summary)
    code, out, _ = run("check", "--project", str(tmp_path), "--fail-on", "warning")
    assert code == 1
    assert out.splitlines() == [
        "locales/ru/LC_MESSAGES/articles/ministers.po",
        "  7: warning [ru-quotes] straight quotes «\"» in a Russian translation; use «…» "
        "(and „…“ inside)",
        "      content/ministers.md: The ministers adopted the \"Joint Communiqué\".",
        "locales/zh/LC_MESSAGES/articles/ministers.po",
        "  11: warning [zh-punctuation] ASCII «,» next to Chinese characters («报,并»); "
        "use «，»",
        "      content/ministers.md: The ministers adopted a joint communiqué and agreed to "
        "meet in Bishkek.",
        "  15: warning [zh-latin] Latin words in the Chinese translation: «connectivity»",
        "      content/ministers.md: The meeting discussed transport connectivity.",
        f"{summary}; failing on warnings",
    ]


def _po(text: str) -> str:
    return text.replace('"', '\\"')


def _text_with(summary: str) -> str:
    """The text report of the fixture with WARNINGS_ONLY, ending with ``summary``."""
    return "\n".join([
        RU,
        "  info [fuzzy] 1 fuzzy entry not checked: not published until a translator clears "
        "the flag",
        "  17: warning [ignore-comment] «nmbers» is not a check; did you mean 'numbers'?",
        "      content/summit.md: The talks lasted two hours.",
        ZH,
        "  7: warning [final-punctuation] the source ends with a full stop; end the "
        "translation with «。»",
        f"      {SUMMIT}",
        "  7: warning [zh-punctuation] ASCII «,» next to Chinese characters («幕,各»); use «，»",
        f"      {SUMMIT}",
        summary,
    ]) + "\n"
