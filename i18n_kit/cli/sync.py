"""i18n-kit sync: sources -> templates, catalogs and pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from i18n_kit.cli.common import (
    FormatOption,
    OutputFormat,
    ProjectOption,
    WaitOption,
    error_boundary,
    print_sync_report,
    progress_bar,
    project_at,
    say_waiting,
)


def sync_command(
    project: ProjectOption = Path("."),
    check: Annotated[
        bool,
        typer.Option("--check", help="Change nothing; exit 1 if anything would change."),
    ] = False,
    no_mt: Annotated[
        bool, typer.Option("--no-mt", help="Do not ask the MT provider (offline runs).")
    ] = False,
    output: FormatOption = OutputFormat.TEXT,
    wait: WaitOption = 30.0,
) -> None:
    """Read articles, update POT/PO catalogs (keeping every translation) and build pages.

    Exit codes: 0 done (or up to date with --check), 1 with --check when something
    would change, 2 bad input or configuration, 3 another run holds the project (or a
    catalog kept being saved while sync wrote it): nothing changed, run again.
    """
    with error_boundary():
        kit = project_at(project)
        with progress_bar() as progress:
            report = kit.sync(check=check, mt=not no_mt, progress=progress, wait=wait,
                              waiting=say_waiting)
    print_sync_report(report, output, verb="written")
    if check and report.changes:
        raise typer.Exit(1)
