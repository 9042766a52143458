"""i18n-kit import: captured pages (saved HTML or text) -> source articles in content/."""

from __future__ import annotations

import datetime as dt
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
)
from i18n_kit.errors import SourceError
from i18n_kit.importing import ImportedArticle, LineRange, import_page, write_articles


def import_command(
    pages: Annotated[
        list[Path],
        typer.Argument(
            metavar="PAGE", help="Saved pages: .html/.htm, or .txt saved from a browser."
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
    force: Annotated[
        bool, typer.Option("--force", help="Replace content/<slug>.md when it exists.")
    ] = False,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Import captured pages as articles: content/<slug>.md, without the site's chrome.

    Prints, for each page, the line ranges kept and dropped and why.
    Exit codes: 0 written; 2 a page holds no article, cannot be read, or its article
    exists already (nothing is written then).
    """
    with error_boundary():
        config = open_project(project)
        if slug is not None and len(pages) > 1:
            raise SourceError("--slug names one article; import one page at a time with it")
        articles = [
            import_page(page, origin=str(page), lang=lang, slug=slug) for page in pages
        ]
        written = write_articles(
            articles, root=config.root, content_dir=config.content_dir, force=force
        )
    if output is OutputFormat.JSON:
        typer.echo(
            json.dumps(
                [_as_json(article, path) for article, path in zip(articles, written, strict=True)],
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
