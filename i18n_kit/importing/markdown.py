"""An imported article as Markdown with front matter, and its slug.

The text of a captured page is plain: every character is meant literally. Written as
Markdown, a character that Markdown would read as markup is escaped with a backslash
(``*``, `` ` ``, ``[``, ``<`` before a tag, ``&`` of an entity, ``_`` at a word's edge,
and ``#``, ``>``, ``-``, ``+`` or ``2021.`` at the start of a line), so the article reads
back as exactly the text that was kept. `render_article` checks that it does, with the
same reader `sync` uses.

List items become Markdown list items: bullets of any kind (``•``, ``—``, ``• —``, ``*``)
become ``-``, numbered items keep their number.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import PurePosixPath

import yaml

from i18n_kit.errors import SourceError
from i18n_kit.importing.lines import PageLine
from i18n_kit.model import BlockKind
from i18n_kit.sources.markdown import parse_markdown, visible_text

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_CLOSING_HASHES = re.compile(r"(?:(?<=[ \t])|^)#+(?=[ \t]*$)")
_LINE_START = re.compile(r"(#{1,6}(?=[ \t]|$)|[>+=-]|\d{1,9}(?=[.)]))")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_NUMBERED = re.compile(r"\d{1,9}[.)]")
_MAX_SLUG = 60
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
) | {"ъ": "", "ь": ""}


def escape_markdown(text: str) -> str:
    """``text`` with every character Markdown would read as markup escaped.

    >>> escape_markdown("2021. A *new* plan for <b> & R&amp;D, see [1].")
    '2021\\\\. A \\\\*new\\\\* plan for \\\\<b> & R\\\\&amp;D, see \\\\[1].'
    """
    out: list[str] = []
    for index, char in enumerate(text):
        if char in "\\`*[":
            out.append("\\" + char)
        elif char == "_":
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        elif char == "<" and _TAG_START.match(text, index):
            out.append("\\<")
        elif char == "&" and _ENTITY.match(text, index):
            out.append("\\&")
        else:
            out.append(char)
    return escape_line_start("".join(out))


def escape_line_start(text: str) -> str:
    """``text`` (inline Markdown) with a backslash before what would make its line a
    heading, a quotation, a list item or a table rule (``#``, ``>``, ``-``, ``2021.``).

    >>> print(escape_line_start("2021. A year"), escape_line_start("- not a list"))
    2021\\. A year \\- not a list
    """
    start = _LINE_START.match(text)
    if start is None:
        return text
    if start.group(1)[0].isdigit():
        cut = start.end()
        return text[:cut] + "\\" + text[cut:]
    return "\\" + text


def render_article(
    *,
    title: str,
    date: dt.date | dt.datetime | None,
    slug: str,
    lang: str,
    url: str | None,
    body: Sequence[PageLine],
    origin: str,
) -> str:
    """The article as Markdown: front matter, then one block per kept line.

    >>> print(render_article(title="Summit ends", date=dt.date(2020, 11, 18), slug="summit",
    ...     lang="en", url=None, origin="page.txt", body=[PageLine(text="Leaders met.", line=3),
    ...     PageLine(text="trade;", line=4, kind=BlockKind.LIST_ITEM, marker="•")]), end="")
    ---
    title: Summit ends
    date: 2020-11-18
    slug: summit
    lang: en
    ---
    <BLANKLINE>
    Leaders met.
    <BLANKLINE>
    - trade;
    """
    header = [("title", title)]
    if date is not None:
        header.append(("date", _format_date(date)))
    header += [("slug", slug), ("lang", lang)]
    if url:
        header.append(("source_url", url))
    lines = ["---", *(f"{key}: {_yaml_scalar(value)}" for key, value in header), "---"]
    previous: PageLine | None = None
    for line in body:
        same_list = (
            previous is not None
            and previous.kind is line.kind
            and line.kind in (BlockKind.LIST_ITEM, BlockKind.QUOTE)
            and _is_numbered(previous.marker) == _is_numbered(line.marker)
        )
        if not same_list:
            lines.append("")
        elif line.kind is BlockKind.QUOTE:
            lines.append(">")  # the next paragraph of the same quotation
        lines.append(_block(line))
        previous = line
    markdown = "\n".join(lines) + "\n"
    _check_round_trip(markdown, title=title, body=body, origin=origin)
    return markdown


def _block(line: PageLine) -> str:
    text = escape_line_start(line.markdown) if line.markdown else escape_markdown(line.text)
    if line.kind is BlockKind.LIST_ITEM:
        marker = line.marker if _is_numbered(line.marker) else "-"
        return f"{marker} {text}"
    if line.kind is BlockKind.QUOTE:
        return f"> {text}"
    if line.kind is BlockKind.HEADING:
        # A run of # at the end, after a space, would close the heading: keep it as text.
        return f"## {_CLOSING_HASHES.sub(lambda m: chr(92) + m.group(), text)}"
    return text


def _is_numbered(marker: str) -> bool:
    return _NUMBERED.fullmatch(marker) is not None


def _check_round_trip(markdown: str, *, title: str, body: Sequence[PageLine], origin: str) -> None:
    """Read the Markdown back as `sync` will; every kept line must come back as written."""
    article = parse_markdown(markdown, origin=origin, default_lang="en")
    if article.title != title:
        raise SourceError(f"the title {title!r} does not survive as front matter", path=origin)
    blocks = article.blocks[1:]
    for line, block in zip(body, blocks, strict=False):
        if visible_text(block.text) != line.text or block.kind is not line.kind:
            raise SourceError(
                f"line {line.line} does not survive as Markdown ({line.text[:40]!r});"
                " please report this",
                path=origin,
            )
    if len(blocks) != len(body):
        raise SourceError("the article's blocks do not survive as Markdown", path=origin)


def _format_date(date: dt.date | dt.datetime) -> str:
    if isinstance(date, dt.datetime):
        return date.strftime("%Y-%m-%d %H:%M")
    return date.isoformat()


def _yaml_scalar(value: str) -> str:
    # Plain when the front matter reader (which takes values as written) reads back the
    # same text; else a double-quoted string (JSON's escapes are YAML's).
    try:
        node = yaml.compose(f"k: {value}", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    plain = (
        isinstance(node, yaml.MappingNode)
        and len(node.value) == 1
        and isinstance(node.value[0][1], yaml.ScalarNode)
        and node.value[0][1].style is None
        and node.value[0][1].tag != "tag:yaml.org,2002:null"
        and node.value[0][1].value == value
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def make_slug(*, title: str, url: str | None, stem: str, date: dt.date | None) -> str:
    """A slug for the article: from its title (Russian transliterated), else the last
    part of its address, else the file's name, else its date.

    >>> make_slug(title="В Душанбе обсудили сотрудничество", url=None, stem="x", date=None)
    'v-dushanbe-obsudili-sotrudnichestvo'
    >>> make_slug(title="上合组织论坛", url="https://a.cn/news/content_1001.htm", stem="x",
    ...           date=None)
    'content_1001'
    """
    from_title = _slug_words(title)
    if from_title:
        return from_title
    if url:
        last = PurePosixPath(url.split("?", 1)[0].split("#", 1)[0].rstrip("/")).stem
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", last) and re.search("[A-Za-z]", last):
            return last.lower()
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", stem) and ".." not in stem:
        return stem
    return f"article-{date.isoformat()}" if date else "article"


def _slug_words(title: str) -> str:
    bare = title.lower().replace("'", "").replace("’", "")
    text = "".join(_CYRILLIC.get(char, char) for char in bare)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text.replace("-", " "))
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > _MAX_SLUG:
            break
        slug = longer
    # A title with only a few Latin letters in it (a Chinese title with "SCO") is no name.
    letters = sum(char.isalpha() for char in title)
    return slug if letters and len(re.sub("[^a-z]", "", slug)) * 2 >= letters else ""
