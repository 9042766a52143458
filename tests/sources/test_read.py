"""read_article / parse_* behaviour that the golden files do not show at a glance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from i18n_kit.errors import SourceError
from i18n_kit.model import BlockKind, Markup
from i18n_kit.sources import (
    SOURCE_SUFFIXES,
    parse_article,
    parse_html,
    parse_markdown,
    parse_text,
    read_article,
)

NBSP = "\u00a0"


def markdown(front: str, body: str = "Text.\n") -> str:
    return f"---\n{front}\n---\n\n{body}"


def test_path_is_project_relative_posix_and_suffix_case_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "content" / "2020" / "summit.MD"
    path.parent.mkdir(parents=True)
    path.write_text(markdown("title: Summit"), encoding="utf-8")
    article = read_article(path, root=tmp_path, default_lang="ru")
    assert (article.path, article.slug, article.lang) == ("content/2020/summit.MD", "summit", "ru")


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_article(tmp_path / "content" / "gone.md", root=tmp_path, default_lang="en")
    assert str(caught.value).startswith("content/gone.md: cannot read the file: ")


def test_suffixes_are_the_documented_ones() -> None:
    assert SOURCE_SUFFIXES == (".md", ".markdown", ".html", ".htm", ".txt")
    for suffix in SOURCE_SUFFIXES:
        text = markdown("title: T") if suffix in (".md", ".markdown") else "<h1>T</h1><p>Text.</p>"
        if suffix == ".txt":
            text = "T\n\nText."
        article = parse_article(text, origin="a" + suffix, suffix=suffix, default_lang="en")
        assert article.title == "T"


def test_no_break_spaces_are_kept_in_every_format() -> None:
    md = parse_markdown(
        markdown("title: T", f"in{NBSP}the city\n"), origin="a.md", default_lang="en"
    )
    html = parse_html("<h1>T</h1><p>in&nbsp;the  city</p>", origin="a.html", default_lang="en")
    text = parse_text(f"T\n\nin{NBSP}the city\n", origin="a.txt", default_lang="en")
    assert [a.blocks[1].text for a in (md, html, text)] == [f"in{NBSP}the city"] * 3


def test_front_matter_dates_keep_their_precision() -> None:
    def date_of(value: str) -> dt.date | dt.datetime | None:
        return parse_markdown(
            markdown(f"title: T\ndate: {value}"), origin="a.md", default_lang="en"
        ).date

    assert date_of("2020-11-18") == dt.date(2020, 11, 18)
    assert date_of("'2020-11-18 17:07'") == dt.datetime(2020, 11, 18, 17, 7)
    assert date_of("2020-11-18T17:07:30Z") == dt.datetime(2020, 11, 18, 17, 7, 30, tzinfo=dt.UTC)


def test_front_matter_values_are_text_as_written() -> None:
    article = parse_markdown(
        markdown("title: 2020\nviews: 1e3\npublished: no\nnote:"), origin="a.md", default_lang="en"
    )
    assert article.title == "2020"
    assert dict(article.meta) == {"views": "1e3", "published": "no", "note": ""}
    assert article.blocks[0].markup is Markup.PLAIN


def test_unknown_default_lang_is_reported_without_a_line() -> None:
    with pytest.raises(SourceError) as caught:
        parse_markdown(markdown("title: T"), origin="a.md", default_lang="de")
    assert str(caught.value) == "a.md: unknown lang 'de'; expected one of en, ru, zh"


def test_yaml_error_line_is_the_file_line() -> None:
    with pytest.raises(SourceError) as caught:
        parse_markdown(
            "---\ntitle: T\ndate: 2020-01-01\nkey: [unclosed\n---\n\nText.\n",
            origin="a.md",
            default_lang="en",
        )
    assert caught.value.line == 4  # the line of "key: [unclosed"


def test_markdown_without_front_matter_has_no_title() -> None:
    with pytest.raises(SourceError) as caught:
        parse_markdown("# Heading\n\nText.\n", origin="a.md", default_lang="en")
    assert caught.value.line == 1
    assert caught.value.message.startswith("article has no title; add 'title: ...'")


def test_markdown_inline_source_is_kept_exactly() -> None:
    body = 'A **bold** [link](https://x.org "T") `code` ![alt](a.png) &amp; line  \nbreak\\\nend\n'
    article = parse_markdown(markdown("title: T", body), origin="a.md", default_lang="en")
    assert article.blocks[1].text == body.rstrip("\n")


def test_html_meta_title_keeps_h1_as_a_heading_and_lead_in_a_list_is_an_item() -> None:
    article = parse_html(
        '<meta name="title" content="Meta title"><h1>Heading</h1>'
        '<ul><li><p class="lead">Item</p></li></ul>',
        origin="a.html",
        default_lang="en",
    )
    kinds = [(block.kind, block.text) for block in article.blocks]
    assert kinds == [
        (BlockKind.TITLE, "Meta title"),
        (BlockKind.HEADING, "Heading"),
        (BlockKind.LIST_ITEM, "Item"),
    ]


def test_html_time_inside_a_paragraph_is_text() -> None:
    article = parse_html(
        '<h1>T</h1><p>Held on <time datetime="2020-11-10">10 November</time>.</p>',
        origin="a.html",
        default_lang="en",
    )
    assert article.date is None
    assert article.blocks[1].text == "Held on 10 November."


def test_html_front_matter_lines_count_in_block_lines() -> None:
    article = parse_html(
        "---\nlang: ru\n---\n<h1>T</h1>\n\n<p>Текст.</p>\n", origin="a.html", default_lang="en"
    )
    assert [(block.kind, block.line) for block in article.blocks] == [
        (BlockKind.TITLE, 4),
        (BlockKind.PARAGRAPH, 6),
    ]
    assert article.lang == "ru"


def test_text_markers_accept_plain_and_no_break_spaces() -> None:
    article = parse_text(
        f"T\n\n• — a\n•{NBSP}—{NBSP}b\n—{NBSP}c\n12) d\n", origin="a.txt", default_lang="en"
    )
    items = [(block.marker, block.text, block.group) for block in article.blocks[1:]]
    assert items == [("• —", "a", 1), ("• —", "b", 1), ("—", "c", 1), ("12)", "d", 2)]


def test_html_emphasis_that_markdown_cannot_express_is_dropped_not_shown_as_stars() -> None:
    article = parse_html(
        "<h1>T</h1><p>word<b>(x)</b>, <b>Note:</b>text, <b>«Итоги»</b> and <i>(ok)</i>.</p>",
        origin="a.html",
        default_lang="en",
    )
    assert article.blocks[1].text == "word(x), Note:text, **«Итоги»** and *(ok)*."
