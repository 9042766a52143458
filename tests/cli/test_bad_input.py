# ruff: noqa: E501  (the table keeps each expected line whole, as the user sees it)
"""Bad input through the CLI: one exact line on stderr, exit 2, no file written or changed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import run, snapshot

GOOD_PO_LINE = 'msgid "SCO summit held online"\nmsgstr ""'


def break_utf8(project: Path) -> None:
    (project / "content" / "summit.md").write_bytes(
        "---\ntitle: SCO summit\n---\n\nThe summit \xff.\n".encode("latin-1")
    )


def break_front_matter(project: Path) -> None:
    (project / "content" / "summit.md").write_text("---\ntitle: SCO summit\n\nText.\n", "utf-8")


def unknown_lang(project: Path) -> None:
    (project / "content" / "summit.md").write_text(
        "---\ntitle: Sommet\nlang: fr\n---\n\nTexte.\n", "utf-8"
    )


def lang_not_in_project(project: Path) -> None:
    (project / "i18n-kit.toml").write_text('[project]\nlocales = ["en", "zh"]\n', "utf-8")


def bad_slug(project: Path) -> None:
    (project / "content" / "summit.md").write_text(
        "---\ntitle: Summit\nslug: ../../etc/passwd\n---\n\nText.\n", "utf-8"
    )


def empty_article(project: Path) -> None:
    (project / "content" / "summit.md").write_text("", "utf-8")


def unterminated_po(project: Path) -> None:
    po = project / "locales/ru/LC_MESSAGES/articles/summit.po"
    po.write_text(
        po.read_text("utf-8").replace(
            GOOD_PO_LINE, 'msgid "SCO summit held online"\nmsgstr "Саммит'
        ),
        "utf-8",
    )
    (project / "content" / "summit.md").write_text(
        (project / "content" / "summit.md").read_text("utf-8") + "\nOne more sentence.\n", "utf-8"
    )


def duplicate_slug(project: Path) -> None:
    (project / "content" / "again.md").write_text(
        "---\ntitle: Again\nslug: summit\n---\n\nText.\n", "utf-8"
    )


CASES = {
    break_utf8: "error: content/summit.md:5: not valid UTF-8 (byte 0xff at column 12); "
    "save the file as UTF-8",
    break_front_matter: "error: content/summit.md:1: front matter opened by '---' is not closed; "
    "add a line '---' after its last key",
    unknown_lang: "error: content/summit.md:3: unknown lang 'fr'; expected one of en, ru, zh",
    lang_not_in_project: "error: content/forum.md: lang 'ru' is not in project.locales (en, zh); "
    "add it to i18n-kit.toml or change the lang",
    bad_slug: "error: content/summit.md:3: slug '../../etc/passwd' may contain only letters, "
    "digits, '.', '_' and '-'",
    empty_article: "error: content/summit.md:1: article has no title; add 'title: ...' to the "
    "front matter between '---' lines at the top of the file",
    unterminated_po: "error: locales/ru/LC_MESSAGES/articles/summit.po:15: unterminated string; "
    'end it with a double quote: "Саммит',
    duplicate_slug: "error: content/again.md:3: slug 'summit' is already used by "
    "content/summit.md; give one of them another slug",
}


@pytest.mark.parametrize("breaker", list(CASES), ids=lambda f: f.__name__)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(project: Path, breaker: object) -> None:
    assert run("sync", "--project", str(project)).exit_code == 0
    assert callable(breaker)
    breaker(project)
    before = snapshot(project)
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [CASES[breaker]]  # type: ignore[index]
    assert snapshot(project) == before


def test_an_error_after_outputs_are_staged_leaves_no_file_or_folder(project: Path) -> None:
    # Catalogs are staged (in new folders) as articles are routed; the duplicate slug is
    # found only after that, and the run must take all of it back.
    duplicate_slug(project)
    before = snapshot(project)
    assert before and not (project / "locales").exists()
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stderr.splitlines()) == (2, [
        "error: content/summit.md:4: slug 'summit' is already used by content/again.md; give "
        "one of them another slug"])
    assert snapshot(project) == before
    assert not (project / "locales").exists()


# -- the table: issue 15's cases and more, each with the one line it must give ----------------
#
# Each breaker changes a synced project; the next sync must print exactly the line, exit 2
# and leave every file byte-identical (and untouched: mtimes are compared too).

def w(rel: str, text: str | bytes) -> Callable[[Path], None]:
    """Write ``text`` to ``rel`` in the project."""
    def breaker(p: Path) -> None:
        (p / rel).parent.mkdir(parents=True, exist_ok=True)
        (p / rel).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return breaker

def cfg(extra: str) -> Callable[[Path], None]:
    """i18n-kit.toml with ``extra`` after the [project] table."""
    return w("i18n-kit.toml", '[project]\nname = "newsroom"\nsource_language = "en"\nlocales = ["en", "ru", "zh"]\n' + extra)

def art(front: str, body: str = "Text.\n",
        name: str = "content/extra.md") -> Callable[[Path], None]:
    """A further Markdown article."""
    return w(name, "---\n" + front + "---\n\n" + body)

def po_edit(old: str, new: str, locale: str = "ru") -> Callable[[Path], None]:
    """Replace ``old`` with ``new`` in the Russian catalog of summit.md."""
    def breaker(p: Path) -> None:
        po = p / f"locales/{locale}/LC_MESSAGES/articles/summit.po"
        text = po.read_text("utf-8")
        assert old in text, old
        po.write_text(text.replace(old, new, 1), "utf-8")
    return breaker

def content_is_file(p: Path) -> None:
    shutil.rmtree(p / "content")
    (p / "content").write_text("not a folder\n", "utf-8")

def non_utf8_name(p: Path) -> None:
    os.close(os.open(os.fsencode(p / "content") + b"/caf\xe9.md", os.O_WRONLY | os.O_CREAT))


def po_not_utf8(p: Path) -> None:
    po = p / "locales/ru/LC_MESSAGES/articles/summit.po"
    po.write_bytes(po.read_bytes().replace(
        b'msgid "SCO summit held online"\nmsgstr ""',
        b'msgid "SCO summit held online"\nmsgstr "\xff"'))


TABLE: dict[str, tuple[Callable[[Path], None], str]] = {
    # the cases
    'slug-index': (
        art("title: Index\nslug: index\n"),
        "error: content/extra.md:3: slug 'index' is the name of a page i18n-kit makes (the site's index); choose another slug",
    ),
    'slug-index-from-name': (
        w("content/Index.md", "---\ntitle: Index\n---\n\nText.\n"),
        "error: content/Index.md: slug 'Index' is the name of a page i18n-kit makes (the site's index) (taken from the file name); rename the file or set 'slug:' in the front matter",
    ),
    'slug-over-255-bytes': (
        art("title: Long\nslug: " + "a" * 300 + "\n"),
        "error: content/extra.md:3: slug of 300 characters; at most 250 fit in a file name with '.html' or '.pot' after them; shorten it",
    ),
    'file-name-not-utf8': (
        non_utf8_name,
        'error: content/caf\\xe9.md: the file name is not valid UTF-8; rename the file',
    ),
    'file-name-newline': (
        w("content/two\nlines.md", "---\ntitle: Two\n---\n\nText.\n"),
        'error: content/two\\x0alines.md: the file name holds a line break or another control character; rename the file',
    ),
    'content-mistyped': (
        cfg('[paths]\ncontent = "contnet"\n'),
        "error: i18n-kit.toml: paths.content: 'contnet' does not exist; create it or set [paths] content to the folder that holds the articles",
    ),
    'content-is-a-file': (
        content_is_file,
        "error: i18n-kit.toml: paths.content: 'content' is not a folder; create it or set [paths] content to the folder that holds the articles",
    ),
    'site-is-content': (
        cfg('[paths]\nsite = "content"\n'),
        "error: i18n-kit.toml: paths.site: 'content' is also paths.content ('content'); content, locales and site must be separate folders",
    ),
    'site-inside-content': (
        cfg('[paths]\nsite = "content/site"\n'),
        "error: i18n-kit.toml: paths.site: 'content/site' is inside paths.content ('content'); content, locales and site must be separate folders",
    ),
    'locales-is-site': (
        cfg('[paths]\nlocales = "site"\n'),
        "error: i18n-kit.toml: paths.site: 'site' is also paths.locales ('site'); content, locales and site must be separate folders",
    ),
    'content-is-project': (
        cfg('[paths]\ncontent = "."\n'),
        "error: i18n-kit.toml: paths.content: '.' is the project folder itself; name a folder inside it",
    ),
    'nul-in-front-matter': (
        w("content/extra.md", "---\ntitle: Nul\nauthor: a\x00b\n---\n\nText.\n"),
        'error: content/extra.md:3: front matter holds the control character U+0000 at column 10; remove it',
    ),
    'nested-blockquotes': (
        art("title: Deep\n", "> " * 10000 + "Text.\n"),
        'error: content/extra.md:5: block quotations and lists nested more than 18 levels deep (a list counts two); what is inside them would be lost: flatten them',
    ),
    # files
    'file-over-limit': (
        art("title: Big\n", ("Word " * 60000) + "\n"),
        'error: content/extra.md: the file has 300,021 bytes; an article may have at most 262,144: split it into several articles',
    ),
    'block-over-limit': (
        art("title: Long\n", ("Word " * 5000) + "\n"),
        'error: content/extra.md:5: a block of 24,999 characters; a paragraph, heading or cell may have at most 20,000 (a translator works on sentences): split it',
    ),
    'nested-html': (
        w("content/extra.html", "<article><h1>Deep</h1>\n" + "<div>" * 300 + "Text.</article>\n"),
        'error: content/extra.html:2: <div> is nested inside 256 open elements; close the elements that are left open, or flatten them',
    ),
    'html-meta-twice': (
        w("content/extra.html", '<article><meta name="slug" content="a">\n<meta name="slug" content="b"><h1>T</h1><p>Text.</p></article>\n'),
        'error: content/extra.html:2: \'slug\' is given twice (<meta name="slug"> on lines 1 and 2); keep one',
    ),
    'html-no-title': (
        w("content/extra.html", "<article><p>Text.</p></article>\n"),
        'error: content/extra.html: article has no title; add an <h1> or a <meta name="title" content="...">',
    ),
    'bad-date': (
        art("title: Date\ndate: 2020-13-45\n"),
        "error: content/extra.md:3: date '2020-13-45' does not exist (month must be in 1..12); check the day and the month",
    ),
    'empty-title': (
        art("title:\n"),
        "error: content/extra.md:2: the title is empty; write the article's title after 'title:'",
    ),
    'slug-leading-dash': (
        art("title: Dash\nslug: -dash\n"),
        "error: content/extra.md:3: slug '-dash' must start with a letter or a digit",
    ),
    'slug-dots': (
        art("title: Dots\nslug: a..b\n"),
        "error: content/extra.md:3: slug 'a..b' must not contain '..'; use single dots",
    ),
    'slug-space': (
        art("title: Space\nslug: two words\n"),
        "error: content/extra.md:3: slug 'two words' may contain only letters, digits, '.', '_' and '-'",
    ),
    'lang-list': (
        art("title: Lang\nlang: [en, ru]\n"),
        "error: content/extra.md:3: front matter key 'lang' has a list as its value; write a single value (text, number or date)",
    ),
    'front-matter-tab-yaml': (
        art("title: [unclosed\n"),
        "error: content/extra.md:2: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'; put values containing ': ' or ' #' in quotes",
    ),
    'link-reference': (
        art("title: Ref\n", "See [the site][sco].\n\n[sco]: https://sco.example/\n"),
        "error: content/extra.md:7: link reference definition '[sco]: https://sco.example/' is not supported; write the link inline, as [text](https://sco.example/)",
    ),
    'bom-then-bad-byte': (
        w("content/extra.md", b"\xef\xbb\xbf---\ntitle: B\n---\n\nText \xc3.\n"),
        'error: content/extra.md:5: not valid UTF-8 (byte 0xc3 at column 6); save the file as UTF-8',
    ),
    'txt-latin1': (
        w("content/extra.txt", "Titre\n\nCaf\xe9.\n".encode("latin-1")),
        'error: content/extra.txt:3: not valid UTF-8 (byte 0xe9 at column 4); save the file as UTF-8',
    ),
    # config
    'config-unknown-key': (
        cfg('[paths]\nsourcse = "x"\n'),
        'error: i18n-kit.toml: paths.sourcse: unknown key; expected one of content, glossary, locales, site, tm',
    ),
    'config-bad-toml': (
        cfg('[build]\nthreshold = \n'),
        'error: i18n-kit.toml:6: not valid TOML: Invalid value',
    ),
    'config-locale-typo': (
        w("i18n-kit.toml", '[project]\nlocales = ["en", "ru-RU"]\n'),
        "error: i18n-kit.toml: project.locales[1]: 'ru-RU' is not a locale code; did you mean 'ru'?",
    ),
    'config-threshold-range': (
        cfg('[build]\nthreshold = 150\n'),
        'error: i18n-kit.toml: build.threshold: expected a percentage from 0 to 100, got 150',
    ),
    'config-tm-threshold-text': (
        cfg('[tm]\nthreshold = "high"\n'),
        "error: i18n-kit.toml: tm.threshold: expected a percentage from 0 to 100, got 'high'",
    ),
    'config-mt-url': (
        cfg('[mt]\nprovider = "libre"\nurl = "ftp://mt.example"\n'),
        "error: i18n-kit.toml: mt.url: expected an http(s) URL, got 'ftp://mt.example'",
    ),
    'config-routing-regex': (
        cfg('[routing]\nhuman_patterns = ["(unclosed"]\n'),
        "error: i18n-kit.toml: routing.human_patterns[0]: '(unclosed' is not a regular expression: missing ), unterminated subpattern at position 0",
    ),
    'config-path-absolute': (
        cfg('[paths]\nsite = "/tmp/site"\n'),
        "error: i18n-kit.toml: paths.site: '/tmp/site' must be a folder inside the project (relative, without '..')",
    ),
    'config-path-up': (
        cfg('[paths]\nsite = "../site"\n'),
        "error: i18n-kit.toml: paths.site: '../site' must be a folder inside the project (relative, without '..')",
    ),
    'config-path-cache': (
        cfg('[paths]\nsite = ".i18n-kit/site"\n'),
        "error: i18n-kit.toml: paths.site: '.i18n-kit/site' is inside .i18n-kit, the cache i18n-kit may delete; choose another folder",
    ),
    'config-not-utf8': (
        w("i18n-kit.toml", b'[project]\nname = "caf\xe9"\n'),
        'error: i18n-kit.toml: not valid UTF-8 (invalid continuation byte); save it as UTF-8',
    ),
    'config-checks-disable': (
        cfg('[checks]\ndisable = "numbers"\n'),
        "error: i18n-kit.toml: checks.disable: expected a list of strings, got 'numbers'",
    ),
    # catalogs
    'po-unterminated': (
        po_edit('msgid "SCO summit held online"\nmsgstr ""', 'msgid "SCO summit held online"\nmsgstr "Саммит'),
        'error: locales/ru/LC_MESSAGES/articles/summit.po:15: unterminated string; end it with a double quote: "Саммит',
    ),
    'po-bad-keyword': (
        po_edit('msgid "SCO summit held online"\nmsgstr ""', 'msgid "SCO summit held online"\nmsgstring ""'),
        'error: locales/ru/LC_MESSAGES/articles/summit.po:15: unexpected text \'msgstring ""\'; expected msgctxt, msgid, msgstr, a quoted string or a # comment',
    ),
    'po-not-utf8': (
        po_not_utf8,
        'error: locales/ru/LC_MESSAGES/articles/summit.po:15: invalid UTF-8 (byte 0xff at column 9); save the file as UTF-8',
    ),
    'po-msgid-twice': (
        po_edit('msgid "SCO summit held online"\nmsgstr ""', 'msgid "SCO summit held online"\nmsgstr ""\n\nmsgid "SCO summit held online"\nmsgstr "x"'),
        'error: locales/ru/LC_MESSAGES/articles/summit.po:17: duplicate msgid "SCO summit held online" (first at line 14); msgfmt rejects duplicates: merge the two entries',
    ),
    'po-bad-escape': (
        po_edit('msgid "SCO summit held online"\nmsgstr ""', 'msgid "SCO summit held online"\nmsgstr "\\q"'),
        'error: locales/ru/LC_MESSAGES/articles/summit.po:15: invalid escape sequence \\q in a string; write \\\\ for a backslash',
    ),
    # glossary
    'glossary-csv-header': (
        w("glossary/terms.csv", "id,category,english\nx-1,body,Council\n"),
        "error: glossary/terms.csv:1: unknown column 'english' in the header; columns are id,category,en,en_variants,ru,ru_variants,zh,zh_variants,status_2020,status_2025,note,source",
    ),
    'glossary-csv-quote': (
        w("glossary/terms.csv", 'id,category,en,ru,zh\nx-1,body,"Council,Совет,理事会\n'),
        'error: glossary/terms.csv:2: malformed CSV: unexpected end of data',
    ),
    'glossary-tbx-xml': (
        w("glossary/terms.tbx", "<?xml version='1.0'?><tbx><text><body><termEntry>\n"),
        'error: glossary/terms.tbx:2: malformed TBX: no element found',
    ),
    'glossary-csv-duplicate-id': (
        w("glossary/terms.csv", "id,category,en,ru,zh\nx-1,body,Council,Совет,理事会\nx-1,body,Forum,Форум,论坛\n"),
        "error: glossary/terms.csv:3: duplicate id 'x-1' (first at line 2); give each entry its own id",
    ),
    'glossary-csv-not-utf8': (
        w("glossary/terms.csv", "id,category,en,ru,zh\nx-1,body,Caf\xe9,Кафе,咖啡\n".encode("cp1251", "replace")),
        'error: glossary/terms.csv:2: not valid UTF-8 (byte 0xca); save the file as UTF-8',
    ),
    # memory
    'tmx-not-xml': (
        w("tm/old.tmx", "<tmx version='1.4'><body><tu>\n"),
        'error: tm/old.tmx:2: not XML: no element found at column 1; fix the file or export it again from the tool that made it',
    ),
    'tmx-no-body': (
        w("tm/old.tmx", "<?xml version='1.0'?>\n<tmx version='1.4'><header srclang='en'/></tmx>\n"),
        'error: tm/old.tmx: not a TMX file: no <body> in <tmx>; fix the file or export it again from the tool that made it',
    ),
    'tmx-doctype': (
        w("tm/old.tmx", "<?xml version='1.0'?>\n<!DOCTYPE tmx [<!ENTITY x 'y'>]>\n<tmx version='1.4'><header srclang='en'/><body/></tmx>\n"),
        "error: tm/old.tmx: refused: the file declares the XML entity 'x'; a TMX file needs none (entities can expand without bound): remove the declaration",
    ),
}


@pytest.mark.parametrize("case", list(TABLE))
def test_bad_input_table(project: Path, case: str) -> None:
    breaker, message = TABLE[case]
    assert run("sync", "--project", str(project)).exit_code == 0
    breaker(project)
    before = snapshot(project)
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stdout, result.stderr.splitlines()) == (2, "", [message])
    assert snapshot(project) == before
