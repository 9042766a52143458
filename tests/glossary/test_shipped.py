"""The shipped glossary: canonical, exported to TBX, kept from the reference, registers
paired, cross-checked with CLDR."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.csvfile import parse_csv, write_csv
from i18n_kit.glossary.load import read_glossary
from i18n_kit.glossary.model import Category, Glossary, Register, TermStatus
from i18n_kit.glossary.reference import (
    STATE_TERRITORIES,
    CldrDifference,
    compare_cldr,
    compare_reference,
    read_reference,
    render_readme,
)
from i18n_kit.glossary.registers import register_pairs
from i18n_kit.glossary.tbx import write_tbx
from i18n_kit.resources import shipped_path

ROOT = Path(__file__).resolve().parent.parent.parent
REFERENCE = ROOT / "tools" / "reference" / "sco-terminology.csv"
SHIPPED = shipped_path("glossary")
REBUILD = "run `python tools/build_glossary.py` and review the diff"
USABLE = (TermStatus.PREFERRED, TermStatus.ADMITTED)


def reference_text() -> str:
    return REFERENCE.read_bytes().decode("utf-8")


def shipped() -> Glossary:
    return read_glossary(SHIPPED / "sco.csv")


def pairs(glossary: Glossary, entry_id: str) -> dict[str, tuple[str | None, ...]]:
    entry = glossary.get(entry_id)
    assert entry is not None
    return {
        register.value: tuple(None if term is None else term.text for term in row.values())
        for register, row in register_pairs(entry).items()
    }


def test_shipped_csv_is_canonical() -> None:
    text = (SHIPPED / "sco.csv").read_bytes().decode("utf-8")
    assert write_csv(parse_csv(text, origin="sco.csv")) == text, REBUILD


def test_shipped_tbx_is_the_export_of_the_csv() -> None:
    glossary = shipped()
    assert (SHIPPED / "sco.tbx").read_bytes().decode("utf-8") == write_tbx(glossary), REBUILD
    assert read_glossary(SHIPPED / "sco.tbx").entries == glossary.entries


def test_shipped_readme_is_generated() -> None:
    reference = read_reference(reference_text(), origin=str(REFERENCE))
    readme = render_readme(shipped(), reference=reference)
    assert (SHIPPED / "README.md").read_bytes().decode("utf-8") == readme, REBUILD


def test_every_reference_entry_is_kept_and_every_dropped_form_explained() -> None:
    reference = read_reference(reference_text(), origin=str(REFERENCE))
    assert len(reference) == 199
    departures = compare_reference(reference, shipped())
    assert [
        (d.entry_id, d.lang, d.form, d.reference_status, d.shipped_status) for d in departures
    ] == DEPARTURES


def test_a_reference_form_dropped_without_a_reason_fails_the_build() -> None:
    reference = read_reference(reference_text(), origin="ref.csv")
    text = (SHIPPED / "sco.csv").read_bytes().decode("utf-8")
    edited = parse_csv(text.replace("|!Kirgizia", ""), origin="sco.csv")
    with pytest.raises(GlossaryError) as caught:
        compare_reference(reference, edited)
    assert str(caught.value) == (
        "sco.csv: entry 'state-04': the reference's en form 'Kirgizia' (forbidden) is absent "
        "here, and DEPARTURE_REASONS in i18n_kit/glossary/reference.py does not say why"
    )


def test_the_reference_as_is_has_one_form_with_two_targets() -> None:
    # Why porg-08 departs from it: as a set, "EAEC" would name two organisations.
    with pytest.raises(GlossaryError) as caught:
        parse_csv(reference_text(), origin="sco-terminology.csv")
    assert str(caught.value) == (
        "sco-terminology.csv:135: entry 'porg-08': en form 'EAEC' also belongs to 'porg-06' "
        "(line 133), whose target differs (ru 'Евразийский экономический союз' vs "
        "'Евразийское экономическое сообщество'); keep the form in one entry only"
    )


def test_states_pair_formal_and_short_names_in_every_language() -> None:
    glossary = shipped()
    assert pairs(glossary, "state-04") == {
        "full": ("Kyrgyz Republic", "Кыргызская Республика", "吉尔吉斯共和国"),
        "short": ("Kyrgyzstan", "Кыргызстан", "吉尔吉斯斯坦"),
    }
    assert pairs(glossary, "state-02") == {
        "full": ("Russian Federation", "Российская Федерация", "俄罗斯联邦"),
        "short": ("Russia", "Россия", "俄罗斯"),
        "abbr": (None, "РФ", None),
    }
    assert pairs(glossary, "state-01")["full"] == (
        "People's Republic of China", "Китайская Народная Республика", "中华人民共和国"
    )
    single_name = {"state-12", "state-24", "state-28", "state-29"}
    for entry in glossary:
        if entry.category is not Category.STATE:
            continue
        wanted = (
            {Register.SHORT} if entry.id in single_name and entry.id != "state-24"
            else {Register.FULL} if entry.id == "state-24"
            else {Register.FULL, Register.SHORT}
        )
        for lang in ("en", "ru", "zh"):
            preferred = entry.preferred(lang)
            assert preferred is not None and preferred.register in wanted, (entry.id, lang)
            assert wanted <= set(entry.registers(lang)), (entry.id, lang)


def test_the_organisation_and_its_bodies_pair_by_register() -> None:
    glossary = shipped()
    assert pairs(glossary, "org-001") == {
        "full": ("Shanghai Cooperation Organisation", "Шанхайская организация сотрудничества",
                 "上海合作组织"),
        "short": ("the Organisation", "Организация", "本组织"),
        "abbr": ("SCO", "ШОС", "上合组织"),
    }
    assert pairs(glossary, "body-006") == {
        "full": ("Secretariat of the Shanghai Cooperation Organisation",
                 "Секретариат Шанхайской организации сотрудничества", "上海合作组织秘书处"),
        "short": ("SCO Secretariat", "Секретариат ШОС", "上合组织秘书处"),
    }
    assert pairs(glossary, "body-009")["abbr"] == ("RATS", "РАТС ШОС", None)
    # One name in a language pairs with every register; several without this one: none.
    assert pairs(glossary, "porg-01")["abbr"] == ("UN", "ООН", "联合国")
    assert pairs(glossary, "pers-41")["short"] == (
        "S. Jaishankar", "Субраманьям Джайшанкар", "苏杰生"
    )
    # Every body name with the full prefix is listed with the abbreviated one too; the
    # short forms name the SCO in every language or in none (a name that abbreviates the
    # Organisation is the full register, issue 19): the route's zh short form starts
    # with 上合组织 exactly where the English short form names the SCO.
    for entry in glossary:
        if entry.category is not Category.BODY:
            continue
        zh = [t for t in entry.forms("zh") if t.status in USABLE]
        for term in zh:
            if "上海合作组织" in term.text:
                assert term.register is Register.FULL, (entry.id, term.text)
                short = term.text.replace("上海合作组织", "上合组织")
                assert any(t.text == short for t in zh), short
        approved = entry.approved("zh", Register.SHORT)  # the route's short form
        english = entry.approved("en", Register.SHORT)
        if approved is not None and english is not None:
            assert approved.text.lstrip("“").startswith("上合组织") == (
                "SCO" in english.text), entry.id
    assert pairs(glossary, "body-001")["short"] == (
        "Council of Heads of State", "Совет глав государств", "元首理事会")
    assert pairs(glossary, "body-001")["full"][1] == "Совет глав государств-членов ШОС"


def test_categories_and_status_by_year() -> None:
    glossary = shipped()
    counts = {c: sum(e.category is c for e in glossary) for c in Category}
    assert counts == {
        Category.ORGANISATION: 18,
        Category.BODY: 42,
        Category.STATE: 29,
        Category.DOCUMENT: 38,
        Category.PARTNER_ORG: 16,
        Category.PERSON: 42,
        Category.CONCEPT: 24,
    }
    states = [e for e in glossary if e.category is Category.STATE]
    assert all(set(e.status_by_year) == {"2020", "2025"} for e in states)
    assert not any(e.status_by_year for e in glossary if e.category is not Category.STATE)
    belarus = glossary.get("state-10")
    assert belarus is not None
    assert belarus.status_by_year == {"2020": "observer", "2025": "member"}
    assert sorted(STATE_TERRITORIES) == sorted(e.id for e in states)


def test_unverified_notes_are_kept_verbatim() -> None:
    # A mark at the start flags the approved renderings (PO comments say [unverified]); one
    # later in the note concerns only a variant, and the README lists both.
    glossary = shipped()
    assert sum("[unverified:" in e.note for e in glossary) == 132
    assert sum(bool(e.unverified) for e in glossary) == 124
    infoshos = glossary.get("org-003")
    assert infoshos is not None
    assert infoshos.unverified == "ru, zh"


def test_state_names_against_cldr() -> None:
    differences = compare_cldr(shipped())
    assert [
        (d.entry_id, d.territory, d.lang, d.cldr_name, d.preferred, d.cldr_status)
        for d in differences
    ] == [
        ("state-26", "MM", "en", "Myanmar (Burma)", "Myanmar", "absent"),
        ("state-04", "KG", "ru", "Киргизия", "Кыргызстан", "deprecated"),
        ("state-24", "AE", "ru", "ОАЭ", "Объединённые Арабские Эмираты", "admitted"),
        ("state-26", "MM", "ru", "Мьянма (Бирма)", "Мьянма", "absent"),
        ("state-12", "MN", "zh", "蒙古", "蒙古国", "forbidden"),
    ]
    assert all(isinstance(d, CldrDifference) for d in differences)



def test_body_and_document_names_follow_how_they_name_the_organisation() -> None:
    spelled = re.compile(
        r"Shanghai Cooperation Organi[sz]ation|Шанхайск\w+ организаци|上海合作组织"
    )
    abbreviated = re.compile(r"\bSCO\b|ШОС|上合组织")
    for entry in shipped():
        if entry.category not in (Category.BODY, Category.DOCUMENT):
            continue
        for term in entry.terms:
            if spelled.search(term.text):
                assert term.register is Register.FULL, (entry.id, term.text)
        # A form that abbreviates the Organisation is short where every language's short
        # form names it (SCO Secretariat = Секретариат ШОС = 上合组织秘书处) and full where
        # one does not (Бишкекская декларация ... ШОС beside "Bishkek Declaration").
        for register in (Register.SHORT,):
            named = {lang: bool(abbreviated.search(term.text) or spelled.search(term.text))
                     for lang in ("en", "ru", "zh")
                     if (term := entry.approved(lang, register)) is not None}
            assert len(set(named.values())) <= 1, (entry.id, named)


def test_new_people_and_confusables() -> None:
    glossary = shipped()
    assert pairs(glossary, "pers-28")["full"] == ("Shehbaz Sharif", "Шехбаз Шариф", "夏巴兹·谢里夫")
    sharif = glossary.get("pers-28")
    assert sharif is not None
    assert [(t.text, t.status) for t in sharif.forms("ru")] == [
        ("Шехбаз Шариф", TermStatus.PREFERRED), ("Шахбаз Шариф", TermStatus.ADMITTED)
    ]
    names = {e.id: (e.preferred("en"), e.preferred("ru")) for e in glossary}
    assert [
        (en.text, ru.text)
        for en, ru in (names[f"pers-{n}"] for n in range(35, 42))
        if en is not None and ru is not None
    ] == [
        ("Nursultan Nazarbayev", "Нурсултан Назарбаев"),
        ("Dmitry Medvedev", "Дмитрий Медведев"),
        ("Dmitry Mezentsev", "Дмитрий Мезенцев"),
        ("Yevgeny Sysoyev", "Евгений Сысоев"),
        ("Olzhas Bektenov", "Олжас Бектенов"),
        ("Akylbek Japarov", "Акылбек Жапаров"),
        ("Subrahmanyam Jaishankar", "Субраманьям Джайшанкар"),
    ]
    # Inner Mongolia is its own term: 内蒙古 is a longer word than the flagged 蒙古.
    assert pairs(glossary, "conc-24") == {
        "full": ("Inner Mongolia Autonomous Region", "Автономный район Внутренняя Монголия",
                 "内蒙古自治区"),
        "short": ("Inner Mongolia", "Внутренняя Монголия", "内蒙古"),
    }
    strategy = glossary.get("doc-05")
    assert strategy is not None
    assert {"SCO Development Strategy until 2025", "SCO Development Strategy towards 2025"} <= {
        t.text for t in strategy.forms("en") if t.status in USABLE
    }
    forms = {e.id: {t.text for t in e.terms if t.status in USABLE} for e in glossary}
    assert {"Совет РАТС ШОС", "Совет РАТС"} <= forms["body-012"]
    assert {"外长理事会", "外交部长理事会"} <= forms["body-003"]
    assert "上合组织成员国元首理事会" in forms["body-001"]


DEPARTURES = [
    ("state-04", "ru", "Киргизия", "admitted", "deprecated"),
    ("state-04", "ru", "Киргизская Республика", "admitted", "deprecated"),
    ("state-10", "ru", "Белоруссия", "admitted", "deprecated"),
    ("state-10", "zh", "白罗斯", "forbidden", "admitted"),
    ("state-28", "ru", "Туркмения", "admitted", "deprecated"),
    ("porg-08", "en", "EAEC", "admitted", "absent"),
    ("pers-09", "en", "Emomali Rakhmon", "forbidden", "deprecated"),
    ("pers-28", "ru", "Шахбаз Шариф", "preferred", "admitted"),
]
