"""What every command shares: --project, the error boundary, progress bars, formats."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from i18n_kit.config import ProjectConfig, find_config, load_config
from i18n_kit.errors import BusyError, I18nKitError
from i18n_kit.lock import LockHolder
from i18n_kit.project import Project
from i18n_kit.project import open_project as api_open_project
from i18n_kit.sync import SyncReport

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

#: exit code of a run refused because another holds the project (or kept saving a
#: catalog it was writing); nothing was changed by it: run it again
EXIT_BUSY = 3

WaitOption = Annotated[
    float,
    typer.Option(
        "--wait",
        help="Seconds to wait for another i18n-kit run on the project to finish before "
        "giving up (exit 3).",
        min=0,
    ),
]

ProjectOption = Annotated[
    Path,
    typer.Option(
        "--project",
        "-p",
        help="Content project folder (holding i18n-kit.toml).",
        file_okay=False,
        show_default="current folder",
    ),
]


class OutputFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Report format.", case_sensitive=False)
]


@contextmanager
def error_boundary() -> Iterator[None]:
    """Turn the library's errors into one line on stderr and exit code 2."""
    try:
        yield
    except BusyError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_BUSY) from None
    except I18nKitError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def say_waiting(holder: LockHolder | None) -> None:
    """Told once when a run has to wait for another to release the project."""
    who = holder.describe() if holder is not None else "another i18n-kit process"
    typer.echo(f"waiting: the project is in use by {who}", err=True)


def open_project(project: Path) -> ProjectConfig:
    return load_config(find_config(project))


def project_at(project: Path) -> Project:
    """The public API's handle on the project in ``project`` (i18n_kit.open_project)."""
    return api_open_project(project)


@contextmanager
def progress_bar() -> Iterator[ProgressCallback]:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield ProgressCallback(None)
        return
    # only for a terminal: a CI log has no bar, and does not pay for importing it
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        yield ProgressCallback(bar)


class ProgressCallback:
    """Adapts pipeline progress(stage, done, total) to rich tasks."""

    def __init__(self, bar: Progress | None) -> None:
        self._bar = bar
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._bar is None:
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)


def print_sync_report(report: SyncReport, output: OutputFormat, *, verb: str) -> None:
    if output is OutputFormat.JSON:
        typer.echo(
            json.dumps(
                {
                    "articles": report.articles,
                    "parsed": report.parsed,
                    "segments": report.segments,
                    "checked": report.checked,
                    "warnings": list(report.warnings),
                    "changes": [
                        {"path": change.path, "change": str(change.kind)}
                        for change in report.changes
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    prefix = "would " if report.checked else ""
    for change in report.changes:
        typer.echo(f"{prefix}{change.kind} {change.path}")
    files = len(report.changes)
    summary = (
        f"{report.articles} articles ({report.parsed} read, {report.segments} segments); "
        f"{files} file{'s' if files != 1 else ''} {'would change' if report.checked else verb}"
    )
    typer.echo(summary)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
