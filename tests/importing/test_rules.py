"""The import rules, one line at a time: date lines, clocks, sentence ends, scripts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from i18n_kit.errors import SourceError
from i18n_kit.importing import import_page
from i18n_kit.importing.lines import (
    PageLine,
    ends_sentence,
    in_other_script,
    is_clock,
    read_date,
)
from i18n_kit.importing.rules import find_article

D = dt.datetime


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("18.11.2020 17:07", D(2020, 11, 18, 17, 7)),
        ("18.11.2020", dt.date(2020, 11, 18)),
        ("2020-11-18", dt.date(2020, 11, 18)),
        ("2020/11/18 09:05", D(2020, 11, 18, 9, 5)),
        ("2020年11月18日 17:07", D(2020, 11, 18, 17, 7)),
        ("发布时间：2021-06-08 10:05", D(2021, 6, 8, 10, 5)),
        ("2021-06-08 10:05 来源：示例新闻网", D(2021, 6, 8, 10, 5)),
        ("18 November 2020", dt.date(2020, 11, 18)),
        ("November 18, 2020 17:07", D(2020, 11, 18, 17, 7)),
        ("18 ноября 2020 г., 17:07", D(2020, 11, 18, 17, 7)),
        ("Published: 18.11.2020", dt.date(2020, 11, 18)),
        ("31.02.2020", None),  # no such day: not a date line
        ("On 18.11.2020 the leaders met in Moscow.", None),
        ("18.11.2020 the leaders met in Moscow and adopted a declaration on it.", None),
        ("Summit ends", None),
    ],
)
def test_date_lines(line: str, date: dt.date | None) -> None:
    assert read_date(line) == date


def test_clocks_sentence_ends_and_scripts() -> None:
    assert [is_clock(t) for t in ("12:36Abu Dhabi", "10:15Москва", "北京时间 16:20")] == [
        True,
        True,
        True,
    ]
    assert not is_clock("At 12:36 the talks began.")
    assert [ends_sentence(t) for t in ("Met.", "Agreed!»", "开幕。", "“好。”", "Print")] == [
        True,
        True,
        True,
        True,
        False,
    ]
    assert in_other_script("Партнеры по диалогу:", "Latin")
    assert not in_other_script("The SCO (ШОС) met.", "Latin")
    assert in_other_script("Copyright Example News", "Han")
    assert not in_other_script("上合组织（SCO）秘书处", "Han")


def test_the_address_a_browser_wrote_is_the_source_url(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text(
        "<!-- saved from url=(0034)https://news.example.org/en/n/42 -->\n<html><body>"
        "<h1>Experts meet in Almaty</h1><p>04.05.2021 10:00</p><div><p>The experts of the "
        "SCO member states met in Almaty to discuss cooperation in the field of tourism and "
        "agreed on a plan of joint events for the coming year.</p></div></body></html>",
        encoding="utf-8",
    )

    article = import_page(page, origin="saved.html")

    assert (article.title, article.url, article.date) == (
        "Experts meet in Almaty",
        "https://news.example.org/en/n/42",
        D(2021, 5, 4, 10, 0),
    )
    assert "\nsource_url: https://news.example.org/en/n/42\n" in article.markdown


def test_lang_overrides_the_title_script(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("SCO\n2021-05-04\n\n上合组织专家在阿拉木图举行会议。\n", encoding="utf-8")

    with pytest.raises(SourceError, match="follows the title 'SCO'"):
        import_page(page, origin="page.txt")  # read as English, the Chinese line is chrome
    article = import_page(page, origin="page.txt", lang="zh")

    assert (article.lang, article.slug) == ("zh", "sco")
    with pytest.raises(SourceError, match="^unknown lang 'fr'; expected one of en, ru, zh$"):
        import_page(page, origin="page.txt", lang="fr")


def test_a_page_in_the_encoding_it_declares_is_read(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Эксперты встретились в Алматы</title></head><body>"
        "<h1>Эксперты встретились в Алматы</h1><p>04.05.2021 10:00</p><div><p>Эксперты "
        "государств – членов ШОС обсудили в Алматы сотрудничество в области туризма и "
        "согласовали план совместных мероприятий на следующий год.</p></div></body></html>"
    )
    page = tmp_path / "cp1251.html"
    page.write_bytes(html.encode("cp1251"))
    bad = tmp_path / "bad.html"
    bad.write_bytes(html.replace("windows-1251", "utf-8").encode("cp1251"))

    article = import_page(page, origin="cp1251.html")

    assert (article.lang, article.slug) == ("ru", "eksperty-vstretilis-v-almaty")
    assert "согласовали план совместных мероприятий" in article.markdown
    with pytest.raises(SourceError) as error:
        import_page(bad, origin="bad.html")
    assert str(error.value).startswith("bad.html:1: not valid UTF-8 (byte 0x")


def lines_of(*texts: str) -> list[PageLine]:
    return [PageLine(text=text, line=number) for number, text in enumerate(texts, 1)]


def test_a_photo_credit_is_dropped_and_the_footer_still_ends_the_article() -> None:
    paragraph = (
        "The delegations discussed the preparation of the meeting of the Council of Heads"
        " of State and agreed on its agenda."
    )
    found = find_article(
        lines_of(
            "Ministers meet in Dushanbe",
            "2021-05-04",
            "The ministers met in Dushanbe.",
            "© SCO Secretariat",
            paragraph,
            "Share",
            "© 2021 Example News. All rights reserved.",
            "The portal is registered by the press regulator under number 123.",
        ),
        origin="page.txt",
    )

    assert [(v.line.line, v.kept, v.reason) for v in found.verdicts] == [
        (1, True, "title"),
        (2, True, "date"),
        (3, True, "article"),
        (4, False, "credit line (©)"),
        (5, True, "article"),
        (6, False, "after the article's last sentence"),
        (7, False, "footer"),
        (8, False, "footer"),
    ]


def test_a_footer_without_a_year_ends_the_article_when_no_paragraph_follows() -> None:
    found = find_article(
        lines_of(
            "上合组织论坛开幕",
            "2021-06-08",
            "论坛在西安开幕。",
            "版权所有 © 示例新闻网",
            "未经授权禁止转载。",
        ),
        origin="page.txt",
    )

    assert [v.reason for v in found.verdicts] == ["title", "date", "article", "footer", "footer"]
