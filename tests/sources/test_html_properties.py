"""Property: text in an HTML paragraph, read and rendered as inline Markdown, is the same text."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from i18n_kit.sources import parse_html

RENDERER = MarkdownIt("commonmark")
PIECES = [*"abc xyz019 \t\n!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "\u00a0", "Ш", "峰", "&amp;", "<b>"]
TEXT = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_renders_back_to_itself(text: str) -> None:
    visible = re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")
    source = f"<h1>T</h1><p>{html.escape(text)}</p>"
    if not visible:
        return
    article = parse_html(source, origin="a.html", default_lang="en")
    rendered = RENDERER.renderInline(article.blocks[1].text)
    assert rendered == escapeHtml(visible)


WORDS = st.sampled_from(["word", "слово", "a.", "(x)", '"q"', " ", "5*3", "_u_", "峰会"])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def render(parts: tuple[str, list[str]]) -> str:
        tag, inner = parts
        attribute = ' href="https://x.org"' if tag == "a" else ""
        return f"<{tag}{attribute}>{''.join(inner)}</{tag}>"

    tags = st.sampled_from(["b", "em", "code", "span", "a"])
    return st.tuples(tags, st.lists(children, max_size=3)).map(render)


def _visible(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.recursive(WORDS, _element, max_leaves=6), min_size=1, max_size=4))
def test_nested_inline_tags_render_to_the_same_visible_text(parts: list[str]) -> None:
    fragment = "".join(parts)
    if not _visible(fragment):
        return
    article = parse_html(f"<h1>T</h1><p>{fragment}</p>", origin="a.html", default_lang="en")
    assert _visible(RENDERER.renderInline(article.blocks[1].text)) == _visible(fragment)
