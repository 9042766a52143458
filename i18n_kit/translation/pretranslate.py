"""Fill what can be filled safely: glossary notes on every entry, a route for every
untranslated one, memory and glossary translations, machine translation when configured.

The pipeline hands over plain data per catalog (article facts, untranslated source texts)
and gets decisions back; it never sees the memory or the MT provider.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from i18n_kit.config import MtConfig, ProjectConfig
from i18n_kit.glossary.load import load_glossary
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import Glossary, HitKind, TermHit
from i18n_kit.glossary.names import is_surname_alone, paired_form
from i18n_kit.model import BlockKind, Route, RouteDecision
from i18n_kit.translation.memory import MemoryUnit, TranslationMemory, open_memory
from i18n_kit.translation.protect import Protected, protect_terms, restore_terms
from i18n_kit.translation.router import (
    PREFETCH_LIMIT,
    PrefetchedLookups,
    SegmentContext,
    route_segment,
)

if TYPE_CHECKING:
    from i18n_kit.translation.fuzzy import FuzzyScorer

    # The MT modules import deep-translator and requests (0.1 s): only a run that asks
    # a provider loads them.
    from i18n_kit.translation.machine import MachineTranslator, MtSettings

# The runner's give-up reasons that say the provider itself is down or refuses the key
# (not that it rejects one language pair): asking it for the next pair would only wait
# through the same timeouts again.
_PROVIDER_DOWN = re.compile(
    r"provider gave up(: API key rejected"
    r"| after \d+ consecutive failures \(last: (timeout|server error|rate-limited))"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogJob:
    """One article catalog's untranslated entries, with what routing needs to know."""

    source_lang: str
    target_lang: str
    article_route: str  # front matter `route:`
    texts: Sequence[str]  # untranslated source texts, in order
    kinds: Mapping[str, BlockKind]  # source text -> kind of the block it first appears in
    # The glossary hits of the texts that may be wholly one term (`may_fill_term`), as
    # whoever merged the catalog found them: routing needs no other hits, so it does not
    # look for them again. None: routing looks for every text's hits itself.
    term_hits: Mapping[str, Sequence[TermHit]] | None = None


class CatalogRef(NamedTuple):
    """An article catalog on disk, for the memory index (approved entries only).

    A tuple, its file a string: sync makes one for every catalog of the archive (20,000 at
    10,000 articles) and the memory opens only those that changed.
    """

    origin: str  # project-relative path
    location: str  # the file
    source_lang: str
    target_lang: str
    # (mtime_ns, size, hash) as sync found it this run, when it did (memory.Seen)
    seen: tuple[int, int, str] | None = None

    @property
    def path(self) -> Path:
        return Path(self.location)


def term_notes(hits: Iterable[TermHit], *, source_lang: str, target_lang: str) -> list[str]:
    """``terms: SCO Secretariat = Секретариат ШОС`` lines, one a term, for one catalog.

    The left side is the glossary's own form in the source language (the text may hold an
    inflected one), the right side its approved equivalent of the same register (formal
    name, short form or abbreviation); unverified renderings say so; flagged source forms
    are named.
    """
    lines: list[str] = []
    for hit in hits:
        if hit.kind is HitKind.NEAR_MISS:
            continue
        target = paired_form(hit, target_lang)
        if target is None:
            continue
        # The listed form the text uses (SCO = ШОС, not the full name against the short);
        # a derived or flagged form is named by the preferred term.
        source = hit.entry.preferred(source_lang)
        if hit.kind is not HitKind.FLAGGED and hit.term is not None and (
            hit.term in hit.entry.terms or is_surname_alone(hit)
        ):
            source = hit.term
        left = source.text if source is not None else hit.text
        line = f"terms: {left} = {target.text}"
        if source_lang == "zh" and len(hit.text) == 2 and hit.text.endswith("方"):
            # 中方, 俄方: the state as a party to talks, "the Chinese side"
            line += " [as a party: the … side / «… сторона»]"
        if hit.candidates:  # a name several entries share: the translator decides
            names = (c.preferred(target_lang) or c.preferred(source_lang) for c in hit.candidates)
            line += f" [one of: {' | '.join(n.text for n in names if n is not None)}]"
        if hit.kind is HitKind.FLAGGED:
            line += f" (the source writes {hit.text!r}: check the name)"
        if target_lang in hit.entry.unverified or "identity" in hit.entry.unverified:
            line += " [unverified]"
        if line not in lines:
            lines.append(line)
    return lines


@dataclass(slots=True)
class Pretranslator:
    """Services for one sync run, each opened on first use (a run with nothing to route
    loads neither the glossary's morphology nor the memory)."""

    config: ProjectConfig
    use_mt: bool = True  # False: `sync --no-mt` leaves mt-routed entries for later
    today: Callable[[], dt.date] = dt.date.today
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    _glossary: Glossary | None = field(default=None, init=False)
    _index: TermIndex | None = field(default=None, init=False)
    _memory: TranslationMemory | None = field(default=None, init=False)
    _hits: dict[tuple[str, str], list[TermHit]] = field(default_factory=dict, init=False)
    _notes: dict[tuple[str, str, str], tuple[str, ...]] = field(default_factory=dict,
                                                                init=False)
    # The run's memory lookups, kept across `route` calls: a sentence repeated in
    # articles of different batches is searched for once (the memory does not change
    # during a run; what it writes is recorded after the commit).
    _lookups: PrefetchedLookups | None = field(default=None, init=False)
    _translator: MachineTranslator | None = field(default=None, init=False)
    # Across every language pair and every `route` call of the run: the characters sent
    # (max_chars is one budget per run) and why the provider was given up on, if it was.
    _spent: int = field(default=0, init=False)
    _translated: dict[tuple[str, str, str], RouteDecision] = field(default_factory=dict,
                                                                   init=False)
    _over_budget: bool = field(default=False, init=False)
    _gave_up: str | None = field(default=None, init=False)

    @property
    def index(self) -> TermIndex:
        if self._index is None:
            self._glossary = load_glossary(
                project_dir=self.config.root, folder=self.config.glossary_dir
            )
            self._index = TermIndex(self._glossary)
        return self._index

    def hits(self, text: str, lang: str) -> list[TermHit]:
        key = (text, lang)
        if key not in self._hits:
            self._hits[key] = self.index.match_terms(text, lang)
        return self._hits[key]

    def notes_for(self, text: str, *, source_lang: str, target_lang: str) -> tuple[str, ...]:
        """The glossary lines of one entry in one target catalog."""
        key = (text, source_lang, target_lang)
        notes = self._notes.get(key)
        if notes is None:
            hits = self.hits(text, source_lang)
            notes = self._notes[key] = tuple(
                term_notes(hits, source_lang=source_lang, target_lang=target_lang))
        return notes

    def open_memory(self, catalogs: Sequence[CatalogRef]) -> TranslationMemory:
        """The memory, brought up to date with the approved catalogs and tm/*.tmx."""
        if self._memory is None:
            memory = open_memory(url=self.config.tm_url, state_dir=self.config.state_dir)
            memory.update_from_catalogs(
                ((ref.origin, ref.location, ref.source_lang, ref.target_lang)
                 for ref in catalogs),
                seen={ref.origin: ref.seen for ref in catalogs if ref.seen is not None},
            )
            tm_dir = self.config.tm_dir
            if tm_dir is not None and tm_dir.is_dir():
                for path in sorted(tm_dir.glob("*.tmx")):
                    memory.import_tmx(
                        path, origin=self.config.relative(path), locales=self.config.locales
                    )
            self._memory = memory
        return self._memory

    def fuzzy_scorers(
        self, pairs: Iterable[tuple[str, str]], catalogs: Sequence[CatalogRef]
    ) -> dict[tuple[str, str], FuzzyScorer]:
        """For each language pair (source, target) whose memory has one, what forked
        workers need to make `route`'s fuzzy searches ahead (`FuzzyScorer.score`); give
        their answers to `add_scored`. Opens the memory (``catalogs``: as `route`)."""
        memory = self.open_memory(catalogs)
        scorers: dict[tuple[str, str], FuzzyScorer] = {}
        for source_lang, target_lang in pairs:
            scorer = memory.fuzzy_scorer(source_lang=source_lang, target_lang=target_lang,
                                         threshold=self.config.tm_threshold,
                                         limit=PREFETCH_LIMIT)
            if scorer is not None:
                scorers[source_lang, target_lang] = scorer
        return scorers

    def add_scored(self, scorer: FuzzyScorer,
                   scored: Mapping[str, Sequence[tuple[float, int]]]) -> None:
        """What a worker's ``scorer`` answered, for `route` (after `fuzzy_scorers`)."""
        if self._memory is not None:
            self._memory.add_scored(scorer, scored)

    def route(
        self, jobs: Sequence[CatalogJob], catalogs: Sequence[CatalogRef]
    ) -> list[dict[str, RouteDecision]]:
        """Decisions for every job's untranslated texts (same order as ``jobs``)."""
        if not any(job.texts for job in jobs):
            return [{} for _ in jobs]
        if self._lookups is None:
            self._lookups = PrefetchedLookups(self.open_memory(catalogs),
                                              threshold=self.config.tm_threshold)
        memory = self._lookups
        by_pair: dict[tuple[str, str], list[str]] = {}
        for job in jobs:
            by_pair.setdefault((job.source_lang, job.target_lang), []).extend(job.texts)
        for (source_lang, target_lang), texts in by_pair.items():
            memory.prefetch(texts, source_lang=source_lang, target_lang=target_lang)
        results: list[dict[str, RouteDecision]] = []
        # a text met again in the same pair, block kind and article route (most of them,
        # in an archive that repeats its sentences) is routed once
        decided: dict[tuple[str, str, str, BlockKind, str], RouteDecision] = {}
        for job in jobs:
            decisions: dict[str, RouteDecision] = {}
            for text in job.texts:
                kind = job.kinds.get(text, BlockKind.PARAGRAPH)
                key = (text, job.source_lang, job.target_lang, kind, job.article_route)
                known = decided.get(key)
                if known is not None:
                    decisions[text] = known
                    continue
                context = SegmentContext(
                    source_text=text,
                    source_lang=job.source_lang,
                    target_lang=job.target_lang,
                    block_kind=kind,
                    article_route=job.article_route,
                    hits=self.hits(text, job.source_lang) if job.term_hits is None
                    else job.term_hits.get(text, ()),
                )
                decisions[text] = decided[key] = route_segment(
                    context,
                    memory=memory,
                    routing=self.config.routing,
                    tm_threshold=self.config.tm_threshold,
                    mt_configured=self.config.mt is not None,
                )
            results.append(decisions)
        if self.config.mt is not None:
            self._machine_translate(jobs, results, self.config.mt)
        return results

    def _machine_translate(
        self,
        jobs: Sequence[CatalogJob],
        results: list[dict[str, RouteDecision]],
        mt: MtConfig,
    ) -> None:
        """Fill the ``mt`` decisions: one run per language pair (so the provider sees each
        text once and the budget covers the whole run), glossary terms masked."""
        pairs: dict[tuple[str, str], dict[str, Protected]] = {}
        for job, decisions in zip(jobs, results, strict=True):
            for text, decision in decisions.items():
                done = (job.source_lang, job.target_lang, text) in self._translated
                if decision.route is Route.MT and not done:
                    masked = pairs.setdefault((job.source_lang, job.target_lang), {})
                    if text not in masked:
                        hits = self.hits(text, job.source_lang)
                        masked[text] = protect_terms(text, hits, job.target_lang)
        if pairs and self.use_mt:
            # what an earlier batch of the run sent is not sent again
            self._translated.update(self._run_pairs(pairs, mt))
        for job, decisions in zip(jobs, results, strict=True):
            for text, decision in decisions.items():
                if decision.route is Route.MT:
                    pending = f"{decision.reason}; not translated yet (--no-mt)"
                    decisions[text] = self._translated.get(
                        (job.source_lang, job.target_lang, text),
                        replace(decision, reason=pending),
                    )

    def translator(self, mt: MtConfig) -> MachineTranslator:
        """The provider of ``[mt]``; a bad provider name or a missing API key is a
        ConfigError here, before anything is written."""
        if self._translator is None:
            from i18n_kit.translation.machine import create_translator

            self._translator = create_translator(_settings(mt), self.environ)
        return self._translator

    def _run_pairs(
        self, pairs: Mapping[tuple[str, str], Mapping[str, Protected]], mt: MtConfig
    ) -> dict[tuple[str, str, str], RouteDecision]:
        from i18n_kit.translation.mt_runner import translate_texts

        settings = _settings(mt)
        translator = self.translator(mt)
        stamp = f"mt: {translator.name} {self.today().isoformat()}"
        filled: dict[tuple[str, str, str], RouteDecision] = {}
        for (src, tgt), masked in pairs.items():
            failed = self._refused(list(masked), masked, mt.max_chars)
            texts = [text for text in masked if text not in failed]
            outcomes = translate_texts(
                [masked[text].text for text in texts], source_lang=src, target_lang=tgt,
                translator=translator, settings=replace(settings, max_chars=None),
            ) if texts else []
            for text, outcome in zip(texts, outcomes, strict=True):
                if outcome.failure is not None and _PROVIDER_DOWN.match(outcome.failure):
                    self._gave_up = self._gave_up or outcome.failure
                if outcome.target_text is None:
                    failed[text] = outcome.failure or "no answer"
                    continue
                restored = restore_terms(outcome.target_text, masked[text])
                notes = [stamp]
                if restored.missing:
                    notes.append(
                        "mt: glossary terms lost by the engine, check them: "
                        + ", ".join(restored.missing)
                    )
                filled[(src, tgt, text)] = RouteDecision(
                    route=Route.MT,
                    reason=f"no TM match >= {self.config.tm_threshold:.0f}%",
                    target_text=restored.text,
                    fuzzy=True,
                    notes=tuple(notes),
                )
            for text, failure in failed.items():
                filled[(src, tgt, text)] = RouteDecision(
                    route=Route.HUMAN, reason=f"machine translation failed: {failure}"
                )
        return filled

    def _refused(
        self, texts: Sequence[str], masked: Mapping[str, Protected], max_chars: int | None
    ) -> dict[str, str]:
        """The texts of one pair that are not sent, with why: the provider was given up on
        earlier in the run, or the run's character budget is spent (the first text that
        does not fit closes it, so what is translated is a predictable prefix)."""
        refused: dict[str, str] = {}
        for text in texts:
            size = len(masked[text].text)
            if self._gave_up is not None:
                refused[text] = self._gave_up
            elif max_chars is not None and (self._over_budget or self._spent + size > max_chars):
                self._over_budget = True
                refused[text] = f"budget exhausted (max_chars = {max_chars})"
            else:
                self._spent += size
        return refused

    def remember_written(
        self, catalogs: Sequence[tuple[str, Path, Sequence[MemoryUnit]]]
    ) -> None:
        """Tell the memory about catalogs this run wrote (origin, path, approved units), so
        the next run does not parse them again to index them. A memory that cannot be
        reached now is brought up to date by that next run instead."""
        if not catalogs:
            return
        try:
            memory = open_memory(url=self.config.tm_url, state_dir=self.config.state_dir)
            try:
                memory.record_catalogs(catalogs)
            finally:
                memory.close()
        except Exception:
            # The files are already in place: the memory is a cache, and failing to
            # record them here (a locked database, a dropped connection) costs the next
            # run a parse, never a translation.
            pass

    def mt_failures(self) -> list[str]:
        """What machine translation could not do this run, one line per reason, e.g.
        "21 segments: provider gave up after 3 consecutive failures (...)"."""
        reasons: dict[str, int] = {}
        for decision in self._translated.values():
            if decision.route is Route.HUMAN:
                reason = decision.reason.removeprefix("machine translation failed: ")
                reasons[reason] = reasons.get(reason, 0) + 1
        return [f"{count} segment{'s' if count != 1 else ''}: {reason}"
                for reason, count in reasons.items()]

    def close(self) -> None:
        if self._memory is not None:
            self._memory.close()
            self._memory = None


def _settings(mt: MtConfig) -> MtSettings:
    from i18n_kit.translation.machine import MtSettings

    return MtSettings(
        provider=mt.provider, url=mt.url, api_key_env=mt.api_key_env, timeout=mt.timeout,
        max_chars=mt.max_chars, batch_size=mt.batch_size, concurrency=mt.concurrency,
        retries=mt.retries,
    )


def count_routes(decisions: Iterable[Mapping[str, RouteDecision]]) -> dict[Route, int]:
    """How many segments went each way (for the sync report)."""
    counts: dict[Route, int] = {}
    for mapping in decisions:
        for decision in mapping.values():
            counts[decision.route] = counts.get(decision.route, 0) + 1
    return counts
