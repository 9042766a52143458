"""HTML article fragments -> Article: the header and the blocks; html_inline.py writes their text.

The reader uses the standard library's ``html.parser`` and expects a fragment such as
``<article lang="ru"><h1>…</h1><time datetime="2020-11-18">…</time><p>…</p></article>``.

Header, in order of precedence (a key given twice in the first two is an error):

1. YAML front matter at the very top of the file, with the keys of Markdown sources;
2. ``<meta name="KEY" content="VALUE">`` anywhere in the fragment: the same as a front
   matter key (``slug``, ``date``, ``route``, ...);
3. otherwise: the title is the first ``<h1>``, the date the first ``<time datetime>``
   that stands between blocks (its visible text is dropped: pages render dates per
   locale), the summary the first ``<p class="lead">`` outside lists, quotations and
   tables, and the language the ``lang`` attribute of ``<article>`` (or ``<html>``).
   When the title or summary is given by a key, ``<h1>`` stays a heading and
   ``<p class="lead">`` a paragraph. A title or summary taken from the markup is inline
   Markdown (``Markup.MARKDOWN``), like the body.

Body: ``<p>``, ``<h1>``-``<h6>``, lists (``<ul>`` items get the marker ``-``, ``<ol>``
items ``N.`` counted from ``start``/``value``), ``<blockquote>``, tables (``row`` counts
from 0 in document order, ``header`` for ``<th>`` or ``<thead>``, alignment in
``info``), ``<pre>`` (CODE, ``info`` from a ``language-…`` class), ``<hr>``. ``group``,
``level`` and list continuations follow the Markdown reader's rules. Text that sits
directly in a container (``<article>``, ``<div>``, ``<li>``, ``<blockquote>``) is a block
of its own, as a browser shows it. ``<head>``, ``<script>``, ``<style>``, ``<template>``,
``<noscript>``, ``<svg>`` and ``<math>`` are dropped with their content; text a reader
would see inside ``<svg>`` or ``<math>`` gives the article a warning (see ``unseen``).

Inline tags become the same inline Markdown as .md sources: see ``html_inline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from i18n_kit.errors import SourceError
from i18n_kit.model import Article, Block, BlockKind, Markup, SourceWarning
from i18n_kit.sources.frontmatter import (
    HeaderValue,
    build_article,
    prepare_text,
    split_front_matter,
)
from i18n_kit.sources.html_inline import (
    Break,
    Image,
    Inline,
    find_lone_image,
    read_plain_text,
    write_inline,
)
from i18n_kit.sources.unseen import DROPPED_ELEMENT, excerpt

_TITLE_HINT = 'add an <h1> or a <meta name="title" content="...">'

_SKIP = frozenset({"head", "script", "style", "template", "noscript", "svg", "math", "iframe"})
# Skipped elements whose text a reader sees: a chart's labels, a formula.
_SHOWN_SKIPPED = frozenset({"svg", "math"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "menu"})
_CELLS = frozenset({"td", "th"})
_GROUPS = _LISTS | {"blockquote", "table"}
_LEAVES = _HEADINGS | {"p", "li", "dt", "dd", "figcaption", "caption", "td", "th", "blockquote"}
# The innermost of these decides the kind of a block (a <p> inside <li> is a list item).
_KINDS = _HEADINGS | _CELLS | {"li", "blockquote"}
_CONTAINERS = frozenset(
    "html body article section div main header footer aside nav figure details summary"
    " address hgroup form fieldset dl center table thead tbody tfoot tr ul ol menu".split()
)
_BLOCKS = _LEAVES | _CONTAINERS | {"pre"}
# Start tags that end an open <p> (the HTML standard's list, as browsers apply it).
_CLOSES_P = _HEADINGS | frozenset(
    "address article aside blockquote details div dl fieldset figcaption figure footer form"
    " header hgroup hr main menu nav ol p pre section table ul li dd dt".split()
)
# Open elements at most (browsers stop nesting at 512): every start tag looks through
# the open elements, so a cap keeps the reader linear in the size of the file.
MAX_DEPTH = 256
_LANGUAGE_CLASS = re.compile(r"(?:language|lang)-(\S+)")
_ALIGN = re.compile(r"text-align\s*:\s*(left|right|center)")


def parse_html(text: str, *, origin: str, default_lang: str) -> Article:
    """Read an HTML article fragment (optionally with YAML front matter at the top).

    >>> article = parse_html('<article lang="ru"><h1>Саммит</h1><p>Итоги <b>саммита</b>.</p>'
    ...                      '</article>', origin="content/summit.html", default_lang="en")
    >>> article.lang, [(b.kind.value, b.text) for b in article.blocks]
    ('ru', [('title', 'Саммит'), ('paragraph', 'Итоги **саммита**.')])
    """
    text = prepare_text(text)
    front = split_front_matter(text, origin=origin)
    values: dict[str, HeaderValue] = {}
    body, offset = text, 0
    if front is not None:
        values = dict(front.values)
        body, offset = front.body, front.body_offset
    reader = _Reader(origin=origin, offset=offset)
    try:
        reader.feed(body)
        reader.close()
    except AssertionError as exc:
        # html.parser asserts on some malformed markup (e.g. a stray "<![").
        line, column = reader.getpos()
        raise SourceError(
            f"cannot parse the HTML near column {column + 1} ({exc}); check the markup there",
            path=origin,
            line=line + offset,
        ) from exc
    for key, value in reader.meta.items():
        if key in values:
            first = values[key]
            raise SourceError(
                f"'{key}' is given twice ({first.source} on line {first.line} and"
                f" {value.source}); keep one",
                path=origin,
                line=value.line,
            )
        values[key] = value
    blocks = reader.blocks
    taken = []
    if "title" not in values and reader.title_at is not None:
        taken.append(("title", reader.title_at))
    if "summary" not in values and reader.lead_at is not None:
        taken.append(("summary", reader.lead_at))
    for key, index in sorted(taken, key=lambda item: -item[1]):
        block = blocks.pop(index)
        values[key] = HeaderValue(text=block.text, line=block.line, markup=Markup.MARKDOWN)
    if "date" not in values and reader.date is not None:
        values["date"] = reader.date
    if "lang" not in values and reader.lang is not None:
        values["lang"] = reader.lang
    article = build_article(
        origin=origin, values=values, body=blocks, default_lang=default_lang, title_hint=_TITLE_HINT
    )
    return replace(article, warnings=tuple(reader.warnings)) if reader.warnings else article


# -- block structure ---------------------------------------------------------------


@dataclass(slots=True)
class _Frame:
    """An open block-level element."""

    tag: str
    line: int
    group: int = 0  # lists, quotations and tables that start a group
    marker: str = ""  # <li>: marker not yet given to a block
    counter: int = 1  # <ol>: the next item's number
    rows: int = 0  # <table>: rows seen
    row: int = 0  # <tr>, <td>, <th>: row index
    columns: int = 0  # <tr>: cells seen
    column: int = 0  # <td>, <th>
    header: bool = False  # <th>, or a cell in <thead>
    align: str = ""  # <td>, <th>
    emitted: bool = False  # <td>, <th>: a block was made for the cell
    lead: bool = False  # <p class="lead"> that may hold the summary


class _Reader(HTMLParser):
    def __init__(self, *, origin: str, offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.origin = origin
        self.line_offset = offset  # HTMLParser owns self.offset (the column)
        self.blocks: list[Block] = []
        self.stack: list[_Frame] = []
        self.inline: Inline | None = None
        self.skipping = ""
        self.skip_depth = 0
        self.skip_line = 0
        self.skipped_text: list[str] = []
        self.hidden_in_skip = 0  # <style>, <script> inside a skipped <svg>
        self.warnings: list[SourceWarning] = []
        self.pre: _Frame | None = None
        self.pre_info = ""
        self.pre_text: list[str] = []
        self.groups = 0
        self.meta: dict[str, HeaderValue] = {}
        self.lang: HeaderValue | None = None
        self.date: HeaderValue | None = None
        self.title_at: int | None = None
        self.lead_at: int | None = None

    # -- parser callbacks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self.skipping:
            if tag == self.skipping:
                self.skip_depth += 1
            elif tag in ("style", "script"):
                self.hidden_in_skip += 1
            return
        if len(self.stack) + (len(self.inline.open) if self.inline is not None else 0) >= MAX_DEPTH:
            raise SourceError(
                f"<{tag}> is nested inside {MAX_DEPTH} open elements; close the elements"
                " that are left open, or flatten them",
                path=self.origin,
                line=self.line(),
            )
        if self.pre is not None:
            if tag == "code" and not self.pre_info:
                self.pre_info = _language(attributes)
            elif tag == "br":
                self.pre_text.append("\n")
            return
        if tag in _SKIP:
            self.start_skip(tag)
        elif tag in _VOID:
            self.void_element(tag, attributes)
        elif tag in _BLOCKS:
            self.open_block(tag, attributes)
        elif tag == "time" and "datetime" in attributes and self.between_blocks():
            if self.date is None:
                self.date = HeaderValue(
                    text=attributes["datetime"].strip(), line=self.line(), source="<time>"
                )
            self.start_skip(tag)
        else:
            self.current_inline().open_span(tag, attributes)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.end_skip()
            elif tag in ("style", "script") and self.hidden_in_skip:
                self.hidden_in_skip -= 1
            return
        if self.pre is not None:
            if tag == "pre":
                self.close_pre()
            return
        if tag in _VOID:
            return
        if tag in _BLOCKS:
            for index in range(len(self.stack) - 1, -1, -1):
                if self.stack[index].tag == tag:
                    self.pop_to(index)
                    break
            return
        if self.inline is not None:
            self.inline.close_span(tag)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.skipping in _SHOWN_SKIPPED and not self.hidden_in_skip:
                self.skipped_text.append(data)
            return
        if self.pre is not None:
            self.pre_text.append(data)
            return
        content = data.lstrip(" \t\n\r\f")
        if self.inline is None and not content:
            return
        line = self.line() + data[: len(data) - len(content)].count("\n")
        self.current_inline(line).add(data)

    def start_skip(self, tag: str) -> None:
        self.skipping, self.skip_depth, self.skip_line = tag, 1, self.line()
        self.skipped_text, self.hidden_in_skip = [], 0

    def end_skip(self) -> None:
        text = " ".join(" ".join(self.skipped_text).split())
        if any(char.isalpha() for char in text):
            message = DROPPED_ELEMENT.format(tag=self.skipping, excerpt=excerpt(text))
            self.warnings.append(
                SourceWarning(path=self.origin, line=self.skip_line, message=message)
            )
        self.skipping, self.skipped_text = "", []

    def close(self) -> None:
        super().close()
        if self.pre is not None:
            self.close_pre()
        self.pop_to(0)

    # -- helpers

    def line(self) -> int:
        return self.getpos()[0] + self.line_offset

    def current_inline(self, line: int | None = None) -> Inline:
        if self.inline is None:
            self.inline = Inline(line=self.line() if line is None else line)
        return self.inline

    def between_blocks(self) -> bool:
        empty = self.inline is None or not read_plain_text(self.inline.root).strip()
        return empty and not any(frame.tag in _LEAVES for frame in self.stack)

    def void_element(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "br":
            self.current_inline().add(Break())
        elif tag == "img":
            image = Image(
                src=attributes.get("src", ""),
                alt=attributes.get("alt", ""),
                title=attributes.get("title", ""),
            )
            self.current_inline().add(image)
        elif tag == "hr":
            self.close_implied(tag)
            self.flush()
            self.give_marker()
            self.add(BlockKind.RULE, "", self.line(), translatable=False)
        elif tag == "meta" and "name" in attributes and "content" in attributes:
            key = attributes["name"].strip().lower()
            value = HeaderValue(
                text=attributes["content"], line=self.line(), source=f'<meta name="{key}">'
            )
            if key in self.meta:
                raise SourceError(
                    f"'{key}' is given twice (<meta name=\"{key}\"> on lines"
                    f" {self.meta[key].line} and {value.line}); keep one",
                    path=self.origin,
                    line=value.line,
                )
            self.meta[key] = value

    def open_block(self, tag: str, attributes: dict[str, str]) -> None:
        self.close_implied(tag)
        self.flush()
        line = self.line()
        if tag == "pre":
            self.give_marker()
            self.pre = _Frame(tag, line)
            self.pre_info = _language(attributes)
            self.pre_text = []
            return
        frame = _Frame(tag, line)
        if tag in _GROUPS | _HEADINGS:
            self.give_marker()
        if tag in _GROUPS and not any(open_frame.tag in _GROUPS for open_frame in self.stack):
            self.groups += 1
            frame.group = self.groups
        if tag == "ol":
            frame.counter = _number(attributes.get("start"), 1)
        elif tag == "li":
            frame.marker = self.next_marker(attributes)
        elif tag == "tr":
            table = self.innermost("table")
            if table is not None:
                frame.row = table.rows
                table.rows += 1
        elif tag in _CELLS:
            row = self.innermost("tr")
            if row is not None:
                frame.row, frame.column = row.row, row.columns
                row.columns += 1
            frame.header = tag == "th" or self.innermost("thead") is not None
            align = attributes.get("align", "").lower()
            style = _ALIGN.search(attributes.get("style", "").lower())
            frame.align = style.group(1) if style else align
        elif tag == "p":
            classes = attributes.get("class", "").split()
            frame.lead = "lead" in classes and not any(
                open_frame.tag in _GROUPS for open_frame in self.stack
            )
        elif tag in ("article", "html") and attributes.get("lang") and self.lang is None:
            self.lang = HeaderValue(text=attributes["lang"], line=line, source=f"<{tag} lang>")
        self.stack.append(frame)

    def next_marker(self, attributes: dict[str, str]) -> str:
        parent = self.innermost(*_LISTS)
        if parent is None or parent.tag != "ol":
            return "-"
        number = _number(attributes.get("value"), parent.counter)
        parent.counter = number + 1
        return f"{number}."

    def close_implied(self, tag: str) -> None:
        """Close what a browser closes when `tag` starts (`<p>` before a block, `<li>`...)."""
        if tag in _CLOSES_P:
            self.close_open("p", stop=frozenset({"td", "th", "table", "caption"}))
        if tag == "li":
            self.close_open("li", stop=_LISTS)
        elif tag in ("dt", "dd"):
            self.close_open("dt", "dd", stop=frozenset({"dl"}))
        elif tag == "tr":
            self.close_open("tr", stop=frozenset({"table"}))
        elif tag in _CELLS:
            self.close_open("td", "th", stop=frozenset({"tr", "table"}))
        elif tag in ("thead", "tbody", "tfoot"):
            self.close_open("thead", "tbody", "tfoot", stop=frozenset({"table"}))
        elif tag in _HEADINGS and self.stack and self.stack[-1].tag in _HEADINGS:
            self.pop_to(len(self.stack) - 1)

    def close_open(self, *tags: str, stop: frozenset[str]) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            frame_tag = self.stack[index].tag
            if frame_tag in tags:
                self.pop_to(index)
                return
            if frame_tag in stop:
                return

    def pop_to(self, index: int) -> None:
        self.flush()
        while len(self.stack) > index:
            frame = self.stack[-1]
            if frame.tag == "li" and frame.marker:
                self.give_marker()
            elif frame.tag in _CELLS and not frame.emitted:
                self.add(None, "", frame.line, translatable=False)
            self.stack.pop()

    def innermost(self, *tags: str) -> _Frame | None:
        for frame in reversed(self.stack):
            if frame.tag in tags:
                return frame
        return None

    def give_marker(self) -> None:
        """Keep the marker of a list item whose first child is not text."""
        holder = next((frame for frame in reversed(self.stack) if frame.tag in _KINDS), None)
        if holder is not None and holder.tag == "li" and holder.marker:
            self.add(None, "", holder.line, translatable=False)

    def close_pre(self) -> None:
        assert self.pre is not None
        text = "".join(self.pre_text)
        # A newline right after <pre> is not content (HTML parsing rule); the last one
        # is the end of the last line.
        text = text.removeprefix("\n").removesuffix("\n")
        self.add(BlockKind.CODE, text, self.pre.line, translatable=False, info=self.pre_info)
        self.pre = None

    def flush(self) -> None:
        inline, self.inline = self.inline, None
        if inline is None:
            return
        text = write_inline(inline.root)
        if text:
            self.add(None, text, inline.line, info=find_lone_image(inline.root))

    def add(
        self,
        fixed: BlockKind | None,
        text: str,
        line: int,
        *,
        translatable: bool = True,
        info: str = "",
    ) -> None:
        """Append a block; unless `fixed`, its kind comes from the innermost open element."""
        holder = next((frame for frame in reversed(self.stack) if frame.tag in _KINDS), None)
        tag = holder.tag if holder is not None and fixed is None else ""
        paragraph = self.innermost("p")
        group = next((frame.group for frame in self.stack if frame.group), 0)
        kind = fixed or BlockKind.PARAGRAPH
        level = max(sum(1 for frame in self.stack if frame.tag in _LISTS) - 1, 0)
        row = column = 0
        marker = ""
        header = False
        if tag in _HEADINGS:
            kind, level = BlockKind.HEADING, int(tag[1])
            if tag == "h1" and group == 0 and self.title_at is None:
                self.title_at = len(self.blocks)
        elif tag in _CELLS and holder is not None:
            kind, row, column, header = (
                BlockKind.TABLE_CELL,
                holder.row,
                holder.column,
                holder.header,
            )
            info = holder.align
            holder.emitted = True
        elif tag == "li" and holder is not None:
            kind, marker, holder.marker = BlockKind.LIST_ITEM, holder.marker, ""
        elif tag == "blockquote":
            kind = BlockKind.QUOTE
            level = sum(1 for frame in self.stack if frame.tag == "blockquote") - 1
        elif fixed is None and paragraph is not None and paragraph.lead and self.lead_at is None:
            self.lead_at = len(self.blocks)
        self.blocks.append(
            Block(
                kind=kind,
                text=text,
                translatable=translatable,
                level=level,
                marker=marker,
                group=group,
                row=row,
                column=column,
                header=header,
                info=info,
                line=line,
            )
        )


def _language(attributes: dict[str, str]) -> str:
    match = _LANGUAGE_CLASS.search(attributes.get("class", ""))
    return match.group(1) if match else ""


def _number(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
