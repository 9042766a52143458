"""A title or date change re-makes only the pages that show it; the paginated news index.

Twelve articles, one a day from 1 to 12 March 2024 (m01 the oldest), five to an index
page: index.html lists m12..m08, index-2.html m07..m03, index-3.html m02 and m01.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import run, snapshot

CONFIG = """\
[project]
name = "newsroom"
source_language = "en"
locales = ["en", "ru", "zh"]

[build]
page_size = 5
"""

PLACES = ["Astana", "Beijing", "Bishkek", "Dushanbe", "Islamabad", "Minsk", "Moscow",
          "New Delhi", "Qingdao", "Samarkand", "Tashkent", "Tehran"]


def article(day: int, *, title: str = "", date: str = "") -> str:
    place = PLACES[day - 1]
    return (
        "---\n"
        f"title: {title or f'SCO experts meet in {place}'}\n"
        f"date: {date or f'2024-03-{day:02d}'}\n"
        f"slug: m{day:02d}\n"
        "---\n\n"
        f"Experts of the SCO member states held consultations in {place} on {day} March 2024. "
        "The parties discussed cooperation in transport and energy.\n"
    )


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    for day in range(1, 13):
        (root / "content" / f"m{day:02d}.md").write_text(article(day), encoding="utf-8")
    result = run("sync", "--project", str(root))
    assert result.exit_code == 0, result.output
    return root


def changed_files(output: str) -> list[str]:
    return sorted(line.split(" ", 1)[1] for line in output.splitlines()
                  if line.startswith(("create ", "update ", "delete ")))


def pages(*slugs: str) -> list[str]:
    return [f"site/{code}/{slug}.html" for code in ("en", "ru", "zh") for slug in slugs]


def related(root: Path, slug: str) -> list[str]:
    page = (root / "site" / "en" / f"{slug}.html").read_text("utf-8")
    section = page[page.index('<section class="related">'):]
    return re.findall(r'<a href="(m\d\d)\.html"', section[: section.index("</section>")])


def same_as_cold_sync(root: Path, tmp_path: Path) -> None:
    """The site and catalogs equal those a sync from nothing makes of the same sources."""
    cold = tmp_path / "cold"
    shutil.copytree(root, cold)
    shutil.rmtree(cold / ".i18n-kit")
    shutil.rmtree(cold / "site")
    result = run("sync", "--project", str(cold))
    assert result.exit_code == 0, result.output
    for folder in ("site", "locales"):
        made = {p.relative_to(root).as_posix(): p.read_bytes()
                for p in sorted((root / folder).rglob("*")) if p.is_file()}
        fresh = {p.relative_to(cold).as_posix(): p.read_bytes()
                 for p in sorted((cold / folder).rglob("*")) if p.is_file()}
        assert made.keys() == fresh.keys()
        assert [name for name in made if made[name] != fresh[name]] == []


def test_related_news_are_the_five_published_before(archive: Path) -> None:
    assert related(archive, "m08") == ["m07", "m06", "m05", "m04", "m03"]
    # the oldest have fewer before them: the nearest newer ones make up the five
    assert related(archive, "m02") == ["m06", "m05", "m04", "m03", "m01"]
    assert related(archive, "m01") == ["m06", "m05", "m04", "m03", "m02"]


def test_corrected_title_reads_one_article_and_remakes_the_pages_showing_it(
    archive: Path, tmp_path: Path
) -> None:
    (archive / "content" / "m03.md").write_text(
        article(3, title="SCO transport experts meet in Bishkek"), encoding="utf-8")
    result = run("sync", "--project", str(archive))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "12 articles (1 read, 3 segments); 30 files written"
    assert changed_files(result.stdout) == sorted([
        "locales/templates/articles/m03.pot",
        "locales/ru/LC_MESSAGES/articles/m03.po",
        "locales/zh/LC_MESSAGES/articles/m03.po",
        *pages("m03"),
        # whose "Related news" lists m03: the five after it, and the two oldest
        *pages("m04", "m05", "m06", "m07", "m08", "m01", "m02"),
        "site/en/index-2.html", "site/ru/index-2.html", "site/zh/index-2.html",
    ])
    page = (archive / "site" / "ru" / "m05.html").read_text("utf-8")
    assert '<a href="m03.html" lang="en">SCO transport experts meet in Bishkek</a>' in page
    same_as_cold_sync(archive, tmp_path)


def test_moved_date_reads_one_article_and_matches_a_full_sync(
    archive: Path, tmp_path: Path
) -> None:
    (archive / "content" / "m03.md").write_text(article(3, date="2024-03-20"), encoding="utf-8")
    result = run("sync", "--project", str(archive))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("12 articles (1 read, ")
    assert related(archive, "m03") == ["m12", "m11", "m10", "m09", "m08"]
    same_as_cold_sync(archive, tmp_path)


def test_index_is_paginated_and_loses_pages_it_no_longer_fills(archive: Path) -> None:
    site = archive / "site" / "en"
    assert sorted(p.name for p in site.glob("index*.html")) == [
        "index-2.html", "index-3.html", "index.html"]
    second = (site / "index-2.html").read_text("utf-8")
    assert re.findall(r'<li><a href="(m\d\d)\.html"', second) == [
        "m07", "m06", "m05", "m04", "m03"]
    assert '<link rel="prev" href="index.html">' in second
    assert '<link rel="next" href="index-3.html">' in second
    assert '<link rel="alternate" hreflang="ru" href="../ru/index-2.html">' in second
    for day in (1, 2, 3):
        (archive / "content" / f"m{day:02d}.md").unlink()
    result = run("sync", "--project", str(archive))
    assert result.exit_code == 0, result.output
    # index.html: "Page 1 of 2" now
    assert sorted(line for line in result.stdout.splitlines() if "index" in line) == sorted(
        f"{verb} site/{code}/{name}" for verb, name in (
            ("delete", "index-3.html"), ("update", "index-2.html"), ("update", "index.html"))
        for code in ("en", "ru", "zh"))
    last = (site / "index-2.html").read_text("utf-8")
    assert 'rel="next"' not in last
    assert re.findall(r'<li><a href="(m\d\d)\.html"', last) == ["m07", "m06", "m05", "m04"]


def test_check_lists_the_same_pages_and_bad_input_leaves_every_page(archive: Path) -> None:
    before = snapshot(archive)
    (archive / "content" / "m03.md").write_text(
        article(3, title="SCO transport experts meet in Bishkek"), encoding="utf-8")
    checked = run("sync", "--check", "--project", str(archive))
    assert checked.exit_code == 1, checked.output
    assert checked.stdout.splitlines()[-1] == (
        "12 articles (1 read, 3 segments); 30 files would change")
    (archive / "content" / "m09.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n",
                                               encoding="utf-8")
    broken = run("sync", "--project", str(archive))
    assert broken.exit_code == 2
    after = snapshot(archive)
    assert {name for name in after if after[name] != before.get(name)} == {
        "content/m03.md", "content/m09.md"}
