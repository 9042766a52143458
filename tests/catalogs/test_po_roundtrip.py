"""Write then read a catalog: the same catalog, and the same text when written again."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.catalogs.po import (
    Catalog,
    Entry,
    format_catalog,
    new_catalog,
    new_entry,
    parse_catalog,
)

TEXT = st.text(
    alphabet=st.sampled_from(
        list('ab yz .,/-%()"\\\n\t') + list("жЁ ") + list("上海。，") + ["\u00a0", "\u3000", "\r"]
    ),
    max_size=120,
)
LINE = st.text(alphabet=st.sampled_from(list("ab :.#~|,") + ["ж", "上", "\u00a0"]), max_size=30)
COMMENT = st.lists(LINE, max_size=3).map("\n".join)
REFERENCE = st.tuples(
    st.from_regex(r"[a-z][a-z0-9_./-]{0,20}", fullmatch=True), st.sampled_from(["", "1", "42"])
)
FLAGS = st.lists(st.sampled_from(["fuzzy", "python-format", "no-wrap", "c-format"]), max_size=3)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    plural = draw(st.booleans())
    msgid = draw(TEXT.filter(bool))
    return new_entry(
        msgid=msgid,
        msgstr="" if plural else draw(TEXT),
        msgctxt=draw(st.none() | TEXT),
        msgid_plural=draw(TEXT.filter(bool)) if plural else "",
        msgstr_plural={i: draw(TEXT) for i in range(3)} if plural else None,
        comment=draw(COMMENT),
        tcomment=draw(COMMENT),
        occurrences=draw(st.lists(REFERENCE, max_size=4)),
        flags=draw(FLAGS),
        previous_msgctxt=draw(st.none() | TEXT),
        previous_msgid=draw(st.none() | TEXT),
        previous_msgid_plural=draw(st.none() | TEXT) if plural else None,
        obsolete=draw(st.booleans()),
    )


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    catalog = new_catalog(
        header=draw(
            st.sampled_from([{}, {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}])
        )
    )
    seen = set()
    for entry in draw(st.lists(entries(), max_size=8)):
        key = (entry.msgctxt, entry.msgid)
        if key not in seen and key != (None, ""):
            seen.add(key)
            catalog.append(entry)
    return catalog


def fields(entry: Entry) -> tuple[object, ...]:
    return (
        entry.msgctxt,
        entry.msgid,
        entry.msgid_plural,
        entry.msgstr,
        dict(entry.msgstr_plural),
        entry.previous_msgctxt,
        entry.previous_msgid,
        entry.previous_msgid_plural,
        bool(entry.obsolete),
        entry.comment,
        entry.tcomment,
    )


@settings(max_examples=300, deadline=None)
@given(catalog=catalogs())
def test_write_read_write_is_stable(catalog: Catalog) -> None:
    text = format_catalog(catalog)
    again = parse_catalog(text, origin="round.po")
    assert format_catalog(again) == text
    kept = [e for e in catalog if not e.obsolete] + [
        e for e in catalog if e.obsolete and (e.msgstr or e.msgstr_plural.get(0))
    ]
    assert [fields(e) for e in again] == [fields(e) for e in kept]
    assert again.metadata == catalog.metadata


def test_polib_loses_what_parse_catalog_keeps() -> None:
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#, fuzzy\n"
        '#~| msgid "The SCO summit"\n'
        '#~ msgid "The SCO summit in Moscow"\n'
        '#~ msgstr "Саммит ШОС"\n'
    )
    catalog = parse_catalog(text, origin="a.po")
    assert [e.previous_msgid for e in catalog] == ["The SCO summit"]
    assert format_catalog(catalog) == text


def test_comments_before_a_headerless_first_entry_stay_with_it() -> None:
    text = '# Translator note\nmsgid "Summit"\nmsgstr "Саммит"\n'
    catalog = parse_catalog(text, origin="a.pot")
    assert catalog.header == ""
    assert [e.tcomment for e in catalog] == ["Translator note"]
    assert format_catalog(catalog) == text
