"""Per-language no-break spaces in rendered HTML."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n_kit.output.typography import apply_typography

NB = "\u00a0"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Встреча в Москве", f"Встреча в{NB}Москве"),
        ("и в 2020 году", f"и{NB}в{NB}2020 году"),
        ("Встреча на высшем уровне", f"Встреча на{NB}высшем уровне"),
        ("В Ташкенте", f"В{NB}Ташкенте"),
        ("Саммит — важное событие", f"Саммит{NB}— важное событие"),
        ("Он же пришёл", f"Он{NB}же пришёл"),
        ("Придёт ли он", f"Придёт{NB}ли он"),
        ("из-за пандемии по-русски", "из-за пандемии по-русски"),
        ("Москва и", "Москва и"),
        ('<a href="в Москве">и на</a> форуме', f'<a href="в Москве">и{NB}на</a> форуме'),
        (
            'встреча в <a href="x">Москве</a> — итог',
            f'встреча в{NB}<a href="x">Москве</a>{NB}— итог',
        ),
        ("<code>в x — y</code> и z", f"<code>в x — y</code> и{NB}z"),
        ("<pre><code>в x</code></pre>", "<pre><code>в x</code></pre>"),
        ("SCO and a UN — in", f"SCO and a UN{NB}— in"),  # Latin short words stay free
    ],
)
def test_russian_text_nodes_get_no_break_spaces(html: str, expected: str) -> None:
    assert apply_typography(html, "ru") == expected


@pytest.mark.parametrize("lang", ["en", "zh", "en-GB"])
def test_other_languages_are_untouched(lang: str) -> None:
    text = "Meeting in Moscow — a summit of the SCO; 会议 — 上海"
    assert apply_typography(text, lang) == text


@given(st.text(alphabet=st.sampled_from("вииз-на —<>a b\u00a0"), max_size=40))
def test_typography_only_turns_spaces_into_no_break_spaces(text: str) -> None:
    typeset = apply_typography(text, "ru")
    assert typeset.replace(NB, " ") == text.replace(NB, " ")
    assert apply_typography(typeset, "ru") == typeset
