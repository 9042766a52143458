"""i18n-kit import: captured pages of our own (EN/RU/ZH, HTML and text) -> exact articles
and exact reports; bad pages -> one exact error line, exit 2, nothing written."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from tests.cli.conftest import run, snapshot

DATA = Path(__file__).parents[1] / "data" / "importing"
PAGES = sorted(page for page in DATA.iterdir() if page.suffix in (".html", ".txt"))
BAD = sorted(page for page in (DATA / "bad").iterdir() if ".expected." not in page.name)
CONFIG = '[project]\nname = "news"\nsource_language = "en"\nlocales = ["en", "ru", "zh"]\n'


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project in tmp_path/news; the pages are copied beside it, the cwd."""
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return root


def copy_page(page: Path, news: Path, name: str | None = None) -> str:
    target = news.parent / (name or page.name)
    shutil.copy(page, target)
    return target.name


def test_our_captures_cover_three_languages_and_both_formats() -> None:
    assert [page.name for page in PAGES] == [
        "en-capture.txt",
        "en-portal.html",
        "ru-agency.html",
        "ru-capture.txt",
        "ru-portal.html",
        "zh-capture.txt",
        "zh-portal.html",
    ]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_import_writes_the_article_and_reports_kept_and_dropped_lines(
    page: Path, news: Path
) -> None:
    result = run("import", copy_page(page, news), "--project", "news")

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (DATA / f"{page.stem}.expected.out").read_text(encoding="utf-8")
    written = sorted((news / "content").iterdir())
    assert len(written) == 1
    assert written[0].read_text(encoding="utf-8") == (
        DATA / f"{page.stem}.expected.md"
    ).read_text(encoding="utf-8")


def test_imported_pages_sync_to_clean_articles(news: Path) -> None:
    names = [copy_page(page, news) for page in PAGES]
    assert run("import", *names, "--project", "news").exit_code == 0

    synced = run("sync", "--project", "news")
    checked = run("check", "--project", "news")

    assert synced.exit_code == 0, synced.output
    assert synced.stderr == ""  # no warning about any of the imported articles
    assert "7 articles" in synced.stdout
    assert checked.exit_code == 0, checked.output
    assert "page-script" not in checked.stdout
    assert checked.stdout.endswith(
        "0 errors, 0 warnings, 0 info in 14 catalogs (0 entries checked, 0 fuzzy skipped)"
        " and 24 pages\n"
    ), checked.stdout


@pytest.mark.parametrize("page", BAD, ids=[page.name for page in BAD])
def test_a_page_without_an_article_is_refused(page: Path, news: Path) -> None:
    result = run("import", copy_page(page, news), "--project", "news")

    assert result.exit_code == 2
    assert result.stderr == (DATA / "bad" / f"{page.stem}.expected.err").read_text("utf-8")
    assert result.stdout == ""
    assert list((news / "content").iterdir()) == []


def test_an_existing_article_is_never_replaced_without_force(news: Path) -> None:
    name = copy_page(DATA / "ru-capture.txt", news)
    assert run("import", name, "--project", "news").exit_code == 0
    target = news / "content" / "obyavlen-konkurs-molodezhnykh-proektov-shos.md"
    target.write_text(target.read_text("utf-8") + "\nA line an editor added.\n", "utf-8")
    before = snapshot(news)

    again = run("import", name, "--project", "news")

    assert again.exit_code == 2
    assert again.stderr == (
        "error: content/obyavlen-konkurs-molodezhnykh-proektov-shos.md: exists already"
        " (imported from ru-capture.txt); nothing was written; pass --force to replace it,"
        " or --slug NAME to import it under another name\n"
    )
    assert snapshot(news) == before

    forced = run("import", name, "--project", "news", "--force")

    assert forced.exit_code == 0
    assert target.read_text("utf-8") == (DATA / "ru-capture.expected.md").read_text("utf-8")


def test_an_article_of_the_same_slug_in_another_format_is_never_replaced(news: Path) -> None:
    name = copy_page(DATA / "zh-capture.txt", news)
    (news / "content" / "zh-capture.txt").write_text("Title\n\nText.\n", "utf-8")
    before = snapshot(news)

    result = run("import", name, "--project", "news", "--force")

    assert result.exit_code == 2
    assert result.stderr == (
        "error: content/zh-capture.txt: an article with the slug 'zh-capture' exists already"
        " (imported from zh-capture.txt); import it under another name with --slug NAME\n"
    )
    assert snapshot(news) == before


def test_one_bad_page_among_good_ones_writes_nothing(news: Path) -> None:
    good = copy_page(DATA / "en-portal.html", news)
    bad = copy_page(DATA / "bad" / "no-date.txt", news)

    result = run("import", good, bad, "--project", "news")

    assert result.exit_code == 2
    assert result.stderr.startswith("error: no-date.txt: no article found: ")
    assert list((news / "content").iterdir()) == []


def test_two_pages_giving_one_slug_write_nothing(news: Path) -> None:
    first = copy_page(DATA / "en-capture.txt", news)
    second = copy_page(DATA / "en-capture.txt", news, "copy.txt")

    result = run("import", first, second, "--project", "news")

    assert result.exit_code == 2
    assert result.stderr == (
        "error: copy.txt: gives the slug 'youth-forum-of-sco-countries-opens-in-qingdao' that"
        " en-capture.txt gives too; import it on its own with --slug NAME\n"
    )
    assert list((news / "content").iterdir()) == []


def test_slug_names_the_article(news: Path) -> None:
    name = copy_page(DATA / "zh-portal.html", news)

    result = run("import", name, "--project", "news", "--slug", "agriculture-forum-2021")

    assert result.exit_code == 0
    assert result.stdout.startswith(
        "imported zh-portal.html as content/agriculture-forum-2021.md (zh): kept 11 pieces,"
    )
    text = (news / "content" / "agriculture-forum-2021.md").read_text("utf-8")
    assert "\nslug: agriculture-forum-2021\n" in text
    assert run("import", name, name, "--project", "news", "--slug", "x").stderr == (
        "error: --slug names one article; import one page at a time with it\n"
    )
    outside = run("import", name, "--project", "news", "--slug", "../../escaped")
    assert (outside.exit_code, outside.stderr) == (
        2,
        "error: --slug '../../escaped' is not a slug; use letters, digits, '.', '_' and '-'"
        " (starting with a letter or a digit)\n",
    )
    assert sorted(path.name for path in (news / "content").iterdir()) == [
        "agriculture-forum-2021.md"
    ]


def test_json_report(news: Path) -> None:
    name = copy_page(DATA / "ru-capture.txt", news)

    result = run("import", name, "--project", "news", "--format", "json")

    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "page": "ru-capture.txt",
            "path": "content/obyavlen-konkurs-molodezhnykh-proektov-shos.md",
            "slug": "obyavlen-konkurs-molodezhnykh-proektov-shos",
            "lang": "ru",
            "title": "Объявлен конкурс молодёжных проектов ШОС",
            "date": "2021-04-22 12:30",
            "source_url": None,
            "unit": "line",
            "kept": 10,
            "dropped": 15,
            "ranges": [
                {"first": 1, "last": 5, "count": 5, "kept": False, "reason": "before the title"},
                {"first": 6, "last": 6, "count": 1, "kept": True, "reason": "title"},
                {"first": 7, "last": 7, "count": 1, "kept": True, "reason": "date"},
                {"first": 9, "last": 20, "count": 8, "kept": True, "reason": "article"},
                {
                    "first": 22,
                    "last": 26,
                    "count": 4,
                    "kept": False,
                    "reason": "after the article's last sentence",
                },
                {
                    "first": 27,
                    "last": 29,
                    "count": 3,
                    "kept": False,
                    "reason": "list of other articles",
                },
                {"first": 31, "last": 33, "count": 3, "kept": False, "reason": "footer"},
            ],
        }
    ]


def test_a_line_in_another_script_inside_the_article_is_dropped_and_reported(
    news: Path,
) -> None:
    page = news.parent / "mixed.txt"
    page.write_text(
        "SCO experts meet in Almaty\n2021-05-04\n\nThe experts met in Almaty.\n"
        "Версия для печати\nThey agreed on a plan.\n",
        encoding="utf-8",
    )

    result = run("import", "mixed.txt", "--project", "news")

    assert result.stdout == (
        "imported mixed.txt as content/sco-experts-meet-in-almaty.md (en): kept 4 lines,"
        " dropped 1 line\n"
        "  1         kept     title\n"
        "  2         kept     date\n"
        "  4         kept     article\n"
        "  5         dropped  in another script than the article (Cyrillic)\n"
        "  6         kept     article\n"
    )


def test_html_is_imported_without_the_network(
    news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("import tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    name = copy_page(DATA / "en-portal.html", news)

    assert run("import", name, "--project", "news").exit_code == 0


def test_a_missing_page_and_an_unknown_format_are_named(news: Path) -> None:
    (news.parent / "page.pdf").write_bytes(b"%PDF-1.4\n")

    missing = run("import", "gone.txt", "--project", "news")
    pdf = run("import", "page.pdf", "--project", "news")

    assert (missing.exit_code, missing.stderr) == (
        2,
        "error: gone.txt: cannot read the page: No such file or directory\n",
    )
    assert (pdf.exit_code, pdf.stderr) == (
        2,
        "error: page.pdf: cannot import '.pdf' files; import a page saved as .html, .htm,"
        " .txt\n",
    )


def test_a_page_saved_on_one_line_is_counted_in_pieces_of_text(news: Path) -> None:
    (news.parent / "one-line.html").write_text(
        '<html><head><title>Experts meet in Almaty</title></head><body><nav><a href="/">Home'
        '</a> <a href="/news/">News</a></nav><h1>Experts meet in Almaty</h1><div class="date">'
        '04.05.2021 10:00</div><div class="text"><p>The experts of the SCO member states met'
        " in Almaty to discuss cooperation in the field of tourism.</p><p>They agreed on a plan"
        " of joint events for the coming year and on the next meeting in Bishkek.</p></div>"
        '<div class="share">Share: <a href="#">Telegram</a></div><footer>© 2021 Example News'
        "</footer></body></html>",
        encoding="utf-8",
    )

    result = run("import", "one-line.html", "--project", "news")

    assert result.stdout == (
        "imported one-line.html as content/experts-meet-in-almaty.md (en): kept 4 pieces,"
        " dropped 5 pieces\n"
        "  1         dropped  outside the main content (2 pieces)\n"
        "  1         kept     title\n"
        "  1         kept     date\n"
        "  1         kept     article (2 pieces)\n"
        "  1         dropped  outside the main content (3 pieces)\n"
    )
