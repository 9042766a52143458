"""Property: for generated Markdown paragraphs and lists, block texts are the source's own text."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.model import BlockKind
from i18n_kit.sources import parse_markdown

# A line starts with a plain word, so it never reads as a heading, list, quote or table.
FIRST_WORDS = ["SCO", "Summit", "Саммит", "ШОС", "上海合作组织", "Norov", "Ташкент", "member"]
WORDS = FIRST_WORDS + [
    "**bold**",
    "*em*",
    "`code`",
    "[link](https://eng.sectsco.org/)",
    '[titled](https://x.org "Title")',
    "![alt](images/a.png)",
    "2020.",
    "5%",
    "—",
    "(note)",
    "a\u00a0b",
    "“quote”",
    "e.g.",
    "&amp;",
    "峰会。",
    "\\*",
]

line_text = st.builds(
    lambda first, rest: " ".join([first, *rest]),
    st.sampled_from(FIRST_WORDS),
    st.lists(st.sampled_from(WORDS), max_size=8),
)


@dataclass(frozen=True)
class Expected:
    kind: BlockKind
    text: str
    marker: str


@st.composite
def paragraph(draw: st.DrawFn) -> tuple[str, list[Expected]]:
    lines = draw(st.lists(line_text, min_size=1, max_size=4))
    text = "\n".join(lines)
    return text, [Expected(BlockKind.PARAGRAPH, text, "")]


@st.composite
def bullet_list(draw: st.DrawFn) -> tuple[str, list[Expected]]:
    bullet = draw(st.sampled_from(["-", "*", "+"]))
    items = draw(st.lists(line_text, min_size=1, max_size=5))
    source = "\n".join(f"{bullet} {item}" for item in items)
    return source, [Expected(BlockKind.LIST_ITEM, item, bullet) for item in items]


@st.composite
def ordered_list(draw: st.DrawFn) -> tuple[str, list[Expected]]:
    delimiter = draw(st.sampled_from([".", ")"]))
    start = draw(st.integers(min_value=0, max_value=999))
    items = draw(st.lists(line_text, min_size=1, max_size=5))
    markers = [f"{start + index}{delimiter}" for index in range(len(items))]
    source = "\n".join(f"{marker} {item}" for marker, item in zip(markers, items, strict=True))
    expected = [
        Expected(BlockKind.LIST_ITEM, item, m) for m, item in zip(markers, items, strict=True)
    ]
    return source, expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(paragraph(), bullet_list(), ordered_list()), min_size=1, max_size=6))
def test_generated_markdown_block_texts_are_source_substrings(
    parts: list[tuple[str, list[Expected]]],
) -> None:
    # A list right after a list of the same kind would merge or nest; a paragraph between
    # them is not needed for this property, a blank line and an HTML comment are.
    body = "\n\n<!-- -->\n\n".join(source for source, _ in parts) + "\n"
    source = f"---\ntitle: Generated\n---\n\n{body}"
    article = parse_markdown(source, origin="content/generated.md", default_lang="en")
    blocks = [block for block in article.blocks[1:] if block.kind is not BlockKind.HTML]
    for block in blocks:
        assert block.text in source
    expected = [item for _, items in parts for item in items]
    assert [Expected(block.kind, block.text, block.marker) for block in blocks] == expected
