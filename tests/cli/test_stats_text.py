"""i18n-kit stats as text: the exact table, laid out by i18n-kit for a plain console (fast
at 10,000 catalogs) and by rich otherwise; both print the same characters."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table

from i18n_kit.cli.stats import _HEADER, _WIDTH, _plain_table
from tests.cli.conftest import run

TABLE = """\
┏━━━━━━━━┳━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━┳━━━┳━━━━━━━━━┓
┃ locale ┃ article ┃ total ┃ translated ┃ fuzzy ┃ untranslated ┃ % ┃ routes  ┃
┡━━━━━━━━╇━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━╇━━━╇━━━━━━━━━┩
│ en     │ forum   │ 3     │ 0          │ 0     │ 3            │ 0 │ human:3 │
│ ru     │ summit  │ 5     │ 0          │ 0     │ 5            │ 0 │ human:5 │
│ zh     │ forum   │ 3     │ 0          │ 0     │ 3            │ 0 │ human:3 │
│ zh     │ summit  │ 5     │ 0          │ 0     │ 5            │ 0 │ human:5 │
│ en     │ (all)   │ 3     │ 0          │ 0     │ 3            │ 0 │ human:3 │
│ ru     │ (all)   │ 5     │ 0          │ 0     │ 5            │ 0 │ human:5 │
│ zh     │ (all)   │ 8     │ 0          │ 0     │ 8            │ 0 │ human:8 │
└────────┴─────────┴───────┴────────────┴───────┴──────────────┴───┴─────────┘
"""


def test_stats_prints_the_table(project: Path) -> None:
    run("sync", "--project", str(project))
    result = run("stats", "--project", str(project))
    assert (result.exit_code, result.stdout) == (0, TABLE)


def _rich(rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    table = Table(*_HEADER)
    for row in rows:
        table.add_row(*row)
    Console(file=out, width=_WIDTH, color_system=None).print(table)
    return out.getvalue()


ROW = ("ru", "press-release-00001", "21", "7", "12", "2", "33", "human:2 tm:7 tm-fuzzy:12")


@pytest.mark.parametrize("rows", [
    [],
    [ROW],
    [ROW, ("zh", "шос-саммит-2024", "1", "1", "0", "0", "100", "")],
    [("zh", "上海合作组织峰会", "120", "100", "0", "20", "83", "aligned:100 human:20")],
    [("ru", "a" * 89, "1", "0", "0", "1", "0", "human:1")],  # 160 columns: fits exactly
], ids=["empty", "one", "cyrillic", "wide-cjk", "full-width"])
def test_plain_layout_is_richs(rows: list[tuple[str, ...]]) -> None:
    assert _plain_table(rows) == _rich(rows)


@pytest.mark.parametrize("row", [
    ("ru", "a" * 90, "1", "0", "0", "1", "0", "human:1"),  # wider than the console: wrapped
    ("ru", "[bold]x[/bold]", "1", "0", "0", "1", "0", "human:1"),  # console markup
    ("ru", "x:smile:", "1", "0", "0", "1", "0", "human:1"),  # an emoji code
    ("ru", "tab\there", "1", "0", "0", "1", "0", "human:1"),
], ids=["too-wide", "markup", "emoji", "tab"])
def test_what_rich_would_change_is_left_to_rich(row: tuple[str, ...]) -> None:
    assert _plain_table([row]) is None
    assert _rich([row]) != _plain_layout_if_padded([row])


def _plain_layout_if_padded(rows: Sequence[Sequence[str]]) -> str:
    """What padding the cells alone would print (so the cases above really differ)."""
    widths = [max(len(r[i]) for r in [_HEADER, *rows]) for i in range(len(_HEADER))]
    return "".join("│ " + " │ ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
                   + " │\n" for r in rows)
