"""The typer app: one small module per command, composed here."""

from __future__ import annotations

import typer

from i18n_kit.cli import build, check, glossary, init, preview, stats, sync, tm, translate

app = typer.Typer(
    name="i18n-kit",
    help="Source articles -> sentence segments -> gettext PO catalogs -> localized pages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.command(name="init")(init.init_command)
app.command(name="sync")(sync.sync_command)
app.command(name="build")(build.build_command)
app.command(name="stats")(stats.stats_command)
app.command(name="check")(check.check_command)
app.command(name="preview")(preview.preview_command)
app.command(name="translate")(translate.translate_command)
app.add_typer(glossary.app, name="glossary")
app.add_typer(tm.app, name="tm")


def main() -> None:
    """Console-script entry point."""
    app()
