"""i18n-kit glossary import/export/lookup/match through the CLI: exact output, round trips,
and bad input refused with one line, exit 2 and the project untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import CONFIG, run, snapshot

DATA = Path(__file__).parents[1] / "data" / "cli" / "glossary"


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test inputs copied to tmp_path/in, with tmp_path the working folder, so that
    error messages name them as a user would type them (``in/bad/x.csv``)."""
    shutil.copytree(DATA, tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "in"


def make_project(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    return root


def test_match_json_is_exact_for_inflected_russian(project: Path, inputs: Path) -> None:
    result = run("glossary", "match", "in/match_ru.txt", "--lang", "ru", "-p", str(project),
                 "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    expected = (DATA / "match_ru.expected.json").read_text("utf-8")
    assert result.stdout == expected
    text = (DATA / "match_ru.txt").read_text("utf-8")
    for hit in json.loads(result.stdout):
        assert text[hit["start"]:hit["end"]] == hit["text"]  # offsets are characters


def test_match_json_is_exact_for_english_with_flagged_form_and_near_miss(
    project: Path, inputs: Path
) -> None:
    # The project's source language (en) is the default --lang.
    result = run("glossary", "match", "in/match_en.txt", "-p", str(project), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (DATA / "match_en.expected.json").read_text("utf-8")
    kinds = [(hit["kind"], hit["suggestion"]) for hit in json.loads(result.stdout)]
    assert kinds == [
        ("near-miss", "Shavkat Mirziyoyev"),
        ("flagged", "Kyrgyzstan"),
        ("term", None),
    ]


def test_match_text_lists_project_terms_with_offsets(project: Path, inputs: Path) -> None:
    assert run("glossary", "import", "in/terms.tbx", "-p", str(project)).exit_code == 0
    (inputs / "briefing.txt").write_text(
        "On Monday the SCO briefing was held at the SCO Press Centre.\n", "utf-8"
    )
    result = run("glossary", "match", "in/briefing.txt", "-p", str(project))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "14-26 flagged   SCO briefing -> SCO press briefing  [proj-1]\n"
        "43-59 term      SCO Press Centre  [proj-2]\n"
    )


def test_match_refuses_an_unknown_language(project: Path, inputs: Path) -> None:
    result = run("glossary", "match", "in/match_en.txt", "--lang", "fr", "-p", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --lang: 'fr' is not one of en, ru, zh\n"


def test_lookup_finds_an_inflected_form(project: Path) -> None:
    result = run("glossary", "lookup", "Секретариата ШОС", "-p", str(project))
    assert (result.exit_code, result.stderr) == (0, "")
    # The longest match only: not org-001 for the «ШОС» inside it. Each form's register,
    # then the forms the term route pairs: full with full, short with short.
    assert result.stdout == (
        "body-006 (body)\n"
        "  en preferred  short SCO Secretariat\n"
        "  en admitted   full  Secretariat of the Shanghai Cooperation Organisation\n"
        "  ru preferred  short Секретариат ШОС\n"
        "  ru admitted   full  Секретариат Шанхайской организации сотрудничества\n"
        "  zh preferred  full  上海合作组织秘书处\n"
        "  zh admitted   short 上合组织秘书处\n"
        "  pairs:\n"
        "    full  en Secretariat of the Shanghai Cooperation Organisation = "
        "ru Секретариат Шанхайской организации сотрудничества = zh 上海合作组织秘书处\n"
        "    short en SCO Secretariat = ru Секретариат ШОС = zh 上合组织秘书处\n"
        "  note: Permanent administrative body, Beijing.\n"
    )


def test_lookup_shows_a_register_missing_in_a_language(project: Path) -> None:
    result = run("glossary", "lookup", "Российской Федерации", "-p", str(project))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-4:] == [
        "    full  en Russian Federation = ru Российская Федерация = zh 俄罗斯联邦",
        "    short en Russia = ru Россия = zh 俄罗斯",
        "    abbr  en — = ru РФ = zh —",
        "  note: Founding member. Chairmanship 2019–2020 (seed: \"Russia's Presidency\"); "
        "chaired the 2025 Heads of Government Council (Moscow, 17–18 Nov 2025).",
    ]


def test_lookup_json_after_import(project: Path, inputs: Path) -> None:
    assert run("glossary", "import", "in/terms.tbx", "-p", str(project)).exit_code == 0
    result = run("glossary", "lookup", "брифинга ШОС", "-p", str(project), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == [
        {
            "id": "proj-1",
            "en": "SCO press briefing",
            "ru": "брифинг ШОС",
            "zh": "上合组织新闻发布会",
            "category": "concept",
            "note": "The Secretariat's weekly briefing for journalists.",
            "terms": [
                {"text": "SCO press briefing", "lang": "en", "status": "preferred",
                 "register": "full"},
                {"text": "SCO briefing", "lang": "en", "status": "forbidden",
                 "register": "full"},
                {"text": "брифинг ШОС", "lang": "ru", "status": "preferred", "register": "full"},
                {"text": "上合组织新闻发布会", "lang": "zh", "status": "preferred",
                 "register": "full"},
            ],
            "pairs": {
                "full": {
                    "en": "SCO press briefing", "ru": "брифинг ШОС", "zh": "上合组织新闻发布会"
                }
            },
        }
    ]


def test_lookup_without_a_match(project: Path) -> None:
    result = run("glossary", "lookup", "Zanzibar", "-p", str(project))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "no entry matches 'Zanzibar'\n", ""
    )


def test_import_stores_csv_and_reports(project: Path, inputs: Path) -> None:
    result = run("glossary", "import", "in/terms.tbx", "-p", str(project))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "imported 2 entries from in/terms.tbx as glossary/terms.csv\n"
    assert (project / "glossary" / "terms.csv").read_text("utf-8") == (
        "id,category,en,en_variants,ru,ru_variants,zh,zh_variants,status_2020,status_2025,"
        "note,source\n"
        "proj-1,concept,SCO press briefing,!SCO briefing,брифинг ШОС,,上合组织新闻发布会,,,,"
        "The Secretariat's weekly briefing for journalists.,\n"
        "proj-2,body,SCO Press Centre,Press Centre of the SCO,Пресс-центр ШОС,,"
        "上合组织新闻中心,,,,,\n"
    )


@pytest.mark.parametrize("kind", ["tbx", "csv"])
def test_export_then_import_of_the_export_round_trips(
    tmp_path: Path, inputs: Path, kind: str
) -> None:
    first = make_project(tmp_path / "first")
    assert run("glossary", "import", "in/terms.tbx", "-p", str(first)).exit_code == 0
    exported = run("glossary", "export", "--format", kind, "-p", str(first))
    assert (exported.exit_code, exported.stderr) == (0, "")
    assert "proj-2" in exported.stdout and "org-001" in exported.stdout
    (tmp_path / f"all.{kind}").write_text(exported.stdout, "utf-8")

    second = make_project(tmp_path / "second")
    imported = run("glossary", "import", f"all.{kind}", "-p", str(second))
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout == f"imported 211 entries from all.{kind} as glossary/all.csv\n"
    again = run("glossary", "export", "--format", kind, "-p", str(second))
    assert (again.exit_code, again.stdout) == (0, exported.stdout)


def test_tbx_to_csv_to_tbx_is_equal_through_the_cli(tmp_path: Path, inputs: Path) -> None:
    first = make_project(tmp_path / "first")
    assert run("glossary", "import", "in/terms.tbx", "-p", str(first)).exit_code == 0
    assert run("glossary", "export", "--format", "tbx", "-p", str(first), "-o", "a.tbx"
               ).exit_code == 0
    second = make_project(tmp_path / "second")
    assert run("glossary", "import", "a.tbx", "-p", str(second)).exit_code == 0
    assert run("glossary", "export", "--format", "csv", "-p", str(second), "-o", "b.csv"
               ).exit_code == 0
    third = make_project(tmp_path / "third")
    assert run("glossary", "import", "b.csv", "-p", str(third)).exit_code == 0
    result = run("glossary", "export", "--format", "tbx", "-p", str(third), "-o", "c.tbx")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "c.tbx").read_bytes() == (tmp_path / "a.tbx").read_bytes()
    assert b'<conceptEntry id="proj-1">' in (tmp_path / "c.tbx").read_bytes()


def test_export_refuses_an_unknown_format(project: Path) -> None:
    result = run("glossary", "export", "--format", "xlsx", "-p", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --format: 'xlsx' is not supported; use tbx or csv\n"


BAD = {
    "missing_columns.csv": "in/bad/missing_columns.csv:3: 5 columns where the header has 12; "
    "quote a cell that contains a comma",
    "unknown_category.csv": "in/bad/unknown_category.csv:3: entry 'proj-2': unknown category "
    "'country'; use one of organisation, body, state, document, partner_org, person, concept",
    "duplicate_id.csv": "in/bad/duplicate_id.csv:4: duplicate id 'proj-1' (first at line 2); "
    "give each entry its own id",
    "same_form_two_targets.csv": "in/bad/same_form_two_targets.csv:3: entry 'proj-2': en form "
    "'press briefing of the SCO' also belongs to 'proj-1' (line 2), whose target differs "
    "(ru 'брифинг ШОС' vs 'встреча ШОС'); keep the form in one entry only",
    "empty_term.csv": "in/bad/empty_term.csv:2: entry 'proj-1': empty en term; remove the "
    "empty form (e.g. 'a||b')",
    "malformed.tbx": "in/bad/malformed.tbx:38: malformed TBX: not well-formed (invalid token)",
    "empty_term.tbx": "in/bad/empty_term.tbx:38: entry 'proj-2': empty en term; remove the "
    "empty form (e.g. 'a||b')",
    "xxe.tbx": "in/bad/xxe.tbx:3: refused TBX: it declares the entity 'secret'; entities are "
    "never expanded (XXE, entity bombs), remove the declaration",
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_import_exits_2_with_one_line_and_imports_nothing(
    project: Path, inputs: Path, name: str
) -> None:
    assert run("glossary", "import", "in/terms.tbx", "-p", str(project)).exit_code == 0
    before = snapshot(project)
    result = run("glossary", "import", f"in/bad/{name}", "-p", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"error: {BAD[name]}"]
    assert snapshot(project) == before


def test_bad_import_into_a_project_without_glossary_leaves_no_folder(
    project: Path, inputs: Path
) -> None:
    # Refused only when merged with the shipped glossary, after the file was converted.
    before = snapshot(project)
    result = run("glossary", "import", "in/clash/terms.csv", "-p", str(project))
    assert result.exit_code == 2
    assert snapshot(project) == before
    assert not (project / "glossary").exists()


def test_import_clashing_with_the_shipped_glossary_leaves_the_old_file_untouched(
    project: Path, inputs: Path
) -> None:
    # in/clash/terms.csv would replace glossary/terms.csv, and its 'SCO' belongs to org-001.
    assert run("glossary", "import", "in/terms.tbx", "-p", str(project)).exit_code == 0
    before = snapshot(project)
    result = run("glossary", "import", "in/clash/terms.csv", "-p", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "error: glossary/terms.csv:2: entry 'proj-1': en form 'SCO' also belongs to 'org-001' "
        "(shipped glossary/sco.csv:2), whose target differs (ru 'Шанхайская организация "
        "сотрудничества' vs 'брифинг ШОС'); keep the form in one entry only"
    ]
    assert snapshot(project) == before  # not even rewritten with the same bytes
