"""i18n-kit translate: machine-translate every mt-routed entry of every article."""

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
from i18n_kit.errors import ConfigError


def translate_command(
    project: ProjectOption = Path("."),
    output: FormatOption = OutputFormat.TEXT,
    wait: WaitOption = 30.0,
) -> None:
    """Send every untranslated entry routed to `mt` to the provider in [mt]; results are
    written fuzzy, never over a translation. Catalogs and pages are updated as by sync.

    Exit codes: 0 done, 2 bad input, configuration, or no [mt] provider, 3 another run
    holds the project.
    """
    with error_boundary():
        kit = project_at(project)
        if kit.config.mt is None:
            raise ConfigError(
                "no [mt] table: add one with provider = \"libre\" "
                "(see docs/machine-translation.md)",
                path="i18n-kit.toml",
            )
        with progress_bar() as progress:
            report = kit.translate(progress=progress, wait=wait, waiting=say_waiting)
    print_sync_report(report, output, verb="written")
