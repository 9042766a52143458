"""i18n-kit check: QA checks over catalogs and built pages, as text, JSON or CI annotations."""

from __future__ import annotations

import enum
import json
from itertools import groupby
from pathlib import Path
from typing import Annotated

import typer

from i18n_kit.checks import CheckReport, Finding, Severity
from i18n_kit.cli.common import ProjectOption, error_boundary, project_at

_MSGID_WIDTH = 72
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class CheckFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class FailOn(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


def check_command(
    project: ProjectOption = Path("."),
    output: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="Report format: text, json or github "
                     "(workflow annotations).", case_sensitive=False),
    ] = CheckFormat.TEXT,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 on findings this bad or worse: error or "
                     "warning.", case_sensitive=False,
                     show_default="[checks] fail_on, else error"),
    ] = None,
) -> None:
    """Check every catalog (and, after a build, every page): numbers, markup, links,
    punctuation, typography, untranslated text, glossary terms. See docs/checks.md.

    Exit codes: 0 nothing at or above --fail-on (default: errors), 1 some finding is,
    2 bad input or configuration.
    """
    with error_boundary():
        kit = project_at(project)
        config = kit.config
        report = kit.check()
    threshold = Severity(fail_on) if fail_on is not None else config.checks_fail_on
    if output is CheckFormat.JSON:
        typer.echo(json.dumps([finding_as_dict(f) for f in report.findings],
                              ensure_ascii=False, indent=2))
    else:
        for line in (format_github(report, fail_on=threshold) if output is CheckFormat.GITHUB
                     else format_text(report, fail_on=threshold)):
            typer.echo(line)
    if report.fails(threshold):
        raise typer.Exit(1)


def finding_as_dict(finding: Finding) -> dict[str, object]:
    """One finding as a JSON object."""
    return {
        "check": finding.check,
        "severity": str(finding.severity),
        "file": finding.file,
        "line": finding.line,
        "locale": finding.locale,
        "msgid": finding.msgid,
        "message": finding.message,
        "reference": finding.reference,
    }


def format_text(report: CheckReport, *, fail_on: Severity = Severity.ERROR) -> list[str]:
    """Findings grouped by file, each with its line, severity, check and entry."""
    lines: list[str] = []
    for file, findings in groupby(report.findings, key=lambda f: f.file):
        lines.append(file)
        for finding in findings:
            where = f"{finding.line}: " if finding.line is not None else ""
            lines.append(f"  {where}{finding.severity} [{finding.check}] {finding.message}")
            if finding.msgid:
                source = " ".join(finding.msgid.split())
                if len(source) > _MSGID_WIDTH:
                    source = source[: _MSGID_WIDTH - 1] + "…"
                reference = f"{finding.reference}: " if finding.reference and (
                    finding.reference != finding.file) else ""
                lines.append(f"      {reference}{source}")
    lines.append(summarise(report, fail_on=fail_on))
    return lines


def summarise(report: CheckReport, *, fail_on: Severity = Severity.ERROR) -> str:
    """One line: counts per severity and what was checked (and, when warnings fail the
    run, that they do: the job's command line may not say so)."""
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    pages = f" and {plural(report.pages, 'page')}" if report.pages else ""
    return (
        f"{plural(report.count(Severity.ERROR), 'error')}, "
        f"{plural(report.count(Severity.WARNING), 'warning')}, "
        f"{report.count(Severity.INFO)} info in {plural(report.catalogs, 'catalog')} "
        f"({plural(report.entries, 'entry').replace('entrys', 'entries')} checked, "
        f"{report.fuzzy} fuzzy skipped){pages}"
        f"{'; failing on warnings' if fail_on is Severity.WARNING else ''}"
    )


def format_github(report: CheckReport, *, fail_on: Severity = Severity.ERROR) -> list[str]:
    """GitHub Actions workflow commands: one annotation per finding, then the summary."""
    lines = []
    for finding in report.findings:
        properties = f"file={_escape_property(finding.file)}"
        if finding.line is not None:
            properties += f",line={finding.line}"
        properties += f",title={_escape_property(f'{finding.check} ({finding.locale})')}"
        message = finding.message
        if finding.msgid:
            message += "\n" + " ".join(finding.msgid.split())
        lines.append(f"::{_GITHUB_LEVEL[finding.severity]} {properties}::{_escape_data(message)}")
    lines.append(summarise(report, fail_on=fail_on))
    return lines


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
