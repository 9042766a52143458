"""Whole pages: golden documents in en/ru/zh, and the page-level rules around them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from i18n_kit.errors import SourceError
from i18n_kit.model import Article, Block, BlockKind, Markup
from i18n_kit.output import (
    ArticleLink,
    LocalizedBlock,
    PageInput,
    PageText,
    TextState,
    UiCatalogs,
    assemble_index,
    assemble_page,
    load_ui,
)

DATA = Path(__file__).parents[1] / "data" / "output"
LOCALES = ("en", "ru", "zh")
T, M, F = TextState.TRANSLATED, TextState.MACHINE, TextState.FALLBACK

LINK = "https://eng.sectsco.org/news/20201110/"
BLOCKS = (
    Block(kind=BlockKind.TITLE, text="SCO Secretary-General's press conference", line=2),
    Block(
        kind=BlockKind.SUMMARY,
        text="On 16 November 2020, the SCO Secretariat hosted a press conference. "
        "It was held online.",
        line=3,
    ),
    Block(
        kind=BlockKind.PARAGRAPH,
        text=f"The **Secretary-General** spoke about the [summit]({LINK}). "
        "He thanked the journalists.",
        line=7,
    ),
    Block(kind=BlockKind.HEADING, text="Results of the presidency", level=2, line=9),
    Block(kind=BlockKind.LIST_ITEM, text="Security cooperation", marker="•", group=1, line=11),
    Block(kind=BlockKind.LIST_ITEM, text="Joint exercises", marker="—", level=1, group=1, line=12),
    Block(kind=BlockKind.LIST_ITEM, text="Health care", marker="•", group=1, line=13),
    Block(kind=BlockKind.LIST_ITEM, text="Over 60 events were held.", marker="3.", group=2),
    Block(kind=BlockKind.LIST_ITEM, text="Two meetings took place.", marker="4.", group=2),
    Block(kind=BlockKind.QUOTE, text="The pandemic did not stop our work.", group=3, line=18),
    Block(kind=BlockKind.TABLE_CELL, text="State", header=True, group=4, line=20),
    Block(kind=BlockKind.TABLE_CELL, text="Events", header=True, column=1, group=4, line=20),
    Block(kind=BlockKind.TABLE_CELL, text="Russia", row=1, group=4, line=22),
    Block(kind=BlockKind.TABLE_CELL, text="60", row=1, column=1, group=4, line=22),
    Block(kind=BlockKind.CODE, text="sco <summit> & 2020\n", translatable=False, info="text"),
    Block(kind=BlockKind.RULE, text="", translatable=False, line=27),
    Block(kind=BlockKind.HTML, text='<p class="credit">SCO</p>\n', translatable=False),
)
ARTICLE = Article(
    slug="press-conference",
    lang="en",
    path="content/press-conference.md",
    date=dt.datetime(2020, 11, 18, 17, 7),
    meta={"comments": "1"},
    blocks=BLOCKS,
)

# (segment sources per block) -> translations per locale, with the state each one is in.
SEGMENTS: tuple[tuple[str, ...], ...] = (
    ("SCO Secretary-General's press conference",),
    ("On 16 November 2020, the SCO Secretariat hosted a press conference.", "It was held online."),
    (f"The **Secretary-General** spoke about the [summit]({LINK}).", "He thanked the journalists."),
    ("Results of the presidency",),
    ("Security cooperation",),
    ("Joint exercises",),
    ("Health care",),
    ("Over 60 events were held.",),
    ("Two meetings took place.",),
    ("The pandemic did not stop our work.",),
    ("State",),
    ("Events",),
    ("Russia",),
    ("60",),
    (),
    (),
    (),
)
RU: tuple[tuple[tuple[str, TextState], ...], ...] = (
    (("Пресс-конференция Генерального секретаря ШОС", T),),
    (
        ("16 ноября 2020 года в Секретариате ШОС состоялась пресс-конференция.", T),
        ("It was held online.", F),
    ),
    (
        (f"**Генеральный секретарь** рассказал о [саммите]({LINK}).", T),
        ("Он поблагодарил журналистов.", M),
    ),
    (("Итоги председательства", T),),
    (("Сотрудничество в сфере безопасности", T),),
    (("Совместные учения", T),),
    (("Здравоохранение", T),),
    (("Проведено более 60 мероприятий.", T),),
    (("Состоялись два заседания.", T),),
    (("Пандемия не остановила нашу работу — и это главное.", T),),
    (("Государство", T),),
    (("Мероприятия", T),),
    (("Россия", T),),
    (("60", T),),
    (),
    (),
    (),
)
ZH: tuple[tuple[tuple[str, TextState], ...], ...] = (
    (("上合组织秘书长举行记者会", T),),
    (("2020年11月16日，上合组织秘书处举行记者会。", T), ("记者会以线上形式举行。", T)),
    (
        (f"**秘书长**介绍了[峰会]({LINK})情况。", T),
        ("He thanked the journalists.", F),
    ),
    (("主席国任期成果", T),),
    (("安全合作", T),),
    (("联合演习", T),),
    (("卫生", T),),
    (("共举办60多场活动。", T),),
    (("举行了两次会议。", T),),
    (("疫情没有阻止我们的工作。", T),),
    (("国家", T),),
    (("活动", T),),
    (("俄罗斯", T),),
    (("60", T),),
    (),
    (),
    (),
)
RELATED = (
    ArticleLink(
        slug="summit", title="SCO Heads of State Council", date=dt.date(2020, 11, 10), lang="en"
    ),
)


def _localize(
    translations: tuple[tuple[tuple[str, TextState], ...], ...] | None, locale_code: str
) -> tuple[LocalizedBlock, ...]:
    blocks = []
    for index, block in enumerate(BLOCKS):
        parts = []
        for position, source in enumerate(SEGMENTS[index]):
            text, state = (source, T) if translations is None else translations[index][position]
            lang = ARTICLE.lang if state is F else locale_code
            parts.append(PageText(text=text, lang=lang, source_text=source, state=state))
        blocks.append(LocalizedBlock(block=block, parts=tuple(parts)))
    return tuple(blocks)


def _page(locale_code: str, **changes: object) -> PageInput:
    translations = {"en": None, "ru": RU, "zh": ZH}[locale_code]
    fields: dict[str, object] = {
        "article": ARTICLE,
        "locale_code": locale_code,
        "blocks": _localize(translations, locale_code),
        "completion": {"en": 100.0, "ru": 72.7, "zh": 90.9}[locale_code],
        "threshold": 80.0,
        "locales": LOCALES,
        "related": RELATED,
    }
    fields.update(changes)
    return PageInput(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def ui() -> UiCatalogs:
    return load_ui(LOCALES)


def _paragraph(
    parts: list[tuple[str, str, TextState]], locale_code: str, markup: Markup = Markup.MARKDOWN
) -> PageInput:
    block = Block(kind=BlockKind.PARAGRAPH, text=" ".join(p[0] for p in parts), markup=markup)
    localized = LocalizedBlock(
        block=block,
        parts=tuple(
            PageText(text=text, lang=lang, source_text=text, state=state)
            for text, lang, state in parts
        ),
    )
    return _page(locale_code, blocks=(localized,))


def _body(document: str) -> str:
    return document.split('<div class="article-body">\n', 1)[1].split("\n</div>", 1)[0]


@pytest.mark.parametrize("locale_code", LOCALES)
def test_page_matches_golden(locale_code: str, ui: UiCatalogs) -> None:
    expected = (DATA / f"press-conference.{locale_code}.html").read_text(encoding="utf-8")
    assert assemble_page(_page(locale_code), ui=ui) == expected


def test_index_matches_golden(ui: UiCatalogs) -> None:
    articles = [
        ArticleLink(slug="press-conference", title="Пресс-конференция", date=None, lang="ru"),
        *RELATED,
    ]
    expected = (DATA / "index.ru.html").read_text(encoding="utf-8")
    assert assemble_index("ru", articles, locales=LOCALES, ui=ui) == expected


def test_alternates_cover_every_locale_and_x_default(ui: UiCatalogs) -> None:
    document = assemble_page(_page("ru"), ui=ui)
    links = [line for line in document.splitlines() if line.startswith('<link rel="alternate"')]
    assert links == [
        '<link rel="alternate" hreflang="en" href="../en/press-conference.html">',
        '<link rel="alternate" hreflang="ru" href="../ru/press-conference.html">',
        '<link rel="alternate" hreflang="zh-Hans" href="../zh/press-conference.html">',
        '<link rel="alternate" hreflang="x-default" href="../en/press-conference.html">',
    ]
    assert '<html lang="ru">' in document
    assert 'hreflang="ru" lang="ru" aria-current="page">Русский</a>' in document


@pytest.mark.parametrize(
    ("completion", "shown"), [(79.9, True), (80.0, False), (100.0, False), (0.0, True)]
)
def test_in_progress_notice_only_below_threshold(
    completion: float, shown: bool, ui: UiCatalogs
) -> None:
    document = assemble_page(_page("en", completion=completion), ui=ui)
    assert ('class="notice notice-progress"' in document) is shown


def test_in_progress_notice_rounds_down_and_uses_locale_percent(ui: UiCatalogs) -> None:
    document = assemble_page(_page("ru", completion=79.9), ui=ui)
    assert "пока переведено 79\u00a0% текста" in document


def test_notices_for_fallback_and_machine_parts(ui: UiCatalogs) -> None:
    ru = assemble_page(_page("ru"), ui=ui)
    en = assemble_page(_page("en"), ui=ui)
    assert "показана на\u00a0языке оригинала." in ru
    assert "проверена переводчиком." in ru
    assert "notice-fallback" not in en and "notice-machine" not in en


def test_fallback_span_carries_source_language(ui: UiCatalogs) -> None:
    page = _paragraph([("Москва.", "ru", T), ("It was held online.", "en", F)], "ru")
    assert _body(assemble_page(page, ui=ui)) == (
        '<p>Москва. <span lang="en" class="i18n-fallback">It was held online.</span></p>'
    )
    page = _paragraph([("会议。", "zh", T), ("Встреча.", "ru", F)], "zh")
    assert _body(assemble_page(page, ui=ui)) == (
        '<p>会议。<span lang="ru" class="i18n-fallback">Встреча.</span></p>'
    )


def test_machine_parts_are_marked(ui: UiCatalogs) -> None:
    page = _paragraph([("Генсек поблагодарил журналистов.", "ru", M)], "ru")
    assert _body(assemble_page(page, ui=ui)) == (
        '<p><span class="i18n-machine">Генсек поблагодарил журналистов.</span></p>'
    )


@pytest.mark.parametrize(
    ("locale_code", "parts", "expected"),
    [
        ("en", ["One.", "Two."], "<p>One. Two.</p>"),
        ("ru", ["Раз.", "Два."], "<p>Раз. Два.</p>"),
        ("zh", ["第一句。", "第二句。"], "<p>第一句。第二句。</p>"),
        ("zh", ["上合组织", "SCO"], "<p>上合组织SCO</p>"),
        ("zh", ["SCO", "（上合组织）"], "<p>SCO（上合组织）</p>"),
        ("zh", ["Summit.", "Meeting."], "<p>Summit. Meeting.</p>"),
    ],
)
def test_parts_join_with_space_except_next_to_cjk(
    locale_code: str, parts: list[str], expected: str, ui: UiCatalogs
) -> None:
    page = _paragraph([(text, locale_code, T) for text in parts], locale_code)
    assert _body(assemble_page(page, ui=ui)) == expected


def test_translation_markup_is_escaped_and_unknown_links_are_text(ui: UiCatalogs) -> None:
    block = Block(kind=BlockKind.PARAGRAPH, text="Read [more](https://sectsco.org).")
    translation = (
        "<script>alert(1)</script> [Читать](https://sectsco.org) "
        "[тут](https://evil.example) [x](javascript:alert(1))"
    )
    part = PageText(text=translation, lang="ru", source_text=block.text, state=T)
    page = _page("ru", blocks=(LocalizedBlock(block=block, parts=(part,)),))
    assert _body(assemble_page(page, ui=ui)) == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; "
        '<a href="https://sectsco.org">Читать</a> тут x</p>'
    )


def test_plain_markup_escapes_everything(ui: UiCatalogs) -> None:
    page = _paragraph([("*a* <b> & [x](https://a.b)", "en", T)], "en", markup=Markup.PLAIN)
    assert _body(assemble_page(page, ui=ui)) == "<p>*a* &lt;b&gt; &amp; [x](https://a.b)</p>"


@pytest.mark.parametrize(
    ("locale_code", "count", "expected"),
    [
        ("ru", "1", "1 комментарий"),
        ("ru", "2", "2 комментария"),
        ("ru", "5", "5 комментариев"),
        ("ru", "11", "11 комментариев"),
        ("ru", "21", "21 комментарий"),
        ("ru", "0", "0 комментариев"),
        ("en", "1", "1 comment"),
        ("en", "2", "2 comments"),
        ("en", "0", "0 comments"),
        ("zh", "3", "3条评论"),
        ("zh", "1", "1条评论"),
    ],
)
def test_comment_count_uses_cldr_plural_forms(
    locale_code: str, count: str, expected: str, ui: UiCatalogs
) -> None:
    article = Article(slug="a", lang="en", path="content/a.md", meta={"comments": count})
    document = assemble_page(_page(locale_code, article=article, blocks=()), ui=ui)
    assert f'<p class="comment-count" id="comments">{expected}</p>' in document


def test_comment_count_defaults_to_zero(ui: UiCatalogs) -> None:
    article = Article(slug="a", lang="en", path="content/a.md")
    document = assemble_page(_page("en", article=article, blocks=()), ui=ui)
    assert '<p class="comment-count" id="comments">0 comments</p>' in document


def test_comment_count_must_be_a_number(ui: UiCatalogs) -> None:
    article = Article(slug="a", lang="en", path="content/a.md", meta={"comments": "many"})
    with pytest.raises(SourceError) as caught:
        assemble_page(_page("en", article=article, blocks=()), ui=ui)
    assert str(caught.value) == (
        "content/a.md: comments: 'many' is not a whole number; write the count, e.g. comments: 3"
    )


@pytest.mark.parametrize(
    ("locale_code", "expected"),
    [
        ("en", '<time datetime="2020-11-18">18 November 2020</time>'),
        ("ru", '<time datetime="2020-11-18">18 ноября 2020\u202fг.</time>'),
        ("zh", '<time datetime="2020-11-18">2020年11月18日</time>'),
    ],
)
def test_publication_date_follows_locale(locale_code: str, expected: str, ui: UiCatalogs) -> None:
    document = assemble_page(_page(locale_code), ui=ui)
    published = {
        "en": f"Published on {expected}",
        "ru": f"Опубликовано {expected}",
        "zh": f"发布日期：{expected}",
    }[locale_code]
    assert f'<p class="published">{published}</p>' in document


def test_russian_pages_get_no_break_spaces_english_pages_none(ui: UiCatalogs) -> None:
    ru = _body(assemble_page(_page("ru"), ui=ui))
    assert "в\u00a0сфере безопасности" in ru
    assert "Пандемия не\u00a0остановила нашу работу\u00a0— и\u00a0это главное." in ru
    en = assemble_page(_page("en"), ui=ui)
    assert "\u00a0" not in en


def test_lists_nest_and_keep_source_numbers(ui: UiCatalogs) -> None:
    items = (
        Block(kind=BlockKind.LIST_ITEM, text="a", marker="1)", group=1),
        Block(kind=BlockKind.LIST_ITEM, text="b", marker="-", level=1, group=1),
        Block(kind=BlockKind.LIST_ITEM, text="c", marker="-", level=2, group=1),
        Block(kind=BlockKind.LIST_ITEM, text="d", marker="2)", group=1),
        Block(kind=BlockKind.LIST_ITEM, text="e", marker="• —", group=2),
    )
    blocks = tuple(LocalizedBlock(block=b, parts=()) for b in items)
    assert _body(assemble_page(_page("en", blocks=blocks), ui=ui)) == "\n".join(
        [
            '<ol class="list-decimal-paren">',
            '<li value="1">a',
            "<ul>",
            "<li>b",
            "<ul>",
            "<li>c</li>",
            "</ul>",
            "</li>",
            "</ul>",
            "</li>",
            '<li value="2">d</li>',
            "</ol>",
            '<ul class="list-bullet-dash">',
            "<li>e</li>",
            "</ul>",
        ]
    )


def test_headings_keep_their_level_below_the_title_h1(ui: UiCatalogs) -> None:
    items = (
        Block(kind=BlockKind.HEADING, text="One", level=1),
        Block(kind=BlockKind.HEADING, text="Two", level=2),
        Block(kind=BlockKind.HEADING, text="Three", level=3),
        Block(kind=BlockKind.HEADING, text="Six", level=6),
    )
    blocks = tuple(LocalizedBlock(block=b, parts=()) for b in items)
    assert _body(assemble_page(_page("en", blocks=blocks), ui=ui)) == (
        "<h2>One</h2>\n<h2>Two</h2>\n<h3>Three</h3>\n<h6>Six</h6>"
    )
