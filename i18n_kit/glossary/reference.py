"""The shipped SCO glossary: what it keeps of the terminology reference, CLDR check, README."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import babel

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.csvfile import read_csv_entries
from i18n_kit.glossary.model import GLOSSARY_LANGUAGES, Category, Glossary, Register, TermStatus

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


#: Why a form of the reference is gone from the shipped glossary or has another status
#: there, by (entry id, language, form). The build fails on a departure without a reason.
DEPARTURE_REASONS: Mapping[tuple[str, str, str], str] = {
    ("porg-08", "en", "EAEC"): '"EAEC" was also a flagged form of porg-06 (EAEU) with another '
    "target; kept only there, the sense it has in SCO texts, so a match is never ambiguous",
    ("state-04", "ru", "Киргизия"): "the note: SCO texts write Кыргызстан / Кыргызская "
    "Республика, Russian federal usage (and CLDR) Киргизия: deprecated, understood in sources, "
    "reported in translations",
    ("state-04", "ru", "Киргизская Республика"): "as Киргизия",
    ("state-10", "ru", "Белоруссия"): "the note: SCO/official form is Беларусь; Белоруссия is "
    "media usage",
    ("state-28", "ru", "Туркмения"): "the note: Туркменистан is the official name; Туркмения "
    "is media usage",
    ("pers-28", "ru", "Шахбаз Шариф"): "the SCO Secretariat writes «Шехбаз Шариф», now the "
    "preferred term; «Шахбаз», common in Russian media, stays admitted",
    ("state-10", "zh", "白罗斯"): "the name Belarus itself asked Chinese writers to use (its "
    "embassy in Beijing, 16 Mar 2018): a state's own usage is not wrong, so admitted, not "
    "forbidden (issue 19)",
    ("pers-09", "en", "Emomali Rakhmon"): "a transliteration of the Russian «Рахмон» that "
    "official sources write (the Chinese foreign ministry's English pages): dispreferred, "
    "reported as a warning in translations, not a misspelling (issue 19)",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Departure:
    """A form of the reference that the shipped glossary drops or marks otherwise."""

    entry_id: str
    lang: str
    form: str
    reference_status: str
    shipped_status: str  # the form's status in the shipped entry, or "absent"
    reason: str


def read_reference(reference_text: str, *, origin: str) -> Glossary:
    """The reference CSV, each row checked on its own (as a set it has one form claimed by
    two entries, which is why porg-08 departs from it).

    >>> len(read_reference("id,category,en\\nx,concept,summit\\n", origin="ref.csv"))
    1
    """
    located = read_csv_entries(reference_text, origin=origin)
    return Glossary(entries=tuple(item.entry for item in located), origin=origin)


def compare_reference(reference: Glossary, shipped: Glossary) -> tuple[Departure, ...]:
    """Every reference form the shipped glossary drops or gives another status, with its
    reason; GlossaryError when a reference entry is gone or a departure has no reason.

    >>> compare_reference(Glossary(entries=()), Glossary(entries=()))
    ()
    """
    departures = []
    for entry in reference:
        here = shipped.get(entry.id)
        if here is None:
            raise GlossaryError(
                f"entry {entry.id!r} of the reference is not in the shipped glossary; "
                "entries are never dropped (mark their forms deprecated instead)",
                path=shipped.origin,
            )
        statuses = {(t.lang, t.text): t.status.value for t in here.terms}
        for term in entry.terms:
            status = statuses.get((term.lang, term.text), "absent")
            if status == term.status.value:
                continue
            reason = DEPARTURE_REASONS.get((entry.id, term.lang, term.text))
            if reason is None:
                raise GlossaryError(
                    f"entry {entry.id!r}: the reference's {term.lang} form {term.text!r} "
                    f"({term.status.value}) is {status} here, and DEPARTURE_REASONS in "
                    "i18n_kit/glossary/reference.py does not say why",
                    path=shipped.origin,
                )
            departures.append(
                Departure(
                    entry_id=entry.id,
                    lang=term.lang,
                    form=term.text,
                    reference_status=term.status.value,
                    shipped_status=status,
                    reason=reason,
                )
            )
    return tuple(departures)


@dataclass(frozen=True, slots=True, kw_only=True)
class CldrDifference:
    """A state whose CLDR territory name differs from the glossary's preferred term."""

    entry_id: str
    territory: str
    lang: str
    cldr_name: str
    preferred: str
    cldr_status: str  # the CLDR name's status in the glossary, or "absent"


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
    209
    """
    from i18n_kit.glossary.load import read_glossary
    from i18n_kit.resources import shipped_path

    return read_glossary(shipped_path("glossary") / "sco.csv")


def render_readme(glossary: Glossary, *, reference: Glossary | None = None) -> str:
    """``glossary/README.md``: the formats, the registers, what departs from the reference,
    the CLDR table, unverified rows.

    >>> render_readme(Glossary(entries=())).splitlines()[0]
    '# The shipped SCO glossary'
    """
    counts = Counter(entry.category for entry in glossary)
    lines = [_README_HEAD.rstrip("\n"), ""]
    lines += ["| category | entries |", "| --- | ---: |"]
    lines += [f"| {c.value} | {counts[c]} |" for c in Category if counts[c]]
    lines += [f"| all | {len(glossary)} |", ""]
    usable = Counter(
        (term.lang, term.register)
        for entry in glossary
        for term in entry.terms
        if term.status in (TermStatus.PREFERRED, TermStatus.ADMITTED)
    )
    lines += [
        "Preferred and admitted forms by register (deprecated and forbidden forms not "
        "counted):",
        "",
        "| register | " + " | ".join(GLOSSARY_LANGUAGES) + " |",
        "| --- |" + " ---: |" * len(GLOSSARY_LANGUAGES),
    ]
    for register in Register:
        cells = " | ".join(str(usable[(lang, register)]) for lang in GLOSSARY_LANGUAGES)
        lines.append(f"| {register.value} | {cells} |")
    lines += ["", _README_FORMAT.rstrip("\n"), ""]
    lines += ["## Where this glossary departs from the reference", ""]
    if reference is not None:
        added = [entry.id for entry in glossary if reference.get(entry.id) is None]
        lines += [
            f"Every entry of the reference is here. {len(added)} entries are not in it"
            + (f" ({', '.join(added)})" if added else "")
            + "; registers, and forms added since (each entry's `source` names where they "
            "were seen), are not in it either. The reference's forms that this glossary "
            "drops or marks otherwise, with the reason `DEPARTURE_REASONS` in "
            "`i18n_kit/glossary/reference.py` gives (the build fails on one without):",
            "",
            "| entry | lang | form | reference | here | why |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for departure in compare_reference(reference, glossary):
            lines.append(
                f"| {departure.entry_id} | {departure.lang} | {_md(departure.form)} | "
                f"{departure.reference_status} | {departure.shipped_status} | "
                f"{_md(departure.reason)} |"
            )
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
        "A note with `[unverified: …]` names fields no source confirmed: best-effort "
        "renderings, or empty where nothing reliable was found. Check them before relying on "
        "them. At the start of the note the mark concerns the approved renderings, and PO "
        "comments flag the term `[unverified]`; later in the note it concerns a variant only.",
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

- `sco.csv` is the source of truth: edit it, then run `python tools/build_glossary.py`,
  which checks it, rewrites it in canonical form (register tags only where needed) and
  writes the two files below.
- `sco.tbx` is the same glossary exported as TBX-Basic (TBX v3) for CAT tools.
- This README is generated too; `tests/glossary/test_shipped.py` fails when any of the
  three differs from what the build writes.

It started as the SCO terminology reference (`tools/reference/`, compiled from public
sources; not an official SCO, UN or government list), which stays as its origin: the build
compares the two and lists every form of the reference dropped or marked otherwise here.

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
  admitted (a state's own usage is at least admitted: 白罗斯). `~`: deprecated, a
  correct but dispreferred variant such as a transliteration from Russian (understood in
  a source, a warning in a translation). `!`: forbidden, wrong (a misspelling, a
  mistranslation, a name no longer valid; an error anywhere). One finding per entry and
  form, however often a text repeats it.
- Any form may carry a register tag after its status mark: `full:` (the formal name:
  Kyrgyz Republic), `short:` (a short name or title: Kyrgyzstan, the Organisation, SCO
  Secretariat) or `abbr:` (an abbreviation: SCO RATS, 上合组织): `short:Kyrgyzstan`,
  `~short:Киргизия`. Untagged, a form written like an abbreviation (every word has a
  capital after its first letter: SCO, ШОС, SCO RATS) is `abbr`; any other preferred
  term is `full`; any other variant has the register of its language's preferred term
  (a spelling of a name shares its register), or `full` when that is an abbreviation
  (TASS → TASS Russian News Agency). The build writes a tag only where this rule would
  give another register.
- `status_2020`, `status_2025`: `member`, `observer`, `dialogue_partner`, `none`, or empty.
- `note`: usage advice; a note starting `[unverified: …]` marks doubtful renderings.
- `source`: the sources relied on, separated by ` ; `.

A project CSV may leave out any column but `id` and `category`. A file is refused as a
whole, with one line naming the file, the line and the problem, when a row has the wrong
number of cells, a category is unknown, an id repeats, a term is empty (`a||b`) or repeats,
a language has two preferred terms, a register tag is unknown or follows the status mark
(`short:~Киргизия`), two forms of a language that read alike (ignoring case and ё/е) have
different registers, or the same form in a language belongs to two entries whose
preferred terms, or whose forms of its register, in the other languages differ.

## Registers and pairs

Forms pair across languages by register: the form a translation of a full name uses is
the entry's `full` form in the target language (the preferred term when it has that
register, else the first admitted form of it), and so for `short` and `abbr`. A language
that names the concept in one register only pairs that name with every register (UN =
ООН = 联合国). In this glossary:

- States: the preferred term is the short name (Kyrgyzstan = Кыргызстан = 吉尔吉斯斯坦),
  the formal name is `full` (Kyrgyz Republic = Кыргызская Республика = 吉尔吉斯共和国).
  A state whose formal name is its short name (Mongolia, Turkmenistan, Canada) has one
  form; the United Arab Emirates' name is `full`, UAE = ОАЭ = 阿联酋 `abbr`.
- The Organisation: Shanghai Cooperation Organisation = Шанхайская организация
  сотрудничества = 上海合作组织 `full`; SCO = ШОС = 上合组织 `abbr`; the Organisation =
  Организация = 本组织 `short`.
- Bodies and documents: a name that spells the Organisation out is `full` (Secretariat
  of the Shanghai Cooperation Organisation = 上海合作组织秘书处); one with SCO, ШОС or
  上合组织 is `short` only where every language's short form names the Organisation
  (SCO Secretariat = Секретариат ШОС = 上合组织秘书处), else `full` too («Совет глав
  государств-членов ШОС», «Бишкекская декларация Совета глав государств-членов ШОС»):
  a short form pairs with short forms that name the same (Council of Heads of State =
  Совет глав государств = 元首理事会), and reading the glossary refuses a row where they
  do not; acronyms and one-word Chinese contractions are `abbr` (SCO RATS = РАТС ШОС;
  安秘会, 银联体). Every body name with 上海合作组织 has its 上合组织 form.
- People: the name with the given name (and patronymic) is `full`; the surname alone or
  with initials is `short` (В.В. Путин, 普京). Russian surname-only forms are not listed:
  the matcher derives them.
- Partner organisations: Chinese contractions (联大, 安理会, 世卫组织, 东盟) are `abbr`,
  paired with UNGA, UNSC, WHO, ASEAN.

`i18n-kit glossary lookup` prints each form's register and the pairs.

## TBX

TBX-Basic, TBX v3 (ISO 30042:2019) in DCA style is written; TBX v3 and TBX 2 (`martif`,
`termEntry`, `langSet`, `tig`/`ntig`) are read. An entry is a `conceptEntry` with its id;
the category is `<descrip type="subjectField">`, the note a `<note>`, each year's status a
`<note>SCO status 2020: member</note>`, the sources one `<admin type="source">`. Term
statuses map to `administrativeStatus` (TBX-Basic has no "forbidden"), registers to
`<termNote type="termType">`: `fullForm`, `shortForm`, `abbreviation` (`acronym` and
`initialism` are read as abbreviations, `clippedTerm` as a short form; a term without a
term type, or with one that says nothing of register such as `variant`, gets its
register by the CSV rule above):

| CSV | status | TBX `administrativeStatus` |
| --- | --- | --- |
| `en` column | preferred | `preferredTerm-admn-sts` |
| unmarked variant | admitted | `admittedTerm-admn-sts` |
| `~` variant | deprecated | `supersededTerm-admn-sts` (dispreferred, still correct) |
| `!` variant | forbidden | `deprecatedTerm-admn-sts` (wrong: an error) |

On reading, TBX 2 `normativeAuthorization` values, `legal`/`regulated`/`standardizedTerm`
(admitted) and Weblate's `forbidden`/`obsolete` are understood too; a term without a status
is preferred when it is the first in its language and none is marked preferred. Entity
declarations are refused (no XXE, no entity bombs) and no DTD is fetched.
TBX → CSV → TBX and CSV → TBX → CSV give back the same bytes for files this toolkit wrote;
a term-level `<note>` has no CSV column and is lost in CSV.
"""
