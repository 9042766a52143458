"""Nothing of the article lost on the way in: inline links and emphasis kept as Markdown,
the right title when the date is printed above it, and no media fallback text."""

from __future__ import annotations

from pathlib import Path

from i18n_kit.importing import import_page
from i18n_kit.segments import segment_article
from i18n_kit.sources import parse_article

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - SCO News</title>
<link rel="canonical" href="https://news.example.org/en/2026/05/{slug}">
</head><body>
<nav><ul><li><a href="/en/">Home</a></li><li><a href="/en/news/">News</a></li></ul></nav>
<main><article>
{header}
{body}
</article></main>
<footer>© 2026 news.example.org</footer>
</body></html>
"""


def page(tmp_path: Path, body: str, *, header: str | None = None, slug: str = "a") -> Path:
    title = "Ministers meet in Astana"
    path = tmp_path / f"{slug}.html"
    path.write_text(
        PAGE.format(
            title=title, slug=slug, body=body,
            header=header or f"<h1>{title}</h1>\n<p>20.05.2026 10:30</p>",
        ),
        encoding="utf-8",
    )
    return path


def body_of(markdown: str) -> str:
    return markdown.split("---\n", 2)[2].strip()


def test_links_and_emphasis_are_kept_as_markdown(tmp_path: Path) -> None:
    path = page(tmp_path, (
        '<p>The ministers adopted the <strong>joint statement</strong> and the <em>plan of'
        ' action</em> for 2026-2027, published on the <a href="/en/documents/">SCO'
        ' website</a>.</p>\n'
        '<p>The text is also on the <a href="https://www.un.org/">UN website</a> in'
        ' six languages, among them Russian and Chinese.</p>\n'
        "<p>Their next meeting will be held in Bishkek in 2027, the ministers said.</p>"
    ))
    article = import_page(path, origin="a.html")
    assert body_of(article.markdown) == (
        "The ministers adopted the **joint statement** and the *plan of action* for"
        " 2026-2027, published on the [SCO website](https://news.example.org/en/documents/).\n"
        "\n"
        "The text is also on the [UN website](https://www.un.org/) in six languages, among"
        " them Russian and Chinese.\n"
        "\n"
        "Their next meeting will be held in Bishkek in 2027, the ministers said."
    )
    # the segments translators get carry the markup, as any Markdown article's do
    parsed = parse_article(article.markdown, origin="content/a.md", suffix=".md",
                           default_lang="en")
    assert [s.text for s in segment_article(parsed)][1] == (
        "The ministers adopted the **joint statement** and the *plan of action* for"
        " 2026-2027, published on the [SCO website](https://news.example.org/en/documents/)."
    )


def test_plain_text_is_still_escaped_next_to_a_link(tmp_path: Path) -> None:
    path = page(tmp_path, (
        '<p>2021. A year of *firsts*: see the <a href="https://x.example/">report</a>'
        " of the Secretariat for the details of each event.</p>"
    ))
    assert body_of(import_page(path, origin="a.html").markdown) == (
        "2021\\. A year of \\*firsts\\*: see the [report](https://x.example/) of the"
        " Secretariat for the details of each event."
    )


def test_media_fallback_text_is_not_offered_for_translation(tmp_path: Path) -> None:
    path = page(tmp_path, (
        "<p>The ministers adopted the joint statement after a long discussion of regional"
        " security.</p>\n"
        '<video src="meeting.mp4" controls><p>Your browser does not support the video'
        " element.</p></video>\n"
        '<audio src="speech.mp3">Download the speech of the Secretary-General.</audio>\n'
        '<object data="map.swf"><p>The map needs a plug-in that is no longer supported.</p>'
        "</object>\n"
        "<p>Their next meeting will be held in Bishkek in 2027, the ministers said.</p>"
    ))
    article = import_page(path, origin="a.html")
    assert body_of(article.markdown) == (
        "The ministers adopted the joint statement after a long discussion of regional"
        " security.\n"
        "\n"
        "Their next meeting will be held in Bishkek in 2027, the ministers said."
    )
    dropped = [part for part in article.ranges if not part.kept]
    assert sum(part.count for part in dropped) >= 3 + 3  # the chrome, and the 3 fallbacks


def test_a_capture_with_the_date_above_the_title_gets_the_right_title(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Home\nNews\nDocuments\n20.05.2026 10:30\nMinisters meet in Astana\n\n"
        "The ministers of foreign affairs of the SCO member states met in Astana.\n"
        "Their next meeting will be held in Bishkek in 2027.\nPrint\n",
        encoding="utf-8",
    )
    article = import_page(path, origin="page.txt")
    assert (article.title, str(article.date)) == (
        "Ministers meet in Astana", "2026-05-20 10:30:00"
    )
    assert [(part.first, part.last, part.reason) for part in article.ranges] == [
        (1, 3, "before the title"), (4, 4, "date"), (5, 5, "title"), (7, 8, "article"),
        (9, 9, "after the article's last sentence"),
    ]


def test_the_title_after_the_date_line_still_wins_in_an_ordinary_capture(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Home\nMinisters meet in Astana\n20.05.2026 10:30\n"
        "The ministers of foreign affairs of the SCO member states met in Astana.\n",
        encoding="utf-8",
    )
    assert import_page(path, origin="page.txt").title == "Ministers meet in Astana"


def test_an_html_page_with_the_date_above_the_title(tmp_path: Path) -> None:
    path = page(
        tmp_path,
        "<p>The ministers of foreign affairs of the SCO member states met in Astana"
        " to prepare the summit.</p>",
        header="<p>20.05.2026 10:30</p>\n<h1>Ministers meet in Astana</h1>",
    )
    article = import_page(path, origin="a.html")
    assert (article.title, str(article.date)) == (
        "Ministers meet in Astana", "2026-05-20 10:30:00"
    )
    assert body_of(article.markdown) == (
        "The ministers of foreign affairs of the SCO member states met in Astana to prepare"
        " the summit."
    )


def test_a_short_chinese_page_keeps_its_paragraphs(tmp_path: Path) -> None:
    """trafilatura reads some short Chinese articles as the page's bare text (title, date
    and paragraphs in one block); the importer then asks for its precise reading."""
    from tests.align.pages import ARTICLES, page_html

    slug, date, versions = ARTICLES[0]
    html = page_html("zh", slug, date, *versions["zh"])
    html = html.replace('<p class="date">20.05.2026 10:30</p>', "<time>20.05.2026 10:30</time>")
    path = tmp_path / "zh.html"
    path.write_text(html, encoding="utf-8")
    article = import_page(path, origin="zh.html")
    assert article.title == "上合组织青年论坛在阿斯塔纳开幕"
    assert body_of(article.markdown).split("\n\n") == versions["zh"][1]
