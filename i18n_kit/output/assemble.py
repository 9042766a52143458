"""Localized pages: an article's blocks in one locale, wrapped in the translated site chrome."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from i18n_kit.errors import SourceError
from i18n_kit.listing import index_file_name
from i18n_kit.model import Block, BlockKind
from i18n_kit.output.inline import escape_text, render_inline
from i18n_kit.output.page import (
    ArticleLink,
    LocalizedBlock,
    PageInput,
    PageText,
    SegmentNote,
    TextState,
)
from i18n_kit.output.typography import apply_typography
from i18n_kit.output.ui import (
    TEMPLATES_DIR,
    UiCatalogs,
    UiTranslations,
    format_completion,
    format_number,
    format_page_date,
    html_lang,
    language_name,
)

_GROUPED = frozenset({BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.TABLE_CELL})
_ORDERED_MARKER = re.compile(r"^\d+([.)])$")
# Markers a CMS typed by hand get a class so the stylesheet can draw them as written;
# Markdown's own -, * and + are ordinary bullets.
_MARKER_CLASSES = {
    "•": "list-bullet",
    "—": "list-dash",
    "• —": "list-bullet-dash",
    "–": "list-en-dash",
}
# Han, kana, CJK punctuation and full-width forms: Chinese puts no space between sentences.
_CJK = re.compile(
    "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_TAG = re.compile(r"<[^<>]*>")  # not "[^>]": a run of "<" would be rescanned from each


@dataclass(frozen=True, slots=True, kw_only=True)
class _Chrome:
    """The UI catalog of one page, escaped and typeset for the page's language."""

    translations: UiTranslations
    lang: str

    def gettext(self, message: str) -> Markup:
        return self._typeset(self.translations.gettext(message))

    def ngettext(self, singular: str, plural: str, count: int) -> Markup:
        return self._typeset(self.translations.ngettext(singular, plural, count))

    def _typeset(self, text: str) -> Markup:
        # Catalogs are edited by people and a project may override them: never trust
        # their markup. Typography runs before `%` formatting fills in the variables.
        return Markup(apply_typography(escape_text(text), self.lang))


@pass_context
def _gettext(context: Context, message: str) -> Markup:
    chrome = cast(_Chrome, context["chrome"])
    return chrome.gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> Markup:
    chrome = cast(_Chrome, context["chrome"])
    return chrome.ngettext(singular, plural, count)


def _make_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The i18n extension adds this method at runtime, so type checkers cannot see it.
    cast(Any, environment).install_gettext_callables(_gettext, _ngettext, newstyle=True)
    return environment


# One environment for all locales: the catalog travels in each render's context.
_ENVIRONMENT = _make_environment()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Alternate:
    hreflang: str
    href: str


@dataclass(frozen=True, slots=True, kw_only=True)
class _Language:
    hreflang: str
    href: str
    name: str
    current: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class _Listing:
    href: str
    lang: str  # empty when the title is in the page's language
    title_html: Markup
    date_text: str
    date_iso: str


def assemble_page(
    page: PageInput,
    *,
    ui: UiCatalogs,
    template: str = "page.html",
    extra: Mapping[str, object] | None = None,
) -> str:
    """The full HTML document of one article in one locale. The editors' preview passes
    its own ``template`` (extending page.html) and the ``extra`` values it needs.

    >>> html = assemble_page(page, ui=load_ui(page.locales))  # doctest: +SKIP
    >>> html.startswith("<!DOCTYPE html>")  # doctest: +SKIP
    True
    """
    article = page.article
    locale_code = page.locale_code
    titles = [b for b in page.blocks if b.block.kind is BlockKind.TITLE]
    others = tuple(b for b in page.blocks if b.block.kind is not BlockKind.TITLE)
    title_html = "\n".join(
        f"<h1>{_render_content(b, source_lang=article.lang)}</h1>" for b in titles
    )
    page_title = _visible_text(title_html) if titles else article.slug
    parts = [part for block in page.blocks for part in block.parts]
    # x-default is the original: the page every other locale was translated from.
    x_default = (
        page.locales[0] if page.locales and article.lang not in page.locales else article.lang
    )
    context = {
        **_chrome_context(
            locale_code,
            page.locales,
            file_name=f"{article.slug}.html",
            x_default=x_default,
            ui=ui,
        ),
        "page_title": page_title,
        "title_html": Markup(title_html),
        "date_text": "" if article.date is None else format_page_date(article.date, locale_code),
        "date_iso": "" if article.date is None else _iso_date(article.date),
        "in_progress": page.completion < page.threshold,
        "completion_text": format_completion(page.completion, locale_code),
        "has_fallback": any(part.state is TextState.FALLBACK for part in parts),
        "has_machine": any(part.state is TextState.MACHINE for part in parts),
        "body_html": Markup("\n".join(_render_blocks(others, source_lang=article.lang))),
        "comments": _comment_count(page),
        "related": [_listing(link, locale_code) for link in page.related],
        **(extra or {}),
    }
    return _ENVIRONMENT.get_template(template).render(context)


def assemble_index(
    locale_code: str,
    articles: Sequence[ArticleLink],
    *,
    locales: Sequence[str],
    ui: UiCatalogs,
    number: int = 1,
    count: int = 1,
    template: str = "index.html",
    extra: Mapping[str, object] | None = None,
) -> str:
    """The HTML document listing `articles` (the news index) in one locale: page
    ``number`` of ``count`` (index.html, index-2.html, ... linked as previous and next);
    ``template`` and ``extra`` as for `assemble_page`.

    >>> from i18n_kit.output.ui import load_ui
    >>> link = ArticleLink(slug="summit", title="Summit", date=None, lang="en")
    >>> "summit.html" in assemble_index("en", [link], locales=["en"], ui=load_ui(["en"]))
    True
    """
    context = {
        **_chrome_context(
            locale_code,
            tuple(locales),
            file_name=index_file_name(number),
            x_default=locales[0] if locales else locale_code,
            ui=ui,
        ),
        "articles": [_listing(link, locale_code) for link in articles],
        "page_count": count,
        "page_number_text": format_number(number, locale_code),
        "page_count_text": format_number(count, locale_code),
        "previous_href": index_file_name(number - 1) if number > 1 else "",
        "next_href": index_file_name(number + 1) if number < count else "",
        **(extra or {}),
    }
    return _ENVIRONMENT.get_template(template).render(context)


def assemble_related(
    related: Sequence[ArticleLink], *, locale_code: str, ui: UiCatalogs
) -> str:
    """The "Related news" section of an article page in ``locale_code``, exactly as
    `assemble_page` renders it (empty without links)."""
    context = {
        "chrome": _Chrome(translations=ui.translations_for(locale_code), lang=locale_code),
        "related": [_listing(link, locale_code) for link in related],
    }
    return _ENVIRONMENT.get_template("related.html").render(context)


def replace_related(page_html: str, related_html: str) -> str | None:
    """``page_html`` (an article page `assemble_page` made) with its "Related news" section
    replaced by ``related_html`` (from `assemble_related`); None when the page is not one.

    The section lies between the article's last ``</article>`` and ``</main>``: the
    article's own raw HTML comes before it, and the titles it lists are escaped."""
    end = page_html.rfind("\n</main>")
    start = page_html.rfind("</article>\n", 0, end)
    if start < 0 or end < 0:
        return None
    start += len("</article>\n")
    return page_html[:start] + related_html + page_html[end + 1 :]


def assemble_ui_page(
    template: str, *, locale_code: str, ui: UiCatalogs, context: Mapping[str, object]
) -> str:
    """A page of the toolkit's own (the editors' preview index) from ``template``, with
    its UI strings from the site-chrome catalog of ``locale_code``.

    >>> from i18n_kit.output.ui import load_ui
    >>> page = assemble_ui_page("preview_index.html", locale_code="en", ui=load_ui(["en"]),
    ...     context={"rows": [], "languages": [], "project_name": "demo"})  # doctest: +SKIP
    """
    values = {
        "html_lang": html_lang(locale_code),
        "chrome": _Chrome(translations=ui.translations_for(locale_code), lang=locale_code),
        **context,
    }
    return _ENVIRONMENT.get_template(template).render(values)


def _chrome_context(
    locale_code: str,
    locales: tuple[str, ...],
    *,
    file_name: str,
    x_default: str,
    ui: UiCatalogs,
) -> dict[str, object]:
    alternates = [_Alternate(hreflang=html_lang(c), href=f"../{c}/{file_name}") for c in locales]
    alternates.append(_Alternate(hreflang="x-default", href=f"../{x_default}/{file_name}"))
    languages = [
        _Language(
            hreflang=html_lang(code),
            href=f"../{code}/{file_name}",
            name=language_name(code),
            current=code == locale_code,
        )
        for code in locales
    ]
    return {
        "html_lang": html_lang(locale_code),
        "alternates": alternates,
        "languages": languages,
        "chrome": _Chrome(translations=ui.translations_for(locale_code), lang=locale_code),
    }


def _listing(link: ArticleLink, locale_code: str) -> _Listing:
    return _Listing(
        href=f"{link.slug}.html",
        lang="" if link.lang == locale_code else html_lang(link.lang),
        title_html=Markup(apply_typography(escape_text(link.title), link.lang)),
        date_text="" if link.date is None else format_page_date(link.date, locale_code),
        date_iso="" if link.date is None else _iso_date(link.date),
    )


def _comment_count(page: PageInput) -> int:
    value = page.article.meta.get("comments", "0").strip()
    if not value.isdigit():
        raise SourceError(
            f"comments: {value!r} is not a whole number; write the count, e.g. comments: 3",
            path=page.article.path,
        )
    return int(value)


def _iso_date(value: dt.date | dt.datetime) -> str:
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def _render_blocks(blocks: Sequence[LocalizedBlock], *, source_lang: str) -> Iterator[str]:
    index = 0
    while index < len(blocks):
        first = blocks[index].block
        end = index + 1
        if first.kind in _GROUPED:
            while (
                end < len(blocks)
                and blocks[end].block.kind is first.kind
                and blocks[end].block.group == first.group
            ):
                end += 1
        run = [(b.block, _render_content(b, source_lang=source_lang)) for b in blocks[index:end]]
        if first.kind is BlockKind.LIST_ITEM:
            yield _render_list(run)
        elif first.kind is BlockKind.QUOTE:
            inner = "\n".join(f"<p>{content}</p>" for _, content in run)
            yield f"<blockquote>\n{inner}\n</blockquote>"
        elif first.kind is BlockKind.TABLE_CELL:
            yield _render_table(run)
        else:
            yield _render_single(first, run[0][1])
        index = end


def _render_single(block: Block, content: str) -> str:
    if block.kind is BlockKind.SUMMARY:
        return f'<p class="lead">{content}</p>'
    if block.kind is BlockKind.HEADING:
        # h1 is the article title: a body "#" heading becomes h2 like "##", so the
        # outline has no gap (Markdown news puts section headings at "##").
        level = min(max(block.level, 2), 6)
        return f"<h{level}>{content}</h{level}>"
    if block.kind is BlockKind.TITLE:
        return f"<h1>{content}</h1>"
    if block.kind is BlockKind.CODE:
        language = block.info.split()[0] if block.info.strip() else ""
        attribute = f' class="language-{escape_text(language)}"' if language else ""
        return f"<pre><code{attribute}>{escape_text(block.text)}</code></pre>"
    if block.kind is BlockKind.RULE:
        return "<hr>"
    if block.kind is BlockKind.HTML:
        # Raw HTML comes from the source author (trusted), never from a catalog.
        return block.text.strip("\n")
    return f"<p>{content}</p>"


def _render_content(localized: LocalizedBlock, *, source_lang: str) -> str:
    block = localized.block
    if block.kind in (BlockKind.CODE, BlockKind.RULE, BlockKind.HTML):
        return ""
    if not localized.parts:
        rendered = render_inline(block.text, markup=block.markup, source_text=block.text)
        return apply_typography(rendered, source_lang)
    pieces = [_render_part(part, block) for part in localized.parts]
    joined = pieces[0][0]
    for (_, previous_text), (piece, text) in zip(pieces, pieces[1:], strict=False):
        joined += _separator(previous_text, text) + piece
    return joined


def _render_part(part: PageText, block: Block) -> tuple[str, str]:
    rendered = render_inline(part.text, markup=block.markup, source_text=part.source_text)
    rendered = apply_typography(rendered, part.lang)
    visible = _visible_text(rendered)
    if part.state is TextState.FALLBACK:
        rendered = f'<span lang="{html_lang(part.lang)}" class="i18n-fallback">{rendered}</span>'
    elif part.state is TextState.MACHINE:
        rendered = f'<span class="i18n-machine">{rendered}</span>'
    if part.note is not None:
        rendered = _annotate(rendered, part.note, source_text=part.source_text)
    return rendered, visible


def _annotate(rendered: str, note: SegmentNote, *, source_text: str) -> str:
    # Preview only: everything here comes from catalogs, glossaries or MT, so every value
    # is escaped as an attribute; the preview's script reads them as text, never as HTML.
    attributes = {
        "data-status": str(note.status),
        "data-route": note.route,
        "data-reason": note.reason,
        "data-terms": "\n".join(note.terms),
        "data-key": note.key,
        "data-source": source_text,
        "data-target": note.target_text,
    }
    text = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    return f'<span class="i18n-seg" {text}>{rendered}</span>'


def _separator(before: str, after: str) -> str:
    if not before or not after:
        return ""
    if _CJK.match(before[-1]) or _CJK.match(after[0]):
        return ""
    return " "


def _visible_text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment))


def _render_list(items: Sequence[tuple[Block, str]]) -> str:
    lines: list[str] = []
    # One entry per open list, innermost last: (tag, class, whether an <li> is open).
    stack: list[tuple[str, str, bool]] = []
    open_item_line = -1  # index of the last "<li>..." line while it has no nested list

    def close_item() -> None:
        tag, css, _ = stack[-1]
        if open_item_line == len(lines) - 1:
            lines[-1] += "</li>"
        else:
            lines.append("</li>")
        stack[-1] = (tag, css, False)

    def close_list() -> None:
        if stack[-1][2]:
            close_item()
        lines.append(f"</{stack.pop()[0]}>")

    for block, content in items:
        depth = max(block.level, 0) + 1
        tag, css = _list_style(block.marker)
        while len(stack) > depth or (len(stack) == depth and stack[-1][:2] != (tag, css)):
            close_list()
        if len(stack) == depth and stack[-1][2]:
            close_item()
        while len(stack) < depth:
            if stack and not stack[-1][2]:
                # An item nested deeper than its parent list: give it a bare parent item.
                lines.append("<li>")
                stack[-1] = (stack[-1][0], stack[-1][1], True)
            lines.append(f'<{tag} class="{css}">' if css else f"<{tag}>")
            stack.append((tag, css, False))
        number = _ORDERED_MARKER.match(block.marker)
        value = f' value="{block.marker[:-1]}"' if number else ""
        lines.append(f"<li{value}>{content}")
        open_item_line = len(lines) - 1
        stack[-1] = (tag, css, True)
    while stack:
        close_list()
    return "\n".join(lines)


def _list_style(marker: str) -> tuple[str, str]:
    number = _ORDERED_MARKER.match(marker)
    if number:
        return "ol", "list-decimal-paren" if number.group(1) == ")" else ""
    return "ul", _MARKER_CLASSES.get(marker.strip(), "")


def _render_table(cells: Sequence[tuple[Block, str]]) -> str:
    rows: dict[int, list[tuple[Block, str]]] = {}
    for block, content in cells:
        rows.setdefault(block.row, []).append((block, content))
    ordered = [sorted(rows[row], key=lambda cell: cell[0].column) for row in sorted(rows)]
    head_count = 0
    while head_count < len(ordered) and all(b.header for b, _ in ordered[head_count]):
        head_count += 1
    lines = ["<table>"]
    for section, section_rows in (("thead", ordered[:head_count]), ("tbody", ordered[head_count:])):
        if not section_rows:
            continue
        lines.append(f"<{section}>")
        for row in section_rows:
            row_cells = "".join(
                f"<th>{content}</th>" if block.header else f"<td>{content}</td>"
                for block, content in row
            )
            lines.append(f"<tr>{row_cells}</tr>")
        lines.append(f"</{section}>")
    lines.append("</table>")
    return "\n".join(lines)
