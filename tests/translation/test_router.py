"""route_segment: every route with its exact reason, the order of precedence, the policy rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

from i18n_kit.config import RoutingConfig
from i18n_kit.glossary.load import load_glossary
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import TermHit
from i18n_kit.model import BlockKind, Route, RouteDecision
from i18n_kit.translation.memory import MemoryMatch, make_match
from i18n_kit.translation.router import SegmentContext, route_segment

NO_MATCH_NO_MT = "no TM match >= 75%; no MT provider configured"
QUOTATION = "a quotation: people translate quotations ([routing] quotations)"


@dataclass
class Memory:
    """A memory with fixed answers that records what it was asked."""

    exact: dict[str, MemoryMatch] = field(default_factory=dict)
    fuzzy: dict[str, MemoryMatch] = field(default_factory=dict)
    asked: list[tuple[str, str, str, str]] = field(default_factory=list)  # (how, text, src, tgt)
    thresholds: list[float] = field(default_factory=list)

    def lookup_exact(
        self, source_text: str, *, source_lang: str, target_lang: str
    ) -> MemoryMatch | None:
        self.asked.append(("exact", source_text, source_lang, target_lang))
        return self.exact.get(source_text)

    def lookup_fuzzy(
        self,
        source_text: str,
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = 75.0,
        limit: int = 3,
    ) -> Sequence[MemoryMatch]:
        self.asked.append(("fuzzy", source_text, source_lang, target_lang))
        self.thresholds.append(threshold)
        match = self.fuzzy.get(source_text)
        return [match] if match is not None and match.score >= threshold else []


@pytest.fixture(scope="module")
def terms() -> TermIndex:
    return TermIndex(load_glossary(project_dir=None))


def exact(source: str, target: str, origin: str = "tm/x.tmx") -> MemoryMatch:
    return make_match(source, score=100.0, source_text=source, target_text=target, origin=origin)


def near(query: str, source: str, target: str, score: float) -> MemoryMatch:
    return make_match(query, score=score, source_text=source, target_text=target,
                      origin="tm/x.tmx")


def route(
    text: str,
    *,
    lang: str = "en",
    target: str = "ru",
    kind: BlockKind = BlockKind.PARAGRAPH,
    article_route: str = "",
    hits: Sequence[TermHit] = (),
    memory: Memory | None = None,
    routing: RoutingConfig | None = None,
    threshold: float = 75.0,
    mt: bool = False,
) -> RouteDecision:
    context = SegmentContext(
        source_text=text, source_lang=lang, target_lang=target, block_kind=kind,
        article_route=article_route, hits=hits,
    )
    return route_segment(
        context, memory=memory if memory is not None else Memory(),
        routing=routing or RoutingConfig(), tm_threshold=threshold, mt_configured=mt,
    )


def human(reason: str) -> RouteDecision:
    return RouteDecision(route=Route.HUMAN, reason=reason)


# --- copy ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2019-2020",
        "10.11.2020",
        "https://eng.sectsco.org/news/20201110/1.html",
        "`sco_summit_2020`",
        "![](images/summit.jpg)",
        "[](https://sectsco.org)",
        "info@sectsco.org",
        "+7 (495) 123-45-67",
        "§ 4.2 — 12 %",
    ],
)
def test_nothing_to_translate_is_copied(text: str) -> None:
    memory = Memory(exact={text: exact(text, "never used")})
    assert route(text, memory=memory) == RouteDecision(
        route=Route.COPY, reason="nothing to translate: numbers, codes or links", target_text=text
    )
    assert memory.asked == []  # copy comes first: the memory is not even asked


@pytest.mark.parametrize(
    "text",
    ["See https://sectsco.org", "![The summit hall](images/summit.jpg)", "2020 год", "第20次"],
)
def test_words_next_to_links_and_numbers_are_translated(text: str) -> None:
    assert route(text).route is Route.HUMAN


# --- tm ------------------------------------------------------------------------------------


def test_exact_memory_match_is_used_as_is() -> None:
    text = "The SCO Secretary-General met the Ambassador of Kazakhstan."
    memory = Memory(exact={text: exact(text, "Генсек ШОС встретился с Послом Казахстана.",
                                       origin="locales/ru/LC_MESSAGES/articles/a.po")})
    decision = route(text, memory=memory, mt=True)
    assert decision == RouteDecision(
        route=Route.TM,
        reason="exact match in locales/ru/LC_MESSAGES/articles/a.po",
        target_text="Генсек ШОС встретился с Послом Казахстана.",
    )
    assert memory.asked == [("exact", text, "en", "ru")]


def test_memory_is_asked_for_the_segment_language_pair() -> None:
    memory = Memory()
    route("Форум прошёл в Ташкенте.", lang="ru", target="zh", memory=memory)
    assert memory.asked == [
        ("exact", "Форум прошёл в Ташкенте.", "ru", "zh"),
        ("fuzzy", "Форум прошёл в Ташкенте.", "ru", "zh"),
    ]


# --- term ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "target", "expected", "entry"),
    [
        ("Kazakhstan", "en", "ru", "Казахстан", "state-03"),
        ("Kazakhstan", "en", "zh", "哈萨克斯坦", "state-03"),
        ("Казахстан", "ru", "en", "Kazakhstan", "state-03"),
        ("哈萨克斯坦", "zh", "ru", "Казахстан", "state-03"),
        # the short name pairs with the Russian short name: «Совет глав государств-членов
        # ШОС» names the Organisation, which the English short name does not (issue 19)
        ("Council of Heads of State", "en", "ru", "Совет глав государств", "body-001"),
        # edge punctuation and emphasis stay around the term, in the target's own marks
        ("**Kazakhstan:**", "en", "ru", "**Казахстан:**", "state-03"),
        ("(Kazakhstan)", "en", "zh", "（哈萨克斯坦）", "state-03"),
        # an abbreviation is the whole segment: the target's abbreviation, not the full name
        ("SCO", "en", "ru", "ШОС", "org-001"),
    ],
)
def test_a_segment_that_is_wholly_a_glossary_term(
    terms: TermIndex, text: str, lang: str, target: str, expected: str, entry: str
) -> None:
    # The register in the reason and every other case: tests/translation/test_term_route.py
    decision = route(text, lang=lang, target=target, hits=terms.match_terms(text, lang), mt=True)
    assert (decision.route, decision.target_text, decision.fuzzy) == (Route.TERM, expected, False)
    assert decision.reason.startswith(f"glossary term {entry}, ")


def test_an_inflected_term_is_filled_as_fuzzy_with_its_case(terms: TermIndex) -> None:
    # "Казахстана" (genitive) matches the glossary through its lemma; alone as a segment
    # its case cannot be carried into the nominative the glossary lists: a person checks it.
    hits = terms.match_terms("Казахстана", "ru")
    assert [(hit.entry.id, hit.text) for hit in hits] == [("state-03", "Казахстана")]
    decision = route("Казахстана", lang="ru", target="en", hits=hits)
    assert (decision.route, decision.target_text, decision.fuzzy) == (
        Route.TERM, "Kazakhstan", True)
    assert decision.reason.endswith("check it: the source is in the genitive case")
    assert not route("Казахстан", lang="ru", target="en",
                     hits=terms.match_terms("Казахстан", "ru")).fuzzy


def test_a_term_inside_a_sentence_is_not_a_term_route(terms: TermIndex) -> None:
    text = "Kazakhstan hosted the summit."
    assert route(text, hits=terms.match_terms(text, "en")) == human(NO_MATCH_NO_MT)


def test_two_terms_are_not_a_term_route(terms: TermIndex) -> None:
    text = "Kazakhstan, Kyrgyzstan"
    assert len(terms.match_terms(text, "en")) == 2
    assert route(text, hits=terms.match_terms(text, "en")) == human(NO_MATCH_NO_MT)


def test_a_term_without_a_target_form_is_not_a_term_route(terms: TermIndex) -> None:
    # org-013 "Centreline" has no Russian form in the glossary
    hits = terms.match_terms("Centreline", "en")
    assert [hit.entry.id for hit in hits] == ["org-013"]
    assert route("Centreline", hits=hits) == human(NO_MATCH_NO_MT)


# --- tm-fuzzy ------------------------------------------------------------------------------


def test_fuzzy_memory_match_is_offered_as_fuzzy_with_its_source() -> None:
    text = "The Secretary-General met the Ambassador of Kazakhstan."
    old = "The Secretary-General met the Ambassador of Kyrgyzstan."
    memory = Memory(fuzzy={text: near(text, old, "Генсек встретился с Послом Киргизии.", 87.4)})
    assert route(text, memory=memory, mt=True) == RouteDecision(
        route=Route.TM_FUZZY,
        reason="87% match >= 75%",
        target_text="Генсек встретился с Послом Киргизии.",
        fuzzy=True,
        previous_source=old,
        notes=("tm: 87% from tm/x.tmx",),
    )


def test_fuzzy_match_whose_numbers_differ_says_so() -> None:
    text = "The Council met on 12 May 2021."
    old = "The Council met on 11 May 2021."
    memory = Memory(fuzzy={text: near(text, old, "Совет собрался 11 мая 2021 года.", 96.8)})
    decision = route(text, memory=memory)
    assert decision.route is Route.TM_FUZZY
    assert decision.reason == "97% match >= 75%"
    assert decision.notes == ("tm: 97% from tm/x.tmx; numbers differ from the source: check them",)


def test_a_fuzzy_match_never_reads_as_100_percent() -> None:
    text = "The Council of Heads of State adopted the statement on the economy today. " * 3
    old = text.replace("today", "tuday")
    memory = Memory(fuzzy={text: near(text, old, "Совет принял заявление.", 99.56)})
    decision = route(text, memory=memory)
    assert (decision.reason, decision.notes) == ("99% match >= 75%", ("tm: 99% from tm/x.tmx",))


def test_fuzzy_threshold_comes_from_the_config() -> None:
    text = "The Council met in Tashkent."
    memory = Memory(fuzzy={text: near(text, "The Council met in Astana.", "Совет в Астане.", 82.0)})
    assert route(text, memory=memory, threshold=85).reason == (
        "no TM match >= 85%; no MT provider configured"
    )
    assert memory.thresholds == [85]
    assert route(text, memory=memory, threshold=80).reason == "82% match >= 80%"


# --- human by policy -----------------------------------------------------------------------


def test_front_matter_route_human() -> None:
    for value in ("human", "Human ", "HUMAN"):
        assert route("The leaders met.", article_route=value, mt=True) == human(
            "the article's front matter says route: human"
        )
    assert route("The leaders met.", article_route="mt", mt=True).route is Route.MT


def test_human_kinds() -> None:
    routing = RoutingConfig(human_kinds=("title", "heading"))
    assert route("Summit in Dushanbe", kind=BlockKind.TITLE, routing=routing, mt=True) == human(
        "title ([routing] human_kinds)"
    )
    assert route("Results", kind=BlockKind.HEADING, routing=routing, mt=True) == human(
        "heading ([routing] human_kinds)"
    )
    assert route("The leaders met.", routing=routing, mt=True).route is Route.MT


def test_human_patterns_name_the_first_that_matches() -> None:
    routing = RoutingConfig(human_patterns=(r"\bXi Jinping\b", r"(?i)president"))
    assert route("Xi Jinping spoke of the President.", routing=routing, mt=True) == human(
        r"matches '\\bXi Jinping\\b' ([routing] human_patterns)"
    )
    assert route("The PRESIDENT spoke.", routing=routing, mt=True) == human(
        "matches '(?i)president' ([routing] human_patterns)"
    )
    assert route("The minister spoke.", routing=routing, mt=True).route is Route.MT


def test_policy_rules_in_order_front_matter_kinds_patterns_quotations() -> None:
    routing = RoutingConfig(human_kinds=("quote",), human_patterns=("Putin",))
    text = '"We will build a common future together," Putin said.'
    assert route(text, kind=BlockKind.QUOTE, article_route="human", routing=routing).reason == (
        "the article's front matter says route: human"
    )
    assert route(text, kind=BlockKind.QUOTE, routing=routing).reason == (
        "quote ([routing] human_kinds)"
    )
    assert route(text, routing=routing).reason == "matches 'Putin' ([routing] human_patterns)"
    assert route(text).reason == QUOTATION


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("The SCO remains a reliable partner.", "en", BlockKind.QUOTE),
        ('He said: "We will build a common future together."', "en", BlockKind.PARAGRAPH),
        ("He said: “We will build a common future together.”", "en", BlockKind.LIST_ITEM),
        ("Он заявил: «Мы вместе построим общее будущее».", "ru", BlockKind.PARAGRAPH),
        ("Он заявил: „Мы вместе построим общее будущее“.", "ru", BlockKind.PARAGRAPH),
        ("他说：“我们将共同建设命运共同体。”", "zh", BlockKind.PARAGRAPH),
        ("他说：「我们将共同建设命运共同体」", "zh", BlockKind.PARAGRAPH),
    ],
)
def test_quotations_go_to_people(text: str, lang: str, kind: BlockKind) -> None:
    target = "en" if lang != "en" else "ru"
    assert route(text, lang=lang, target=target, kind=kind, mt=True) == human(QUOTATION)
    off = RoutingConfig(quotations=False)
    assert route(text, lang=lang, target=target, kind=kind, mt=True, routing=off).route is Route.MT


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('The "Shanghai spirit" guides the SCO.', "en"),  # a name in quotes, not a quotation
        ('The "Shanghai Five" became the SCO.', "en"),
        ("Принят документ «О совместных мерах».", "ru"),
        ("“上海精神”是上合组织的灵魂。", "zh"),  # 4 characters: a name, not a quotation
    ],
)
def test_short_quoted_names_are_not_quotations(text: str, lang: str) -> None:
    target = "en" if lang != "en" else "ru"
    assert route(text, lang=lang, target=target, mt=True).route is Route.MT


# --- mt and the fallback -------------------------------------------------------------------


def test_mt_when_a_provider_is_configured() -> None:
    assert route("The leaders met.", mt=True) == RouteDecision(
        route=Route.MT, reason="no TM match >= 75%"
    )


def test_human_when_no_provider_is_configured() -> None:
    assert route("The leaders met.") == human(NO_MATCH_NO_MT)
    assert route("The leaders met.", threshold=90.5).reason == (
        "no TM match >= 90%; no MT provider configured"
    )


def test_without_a_memory() -> None:
    context = SegmentContext(source_text="The leaders met.", source_lang="en",
                             target_lang="ru", block_kind=BlockKind.PARAGRAPH)
    decision = route_segment(context, memory=None, routing=RoutingConfig(), tm_threshold=75,
                             mt_configured=True)
    assert decision == RouteDecision(route=Route.MT, reason="no TM match >= 75%")


# --- precedence ----------------------------------------------------------------------------


def test_precedence_copy_tm_term_fuzzy_policy_mt(terms: TermIndex) -> None:
    """Each rule beats every later one: a segment that several rules fit takes the first."""
    text = "Kazakhstan"
    exact_match = {text: exact(text, "Республика Казахстан")}
    fuzzy_match = {text: near(text, "Kazakhstan.", "Казахстан.", 95.0)}

    def fits_all_but(memory: Memory, *, term: bool = True, source: str = text) -> Route:
        # front matter, kind and pattern all say human; mt is configured
        return route(
            source, memory=memory, hits=terms.match_terms(source, "en") if term else (),
            kind=BlockKind.TITLE, article_route="human", mt=True,
            routing=RoutingConfig(human_patterns=("Kazakh",), human_kinds=("title",)),
        ).route

    assert fits_all_but(Memory(exact=exact_match, fuzzy=fuzzy_match)) is Route.TM
    assert fits_all_but(Memory(fuzzy=fuzzy_match)) is Route.TERM
    assert fits_all_but(Memory(fuzzy=fuzzy_match), term=False) is Route.TM_FUZZY
    assert fits_all_but(Memory(), term=False) is Route.HUMAN
    # copy beats everything, the memory included
    digits = Memory(exact={"2020": exact("2020", "2020 год")})
    assert fits_all_but(digits, source="2020") is Route.COPY
    assert digits.asked == []


def test_a_quotation_found_in_the_memory_is_filled() -> None:
    text = "The SCO remains a reliable partner."
    memory = Memory(exact={text: exact(text, "ШОС остаётся надёжным партнёром.")})
    assert route(text, kind=BlockKind.QUOTE, memory=memory).route is Route.TM
