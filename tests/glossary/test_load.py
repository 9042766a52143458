"""load_glossary: shipped plus project files, overrides, and one exact line per bad file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.csvfile import write_csv
from i18n_kit.glossary.load import load_glossary, read_glossary
from i18n_kit.glossary.model import Category, Glossary, TermStatus
from i18n_kit.glossary.tbx import write_tbx

DATA = Path(__file__).resolve().parent.parent / "data" / "glossary"
BAD = DATA / "bad"
EXPECTED_ERRORS = dict(
    line.split(": ", 1) for line in (BAD / "expected.txt").read_text("utf-8").splitlines()
)
HEADER = (
    "id,category,en,en_variants,ru,ru_variants,zh,zh_variants,status_2020,status_2025,note,source"
)


def write_project(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return tmp_path


def test_without_a_project_the_shipped_glossary_is_loaded() -> None:
    glossary = load_glossary(project_dir=None)
    assert len(glossary) == 209
    assert glossary.entries[0].id == "org-001"


def test_a_project_without_a_glossary_folder_gets_the_shipped_one(tmp_path: Path) -> None:
    assert load_glossary(project_dir=tmp_path).entries == load_glossary(project_dir=None).entries


def test_project_entries_replace_by_id_and_extend(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        {
            "a.csv": f"{HEADER}\n"
            "state-04,state,Kyrgyzstan,,Киргизия,~Кыргызстан,吉尔吉斯斯坦,,member,member,"
            "House style: federal usage.,\n"
            "proj-1,concept,summit,,саммит,,峰会,,,,,\n",
            "b.tbx": write_tbx(Glossary(entries=(read_glossary(DATA / "martif.tbx").entries[0],))),
        },
    )
    glossary = load_glossary(project_dir=project)
    ids = [entry.id for entry in glossary]
    assert len(glossary) == 211
    assert ids.index("state-04") == 63  # kept in the shipped entry's place
    assert ids[-2:] == ["proj-1", "proj-summit"]
    kyrgyzstan = glossary.get("state-04")
    assert kyrgyzstan is not None
    assert [(t.text, t.status) for t in kyrgyzstan.forms("ru")] == [
        ("Киргизия", TermStatus.PREFERRED),
        ("Кыргызстан", TermStatus.DEPRECATED),
    ]
    assert kyrgyzstan.note == "House style: federal usage."
    assert glossary.origin.endswith(" + " + str(project / "glossary"))


def test_an_override_may_reuse_its_own_forms(tmp_path: Path) -> None:
    shipped = load_glossary(project_dir=None)
    org = shipped.get("org-001")
    assert org is not None
    text = write_csv(Glossary(entries=(org,))).replace("Shanghai Five.", "Shanghai Five (1996).")
    glossary = load_glossary(project_dir=write_project(tmp_path, {"org.csv": text}))
    assert glossary.entries[0].note.endswith("Shanghai Five (1996).")
    assert glossary.entries[0].category is Category.ORGANISATION


def test_the_same_id_in_two_project_files_is_an_error(tmp_path: Path) -> None:
    row = "proj-1,concept,summit,,саммит,,峰会,,,,,\n"
    project = write_project(tmp_path, {"a.csv": f"{HEADER}\n{row}", "b.csv": f"{HEADER}\n{row}"})
    with pytest.raises(GlossaryError) as caught:
        load_glossary(project_dir=project)
    assert str(caught.value) == (
        "glossary/b.csv:2: duplicate id 'proj-1' (first at glossary/a.csv:2); "
        "give each entry its own id"
    )


def test_other_files_in_the_glossary_folder_are_ignored(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"README.md": "# terms\n", "notes.txt": "x"})
    assert len(load_glossary(project_dir=project)) == 209


def test_read_glossary_refuses_an_unknown_file_kind(tmp_path: Path) -> None:
    path = tmp_path / "terms.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(GlossaryError) as caught:
        read_glossary(path)
    assert str(caught.value) == f"{path}: not a glossary file; use a name ending in .csv or .tbx"


def test_every_bad_case_has_an_expected_line() -> None:
    assert sorted(EXPECTED_ERRORS) == sorted(
        p.name for p in BAD.iterdir() if p.name != "expected.txt"
    )
    assert len(EXPECTED_ERRORS) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_bad_glossary_gives_one_exact_line_and_imports_nothing(name: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "glossary").mkdir(parents=True)
    shutil.copy(BAD / name, project / "glossary" / name)
    with pytest.raises(GlossaryError) as caught:
        load_glossary(project_dir=project)
    assert str(caught.value) == EXPECTED_ERRORS[name]
    assert "\n" not in str(caught.value)
    assert "root:" not in str(caught.value)  # nothing of /etc/passwd ever shows


def test_glossary_import_refuses_a_row_whose_languages_disagree_on_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 19: a "short" Russian title that names the SCO beside an English short title
    # that does not would be paired into a cut title; import says so and writes nothing
    from tests.cli.conftest import CONFIG, run

    (tmp_path / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copy(BAD / "register_disagrees.csv", tmp_path / "titles.csv")
    monkeypatch.chdir(tmp_path)
    result = run("glossary", "import", "titles.csv", "-p", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: glossary/titles.csv:2: entry 'proj-1': its ru short form 'Душанбинское "
        "коммюнике Совета глав государств-членов ШОС' names Shanghai Cooperation "
        "Organisation, its en short form 'Dushanbe Communique' does not; a form that names "
        "it (spelled out or abbreviated) is a full form: tag it 'full:'\n")
    assert not (tmp_path / "glossary").exists()
