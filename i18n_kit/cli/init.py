"""i18n-kit init: a new content project, or a copy of the SCO newsroom example."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from i18n_kit.cli.common import error_boundary
from i18n_kit.project import create_project


def init_command(
    directory: Annotated[
        Path, typer.Argument(help="Folder for the new project (created if missing).")
    ] = Path("."),
    example: Annotated[
        bool, typer.Option("--example", help="Copy the SCO newsroom sample project.")
    ] = False,
) -> None:
    """Make a content project: i18n-kit.toml and content/ (with --example, the SCO sample).

    Exit codes: 0 made, 2 the folder already holds a project or cannot be written.
    """
    with error_boundary():
        config_path = create_project(directory, example=example)
    typer.echo(f"created {config_path}")
    typer.echo(f"next: i18n-kit sync --project {directory}")
