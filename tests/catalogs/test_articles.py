"""Article catalogs: templates and the merge that never loses a translation (exact PO text)."""

from __future__ import annotations

from i18n_kit.catalogs.articles import Unit, build_template, merge_catalog, read_targets
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
