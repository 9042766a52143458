"""Markdown articles (front matter + CommonMark with tables) -> Article.

markdown-it-py finds the block structure; each block's text is the raw inline source
of its inline token, so ``**bold**``, ``[text](url "title")``, `` `code` ``, ``![alt](src)``,
entities and hard-wrapped lines (``\\n``) stay exactly as written. Two exceptions come
from CommonMark itself: continuation lines of list items and quotations lose the
indentation / ``>`` that belongs to the container, and ``\\|`` in a table cell is read
as ``|``.

How the structure maps onto blocks:

- ``group``: each top-level list, table or block quotation gets the next number;
  everything inside it (nested lists, code, further paragraphs) shares that number.
- a list item's first paragraph is a LIST_ITEM carrying the marker as written
  (``-``, ``*``, ``+``, ``1.``, ``007)``); a further paragraph of the same item is a
  LIST_ITEM with ``marker=""`` (it continues the item above). An item that starts with
  something other than a paragraph (or is empty) gets an empty, untranslatable
  LIST_ITEM so its marker is not lost. ``level`` is the list nesting depth (0 = top).
- paragraphs in a block quotation are QUOTE blocks; ``level`` is the quotation
  nesting depth (0 = not nested).
- table cells: ``row`` 0 is the header row (``header=True``), body rows count from 1;
  ``info`` holds the column alignment (``left``/``center``/``right``) when one is set.
- a paragraph that is only an image keeps kind PARAGRAPH and puts the image URL in
  ``info``; its alt text is translated through the Markdown.
- code blocks are CODE (``info`` = the fence's info string), raw HTML blocks are HTML;
  both are copied, never translated, without their final newline. Inside a list, they
  (like every block there) carry the list's nesting depth in ``level``.
- an indented code block (four spaces or a tab) that reads as prose (``unseen``) is text:
  each run of its lines between blank lines is a block of the kind a paragraph would be
  there, ``Markup.PLAIN`` (every character literal, as it was in the code block). Such a
  block, an indented block kept as code, and a raw HTML block with visible text each give
  the article a warning (``Article.warnings``).

Link reference definitions (``[id]: https://...``) are refused: a block's text is
rendered on its own, where ``[text][id]`` would no longer find its target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18n_kit.errors import SourceError
from i18n_kit.model import Article, Block, BlockKind, Markup, SourceWarning
from i18n_kit.sources.frontmatter import (
    HeaderValue,
    build_article,
    prepare_text,
    split_front_matter,
)
from i18n_kit.sources.unseen import (
    INDENTED_CODE,
    INDENTED_TEXT,
    RAW_HTML,
    excerpt,
    looks_like_prose,
    visible_html_text,
)

_TITLE_HINT = "add 'title: ...' to the front matter between '---' lines at the top of the file"


def parse_markdown(text: str, *, origin: str, default_lang: str) -> Article:
    """Read a Markdown article with YAML front matter.

    >>> article = parse_markdown("---\\ntitle: Summit\\n---\\n\\n- **One**\\n",
    ...                          origin="content/summit.md", default_lang="en")
    >>> [(b.kind.value, b.text, b.marker, b.line) for b in article.blocks]
    [('title', 'Summit', '', 2), ('list-item', '**One**', '-', 5)]
    """
    text = prepare_text(text)
    front = split_front_matter(text, origin=origin)
    values: dict[str, HeaderValue] = {}
    body, offset = text, 0
    if front is not None:
        values = dict(front.values)
        body, offset = front.body, front.body_offset
    walker = _read_blocks(body, origin=origin, offset=offset)
    article = build_article(
        origin=origin,
        values=values,
        body=walker.blocks,
        default_lang=default_lang,
        title_hint=_TITLE_HINT,
        header_line=1,
    )
    return replace(article, warnings=tuple(walker.warnings)) if walker.warnings else article


def visible_text(text: str) -> str:
    """What a reader sees of one block's inline Markdown: the text without its markup.

    >>> visible_text(r"**Bold** \\*not\\* [link](https://x.org) `a*b` ![alt](a.png)")
    'Bold *not* link a*b alt'
    """
    parts: list[str] = []
    for token in _parser().parseInline(text):
        _collect_text(token.children or [], parts)
    return "".join(parts)


def _collect_text(tokens: Sequence[Token], parts: list[str]) -> None:
    for token in tokens:
        if token.type in ("text", "code_inline", "html_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.type == "image":
            _collect_text(token.children or [], parts)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


@dataclass(slots=True)
class _Container:
    """An open list, list item, quotation or table while walking the token stream."""

    kind: str  # "list", "item", "quote", "table", "row"
    marker: str = ""  # items: marker not yet given to a block ("" once used)
    header: bool = False  # table: inside <thead>
    rows: int = 0  # table: rows seen; row: its index
    columns: int = 0  # row: cells seen
    line: int = 0  # items: the line of the marker


@dataclass(slots=True)
class _Walker:
    origin: str
    offset: int
    blocks: list[Block] = field(default_factory=list)
    warnings: list[SourceWarning] = field(default_factory=list)
    stack: list[_Container] = field(default_factory=list)
    groups: int = 0
    group: int = 0

    def line_of(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + 1 + self.offset

    def depth(self, kind: str) -> int:
        return sum(1 for container in self.stack if container.kind == kind)

    def innermost(self, *kinds: str) -> _Container | None:
        for container in reversed(self.stack):
            if container.kind in kinds:
                return container
        return None

    def open_container(self, container: _Container) -> None:
        if container.kind in ("list", "quote", "table") and not self.stack:
            self.groups += 1
            self.group = self.groups
        self.stack.append(container)

    def close_container(self) -> None:
        self.stack.pop()
        if not self.stack:
            self.group = 0

    def add(
        self,
        kind: BlockKind,
        text: str,
        line: int,
        *,
        translatable: bool | None = None,
        level: int | None = None,
        marker: str = "",
        row: int = 0,
        column: int = 0,
        header: bool = False,
        info: str = "",
        markup: Markup = Markup.MARKDOWN,
    ) -> None:
        self.blocks.append(
            Block(
                kind=kind,
                text=text,
                translatable=bool(text.strip()) if translatable is None else translatable,
                markup=markup,
                level=max(self.depth("list") - 1, 0) if level is None else level,
                marker=marker,
                group=self.group,
                row=row,
                column=column,
                header=header,
                info=info,
                line=line,
            )
        )

    def warn(self, line: int, template: str, text: str) -> None:
        message = template.format(excerpt=excerpt(text))
        self.warnings.append(SourceWarning(path=self.origin, line=line, message=message))

    def give_marker(self) -> None:
        """Keep the marker of an item whose first child is not a paragraph."""
        item = self.innermost("item")
        if item is not None and item.marker and self.stack[-1] is item:
            self.add(
                BlockKind.LIST_ITEM,
                "",
                item.line,
                marker=item.marker,
                level=self.depth("list") - 1,
                translatable=False,
            )
            item.marker = ""


def _read_blocks(body: str, *, origin: str, offset: int) -> _Walker:
    env: dict[str, object] = {}
    tokens = _parser().parse(body, env)
    _refuse_references(env, origin=origin, offset=offset)
    _refuse_deep_nesting(tokens, origin=origin, offset=offset)
    walker = _Walker(origin=origin, offset=offset)
    for index, token in enumerate(tokens):
        _visit(walker, tokens, index, token)
    return walker


def _refuse_references(env: dict[str, object], *, origin: str, offset: int) -> None:
    references = env.get("references")
    if not isinstance(references, dict) or not references:
        return
    label, target = min(references.items(), key=lambda item: (item[1].get("map") or [0])[0])
    line = (target.get("map") or [0])[0] + 1 + offset
    raise SourceError(
        f"link reference definition '[{label.lower()}]: {target.get('href', '')}' is not"
        f" supported; write the link inline, as [text]({target.get('href', '')})",
        path=origin,
        line=line,
    )


def _refuse_deep_nesting(tokens: Sequence[Token], *, origin: str, offset: int) -> None:
    """markdown-it stops reading blocks nested ``maxNesting`` deep and drops what they hold
    without a word (10,000 nested quotations read as "no text"): refuse before that depth."""
    limit = int(_parser().options["maxNesting"]) - 1
    for token in tokens:
        if token.nesting == 1 and token.level >= limit:
            raise SourceError(
                f"block quotations and lists nested more than {limit - 1} levels deep (a list"
                " counts two); what is inside them would be lost: flatten them",
                path=origin,
                line=(token.map[0] if token.map else 0) + 1 + offset,
            )


def _visit(walker: _Walker, tokens: Sequence[Token], index: int, token: Token) -> None:
    kind = token.type
    line = walker.line_of(token)
    if kind in ("bullet_list_open", "ordered_list_open"):
        walker.give_marker()
        walker.open_container(_Container("list"))
    elif kind == "list_item_open":
        marker = token.info + token.markup if token.info else token.markup
        walker.open_container(_Container("item", marker=marker, line=line))
    elif kind == "list_item_close":
        walker.give_marker()
        walker.close_container()
    elif kind == "blockquote_open":
        walker.give_marker()
        walker.open_container(_Container("quote"))
    elif kind == "table_open":
        walker.give_marker()
        walker.open_container(_Container("table"))
    elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close", "table_close"):
        walker.close_container()
    elif kind == "thead_open":
        table = walker.innermost("table")
        if table is not None:
            table.header = True
    elif kind == "thead_close":
        table = walker.innermost("table")
        if table is not None:
            table.header = False
    elif kind == "tr_open":
        table = walker.innermost("table")
        row = table.rows if table is not None else 0
        if table is not None:
            table.rows += 1
        walker.stack.append(_Container("row", rows=row))
    elif kind == "tr_close":
        walker.stack.pop()
    elif kind in ("th_open", "td_open"):
        _read_cell(walker, tokens, index, token)
    elif kind == "paragraph_open":
        _read_paragraph(walker, tokens[index + 1], line)
    elif kind == "heading_open":
        walker.give_marker()
        text = tokens[index + 1].content
        walker.add(BlockKind.HEADING, text, line, level=int(token.tag[1:]))
    elif kind == "code_block" and looks_like_prose(token.content):
        walker.warn(line, INDENTED_TEXT, token.content)
        _read_indented_text(walker, token.content, line)
    elif kind in ("fence", "code_block"):
        if kind == "code_block":
            walker.warn(line, INDENTED_CODE, token.content)
        walker.give_marker()
        walker.add(
            BlockKind.CODE,
            _drop_final_newline(token.content),
            line,
            info=token.info.strip(),
            translatable=False,
        )
    elif kind == "hr":
        walker.give_marker()
        walker.add(BlockKind.RULE, "", line, translatable=False)
    elif kind == "html_block":
        shown = visible_html_text(token.content)
        if shown:
            walker.warn(line, RAW_HTML, shown)
        walker.give_marker()
        walker.add(BlockKind.HTML, _drop_final_newline(token.content), line, translatable=False)


def _read_paragraph(walker: _Walker, inline: Token, line: int) -> None:
    _add_paragraph(walker, inline.content, line, info=_image_source(inline))


def _add_paragraph(
    walker: _Walker, text: str, line: int, *, info: str = "", markup: Markup = Markup.MARKDOWN
) -> None:
    """A paragraph's block: a list item's text, a quotation's, or a plain paragraph."""
    container = walker.innermost("item", "quote")
    if container is not None and container.kind == "item":
        marker, container.marker = container.marker, ""
        walker.add(
            BlockKind.LIST_ITEM,
            text,
            line,
            marker=marker,
            level=walker.depth("list") - 1,
            info=info,
            markup=markup,
        )
    elif container is not None:
        walker.add(
            BlockKind.QUOTE, text, line, level=walker.depth("quote") - 1, info=info, markup=markup
        )
    else:
        walker.add(BlockKind.PARAGRAPH, text, line, info=info, markup=markup)


def _read_indented_text(walker: _Walker, content: str, line: int) -> None:
    """An indented block that reads as prose: one plain-text paragraph per run of lines."""
    lines: list[str] = []
    first = line
    for number, raw in enumerate([*content.split("\n"), ""], start=line):
        if raw.strip():
            if not lines:
                first = number
            lines.append(raw.strip())
        elif lines:
            _add_paragraph(walker, "\n".join(lines), first, markup=Markup.PLAIN)
            lines = []


def _read_cell(walker: _Walker, tokens: Sequence[Token], index: int, token: Token) -> None:
    row = walker.innermost("row")
    table = walker.innermost("table")
    column = 0
    if row is not None:
        column = row.columns
        row.columns += 1
    inline = tokens[index + 1]
    style = str(token.attrs.get("style", ""))
    walker.add(
        BlockKind.TABLE_CELL,
        inline.content,
        walker.line_of(inline),
        row=row.rows if row is not None else 0,
        column=column,
        header=token.type == "th_open" or (table is not None and table.header),
        info=style.removeprefix("text-align:"),
    )


def _image_source(inline: Token) -> str:
    children = [
        child
        for child in inline.children or []
        if not (child.type == "text" and not child.content.strip()) and child.type != "softbreak"
    ]
    if len(children) == 1 and children[0].type == "image":
        return str(children[0].attrs.get("src", ""))
    return ""


def _drop_final_newline(text: str) -> str:
    return text[:-1] if text.endswith("\n") else text
