"""Inline rendering of one segment: Markdown to HTML with untrusted translations."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n_kit.model import Markup
from i18n_kit.output.inline import is_safe_url, render_inline

MD = Markup.MARKDOWN


@pytest.mark.parametrize(
    ("text", "source_text", "expected"),
    [
        (
            "**жирный** и *курсив* `код`",
            "x",
            "<strong>жирный</strong> и <em>курсив</em> <code>код</code>",
        ),
        ("<script>alert(1)</script>", "x", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<a href="https://a.b">x</a>', "x", "&lt;a href=&quot;https://a.b&quot;&gt;x&lt;/a&gt;"),
        ("[сайт](https://a.b/c)", "[site](https://a.b/c)", '<a href="https://a.b/c">сайт</a>'),
        ("[сайт](https://evil.example)", "[site](https://a.b/c)", "сайт"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))", "x"),
        ("<javascript:alert(1)>", "x", "javascript:alert(1)"),
        ("[x](JaVaScRiPt:alert(1))", "x", "x"),
        ("[x](data:text/html,hi)", "[x](data:text/html,hi)", "x"),
        (
            "[почта](mailto:press@sectsco.org)",
            "mailto:press@sectsco.org",
            '<a href="mailto:press@sectsco.org">почта</a>',
        ),
        ("[дальше](../ru/b.html)", "[next](../ru/b.html)", '<a href="../ru/b.html">дальше</a>'),
        ("![флаг *РФ*](flag.png)", "![flag](flag.png)", '<img src="flag.png" alt="флаг РФ" />'),
        ("![флаг *РФ*](https://evil.example/x.png)", "![flag](flag.png)", "флаг РФ"),
        ("Plain URL https://a.b stays text", "x", "Plain URL https://a.b stays text"),
    ],
)
def test_markdown_translations_are_rendered_safely(
    text: str, source_text: str, expected: str
) -> None:
    assert render_inline(text, markup=MD, source_text=source_text) == expected


def test_plain_markup_is_escaped_verbatim() -> None:
    assert render_inline('*a* <i>"b"</i> & c', markup=Markup.PLAIN, source_text="") == (
        "*a* &lt;i&gt;&quot;b&quot;&lt;/i&gt; &amp; c"
    )


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://sectsco.org", True),
        ("HTTP://sectsco.org", True),
        ("mailto:a@b.c", True),
        ("news/a.html", True),
        ("#top", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("vbscript:x", False),
        ("data:text/html,x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_only_http_mailto_and_relative_urls_are_safe(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


@given(st.text(alphabet=st.sampled_from('<>"&[]()!:*`\\ aj/script:javascript'), max_size=60))
def test_no_translation_can_inject_markup_or_a_script_link(text: str) -> None:
    html = render_inline(text, markup=MD, source_text="[x](https://sectsco.org)")
    assert "<script" not in html
    assert 'href="javascript' not in html.lower()
    tags = re.findall(r"</?([a-z]+)", html)
    assert set(tags) <= {"a", "em", "strong", "code", "img", "br"}
