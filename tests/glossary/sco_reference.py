"""The real reference glossary, read with the csv module, for matching and checker tests."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from i18n_kit.glossary.model import Category, Entry, Glossary, Term, TermStatus

REFERENCE_CSV = Path(__file__).resolve().parents[2] / "tools" / "reference" / "sco-terminology.csv"


def _terms(row: dict[str, str], lang: str) -> list[Term]:
    terms: list[Term] = []
    if row[lang]:
        terms.append(Term(text=row[lang], lang=lang))
    for variant in filter(None, row[f"{lang}_variants"].split("|")):
        if variant.startswith("!"):
            terms.append(Term(text=variant[1:], lang=lang, status=TermStatus.FORBIDDEN))
        else:
            terms.append(Term(text=variant, lang=lang, status=TermStatus.ADMITTED))
    return terms


@functools.cache
def read_reference_glossary() -> Glossary:
    """All 199 rows; `!` variants become forbidden terms, the others admitted ones."""
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    entries = tuple(
        Entry(
            id=row["id"],
            category=Category(row["category"]),
            terms=tuple(t for lang in ("en", "ru", "zh") for t in _terms(row, lang)),
            note=row["note"],
        )
        for row in rows
    )
    return Glossary(entries=entries, origin=str(REFERENCE_CSV))
