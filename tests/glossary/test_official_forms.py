"""The forms official text writes names in: found where they are, and only there."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from i18n_kit.glossary.check import definition_spans
from i18n_kit.glossary.load import load_glossary
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import HitKind

DATA = Path(__file__).parent.parent / "data" / "glossary"
COMPOUNDS: list[dict[str, str]] = yaml.safe_load(
    (DATA / "zh_compounds.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def index() -> TermIndex:
    return TermIndex(load_glossary(project_dir=None))


def found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(hit.text, hit.entry.id) for hit in index().match_terms(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a patronymic added, from the dictionary or by its ending
        ("Рашид Кутбиддинович Алимов", "ru", [("Рашид Кутбиддинович Алимов", "pers-25")]),
        ("встреча с Рашидом Кутбиддиновичем Алимовым", "ru",
         [("Рашидом Кутбиддиновичем Алимовым", "pers-25")]),
        # initials with and without spaces, the surname inflected
        ("Р. Алимов", "ru", [("Р. Алимов", "pers-25")]),
        ("Р.Алимов", "ru", [("Р.Алимов", "pers-25")]),
        ("Р. К. Алимов", "ru", [("Р. К. Алимов", "pers-25")]),
        ("с Р.К.Алимовым", "ru", [("Р.К.Алимовым", "pers-25")]),
        ("R. Alimov", "en", [("R. Alimov", "pers-25")]),
        # the surname alone, in any case
        ("Алимова встретили в аэропорту", "ru", [("Алимова", "pers-25")]),
        ("Alimov said", "en", [("Alimov", "pers-25")]),
        ("阿利莫夫表示", "zh", [("阿利莫夫", "pers-25")]),
        ("拉·阿利莫夫表示", "zh", [("拉·阿利莫夫", "pers-25")]),
    ],
)
def test_a_name_is_found_in_the_forms_official_text_writes(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("alimov", "en"),  # a name is written with a capital
        ("Си", "ru"),  # a Chinese name's family name alone is too short to be a name
        ("Jinping said", "en"),  # and a Chinese given name is not a surname
        ("Кутбиддинович", "ru"),  # a patronymic alone names no one
    ],
)
def test_what_is_not_a_name(text: str, lang: str) -> None:
    assert found(text, lang) == []


def test_a_surname_two_people_share_names_both() -> None:
    # pers-10 Sadyr Japarov and pers-40 Akylbek Japarov: «Жапаров» alone could be either,
    # so the hit names both (issue 19); a given name, initials or an office settles it
    def candidates(text: str, lang: str) -> list[list[str]]:
        return [[e.id for e in hit.entries] for hit in index().match_terms(text, lang)]

    assert candidates("Жапаров", "ru") == [["pers-10", "pers-40"]]
    assert candidates("扎帕罗夫表示", "zh") == [["pers-10", "pers-40"]]
    assert found("Садыр Жапаров", "ru") == [("Садыр Жапаров", "pers-10")]
    assert found("Акылбек Жапаров", "ru") == [("Акылбек Жапаров", "pers-40")]
    assert candidates("A. U. Japarov spoke", "en") == [["pers-40"]]
    assert candidates("吉尔吉斯共和国总理扎帕罗夫主持会议", "zh")[-1] == ["pers-40"]
    assert candidates("Президент Жапаров открыл саммит", "ru") == [["pers-10"]]
    # a banker who shares the minister's surname is not the minister
    assert candidates("Ravi Jaishankar, a banker, spoke", "en") == []
    assert candidates("Minister Jaishankar spoke", "en") == [["pers-41"]]
    assert candidates("Банкир Рави Джайшанкар выступил", "ru") == []
    # a place or a day before the surname is no given name
    assert candidates("В Пекине Путин провёл встречу", "ru") == [["pers-03"]]
    assert candidates("In Beijing Putin said", "en") == [["pers-03"]]
    assert candidates("On Tuesday Putin said", "en") == [["pers-03"]]
    # a title without its year names every document of that title; the year settles it
    assert candidates("the Astana Declaration", "en") == [["doc-21", "doc-38"]]
    assert candidates("the 2011 Astana Declaration", "en") == [["doc-38"]]
    assert candidates("2024年阿斯塔纳宣言", "zh") == [["doc-21"]]


def test_names_inside_a_longer_name_are_reported_as_nested() -> None:
    layers = index().match_layers(
        "Исполнительный комитет Региональной антитеррористической структуры ШОС", "ru")
    assert [hit.entry.id for hit in layers.top] == ["body-010"]
    assert sorted(hit.entry.id for hit in layers.nested) == ["body-009", "org-001"]


def test_a_longer_name_is_found_with_an_inner_name_in_another_form() -> None:
    # body-011 lists «Директор Исполнительного комитета РАТС ШОС»; the inner body-009
    # written in full is the same name
    text = "Директор Исполнительного комитета Региональной антитеррористической структуры ШОС"
    assert found(text, "ru") == [(text, "body-011")]


@pytest.mark.parametrize(
    ("text", "lang", "entry", "count"),
    [
        ("上合组织阿斯塔纳峰会通过了文件。", "zh", "body-001", 1),
        ("上合组织峰会通过了文件。", "zh", "body-001", 0),  # whole: the matcher counts it
        ("上合组织，峰会", "zh", "body-001", 0),  # punctuation ends the search
        ("саммит глав государств ШОС", "ru", "body-001", 1),
        ("саммит был проведён в столице Казахстана при участии ШОС", "ru", "body-001", 0),
    ],
)
def test_a_term_with_words_inserted_is_counted_once(
    text: str, lang: str, entry: str, count: int
) -> None:
    glossary_entry = index().glossary.get(entry)
    assert glossary_entry is not None
    assert index().count_split(text, lang, glossary_entry) == count


@pytest.mark.parametrize(
    ("text", "lang", "definition"),
    [
        ("the Organisation (hereinafter referred to as the SCO or the Organisation) was",
         "en", "hereinafter referred to as the SCO or the Organisation"),
        ("the Republic of Belarus, hereinafter Belarus, joined", "en", "hereinafter Belarus"),
        ("Шанхайская организация сотрудничества (далее – ШОС или Организация)", "ru",
         "далее – ШОС или Организация"),
        ("государства (далее именуемые «Стороны»)", "ru", "далее именуемые «Стороны»"),
        ("上海合作组织（以下简称“上合组织”或“本组织”）", "zh", "以下简称“上合组织”或“本组织”"),
    ],
)
def test_hereinafter_definitions_are_found(text: str, lang: str, definition: str) -> None:
    assert [text[start:end] for start, end in definition_spans(text, lang)] == [definition]


def test_further_is_not_a_definition() -> None:
    assert definition_spans("и далее по списку, и так далее", "ru") == []


@pytest.mark.parametrize("case", COMPOUNDS, ids=[c["text"] for c in COMPOUNDS])
def test_a_short_form_inside_a_longer_chinese_word_is_not_flagged(case: dict[str, str]) -> None:
    flagged = {hit.text for hit in index().match_terms(case["text"], "zh")
               if hit.kind is HitKind.FLAGGED}
    assert ("flag" if case["form"] in flagged else "keep") == case["expect"]


# Variants are forms (issue 19): British and American spelling, a heading in capitals, a
# spaced dash in a Russian compound, words official Chinese inserts, an abbreviation in
# brackets inside a Russian name.
VARIANTS = [
    ("the Collective Security Treaty Organisation", "en", "Collective Security Treaty Organisation",
     "porg-09"),
    ("the Meeting of Defense Ministers of SCO Member States", "en",
     "Meeting of Defense Ministers of SCO Member States", "body-014"),
    ("the Food Security Cooperation Program", "en", "Food Security Cooperation Program", "doc-34"),
    ("the SCO Consortium of Economic and Analytical Centers", "en",
     "SCO Consortium of Economic and Analytical Centers", "body-030"),
    ("ASTANA DECLARATION", "en", "ASTANA DECLARATION", "doc-21"),
    ("СОВЕТ ГЛАВ ГОСУДАРСТВ-ЧЛЕНОВ ШОС", "ru", "СОВЕТ ГЛАВ ГОСУДАРСТВ-ЧЛЕНОВ ШОС", "body-001"),
    ("заседание Совета глав государств – членов ШОС", "ru",
     "Совета глав государств – членов ШОС", "body-001"),
    ("上合组织新任秘书长会见记者", "zh", "上合组织新任秘书长", "body-007"),
    ("Исполнительного комитета Региональной антитеррористической структуры (РАТС) ШОС", "ru",
     "Исполнительного комитета Региональной антитеррористической структуры (РАТС) ШОС",
     "body-010"),
    ("the SCO secretary-general", "en", "SCO secretary-general", "body-007"),
]


@pytest.mark.parametrize(("text", "lang", "span", "entry_id"), VARIANTS)
def test_a_variant_spelling_matches_as_the_term(
    text: str, lang: str, span: str, entry_id: str
) -> None:
    assert found(text, lang)[:1] == [(span, entry_id)]


def test_deputy_is_another_office_not_an_inserted_word() -> None:
    assert found("上合组织副秘书长", "zh") == [("上合组织副秘书长", "body-008")]
