"""Segment -> RouteDecision: one route and a human-readable reason for every untranslated segment.

The order is the policy, first match wins:

1. ``copy``      nothing to translate: no letters once URLs, code spans and markup are set
                 aside, or a Roman numeral alone
2. ``tm``        an exact translation-memory match (approved work, so it is used as is)
3. ``term``      the segment is wholly a glossary term with an approved target form, in the
                 same register, number and case (``term_route.py``); fuzzy when unsure
4. ``tm-fuzzy``  a memory match at or above the threshold: offered as fuzzy, for review
5. ``human``     a policy rule: the article's front matter says ``route: human``, the block
                 kind or a pattern is listed in ``[routing]``, or the segment is a quotation
6. ``mt``        a machine-translation provider is configured
7. ``human``     otherwise (no provider, or MT failed: the pipeline says which)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from i18n_kit.config import RoutingConfig
from i18n_kit.glossary.model import TermHit
from i18n_kit.model import BlockKind, Route, RouteDecision
from i18n_kit.translation.term_route import EDGE_PUNCTUATION, fill_term


class MemoryMatchLike(Protocol):
    """What the router reads of a translation-memory match."""

    @property
    def score(self) -> float: ...
    @property
    def source_text(self) -> str: ...
    @property
    def target_text(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def numbers_differ(self) -> bool: ...


class MemoryLookup(Protocol):
    """The translation-memory lookups routing needs."""

    def lookup_exact(
        self, source_text: str, *, source_lang: str, target_lang: str
    ) -> MemoryMatchLike | None: ...

    def lookup_fuzzy(
        self,
        source_text: str,
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = 75.0,
        limit: int = 3,
    ) -> Sequence[MemoryMatchLike]: ...


class BulkMemoryLookup(MemoryLookup, Protocol):
    """A memory that also answers many lookups at once (``TranslationMemory`` does)."""

    def lookup_exact_many(
        self, texts: Iterable[str], *, source_lang: str, target_lang: str
    ) -> Mapping[str, MemoryMatchLike]: ...

    def lookup_fuzzy_many(
        self,
        texts: Iterable[str],
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = 75.0,
        limit: int = 3,
    ) -> Mapping[str, Sequence[MemoryMatchLike]]: ...


PREFETCH_LIMIT = 1  # fuzzy matches prefetched for each text: routing takes the best


class PrefetchedLookups:
    """A ``MemoryLookup`` answering from lookups made in bulk beforehand (``prefetch``),
    so a sync searches the memory once per language pair instead of once per segment;
    anything not prefetched goes to the memory."""

    def __init__(self, memory: BulkMemoryLookup, *, threshold: float) -> None:
        self._memory = memory
        self._threshold = threshold
        self._exact: dict[tuple[str, str, str], MemoryMatchLike | None] = {}
        self._fuzzy: dict[tuple[str, str, str], Sequence[MemoryMatchLike]] = {}

    def prefetch(self, texts: Iterable[str], *, source_lang: str, target_lang: str) -> None:
        """Look up every text of ``texts`` that has words: exact, and fuzzy (best match at
        the threshold) when there is no exact match."""
        pending = [text for text in dict.fromkeys(texts)
                   if (text, source_lang, target_lang) not in self._exact and _has_words(text)]
        exact = self._memory.lookup_exact_many(
            pending, source_lang=source_lang, target_lang=target_lang)
        for text in pending:
            self._exact[text, source_lang, target_lang] = exact.get(text)
        unmatched = [text for text in pending if text not in exact]
        fuzzy = self._memory.lookup_fuzzy_many(
            unmatched, source_lang=source_lang, target_lang=target_lang,
            threshold=self._threshold, limit=PREFETCH_LIMIT)
        for text in unmatched:
            self._fuzzy[text, source_lang, target_lang] = fuzzy[text]

    def lookup_exact(
        self, source_text: str, *, source_lang: str, target_lang: str
    ) -> MemoryMatchLike | None:
        key = (source_text, source_lang, target_lang)
        if key in self._exact:
            return self._exact[key]
        return self._memory.lookup_exact(
            source_text, source_lang=source_lang, target_lang=target_lang)

    def lookup_fuzzy(
        self,
        source_text: str,
        *,
        source_lang: str,
        target_lang: str,
        threshold: float = 75.0,
        limit: int = 3,
    ) -> Sequence[MemoryMatchLike]:
        key = (source_text, source_lang, target_lang)
        if key in self._fuzzy and threshold == self._threshold and limit <= PREFETCH_LIMIT:
            return self._fuzzy[key][:limit]
        return self._memory.lookup_fuzzy(
            source_text, source_lang=source_lang, target_lang=target_lang,
            threshold=threshold, limit=limit)


@dataclass(frozen=True, slots=True, kw_only=True)
class SegmentContext:
    """What routing knows about one segment besides its text."""

    source_text: str
    source_lang: str
    target_lang: str
    block_kind: BlockKind
    article_route: str = ""  # the article's front-matter `route:` value
    hits: Sequence[TermHit] = ()  # glossary terms in the source text


# Every pattern here runs in time linear in the text, whatever the text: an e-mail
# address is tried only where a run without "@" and spaces starts (from anywhere in a
# run, "\S+@" scanned the rest of it at every character: quadratic on Chinese, which
# has no spaces), and a link target stops at the next "(" unless it is one nested pair.
_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+|(?<![^\s@])[^\s@]+@[^\s@]+\.\w+")
_CODE = re.compile(r"`[^`]*`")
_LINK_TARGET = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)")
_LETTER = re.compile(r"[^\W\d_]")
_QUOTE_OPENER = re.compile(r"[“«\"„「『]")
_QUOTE_CLOSER = re.compile(r"[”»\"“」』]")
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def route_segment(
    context: SegmentContext,
    *,
    memory: MemoryLookup | None,
    routing: RoutingConfig,
    tm_threshold: float,
    mt_configured: bool,
) -> RouteDecision:
    """Decide where one untranslated segment goes.

    >>> route_segment(SegmentContext(source_text="2019-2020", source_lang="en",
    ...     target_lang="ru", block_kind=BlockKind.TABLE_CELL), memory=None,
    ...     routing=RoutingConfig(), tm_threshold=75, mt_configured=False).route
    <Route.COPY: 'copy'>
    """
    text = context.source_text
    if not _has_words(text) or _is_numeral(text):
        return RouteDecision(
            route=Route.COPY, reason="nothing to translate: numbers, codes or links",
            target_text=text,
        )
    if memory is not None:
        exact = memory.lookup_exact(
            text, source_lang=context.source_lang, target_lang=context.target_lang
        )
        if exact is not None:
            return RouteDecision(
                route=Route.TM, reason=f"exact match in {exact.origin}",
                target_text=exact.target_text,
            )
    term = fill_term(text, list(context.hits), source_lang=context.source_lang,
                     target_lang=context.target_lang)
    if term is not None:
        return term
    if memory is not None:
        matches = memory.lookup_fuzzy(
            text, source_lang=context.source_lang, target_lang=context.target_lang,
            threshold=tm_threshold, limit=1,
        )
        if matches:
            best = matches[0]
            # A near miss in a long sentence rounds to 100; it must not read as exact.
            score = min(round(best.score), 99)
            note = f"tm: {score}% from {best.origin}"
            if best.numbers_differ:
                note += "; numbers differ from the source: check them"
            return RouteDecision(
                route=Route.TM_FUZZY,
                reason=f"{score}% match >= {tm_threshold:.0f}%",
                target_text=best.target_text,
                fuzzy=True,
                previous_source=best.source_text,
                notes=(note,),
            )
    policy = _policy_reason(context, routing)
    if policy is not None:
        return RouteDecision(route=Route.HUMAN, reason=policy)
    no_match = f"no TM match >= {tm_threshold:.0f}%"
    if mt_configured:
        return RouteDecision(route=Route.MT, reason=no_match)
    return RouteDecision(route=Route.HUMAN, reason=f"{no_match}; no MT provider configured")


def _is_numeral(text: str) -> bool:
    """A Roman numeral alone («II.», "(XIV)"): a heading's number, the same in every language."""
    return bool(_ROMAN.fullmatch(text.strip(EDGE_PUNCTUATION)))


@functools.lru_cache(maxsize=1 << 16)  # a sync asks twice for each entry
def _has_words(text: str) -> bool:
    text = _CODE.sub(" ", _URL.sub(" ", text))
    text = _LINK_TARGET.sub("]", text)  # link and image targets
    return bool(_LETTER.search(text))


def _policy_reason(context: SegmentContext, routing: RoutingConfig) -> str | None:
    if context.article_route.strip().lower() == "human":
        return "the article's front matter says route: human"
    if context.block_kind.value in routing.human_kinds:
        return f"{context.block_kind.value} ([routing] human_kinds)"
    for pattern in routing.human_patterns:
        if re.search(pattern, context.source_text):
            return f"matches {pattern!r} ([routing] human_patterns)"
    if routing.quotations and _is_quotation(context):
        return "a quotation: people translate quotations ([routing] quotations)"
    return None


def _is_quotation(context: SegmentContext) -> bool:
    if context.block_kind is BlockKind.QUOTE:
        return True
    for inner in _quoted(context.source_text):
        words = len(inner.split()) if context.source_lang != "zh" else len(inner) // 2
        if words >= 4:
            return True
    return False


def _quoted(text: str) -> Iterator[str]:
    """What stands between an opening quotation mark and the first closing one after it,
    left to right, as ``[“«"„「『]([^”»"“」』]+)[”»"“」』]`` finds it, in linear time: the
    regular expression scans to the end of the text from every opener that is never
    closed (quadratic on a run of them)."""
    position = 0
    closer = -1  # the first closing mark after the last opener looked at
    while (opener := _QUOTE_OPENER.search(text, position)) is not None:
        start = opener.start()
        if closer <= start:
            found = _QUOTE_CLOSER.search(text, start + 1)
            if found is None:
                return
            closer = found.start()
        if closer > start + 1:
            yield text[start + 1 : closer]
            position = closer + 1
        else:
            position = start + 1
