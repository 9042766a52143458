"""The shipped glossary: built from the reference, exported to TBX, cross-checked with CLDR."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.csvfile import CSV_COLUMNS, parse_csv, write_csv
from i18n_kit.glossary.load import read_glossary
from i18n_kit.glossary.model import Category
from i18n_kit.glossary.reference import (
    AMENDMENTS,
    STATE_TERRITORIES,
    CldrDifference,
    build_shipped_glossary,
    compare_cldr,
    render_readme,
)
from i18n_kit.glossary.tbx import write_tbx
from i18n_kit.resources import shipped_path

ROOT = Path(__file__).resolve().parent.parent.parent
REFERENCE = ROOT / "tools" / "reference" / "sco-terminology.csv"
SHIPPED = shipped_path("glossary")
REBUILD = "run `python tools/build_glossary.py` and review the diff"


def reference_text() -> str:
    return REFERENCE.read_bytes().decode("utf-8")


def rows(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_shipped_csv_is_the_amended_reference() -> None:
    built = build_shipped_glossary(reference_text(), origin=str(REFERENCE))
    assert (SHIPPED / "sco.csv").read_bytes().decode("utf-8") == write_csv(built), REBUILD


def test_shipped_tbx_is_the_export_of_the_csv() -> None:
    glossary = read_glossary(SHIPPED / "sco.csv")
    assert (SHIPPED / "sco.tbx").read_bytes().decode("utf-8") == write_tbx(glossary), REBUILD
    assert read_glossary(SHIPPED / "sco.tbx").entries == glossary.entries


def test_shipped_readme_is_generated() -> None:
    glossary = read_glossary(SHIPPED / "sco.csv")
    assert (SHIPPED / "README.md").read_bytes().decode("utf-8") == render_readme(glossary), REBUILD


def test_every_reference_row_is_shipped_and_only_amended_cells_differ() -> None:
    reference = rows(reference_text())
    shipped = rows((SHIPPED / "sco.csv").read_bytes().decode("utf-8"))
    assert list(shipped) == list(reference)
    assert len(shipped) == 199
    amended = {(a.entry_id, a.column) for a in AMENDMENTS}
    changed = {
        (entry_id, column)
        for entry_id, row in reference.items()
        for column in CSV_COLUMNS
        if row[column] != shipped[entry_id][column]
    }
    assert changed == amended


def test_the_reference_as_is_has_one_form_with_two_targets() -> None:
    # Why AMENDMENTS exists: without it, "EAEC" would name two organisations.
    with pytest.raises(GlossaryError) as caught:
        parse_csv(reference_text(), origin="sco-terminology.csv")
    assert str(caught.value) == (
        "sco-terminology.csv:135: entry 'porg-08': en form 'EAEC' also belongs to 'porg-06' "
        "(line 133), whose target differs (ru 'Евразийский экономический союз' vs "
        "'Евразийское экономическое сообщество'); keep the form in one entry only"
    )


def test_categories_and_status_by_year() -> None:
    glossary = read_glossary(SHIPPED / "sco.csv")
    counts = {c: sum(e.category is c for e in glossary) for c in Category}
    assert counts == {
        Category.ORGANISATION: 18,
        Category.BODY: 42,
        Category.STATE: 29,
        Category.DOCUMENT: 37,
        Category.PARTNER_ORG: 16,
        Category.PERSON: 34,
        Category.CONCEPT: 23,
    }
    states = [e for e in glossary if e.category is Category.STATE]
    assert all(set(e.status_by_year) == {"2020", "2025"} for e in states)
    assert not any(e.status_by_year for e in glossary if e.category is not Category.STATE)
    belarus = glossary.get("state-10")
    assert belarus is not None
    assert belarus.status_by_year == {"2020": "observer", "2025": "member"}
    assert sorted(STATE_TERRITORIES) == sorted(e.id for e in states)


def test_unverified_notes_are_kept_verbatim() -> None:
    glossary = read_glossary(SHIPPED / "sco.csv")
    assert sum("[unverified:" in e.note for e in glossary) == 120
    assert sum(bool(e.unverified) for e in glossary) == 119
    infoshos = glossary.get("org-003")
    assert infoshos is not None
    assert infoshos.unverified == "ru, zh"


def test_state_names_against_cldr() -> None:
    differences = compare_cldr(read_glossary(SHIPPED / "sco.csv"))
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
