"""Front matter and the article header (title, date, slug, lang, summary, meta) for every reader.

Every reader collects header keys as `HeaderValue`s -- from front matter, from HTML
``<meta>``/``<h1>``/``<time>``, or from a captured page's first lines -- and hands them with
its body blocks to `build_article`, so validation and messages are the same for every
format. Front matter values are read as the text written in the file (``comments: 3``
gives ``"3"``, ``draft: yes`` gives ``"yes"``): YAML's type guessing never changes a value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

from i18n_kit.errors import SourceError
from i18n_kit.model import SOURCE_LANGUAGES, Article, Block, BlockKind, Markup

#: Header keys with a meaning of their own; every other key goes to ``Article.meta``.
HEADER_KEYS: tuple[str, ...] = ("title", "date", "slug", "lang", "summary")

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Slugs that would overwrite a file every sync writes (site/<locale>/index.html).
RESERVED_SLUGS = frozenset({"index"})
#: A slug names files (<slug>.html, <slug>.pot): 255 bytes at most, less the suffix.
MAX_SLUG_LENGTH = 250
#: The longest paragraph, heading, list item or table cell read (code blocks included).
MAX_BLOCK_CHARS = 20_000
_FENCE = re.compile(r"---[ \t]*")
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
)
_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})( \d{1,2}:\d{2})?")
_NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderValue:
    """One header key's value as text, with the file line it came from."""

    text: str
    line: int
    markup: Markup = Markup.PLAIN  # title/summary taken from HTML markup are inline Markdown
    source: str = "front matter"  # where it was written, for "given twice" messages


@dataclass(frozen=True, slots=True, kw_only=True)
class FrontMatter:
    """The keys of a file's front matter and where the body after it starts."""

    values: Mapping[str, HeaderValue]
    body: str  # the text after the closing '---'
    body_offset: int  # lines before the body (the front matter and its fences)


def prepare_text(text: str) -> str:
    """Drop a byte-order mark and turn CRLF/CR line ends into LF, so line numbers agree.

    >>> prepare_text("\\ufefftitle\\r\\nbody\\r")
    'title\\nbody\\n'
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, *, origin: str) -> FrontMatter | None:
    """Split YAML front matter (between '---' lines at the very top) from the body.

    Returns None when the text has no front matter. ``text`` must have LF line ends
    (see `prepare_text`).

    >>> fm = split_front_matter("---\\ntitle: Hi\\n---\\nBody\\n", origin="a.md")
    >>> fm.values["title"].text, fm.values["title"].line, fm.body, fm.body_offset
    ('Hi', 2, 'Body\\n', 3)
    """
    lines = text.split("\n")
    if not _FENCE.fullmatch(lines[0]):
        return None
    for index in range(1, len(lines)):
        if _FENCE.fullmatch(lines[index]):
            break
    else:
        raise SourceError(
            "front matter opened by '---' is not closed; add a line '---' after its last key",
            path=origin,
            line=1,
        )
    yaml_text = "\n".join(lines[1:index])
    values = _parse_yaml_mapping(yaml_text, origin=origin, first_line=2)
    return FrontMatter(values=values, body="\n".join(lines[index + 1 :]), body_offset=index + 1)


def _parse_yaml_mapping(yaml_text: str, *, origin: str, first_line: int) -> dict[str, HeaderValue]:
    # The YAML reader refuses these with a two-line message that names the file's first
    # line: say which character, and where.
    control = _CONTROL.search(yaml_text)
    if control is not None:
        start = yaml_text.rfind("\n", 0, control.start()) + 1
        raise SourceError(
            f"front matter holds the control character U+{ord(control.group()):04X} at column"
            f" {control.start() - start + 1}; remove it",
            path=origin,
            line=first_line + yaml_text.count("\n", 0, control.start()),
        )
    # compose() rather than safe_load(): nodes keep their lines and their text as written,
    # and no constructor can fail (or guess a type) on a value like 2020-02-30.
    try:
        root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line - 1
        problem = exc.problem or exc.context or "syntax error"
        raise SourceError(
            f"front matter is not valid YAML: {problem}; put values containing ': ' or"
            " ' #' in quotes",
            path=origin,
            line=line,
        ) from exc
    except yaml.YAMLError as exc:
        raise SourceError(
            f"front matter is not valid YAML: {' '.join(str(exc).split())}; fix the YAML"
            " between the '---' lines",
            path=origin,
            line=first_line - 1,
        ) from exc
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise SourceError(
            f"front matter must be 'key: value' lines, got {_node_kind(root)};"
            " write e.g. 'title: ...' on its own line",
            path=origin,
            line=first_line + root.start_mark.line,
        )
    values: dict[str, HeaderValue] = {}
    for key_node, value_node in root.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode):
            raise SourceError(
                f"front matter key must be a name, got {_node_kind(key_node)}; write 'name: value'",
                path=origin,
                line=line,
            )
        key = str(key_node.value)
        if key in values:
            raise SourceError(
                f"front matter key '{key}' appears twice (first on line {values[key].line});"
                " keep one",
                path=origin,
                line=line,
            )
        if not isinstance(value_node, yaml.ScalarNode):
            raise SourceError(
                f"front matter key '{key}' has {_node_kind(value_node)} as its value;"
                " write a single value (text, number or date)",
                path=origin,
                line=line,
            )
        text = "" if value_node.tag == _NULL_TAG else str(value_node.value)
        values[key] = HeaderValue(text=text, line=line)
    return values


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return f"'{node.value}'"


def build_article(
    *,
    origin: str,
    values: Mapping[str, HeaderValue],
    body: Sequence[Block],
    default_lang: str,
    title_hint: str,
    header_line: int | None = None,
) -> Article:
    """Validate the header values and put the title and summary blocks before the body.

    ``title_hint`` ends the "no title" message with the fix for the reader's format, and
    ``header_line`` is the line that message points at (None: the file as a whole).

    >>> article = build_article(
    ...     origin="content/a.md", values={"title": HeaderValue(text="Hi", line=2)},
    ...     body=[Block(kind=BlockKind.PARAGRAPH, text="Text.", line=5)],
    ...     default_lang="en", title_hint="add 'title: ...'")
    >>> article.slug, article.lang, article.title
    ('a', 'en', 'Hi')
    """
    title = values.get("title")
    if title is None:
        raise SourceError(f"article has no title; {title_hint}", path=origin, line=header_line)
    if not title.text.strip():
        raise SourceError(
            "the title is empty; write the article's title after 'title:'",
            path=origin,
            line=title.line,
        )
    lang = _check_lang(values.get("lang"), default_lang=default_lang, origin=origin)
    slug = _check_slug(values.get("slug"), origin=origin)
    date_value = values.get("date")
    date = None
    if date_value is not None and date_value.text.strip():
        date = parse_iso_date(date_value.text.strip(), origin=origin, line=date_value.line)
    if not body:
        raise SourceError(
            "article has no text; write at least one paragraph below the title", path=origin
        )
    for block in (title, values.get("summary"), *body):
        if block is not None and len(block.text) > MAX_BLOCK_CHARS:
            raise SourceError(
                f"a block of {len(block.text):,} characters; a paragraph, heading or cell may"
                f" have at most {MAX_BLOCK_CHARS:,} (a translator works on sentences): split it",
                path=origin,
                line=block.line,
            )
    header = [_header_block(BlockKind.TITLE, title)]
    summary = values.get("summary")
    if summary is not None and summary.text.strip():
        header.append(_header_block(BlockKind.SUMMARY, summary))
    meta = {key: value.text for key, value in values.items() if key not in HEADER_KEYS}
    return Article(
        slug=slug,
        lang=lang,
        path=origin,
        date=date,
        meta=meta,
        blocks=(*header, *body),
        slug_line=_slug_line(values.get("slug")),
    )


def _slug_line(value: HeaderValue | None) -> int | None:
    return value.line if value is not None and value.text.strip() else None


def _header_block(kind: BlockKind, value: HeaderValue) -> Block:
    return Block(kind=kind, text=value.text.strip(), markup=value.markup, line=value.line)


def _check_lang(value: HeaderValue | None, *, default_lang: str, origin: str) -> str:
    if value is None or not value.text.strip():
        code, line = default_lang, None
    else:
        code, line = value.text.strip(), value.line
    if code in SOURCE_LANGUAGES:
        return code
    message = f"unknown lang {_quote(code)}; expected one of {', '.join(SOURCE_LANGUAGES)}"
    primary = re.split(r"[-_]", code, maxsplit=1)[0].lower()
    if primary != code and primary in SOURCE_LANGUAGES:
        message += f"; did you mean '{primary}'?"
    raise SourceError(message, path=origin, line=line)


def _check_slug(value: HeaderValue | None, *, origin: str) -> str:
    if value is not None and value.text.strip():
        slug, line, fix = value.text.strip(), value.line, ""
    else:
        slug, line = PurePosixPath(origin).stem, None
        fix = " (taken from the file name); rename the file or set 'slug:' in the front matter"
    if ".." in slug and _SLUG.fullmatch(slug):
        raise SourceError(
            f"slug {_quote(slug)} must not contain '..'{fix or '; use single dots'}",
            path=origin,
            line=line,
        )
    if not _SLUG.fullmatch(slug):
        if slug and _SLUG.fullmatch("a" + slug[1:]):
            problem = "must start with a letter or a digit"
        else:
            problem = "may contain only letters, digits, '.', '_' and '-'"
        raise SourceError(f"slug {_quote(slug)} {problem}{fix}", path=origin, line=line)
    if slug.casefold() in RESERVED_SLUGS:
        raise SourceError(
            f"slug {_quote(slug)} is the name of a page i18n-kit makes (the site's index)"
            f"{fix or '; choose another slug'}",
            path=origin,
            line=line,
        )
    if len(slug) > MAX_SLUG_LENGTH:
        raise SourceError(
            f"slug of {len(slug)} characters; at most {MAX_SLUG_LENGTH} fit in a file name"
            f" with '.html' or '.pot' after them{fix or '; shorten it'}",
            path=origin,
            line=line,
        )
    return slug


def parse_iso_date(text: str, *, origin: str, line: int | None) -> dt.date | dt.datetime:
    """Read ``YYYY-MM-DD`` as a date and ``YYYY-MM-DD HH:MM[:SS][zone]`` as a datetime.

    >>> parse_iso_date("2020-11-18 17:07", origin="a.md", line=3)
    datetime.datetime(2020, 11, 18, 17, 7)
    """
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
        if _ISO_DATETIME.fullmatch(text):
            return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise SourceError(
            f"date {_quote(text)} does not exist ({exc}); check the day and the month",
            path=origin,
            line=line,
        ) from None
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first is not None:
        day, month, year, time = day_first.groups()
        iso = f"{year}-{int(month):02d}-{int(day):02d}{time or ''}"
        fix = f"write it year first, as '{iso}'"
    else:
        fix = "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM"
    raise SourceError(f"date {_quote(text)} is not a date; {fix}", path=origin, line=line)


def _quote(value: str) -> str:
    # Messages are one line: show control characters escaped, the rest as written.
    shown = "".join(char if char.isprintable() else repr(char)[1:-1] for char in value)
    return f"'{shown}'"
