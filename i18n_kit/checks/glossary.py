"""Adapter from the glossary's checker (glossary/check.py) to check ids and issues."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from i18n_kit.checks.registry import Issue, Severity, TextPair
from i18n_kit.checks.text import MASK, mask_verbatim
from i18n_kit.glossary.check import check_source, check_translation, outside_definitions
from i18n_kit.glossary.context import head_noun_in, refers_in_sentence
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import Category, Entry, Glossary
from i18n_kit.glossary.names import is_chinese_name

#: The glossary checker's names for its findings -> our check ids.
CHECK_IDS = {
    "term-missing": "glossary-term-missing",
    "term-forbidden": "glossary-forbidden",
    "source-misspelling": "source-misspelling",
}
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_WORD_START_RE = re.compile(r"(?<![\w\-])[a-zа-яё]")


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceIssue:
    """A misspelt name in a source text: the issue and the span it is about."""

    issue: Issue
    text: str  # the misspelt span as written


class GlossaryChecks:
    """The glossary as a checker: one index, built once per run.

    >>> from i18n_kit.glossary.load import load_glossary
    >>> checks = GlossaryChecks(load_glossary(project_dir=None))
    >>> [i.check for i in checks.check_pair(TextPair(source_text="The SCO Secretariat met.",
    ...     target_text="Секретариат собрался.", source_lang="en", target_lang="ru"))]
    ['glossary-term-missing']
    """

    def __init__(self, glossary: Glossary) -> None:
        self._index = TermIndex(glossary)
        self._article: tuple[str, Counter[str]] = ("", Counter())
        # Generic concepts (member state, chairmanship, observer) are rendered by a verb
        # or dropped as often as by the noun: a missing one is not worth a finding.
        self._generic = frozenset(
            entry.id for entry in glossary
            if entry.category is Category.CONCEPT and _is_generic(entry)
        )
        self.allowed_latin = frozenset(
            word.casefold()
            for entry in glossary
            for term in entry.forms("zh")
            for word in _LATIN_WORD_RE.findall(term.text)
        )

    def start_article(self, targets: Iterable[str], lang: str) -> None:
        """The translations of one article (a catalog's entries), in ``lang``: a name any
        of them gives may be referred back to elsewhere (surname, office, "the summit").
        Until the next call, `check_pair` credits such references."""
        named: Counter[str] = Counter()
        for text in targets:
            named.update(self._named(_prose(text), lang))
        self._article = (lang, named)

    def _named(self, text: str, lang: str) -> Counter[str]:
        """How often the text names each entry (nested names and candidates too)."""
        layers = self._index.match_layers(text, lang)
        return Counter(entry.id for hit in layers.top + layers.nested for entry in hit.entries)

    def check_pair(self, pair: TextPair) -> Iterator[Issue]:
        """Approved terms missing from the translation, forbidden forms used in it."""
        source, target = _prose(pair.source_text), _prose(pair.target_text)
        findings = check_translation(
            source, pair.source_lang, target, pair.target_lang, self._index
        )
        for finding in findings:
            if finding.check == "term-missing" and (
                finding.entry_id in self._generic
                or self._present_after_all(finding.entry_id, target, pair.target_lang)
                or self._referred_to(finding.entry_id, source, pair, target)
            ):
                continue
            severity = Severity(finding.severity)
            if finding.check == "term-missing":
                severity = Severity.WARNING  # see the check's rationale
            yield Issue(check=CHECK_IDS[finding.check], message=finding.message,
                        severity=severity)

    def _referred_to(self, entry_id: str, source: str, pair: TextPair, target: str) -> bool:
        """True when the translation refers to the entry as news does (context.py): a
        person or body the article names elsewhere, by surname, office, pronoun or head
        noun; a state by its adjective or "the ... side". Not when the sentence names
        another entity of the same kind in its place."""
        entry = self._index.glossary.get(entry_id)
        if entry is None:
            return False
        lang = pair.target_lang
        in_source = {e.id for hit in self._index.match_terms(source, pair.source_lang)
                     for e in hit.entries}
        article_lang, article = self._article
        if article_lang != lang:
            article = Counter()
        here = self._named(target, lang)
        # Named elsewhere in the article: more often than in this sentence.
        elsewhere = {entry_id for entry_id, count in article.items() if count > here[entry_id]}
        target_hits = self._index.match_terms(target, lang)
        for hit in target_hits:
            ids = {e.id for e in hit.entries}
            if hit.entry.category is entry.category and not (in_source | elsewhere) & ids:
                return False  # replaced by another person, state, body
        if refers_in_sentence(entry, target, lang):
            return True
        if lang == "zh" and entry.category is Category.STATE and any(
                term.text == "中国" for term in entry.forms("zh")) and any(
                hit.entry.category is Category.PERSON and is_chinese_name(hit.entry)
                for hit in self._index.match_terms(target, lang)):
            # Chinese names China's own officials without the state: 外交部长王毅.
            return True
        in_article = entry_id in elsewhere
        if entry.category is Category.PERSON:
            return in_article
        if entry.category in (Category.BODY, Category.ORGANISATION, Category.DOCUMENT):
            # "the summit", 峰会, "Heads of State Council": the head noun, where the article
            # names the body elsewhere or the sentence names the Organisation it belongs to
            # ("the upcoming SCO summit" -> 即将举行的峰会 ... 上合组织).
            organisation = any(hit.entry.category is Category.ORGANISATION
                               for hit in target_hits)
            return (in_article or organisation) and head_noun_in(entry, target, lang)
        return False

    def _present_after_all(self, entry_id: str, text: str, lang: str) -> bool:
        """True when the matcher missed a term that is there, written in lower case
        where the glossary capitalises it («шанхайский дух»)."""
        capitalised = _WORD_START_RE.sub(lambda m: m.group().upper(), text)
        if capitalised == text:
            return False
        hits = outside_definitions(self._index.match_terms(capitalised, lang), text, lang)
        return any(hit.entry.id == entry_id for hit in hits)

    def check_source(self, text: str, lang: str) -> Iterator[SourceIssue]:
        """Misspelt names in a source text."""
        for finding in check_source(_prose(text), lang, self._index):
            yield SourceIssue(
                issue=Issue(
                    check=CHECK_IDS[finding.check],
                    message=finding.message,
                    severity=Severity(finding.severity),
                ),
                text=text[finding.start : finding.end],
            )


def _prose(text: str) -> str:
    """``text`` without code spans, URLs and link targets (same length: spans stay valid)."""
    return mask_verbatim(text).replace(MASK, " ")


def _is_generic(entry: Entry) -> bool:
    """An entry whose English term is one or two lower-case words (member state)."""
    term = entry.preferred("en")
    return term is not None and term.text.islower() and len(term.text.split()) <= 2
