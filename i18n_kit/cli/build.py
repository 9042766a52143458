"""i18n-kit build: localized pages from the current catalogs (catalogs untouched)."""

from __future__ import annotations

from pathlib import Path

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


def build_command(
    project: ProjectOption = Path("."),
    output: FormatOption = OutputFormat.TEXT,
    wait: WaitOption = 30.0,
) -> None:
    """Build site/<locale>/<slug>.html and the news index (index.html, index-2.html, ...).

    Exit codes: 0 done, 2 bad input or configuration, 3 another run holds the project.
    """
    with error_boundary():
        kit = project_at(project)
        with progress_bar() as progress:
            report = kit.build(progress=progress, wait=wait, waiting=say_waiting)
    print_sync_report(report, output, verb="written")
