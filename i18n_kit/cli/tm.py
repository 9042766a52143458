"""i18n-kit tm …: the translation memory (import, export, look up, statistics)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Annotated

import typer

from i18n_kit.cli.common import (
    FormatOption,
    OutputFormat,
    ProjectOption,
    error_boundary,
    open_project,
    project_at,
)
from i18n_kit.errors import MemoryStoreError
from i18n_kit.files import read_bytes_if_exists, write_file_atomic
from i18n_kit.project import Project
from i18n_kit.translation.tmx import parse_tmx, write_tmx

app = typer.Typer(help="The translation memory: import, export, look up, statistics.",
                  no_args_is_help=True)


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A TMX 1.4 file.", dir_okay=False)],
    project: ProjectOption = Path("."),
) -> None:
    """Copy a TMX file into the project's tm/ folder (the repository is the truth) and
    index it. Exit codes: 0, or 2 when the file is not a usable TMX (nothing copied)."""
    with error_boundary():
        config = open_project(project)
        target = (config.tm_dir or config.root / "tm") / file.name
        origin = config.relative(target)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise MemoryStoreError(f"cannot read: {exc.strerror}", path=str(file)) from exc
        units = parse_tmx(data, origin=str(file), locales=config.locales)
        existing = read_bytes_if_exists(target)
        if existing is not None and existing != data:
            raise MemoryStoreError(
                f"{origin} already exists with other content; rename the file to import it",
                path=str(file),
            )
        folder_existed = target.parent.is_dir()
        write_file_atomic(target, data, origin=origin)
        try:
            memory = Project(config).open_memory()
        except BaseException:
            # An unreachable [tm] url (or any failure to index) imports nothing.
            if existing is None:
                target.unlink(missing_ok=True)
                if not folder_existed:
                    with contextlib.suppress(OSError):
                        target.parent.rmdir()
            raise
        memory.close()
    typer.echo(f"imported {_count(len(units), 'unit')} from {file} as {origin}")


@app.command("export")
def export_command(
    project: ProjectOption = Path("."),
    output_format: Annotated[
        str, typer.Option("--format", help="Only tmx.", case_sensitive=False)
    ] = "tmx",
    source_lang: Annotated[
        str | None, typer.Option("--source-lang", help="Default: the project's.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Every approved translation from the given source language as TMX 1.4b."""
    with error_boundary():
        if output_format.lower() != "tmx":
            raise MemoryStoreError(f"--format: {output_format!r} is not supported; use tmx")
        config = open_project(project)
        source = source_lang or config.source_language
        memory = Project(config).open_memory()
        try:
            text = write_tmx(memory.export_units(source_lang=source), source_lang=source)
        finally:
            memory.close()
        if output is not None:
            write_file_atomic(output, text.encode("utf-8"))
            return
    typer.echo(text, nl=False)


@app.command("lookup")
def lookup_command(
    text: Annotated[str, typer.Argument(help="A source sentence.")],
    locale: Annotated[str, typer.Option("--locale", "-l", help="Target locale.")],
    project: ProjectOption = Path("."),
    source_lang: Annotated[
        str | None, typer.Option("--source-lang", help="Default: the project's.")
    ] = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """The exact match and the best fuzzy matches (score 0-100) for one sentence."""
    with error_boundary():
        config = open_project(project)
        source = source_lang or config.source_language
        memory = Project(config).open_memory()
        try:
            exact = memory.lookup_exact(text, source_lang=source, target_lang=locale)
            fuzzy = memory.lookup_fuzzy(
                text, source_lang=source, target_lang=locale, threshold=config.tm_threshold
            )
        finally:
            memory.close()
    matches = ([exact] if exact is not None else []) + [
        m for m in fuzzy if exact is None or m.source_text != exact.source_text
    ]
    if output is OutputFormat.JSON:
        typer.echo(json.dumps([
            {"score": round(m.score, 1), "source": m.source_text, "target": m.target_text,
             "origin": m.origin, "numbers_differ": m.numbers_differ}
            for m in matches
        ], ensure_ascii=False, indent=2))
        return
    if not matches:
        typer.echo(f"no match >= {config.tm_threshold:.0f}%")
    for m in matches:
        flag = " (numbers differ)" if m.numbers_differ else ""
        typer.echo(f"{m.score:5.1f}%  {m.origin}{flag}\n  {m.source_text}\n  {m.target_text}")


@app.command("stats")
def stats_command(project: ProjectOption = Path("."), output: FormatOption = OutputFormat.TEXT
                  ) -> None:
    """Units per language pair and files indexed."""
    with error_boundary():
        memory = project_at(project).open_memory()
        try:
            stats = memory.stats()
        finally:
            memory.close()
    pairs = {f"{src}-{tgt}": count for (src, tgt), count in sorted(stats.units.items())}
    if output is OutputFormat.JSON:
        typer.echo(json.dumps({"units": pairs, "files": dict(stats.files)}, indent=2))
        return
    for pair, count in pairs.items():
        typer.echo(f"{pair}: {_count(count, 'unit')}")
    files = sorted(stats.files.items())
    typer.echo(", ".join(_count(count, f"{kind} file") for kind, count in files))


def _count(number: int, noun: str) -> str:
    """'1 unit', '2 units' (the CLI speaks English; the site chrome is what is localized)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
