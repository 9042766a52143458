"""i18n-kit import with published translations: aligned into the article's catalogs,
marked, low confidence fuzzy; kept by sync; bad translations refused with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_kit.catalogs.po import read_catalog
from tests.align.pages import page_html, write_pages
from tests.cli.conftest import run, snapshot

CONFIG = '[project]\nname = "news"\nsource_language = "en"\nlocales = ["en", "ru", "zh"]\n'
SLUG = "youth-forum-of-the-sco-opens-in-astana"
RU_PO = f"locales/ru/LC_MESSAGES/articles/{SLUG}.po"
ZH_PO = f"locales/zh/LC_MESSAGES/articles/{SLUG}.po"


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project in tmp_path/news, the captured pages in tmp_path/pages (the cwd)."""
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    write_pages(tmp_path / "pages")
    monkeypatch.chdir(tmp_path)
    return root


def import_forum(*extra: str) -> list[str]:
    result = run("import", "pages/en/youth-forum.html", "--translation",
                 "ru=pages/ru/youth-forum.html", "--translation", "zh=pages/zh/youth-forum.html",
                 "--project", "news", *extra)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout.splitlines()


def entries(path: Path) -> dict[str, tuple[str, bool, str]]:
    return {
        entry.msgid: (entry.msgstr, entry.fuzzy, entry.comment)
        for entry in read_catalog(path) if entry.msgid and not entry.obsolete
    }


def test_translations_fill_the_catalogs_marked_and_fuzzy_when_unsure(news: Path) -> None:
    lines = import_forum()
    assert lines[-2:] == [
        f"  aligned pages/ru/youth-forum.html (ru) into {RU_PO}: 11 of 13 segments published,"
        " 1 fuzzy to review; 0 sentences of the translation unpaired",
        f"  aligned pages/zh/youth-forum.html (zh) into {ZH_PO}: 12 of 13 segments published,"
        " 0 fuzzy to review; 0 sentences of the translation unpaired",
    ]
    ru = entries(news / RU_PO)
    assert ru["Youth forum of the SCO opens in Astana"] == (
        "В Астане открылся Молодёжный форум ШОС", False,
        "route: aligned (published page pages/ru/youth-forum.html, confidence 1.00)",
    )
    # one Russian sentence for two English ones: on the first, fuzzy; the second is empty
    merged = ru["The forum brought together 250 delegates from 18 countries."]
    assert merged[:2] == (
        "Форум собрал 250 делегатов из 18 стран; участники обсудили сотрудничество между"
        " университетами.",
        True,
    )
    assert merged[2].endswith("; it translates this sentence and the next one: split it)")
    assert ru["The participants discussed cooperation among universities."][0] == ""
    zh = entries(news / ZH_PO)
    assert zh["The next forum will be held in Bishkek in 2027."][0] == (
        "下一届论坛将于2027年在比什凯克举行。"
    )
    # the Chinese page does not have this sentence (its paragraph merged two)
    assert sum(1 for text, _fuzzy, _note in zh.values() if not text) == 1


def test_sync_keeps_the_aligned_translations_and_publishes_them(news: Path) -> None:
    import_forum()
    before = (news / RU_PO).read_bytes()
    assert run("sync", "--project", "news").exit_code == 0
    after = entries(news / RU_PO)
    aligned = {k: v for k, v in entries_of(before).items() if v[0]}
    assert len(aligned) == 12
    for msgid, (text, fuzzy, note) in aligned.items():
        assert after[msgid][:2] == (text, fuzzy)
        assert note in after[msgid][2]
    # the sentence the Russian merged away is routed as usual: the memory, made of the
    # aligned pairs, offers a close match for review
    assert after["The participants discussed cooperation among universities."][1] is True
    page = (news / "site" / "ru" / f"{SLUG}.html").read_text(encoding="utf-8")
    page = page.replace("\u00a0", " ").replace("\u202f", " ")
    assert "В Астане открылся Молодёжный форум ШОС" in page
    assert "Форум собрал 250 делегатов" not in page  # fuzzy: not published unseen
    check = run("check", "--project", "news")
    assert check.exit_code == 0, check.stdout
    assert "0 errors, 0 warnings" in check.stdout


def entries_of(data: bytes) -> dict[str, tuple[str, bool, str]]:
    from i18n_kit.catalogs.po import decode_catalog

    return {
        entry.msgid: (entry.msgstr, entry.fuzzy, entry.comment)
        for entry in decode_catalog(data, origin="x.po") if entry.msgid and not entry.obsolete
    }


def test_a_catalog_that_exists_keeps_its_translations(news: Path) -> None:
    import_forum()
    path = news / RU_PO
    text = path.read_text(encoding="utf-8").replace(
        'msgstr "Следующий форум пройдёт в Бишкеке в 2027 году."',
        'msgstr "Следующий форум состоится в Бишкеке в 2027 году."',
    )
    path.write_text(text, encoding="utf-8")
    lines = import_forum("--force")
    assert "11 of 13 segments published" not in lines[-2]
    assert lines[-2].endswith("0 fuzzy to review, 12 kept as they were;"
                              " 0 sentences of the translation unpaired")
    assert entries(path)["The next forum will be held in Bishkek in 2027."][0] == (
        "Следующий форум состоится в Бишкеке в 2027 году."
    )


def test_a_folder_pairs_pages_by_address_and_reports_the_rest(news: Path) -> None:
    other = page_html("ru", "unrelated", "2026-06-01", "Выставка открылась в Пекине",
                      ["1 июня 2026 года в Пекине открылась выставка.",
                       "На выставке было представлено более 300 работ художников из 10 стран.",
                       "Выставка будет открыта до 30 июня."])
    Path("pages/ru/unrelated.html").write_text(other, encoding="utf-8")
    result = run("import", "pages", "--project", "news")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum(1 for line in lines if line.startswith("  aligned ")) == 4
    assert lines[-1] == (
        "not paired: pages/ru/unrelated.html (ru, 'Выставка открылась в Пекине'):"
        " no page in en has its address or its date"
    )
    assert not (news / "content" / "unrelated.md").exists()
    assert len(list((news / "content").iterdir())) == 2


@pytest.mark.parametrize(
    ("translation", "line"),
    [
        ("ru=pages/ru/secretary-general-meets-ambassador.html",
         "error: pages/ru/secretary-general-meets-ambassador.html: is not a translation of"
         " pages/en/youth-forum.html: only 0% of the sentences pair up with something in"
         " common (at least 50% expected)"),
        ("ru=pages/zh/youth-forum.html",
         "error: pages/zh/youth-forum.html: is in Chinese (zh), not Russian (ru) as given;"
         " is it the right file?"),
        ("fr=pages/ru/youth-forum.html",
         "error: --translation 'fr=pages/ru/youth-forum.html': 'fr' is not one of the"
         " project's locales (en, ru, zh)"),
    ],
)
def test_a_wrong_translation_is_one_line_and_nothing_is_written(
    news: Path, translation: str, line: str
) -> None:
    before = snapshot(news)
    result = run("import", "pages/en/youth-forum.html", "--translation", translation,
                 "--project", "news")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line + "\n")
    assert snapshot(news) == before


def test_pages_without_an_address_are_paired_by_date_and_text(news: Path) -> None:
    """Both articles of the same day and no address: the text decides."""
    for page in Path("pages").rglob("*.html"):
        text = page.read_text(encoding="utf-8").replace("21.05.2026 10:30", "20.05.2026 10:30")
        page.write_text(
            "\n".join(line for line in text.splitlines() if 'rel="canonical"' not in line),
            encoding="utf-8",
        )
    result = run("import", "pages", "--project", "news", "--format", "json")
    assert result.exit_code == 0, result.stderr
    import json

    report = json.loads(result.stdout)
    assert [
        (item["slug"], [(t["locale"], t["page"]) for t in item["translations"]])
        for item in report
    ] == [
        ("sco-secretary-general-meets-the-ambassador-of-pakistan", [
            ("ru", "pages/ru/secretary-general-meets-ambassador.html"),
            ("zh", "pages/zh/secretary-general-meets-ambassador.html"),
        ]),
        ("youth-forum-of-the-sco-opens-in-astana", [
            ("ru", "pages/ru/youth-forum.html"), ("zh", "pages/zh/youth-forum.html"),
        ]),
    ]
    assert report[1]["translations"][0] == {
        "page": "pages/ru/youth-forum.html", "locale": "ru", "path": RU_PO, "segments": 13,
        "published": 11, "fuzzy": 1, "kept": 0, "unpaired": 0,
    }


def test_a_translation_captured_as_text(news: Path) -> None:
    """A translation saved as text from the browser is read as import reads captures:
    its menu, clock and footer are not sentences of the translation."""
    from tests.align.pages import ARTICLES

    _slug, _date, versions = ARTICLES[0]
    title, paragraphs = versions["ru"]
    Path("ru.txt").write_text(
        "\n".join(["Главная", "Новости", "09:40 Пекин", title, "20.05.2026 10:30", "",
                   *paragraphs, "Версия для печати", "© 2026 news.example.org"]) + "\n",
        encoding="utf-8",
    )
    result = run("import", "pages/en/youth-forum.html", "--translation", "ru=ru.txt",
                 "--project", "news")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        f"  aligned ru.txt (ru) into {RU_PO}: 11 of 13 segments published, 1 fuzzy to review;"
        " 0 sentences of the translation unpaired"
    )


def test_a_page_given_by_absolute_path_is_noted_by_its_file_name(
    news: Path, tmp_path: Path
) -> None:
    page = tmp_path / "pages" / "ru" / "youth-forum.html"
    result = run("import", "pages/en/youth-forum.html", "--translation", f"ru={page}",
                 "--project", "news")
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    ru = entries(news / RU_PO)
    assert ru["Youth forum of the SCO opens in Astana"][2] == (
        "route: aligned (published page youth-forum.html, confidence 1.00)"
    )
    assert str(tmp_path) not in (news / RU_PO).read_text(encoding="utf-8")
