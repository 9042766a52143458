"""Inline rendering of one segment to safe HTML; the only module that imports markdown-it-py.

Translations come from PO files that anybody may have edited, so they are untrusted:
raw HTML is never passed through, and a link or image survives only when its URL
already occurs in the source segment and uses a scheme a reader can safely follow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from i18n_kit.model import Markup

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
#: Characters that start or end an inline construct: emphasis, code, links and images,
#: autolinks and raw HTML, entities, backslash escapes, line breaks, NUL (made U+FFFD).
_INLINE_SYNTAX = re.compile(r"[*_`\[\]!<>&\\\n\r\x00]")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


class _Parser(MarkdownIt):
    """CommonMark inline parser that leaves link vetting to `_vet_tokens`.

    markdown-it's own validateLink drops a `javascript:` link back to its literal
    Markdown (`[text](javascript:...)`); accepting every URL here and vetting the
    tokens afterwards shows the reader the link text instead.
    """

    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's hook name
        return True


@lru_cache(maxsize=1)
def _parser() -> _Parser:
    return _Parser("commonmark", {"html": False, "linkify": False, "typographer": False})


def render_inline(text: str, *, markup: Markup, source_text: str) -> str:
    """Render one segment's inline markup to an HTML fragment.

    >>> render_inline("See [the site](https://x.org).", markup=Markup.MARKDOWN,
    ...               source_text="Voir [le site](https://x.org).")
    'See <a href="https://x.org">the site</a>.'
    """
    if markup is Markup.PLAIN or not _INLINE_SYNTAX.search(text):
        # No character CommonMark's inline rules act on: markdown-it would only escape it
        # (most sentences; parsing them cost a third of building every page).
        return escape_text(text)
    parser = _parser()
    env: dict[str, object] = {}
    tokens = parser.parseInline(text, env)
    allowed = _source_urls(source_text)
    for token in tokens:
        if token.children is not None:
            token.children = _vet_tokens(token.children, allowed, source_text)
    rendered: str = parser.renderer.render(tokens, parser.options, env)
    return rendered


def escape_text(text: str) -> str:
    """Escape text for an HTML text node or a double-quoted attribute value.

    >>> escape_text('<b> & "q"')
    '&lt;b&gt; &amp; &quot;q&quot;'
    """
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto and relative URLs: the only ones ever linked.

    >>> is_safe_url("javascript:alert(1)"), is_safe_url("../ru/a.html")
    (False, True)
    """
    match = _SCHEME.match(url.strip())
    return match is None or match.group(1).lower() in _SAFE_SCHEMES


@lru_cache(maxsize=256)
def _source_urls(source_text: str) -> frozenset[str]:
    urls: set[str] = set()
    for token in _parser().parseInline(source_text, {}):
        for child in token.children or ():
            for name in ("href", "src"):
                value = child.attrGet(name)
                if isinstance(value, str):
                    urls.add(value)
    return frozenset(urls)


def _url_allowed(url: str, allowed: frozenset[str], source_text: str) -> bool:
    return is_safe_url(url) and (url in allowed or url in source_text)


def _vet_tokens(tokens: Sequence[Token], allowed: frozenset[str], source_text: str) -> list[Token]:
    parser = _parser()
    vetted: list[Token] = []
    # Links do not nest in CommonMark, so one flag pairs each dropped open with its close.
    dropping_link = False
    for token in tokens:
        if token.type == "link_open":
            href = token.attrGet("href")
            if not (isinstance(href, str) and _url_allowed(href, allowed, source_text)):
                dropping_link = True
                continue
        elif token.type == "link_close" and dropping_link:
            dropping_link = False
            continue
        elif token.type == "image":
            src = token.attrGet("src")
            if not (isinstance(src, str) and _url_allowed(src, allowed, source_text)):
                alt = Token("text", "", 0)
                renderer = RendererHTML(parser)
                alt.content = renderer.renderInlineAsText(token.children or [], parser.options, {})
                vetted.append(alt)
                continue
        vetted.append(token)
    return vetted
