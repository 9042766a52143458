"""i18n-kit glossary …: import, export, look up and match terms."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from i18n_kit.cli.common import (
    FormatOption,
    OutputFormat,
    ProjectOption,
    error_boundary,
    open_project,
)
from i18n_kit.config import ProjectConfig
from i18n_kit.errors import GlossaryError
from i18n_kit.files import write_file_atomic
from i18n_kit.glossary.check import find_near_misses
from i18n_kit.glossary.csvfile import write_csv
from i18n_kit.glossary.load import GLOSSARY_SUFFIXES, load_glossary, read_glossary
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import GLOSSARY_LANGUAGES, Entry, Glossary, TermHit
from i18n_kit.glossary.registers import register_pairs
from i18n_kit.glossary.tbx import write_tbx
from i18n_kit.sources import decode_utf8

app = typer.Typer(help="The terminology glossary: import, export, look up, match.",
                  no_args_is_help=True)

LangOption = Annotated[
    str | None, typer.Option("--lang", help="en, ru or zh (default: the project's source).")
]


def _load(config: ProjectConfig) -> Glossary:
    return load_glossary(project_dir=config.root, folder=config.glossary_dir)


def _folder(config: ProjectConfig) -> Path:
    return config.glossary_dir or config.root / "glossary"


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A glossary in TBX or CSV.", dir_okay=False)],
    project: ProjectOption = Path("."),
) -> None:
    """Add a TBX or CSV glossary to the project (stored as CSV in glossary/, extending or
    overriding the shipped SCO glossary). Exit 2, nothing imported, on any bad row."""
    with error_boundary():
        config = open_project(project)
        imported = read_glossary(file)
        folder = _folder(config)
        target = folder / f"{file.stem}.csv"
        data = write_csv(imported).encode("utf-8")
        _check_merged(config, folder, target, data)
        write_file_atomic(target, data)
    typer.echo(f"imported {len(imported)} entries from {file} as {config.relative(target)}")


def _check_merged(config: ProjectConfig, folder: Path, target: Path, data: bytes) -> None:
    """Load the glossary as it would be after the import, from a scratch copy of the
    project's glossary folder: a clash then leaves the project's files untouched (not even
    rewritten, nor an empty folder left behind)."""
    try:
        relative = folder.relative_to(config.root)
    except ValueError:
        relative = Path(folder.name)
    with tempfile.TemporaryDirectory(prefix="i18n-kit-glossary-") as scratch:
        root = Path(scratch)
        copy = root / relative
        copy.mkdir(parents=True)
        if folder.is_dir():
            for path in folder.iterdir():
                if path.suffix in GLOSSARY_SUFFIXES and path.is_file() and path != target:
                    shutil.copyfile(path, copy / path.name)
        (copy / target.name).write_bytes(data)
        # Paths in errors are shown relative to the project, so they read the same here.
        load_glossary(project_dir=root, folder=copy)


@app.command("export")
def export_command(
    project: ProjectOption = Path("."),
    output_format: Annotated[str, typer.Option("--format", help="tbx or csv.")] = "tbx",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """The project's glossary (shipped terms with the project's laid over them)."""
    with error_boundary():
        kind = output_format.lower()
        if kind not in ("tbx", "csv"):
            raise GlossaryError(f"--format: {output_format!r} is not supported; use tbx or csv")
        glossary = _load(open_project(project))
        text = write_tbx(glossary) if kind == "tbx" else write_csv(glossary)
        if output is not None:
            write_file_atomic(output, text.encode("utf-8"))
            return
    typer.echo(text, nl=False)


def _entry_dict(entry: Entry) -> dict[str, object]:
    preferred = {lang: (t.text if (t := entry.preferred(lang)) else None)
                 for lang in GLOSSARY_LANGUAGES}
    return {"id": entry.id, **preferred}


@app.command("lookup")
def lookup_command(
    text: Annotated[str, typer.Argument(help="A term in any language, in any form.")],
    project: ProjectOption = Path("."),
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Entries whose terms match TEXT (inflected forms too), or contain it."""
    with error_boundary():
        glossary = _load(open_project(project))
        index = TermIndex(glossary)
        found: dict[str, Entry] = {}
        for lang in GLOSSARY_LANGUAGES:
            for hit in index.match_terms(text, lang):
                found.setdefault(hit.entry.id, hit.entry)
        needle = text.casefold()
        for entry in glossary:
            if any(needle in term.text.casefold() for term in entry.terms):
                found.setdefault(entry.id, entry)
    if output is OutputFormat.JSON:
        rows = [{**_entry_dict(e), "category": str(e.category), "note": e.note,
                 "terms": [{"text": t.text, "lang": t.lang, "status": str(t.status),
                            "register": str(t.register)} for t in e.terms],
                 "pairs": {str(register): {lang: t and t.text for lang, t in row.items()}
                           for register, row in register_pairs(e).items()}}
                for e in found.values()]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(f"no entry matches {text!r}")
    for entry in found.values():
        typer.echo(f"{entry.id} ({entry.category})")
        for term in entry.terms:
            typer.echo(f"  {term.lang} {term.status:<10} {term.register:<5} {term.text}")
        # What the term route writes for a name of each register: one form per language.
        typer.echo("  pairs:")
        for register, row in register_pairs(entry).items():
            forms = " = ".join(f"{lang} {t.text if t else '—'}" for lang, t in row.items())
            typer.echo(f"    {register:<5} {forms}")
        if entry.note:
            typer.echo(f"  note: {entry.note}")


def _hit_dict(hit: TermHit) -> dict[str, object]:
    return {
        "start": hit.start,
        "end": hit.end,
        "text": hit.text,
        "kind": str(hit.kind),
        "term": _entry_dict(hit.entry),
        "suggestion": hit.suggestion,
    }


@app.command("match")
def match_command(
    file: Annotated[Path, typer.Argument(help="A UTF-8 text or article file.", dir_okay=False)],
    project: ProjectOption = Path("."),
    lang: LangOption = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Every glossary term, flagged form and near-missed name in FILE, with offsets
    (characters from the start of the file)."""
    with error_boundary():
        config = open_project(project)
        language = lang or config.source_language
        if language not in GLOSSARY_LANGUAGES:
            raise GlossaryError(f"--lang: {language!r} is not one of en, ru, zh")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise GlossaryError(f"cannot read: {exc.strerror}", path=str(file)) from exc
        text = decode_utf8(data, origin=str(file))
        index = TermIndex(_load(config))
        hits = index.match_terms(text, language)
        hits = sorted(hits + find_near_misses(text, language, index, hits=hits),
                      key=lambda hit: (hit.start, hit.end))
    if output is OutputFormat.JSON:
        typer.echo(json.dumps([_hit_dict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    for hit in hits:
        suggestion = f" -> {hit.suggestion}" if hit.suggestion else ""
        typer.echo(f"{hit.start}-{hit.end} {hit.kind:<9} {hit.text}{suggestion}  [{hit.entry.id}]")
