"""Glossary terms masked before machine translation and restored after."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from i18n_kit.glossary.model import Category, Entry, HitKind, Term, TermHit, TermStatus
from i18n_kit.translation.protect import MaskedTerm, Protected, protect_terms, restore_terms

SCO = Entry(
    id="org-sco",
    category=Category.ORGANISATION,
    terms=(
        Term(text="Shanghai Cooperation Organisation", lang="en"),
        Term(text="SCO", lang="en", status=TermStatus.ADMITTED),
        Term(text="Шанхайская организация сотрудничества", lang="ru"),
        Term(text="上海合作组织", lang="zh"),
    ),
)
RATS = Entry(
    id="body-rats",
    category=Category.BODY,
    terms=(Term(text="RATS", lang="en"), Term(text="РАТС", lang="ru")),
)
NO_RU = Entry(id="x", category=Category.CONCEPT, terms=(Term(text="Bishkek", lang="en"),))


def hit_of(text: str, term: str, entry: Entry, kind: HitKind = HitKind.TERM) -> TermHit:
    start = text.index(term)
    return TermHit(start=start, end=start + len(term), text=term, kind=kind, entry=entry,
                   term=entry.terms[0])


def test_terms_become_numbered_placeholders() -> None:
    text = "The SCO and RATS met in Bishkek."
    hits = [hit_of(text, "SCO", SCO, HitKind.VARIANT), hit_of(text, "RATS", RATS),
            hit_of(text, "Bishkek", NO_RU)]
    protected = protect_terms(text, hits, "ru")
    assert protected.text == "The [1] and [2] met in Bishkek."
    assert protected.terms == (
        MaskedTerm(number=1, source_text="SCO",
                   target_text="Шанхайская организация сотрудничества"),
        MaskedTerm(number=2, source_text="RATS", target_text="РАТС"),
    )
    restored = restore_terms("[2] и [1] встретились в Бишкеке.", protected)
    assert restored.text == (
        "РАТС и Шанхайская организация сотрудничества встретились в Бишкеке."
    )
    assert restored.missing == ()


def test_near_misses_and_overlaps_are_left_alone() -> None:
    text = "The Shanghai Cooperation Organisation (SCO)"
    whole = hit_of(text, "Shanghai Cooperation Organisation", SCO)
    inner = hit_of(text, "Cooperation", RATS)
    near = TermHit(start=39, end=42, text="SCO", kind=HitKind.NEAR_MISS, entry=SCO, term=None)
    protected = protect_terms(text, [inner, whole, near], "zh")
    assert protected.text == "The [1] (SCO)"


def test_numbers_already_in_the_text_are_not_reused() -> None:
    text = "RATS [1] report"
    protected = protect_terms(text, [hit_of(text, "RATS", RATS)], "ru")
    assert protected.text == "[2] [1] report"
    assert restore_terms("[2] отчёт [1]", protected).text == "РАТС отчёт [1]"


def test_engine_mutations_of_a_placeholder_are_recognised() -> None:
    protected = Protected(
        text="[1] and [2] and [3]",
        source_text="SCO and RATS and SCO",
        terms=(
            MaskedTerm(number=1, source_text="SCO", target_text="上海合作组织"),
            MaskedTerm(number=2, source_text="RATS", target_text="地区反恐怖机构"),
            MaskedTerm(number=3, source_text="SCO", target_text="上海合作组织"),
        ),
    )
    restored = restore_terms("［1］和【2】和[ 3 ]", protected)
    assert restored.text == "上海合作组织和地区反恐怖机构和上海合作组织"
    assert restored.missing == ()


def test_a_lost_placeholder_is_reported() -> None:
    text = "The SCO and RATS"
    protected = protect_terms(text, [hit_of(text, "SCO", SCO), hit_of(text, "RATS", RATS)], "ru")
    restored = restore_terms("ШОС и [2]", protected)
    assert restored.text == "ШОС и РАТС"
    assert restored.missing == ("SCO",)


def test_text_without_hits_is_unchanged() -> None:
    protected = protect_terms("Nothing here [1].", [], "ru")
    assert protected.text == "Nothing here [1]."
    assert restore_terms("Ничего [1].", protected).text == "Ничего [1]."


@given(
    prefix=st.text(alphabet="ab [1]", max_size=8),
    middle=st.text(alphabet="cd ]2[", max_size=8),
    suffix=st.text(alphabet="ef [3]", max_size=8),
)
def test_an_engine_that_copies_gives_the_approved_forms_back(
    prefix: str, middle: str, suffix: str
) -> None:
    text = f"{prefix}SCO{middle}RATS{suffix}"
    hits = [hit_of(text, "SCO", SCO), hit_of(text, "RATS", RATS)]
    hits[1] = TermHit(start=text.rindex("RATS"), end=text.rindex("RATS") + 4, text="RATS",
                      kind=HitKind.TERM, entry=RATS, term=RATS.terms[0])
    protected = protect_terms(text, hits, "ru")
    restored = restore_terms(protected.text, protected)
    assert restored.missing == ()
    assert restored.text == (
        f"{prefix}Шанхайская организация сотрудничества{middle}РАТС{suffix}"
    )
