"""The glossary's canonical CSV format: parse it into a Glossary and write it back."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.model import (
    GLOSSARY_LANGUAGES,
    Category,
    Entry,
    Glossary,
    Register,
    Term,
    TermStatus,
)
from i18n_kit.glossary.registers import (
    REGISTER_TAGS,
    TAG_OF,
    infer_register,
    inferred_registers,
    split_tag,
    starts_with_tag,
)
from i18n_kit.glossary.validate import STATUS_YEARS, LocatedEntry, check_entries, check_entry

#: The columns, in order; the same as the SCO terminology reference.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "category",
    "en",
    "en_variants",
    "ru",
    "ru_variants",
    "zh",
    "zh_variants",
    "status_2020",
    "status_2025",
    "note",
    "source",
)
#: Separates the forms in a `*_variants` cell.
VARIANT_SEPARATOR = "|"
#: A variant's leading mark -> its status; an unmarked variant is admitted.
VARIANT_MARKS: dict[str, TermStatus] = {"!": TermStatus.FORBIDDEN, "~": TermStatus.DEPRECATED}
_MARK_OF = {status: mark for mark, status in VARIANT_MARKS.items()}
# A lowercase word and a colon at the start of a form: a register tag, or a mistyped one.
_TAG_LIKE = re.compile(r"[a-z]+:(?! )")


def parse_csv(text: str, *, origin: str) -> Glossary:
    """A glossary from CSV text; ``origin`` names the file in error messages.

    >>> text = "id,category,en,ru\\nstate-27,state,Laos,Лаос\\n"
    >>> parse_csv(text, origin="g.csv").get("state-27").preferred("ru").text
    'Лаос'
    """
    located = read_csv_entries(text, origin=origin)
    check_entries(located)
    return Glossary(entries=tuple(item.entry for item in located), origin=origin)


def read_csv_entries(text: str, *, origin: str) -> tuple[LocatedEntry, ...]:
    """Each row of CSV text as an entry with its line, checked one by one (not as a set).

    >>> read_csv_entries("id,category,en\\nx,concept,term\\n", origin="g.csv")[0].line
    2
    """
    text = text.removeprefix("\ufeff")  # spreadsheet programs save a BOM
    rows = _rows_with_lines(text, origin)
    header_row = next(rows, None)
    if header_row is None:
        raise GlossaryError(
            f"empty file; the first line must be the header {','.join(CSV_COLUMNS)}",
            path=origin,
            line=1,
        )
    header = header_row[1]
    _check_header(header, origin)
    located: list[LocatedEntry] = []
    for line, row in rows:
        if len(row) != len(header):
            raise GlossaryError(
                f"{len(row)} columns where the header has {len(header)}; "
                "quote a cell that contains a comma",
                path=origin,
                line=line,
            )
        cells = dict(zip(header, row, strict=True))
        entry = _entry_from_cells(cells, origin, line)
        check_entry(entry, path=origin, line=line)
        located.append(LocatedEntry(entry=entry, path=origin, line=line))
    return tuple(located)


def write_csv(glossary: Glossary) -> str:
    """The glossary as CSV text: every column, ``\\n`` line ends, quotes only where needed.

    >>> glossary = parse_csv("id,category,en\\nx,concept,term\\n", origin="g.csv")
    >>> write_csv(glossary).splitlines()[1]
    'x,concept,term,,,,,,,,,'
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for entry in glossary:
        writer.writerow([_cell(entry, column) for column in CSV_COLUMNS])
    return out.getvalue()


def _rows_with_lines(text: str, origin: str) -> Iterator[tuple[int, list[str]]]:
    # csv's line_num is the line a record ends on; a note may span lines, so the start
    # line is one past the previous record's end.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise GlossaryError(f"malformed CSV: {exc}", path=origin, line=start) from exc
        end = reader.line_num
        if row:  # a blank line separates nothing; skip it
            yield start, row


def _check_header(header: list[str], origin: str) -> None:
    for name in header:
        if name not in CSV_COLUMNS:
            raise GlossaryError(
                f"unknown column {name!r} in the header; columns are {','.join(CSV_COLUMNS)}",
                path=origin,
                line=1,
            )
    for name in ("id", "category"):
        if name not in header:
            raise GlossaryError(f"the header has no {name!r} column", path=origin, line=1)
    if len(set(header)) != len(header):
        raise GlossaryError("a column is named twice in the header", path=origin, line=1)


def _entry_from_cells(cells: dict[str, str], origin: str, line: int) -> Entry:
    # Editors turn line ends inside a quoted note into CRLF; XML would turn them back.
    cells = {name: value.replace("\r\n", "\n") for name, value in cells.items()}
    entry_id = cells["id"].strip()
    if not entry_id:
        raise GlossaryError("empty id; every row needs one", path=origin, line=line)
    category_text = cells["category"].strip()
    try:
        category = Category(category_text)
    except ValueError:
        raise GlossaryError(
            f"entry {entry_id!r}: unknown category {category_text!r}; "
            f"use one of {', '.join(c.value for c in Category)}",
            path=origin,
            line=line,
        ) from None
    terms: list[Term] = []
    for lang in GLOSSARY_LANGUAGES:
        preferred_register: Register | None = None
        preferred = cells.get(lang, "")
        if preferred:
            if preferred[0] in VARIANT_MARKS:
                raise GlossaryError(
                    f"entry {entry_id!r}: the {lang} column holds the approved term; "
                    f"move {preferred!r} to {lang}_variants",
                    path=origin,
                    line=line,
                )
            tag, text = _split_form(preferred, entry_id, lang, origin, line)
            preferred_register = tag or infer_register(
                text, preferred=True, preferred_register=None
            )
            terms.append(
                Term(text=text, lang=lang, status=TermStatus.PREFERRED, register=preferred_register)
            )
        variants = cells.get(f"{lang}_variants", "")
        if variants:
            for form in variants.split(VARIANT_SEPARATOR):
                status = VARIANT_MARKS.get(form[:1], TermStatus.ADMITTED)
                unmarked = form[1:] if form[:1] in VARIANT_MARKS else form
                tag, text = _split_form(unmarked, entry_id, lang, origin, line)
                register = tag or infer_register(
                    text, preferred=False, preferred_register=preferred_register
                )
                terms.append(Term(text=text, lang=lang, status=status, register=register))
    status_by_year = {
        year: cells.get(f"status_{year}", "").strip()
        for year in STATUS_YEARS
        if cells.get(f"status_{year}", "").strip()
    }
    return Entry(
        id=entry_id,
        category=category,
        terms=tuple(terms),
        note=cells.get("note", "").strip(),
        source=cells.get("source", "").strip(),
        status_by_year=status_by_year,
    )


def _split_form(
    form: str, entry_id: str, lang: str, origin: str, line: int
) -> tuple[Register | None, str]:
    tag, text = split_tag(form)
    if tag is not None and text[:1] in VARIANT_MARKS:
        raise GlossaryError(
            f"entry {entry_id!r}: {lang} form {form!r}: write the status mark before the "
            f"register tag ({text[0]}{form[: -len(text)]}{text[1:]})",
            path=origin,
            line=line,
        )
    if tag is None and (unknown := _TAG_LIKE.match(form)):
        raise GlossaryError(
            f"entry {entry_id!r}: {lang} form {form!r}: unknown register tag "
            f"{unknown.group()!r}; use {', '.join(REGISTER_TAGS)} or none",
            path=origin,
            line=line,
        )
    return tag, text


def _cell(entry: Entry, column: str) -> str:
    if column == "id":
        return entry.id
    if column == "category":
        return entry.category.value
    if column == "note":
        return entry.note
    if column == "source":
        return entry.source
    if column.startswith("status_"):
        return entry.status_by_year.get(column.removeprefix("status_"), "")
    inferred = inferred_registers(entry.terms)
    if column in GLOSSARY_LANGUAGES:
        term = entry.preferred(column)
        return "" if term is None else _form(entry, term, inferred)
    lang = column.removesuffix("_variants")
    forms = []
    for term in entry.forms(lang):
        if term.status is TermStatus.PREFERRED:
            continue
        if VARIANT_SEPARATOR in term.text or term.text[:1] in VARIANT_MARKS:
            raise GlossaryError(
                f"entry {entry.id!r}: {lang} term {term.text!r} cannot be written to CSV "
                f"(it contains '{VARIANT_SEPARATOR}' or starts with a mark)"
            )
        forms.append(_MARK_OF.get(term.status, "") + _form(entry, term, inferred))
    return VARIANT_SEPARATOR.join(forms)


def _form(entry: Entry, term: Term, inferred: dict[tuple[str, str], Register]) -> str:
    """A term's text with its register tag where the inference rule would get it wrong."""
    if starts_with_tag(term.text) or _TAG_LIKE.match(term.text):
        raise GlossaryError(
            f"entry {entry.id!r}: {term.lang} term {term.text!r} cannot be written to CSV "
            "(it would read as a register tag)"
        )
    if inferred[(term.lang, term.text)] is term.register:
        return term.text
    return TAG_OF[term.register] + term.text
