"""Plain-text articles (captured pages: one paragraph or list item a line) -> Article.

Captured text is not hard-wrapped, so every non-empty line is its own block, with
``Markup.PLAIN`` (every character literal). The header is either YAML front matter or,
without it, the page's own first lines: the first non-empty line is the title, and the
next non-empty line is the date when it is one (``18.11.2020``, ``18.11.2020 17:07`` or
``2020-11-18``, ``2020-11-18 17:07``).

A line is a list item when, after leading spaces, it starts with one of the markers
``•``, ``—``, ``-``, ``*``, ``• —`` or a number of one to three digits with ``.`` or
``)``, followed by a space (or a no-break space, as captured pages have it). The marker
is stored in ``Block.marker`` (``• —`` with one plain space) and left out of the text.
List lines belong to one group until a paragraph line or a switch between bulleted and
numbered items; blank lines between list lines do not end the list, since captured pages
put them at random. Numbers of four digits are not markers ("2021. A year..." is a
sentence, not item 2021). Leading and trailing spaces and tabs of a line are dropped;
no-break spaces are kept, the segmenter decides about them.
"""

from __future__ import annotations

import datetime as dt
import re

from i18n_kit.errors import SourceError
from i18n_kit.model import Article, Block, BlockKind, Markup
from i18n_kit.sources.frontmatter import (
    HeaderValue,
    build_article,
    prepare_text,
    split_front_matter,
)

_TITLE_HINT = "write the title on the first line, or add front matter with 'title: ...'"
_MARKER = re.compile(r"(•[ \u00a0]+—|[•—*-]|(\d{1,3})[.)])[ \u00a0]+(?=\S)")
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ \u00a0]+(\d{1,2}):(\d{2}))?")
_YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?")
_EDGE_SPACE = " \t\f\v"


def parse_text(text: str, *, origin: str, default_lang: str) -> Article:
    """Read a plain-text article: a captured page or text with YAML front matter.

    >>> article = parse_text("Summit ends\\n18.11.2020 17:07\\n\\nLeaders met.\\n• — Trade;\\n",
    ...                      origin="content/summit.txt", default_lang="en")
    >>> article.date
    datetime.datetime(2020, 11, 18, 17, 7)
    >>> [(b.kind.value, b.marker, b.text) for b in article.blocks[1:]]
    [('paragraph', '', 'Leaders met.'), ('list-item', '• —', 'Trade;')]
    """
    text = prepare_text(text)
    front = split_front_matter(text, origin=origin)
    lines = text.split("\n")
    offset = 0
    values: dict[str, HeaderValue] = {}
    if front is not None:
        values = dict(front.values)
        offset = front.body_offset
    else:
        offset = _read_page_header(lines, values, origin=origin)
    blocks = _read_lines(lines, offset)
    return build_article(
        origin=origin, values=values, body=blocks, default_lang=default_lang, title_hint=_TITLE_HINT
    )


def _read_page_header(lines: list[str], values: dict[str, HeaderValue], *, origin: str) -> int:
    """Take the title (and the date line after it) from a captured page; return lines used."""
    content = [index for index, line in enumerate(lines) if line.strip()]
    if not content:
        return len(lines)
    title_index = content[0]
    values["title"] = HeaderValue(text=lines[title_index].strip(), line=title_index + 1)
    if len(content) < 2:
        return title_index + 1
    date_index = content[1]
    date = _read_date_line(lines[date_index].strip(), origin=origin, line=date_index + 1)
    if date is None:
        return title_index + 1
    values["date"] = HeaderValue(
        text=date.isoformat(sep=" ") if isinstance(date, dt.datetime) else date.isoformat(),
        line=date_index + 1,
    )
    return date_index + 1


def _read_date_line(text: str, *, origin: str, line: int) -> dt.date | dt.datetime | None:
    match = _DMY.fullmatch(text)
    if match is not None:
        day, month, year, hour, minute = match.groups()
    else:
        match = _YMD.fullmatch(text)
        if match is None:
            return None
        year, month, day, hour, minute = match.groups()
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute))
    except ValueError as exc:
        raise SourceError(
            f"date '{text}' under the title does not exist ({exc}); check the day and the month",
            path=origin,
            line=line,
        ) from None


def _read_lines(lines: list[str], offset: int) -> list[Block]:
    blocks: list[Block] = []
    groups = 0
    group = 0
    numbered = False
    for index in range(offset, len(lines)):
        line = lines[index].strip(_EDGE_SPACE)
        if not line.strip():
            continue
        match = _MARKER.match(line)
        if match is None:
            group = 0
            blocks.append(
                Block(kind=BlockKind.PARAGRAPH, text=line, markup=Markup.PLAIN, line=index + 1)
            )
            continue
        is_numbered = match.group(2) is not None
        if group == 0 or is_numbered != numbered:
            groups += 1
            group = groups
        numbered = is_numbered
        marker = re.sub(r"[ \u00a0]+", " ", match.group(1))
        blocks.append(
            Block(
                kind=BlockKind.LIST_ITEM,
                text=line[match.end() :],
                markup=Markup.PLAIN,
                marker=marker,
                group=group,
                line=index + 1,
            )
        )
    return blocks
