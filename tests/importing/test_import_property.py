"""Any captured page either imports or is refused with a SourceError: never a crash, and
every line with text is in exactly one reported range."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18n_kit.errors import SourceError
from i18n_kit.importing import import_page

LINES = st.sampled_from(
    [
        "",
        "Home",
        "12:36Abu Dhabi",
        "Партнеры по диалогу:",
        "Summit ends in Moscow",
        "Саммит завершился в Москве",
        "上合组织峰会在莫斯科闭幕",
        "18.11.2020 17:07",
        "2020-11-18",
        "2020年11月18日",
        "The leaders adopted a declaration.",
        "Лидеры приняли декларацию.",
        "领导人通过了宣言。",
        "• — trade;",
        "1. To agree on a plan.",
        "Add Comment",
        "© 2021 Example News.",
        "© SCO Secretariat",
        "Other news20.04.2021 09:10",
        "* Реестр организаций:",
        "    # *2021.* [x](y) <b>&amp;",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(LINES, max_size=25))
def test_a_page_imports_or_is_refused(tmp_path: Path, lines: list[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    try:
        article = import_page(page, origin="page.txt")
    except SourceError as error:
        assert str(error).startswith("page.txt: no article found: ")
        return
    with_text = [number for number, line in enumerate(lines, 1) if line.strip()]
    covered = [
        number
        for part in article.ranges
        for number in range(part.first, part.last + 1)
        if number in with_text
    ]
    assert covered == with_text
    assert (article.unit, article.kept + article.dropped) == ("line", len(with_text))
    assert article.markdown.startswith("---\ntitle: ")
