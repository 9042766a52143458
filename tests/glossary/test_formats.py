"""CSV and TBX: golden files, byte-exact round trips both ways, TBX 2 import, safe XML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.csvfile import parse_csv, write_csv
from i18n_kit.glossary.load import glossary_digest, read_glossary
from i18n_kit.glossary.model import Category, Entry, Glossary, Register, Term, TermStatus
from i18n_kit.glossary.registers import looks_like_abbreviation, register_pairs
from i18n_kit.glossary.tbx import parse_tbx, write_tbx
from i18n_kit.glossary.validate import form_key

DATA = Path(__file__).resolve().parent.parent / "data" / "glossary"
HEADER = (
    "id,category,en,en_variants,ru,ru_variants,zh,zh_variants,status_2020,status_2025,note,source"
)
FULL, SHORT, ABBR = Register.FULL, Register.SHORT, Register.ABBREVIATION


def read_text(name: str) -> str:
    return (DATA / name).read_bytes().decode("utf-8")


def test_csv_reads_into_entries_with_every_status() -> None:
    glossary = parse_csv(read_text("sample.csv"), origin="sample.csv")
    assert [entry.id for entry in glossary] == [
        "org-001",
        "state-04",
        "state-09",
        "body-036",
        "pers-01",
        "conc-01",
    ]
    kyrgyzstan = glossary.get("state-04")
    assert kyrgyzstan == Entry(
        id="state-04",
        category=Category.STATE,
        terms=(
            Term(text="Kyrgyzstan", lang="en", register=SHORT),
            Term(text="Kyrgyz Republic", lang="en", status=TermStatus.ADMITTED),
            Term(text="Kirghizia", lang="en", status=TermStatus.FORBIDDEN, register=SHORT),
            Term(text="Кыргызстан", lang="ru", register=SHORT),
            Term(text="Кыргызская Республика", lang="ru", status=TermStatus.ADMITTED),
            Term(text="Киргизия", lang="ru", status=TermStatus.DEPRECATED, register=SHORT),
            Term(text="Киргизская Республика", lang="ru", status=TermStatus.DEPRECATED),
            Term(text="吉尔吉斯斯坦", lang="zh", register=SHORT),
            Term(text="吉尔吉斯共和国", lang="zh", status=TermStatus.ADMITTED),
            Term(text="吉尔吉斯", lang="zh", status=TermStatus.FORBIDDEN, register=SHORT),
        ),
        note="Founding member.\nChairmanship 2025–2026 (summit in Bishkek, 2026).",
        source="adilet.zan.kz",
        status_by_year={"2020": "member", "2025": "member"},
    )
    bank = glossary.get("body-036")
    assert bank is not None
    assert (bank.preferred("ru"), bank.unverified) == (None, "ru, zh not found")
    belt = glossary.get("conc-01")
    assert belt is not None
    assert belt.preferred("ru") is None
    assert [t.text for t in belt.forms("ru")] == ["«Пояс и путь»"]


def test_registers_are_tagged_or_inferred() -> None:
    glossary = parse_csv(read_text("sample.csv"), origin="sample.csv")
    organisation = glossary.get("org-001")
    assert organisation is not None
    # Untagged: the preferred is full, an all-capitals form an abbreviation; tagged: as told.
    assert [(t.text, t.register) for t in organisation.terms] == [
        ("Shanghai Cooperation Organisation", FULL),
        ("SCO", ABBR),
        ("the Organisation", SHORT),
        ("Шанхайская организация сотрудничества", FULL),
        ("ШОС", ABBR),
        ("Организация", SHORT),
        ("上海合作组织", FULL),
        ("上合组织", ABBR),
        ("本组织", SHORT),
    ]
    # The pairs the term route translates by: one approved form per register and language.
    assert {
        register.value: {lang: term and term.text for lang, term in row.items()}
        for register, row in register_pairs(organisation).items()
    } == {
        "full": {
            "en": "Shanghai Cooperation Organisation",
            "ru": "Шанхайская организация сотрудничества",
            "zh": "上海合作组织",
        },
        "short": {"en": "the Organisation", "ru": "Организация", "zh": "本组织"},
        "abbr": {"en": "SCO", "ru": "ШОС", "zh": "上合组织"},
    }
    kyrgyzstan = glossary.get("state-04")
    assert kyrgyzstan is not None
    assert kyrgyzstan.approved("ru", FULL) == Term(
        text="Кыргызская Республика", lang="ru", status=TermStatus.ADMITTED
    )
    assert kyrgyzstan.registers("zh") == (FULL, SHORT)


def test_an_untagged_variant_takes_its_preferred_terms_register() -> None:
    text = (
        f"{HEADER}\n"
        "org-7,organisation,TASS,TASS Russian News Agency|short:the agency,"
        "short:Синьхуа,информационное агентство Синьхуа|full:Синьхуа Тунсюньшэ|СИ,,,,,,\n"
    )
    entry = parse_csv(text, origin="g.csv").entries[0]
    assert [(t.text, t.register) for t in entry.terms] == [
        ("TASS", ABBR),  # written like an abbreviation
        ("TASS Russian News Agency", FULL),  # the preferred is an abbreviation: full
        ("the agency", SHORT),
        ("Синьхуа", SHORT),
        ("информационное агентство Синьхуа", SHORT),  # the preferred's register
        ("Синьхуа Тунсюньшэ", FULL),
        ("СИ", ABBR),
    ]
    assert write_csv(parse_csv(text, origin="g.csv")) == text


def test_an_abbreviation_is_every_word_with_a_capital_after_its_first_letter() -> None:
    assert [looks_like_abbreviation(t) for t in ("SCO RATS", "ГА ООН", "EurAsEC", "SCO+")] == [
        True, True, True, True
    ]
    assert [
        looks_like_abbreviation(t)
        for t in ("SCO Secretariat", "Secretary-General", "«Хабар 24»", "上合组织", "2025")
    ] == [False, False, False, False, False]


def test_a_language_with_one_name_pairs_it_with_every_register() -> None:
    entry = Entry(
        id="porg-1",
        category=Category.PARTNER_ORG,
        terms=(
            Term(text="United Nations", lang="en"),
            Term(text="UN", lang="en", status=TermStatus.ADMITTED, register=ABBR),
            Term(text="Организация Объединённых Наций", lang="ru"),
            Term(text="ОНН", lang="ru", status=TermStatus.FORBIDDEN, register=ABBR),
            Term(text="联合国", lang="zh"),
        ),
    )
    assert entry.approved("zh", ABBR) is None  # the strict pair
    zh = entry.counterpart("zh", ABBR)
    assert zh is not None and zh.text == "联合国"
    # A forbidden form is no name to write: Russian has one usable register too.
    ru = entry.counterpart("ru", ABBR)
    assert ru is not None and ru.text == "Организация Объединённых Наций"
    kyrgyzstan = parse_csv(read_text("sample.csv"), origin="sample.csv").get("state-04")
    assert kyrgyzstan is not None
    # Several registers but not this one: a translator chooses.
    assert kyrgyzstan.counterpart("ru", ABBR) is None


def test_the_writer_tags_only_what_the_rule_gets_wrong() -> None:
    entry = Entry(
        id="state-99",
        category=Category.STATE,
        terms=(
            Term(text="Kyrgyzstan", lang="en", register=SHORT),
            Term(text="Kyrgyz Republic", lang="en", status=TermStatus.ADMITTED),
            Term(text="KG", lang="en", status=TermStatus.ADMITTED, register=ABBR),
            Term(text="Kirgizia", lang="en", status=TermStatus.FORBIDDEN, register=SHORT),
            Term(text="KR", lang="en", status=TermStatus.DEPRECATED, register=FULL),
        ),
    )
    assert write_csv(Glossary(entries=(entry,))).splitlines()[1] == (
        "state-99,state,short:Kyrgyzstan,full:Kyrgyz Republic|KG|!Kirgizia|~full:KR,,,,,,,,"
    )


def test_a_term_that_reads_as_a_tag_is_refused_on_writing() -> None:
    entry = Entry(id="x", category=Category.CONCEPT, terms=(Term(text="abbr:SCO", lang="en"),))
    with pytest.raises(GlossaryError) as caught:
        write_csv(Glossary(entries=(entry,)))
    assert str(caught.value) == (
        "entry 'x': en term 'abbr:SCO' cannot be written to CSV (it would read as a register tag)"
    )


def test_csv_writes_back_byte_for_byte() -> None:
    text = read_text("sample.csv")
    assert write_csv(parse_csv(text, origin="sample.csv")) == text


def test_csv_exports_to_the_golden_tbx() -> None:
    glossary = parse_csv(read_text("sample.csv"), origin="sample.csv")
    assert write_tbx(glossary) == read_text("sample.expected.tbx")


def test_tbx_to_csv_to_tbx_is_byte_equal() -> None:
    tbx = read_text("sample.expected.tbx")
    csv_text = write_csv(parse_tbx(tbx.encode("utf-8"), origin="sample.expected.tbx"))
    assert write_tbx(parse_csv(csv_text, origin="exported.csv")) == tbx


def test_csv_to_tbx_to_csv_is_byte_equal() -> None:
    text = read_text("sample.csv")
    tbx = write_tbx(parse_csv(text, origin="sample.csv"))
    assert write_csv(parse_tbx(tbx, origin="exported.tbx")) == text


def test_tbx_2_martif_from_another_tool_is_read() -> None:
    # The DOCTYPE names /etc/passwd as its DTD: were it fetched, it would not parse.
    glossary = read_glossary(DATA / "martif.tbx")
    assert write_csv(glossary) == read_text("martif.expected.csv")
    summit = glossary.get("proj-summit")
    assert summit is not None
    assert [(t.text, t.status, t.register, t.note) for t in summit.forms("ru")] == [
        ("ежегодный саммит", TermStatus.PREFERRED, FULL, ""),
        ("встреча в верхах", TermStatus.DEPRECATED, SHORT, "Dated."),  # shortForm
    ]
    heads = glossary.get("proj-weblate")
    assert heads is not None
    # No term type, or one that says nothing of register ("variant"): inferred; "acronym":
    # an abbreviation.
    assert [(t.text, t.register) for t in heads.forms("en")] == [
        ("heads of delegation", FULL),
        ("delegation heads", FULL),
        ("HoD", ABBR),
        ("chiefs of delegation", FULL),
    ]


def test_crlf_and_bom_are_read_like_the_canonical_file() -> None:
    text = read_text("sample.csv")
    windows = "\ufeff" + text.replace("\n", "\r\n")
    assert parse_csv(windows, origin="win.csv") == parse_csv(text, origin="win.csv")


def test_a_project_csv_may_leave_out_columns() -> None:
    glossary = parse_csv("category,id,ru\nconcept,proj-1,саммит\n", origin="p.csv")
    assert write_csv(glossary) == f"{HEADER}\nproj-1,concept,,,саммит,,,,,,,\n"


def test_a_term_the_csv_cannot_hold_is_an_error_not_a_silent_change() -> None:
    entry = Entry(
        id="proj-1",
        category=Category.CONCEPT,
        terms=(
            Term(text="a", lang="en"),
            Term(text="b|c", lang="en", status=TermStatus.ADMITTED),
        ),
    )
    with pytest.raises(GlossaryError) as caught:
        write_csv(Glossary(entries=(entry,)))
    assert str(caught.value) == (
        "entry 'proj-1': en term 'b|c' cannot be written to CSV "
        "(it contains '|' or starts with a mark)"
    )


def test_external_dtd_is_never_fetched(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY % x SYSTEM "file:///etc/passwd"> %x; not a DTD', "utf-8")
    tbx = (
        f'<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "{dtd.as_uri()}">\n'
        '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec>'
        "<term>x</term></termSec></langSec></conceptEntry></body></text></tbx>\n"
    )
    assert [e.id for e in parse_tbx(tbx, origin="t.tbx")] == ["a"]


def test_digest_follows_content_only() -> None:
    glossary = parse_csv(read_text("sample.csv"), origin="sample.csv")
    via_tbx = parse_tbx(write_tbx(glossary), origin="elsewhere.tbx")
    assert glossary_digest(via_tbx) == glossary_digest(glossary)
    changed = parse_csv(read_text("sample.csv").replace("Иран,", "Персия,"), origin="x")
    assert glossary_digest(changed) != glossary_digest(glossary)
    retagged = parse_csv(read_text("sample.csv").replace("short:Иран", "Иран"), origin="x")
    assert glossary_digest(retagged) != glossary_digest(glossary)
    assert len(glossary_digest(glossary)) == 64


# Property: any glossary the formats can hold survives both writers unchanged.
_TAG_LIKE = re.compile(r"[a-z]+:(?! )")
_text = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cn", "Cc", "Zs", "Zl", "Zp"),
        exclude_characters="|",
    ),
    min_size=1,
    max_size=12,
).filter(lambda s: s[0] not in "!~" and s == s.strip() and not _TAG_LIKE.match(s))
_note = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cn", "Cc", "Zl", "Zp")),
        max_size=30,
    )
    .map(str.strip)
    .filter(lambda s: not s.startswith("SCO status "))
)


@st.composite
def _entries(draw: st.DrawFn, index: int) -> Entry:
    terms: list[Term] = []
    for lang in ("en", "ru", "zh"):
        # Forms that read alike share a register (or the file is refused): one of each.
        texts = draw(st.lists(_text, max_size=4, unique_by=form_key))
        statuses = [
            draw(
                st.sampled_from([TermStatus.ADMITTED, TermStatus.DEPRECATED, TermStatus.FORBIDDEN])
            )
            for _ in texts
        ]
        make_preferred = draw(st.booleans())
        if texts and make_preferred:
            statuses[0] = TermStatus.PREFERRED
        ordered = sorted(
            zip(texts, statuses, strict=True), key=lambda p: p[1] is not TermStatus.PREFERRED
        )
        terms += [
            Term(text=t, lang=lang, status=s, register=draw(st.sampled_from(list(Register))))
            for t, s in ordered
        ]
    if not terms:
        terms.append(Term(text=f"term{index}", lang="en"))
    years = draw(
        st.dictionaries(st.sampled_from(["2020", "2025"]), st.sampled_from(["member", "none"]))
    )
    return Entry(
        id=f"e-{index}",
        category=draw(st.sampled_from(list(Category))),
        terms=tuple(terms),
        note=draw(_note),
        source=draw(_note),
        status_by_year=dict(sorted(years.items())),
    )


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_glossary_round_trips_through_both_formats(data: st.DataObject) -> None:
    count = data.draw(st.integers(min_value=0, max_value=3))
    entries = tuple(data.draw(_entries(i)) for i in range(count))
    # Distinct forms across entries, so the set-level checks accept the glossary.
    seen: set[tuple[str, str]] = set()
    kept = []
    for entry in entries:
        keys = {(t.lang, form_key(t.text)) for t in entry.terms}
        if keys & seen:
            continue
        seen |= keys
        kept.append(entry)
    glossary = Glossary(entries=tuple(kept))
    csv_text = write_csv(glossary)
    assert parse_csv(csv_text, origin="h.csv").entries == glossary.entries
    tbx_text = write_tbx(glossary)
    assert parse_tbx(tbx_text, origin="h.tbx").entries == glossary.entries
    assert write_tbx(parse_csv(csv_text, origin="h.csv")) == tbx_text
