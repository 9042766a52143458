"""Glossary checker: missing and forbidden terms in translations, misspelt names in sources."""

from __future__ import annotations

import pytest

from i18n_kit.glossary.check import (
    TermFinding,
    check_source,
    check_translation,
    find_near_misses,
)
from i18n_kit.glossary.load import load_glossary
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import Category, Entry, Glossary, Term, TermStatus
from tests.glossary.sco_reference import read_reference_glossary


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex(read_reference_glossary())


def _brief(findings: list[TermFinding]) -> list[tuple[str, str, str, str | None, str]]:
    return [(f.check, f.severity, f.message, f.suggestion, f.entry_id) for f in findings]


# -- (a) missing terms -----------------------------------------------------------------

SOURCE = "The SCO Secretariat hosted the Council of Heads of State; Kassym-Jomart Tokayev spoke."


def test_translation_with_every_term_inflected_passes(index: TermIndex) -> None:
    target = (
        "В Секретариате ШОС прошло заседание Совета глав государств-членов ШОС; "
        "выступил Касым-Жомарт Токаев."
    )
    assert check_translation(SOURCE, "en", target, "ru", index) == []


def test_translation_missing_terms(index: TermIndex) -> None:
    target = "В секретариате прошёл совет; выступил президент Казахстана."
    findings = check_translation(SOURCE, "en", target, "ru", index)
    assert _brief(findings) == [
        (
            "term-missing",
            "error",
            "«Секретариат ШОС» (SCO Secretariat) is missing from the translation",
            "Секретариат ШОС",
            "body-006",
        ),
        (
            "term-missing",
            "error",
            "«Совет глав государств-членов ШОС» (Council of Heads of State) is missing from "
            "the translation",
            "Совет глав государств-членов ШОС",
            "body-001",
        ),
        (
            "term-missing",
            "error",
            "«Касым-Жомарт Токаев» (Kassym-Jomart Tokayev) is missing from the translation",
            "Касым-Жомарт Токаев",
            "pers-04",
        ),
    ]
    assert {(f.start, f.end) for f in findings} == {(0, len(target))}


def test_fewer_occurrences_than_the_source_is_a_warning(index: TermIndex) -> None:
    source = "Kazakhstan and Russia signed; Kazakhstan will host."
    target = "Республика Казахстан и Россия подписали; саммит пройдёт там."
    assert _brief(check_translation(source, "en", target, "ru", index)) == [
        (
            "term-missing",
            "warning",
            "«Казахстан» (Kazakhstan) appears 1 time(s) in the translation but 2 in the source",
            "Казахстан",
            "state-03",
        )
    ]


def test_russian_source_into_chinese(index: TermIndex) -> None:
    source = "Генеральный секретарь ШОС прибыл в Бишкек."
    assert check_translation(source, "ru", "上合组织秘书长抵达比什凯克。", "zh", index) == []
    assert _brief(check_translation(source, "ru", "秘书长抵达比什凯克。", "zh", index)) == [
        (
            "term-missing",
            "error",
            "«上海合作组织秘书长» (Генеральный секретарь ШОС) is missing from the translation",
            "上海合作组织秘书长",
            "body-007",
        )
    ]


def test_entry_without_a_target_term_is_not_required(index: TermIndex) -> None:
    # body-036 has no Russian term: nothing can be demanded.
    source = "The SCO Cultural Integration Centre opened."
    assert check_translation(source, "en", "Открылся центр.", "ru", index) == []


# -- (b) forbidden and deprecated forms ------------------------------------------------


def test_forbidden_form_in_translation(index: TermIndex) -> None:
    # The forbidden form still names the entry, so it is reported once, as forbidden.
    source = "António Guterres spoke."
    target = "Выступил Антониу Гутерреш."
    findings = check_translation(source, "en", target, "ru", index)
    assert _brief(findings) == [
        (
            "term-forbidden",
            "error",
            "«Гутерреш» is a forbidden form; use «Антониу Гутерриш»",
            "Антониу Гутерриш",
            "pers-11",
        ),
    ]
    assert target[findings[0].start : findings[0].end] == "Гутерреш"


def test_deprecated_form_is_a_warning() -> None:
    entry = Entry(
        id="state-04",
        category=Category.STATE,
        terms=(
            Term(text="Kyrgyzstan", lang="en"),
            Term(text="Кыргызстан", lang="ru"),
            Term(text="Киргизия", lang="ru", status=TermStatus.DEPRECATED),
        ),
    )
    index = TermIndex(Glossary(entries=(entry,)))
    findings = check_translation("Kyrgyzstan", "en", "Визит в Киргизию", "ru", index)
    assert findings == [
        TermFinding(
            check="term-forbidden",
            severity="warning",
            message="«Киргизию» is a deprecated form; use «Кыргызстан»",
            start=8,
            end=16,
            suggestion="Кыргызстан",
            entry_id="state-04",
        )
    ]


@pytest.fixture(scope="module")
def shipped() -> TermIndex:
    return TermIndex(load_glossary(project_dir=None))


def test_a_form_repeated_is_one_finding_per_entry_and_form(shipped: TermIndex) -> None:
    source = "António Guterres spoke. Guterres thanked the hosts. Guterres left."
    target = "Выступил Антониу Гутерреш. Гутерреш поблагодарил хозяев. Гутерреш уехал."
    assert _brief(check_translation(source, "en", target, "ru", shipped)) == [
        ("term-forbidden", "error",
         "«Гутерреш» is a forbidden form; use «Антониу Гутерриш» (3 times)",
         "Антониу Гутерриш", "pers-11"),
    ]
    assert len(check_source("Президент Mirziev, Mirziev и снова Mirziev.", "en", shipped)) == 1


def test_a_states_own_name_and_a_transliteration_variant_are_not_errors(
    shipped: TermIndex,
) -> None:
    # 白罗斯 is the name Belarus asked Chinese writers to use: admitted, no finding.
    assert check_translation("Belarus joined the SCO.", "en", "白罗斯加入上合组织。", "zh",
                             shipped) == []
    # "Rakhmon" transliterates the Russian spelling: dispreferred, one warning.
    assert _brief(check_translation("Эмомали Рахмон выступил.", "ru",
                                    "Emomali Rakhmon spoke.", "en", shipped)) == [
        ("term-forbidden", "warning",
         "«Emomali Rakhmon» is a deprecated form; use «Emomali Rahmon»",
         "Emomali Rahmon", "pers-09"),
    ]
    assert check_source("Emomali Rakhmon spoke.", "en", shipped) == []


def test_a_name_two_people_share_is_credited_never_demanded(shipped: TermIndex) -> None:
    # 扎帕罗夫 is Sadyr or Akylbek Japarov: any candidate's form is credited, none demanded
    assert check_translation("扎帕罗夫出席会议。", "zh", "A. U. Japarov attended the meeting.",
                             "en", shipped) == []
    assert check_translation("扎帕罗夫出席会议。", "zh", "The Chairman attended the meeting.",
                             "en", shipped) == []
    # an office next to the name settles it; then that person's form is demanded
    findings = check_translation(
        "吉尔吉斯共和国总理扎帕罗夫主持会议。", "zh",
        "President of the Kyrgyz Republic Sadyr Japarov chaired the meeting.", "en", shipped)
    assert [(f.check, f.entry_id) for f in findings] == [("term-missing", "pers-40")]
    # a banker who shares the minister's surname is not the minister
    assert check_translation("Ravi Jaishankar, a banker, spoke.", "en",
                             "Выступил банкир Рави Джайшанкар.", "ru", shipped) == []


# -- (c) misspelt names in the source --------------------------------------------------


def test_listed_misspellings_in_source(index: TermIndex) -> None:
    text = "Shavkat Mirziev met Antonio Gutteres and Sadyr Zhaparov."
    findings = check_source(text, "en", index)
    assert _brief(findings) == [
        (
            "source-misspelling",
            "error",
            "«Shavkat Mirziev» is a form the glossary forbids; write «Shavkat Mirziyoyev»",
            "Shavkat Mirziyoyev",
            "pers-06",
        ),
        (
            "source-misspelling",
            "error",
            "«Antonio Gutteres» is a form the glossary forbids; write «António Guterres»",
            "António Guterres",
            "pers-11",
        ),
        (
            "source-misspelling",
            "error",
            "«Sadyr Zhaparov» is a form the glossary forbids; write «Sadyr Japarov»",
            "Sadyr Japarov",
            "pers-10",
        ),
    ]
    assert [text[f.start : f.end] for f in findings] == [
        "Shavkat Mirziev",
        "Antonio Gutteres",
        "Sadyr Zhaparov",
    ]


NEAR_MISSES = [
    ("en", "Shavkat Mirzyoyev arrived.", "Shavkat Mirzyoyev", "Shavkat Mirziyoyev", "pers-06"),
    ("en", "Then Gutteres said so.", "Gutteres", "Guterres", "pers-11"),
    (
        "en",
        "Kassym-Jomart Tokaiev spoke.",
        "Kassym-Jomart Tokaiev",
        "Kassym-Jomart Tokayev",
        "pers-04",
    ),
    ("en", "He visited Turkmenstan.", "Turkmenstan", "Turkmenistan", "state-28"),
    # one letter more is a misspelling of a person's name, not an ending (nor a nearer
    # match for the pre-2007 "Rahmonov")
    ("en", "President Emomali Rahmonn spoke.", "Emomali Rahmonn", "Emomali Rahmon", "pers-09"),
    (
        "en",
        "The Councel of Heads of State met.",
        "Councel of Heads of State",
        "Council of Heads of State",
        "body-001",
    ),
    ("ru", "Шавкат Мирзияев прибыл.", "Шавкат Мирзияев", "Шавкат Мирзиёев", "pers-06"),
    ("ru", "Встреча с Мирзияевым.", "Мирзияевым", "Мирзиёев", "pers-06"),
    ("ru", "Встреча с Лукошенко.", "Лукошенко", "Лукашенко", "pers-16"),
    (
        "ru",
        "Касым-Жомарт Токаиев выступил.",
        "Касым-Жомарт Токаиев",
        "Касым-Жомарт Токаев",
        "pers-04",
    ),
    ("ru", "Делегация Таджекистана прибыла.", "Таджекистана", "Таджикистан", "state-05"),
]


@pytest.mark.parametrize(("lang", "text", "written", "suggestion", "entry_id"), NEAR_MISSES)
def test_unlisted_near_miss(
    index: TermIndex, lang: str, text: str, written: str, suggestion: str, entry_id: str
) -> None:
    start = text.index(written)
    assert check_source(text, lang, index) == [
        TermFinding(
            check="source-misspelling",
            severity="warning",
            message=f"«{written}» looks like a misspelling of «{suggestion}»",
            start=start,
            end=start + len(written),
            suggestion=suggestion,
            entry_id=entry_id,
        )
    ]


CORRECT_EN = """\
On 16 November 2020 SCO Secretary-General Vladimir Norov met journalists at the SCO
Secretariat. President Kassym-Jomart Tokayev of Kazakhstan, President Shavkat Mirziyoyev of
Uzbekistan, President Sadyr Japarov of Kyrgyzstan, President Emomali Rahmon of Tajikistan,
Prime Minister Narendra Modi of India, Prime Minister Imran Khan of Pakistan, President
Hassan Rouhani of Iran, Alexander Lukashenko of Belarus and Xi Jinping of China joined
Vladimir Putin. UN Secretary-General António Guterres sent greetings. Russian, Indian,
Iranian, Chinese, Kazakhstani, Kyrgyz, Uzbek, Tajik, Mongolian and Belarusian officials,
observers from Iraq, Austria and Oman, the Council of Heads of Government (Prime Ministers),
the Regional Anti-Terrorist Structure, the SCO Business Council, the SCO Energy Club and
the SCO Youth Council discussed transport, energy, counties and countries, Councils and
Counsellors, Rahman, Putting, Modern, Normal, Gunter, Tokyo, Mirza and Japan. Rahmon's
aides met Mirziyoyev's advisers, and President Rahmon thanked Tokayev.
"""

CORRECT_RU = """\
16 ноября 2020 года Генеральный секретарь ШОС Владимир Норов встретился с журналистами в
Секретариате ШОС. Президенты Касым-Жомарт Токаев, Шавкат Мирзиёев, Садыр Жапаров и Эмомали
Рахмон, премьер-министры Нарендра Моди и Имран Хан, а также Хасан Роухани, Александр
Лукашенко и Си Цзиньпин присоединились к Владимиру Путину. Антониу Гутерриш направил
приветствие. Российские, индийские, иранские, китайские, казахстанские, киргизские и
узбекские делегаты, гости из Ирака, Австрии и Омана, Совет глав правительств, Региональная
антитеррористическая структура ШОС, Деловой совет ШОС и Энергетический клуб ШОС обсудили
транспорт, энергетику, таджикский хлопок, токарные станки, мирные инициативы, путину,
Индиану, Россиянку, Монголов, Токио, Японию и Гунтера.
"""


@pytest.mark.parametrize(("lang", "text"), [("en", CORRECT_EN), ("ru", CORRECT_RU)])
def test_correct_names_and_common_words_are_not_flagged(
    index: TermIndex, lang: str, text: str
) -> None:
    assert check_source(text, lang, index) == []


def test_no_near_misses_in_chinese(index: TermIndex) -> None:
    assert find_near_misses("米尔济约耶夫", "zh", index) == []
