"""i18n-kit stats: per locale and article, how much is translated."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import typer
from rich.cells import cell_len
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
    rows = [
        (c.locale_code, c.article, str(c.total), str(c.translated), str(c.fuzzy),
         str(c.untranslated), f"{c.percent:.0f}", _routes(c.routes))
        for c in counts
    ]
    totals = [
        (code, "(all)", str(total.total), str(total.translated), str(total.fuzzy),
         str(total.untranslated), f"{total.percent:.0f}", _routes(total.routes))
        for code, total in _totals(counts).items()
    ]
    console = Console(width=_WIDTH)
    plain = _plain_table(rows + totals) if _is_plain(console) else None
    if plain is not None:
        console.file.write(plain)
        console.file.flush()
        return
    table = Table(*_HEADER)
    for row in rows:
        table.add_row(*row)
    for row in totals:
        table.add_row(*row, style="bold")
    console.print(table)


_HEADER = ("locale", "article", "total", "translated", "fuzzy", "untranslated", "%", "routes")
_WIDTH = 160
#: what rich would read as console markup or an emoji code in a cell
_RICH_SYNTAX = re.compile(r"\[|:\S*?:")


def _is_plain(console: Console) -> bool:
    """Whether rich would print the table without styles and with the heavy-head box of
    Unicode lines (no colours, a UTF console, not a legacy Windows one)."""
    return (console.color_system is None and not console.legacy_windows
            and console.encoding.lower().startswith("utf"))


def _plain_table(rows: Sequence[Sequence[str]]) -> str | None:
    """The text rich's ``Table`` prints on a console without styles, laid out here in
    linear time (rich's layout of 2,000 rows took most of a second); None when rich
    would do more than pad cells (markup, emoji codes, unprintable characters, or a
    table wider than the console that it would wrap), so the caller lets rich do it.
    tests/cli/test_stats_text.py holds both to the same output."""
    cells = [_HEADER, *rows]
    widths = [0] * len(_HEADER)
    sizes: list[list[int]] = []  # each cell's width in columns
    for row in cells:
        size = []
        for i, cell in enumerate(row):
            if not cell.isprintable() or _RICH_SYNTAX.search(cell):
                return None
            width = len(cell) if cell.isascii() else cell_len(cell)
            size.append(width)
            if width > widths[i]:
                widths[i] = width
        sizes.append(size)
    if sum(widths) + 3 * len(widths) + 1 > _WIDTH:
        return None

    def line(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (w + 2) for w in widths) + right + "\n"

    def row_line(row: Sequence[str], size: list[int], edge: str) -> str:
        return (edge + " " + f" {edge} ".join(
            cell + " " * (w - n) for cell, n, w in zip(row, size, widths, strict=True))
            + " " + edge + "\n")

    out = [line("┏", "━", "┳", "┓"), row_line(_HEADER, sizes[0], "┃"),
           line("┡", "━", "╇", "┩")]
    out.extend(row_line(row, size, "│") for row, size in zip(rows, sizes[1:], strict=True))
    out.append(line("└", "─", "┴", "┘"))
    return "".join(out)


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
