"""Imported text survives as Markdown: whatever the page says, sync reads back exactly it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from i18n_kit.importing.lines import PageLine
from i18n_kit.importing.markdown import escape_markdown, render_article
from i18n_kit.model import BlockKind
from i18n_kit.sources.markdown import parse_markdown, visible_text

# Every character CommonMark gives a meaning to, with letters, digits and spaces.
MARKUP = "\\`*_[]()<>&#;!-+=.|:~'\"0123456789aZ \u00a0ШО上"
TEXTS = st.text(alphabet=MARKUP, min_size=1, max_size=30).map(str.strip).filter(bool)
KINDS = st.sampled_from(
    [
        (BlockKind.PARAGRAPH, ""),
        (BlockKind.LIST_ITEM, "•"),
        (BlockKind.LIST_ITEM, "3."),
        (BlockKind.QUOTE, ""),
        (BlockKind.HEADING, ""),
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TEXTS, KINDS), min_size=1, max_size=6), TEXTS)
# A heading ending in " #" once lost it: an ATX heading's closing sequence.
@example(lines=[("0 #", (BlockKind.HEADING, ""))], title="0")
@example(lines=[("Results ##", (BlockKind.HEADING, ""))], title="C# and F#")
def test_every_kept_line_reads_back_as_written(
    lines: list[tuple[str, tuple[BlockKind, str]]], title: str
) -> None:
    body = [
        PageLine(text=text, line=number, kind=kind, marker=marker)
        for number, (text, (kind, marker)) in enumerate(lines, 1)
    ]
    markdown = render_article(
        title=title, date=None, slug="a", lang="en", url=None, body=body, origin="page.txt"
    )
    article = parse_markdown(markdown, origin="content/a.md", default_lang="en")
    assert article.title == title
    assert [(visible_text(b.text), b.kind) for b in article.blocks[1:]] == [
        (line.text, line.kind) for line in body
    ]


def test_escapes_only_what_markdown_would_read_as_markup() -> None:
    assert escape_markdown("R&D in 2021: snake_case, 3 < 4, AT&T") == (
        "R&D in 2021: snake_case, 3 < 4, AT&T"
    )
    assert escape_markdown("&amp; <b>") == "\\&amp; \\<b>"
    assert escape_markdown("# 1") == "\\# 1"
    assert escape_markdown("2021. A year") == "2021\\. A year"
    assert escape_markdown("- dash") == "\\- dash"
    assert escape_markdown("_lead_ and *stress*") == "\\_lead\\_ and \\*stress\\*"
