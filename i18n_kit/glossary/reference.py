"""The shipped SCO glossary built from the terminology reference: amendments, CLDR check, README."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import babel

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.csvfile import CSV_COLUMNS, parse_csv
from i18n_kit.glossary.model import Category, Glossary

#: ISO 3166 code of every state entry, for the CLDR cross-check.
STATE_TERRITORIES: Mapping[str, str] = {
    "state-01": "CN",
    "state-02": "RU",
    "state-03": "KZ",
    "state-04": "KG",
    "state-05": "TJ",
    "state-06": "UZ",
    "state-07": "IN",
    "state-08": "PK",
    "state-09": "IR",
    "state-10": "BY",
    "state-11": "AF",
    "state-12": "MN",
    "state-13": "AM",
    "state-14": "AZ",
    "state-15": "KH",
    "state-16": "NP",
    "state-17": "LK",
    "state-18": "TR",
    "state-19": "EG",
    "state-20": "QA",
    "state-21": "SA",
    "state-22": "BH",
    "state-23": "MV",
    "state-24": "AE",
    "state-25": "KW",
    "state-26": "MM",
    "state-27": "LA",
    "state-28": "TM",
    "state-29": "CA",
}
#: Languages whose CLDR territory names are compared with the glossary.
CLDR_LANGUAGES: tuple[str, ...] = ("en", "ru", "zh")


@dataclass(frozen=True, slots=True, kw_only=True)
class Amendment:
    """One change to a cell of the reference: ``old`` occurs once in it and becomes ``new``."""

    entry_id: str
    column: str
    old: str
    new: str
    reason: str


_EAEC_NOTE = (
    ' i18n-kit: "EAEC" is kept only as a flagged form of porg-06 (EAEU), the sense it has in'
    " SCO texts, so a match is never ambiguous; write EurAsEC for this organisation."
)

#: Where the shipped glossary departs from the reference, and why.
AMENDMENTS: tuple[Amendment, ...] = (
    Amendment(
        entry_id="porg-08",
        column="en_variants",
        old="EurAsEC|EAEC",
        new="EurAsEC",
        reason='"EAEC" was also a flagged form of porg-06 (EAEU) with another target; one '
        "form, one entry",
    ),
    Amendment(
        entry_id="porg-08",
        column="note",
        old='disambiguate "EAEC".',
        new='disambiguate "EAEC".' + _EAEC_NOTE,
        reason="says where EAEC went",
    ),
    Amendment(
        entry_id="state-04",
        column="ru_variants",
        old="|Киргизия|Киргизская Республика",
        new="|~Киргизия|~Киргизская Республика",
        reason="the note: SCO texts write Кыргызстан / Кыргызская Республика, Russian federal "
        "usage (and CLDR) Киргизия: deprecated, understood in sources, reported in translations",
    ),
    Amendment(
        entry_id="state-10",
        column="ru_variants",
        old="|Белоруссия",
        new="|~Белоруссия",
        reason="the note: SCO/official form is Беларусь; Белоруссия is media usage",
    ),
    Amendment(
        entry_id="state-28",
        column="ru_variants",
        old="Туркмения",
        new="~Туркмения",
        reason="the note: Туркменистан is the official name; Туркмения is media usage",
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CldrDifference:
    """A state whose CLDR territory name differs from the glossary's preferred term."""

    entry_id: str
    territory: str
    lang: str
    cldr_name: str
    preferred: str
    cldr_status: str  # the CLDR name's status in the glossary, or "absent"


def build_shipped_glossary(reference_text: str, *, origin: str) -> Glossary:
    """The shipped glossary: the reference CSV with AMENDMENTS applied, fully checked.

    >>> header = ",".join(CSV_COLUMNS)
    >>> build_shipped_glossary(header + "\\n", origin="ref.csv").entries
    Traceback (most recent call last):
    ...
    i18n_kit.errors.GlossaryError: ref.csv: amendment for 'porg-08': no such entry
    """
    reader = csv.reader(io.StringIO(reference_text, newline=""))
    rows = list(reader)
    if not rows or tuple(rows[0]) != CSV_COLUMNS:
        raise GlossaryError(f"the header is not {','.join(CSV_COLUMNS)}", path=origin, line=1)
    by_id = {row[0]: row for row in rows[1:] if row}
    for amendment in AMENDMENTS:
        row = by_id.get(amendment.entry_id)
        if row is None:
            raise GlossaryError(f"amendment for {amendment.entry_id!r}: no such entry", path=origin)
        index = CSV_COLUMNS.index(amendment.column)
        old = amendment.old
        if row[index].count(old) != 1:
            raise GlossaryError(
                f"amendment for {amendment.entry_id!r}: {amendment.column} no longer contains "
                f"{old!r} once; review AMENDMENTS against the new reference",
                path=origin,
            )
        row[index] = row[index].replace(old, amendment.new)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return parse_csv(out.getvalue(), origin=origin)


def compare_cldr(glossary: Glossary) -> tuple[CldrDifference, ...]:
    """Every state whose CLDR name (via Babel) in en, ru or zh is not the preferred term.

    >>> [d.cldr_name for d in compare_cldr(load_shipped()) if d.entry_id == "state-04"]
    ['Киргизия']
    """
    differences = []
    for lang in CLDR_LANGUAGES:
        names = babel.Locale(lang).territories
        for entry_id, territory in STATE_TERRITORIES.items():
            entry = glossary.get(entry_id)
            if entry is None:
                continue
            cldr_name = names[territory]
            preferred = entry.preferred(lang)
            preferred_text = "" if preferred is None else preferred.text
            if cldr_name == preferred_text:
                continue
            status = next(
                (t.status.value for t in entry.forms(lang) if t.text == cldr_name), "absent"
            )
            differences.append(
                CldrDifference(
                    entry_id=entry_id,
                    territory=territory,
                    lang=lang,
                    cldr_name=cldr_name,
                    preferred=preferred_text,
                    cldr_status=status,
                )
            )
    return tuple(differences)


def load_shipped() -> Glossary:
    """The shipped glossary file (``glossary/sco.csv``), for the checks in this module.

    >>> len(load_shipped())
    199
    """
    from i18n_kit.glossary.load import read_glossary
    from i18n_kit.resources import shipped_path

    return read_glossary(shipped_path("glossary") / "sco.csv")


def render_readme(glossary: Glossary) -> str:
    """``glossary/README.md``: the formats, the amendments, the CLDR table, unverified rows.

    >>> render_readme(Glossary(entries=())).splitlines()[0]
    '# The shipped SCO glossary'
    """
    counts = Counter(entry.category for entry in glossary)
    lines = [_README_HEAD.rstrip("\n"), ""]
    lines += ["| category | entries |", "| --- | ---: |"]
    lines += [f"| {c.value} | {counts[c]} |" for c in Category if counts[c]]
    lines += [f"| all | {len(glossary)} |", ""]
    lines += [_README_FORMAT.rstrip("\n"), ""]
    lines += ["## Where this glossary departs from the reference", ""]
    lines += [
        "`i18n_kit/glossary/reference.py` applies these changes (`AMENDMENTS`) to the "
        "reference CSV; the build fails if the reference no longer has the text to change.",
        "",
        "| entry | column | reference | shipped | why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for a in AMENDMENTS:
        old, new = a.old, a.new
        if a.column == "note":
            old, new = "…" + old, "…" + new
        lines.append(f"| {a.entry_id} | {a.column} | {_md(old)} | {_md(new)} | {_md(a.reason)} |")
    lines += ["", "## State names: SCO usage against CLDR", ""]
    lines += [
        "Every state's preferred term is compared with the CLDR territory name (Babel's "
        "`Locale(lang).territories[code]`). Where they differ, the table shows what this "
        "glossary does with the CLDR name: a translator who writes the CLDR form gets the "
        "finding that status implies (deprecated and forbidden forms are reported).",
        "",
        "| entry | ISO | lang | CLDR name | SCO preferred | CLDR name here |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for d in compare_cldr(glossary):
        lines.append(
            f"| {d.entry_id} | {d.territory} | {d.lang} | {_md(d.cldr_name)} | "
            f"{_md(d.preferred)} | {d.cldr_status} |"
        )
    unverified = [(entry, _unverified(entry.note)) for entry in glossary]
    unverified = [(entry, fields) for entry, fields in unverified if fields]
    lines += ["", f"## Unverified renderings ({len(unverified)} entries)", ""]
    lines += [
        "A note starting `[unverified: …]` names fields no source confirmed: best-effort "
        "renderings, or empty where nothing reliable was found. Check them before relying on "
        "them; the note travels into PO comments.",
        "",
        "| entry | en | unverified |",
        "| --- | --- | --- |",
    ]
    for entry, fields in unverified:
        en = entry.preferred("en")
        lines.append(f"| {entry.id} | {_md('' if en is None else en.text)} | {_md(fields)} |")
    return "\n".join(lines) + "\n"


def _unverified(note: str) -> str:
    # Entry.unverified reads only a note that starts with the mark; one reference note
    # (state-18) carries it mid-sentence, and the README must not hide it.
    start = note.find("[unverified:")
    if start < 0:
        return ""
    return note[start + len("[unverified:") : note.find("]", start)].strip()


def _md(text: str) -> str:
    return text.replace("|", "\\|") if text else "—"


_README_HEAD = """\
# The shipped SCO glossary

Terms of the Shanghai Cooperation Organisation in English, Russian and Chinese: the
organisation and its bodies, member, observer and partner states (with their status in
2020 and 2025), documents, partner organisations, officials and concepts. A content
project's own `glossary/*.csv` and `glossary/*.tbx` extend it: an entry with a shipped id
replaces the shipped entry, a new id adds one.

- `sco.csv` is the source of truth. Edit it through the reference and
  `python tools/build_glossary.py`, which also writes the two files below.
- `sco.tbx` is the same glossary exported as TBX-Basic (TBX v3) for CAT tools.
- This README is generated too; `tests/glossary/test_shipped.py` fails when any of the
  three differs from what the build writes.

Built from the SCO terminology reference (`tools/reference/`, compiled from public
sources; not an official SCO, UN or government list).

## What it holds
"""

_README_FORMAT = """\
## The CSV format

UTF-8 (a BOM is accepted on reading, never written), RFC 4180 quoting (a cell is quoted
only when it holds a comma, a quote or a line end), a header row, and `\\n` line ends so
that diffs read well (CRLF is accepted on reading). Columns, in this order:

- `id`: stable key, unique across the shipped and project glossaries: a letter, then
  letters, digits, `-`, `_`, `.`.
- `category`: `organisation`, `body`, `state`, `document`, `partner_org`, `person`,
  `concept`.
- `en`, `ru`, `zh`: the preferred (approved) term; empty where there is none.
- `en_variants`, `ru_variants`, `zh_variants`: other forms separated by `|`. Unmarked:
  admitted. `~`: deprecated (understood in a source, reported in a translation). `!`:
  forbidden (a misspelling, a mistranslation, a non-PRC form; reported anywhere).
- `status_2020`, `status_2025`: `member`, `observer`, `dialogue_partner`, `none`, or empty.
- `note`: usage advice; a note starting `[unverified: …]` marks doubtful renderings.
- `source`: the sources relied on, separated by ` ; `.

A project CSV may leave out any column but `id` and `category`. A file is refused as a
whole, with one line naming the file, the line and the problem, when a row has the wrong
number of cells, a category is unknown, an id repeats, a term is empty (`a||b`) or repeats,
a language has two preferred terms, or the same form (ignoring case and ё/е) in a language
belongs to two entries whose preferred terms in the other languages differ.

## TBX

TBX-Basic, TBX v3 (ISO 30042:2019) in DCA style is written; TBX v3 and TBX 2 (`martif`,
`termEntry`, `langSet`, `tig`/`ntig`) are read. An entry is a `conceptEntry` with its id;
the category is `<descrip type="subjectField">`, the note a `<note>`, each year's status a
`<note>SCO status 2020: member</note>`, the sources one `<admin type="source">`. Term
statuses map to `administrativeStatus` (TBX-Basic has no "forbidden"):

| CSV | status | TBX `administrativeStatus` |
| --- | --- | --- |
| `en` column | preferred | `preferredTerm-admn-sts` |
| unmarked variant | admitted | `admittedTerm-admn-sts` |
| `~` variant | deprecated | `supersededTerm-admn-sts` (replaced, still seen in other texts) |
| `!` variant | forbidden | `deprecatedTerm-admn-sts` (rejected) |

On reading, TBX 2 `normativeAuthorization` values, `legal`/`regulated`/`standardizedTerm`
(admitted) and Weblate's `forbidden`/`obsolete` are understood too; a term without a status
is preferred when it is the first in its language and none is marked preferred. Entity
declarations are refused (no XXE, no entity bombs) and no DTD is fetched.
TBX → CSV → TBX and CSV → TBX → CSV give back the same bytes for files this toolkit wrote;
a term-level `<note>` has no CSV column and is lost in CSV.
"""
