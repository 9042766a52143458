"""i18n-kit tm import/export/lookup/stats through the CLI: exact output, the TMX round trip,
and bad input (a broken TMX, an unreachable PostgreSQL memory) refused with nothing copied."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import CONFIG, run, snapshot

DATA = Path(__file__).parents[1] / "data" / "cli" / "tm"
KAZAKHSTAN = "The SCO Secretary-General met the Ambassador of Kazakhstan."
KAZAKHSTAN_RU = "Генеральный секретарь ШОС встретился с послом Казахстана."


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The inputs under tmp_path/in, tmp_path the working folder (messages say ``in/...``)."""
    shutil.copytree(DATA, tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "in"


def make_project(root: Path, extra: str = "") -> Path:
    root.mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG + extra, encoding="utf-8")
    return root


def test_import_copies_and_indexes(project: Path, inputs: Path) -> None:
    result = run("tm", "import", "in/archive.tmx", "-p", str(project))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "imported 4 units from in/archive.tmx as tm/archive.tmx\n"
    assert (project / "tm" / "archive.tmx").read_bytes() == (DATA / "archive.tmx").read_bytes()

    stats = run("tm", "stats", "-p", str(project))
    assert (stats.exit_code, stats.stdout, stats.stderr) == (
        0, "en-ru: 2 units\nen-zh: 2 units\n1 tmx file\n", ""
    )
    stats_json = run("tm", "stats", "-p", str(project), "--format", "json")
    assert json.loads(stats_json.stdout) == {"units": {"en-ru": 2, "en-zh": 2},
                                             "files": {"tmx": 1}}


def test_import_twice_is_harmless(project: Path, inputs: Path) -> None:
    assert run("tm", "import", "in/archive.tmx", "-p", str(project)).exit_code == 0
    again = run("tm", "import", "in/archive.tmx", "-p", str(project))
    assert (again.exit_code, again.stderr) == (0, "")
    stats = run("tm", "stats", "-p", str(project), "--format", "json")
    assert json.loads(stats.stdout)["units"] == {"en-ru": 2, "en-zh": 2}


def test_lookup_finds_exact_and_fuzzy_matches_with_scores(project: Path, inputs: Path) -> None:
    assert run("tm", "import", "in/archive.tmx", "-p", str(project)).exit_code == 0
    exact = run("tm", "lookup", KAZAKHSTAN, "--locale", "ru", "-p", str(project))
    assert (exact.exit_code, exact.stderr) == (0, "")
    assert exact.stdout == f"100.0%  tm/archive.tmx\n  {KAZAKHSTAN}\n  {KAZAKHSTAN_RU}\n"

    fuzzy = run("tm", "lookup", KAZAKHSTAN.replace("Kazakhstan", "Kyrgyzstan"),
                "--locale", "ru", "-p", str(project), "--format", "json")
    assert (fuzzy.exit_code, fuzzy.stderr) == (0, "")
    assert json.loads(fuzzy.stdout) == [
        {"score": 93.2, "source": KAZAKHSTAN, "target": KAZAKHSTAN_RU,
         "origin": "tm/archive.tmx", "numbers_differ": False}
    ]

    dated = run("tm", "lookup", "The Council of Heads of State met on 16 June 2001.",
                "--locale", "ru", "-p", str(project), "--format", "json")
    [match] = json.loads(dated.stdout)
    assert (match["source"], match["numbers_differ"]) == (
        "The Council of Heads of State met on 15 June 2001.", True
    )
    assert 75 <= match["score"] < 100

    zh = run("tm", "lookup", "The SCO Youth Forum opened in Tashkent.", "--locale", "zh",
             "-p", str(project), "--format", "json")
    assert [m["target"] for m in json.loads(zh.stdout)] == ["上合组织青年论坛在塔什干开幕。"]


def test_lookup_without_a_match(project: Path, inputs: Path) -> None:
    assert run("tm", "import", "in/archive.tmx", "-p", str(project)).exit_code == 0
    result = run("tm", "lookup", "Completely unrelated words here.", "--locale", "ru",
                 "-p", str(project))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "no match >= 75%\n", "")


def test_export_then_import_into_a_fresh_project_gives_the_same_units(
    tmp_path: Path, inputs: Path
) -> None:
    first = make_project(tmp_path / "first")
    assert run("tm", "import", "in/archive.tmx", "-p", str(first)).exit_code == 0
    exported = run("tm", "export", "--format", "tmx", "-p", str(first), "-o", "out.tmx")
    assert (exported.exit_code, exported.stdout, exported.stderr) == (0, "", "")
    text = (tmp_path / "out.tmx").read_text("utf-8")
    assert f'<tuv xml:lang="ru"><seg>{KAZAKHSTAN_RU}</seg></tuv>' in text

    second = make_project(tmp_path / "second")
    imported = run("tm", "import", "out.tmx", "-p", str(second))
    assert (imported.exit_code, imported.stderr) == (0, "")
    assert imported.stdout == "imported 4 units from out.tmx as tm/out.tmx\n"
    again = run("tm", "export", "-p", str(second))  # tmx is the default; stdout
    assert (again.exit_code, again.stdout) == (0, text)
    assert run("tm", "stats", "-p", str(second)).stdout == run("tm", "stats", "-p", str(first)
                                                                 ).stdout


def test_export_refuses_an_unknown_format(project: Path) -> None:
    result = run("tm", "export", "--format", "csv", "-p", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --format: 'csv' is not supported; use tmx\n"


BAD = {
    "not-xml.tmx": "error: in/bad/not-xml.tmx:11: not XML: not well-formed (invalid token) at "
    "column 5; fix the file or export it again from the tool that made it",
    "no-locale.tmx": 'error: in/bad/no-locale.tmx: no <tuv xml:lang="ru"> in any <tu>; '
    "the file has en",
    "no-en.tmx": 'error: in/bad/no-en.tmx: no <tuv xml:lang="en"> in any <tu>; '
    "the file has ru, zh",
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_tmx_exits_2_and_copies_nothing(project: Path, inputs: Path, name: str) -> None:
    before = snapshot(project)
    result = run("tm", "import", f"in/bad/{name}", "-p", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [BAD[name]]
    assert snapshot(project) == before
    assert not (project / "tm").exists()


def test_import_refuses_another_file_under_a_taken_name(project: Path, inputs: Path) -> None:
    assert run("tm", "import", "in/archive.tmx", "-p", str(project)).exit_code == 0
    before = snapshot(project)
    (inputs / "other").mkdir()
    (inputs / "other" / "archive.tmx").write_bytes(
        (DATA / "archive.tmx").read_bytes().replace(b"Tashkent", b"Samarkand")
    )
    result = run("tm", "import", "in/other/archive.tmx", "-p", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: in/other/archive.tmx: tm/archive.tmx already exists with other content; "
        "rename the file to import it\n"
    )
    assert snapshot(project) == before


UNREACHABLE = '\n[tm]\nurl = "postgresql://u:secret@127.0.0.1:1/db"\n'
UNREACHABLE_LINE = (
    "error: [tm] url: cannot connect to postgresql://u@127.0.0.1:1/db: connection refused"
)


@pytest.mark.parametrize(
    "args",
    [
        ("tm", "import", "in/archive.tmx"),
        ("tm", "stats"),
        ("tm", "lookup", KAZAKHSTAN, "--locale", "ru"),
        ("tm", "export", "-o", "out.tmx"),
    ],
    ids=["import", "stats", "lookup", "export"],
)
def test_unreachable_postgresql_exits_2_with_the_password_masked(
    tmp_path: Path, inputs: Path, args: tuple[str, ...]
) -> None:
    root = make_project(tmp_path / "news", UNREACHABLE)
    before = snapshot(root)
    result = run(*args, "-p", str(root))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [UNREACHABLE_LINE]
    assert "secret" not in result.stderr
    assert snapshot(root) == before
    assert not (root / "tm").exists()  # import copies nothing when it cannot index
    assert not (tmp_path / "out.tmx").exists()
