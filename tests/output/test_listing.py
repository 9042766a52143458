"""Which pages a change of the listing touches: `stale_related` finds exactly the articles
whose "Related news" differs, however the listing changed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.listing import related_window, stale_related
from i18n_kit.output.page import ArticleLink


def _links(slugs: list[str], title: str = "t") -> list[ArticleLink]:
    return [ArticleLink(slug=slug, title=f"{title} {slug}", date=None, lang="en")
            for slug in slugs]


def _every_window(old: list[ArticleLink], new: list[ArticleLink], slugs: list[str],
                  size: int) -> list[str]:
    """The definition: compare the window of every article."""
    old_at = {link.slug: index for index, link in enumerate(old)}
    new_at = {link.slug: index for index, link in enumerate(new)}
    return [slug for slug in slugs
            if related_window(old, old_at[slug], size) != related_window(new, new_at[slug], size)]


@st.composite
def _changes(draw: st.DrawFn) -> tuple[list[ArticleLink], list[ArticleLink], list[str], int]:
    count = draw(st.integers(min_value=0, max_value=40))
    slugs = [f"a{number:02d}" for number in range(count)]
    old = _links(slugs)
    new = list(old)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        if not new:
            break
        kind = draw(st.sampled_from(["retitle", "move", "remove", "add"]))
        at = draw(st.integers(min_value=0, max_value=len(new) - 1))
        if kind == "retitle":
            new[at] = _links([new[at].slug], title="corrected")[0]
        elif kind == "move":
            link = new.pop(at)
            new.insert(draw(st.integers(min_value=0, max_value=len(new))), link)
        elif kind == "remove":
            new.pop(at)
        else:
            new.insert(at, _links([f"new{len(new)}"])[0])
    both = sorted({link.slug for link in old} & {link.slug for link in new})
    return old, new, both, draw(st.integers(min_value=1, max_value=6))


@settings(max_examples=400, deadline=None)
@given(_changes())
def test_the_same_articles_as_comparing_every_window(
    change: tuple[list[ArticleLink], list[ArticleLink], list[str], int],
) -> None:
    old, new, slugs, size = change
    assert stale_related(old, new, slugs, size) == _every_window(old, new, slugs, size)


def test_one_corrected_title_touches_the_five_articles_after_it_and_no_other() -> None:
    old = _links([f"a{number:04d}" for number in range(10_000)])
    new = list(old)
    new[5000] = _links([old[5000].slug], title="corrected")[0]
    slugs = [link.slug for link in old]
    assert stale_related(old, new, slugs) == [f"a{number:04d}" for number in range(4995, 5000)]


def test_the_oldest_title_corrected_touches_the_newest_before_it() -> None:
    # the oldest articles' windows are topped up with newer ones: the last six see it
    old = _links([f"a{number:02d}" for number in range(20)])
    new = [*old[:-1], _links([old[-1].slug], title="corrected")[0]]
    assert stale_related(old, new, [link.slug for link in old]) == [
        f"a{number:02d}" for number in range(14, 19)]
