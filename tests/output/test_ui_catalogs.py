"""Site-chrome catalogs: shipped files in sync with the templates, loading, CLDR helpers."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from i18n_kit.errors import CatalogError
from i18n_kit.output.ui import (
    extract_ui_messages,
    format_completion,
    format_page_date,
    generate_ui_template,
    html_lang,
    language_name,
    load_ui,
    shipped_locales_dir,
)

LOCALES_DIR = Path(__file__).parents[2] / "locales"
POT = LOCALES_DIR / "messages.pot"
SHIPPED = ("en", "ru", "zh")
PO_FILES = [LOCALES_DIR / code / "LC_MESSAGES" / "messages.po" for code in SHIPPED]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
REQUIRED = {
    "Shanghai Cooperation Organisation",
    "Home",
    "News",
    "About",
    "Member States",
    "Observer States",
    "Dialogue Partners",
    "Contact us",
    "Print",
    "Leave a comment",
    "Related news",
    "Report a spelling error",
    "The selected text is too long.",
    "Published on %(date)s",
    "%(num)d comment",
    "Parts of this page are not yet translated and are shown in the original language.",
}


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path is not None, f"{name} (GNU gettext) must be installed to run this test"
    return path


def _keys(path: Path) -> list[tuple[str, ...]]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return [tuple(m.id) if isinstance(m.id, tuple | list) else (m.id,) for m in catalog if m.id]


def test_pot_lists_exactly_the_template_strings() -> None:
    extracted = [
        (m.source_text,) if m.plural_text is None else (m.source_text, m.plural_text)
        for m in extract_ui_messages()
    ]
    assert _keys(POT) == extracted
    assert REQUIRED <= {key[0] for key in extracted}


def test_pot_is_what_generate_ui_template_writes(tmp_path: Path) -> None:
    generated = tmp_path / "messages.pot"
    generated.write_text(generate_ui_template(), encoding="utf-8")
    subprocess.run([_tool("msgcat"), "-o", str(generated), str(generated)], check=True)
    assert generated.read_bytes() == POT.read_bytes(), (
        "locales/messages.pot is stale: regenerate it with generate_ui_template() and msgcat"
    )


@pytest.mark.parametrize("path", [POT, *PO_FILES], ids=lambda p: str(p.relative_to(LOCALES_DIR)))
def test_catalog_files_are_msgcat_formatted_and_pass_msgfmt_check(
    path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / path.name
    subprocess.run([_tool("msgcat"), "-o", str(copy), str(path)], check=True)
    assert copy.read_bytes() == path.read_bytes()
    checked = subprocess.run(
        [_tool("msgfmt"), "--check", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    text = path.read_text(encoding="utf-8")
    assert "Date:" not in text and '"Content-Type: text/plain; charset=UTF-8\\n"' in text


@pytest.mark.parametrize("code", SHIPPED)
def test_every_po_translates_every_message_with_the_same_placeholders(code: str) -> None:
    path = LOCALES_DIR / code / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.locale is not None and str(catalog.locale) == code
    assert _keys(path) == _keys(POT)
    plural = get_plural(code)
    assert f"Plural-Forms: {plural}" in path.read_text(encoding="utf-8").replace('"\n"', "")
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        assert not message.fuzzy, message.id
        expected_forms = plural.num_plurals if len(sources) == 2 else 1
        assert len(strings) == expected_forms and all(strings), message.id
        wanted = sorted(set(PLACEHOLDER.findall(sources[0])))
        for text in strings:
            assert sorted(set(PLACEHOLDER.findall(str(text)))) == wanted, (message.id, text)


@pytest.mark.parametrize(
    ("code", "message", "expected"),
    [
        ("ru", "Member States", "Государства-члены"),
        ("ru", "Observer States", "Государства-наблюдатели"),
        ("ru", "Dialogue Partners", "Партнёры по диалогу"),
        ("ru", "Shanghai Cooperation Organisation", "Шанхайская организация сотрудничества"),
        ("zh", "Member States", "成员国"),
        ("zh", "Observer States", "观察员国"),
        ("zh", "Dialogue Partners", "对话伙伴"),
        ("zh", "Shanghai Cooperation Organisation", "上海合作组织"),
        ("en", "Home", "Home"),
        ("fr", "Home", "Home"),
    ],
)
def test_load_ui_translates_chrome(code: str, message: str, expected: str) -> None:
    assert load_ui([code]).translations_for(code).gettext(message) == expected


def _write_po(path: Path, body: str, *, language: str = "ru") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    file = path / "messages.po"
    file.write_text(
        'msgid ""\nmsgstr ""\n'
        f'"Language: {language}\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body,
        encoding="utf-8",
    )
    return file


def test_project_override_wins_entry_by_entry_and_fuzzy_is_ignored(tmp_path: Path) -> None:
    _write_po(
        tmp_path / "ru" / "LC_MESSAGES",
        'msgid "Home"\nmsgstr "Начало"\n\n#, fuzzy\nmsgid "News"\nmsgstr "Новостишки"\n',
    )
    ru = load_ui(["ru"], override_dir=tmp_path).translations_for("ru")
    assert (ru.gettext("Home"), ru.gettext("News")) == ("Начало", "Новости")
    assert ru.ngettext("%(num)d comment", "%(num)d comments", 22) == "%(num)d комментария"


def test_override_for_a_locale_without_shipped_catalog(tmp_path: Path) -> None:
    _write_po(tmp_path / "kk" / "LC_MESSAGES", 'msgid "Home"\nmsgstr "Басты бет"\n', language="kk")
    kk = load_ui(["kk"], override_dir=tmp_path).translations_for("kk")
    assert (kk.gettext("Home"), kk.gettext("News")) == ("Басты бет", "News")


def test_malformed_po_names_file_and_line(tmp_path: Path) -> None:
    file = _write_po(tmp_path / "ru" / "LC_MESSAGES", 'msgid "Home"\nmsgstr "Начало"\nbogus\n')
    with pytest.raises(CatalogError) as caught:
        load_ui(["ru"], override_dir=tmp_path)
    assert str(caught.value) == (
        f"{file}:8: Unknown or misformatted keyword: 'bogus'; "
        "fix the PO syntax (msgfmt -c lists every problem)"
    )


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        ("Опубликовано %(day)s", "unknown placeholder %(day)"),
        ("Опубликовано %(date)s на 100 %", "bad % placeholder"),
    ],
)
def test_bad_placeholder_in_translation_is_reported(
    tmp_path: Path, translation: str, problem: str
) -> None:
    file = _write_po(
        tmp_path / "ru" / "LC_MESSAGES",
        f'msgid "Published on %(date)s"\nmsgstr "{translation}"\n',
    )
    with pytest.raises(CatalogError) as caught:
        load_ui(["ru"], override_dir=tmp_path)
    assert str(caught.value).startswith(
        f"{file}:6: translation of 'Published on %(date)s': {problem}"
    )


def test_shipped_locales_dir_is_the_repository_folder_in_a_checkout() -> None:
    assert shipped_locales_dir().resolve() == LOCALES_DIR.resolve()


@pytest.mark.parametrize(
    ("code", "expected"),
    # CLDR puts a narrow no-break space (U+202F) before Russian «г.».
    [("en", "18 November 2020"), ("ru", "18 ноября 2020\u202fг."), ("zh", "2020年11月18日")],
)
def test_dates_are_long_cldr_dates(code: str, expected: str) -> None:
    assert format_page_date(dt.date(2020, 11, 18), code) == expected
    assert format_page_date(dt.datetime(2020, 11, 18, 23, 59), code) == expected


def test_language_names_are_in_their_own_language() -> None:
    assert [language_name(code) for code in SHIPPED] == ["English", "Русский", "中文"]
    assert [html_lang(code) for code in SHIPPED] == ["en", "ru", "zh-Hans"]


def test_completion_percent_rounds_down() -> None:
    assert [format_completion(99.6, code) for code in SHIPPED] == ["99%", "99\u00a0%", "99%"]
