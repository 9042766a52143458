"""i18n-kit tm …: the translation memory (import, export, look up, statistics)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from i18n_kit.cli.common import (
    FormatOption,
    OutputFormat,
    ProjectOption,
    error_boundary,
    open_project,
    project_at,
)
from i18n_kit.errors import ConfigError, MemoryStoreError, SourceError
from i18n_kit.files import read_bytes_if_exists, write_file_atomic
from i18n_kit.project import Project
from i18n_kit.translation.tmx import parse_tmx, write_tmx

if TYPE_CHECKING:
    from i18n_kit.align.units import AlignedUnit
    from i18n_kit.config import ProjectConfig

app = typer.Typer(help="The translation memory: import, export, align, look up, statistics.",
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
        _write_and_index(config, target, data, origin=origin, given=file,
                         rename="rename the file to import it")
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


@app.command("align")
def align_command(
    source: Annotated[
        Path, typer.Argument(help="The original: plain text, Markdown or a captured .html page.")
    ],
    translation: Annotated[Path, typer.Argument(help="Its translation, in any of those forms.")],
    from_lang: Annotated[
        str | None, typer.Option("--from", help="The original's language; default: its script.")
    ] = None,
    to_lang: Annotated[
        str | None, typer.Option("--to", help="The translation's language; default: its script.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the TMX here, not to stdout.")
    ] = None,
    add: Annotated[
        bool,
        typer.Option("--add", help="Also put the confident units into the project's memory."),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Align a text with its translation, sentence by sentence, into TMX 1.4.

    One <tu> per link, with its confidence (0-1) as <prop type="x-confidence">.
    Exit codes: 0; 2 when a text is empty, in another language than given, or not a
    translation of the other (nothing is written then).
    """
    from i18n_kit.align import MIN_AGREEMENT, PUBLISH_CONFIDENCE, align_paragraphs
    from i18n_kit.align.texts import read_align_text
    from i18n_kit.align.units import aligned_units, write_aligned_tmx
    from i18n_kit.glossary.load import load_glossary

    with error_boundary():
        config = None
        try:
            config = open_project(project)
        except ConfigError:
            if add:
                raise
        left = read_align_text(source, origin=str(source), lang=from_lang)
        right = read_align_text(translation, origin=str(translation), lang=to_lang)
        if left.lang == right.lang:
            raise SourceError(
                f"is in the same language as {source} ({left.lang}); give a translation,"
                " or --from/--to if the script misleads",
                path=str(translation),
            )
        glossary = load_glossary(
            project_dir=config.root if config else None,
            folder=config.glossary_dir if config else None,
        )
        alignment = align_paragraphs(
            left.paragraphs, right.paragraphs, source_lang=left.lang,
            target_lang=right.lang, glossary=glossary,
        )
        if alignment.agreement < MIN_AGREEMENT:
            raise SourceError(
                f"is not a translation of {source}: only {alignment.agreement:.0%} of the"
                f" sentences pair up with something in common (at least"
                f" {MIN_AGREEMENT:.0%} expected)",
                path=str(translation),
            )
        units = aligned_units(alignment)
        text = write_aligned_tmx(
            units, source_lang=left.lang, target_lang=right.lang,
            origin=f"aligned from {source.name} and {translation.name}",
        )
        confident = [unit for unit in units if unit.confidence >= PUBLISH_CONFIDENCE]
        added = None
        if add and config is not None:
            added = _add_aligned(config, source, left.lang, right.lang, confident)
        if output is not None:
            write_file_atomic(output, text.encode("utf-8"))
    unpaired = sum(1 for link in alignment.links if not (link.source and link.target))
    kinds: dict[str, int] = {}
    for unit in units:
        kinds[unit.kind] = kinds.get(unit.kind, 0) + 1
    shown = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items(),
                                                                   key=lambda kv: -kv[1]))
    summary = (
        f"aligned {source} ({left.lang}, {_count(left.sentences, 'sentence')}) with"
        f" {translation} ({right.lang}, {_count(right.sentences, 'sentence')}):"
        f" {_count(len(units), 'unit')} ({shown}),"
        f" {_count(unpaired, 'sentence')} unpaired;"
        f" {len(confident)} at confidence >= {PUBLISH_CONFIDENCE},"
        f" {len(units) - len(confident)} to review"
    )
    if added is not None:
        summary += f"; {_count(len(confident), 'unit')} added to the memory as {added}"
    if output is None:
        typer.echo(text, nl=False)
        typer.echo(summary, err=True)
    else:
        typer.echo(f"{summary}; written to {output}")


def _add_aligned(
    config: ProjectConfig, source: Path, source_lang: str, target_lang: str,
    units: Sequence[AlignedUnit],
) -> str:
    """Write the units to tm/aligned-<source>-<lang>.tmx and index it; its project path.

    The repository is the truth: the memory indexes the file, like any TMX in tm/.
    """
    from i18n_kit.align.units import write_aligned_tmx

    target = (config.tm_dir or config.root / "tm") / (
        f"aligned-{source.stem}-{target_lang}.tmx"
    )
    origin = config.relative(target)
    if not units:
        raise SourceError(
            f"no link is confident enough to add to the memory; nothing written to {origin}",
            path=str(source),
        )
    data = write_aligned_tmx(
        units, source_lang=source_lang, target_lang=target_lang,
        origin=f"aligned from {source.name}",
    ).encode("utf-8")
    _write_and_index(config, target, data, origin=origin, given=source,
                     rename=f"rename {source} to add it")
    return origin


def _write_and_index(config: ProjectConfig, target: Path, data: bytes, *, origin: str,
                     given: Path, rename: str) -> None:
    """Put ``data`` in tm/ as ``target`` and index it (the repository is the truth).
    A file of that name with other content is refused; an unreachable [tm] url, or any
    failure to index, leaves nothing behind."""
    existing = read_bytes_if_exists(target)
    if existing is not None and existing != data:
        raise MemoryStoreError(
            f"{origin} already exists with other content; {rename}",
            path=str(given),
        )
    folder_existed = target.parent.is_dir()
    write_file_atomic(target, data, origin=origin)
    try:
        memory = Project(config).open_memory()
    except BaseException:
        if existing is None:
            target.unlink(missing_ok=True)
            if not folder_existed:
                with contextlib.suppress(OSError):
                    target.parent.rmdir()
        raise
    memory.close()


def _count(number: int, noun: str) -> str:
    """'1 unit', '2 units' (the CLI speaks English; the site chrome is what is localized)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
