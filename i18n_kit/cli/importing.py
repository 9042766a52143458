"""i18n-kit import: captured pages (saved HTML or text) -> source articles in content/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from i18n_kit.cli.common import (
    FormatOption,
    OutputFormat,
    ProjectOption,
    error_boundary,
    open_project,
)
from i18n_kit.errors import SourceError

if TYPE_CHECKING:
    from i18n_kit.importing.translations import AlignedCatalog
from i18n_kit.importing import (
    IMPORT_SUFFIXES,
    ImportedArticle,
    LineRange,
    import_page,
    write_articles,
)


def import_command(
    pages: Annotated[
        list[Path],
        typer.Argument(
            metavar="PAGE",
            help="Saved pages: .html/.htm, or .txt saved from a browser; or a folder of"
            " them in several languages (translations are paired with their originals).",
        ),
    ],
    project: ProjectOption = Path("."),
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="The article's language (en, ru, zh); default: its script."),
    ] = None,
    slug: Annotated[
        str | None, typer.Option("--slug", help="Slug (file name) of the article; one page only.")
    ] = None,
    translation: Annotated[
        list[str] | None,
        typer.Option(
            "--translation",
            metavar="LOCALE=PAGE",
            help="A published translation of the page, aligned into the article's catalog"
            " for LOCALE; repeat for each language (one page only).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace content/<slug>.md when it exists.")
    ] = False,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Import captured pages as articles: content/<slug>.md, without the site's chrome.

    Prints, for each page, the line ranges kept and dropped and why, and for each
    translation how many of the article's sentences it filled.
    Exit codes: 0 written; 2 a page holds no article, cannot be read, its article
    exists already, or a translation is not one of the page (nothing is written then).
    """
    from i18n_kit.glossary.load import load_glossary
    from i18n_kit.importing.translations import align_translation, pair_pages

    with error_boundary():
        config = open_project(project)
        folders = [page for page in pages if page.is_dir()]
        files = [page for page in pages if not page.is_dir()]
        for folder in folders:
            files.extend(
                sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMPORT_SUFFIXES)
            )
        if slug is not None and len(files) != 1:
            raise SourceError("--slug names one article; import one page at a time with it")
        if translation and len(files) != 1:
            raise SourceError(
                "--translation goes with one page; import one page at a time with it"
            )
        wanted = [_translation_option(item, config.locales) for item in translation or ()]
        paths = {str(page): page for page in files}
        imported = [
            import_page(page, origin=str(page), lang=lang, slug=slug) for page in files
        ]
        glossary = None
        if wanted or folders:
            glossary = load_glossary(project_dir=config.root, folder=config.glossary_dir)
        unpaired: list[tuple[ImportedArticle, str]] = []
        plans: list[tuple[ImportedArticle, list[tuple[str, str, Path]]]] = []
        if folders:
            pairing = pair_pages(
                imported, source_lang=config.source_language, paths=paths, glossary=glossary
            )
            unpaired = list(pairing.unpaired)
            for article, found in pairing.pairs:
                locales = [
                    (_locale_of(other.lang, config.locales), other.origin, paths[other.origin])
                    for other in found
                ]
                plans.append((article, locales))
        else:
            plans = [(article, []) for article in imported]
            if wanted:
                plans[0][1].extend((code, str(file), file) for code, file in wanted)
        articles = [article for article, _targets in plans]
        aligned: dict[str, list[AlignedCatalog]] = {}
        for article, targets in plans:
            aligned[article.origin] = [
                align_translation(
                    article, file, origin=origin, locale=code, config=config, glossary=glossary
                )
                for code, origin, file in targets
            ]
        written = write_articles(
            articles,
            root=config.root,
            content_dir=config.content_dir,
            force=force,
            extra=[(c.path, c.data) for done in aligned.values() for c in done],
        )
    if output is OutputFormat.JSON:
        typer.echo(
            json.dumps(
                [
                    _as_json(article, path)
                    | (
                        {"translations": [_aligned_json(c) for c in aligned[article.origin]]}
                        if aligned[article.origin]
                        else {}
                    )
                    for article, path in zip(articles, written, strict=True)
                ]
                + [{"page": page.origin, "lang": page.lang, "not_paired": why}
                   for page, why in unpaired],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for article, path in zip(articles, written, strict=True):
        typer.echo(
            f"imported {article.origin} as {path} ({article.lang}):"
            f" kept {_count(article.kept, article.unit)},"
            f" dropped {_count(article.dropped, article.unit)}"
        )
        for part in article.ranges:
            why = part.reason
            if part.count > 1:
                why += f" ({_count(part.count, article.unit)})"
            typer.echo(f"  {_span(part):<9} {'kept' if part.kept else 'dropped':<8} {why}")
        for done in aligned[article.origin]:
            typer.echo(
                f"  aligned {done.origin} ({done.locale}) into {done.path}:"
                f" {done.published} of {_count(done.segments, 'segment')} published,"
                f" {done.fuzzy} fuzzy to review"
                + (f", {done.kept} kept as they were" if done.kept else "")
                + f"; {_count(done.unpaired, 'sentence')} of the translation unpaired"
            )
    for page, why in unpaired:
        typer.echo(f"not paired: {page.origin} ({page.lang}, {page.title!r}): {why}")


def _translation_option(value: str, locales: tuple[str, ...]) -> tuple[str, Path]:
    code, sep, page = value.partition("=")
    if not sep or not code or not page:
        raise SourceError(f"--translation {value!r}: write it as LOCALE=PAGE, e.g. ru=ru.html")
    if code not in locales:
        raise SourceError(
            f"--translation {value!r}: {code!r} is not one of the project's locales"
            f" ({', '.join(locales)})"
        )
    return code, Path(page)


def _locale_of(lang: str, locales: tuple[str, ...]) -> str:
    """The project's locale for a page's language (``zh`` -> ``zh_CN`` when that is the
    project's only Chinese locale)."""
    if lang in locales:
        return lang
    same = [code for code in locales if code.split("_")[0].split("-")[0] == lang]
    if len(same) != 1:
        raise SourceError(
            f"the project has no locale for {lang} pages (locales: {', '.join(locales)})"
        )
    return same[0]


def _aligned_json(done: AlignedCatalog) -> dict[str, object]:
    return {
        "page": done.origin,
        "locale": done.locale,
        "path": done.path,
        "segments": done.segments,
        "published": done.published,
        "fuzzy": done.fuzzy,
        "kept": done.kept,
        "unpaired": done.unpaired,
    }


def _span(part: LineRange) -> str:
    return str(part.first) if part.first == part.last else f"{part.first}-{part.last}"


def _count(count: int, unit: str) -> str:
    return f"{count} {unit}{'s' if count != 1 else ''}"


def _date_text(article: ImportedArticle) -> str | None:
    if article.date is None:
        return None
    if isinstance(article.date, dt.datetime):
        return article.date.strftime("%Y-%m-%d %H:%M")
    return article.date.isoformat()


def _as_json(article: ImportedArticle, path: str) -> dict[str, object]:
    return {
        "page": article.origin,
        "path": path,
        "slug": article.slug,
        "lang": article.lang,
        "title": article.title,
        "date": _date_text(article),
        "source_url": article.url,
        "unit": article.unit,
        "kept": article.kept,
        "dropped": article.dropped,
        "ranges": [
            {
                "first": part.first,
                "last": part.last,
                "count": part.count,
                "kept": part.kept,
                "reason": part.reason,
            }
            for part in article.ranges
        ],
    }
