"""i18n-kit tm align: two texts -> TMX 1.4, one <tu> per link; bad input -> one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i18n_kit.translation.tmx import parse_tmx
from tests.cli.conftest import run, snapshot

DATA = Path(__file__).parents[1] / "data" / "align"
CONFIG = '[project]\nname = "news"\nsource_language = "en"\nlocales = ["en", "ru", "zh"]\n'


@pytest.fixture
def texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The texts in tmp_path (the cwd), and an empty project in tmp_path/news."""
    for name in ("statement.en.txt", "statement.ru.txt", "statement.zh.md", "other.ru.txt",
                 "other-meeting.en.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_english_and_russian_to_tmx_on_stdout(texts: Path) -> None:
    result = run("tm", "align", "statement.en.txt", "statement.ru.txt")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "aligned statement.en.txt (en, 6 sentences) with statement.ru.txt (ru, 5 sentences):"
        " 5 units (4 1-1, 1 2-1), 0 sentences unpaired; 5 at confidence >= 0.95, 0 to review\n"
    )
    lines = result.stdout.splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert 'srclang="en"' in lines[2]
    # the 2-1 link: one unit, the English side's two sentences joined with a space
    assert lines[7] == (
        '    <tu><prop type="x-confidence">1.00</prop><prop type="x-link">2-1</prop>'
        '<tuv xml:lang="en"><seg>The Ministers of Foreign Affairs of the SCO Member States met'
        " in Astana on 20 May 2026. The meeting was chaired by the Minister of Foreign Affairs"
        ' of Kazakhstan.</seg></tuv><tuv xml:lang="ru"><seg>20 мая 2026 года в Астане состоялось'
        " заседание Совета министров иностранных дел государств – членов ШОС, которое провёл"
        " Министр иностранных дел Казахстана.</seg></tuv></tu>"
    )
    units = parse_tmx(result.stdout.encode(), origin="x.tmx", locales=["en", "ru", "zh"])
    assert [unit.target_text[:20] for unit in units] == [
        "Совместное заявление", "20 мая 2026 года в А", "Министры обменялись ",
        "Они отметили важност", "Следующее заседание ",
    ]


def test_chinese_markdown_joins_without_a_space_and_writes_the_file(texts: Path) -> None:
    result = run("tm", "align", "statement.ru.txt", "statement.zh.md", "-o", "out.tmx")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("; written to out.tmx\n")
    assert "(ru, 5 sentences) with statement.zh.md (zh, 5 sentences)" in result.stdout
    units = parse_tmx((texts / "out.tmx").read_bytes(), origin="out.tmx", locales=["ru", "zh"])
    assert [(unit.source_text[:12], unit.target_text) for unit in units][1] == (
        "20 мая 2026 ",
        "2026年5月20日，上海合作组织成员国外交部长在阿斯塔纳举行会议。会议由哈萨克斯坦外交部长主持。",
    )
    assert 'type="x-confidence"' in (texts / "out.tmx").read_text(encoding="utf-8")


def test_add_puts_the_confident_units_into_the_project_memory(texts: Path) -> None:
    result = run("tm", "align", "statement.en.txt", "statement.ru.txt", "--add",
                 "--project", "news", "-o", "out.tmx")
    assert result.exit_code == 0, result.stderr
    assert "5 units added to the memory as tm/aligned-statement.en-ru.tmx" in result.stdout
    lookup = run("tm", "lookup", "The next meeting will be held in Bishkek in 2027.",
                 "--locale", "ru", "--project", "news")
    assert lookup.stdout == (
        "100.0%  tm/aligned-statement.en-ru.tmx\n"
        "  The next meeting will be held in Bishkek in 2027.\n"
        "  Следующее заседание состоится в Бишкеке в 2027 году.\n"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("statement.en.txt", "statement.ru.txt", "--to", "zh"),
         "error: statement.ru.txt: is in Russian (ru), not Chinese (zh) as given;"
         " is it the right file?"),
        (("statement.en.txt", "other.ru.txt"),
         "error: other.ru.txt: is not a translation of statement.en.txt: only 0% of the"
         " sentences pair up with something in common (at least 50% expected)"),
        # the same people and places, another meeting: the dates differ
        (("other-meeting.en.txt", "statement.ru.txt"),
         "error: statement.ru.txt: is not a translation of other-meeting.en.txt: only 29% of"
         " the sentences pair up with something in common (at least 50% expected)"),
        (("statement.en.txt", "empty.txt"),
         "error: empty.txt: no text to align: it has no letters"),
        (("statement.en.txt", "statement.en.txt"),
         "error: statement.en.txt: is in the same language as statement.en.txt (en); give a"
         " translation, or --from/--to if the script misleads"),
    ],
)
def test_bad_input_is_one_line_and_nothing_written(
    texts: Path, args: tuple[str, ...], line: str
) -> None:
    (texts / "empty.txt").write_text("\n  \n", encoding="utf-8")
    before = snapshot(texts)
    result = run("tm", "align", *args, "-o", "out.tmx", "--add", "--project", "news")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line + "\n")
    assert snapshot(texts) == before


def test_captured_html_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.align.pages import write_pages

    write_pages(tmp_path / "pages")
    monkeypatch.chdir(tmp_path)
    result = run("tm", "align", "pages/en/youth-forum.html", "pages/zh/youth-forum.html",
                 "-o", "out.tmx")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "aligned pages/en/youth-forum.html (en, 13 sentences) with pages/zh/youth-forum.html"
        " (zh, 12 sentences): 12 units (12 1-1), 1 sentence unpaired; 12 at confidence"
        " >= 0.95, 0 to review; written to out.tmx\n"
    )
    units = parse_tmx((tmp_path / "out.tmx").read_bytes(), origin="out.tmx",
                      locales=["en", "zh"])
    # the site's menu, clock, other news and footer are not in it; the title is
    assert units[0].source_text == "Youth forum of the SCO opens in Astana"
    assert units[0].target_text == "上合组织青年论坛在阿斯塔纳开幕"
    assert "The participants discussed cooperation among universities." not in {
        unit.source_text for unit in units
    }
