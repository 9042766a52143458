"""Translators' tools and sync: every example catalog saved by a tool, then synced.

For each tool (polib as Poedit-like scripts use it, Babel's pofile, Translate Toolkit's PO
storage as Weblate uses it, ``msgcat --no-wrap`` and ``msgcat --width=76``) every catalog of
examples/sco-newsroom, with a translator's work in it, is saved by the tool (the library
tools also make the edits of a Poedit save: Last-Translator, Language-Team,
PO-Revision-Date and X-Generator changed, a translator comment added, a fuzzy flag
cleared), then ``i18n-kit sync`` runs. Every translation, flag, translator comment and
header field a translator's tool owns must be as the tool saved it (the ``#|`` lines
Babel turns into ``# | msgid`` comments are ``#|`` lines again); i18n-kit's own ``#.``
notes must be whole again, however the tool wrapped them; a second sync writes nothing.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po, write_po
from translate.storage import po as ttk_po
from typer.testing import CliRunner

from i18n_kit.catalogs.articles import NOTE_PREFIXES
from i18n_kit.catalogs.header import OWNED_FIELDS
from i18n_kit.catalogs.po import Catalog, format_catalog, parse_catalog
from i18n_kit.cli import app
from tests.catalogs.gettext_tools import require

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sco-newsroom"
CATALOGS = "locales/*/LC_MESSAGES/articles/*.po"

DESK_NOTE = (
    "The desk checked this wording against the Secretariat's own release of the same day "
    "and kept the order of the names."
)
MT_NOTE = (
    "mt: glossary terms lost by the engine, check them: Council of Heads of State, "
    "Regional Anti-Terrorist Structure"
)
GONE_NOTE = "Sentence removed from the article by the editor; translation kept for reference."
GONE = {
    "ru": "Делегации приняли совместное заявление по итогам встречи.",
    "zh": "各代表团在会议结束时通过了联合声明。",
    "en": "The delegations adopted a joint statement at the end of the meeting.",
}
EDITOR = {
    "Last-Translator": "Anna Sokolova <anna@example.org>",
    "Language-Team": "Newsroom translators <desk@example.org>",
    "PO-Revision-Date": "2026-12-02 12:00+0300",
    "X-Generator": "Poedit 3.4.2",
}
EDIT_NOTE = "Reviewed on the evening shift; the figures match the source."


def sync(root: Path) -> str:
    result = CliRunner().invoke(app, ["sync", "--project", str(root)])
    assert result.exit_code == 0, result.output
    return result.stdout


def catalogs(root: Path) -> list[Path]:
    found = sorted(root.glob(CATALOGS))
    assert len(found) == 18
    return found


def read(path: Path) -> Catalog:
    return parse_catalog(path.read_text("utf-8"), origin=path.name)


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        path.relative_to(root).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".i18n-kit" not in path.parts
    }


def add_translators_work(path: Path) -> None:
    """What a translator's catalog holds besides the sync output: a header their editor
    filled in, a long translator comment, a long history note, an obsolete entry."""
    catalog = read(path)
    language = path.parts[-4]
    catalog.header = f"{language} translation of the SCO newsroom.\nAnna Sokolova, 2026.\n"
    catalog.metadata_is_fuzzy = ["fuzzy"]
    metadata = {"Project-Id-Version": catalog.metadata["Project-Id-Version"]}
    metadata.update({key: value for key, value in EDITOR.items() if key != "X-Generator"})
    metadata.update(catalog.metadata)
    if language == "ru":
        metadata["Language"] = "ru_RU"
    metadata["X-Generator"] = "Poedit 3.4.1"
    catalog.metadata = metadata
    translated = [entry for entry in catalog if entry.msgstr and not entry.obsolete]
    translated[0].tcomment = DESK_NOTE
    translated[-1].comment = "\n".join([*translated[-1].comment.split("\n"), MT_NOTE]).strip()
    catalog.append(
        polib.POEntry(
            msgid="The delegations adopted a joint statement at the end of the talks.",
            msgstr=GONE[language],
            tcomment=GONE_NOTE,
            obsolete=True,
        )
    )
    path.write_text(format_catalog(catalog), encoding="utf-8")


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project, synced, with a translator's work in every catalog, synced."""
    root = tmp_path_factory.mktemp("translated") / "sco-newsroom"
    shutil.copytree(EXAMPLE, root)
    sync(root)
    for path in catalogs(root):
        add_translators_work(path)
    before = {path: path.read_bytes() for path in catalogs(root)}
    sync(root)
    assert {path: path.read_bytes() for path in catalogs(root)} == before
    return root


# ------------------------------------------------------------------------------- the tools


def edit_with_polib(path: Path) -> None:
    catalog = polib.pofile(str(path))
    catalog.metadata.update(EDITOR)
    entries = [entry for entry in catalog if entry.msgstr and not entry.obsolete]
    entries[1].tcomment = EDIT_NOTE
    for entry in catalog.fuzzy_entries()[:1]:
        entry.flags.remove("fuzzy")
    catalog.save()


def edit_with_babel(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    catalog.last_translator = EDITOR["Last-Translator"]
    catalog.language_team = EDITOR["Language-Team"]
    catalog.revision_date = datetime(2026, 12, 2, 12, 0, tzinfo=timezone(timedelta(hours=3)))
    messages = [message for message in catalog if message.id and message.string]
    messages[1].user_comments.append(EDIT_NOTE)
    for message in [message for message in catalog if message.fuzzy and message.id][:1]:
        message.flags.discard("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)
    path.write_bytes(buffer.getvalue())


def edit_with_translate_toolkit(path: Path) -> None:
    store = ttk_po.pofile(path.read_bytes())
    store.updateheader(add=True, **{key.replace("-", "_"): v for key, v in EDITOR.items()})
    units = [unit for unit in store.units if unit.istranslated() and not unit.isheader()]
    units[1].addnote(EDIT_NOTE, origin="translator")
    for unit in [unit for unit in store.units if unit.isfuzzy() and not unit.isheader()][:1]:
        unit.markfuzzy(False)
    path.write_bytes(bytes(store))


def msgcat_with(*options: str) -> Callable[[Path], None]:
    def save(path: Path) -> None:
        subprocess.run(
            [require("msgcat"), *options, "-o", str(path), str(path)], check=True
        )

    return save


TOOLS: dict[str, Callable[[Path], None]] = {
    "polib": edit_with_polib,
    "babel": edit_with_babel,
    "translate-toolkit": edit_with_translate_toolkit,
    "msgcat --no-wrap": msgcat_with("--no-wrap"),
    "msgcat --width=76": msgcat_with("--width=76"),
}
EDITING_TOOLS = {"polib", "babel", "translate-toolkit"}


def entry_key(entry: polib.POEntry) -> tuple[bool, str | None, str]:
    return (entry.obsolete, entry.msgctxt, entry.msgid)


def translators_part(entry: polib.POEntry) -> tuple[str, object, list[str], str, str | None]:
    """Translation, flags, translator comments, and the previous source while fuzzy."""
    previous = entry.previous_msgid if entry.fuzzy else None
    return (entry.msgstr, entry.msgstr_plural, sorted(entry.flags), entry.tcomment, previous)


def babel_repaired(saved: Catalog, canonical: Catalog) -> dict[object, object]:
    """What sync makes of a Babel save: the '# | msgid' comments Babel wrote for '#|'
    lines are the fuzzy entries' previous sources again."""
    previous = {entry_key(e): e.previous_msgid for e in canonical}
    parts: dict[object, object] = {}
    for entry in saved:
        # Babel writes the user comments, then the "| msgid" ones (wrapped at 76
        # columns), then a comment added in the save (EDIT_NOTE).
        comments = entry.tcomment.split("\n")
        start = next((i for i, c in enumerate(comments) if c.startswith("| msgid")), None)
        if start is not None:
            end = comments.index(EDIT_NOTE) if EDIT_NOTE in comments else len(comments)
            comments[start:end] = []
        old = previous[entry_key(entry)] if entry.fuzzy else None
        parts[entry_key(entry)] = (
            entry.msgstr, entry.msgstr_plural, sorted(entry.flags), "\n".join(comments), old
        )
    return parts


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_a_save_by_the_tool_survives_sync(translated: Path, tmp_path: Path, tool: str) -> None:
    root = tmp_path / "sco-newsroom"
    shutil.copytree(translated, root)
    canonical = {path.relative_to(root): read(path) for path in catalogs(root)}
    saved: dict[Path, Catalog] = {}
    for path in catalogs(root):
        TOOLS[tool](path)
        saved[path.relative_to(root)] = read(path)

    sync(root)
    first = snapshot(root)
    assert sync(root).endswith(" 0 files written\n")
    assert snapshot(root) == first

    wrapped_notes = repaired = 0
    for relative, before in saved.items():
        after = read(root / relative)
        # The header: every field the tool owns, in its order, its comments and flag.
        theirs = [(k, v) for k, v in before.metadata.items() if k not in OWNED_FIELDS]
        assert [(k, v) for k, v in after.metadata.items() if k not in OWNED_FIELDS] == theirs
        assert (after.header, after.metadata_is_fuzzy) == (before.header, before.metadata_is_fuzzy)
        if relative.parts[1] == "ru":
            assert after.metadata["Language"] == "ru_RU"
        # Every translation, flag and translator comment as the tool saved it.
        expected = {entry_key(e): translators_part(e) for e in before}
        if tool == "babel":
            expected = babel_repaired(before, canonical[relative])
            repaired += expected != {entry_key(e): translators_part(e) for e in before}
        assert {entry_key(e): translators_part(e) for e in after} == expected
        # i18n-kit's notes: whole again, as before the tool's save.
        assert [e.comment for e in after if not e.obsolete] == [
            e.comment for e in canonical[relative] if not e.obsolete
        ]
        wrapped_notes += sum(
            1
            for entry in before
            for line in entry.comment.split("\n")
            if line and not line.startswith(NOTE_PREFIXES)
        )
        if tool in EDITING_TOOLS:
            assert EDIT_NOTE in "\n".join(e.tcomment for e in after).replace("\n", " ")
            assert [after.metadata.get(key) for key in EDITOR] == [
                before.metadata.get(key) for key in EDITOR
            ]
        else:
            # msgcat changes only the layout: sync restores the file byte for byte.
            assert format_catalog(after) == format_catalog(canonical[relative])
            assert (root / relative).read_bytes() == (translated / relative).read_bytes()
    # The tools that wrap comments did wrap some of i18n-kit's notes.
    assert (wrapped_notes > 0) == (tool in {"polib", "babel"})
    # ... and Babel did turn #| lines into comments.
    assert (repaired > 0) == (tool == "babel")


# ------------------------------------------------------------------- beside msgmerge

MERGE_REF = "content/summit.md"
TRANSLATORS_PO = (
    "# Russian translation of the SCO newsroom.\n"
    "# Anna Sokolova <anna@example.org>, 2026.\n"
    "#\n"
    "#, fuzzy\n"
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: newsroom 0.9\\n"\n'
    '"Report-Msgid-Bugs-To: \\n"\n'
    '"POT-Creation-Date: 2026-11-30 10:00+0000\\n"\n'
    '"PO-Revision-Date: 2026-12-01 12:00+0300\\n"\n'
    '"Last-Translator: Anna Sokolova <anna@example.org>\\n"\n'
    '"Language-Team: Russian <ru@example.org>\\n"\n'
    '"Language: ru_RU\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
    'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
    '"X-Generator: Poedit 3.4.2\\n"\n'
    "\n"
    "# The desk asked for the full title of the council.\n"
    f"#: {MERGE_REF}\n"
    'msgid "The SCO Heads of State Council met on 10 November 2020."\n'
    'msgstr "Совет глав государств-членов ШОС провёл заседание 10 ноября 2020 года."\n'
    "\n"
    f"#: {MERGE_REF}\n"
    '#| msgid "The leaders adopted a declaration."\n'
    'msgid "The leaders adopted the Moscow Declaration."\n'
    'msgstr "Лидеры приняли Московскую декларацию."\n'
    "\n"
    f"#: {MERGE_REF}\n"
    "#, fuzzy\n"
    '#| msgid "Seven member states took part."\n'
    'msgid "Eight member states took part."\n'
    'msgstr "В заседании участвовали семь государств-членов."\n'
    "\n"
    "# Kept for the archive page.\n"
    f"#: {MERGE_REF}\n"
    'msgid "The meeting was held by video link."\n'
    'msgstr "Заседание прошло в режиме видеоконференции."\n'
    "\n"
    "# Ask the desk how to render the name.\n"
    f"#: {MERGE_REF}\n"
    'msgid "Mr. Putin chaired the meeting."\n'
    'msgstr ""\n'
)


def test_sync_keeps_what_msgmerge_keeps_and_rewrites_only_owned_fields(tmp_path: Path) -> None:
    """The same catalog and template through ``msgmerge --previous`` (as Poedit and
    Weblate run it) and through i18n-kit's merge: the entries come out byte for byte the
    same (a comment goes with a deleted translated entry into #~; an untranslated one is
    dropped; #| stays on the fuzzy entry and goes from the reviewed one); the header
    differs only in the fields i18n-kit owns (Project-Id-Version, Plural-Forms), and
    Language: ru_RU, POT-Creation-Date, the comments and #, fuzzy stay in both."""
    from i18n_kit.catalogs.articles import Unit, build_template, merge_catalog

    units = [
        Unit(source_text=text, reference=MERGE_REF)
        for text in (
            "The SCO Heads of State Council met on 10 November 2020.",
            "The leaders adopted the Moscow Declaration.",
            "Eight member states took part.",
        )
    ]
    po_path, pot_path = tmp_path / "ru.po", tmp_path / "summit.pot"
    po_path.write_text(TRANSLATORS_PO, encoding="utf-8")
    pot_path.write_text(format_catalog(build_template(units, project="sco")), encoding="utf-8")
    result = subprocess.run(
        [require("msgmerge"), "--quiet", "--previous", "--no-fuzzy-matching", str(po_path),
         str(pot_path)],
        capture_output=True,
        check=True,
    )
    theirs = result.stdout.decode("utf-8")
    ours = format_catalog(
        merge_catalog(
            parse_catalog(TRANSLATORS_PO, origin="ru.po"), units, project="sco", locale_code="ru"
        )
    )
    assert ours.split("\n\n", 1)[1] == theirs.split("\n\n", 1)[1]
    ours_header = parse_catalog(ours, origin="ours")
    theirs_header = parse_catalog(theirs, origin="theirs")
    assert (ours_header.header, ours_header.metadata_is_fuzzy) == (
        theirs_header.header,
        theirs_header.metadata_is_fuzzy,
    )
    assert list(ours_header.metadata) == list(theirs_header.metadata)
    differing = {
        key: (value, ours_header.metadata[key])
        for key, value in theirs_header.metadata.items()
        if ours_header.metadata[key] != value
    }
    assert differing == {
        "Project-Id-Version": ("newsroom 0.9", "sco"),
        "Plural-Forms": (
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
            "(n%100<10 || n%100>=20) ? 1 : 2);",
            "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && "
            "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;",
        ),
    }
