"""Segment an article, reassemble it with the identity translation, get it back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.model import Article
from i18n_kit.segments import normalize_space, reassemble_block, segment_article
from i18n_kit.sources import parse_article

WORDS = {
    "en": ["SCO", "Mr.", "Norov", "said", "the", "U.S.", "e.g.", "summit", "60%", "3.5",
           "18.11.2020", "**Council**", "[link](https://sectsco.org/a.b)", "`RATS-C/1`",
           "No.", "5", "\u00a0in", "(see", "above)", "“change.”", "..."],
    "ru": ["ШОС", "т. е.", "г.", "Норов", "В. И.", "заявил", "«зла».", "12,5 %", "см.",
           "ст.", "5", "2019–2020", "гг.", "**Совет**", "в\u00a0Москве", "…"],
    "zh": ["上海合作组织", "秘书处", "成员国", "“活动。”", "2020年11月10日", "60%", "；",
           "，", "**元首理事会**", "SCO", "……"],
}
ENDS = {"en": [".", "!", "?", "…"], "ru": [".", "!", "?", "»."], "zh": ["。", "！", "？"]}


@st.composite
def sentences(draw: st.DrawFn, lang: str) -> str:
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=12))
    joiner = "" if lang == "zh" else draw(st.sampled_from([" ", " ", "  ", "\n", "\u00a0"]))
    return joiner.join(words) + draw(st.sampled_from(ENDS[lang]))


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    lang = draw(st.sampled_from(["en", "ru", "zh"]))
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        body = (" " if lang != "zh" else "").join(
            draw(st.lists(sentences(lang), min_size=1, max_size=4))
        )
        prefix = draw(st.sampled_from(["", "- ", "1. ", "## ", "> "]))
        blocks.append(prefix + body)
    text = f"---\ntitle: T\nlang: {lang}\n---\n\n" + "\n\n".join(blocks) + "\n"
    return lang, text


def read(text: str) -> Article:
    return parse_article(text, origin="content/a.md", suffix=".md", default_lang="en")


@settings(max_examples=150, deadline=None)
@given(articles())
def test_identity_reassembly_gives_every_block_back(case: tuple[str, str]) -> None:
    _, text = case
    article = read(text)
    segments = segment_article(article)
    for index, block in enumerate(article.blocks):
        mine = [s for s in segments if s.block == index]
        assert reassemble_block(block, mine, lambda s: s.raw) == block.text
        assert all(s.text == normalize_space(s.raw) for s in mine)
        assert all(s.text and s.text == s.text.strip() for s in mine)


@settings(max_examples=100, deadline=None)
@given(articles())
def test_segments_never_cross_blocks(case: tuple[str, str]) -> None:
    _, text = case
    article = read(text)
    for segment in segment_article(article):
        block = article.blocks[segment.block]
        assert block.text[segment.start : segment.end] == segment.raw
