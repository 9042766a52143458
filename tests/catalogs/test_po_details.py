"""What real PO files hold beyond the common shape, read and written as GNU msgcat does.

Each case is a file read by ``read_catalog`` and written by ``format_catalog``; the text
must be byte for byte what the real ``msgcat`` writes for the same file, and reading that
text again must give it back: a comment that is one empty ``#`` or ``#.`` line, a header
field given twice, CRLF line ends (msgcat keeps the CR in comment lines and drops it
everywhere else), and a catalog in another charset (one error line naming the charset and
the msgconv command that converts it). Needs msgcat and msgconv (apt-get install gettext).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18n_kit.catalogs.articles import Unit, merge_catalog
from i18n_kit.catalogs.header import merge_header
from i18n_kit.catalogs.po import (
    ONE_EMPTY_LINE,
    Catalog,
    format_catalog,
    new_catalog,
    new_entry,
    parse_catalog,
    read_catalog,
)
from i18n_kit.catalogs.po_syntax import RawEntry, _Parser
from i18n_kit.errors import CatalogError
from tests.catalogs.generated_catalog import generate_catalog
from tests.catalogs.gettext_tools import msgcat, require
from tests.cli.conftest import CONFIG, SUMMIT, run, snapshot

UTF8_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def round_trip(tmp_path: Path, data: bytes) -> str:
    """format_catalog(read_catalog(file)), checked against msgcat and read again."""
    path = tmp_path / "case.po"
    path.write_bytes(data)
    written = format_catalog(read_catalog(path))
    assert written == msgcat(path)
    assert format_catalog(parse_catalog(written, origin="again.po")) == written
    return written


# -- a comment of one empty line --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '#\nmsgid "a"\nmsgstr "b"\n',  # the smallest case of the issue
        '#.\nmsgid "a"\nmsgstr "b"\n',
        '# \nmsgid "a"\nmsgstr "b"\n',  # "# " is the same empty comment
        UTF8_HEADER + '#\n#.\n#: content/summit.md:3\n#, fuzzy\nmsgid "Summit"\nmsgstr "Саммит"\n',
        UTF8_HEADER
        + '#\nmsgid "Summit"\nmsgstr "Саммит"\n\n#.\n#~ msgid "Gone"\n#~ msgstr "Нет"\n',
        '#\nmsgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
        + '\n#.\nmsgid "a"\nmsgstr ""\n',
        # two empty lines, and empty lines around text, were kept before too
        '#\n#\n# Checked by the desk.\n#\n#.\n#. note\n#.\nmsgid "a"\nmsgstr "b"\n',
    ],
)
def test_a_comment_of_one_empty_line_is_written_as_msgcat_writes_it(
    tmp_path: Path, text: str
) -> None:
    written = round_trip(tmp_path, text.encode("utf-8"))
    assert empty_comment_lines(written) == [line.rstrip() for line in empty_comment_lines(text)]


def empty_comment_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.rstrip() in ("#", "#.")]


def test_one_empty_comment_line_is_no_comment_text() -> None:
    catalog = parse_catalog('#\n#.\nmsgid "a"\nmsgstr "b"\n', origin="a.po")
    (entry,) = catalog
    # Whoever reads the text finds none; the entry still has its lines.
    assert (entry.tcomment, entry.comment) == ("", "")
    assert entry.tcomment is ONE_EMPTY_LINE and entry.comment is ONE_EMPTY_LINE
    assert bool(entry.tcomment) and entry.tcomment.splitlines() == []
    assert parse_catalog('msgid "a"\nmsgstr "b"\n', origin="a.po")[0].tcomment is not (
        ONE_EMPTY_LINE
    )


def test_sync_keeps_a_translator_comment_of_one_empty_line() -> None:
    existing = parse_catalog(
        UTF8_HEADER + '#\nmsgid "The summit opened."\nmsgstr "Саммит открылся."\n',
        origin="ru.po",
    )
    merged = merge_catalog(
        existing,
        [Unit(source_text="The summit opened.", reference="content/summit.md")],
        project="sco",
        locale_code="ru",
    )
    assert '\n#\n#: content/summit.md\nmsgid "The summit opened."\n' in format_catalog(merged)


# -- a header field given twice ----------------------------------------------------------

TWICE = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: sco\\n"\n'
    '"Language: ru\\n"\n'
    '"X-Generator: Poedit 3.4.2\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: ru_RU\\n"\n'
    '"X-Generator: Lokalize 23.08\\n"\n'
    "\n"
    'msgid "Summit"\n'
    'msgstr "Саммит"\n'
)


def test_a_header_field_given_twice_keeps_both_values_in_place(tmp_path: Path) -> None:
    assert round_trip(tmp_path, TWICE.encode("utf-8")) == TWICE
    metadata = parse_catalog(TWICE, origin="a.po").metadata
    # The value a lookup gives is the first, as gettext's own header lookup finds it.
    assert (metadata["Language"], metadata["X-Generator"]) == ("ru", "Poedit 3.4.2")
    assert list(metadata.values()) == [
        "sco",
        "ru",
        "Poedit 3.4.2",
        "text/plain; charset=UTF-8",
        "ru_RU",
        "Lokalize 23.08",
    ]


def test_a_field_given_three_times_with_a_continuation_line(tmp_path: Path) -> None:
    text = (
        UTF8_HEADER.replace(
            '"Content-Type', '"X-A: 1\\n"\n"X-A: 2\\n"\n"continued\\n"\n"X-A: 3\\n"\n"Content-Type'
        )
        + 'msgid "a"\nmsgstr "b"\n'
    )
    written = round_trip(tmp_path, text.encode("utf-8"))
    assert '"X-A: 1\\n"\n"X-A: 2\\n"\n"continued\\n"\n"X-A: 3\\n"\n' in written


def test_merge_rewrites_the_first_of_a_repeated_owned_field_and_keeps_the_other() -> None:
    metadata = parse_catalog(TWICE, origin="a.po").metadata
    merged = merge_header(metadata, {"Project-Id-Version": "newsroom"}, locale_code="ru")
    assert [(str(key), value) for key, value in merged.items()] == [
        ("Project-Id-Version", "newsroom"),
        ("Language", "ru"),
        ("X-Generator", "Poedit 3.4.2"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Language", "ru_RU"),
        ("X-Generator", "Lokalize 23.08"),
    ]


# -- CRLF ----------------------------------------------------------------------------------

CRLF = (
    "# Translators of the SCO newsroom\r\n"
    "#, fuzzy\r\n"
    'msgid ""\r\n'
    'msgstr ""\r\n'
    '"Language: ru\\n"\r\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\r\n'
    "\r\n"
    "# Checked against the Secretariat's release.\r\n"
    "#\r\n"
    "#. route: human\r\n"
    "#.\r\n"
    "#: content/summit.md:3 content/summit.md:9\r\n"
    "#: content/forum.md:4\r\n"
    "#: content/forum.md:4\r\n"
    "#:\r\n"
    "#, fuzzy, python-format\r\n"
    '#| msgid "The summit "\r\n'
    '#| "opened."\r\n'
    'msgid "The summit "\r\n'
    '"opened in %(city)s."\r\n'
    'msgstr "Саммит открылся в %(city)s."\r\n'
    "\r\n"
    '#~ msgid "Gone"\r\n'
    '#~ msgstr "Нет"\r\n'
)

CRLF_AS_MSGCAT_WRITES_IT = (
    "# Translators of the SCO newsroom\r\n"
    "#, fuzzy\n"
    'msgid ""\n'
    'msgstr ""\n'
    '"Language: ru\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    "\n"
    "# Checked against the Secretariat's release.\r\n"
    "# \r\n"
    "#. route: human\r\n"
    "#. \r\n"
    "#: content/summit.md:3 content/summit.md:9\r content/forum.md:4\r \r\n"
    "#, fuzzy, python-format\n"
    '#| msgid "The summit opened."\n'
    'msgid "The summit opened in %(city)s."\n'
    'msgstr "Саммит открылся в %(city)s."\n'
    "\n"
    '#~ msgid "Gone"\n'
    '#~ msgstr "Нет"\n'
)


def test_crlf_file_is_written_as_msgcat_writes_it(tmp_path: Path) -> None:
    assert round_trip(tmp_path, CRLF.encode("utf-8")) == CRLF_AS_MSGCAT_WRITES_IT


def test_crlf_keyword_lines_take_any_number_of_crs(tmp_path: Path) -> None:
    text = 'msgid "a"\r\r\n"b"\r\nmsgstr "c"\r \t\r\n'
    assert round_trip(tmp_path, text.encode("utf-8")) == 'msgid "ab"\nmsgstr "c"\n'


def test_a_cr_inside_a_comment_line_stays_where_it_is(tmp_path: Path) -> None:
    text = '# a\rb\n#. c\r\r\nmsgid "a"\nmsgstr "b"\n'
    assert round_trip(tmp_path, text.encode("utf-8")) == text


COMMENT_LINE = st.text(alphabet=st.sampled_from(list("ab .:,\r\t") + ["ж", "上"]), max_size=12)
COMMENT = st.lists(COMMENT_LINE, max_size=3).map("\n".join)
STRING = st.text(alphabet=st.sampled_from(list('ab \n\t"\\') + ["ж", "上", "\r"]), max_size=90)


@st.composite
def commented_catalogs(draw: st.DrawFn) -> Catalog:
    catalog = new_catalog(header={"Content-Type": "text/plain; charset=UTF-8"})
    catalog.header = draw(COMMENT)
    msgids = draw(st.lists(STRING.filter(bool), unique=True, max_size=6))
    for msgid in msgids:
        catalog.append(
            new_entry(
                msgid=msgid,
                msgstr=draw(STRING),
                comment=draw(COMMENT),
                tcomment=draw(COMMENT),
                occurrences=draw(
                    st.lists(
                        st.tuples(
                            st.sampled_from(["a.md", "b\r.md", "c.md\r"]),
                            st.sampled_from(["", "7"]),
                        ),
                        max_size=3,
                    )
                ),
                flags=draw(st.lists(st.sampled_from(["fuzzy", "no-wrap", "c-format"]), max_size=2)),
            )
        )
    return catalog


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(catalog=commented_catalogs())
def test_any_catalog_with_crlf_line_ends_is_written_as_msgcat_writes_it(
    tmp_path: Path, catalog: Catalog
) -> None:
    text = format_catalog(catalog)
    for name, data in (("lf.po", text), ("crlf.po", text.replace("\n", "\r\n"))):
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8"))
        assert format_catalog(read_catalog(path)) == msgcat(path), name


# -- a catalog that is not UTF-8 -----------------------------------------------------------

LATIN1 = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Language: fr\\n"\n'
    '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n'
    "\n"
    "# Relu par la rédaction.\n"
    'msgid "The summit opened."\n'
    'msgstr "Le sommet s\'est ouvert à Astana."\n'
)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            LATIN1.encode("latin-1"),
            "fr/a b.po: not UTF-8 (the header declares charset=ISO-8859-1); convert it with: "
            "msgconv --to-code=UTF-8 -o 'fr/a b.po' 'fr/a b.po'",
        ),
        (
            LATIN1.replace("ISO-8859-1", "windows-1251")
            .replace("à Astana", "в Астане")
            .replace("Relu par la rédaction", "Проверено редакцией")
            .encode("cp1251"),
            "fr/a b.po: not UTF-8 (the header declares charset=windows-1251); convert it "
            "with: msgconv --to-code=UTF-8 -o 'fr/a b.po' 'fr/a b.po'",
        ),
        # A file that says UTF-8 has a bad byte: where it is, not a conversion.
        (
            LATIN1.replace("ISO-8859-1", "UTF-8").encode("latin-1"),
            "fr/a b.po:6: invalid UTF-8 (byte 0xe9 at column 16); save the file as UTF-8",
        ),
        # No charset said (or a template's CHARSET): msgconv could not know the source.
        (
            LATIN1.replace("ISO-8859-1", "CHARSET").encode("latin-1"),
            "fr/a b.po:6: invalid UTF-8 (byte 0xe9 at column 16); save the file as UTF-8",
        ),
        (
            LATIN1.replace('"Content-Type: text/plain; charset=ISO-8859-1\\n"\n', "").encode(
                "latin-1"
            ),
            "fr/a b.po:5: invalid UTF-8 (byte 0xe9 at column 16); save the file as UTF-8",
        ),
    ],
)
def test_a_catalog_that_is_not_utf8_gets_one_line_naming_the_fix(
    tmp_path: Path, data: bytes, error: str
) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(data)
    with pytest.raises(CatalogError) as caught:
        read_catalog(path, origin="fr/a b.po")
    assert str(caught.value) == error


def test_the_msgconv_command_of_the_error_makes_the_file_readable(tmp_path: Path) -> None:
    require("msgconv")
    path = tmp_path / "a b.po"
    path.write_bytes(LATIN1.encode("latin-1"))
    with pytest.raises(CatalogError) as caught:
        read_catalog(path, origin=path.name)
    command = str(caught.value).split("convert it with: ", 1)[1]
    subprocess.run(command, shell=True, cwd=tmp_path, check=True)
    catalog = read_catalog(path)
    assert [(e.tcomment, e.msgstr) for e in catalog] == [
        ("Relu par la rédaction.", "Le sommet s'est ouvert à Astana.")
    ]
    assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"


def test_sync_on_a_koi8r_catalog_exits_2_with_one_line_then_works_after_msgconv(
    tmp_path: Path,
) -> None:
    require("msgconv")
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    (root / "content" / "summit.md").write_text(SUMMIT, encoding="utf-8")
    assert run("sync", "--project", str(root)).exit_code == 0
    rel = "locales/ru/LC_MESSAGES/articles/summit.po"
    po = root / rel
    text = po.read_text("utf-8").replace(
        'msgid "SCO summit held online"\nmsgstr ""',
        'msgid "SCO summit held online"\nmsgstr "Саммит ШОС прошёл онлайн"',
    )
    assert "Саммит ШОС" in text
    po.write_bytes(text.replace("charset=UTF-8", "charset=KOI8-R").encode("koi8-r"))
    before = snapshot(root)
    result = run("sync", "--project", str(root))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"error: {rel}: not UTF-8 (the header declares charset=KOI8-R); convert it with: "
        f"msgconv --to-code=UTF-8 -o {rel} {rel}"
    ]
    assert snapshot(root) == before
    command = result.stderr.split("convert it with: ", 1)[1]
    subprocess.run(command, shell=True, cwd=root, check=True)
    assert run("sync", "--project", str(root)).exit_code == 0
    assert 'msgstr "Саммит ШОС прошёл онлайн"' in po.read_text("utf-8")


# -- the reader's short ways ---------------------------------------------------------------
#
# _Parser.run takes the common lines of a valid file a short way and hands every other line
# to _Parser.line, which reads the whole syntax. Reading every line with _Parser.line must
# give the same entries, and the same error on bad input.

DATA = Path(__file__).parent.parent / "data" / "catalogs"


class _LineByLine(_Parser):
    def strings(self, text: str) -> str:
        return self.all_strings(text)

    def run(self, text: str) -> list[RawEntry]:
        text = text.removeprefix("\ufeff")
        for self.number, raw in enumerate(text.split("\n"), start=1):
            self.line(raw)
        return self.finish(text)


def both_readers(text: str) -> tuple[object, object]:
    results = []
    for parser in (_Parser("a.po"), _LineByLine("a.po")):
        try:
            results.append(parser.run(text))
        except CatalogError as error:
            results.append(str(error))
    return results[0], results[1]


def test_short_ways_read_the_generated_catalog_as_the_full_reader() -> None:
    text = format_catalog(generate_catalog(3000))
    fast, full = both_readers(text)
    assert isinstance(fast, list) and len(fast) > 2900
    assert fast == full
    crlf_fast, crlf_full = both_readers(text.replace("\n", "\r\n"))
    assert crlf_fast == crlf_full


@pytest.mark.parametrize("path", sorted(DATA.glob("*/*.po")), ids=lambda path: path.name)
def test_short_ways_read_the_test_files_as_the_full_reader(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    fast, full = both_readers(text)
    assert fast == full
    crlf_fast, crlf_full = both_readers(text.replace("\n", "\r\n"))
    assert crlf_fast == crlf_full


# Entries in pieces; each piece is right most of the time and sometimes wrong.
COMMENTS = [
    "#", "# t", "#x", "#.", "#. e", "#.x", "#: a.md:1 b.md", "#:a.md:1\tb.md : 4",
    "#, fuzzy", "#,fuzzy,c-format", "#, range: 1..5", "#! fuzzy", '#| msgid "o"',
    '#| msgid "o"\n#| "o2"', '#~| msgid "r"', "#~", "", " ",
]  # fmt: skip
BAD_COMMENTS = ['#| "o2"', '#| msgstr "o"']
SINGULAR = [
    'msgid "a"', 'msgid "b\\n"', 'msgid  "a"', '  msgid "q"', 'msgid "a" "b"',
    'msgid "\\\\n"', 'msgctxt "k"\nmsgid "a"', 'msgid "a\\t"',
]  # fmt: skip
PLURAL = ['msgid "a"\nmsgid_plural "p"', 'msgid "a"\n"b"\nmsgid_plural "p"\n"q\\n"']
BAD_MSGIDS = ["msgid", 'msgid "\\q"', 'msgidx "a"', 'msgctxt "k"']
STRINGS = ['"f"', '"g\\n"', '"tail" ', '"d\\"e"', '"\\t"', '"\\\\"']
BAD_STRINGS = ['"h', 'x "y"', '"a" x']
SINGULAR_MSGSTRS = ['msgstr "c"', 'msgstr "d\\"e"', 'msgstr ""', 'msgstr "a\\n"']
PLURAL_MSGSTRS = ['msgstr[0] "x"\nmsgstr[1] "y"', 'msgstr[0] ""\n"z"']
BAD_MSGSTRS = ['msgstrx "a"', "msgstr[2] ''", 'msgstr[1] "z"', 'msgstr "a" x']
BAD_OBSOLETE = ['#~ msgid "z"\n"v"\n#~ msgstr ""', '#~ msgid "z"\nmsgstr ""', '#~ msgstr "w"']
OBSOLETE = ['#~ msgid "z"\n#~ msgstr "w"\n#~ "v"', '#~| msgid "r"\n#~ msgid "z"\n#~ msgstr ""']


def mostly(good: list[str], bad: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(good * 10 + bad)


@st.composite
def entry_lines(draw: st.DrawFn) -> list[str]:
    """Entries as a file has them, sometimes with a wrong piece."""
    lines = draw(st.lists(mostly(COMMENTS, BAD_COMMENTS), max_size=3))
    kind = draw(st.sampled_from(["singular", "plural", "obsolete"]))
    if kind == "obsolete":
        return [*lines, draw(mostly(OBSOLETE, BAD_OBSOLETE))]
    msgids, msgstrs = (
        (SINGULAR, SINGULAR_MSGSTRS) if kind == "singular" else (PLURAL, PLURAL_MSGSTRS)
    )
    lines.append(draw(mostly(msgids, BAD_MSGIDS)))
    lines += draw(st.lists(mostly(STRINGS, BAD_STRINGS), max_size=2))
    lines.append(draw(mostly(msgstrs, BAD_MSGSTRS)))
    lines += draw(st.lists(mostly(STRINGS, BAD_STRINGS), max_size=2))
    return lines


@settings(max_examples=300, deadline=None)
@given(
    entries=st.lists(entry_lines(), max_size=5),
    line_end=st.sampled_from(["\n", "\r\n"]),
)
def test_short_ways_agree_with_the_full_reader_on_any_lines(
    entries: list[list[str]], line_end: str
) -> None:
    # Each entry its own msgid (a duplicate would be the error of both readers).
    text = "\n".join(
        line.replace('msgid "', f'msgid "{number}', 1)
        for number, lines in enumerate(entries)
        for line in lines
    )
    fast, full = both_readers(text.replace("\n", line_end))
    assert fast == full


@pytest.mark.parametrize(
    "text",
    [
        '#~ msgid "z"\n"v"\n#~ msgstr ""\n',  # an active string in an obsolete entry
        '#~ msgid "z"\n#~ msgstr ""\n"v"\n',
        '#! fuzzy\nmsgid "a"\nmsgstr "b"\n',
        '#. a\nmsgid "a"\nmsgstr "b"\n# t\nmsgid "c"\nmsgstr "d"\n',
        'msgid "a"\n# t\nmsgstr "b"\n',
        'msgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\n"x"\n#: a.md\nmsgid "c"\nmsgstr ""\n',
        '#| msgid "o"\n"p"\nmsgid "a"\nmsgstr ""\n',
        'msgid "a"\nmsgstr "\\\\n"\n',
        'msgid "a"\r\nmsgstr "b" \r\n"c"\t\r\n',
    ],
)
def test_short_ways_agree_with_the_full_reader_on_look_alike_lines(text: str) -> None:
    fast, full = both_readers(text)
    assert fast == full


def test_a_read_entry_has_what_the_polib_constructor_gives_it() -> None:
    (entry,) = parse_catalog('#. e\n#: a.md:3\nmsgid "a"\nmsgstr "b"\n', origin="a.po")
    built = new_entry(msgid="a", msgstr="b", comment="e", occurrences=[("a.md", "3")])
    built.linenum = 3
    assert type(entry) is type(built)
    assert vars(entry) == vars(built)


def test_the_reading_benchmark_runs_and_prints_its_table() -> None:
    require("msgcat")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "po_parse.py"), "300"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("| catalog | size | msgcat | msgcat net | read | write |")
    assert [line.split(" | ")[0] for line in lines[2:4]] == ["| generated", "| example"]
    assert "300 entries" in lines[3]
