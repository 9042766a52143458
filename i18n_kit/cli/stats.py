"""i18n-kit stats: per locale and article, how much is translated."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from i18n_kit.catalogs.counts import CatalogCounts
from i18n_kit.cli.common import (
    FormatOption,
    OutputFormat,
    ProjectOption,
    error_boundary,
    project_at,
)


def stats_command(
    project: ProjectOption = Path("."), output: FormatOption = OutputFormat.TEXT
) -> None:
    """Entries per locale and article: total, translated, fuzzy, untranslated.

    Exit codes: 0, or 2 on a malformed catalog or configuration.
    """
    with error_boundary():
        counts = project_at(project).stats()
    if output is OutputFormat.JSON:
        typer.echo(json.dumps([_as_dict(c) for c in counts], ensure_ascii=False, indent=2))
        return
    table = Table(
        "locale", "article", "total", "translated", "fuzzy", "untranslated", "%", "routes"
    )
    for c in counts:
        table.add_row(
            c.locale_code, c.article, str(c.total), str(c.translated), str(c.fuzzy),
            str(c.untranslated), f"{c.percent:.0f}", _routes(c.routes),
        )
    for code, total in _totals(counts).items():
        table.add_row(
            code, "(all)", str(total.total), str(total.translated), str(total.fuzzy),
            str(total.untranslated), f"{total.percent:.0f}", _routes(total.routes),
            style="bold",
        )
    Console(width=160).print(table)


def _as_dict(counts: CatalogCounts) -> dict[str, object]:
    return {
        "locale": counts.locale_code,
        "article": counts.article,
        "path": counts.path,
        "total": counts.total,
        "translated": counts.translated,
        "fuzzy": counts.fuzzy,
        "untranslated": counts.untranslated,
        "routes": dict(counts.routes),
    }


def _routes(routes: Mapping[str, int]) -> str:
    return " ".join(f"{route}:{count}" for route, count in sorted(routes.items()))


def _totals(counts: list[CatalogCounts]) -> dict[str, CatalogCounts]:
    totals: dict[str, CatalogCounts] = {}
    for c in counts:
        t = totals.get(c.locale_code)
        totals[c.locale_code] = c if t is None else CatalogCounts(
            locale_code=c.locale_code, article="(all)", path="",
            total=t.total + c.total, translated=t.translated + c.translated,
            fuzzy=t.fuzzy + c.fuzzy, untranslated=t.untranslated + c.untranslated,
            routes={r: t.routes.get(r, 0) + c.routes.get(r, 0)
                    for r in {*t.routes, *c.routes}},
        )
    return totals
