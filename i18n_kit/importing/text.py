"""Captured plain text (a page saved from a browser as text) -> page lines.

Every non-empty line is one `PageLine`; its number is its line in the file. A line that
starts with a list marker (``•``, ``—``, ``-``, ``*``, ``• —``, or a number of one to
three digits with ``.`` or ``)``, then a space) is a list item, as `sources.text` reads
it, so the imported Markdown keeps the list.
"""

from __future__ import annotations

import re

from i18n_kit.importing.lines import PageLine
from i18n_kit.model import BlockKind
from i18n_kit.sources.frontmatter import prepare_text

_MARKER = re.compile(r"(•[ \u00a0]+—|[•—*-]|\d{1,3}[.)])[ \u00a0]+(?=\S)")
_EDGE = " \t\f\v\u00a0"


def read_text_lines(text: str) -> list[PageLine]:
    """The non-empty lines of a captured page, list markers recognised.

    >>> [(l.line, l.kind.value, l.marker, l.text) for l in read_text_lines("A\\n\\n  • — b;\\n")]
    [(1, 'paragraph', '', 'A'), (3, 'list-item', '• —', 'b;')]
    """
    lines: list[PageLine] = []
    for number, raw in enumerate(prepare_text(text).split("\n"), 1):
        line = raw.strip(_EDGE)
        if not line:
            continue
        marker, rest = split_marker(line)
        kind = BlockKind.LIST_ITEM if marker else BlockKind.PARAGRAPH
        lines.append(PageLine(text=rest, line=number, kind=kind, marker=marker))
    return lines


def split_marker(text: str) -> tuple[str, str]:
    """A list item's marker (spaces made one plain space) and its text; ("", text) for a
    line that is no list item.

    >>> split_marker("1.\u00a0To agree."), split_marker("2021. A year.")
    (('1.', 'To agree.'), ('', '2021. A year.'))
    """
    match = _MARKER.match(text)
    if match is None:
        return "", text
    return re.sub(r"[ \u00a0]+", " ", match.group(1)), text[match.end() :].strip(_EDGE)
