"""wrap.py against GNU libunistring, the library msgcat wraps with (read through ctypes)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.catalogs import wrap
from i18n_kit.catalogs.wrap import display_width, format_interiors, wrap_field
from tests.catalogs import libunistring_tables as reference
from tests.catalogs.gettext_tools import INSTALL_HINT

TABLES = Path(wrap.__file__).with_name("wrap_tables.py")


@pytest.fixture(scope="module")
def lib() -> Iterator[object]:
    library = reference.library()
    if library is None:
        pytest.fail(f"libunistring 1.0 (libunistring.so.2) is not installed. {INSTALL_HINT}")
    yield library


def test_tables_are_those_of_the_installed_libunistring(lib: object) -> None:
    # A different libunistring (another Unicode version) would change msgcat's output:
    # regenerate wrap_tables.py with tests/catalogs/libunistring_tables.py then.
    assert TABLES.read_text(encoding="utf-8") == reference.render_module(lib)  # type: ignore[arg-type]


def sample_characters() -> tuple[list[str], list[str]]:
    """Up to 25 characters of every line-breaking class, and those of the classes the
    regex fast path handles (no combining marks, joiners, regional indicators, ...)."""
    by_class: dict[int, list[int]] = {}
    for cp in range(1, 0x110000):
        if not 0xD800 <= cp < 0xE000:
            by_class.setdefault(wrap._TABLE[cp] & 63, []).append(cp)
    every, plain = [], []
    special = {wrap._BK, wrap._CR, wrap._LF, wrap._CM, wrap._ZW, wrap._ZWJ, wrap._RI, wrap._HL}
    for cls, cps in sorted(by_class.items()):
        chosen = [chr(cp) for cp in random.Random(cls).sample(cps, min(len(cps), 25))]
        every += chosen
        if cls not in special:
            plain += chosen
    return every, plain


EVERY, PLAIN = sample_characters()
COMMON = list('The SCO, (RATS) 25% a/b e.g. "x" \\ 1,000 — …  ') + list("Секретариат ")
COMMON += list("上海合作组织。，、！？“”《》") + ["\u00a0", "\u2060", "\u3000", "\u2011", "\u00ad"]


@pytest.mark.parametrize("pool", [EVERY, PLAIN], ids=["all-classes", "fast-path"])
def test_line_breaks_match_libunistring_on_random_text(lib: object, pool: list[str]) -> None:
    rng = random.Random(79)
    for _ in range(3000):
        text = "".join(
            rng.choice(pool) if rng.random() < 0.4 else rng.choice(COMMON)
            for _ in range(rng.randint(1, 120))
        )
        width, start = rng.randint(1, 40), rng.randint(0, 12)
        overrides = None
        banned: set[int] = set()
        if rng.random() < 0.3:
            overrides = bytes(rng.choice((0, 0, 0, 1)) for _ in text)
            banned = {i for i, v in enumerate(overrides) if v}
        expected = reference.width_linebreaks(lib, text, width, start, overrides)  # type: ignore[arg-type]
        assert wrap._width_linebreaks(text, wrap._widths(text), width, start, banned) == expected, (
            text,
            width,
            start,
        )


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.sampled_from(COMMON + EVERY[::7]), max_size=200),
    width=st.integers(1, 80),
)
def test_line_breaks_match_libunistring(text: str, width: int) -> None:
    lib = reference.library()
    assert lib is not None, INSTALL_HINT
    expected = reference.width_linebreaks(lib, text, width, 6, None)
    assert wrap._width_linebreaks(text, wrap._widths(text), width, 6, set()) == expected


def test_widths_count_cjk_twice_and_combining_marks_not() -> None:
    assert display_width("SCO") == 3
    assert display_width("Секретариат ШОС") == 15
    assert display_width("上海合作组织。") == 14
    assert display_width("e\u0301") == 1
    assert display_width("\u00a0") == 1


def test_format_directives_are_not_broken() -> None:
    assert format_interiors("python", "%(date)s") == frozenset(range(1, 8))
    assert format_interiors("python", "100%% of %s") == frozenset({4, 10})
    # gettext stops at the first invalid directive.
    assert format_interiors("python", "%(a)s %y %(b)s") == frozenset({1, 2, 3, 4})
    assert format_interiors("c", "% d and %-5.2f and %1$s") == frozenset(
        {1, 2, 9, 10, 11, 12, 13, 20, 21, 22}
    )


def test_wrap_field_breaks_after_the_last_space_that_fits() -> None:
    text = "word " * 20
    assert wrap_field("msgid", text) == (
        'msgid ""\n'
        '"word word word word word word word word word word word word word word word "\n'
        '"word word word word word "\n'
    )


def test_wrap_field_never_breaks_before_a_final_newline() -> None:
    # The only break opportunity is before "\n", which gettext forbids: the line
    # overflows rather than leave "\n" alone on the next one (as msgcat writes it).
    text = "x" * 73 + " \n"
    assert wrap_field("msgstr", text, prefix="#~ ") == f'#~ msgstr "{"x" * 73} \\n"\n'
