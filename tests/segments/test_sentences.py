"""Sentence splitting: golden cases per language and span invariants on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.segments.sentences import split_sentences

DATA = Path(__file__).parent.parent / "data" / "segments"
LANGUAGES = ("en", "ru", "zh")


def _decode(line: str) -> str:
    return line.replace("↵", "\n").replace("⍽", "\u00a0")


def load_cases(lang: str) -> list[tuple[str, list[str]]]:
    """The golden cases of one language: (input, expected segments)."""
    cases: list[tuple[str, list[str]]] = []
    text = (DATA / f"{lang}.txt").read_text(encoding="utf-8")
    for chunk in text.split("\n\n"):
        lines = [line for line in chunk.splitlines() if line and not line.startswith("#")]
        if not lines:
            continue
        assert lines[0].startswith("> "), f"{lang}.txt: a case must open with '> ': {lines[0]!r}"
        cases.append((_decode(lines[0][2:]), [_decode(line) for line in lines[1:]]))
    return cases


GOLDEN = [
    pytest.param(lang, text, expected, id=f"{lang}-{index:02d}")
    for lang in LANGUAGES
    for index, (text, expected) in enumerate(load_cases(lang), start=1)
]


@pytest.mark.parametrize(("lang", "text", "expected"), GOLDEN)
def test_split_sentences_matches_golden_case(lang: str, text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text, lang)] == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_enough_golden_cases(lang: str) -> None:
    assert len(load_cases(lang)) >= 50


def test_split_sentences_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        split_sentences("Bonjour. Salut.", "fr")


def test_split_sentences_of_blank_text_is_empty() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \u00a0\n\t", "zh") == []


_ALPHABET = st.sampled_from(
    list("aZ Я я9.!?…。！？，；“”«»\"'()（）[]*_`<>\\:/-—\n\u00a0\u3000")
    + ["http://x.org/a?b. ", "Mr. ", "т. е. ", "U.S. ", "**", "](u)", "www.a.ru. ", "会议"]
)
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=80)


def _check_invariants(text: str, spans: list[tuple[int, int]]) -> None:
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].strip() == ""
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    assert text[position:].strip() == ""


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, lang=st.sampled_from(LANGUAGES))
def test_split_sentences_spans_cover_all_non_space_text(text: str, lang: str) -> None:
    _check_invariants(text, split_sentences(text, lang))


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, lang=st.sampled_from(LANGUAGES))
def test_split_sentences_spans_and_gaps_rebuild_the_input(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    rebuilt: list[str] = []
    position = 0
    for start, end in spans:
        rebuilt.append(text[position:start])
        rebuilt.append(text[start:end])
        position = end
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_split_sentences_invariants_hold_on_golden_inputs(lang: str) -> None:
    for text, _ in load_cases(lang):
        _check_invariants(text, split_sentences(text, lang))
