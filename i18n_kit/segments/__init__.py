"""Article -> [Segment]: sentence segments of every translatable block, and back.

Whitespace rule (documented in docs/translators.md): a segment's text is its source
slice with every run of whitespace -- spaces, tabs, line breaks, no-break spaces
(U+00A0, U+202F), the ideographic space -- collapsed to one ordinary space, and
removed entirely where a line break joins two Chinese characters. Translators never
see invisible characters, re-wrapping a paragraph changes no segment, and a memory
lookup does not miss on a no-break space. Pages put locale typography back.
A Markdown hard line break (backslash or two spaces before a newline) is kept as
``\\`` + newline so the page keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from i18n_kit.model import Article, Block, Markup, Segment
from i18n_kit.segments.sentences import split_sentences

__all__ = [
    "is_wide",
    "join_parts",
    "normalize_space",
    "reassemble_block",
    "segment_article",
    "segment_block",
    "split_sentences",
]

# Wide (CJK) characters: ideographs, kana, hangul, CJK and full-width punctuation.
_WIDE = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff\uac00-\ud7af"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
)
_WIDE_CHAR = re.compile(f"[{_WIDE}]")
_HARD_BREAK = re.compile(r"(?:\\|(?<![ \t])[ \t]{2,})\n\s*")
_CJK_WRAP = re.compile(f"(?<=[{_WIDE}])[^\\S\u00a0]*\\n\\s*(?=[{_WIDE}])")
_SPACE_RUN = re.compile(r"\s+")  # Python's \s includes U+00A0, U+202F and U+3000
_HARD_BREAK_MARK = "\x00"


def normalize_space(text: str, *, markup: Markup = Markup.MARKDOWN) -> str:
    """The text translators see: whitespace collapsed as described in the module doc.

    >>> normalize_space("In\\u00a0the  SCO\\nSecretariat. ")
    'In the SCO Secretariat.'
    >>> normalize_space("上海合作组织\\n秘书处")
    '上海合作组织秘书处'
    """
    if markup is Markup.MARKDOWN and "\n" in text:
        text = _HARD_BREAK.sub(_HARD_BREAK_MARK, text)
    if "\n" in text:
        text = _CJK_WRAP.sub("", text)
    text = _SPACE_RUN.sub(" ", text).strip()
    return text.replace(_HARD_BREAK_MARK, "\\\n")


def is_wide(char: str) -> bool:
    """True for a CJK character or full-width punctuation mark (no spaces around it)."""
    return bool(_WIDE_CHAR.match(char))


def join_parts(parts: Sequence[str]) -> str:
    """Join translated segments of one block: a space between them, none where
    either side of the join is Chinese.

    >>> join_parts(["One.", "Two."]), join_parts(["一。", "二。"]), join_parts(["一。", "Two."])
    ('One. Two.', '一。二。', '一。Two.')
    """
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        if out and not (is_wide(out[-1][-1]) or is_wide(part[0])):
            out.append(" ")
        out.append(part)
    return "".join(out)


def segment_block(block: Block, lang: str) -> list[tuple[int, int]]:
    """Spans of the block's sentences (empty for blocks nobody translates)."""
    if not block.translatable or not block.text.strip():
        return []
    return split_sentences(block.text, lang)


def segment_article(article: Article) -> list[Segment]:
    """Every sentence of every translatable block, in source order (duplicates kept;
    catalogs make one entry of them).

    >>> from i18n_kit.model import Block, BlockKind
    >>> a = Article(slug="s", lang="en", path="content/s.md",
    ...     blocks=(Block(kind=BlockKind.PARAGRAPH, text="Mr. Norov spoke. He left.", line=3),))
    >>> [s.text for s in segment_article(a)]
    ['Mr. Norov spoke.', 'He left.']
    """
    return list(_iter_segments(article))


def _iter_segments(article: Article) -> Iterator[Segment]:
    for block_index, block in enumerate(article.blocks):
        for index, (start, end) in enumerate(segment_block(block, article.lang)):
            raw = block.text[start:end]
            yield Segment(
                text=normalize_space(raw, markup=block.markup),
                raw=raw,
                block=block_index,
                index=index,
                start=start,
                end=end,
                origin=f"{article.path}:{block.line}",
            )


def reassemble_block(
    block: Block, segments: Sequence[Segment], translate: Callable[[Segment], str]
) -> str:
    """The block's text with each segment replaced by ``translate(segment)`` and the
    source's own whitespace kept between segments.

    Reassembling with ``lambda s: s.raw`` gives ``block.text`` back exactly.
    """
    out: list[str] = []
    position = 0
    for segment in segments:
        out.append(block.text[position : segment.start])
        out.append(translate(segment))
        position = segment.end
    out.append(block.text[position:])
    return "".join(out)
