"""Main-content extractors on saved news pages: trafilatura against readability-lxml and
jusText, and i18n-kit import (trafilatura + our rules) on top.

Run from the repository root: ``python benchmarks/html_extractors.py`` (needs the
``bench`` extra: readability-lxml, justext). The pages are our own layouts in
``tests/data/importing/*.html`` (EN/RU/ZH: a semantic HTML5 page, an old table layout,
a news agency, a Chinese portal); what each page's article is comes from the reviewed
``<page>.expected.md`` beside it. For each page and tool the table gives the article
paragraphs found, the chrome text leaked (menus, clocks, polls, share and comment
widgets, other news, footers: the page's text nodes that are not the article), and the
time per page as a ratio to trafilatura alone.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import justext
import lxml.html
import trafilatura
from readability import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from i18n_kit.importing import import_page  # noqa: E402
from i18n_kit.importing.html import read_page_pieces  # noqa: E402
from i18n_kit.importing.lines import read_date  # noqa: E402
from i18n_kit.importing.text import split_marker  # noqa: E402
from i18n_kit.sources.markdown import parse_markdown, visible_text  # noqa: E402

DATA = ROOT / "tests" / "data" / "importing"
STOPLISTS = {"en": "English", "ru": "Russian"}  # jusText has no Chinese stoplist
REPEAT = 10

Extractor = Callable[[Path], str]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def trafilatura_alone(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def readability_lxml(page: Path) -> str:
    summary = Document(page.read_text(encoding="utf-8")).summary()
    return str(lxml.html.fromstring(summary).text_content())


def justext_default(page: Path) -> str:
    language = STOPLISTS.get(page.name[:2])
    stoplist = justext.get_stoplist(language) if language else frozenset()
    paragraphs = justext.justext(page.read_bytes(), stoplist, encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def justext_short(page: Path) -> str:
    # Our paragraphs are news paragraphs (60-200 characters): lower jusText's lengths.
    language = STOPLISTS.get(page.name[:2])
    stoplist = justext.get_stoplist(language) if language else frozenset()
    paragraphs = justext.justext(
        page.read_bytes(), stoplist, length_low=30, length_high=100, encoding="utf-8"
    )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def i18n_kit_import(page: Path) -> str:
    article = import_page(page, origin=page.name)
    blocks = parse_markdown(article.markdown, origin="a.md", default_lang="en").blocks
    return "\n".join(visible_text(block.text) for block in blocks[1:])


TOOLS: dict[str, Extractor] = {
    "trafilatura 2 (alone)": trafilatura_alone,
    "readability-lxml": readability_lxml,
    "jusText (default settings)": justext_default,
    "jusText (lengths 30/100)": justext_short,
    "i18n-kit import (trafilatura + rules)": i18n_kit_import,
}


def expected_article(page: Path) -> tuple[list[str], set[str]]:
    """The article's paragraphs, and the texts of its header (title, date line)."""
    markdown = (DATA / f"{page.stem}.expected.md").read_text(encoding="utf-8")
    article = parse_markdown(markdown, origin="a.md", default_lang="en")
    header = {article.title}
    for piece in read_page_pieces(page.read_text(encoding="utf-8")):
        date = read_date(piece.text)
        if date is not None and article.date is not None and date == article.date:
            header.add(piece.text)
    return [_normal(visible_text(b.text)) for b in article.blocks[1:]], header


def chrome_pieces(page: Path, article: list[str], header: set[str]) -> set[str]:
    """The page's text that is neither the article nor its header (list markers aside)."""
    whole = " ".join(article)
    chrome = set()
    for piece in read_page_pieces(page.read_text(encoding="utf-8")):
        text = split_marker(piece.text)[1]
        if len(text) > 2 and text not in whole and piece.text not in header:
            chrome.add(piece.text)
    return chrome


def metadata_table(pages: list[Path]) -> None:
    """Title, date and address each tool finds, against the reviewed front matter."""
    print("| tool | title | date | original address |")
    print("|---|---|---|---|")
    found = {"trafilatura 2": [0, 0, 0], "readability-lxml": [0, 0, 0]}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = parse_markdown(
            (DATA / f"{page.stem}.expected.md").read_text(encoding="utf-8"),
            origin="a.md",
            default_lang="en",
        )
        document = trafilatura.bare_extraction(html, with_metadata=True)
        url = expected.meta.get("source_url")
        day = str(expected.date)[:10]
        found["trafilatura 2"][0] += document.title == expected.title
        found["trafilatura 2"][1] += document.date == day
        found["trafilatura 2"][2] += document.url == url
        found["readability-lxml"][0] += Document(html).short_title() == expected.title
    for name, (title, date, url) in found.items():
        print(f"| {name} | {title}/{len(pages)} | {date}/{len(pages)} | {url}/{len(pages)} |")
    print()


def main() -> None:
    pages = sorted(DATA.glob("*.html"))
    metadata_table(pages)
    print("| page | tool | article paragraphs found | chrome pieces leaked | ms per page |")
    print("|---|---|---|---|---|")
    totals: dict[str, list[float]] = {name: [0, 0, 0, 0, 0.0] for name in TOOLS}
    for page in pages:
        article, header = expected_article(page)
        chrome = chrome_pieces(page, article, header)
        for name, tool in TOOLS.items():
            started = time.perf_counter()
            for _ in range(REPEAT):
                output = _normal(tool(page))
            seconds = (time.perf_counter() - started) / REPEAT
            totals[name][4] += seconds
            found = sum(line in output for line in article)
            leaked = sorted(piece for piece in chrome if piece in output)
            if leaked and "-v" in sys.argv:
                print(f"<!-- {page.name} {name}: {leaked} -->")
            totals[name][0] += found
            totals[name][1] += len(article)
            totals[name][2] += len(leaked)
            totals[name][3] += len(chrome)
            print(
                f"| {page.name} | {name} | {found}/{len(article)} | {len(leaked)}/{len(chrome)}"
                f" | {seconds * 1000:.1f} |"
            )
    base = totals["trafilatura 2 (alone)"][4]
    for name, (found, total, leaked, chrome_total, seconds) in totals.items():
        print(
            f"| all | {name} | {found:.0f}/{total:.0f} | {leaked:.0f}/{chrome_total:.0f}"
            f" | {seconds * 1000 / len(pages):.1f} ({seconds / base:.2f}× trafilatura) |"
        )


if __name__ == "__main__":
    main()
