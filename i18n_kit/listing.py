"""Which page shows which part of the article listing, and which pages a change touches.

The listing of a locale is every article, newest first (``sync.stage.list_articles``). Two
kinds of page show part of it:

- an article page's "Related news": the ``RELATED_NEWS`` articles published just before
  it (`related_window`), so a title or date shows on a bounded number of pages however
  large the archive;
- the news index, ``page_size`` articles a page (`index_pages`): ``index.html``, then
  ``index-2.html``, ``index-3.html`` ... towards the oldest.

`stale_related` and `stale_index_pages` compare the listing the last run built its pages
from with this run's and name the pages whose shown part differs: only those are made
again, whatever else changed in the listing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from i18n_kit.output.page import ArticleLink

RELATED_NEWS = 5


def related_window(
    listing: Sequence[ArticleLink], position: int, size: int = RELATED_NEWS
) -> tuple[ArticleLink, ...]:
    """"Related news" of ``listing[position]``: the ``size`` articles published just
    before it, newest first; near the start of the archive, where fewer came before,
    topped up with those published just after it.

    >>> links = [ArticleLink(slug=s, title=s, date=None, lang="en") for s in "abcdefgh"]
    >>> [link.slug for link in related_window(links, 1, 3)]
    ['c', 'd', 'e']
    >>> [link.slug for link in related_window(links, 6, 3)]
    ['e', 'f', 'h']
    """
    older = listing[position + 1 : position + 1 + size]
    newer = listing[max(0, position - (size - len(older))) : position]
    return (*newer, *older)


def positions(listing: Sequence[ArticleLink]) -> dict[str, int]:
    """Slug -> place in ``listing``."""
    return {link.slug: index for index, link in enumerate(listing)}


def stale_related(
    old: Sequence[ArticleLink], new: Sequence[ArticleLink], slugs: Sequence[str],
    size: int = RELATED_NEWS,
) -> list[str]:
    """Those of ``slugs`` (articles in both listings) whose "Related news" differs between
    the ``old`` listing (what their pages show) and the ``new`` one.

    Only articles near where the listings differ are compared: an article whose window
    lies in the part both listings share (counted from the start, or from the end) shows
    the same links in both, so the cost is that of one pass, not of a window per article.

    >>> links = [ArticleLink(slug=s, title=s, date=None, lang="en") for s in "abcdefghij"]
    >>> moved = [links[0], links[1], links[3], links[2], *links[4:]]  # c and d swapped
    >>> stale_related(links, moved, list("abcdefghij"), size=2)
    ['a', 'b', 'c', 'd']
    """
    if old == new:
        return []
    shared = min(len(old), len(new))
    start = 0  # old[:start] == new[:start]
    while start < shared and old[start] == new[start]:
        start += 1
    tail = 0  # old[len(old) - tail:] == new[len(new) - tail:]
    while tail < shared - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_at, new_at = positions(old), positions(new)
    # A window reaches at most `size` places either way (topped up near the end).
    near = {link.slug for listing in (old, new)
            for link in listing[max(0, start - size) : len(listing) - tail + size]}
    return [
        slug for slug in slugs
        if slug not in old_at or slug not in new_at
        or (slug in near
            and related_window(old, old_at[slug], size) != related_window(new, new_at[slug], size))
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexPage:
    """One page of the news index: its links and where it sits among the pages."""

    number: int  # 1-based
    count: int  # pages in all
    links: tuple[ArticleLink, ...]

    @property
    def file_name(self) -> str:
        return index_file_name(self.number)

    @property
    def previous(self) -> str:
        """File name of the page of newer articles, or ''."""
        return index_file_name(self.number - 1) if self.number > 1 else ""

    @property
    def next(self) -> str:
        """File name of the page of older articles, or ''."""
        return index_file_name(self.number + 1) if self.number < self.count else ""


def index_file_name(number: int) -> str:
    return "index.html" if number == 1 else f"index-{number}.html"


def index_pages(listing: Sequence[ArticleLink], page_size: int) -> list[IndexPage]:
    """The index pages of ``listing``; an empty site still has its (empty) first page.

    >>> links = [ArticleLink(slug=s, title=s, date=None, lang="en") for s in "abcde"]
    >>> [(p.file_name, [l.slug for l in p.links], p.next) for p in index_pages(links, 2)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('index.html', ['a', 'b'], 'index-2.html'), ('index-2.html', ['c', 'd'], 'index-3.html'),
     ('index-3.html', ['e'], '')]
    """
    count = max(1, -(-len(listing) // page_size))
    return [
        IndexPage(number=number, count=count,
                  links=tuple(listing[(number - 1) * page_size : number * page_size]))
        for number in range(1, count + 1)
    ]


def stale_index_pages(
    old: Sequence[ArticleLink] | None, new: Sequence[ArticleLink], page_size: int
) -> tuple[list[IndexPage], list[str]]:
    """The index pages of ``new`` that differ from those of ``old`` (all of them when
    ``old`` is None: nothing is known of what was built), and the file names of old pages
    the new listing no longer fills."""
    pages = index_pages(new, page_size)
    if old is None:
        return pages, []
    before: Mapping[str, IndexPage] = {p.file_name: p for p in index_pages(old, page_size)}
    changed = [page for page in pages if before.get(page.file_name) != page]
    names = {page.file_name for page in pages}
    return changed, [name for name in before if name not in names]
