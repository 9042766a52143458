"""Article catalogs: templates and the merge that never loses a translation (exact PO text)."""

from __future__ import annotations

from i18n_kit.catalogs.articles import (
    Unit,
    build_template,
    merge_catalog,
    notes,
    read_targets,
)
from i18n_kit.catalogs.po import format_catalog, parse_catalog

REF = "content/summit.md"
HEADER_RU = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: sco\\n"\n'
    '"Language: ru\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 "\n'
    '">= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;\\n"\n'
)


def units(*texts: str) -> list[Unit]:
    return [Unit(source_text=text, reference=REF) for text in texts]


def merged(existing: str | None, *texts: str) -> str:
    catalog = None if existing is None else parse_catalog(existing, origin="ru.po")
    return format_catalog(merge_catalog(catalog, units(*texts), project="sco", locale_code="ru"))


def test_template_has_every_unit_in_order_and_no_language() -> None:
    text = format_catalog(build_template(units("Second.", "First."), project="sco"))
    assert text == (
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: sco\\n"\n'
        '"Language: \\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        "\n"
        f"#: {REF}\n"
        'msgid "Second."\n'
        'msgstr ""\n'
        "\n"
        f"#: {REF}\n"
        'msgid "First."\n'
        'msgstr ""\n'
    )


def test_new_catalog_has_language_and_cldr_plural_forms() -> None:
    assert merged(None, "One.") == HEADER_RU + f'\n#: {REF}\nmsgid "One."\nmsgstr ""\n'


def test_unchanged_source_gives_identical_text() -> None:
    existing = HEADER_RU + (
        f'\n# checked with the desk\n#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
        f'\n#: {REF}\n#, fuzzy\nmsgid "Two."\nmsgstr "Два?"\n'
    )
    assert merged(existing, "One.", "Two.") == existing


def test_changed_source_keeps_translation_as_fuzzy_with_previous_source() -> None:
    existing = HEADER_RU + (
        f'\n#: {REF}\nmsgid "The summit was held online."\nmsgstr "Саммит прошёл онлайн."\n'
    )
    assert merged(existing, "The summit was held online in 2020.") == HEADER_RU + (
        f"\n#: {REF}\n"
        "#, fuzzy\n"
        '#| msgid "The summit was held online."\n'
        'msgid "The summit was held online in 2020."\n'
        'msgstr "Саммит прошёл онлайн."\n'
    )


def test_fuzzy_again_keeps_the_source_the_translation_was_made_for() -> None:
    existing = HEADER_RU + (
        f"\n#: {REF}\n#, fuzzy\n"
        '#| msgid "The summit was held online."\n'
        'msgid "The summit was held online in 2020."\n'
        'msgstr "Саммит прошёл онлайн."\n'
    )
    assert '#| msgid "The summit was held online."\n' in merged(
        existing, "The summit was held online in November 2020."
    )


def test_removed_sentence_becomes_obsolete_and_comes_back() -> None:
    existing = HEADER_RU + (
        f'\n#: {REF}\nmsgid "Stay."\nmsgstr "Остаётся."\n'
        f'\n# my note\n#: {REF}\nmsgid "Gone for now."\nmsgstr "Пока удалено."\n'
        f'\n#: {REF}\nmsgid "Never translated."\nmsgstr ""\n'
    )
    without = merged(existing, "Stay.")
    assert without == HEADER_RU + (
        f'\n#: {REF}\nmsgid "Stay."\nmsgstr "Остаётся."\n'
        '\n# my note\n#~ msgid "Gone for now."\n#~ msgstr "Пока удалено."\n'
    )
    assert merged(without, "Stay.", "Gone for now.") == HEADER_RU + (
        f'\n#: {REF}\nmsgid "Stay."\nmsgstr "Остаётся."\n'
        f'\n# my note\n#: {REF}\nmsgid "Gone for now."\nmsgstr "Пока удалено."\n'
    )


def test_header_fields_added_by_editors_are_kept() -> None:
    existing = HEADER_RU.replace(
        '"Plural-Forms', '"Last-Translator: Anna <anna@example.org>\\n"\n"Plural-Forms'
    ) + f'\n#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
    assert '"Last-Translator: Anna <anna@example.org>\\n"\n' in merged(existing, "One.")


def test_read_targets_reports_fuzzy() -> None:
    catalog = parse_catalog(
        HEADER_RU + f'\n#: {REF}\n#, fuzzy\nmsgid "A."\nmsgstr "А."\n\nmsgid "B."\nmsgstr ""\n',
        origin="ru.po",
    )
    targets = read_targets(catalog)
    assert (targets["A."].target_text, targets["A."].fuzzy) == ("А.", True)
    assert (targets["B."].target_text, targets["B."].fuzzy) == ("", False)


# ------------------------------------------------------------ what a merge keeps and rewrites

POEDIT_HEADER = (
    "# Russian translation of the SCO newsroom.\n"
    "# Anna Sokolova <anna@example.org>, 2026.\n"
    "#\n"
    "#, fuzzy\n"
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: newsroom 0.9\\n"\n'
    '"Report-Msgid-Bugs-To: \\n"\n'
    '"POT-Creation-Date: 2026-11-30 10:00+0000\\n"\n'
    '"PO-Revision-Date: 2026-12-01 12:00+0300\\n"\n'
    '"Last-Translator: Anna Sokolova <anna@example.org>\\n"\n'
    '"Language-Team: Russian <ru@example.org>\\n"\n'
    '"Language: {language}\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=utf-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    '"X-Generator: Poedit 3.4.2\\n"\n'
)
ONE = f'\n#: {REF}\nmsgid "One."\nmsgstr "Один."\n'


def test_header_keeps_what_tools_wrote_and_rewrites_owned_fields_in_place() -> None:
    result = merged(POEDIT_HEADER.format(language="ru") + ONE, "One.")
    assert result == (
        "# Russian translation of the SCO newsroom.\n"
        "# Anna Sokolova <anna@example.org>, 2026.\n"
        "#\n"
        "#, fuzzy\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: sco\\n"\n'
        '"Report-Msgid-Bugs-To: \\n"\n'
        '"POT-Creation-Date: 2026-11-30 10:00+0000\\n"\n'
        '"PO-Revision-Date: 2026-12-01 12:00+0300\\n"\n'
        '"Last-Translator: Anna Sokolova <anna@example.org>\\n"\n'
        '"Language-Team: Russian <ru@example.org>\\n"\n'
        '"Language: ru\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        + HEADER_RU[HEADER_RU.index('"Plural-Forms') :]
        + '"X-Generator: Poedit 3.4.2\\n"\n'
        + ONE
    )
    assert merged(result, "One.") == result


def test_language_with_a_territory_is_kept_another_language_is_rewritten() -> None:
    assert '"Language: ru_RU\\n"' in merged(POEDIT_HEADER.format(language="ru_RU") + ONE, "One.")
    assert '"Language: ru-RU\\n"' in merged(POEDIT_HEADER.format(language="ru-RU") + ONE, "One.")
    assert '"Language: ru\\n"' in merged(POEDIT_HEADER.format(language="uk") + ONE, "One.")
    assert '"Language: ru\\n"' in merged(POEDIT_HEADER.format(language="") + ONE, "One.")


def test_owned_fields_a_tool_removed_come_back_beside_their_neighbours() -> None:
    existing = (
        'msgid ""\nmsgstr ""\n'
        '"Last-Translator: Anna <anna@example.org>\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"X-Generator: Lokalize 24.08\\n"\n' + ONE
    )
    assert merged(existing, "One.") == (
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: sco\\n"\n'
        '"Language: ru\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Last-Translator: Anna <anna@example.org>\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        + HEADER_RU[HEADER_RU.index('"Plural-Forms') :]
        + '"X-Generator: Lokalize 24.08\\n"\n'
        + ONE
    )


TM_NOTE = "tm: 95% from tm/legacy.tmx; numbers differ from the source: check them"
RATS = "terms: Regional Anti-Terrorist Structure = Региональная антитеррористическая структура"


def test_notes_a_tool_wrapped_are_whole_again() -> None:
    # polib wraps at 78 columns with textwrap, breaking "Anti-Terrorist" after its hyphen;
    # Babel wraps at 76 columns; both leave a continuation line without a prefix.
    existing = HEADER_RU + (
        "\n#. terms: Regional Anti-\n#. Terrorist Structure = Региональная\n"
        "#. антитеррористическая структура\n"
        "#. route: tm-fuzzy (95% match >= 75%)\n"
        "#. tm: 95% from tm/legacy.tmx; numbers differ from the source: check\n#. them\n"
        f'#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
    )
    catalog = merge_catalog(
        parse_catalog(existing, origin="ru.po"),
        [Unit(source_text="One.", reference=REF, notes=(RATS,))],
        project="sco",
        locale_code="ru",
    )
    assert format_catalog(catalog) == HEADER_RU + (
        f"\n#. {RATS}\n#. route: tm-fuzzy (95% match >= 75%)\n#. {TM_NOTE}\n"
        f'#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
    )


def test_notes_splits_wrapped_lines_back_into_notes() -> None:
    assert notes("something a tool added\nterms: A = Б\nroute: human (a\nquotation)") == [
        "terms: A = Б",
        "route: human (a quotation)",
    ]
    assert notes("mt: glossary terms lost by the engine, check them: State-\nmember") == [
        "mt: glossary terms lost by the engine, check them: State-member"
    ]
    assert notes("tm: 80% from a 2023-\n2024 release") == ["tm: 80% from a 2023- 2024 release"]


def test_untranslated_deleted_entry_is_removed_with_its_comment_as_gettext_does() -> None:
    # gettext writes no obsolete entry without a translation (msgcat and msgmerge drop
    # one, comments and all), so neither does i18n-kit.
    existing = HEADER_RU + ONE + f'\n# ask the desk\n#: {REF}\nmsgid "Two."\nmsgstr ""\n'
    assert merged(existing, "One.") == HEADER_RU + ONE


def test_previous_source_of_a_reviewed_entry_is_removed() -> None:
    # The translator cleared fuzzy; the #| line describes a source that no longer matters
    # (msgmerge removes it too).
    existing = HEADER_RU + (
        f'\n#: {REF}\n#| msgid "On."\nmsgid "One."\nmsgstr "Один."\n'
        f'\n#: {REF}\n#, fuzzy\n#| msgid "Tw."\nmsgid "Two."\nmsgstr "Два."\n'
    )
    assert merged(existing, "One.", "Two.") == HEADER_RU + (
        f'\n#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
        f'\n#: {REF}\n#, fuzzy\n#| msgid "Tw."\nmsgid "Two."\nmsgstr "Два."\n'
    )


def test_extracted_comments_that_are_not_i18n_kits_are_removed() -> None:
    existing = HEADER_RU + (
        f"\n#. checked by the desk\n#. route: human (a quotation)\n#: {REF}\n"
        'msgid "One."\nmsgstr "Один."\n'
    )
    assert merged(existing, "One.") == HEADER_RU + (
        f'\n#. route: human (a quotation)\n#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
    )


def test_previous_source_babel_wrote_as_a_comment_is_a_previous_source_again() -> None:
    # Babel's read_po/write_po turn '#| msgid "…"' into the comment '# | msgid "…"'.
    existing = HEADER_RU + (
        f'\n# checked\n# | msgid ""\n# | "Seven member "\n# | "states."\n#: {REF}\n#, fuzzy\n'
        'msgid "Eight member states."\nmsgstr "Семь государств-членов."\n'
        f'\n# | msgid "On."\n#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
        '\n# | msgid "Tw."\n#, fuzzy\n#~ msgid "Two."\n#~ msgstr "Два."\n'
    )
    assert merged(existing, "Eight member states.", "One.") == HEADER_RU + (
        f'\n# checked\n#: {REF}\n#, fuzzy\n#| msgid "Seven member states."\n'
        'msgid "Eight member states."\nmsgstr "Семь государств-членов."\n'
        f'\n#: {REF}\nmsgid "One."\nmsgstr "Один."\n'
        '\n#, fuzzy\n#~| msgid "Tw."\n#~ msgid "Two."\n#~ msgstr "Два."\n'
    )
