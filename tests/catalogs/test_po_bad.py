"""Bad catalogs: one case per file in tests/data/catalogs/bad/, each with its exact error."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_kit.catalogs.po import parse_catalog, read_catalog
from i18n_kit.errors import CatalogError

BAD = Path(__file__).parent.parent / "data" / "catalogs" / "bad"
WHERE = "locales/ru/LC_MESSAGES/articles/"

ERRORS = {
    "compiled-mo.po": "compiled-mo.po:1: this is a compiled MO file, not a PO file; "
    "read the .po it was made from",
    "duplicate-msgid.po": 'duplicate-msgid.po:12: duplicate msgid "Mr." (first at line 6); '
    "msgfmt rejects duplicates: merge the two entries",
    "garbage-line.po": "garbage-line.po:9: unexpected text 'Press conference = "
    "Пресс-конференция'; expected msgctxt, msgid, msgstr, a quoted string or a # comment",
    "invalid-escape.po": "invalid-escape.po:6: invalid escape sequence \\P in a string; "
    "write \\\\ for a backslash",
    "invalid-utf8.po": "invalid-utf8.po:7: invalid UTF-8 (byte 0xff at column 19); "
    "save the file as UTF-8",
    "latin1-charset.po": "latin1-charset.po:1: the header declares charset=ISO-8859-1; "
    "i18n-kit reads UTF-8 only: convert the file with msgconv --to-code=UTF-8",
    "missing-msgstr.po": 'missing-msgstr.po:6: msgid without msgstr; add msgstr "" after it',
    "not-a-po.po": "not-a-po.po:3: not a PO file: expected a # comment or msgid, found "
    "'The SCO Secretary-General held a pres...'",
    "plural-gap.po": "plural-gap.po:9: msgstr[2] where msgstr[1] was expected; "
    "number the plural forms from 0 without gaps",
    "unterminated-string.po": "unterminated-string.po:12: unterminated string; "
    'end it with a double quote: "Итоги саммита',
}


def test_every_bad_file_has_its_expected_error() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(ERRORS)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_catalog_gives_one_clear_line(name: str) -> None:
    with pytest.raises(CatalogError) as caught:
        read_catalog(BAD / name, origin=WHERE + name)
    assert str(caught.value) == WHERE + ERRORS[name]
    assert caught.value.path == WHERE + name
    assert "\n" not in str(caught.value)


def test_origin_defaults_to_the_path() -> None:
    with pytest.raises(CatalogError) as caught:
        read_catalog(BAD / "garbage-line.po")
    assert str(caught.value).startswith(f"{BAD / 'garbage-line.po'}:9: ")


def test_a_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        read_catalog(tmp_path / "nowhere.po", origin="nowhere.po")
    assert str(caught.value) == "nowhere.po: cannot read the file: No such file or directory"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('msgid "a"\nmsgstr "b" x\n', "a.po:2: unexpected text after the string: 'x'"),
        ('msgstr "b"\n', "a.po:1: msgstr without a msgid before it"),
        ('"b"\n', "a.po:1: a string without a keyword before it"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "a.po:3: a second msgstr in one entry"),
        (
            'msgctxt "x"\n',
            "a.po:1: the file ends in the middle of an entry; add its msgid and msgstr",
        ),
        (
            '#| msgstr "x"\nmsgid "a"\nmsgstr ""\n',
            "a.po:1: unknown keyword in a #| line: 'msgstr \"x\"'; expected msgctxt or msgid",
        ),
        ('msgid "a"\n#~ msgstr "b"\n', "a.po:2: an entry mixes obsolete (#~) and active lines"),
        (
            'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',
            "a.po:3: msgstr in an entry with msgid_plural; use msgstr[0], msgstr[1], ...",
        ),
        ('msgid "a"\nmsgstr[0] "b"\n', "a.po:2: msgstr[0] in an entry without msgid_plural"),
        (
            '#~ msgid "a"\n#~ msgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n',
            'a.po:4: duplicate msgid "a" (first at line 1); msgfmt rejects duplicates: '
            "merge the two entries",
        ),
    ],
)
def test_syntax_errors_name_the_line(text: str, error: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text, origin="a.po")
    assert str(caught.value) == error


def test_obsolete_and_active_entries_of_one_msgid_are_duplicates_as_for_msgcat() -> None:
    with pytest.raises(CatalogError, match="duplicate msgid"):
        parse_catalog('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', origin="a.po")
