"""Glossary checks: missing or forbidden terms in a translation, misspelt names in a source."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from i18n_kit.glossary.match import TermIndex, Token, iter_tokens
from i18n_kit.glossary.model import (
    Category,
    Entry,
    Glossary,
    HitKind,
    Register,
    Term,
    TermHit,
    TermStatus,
)
from i18n_kit.glossary.morphology import (
    is_common_noun,
    is_known_word,
    lemmatise_word,
    normalise_yo,
)
from i18n_kit.glossary.names import paired_form
from i18n_kit.glossary.spelling import is_abbreviation

#: Categories whose names are checked for unlisted near misses.
NAME_CATEGORIES = frozenset({Category.PERSON, Category.STATE, Category.BODY})
#: Near misses are looked for in these languages (Chinese has no words to align).
NEAR_MISS_LANGUAGES = ("en", "ru")
# Names shorter than this are too close to other words and names (Iran/Iraq, Modi/mode);
# a lone word needs one letter more (Rahmon/Rahman).
_SHORTEST_NAME = 6
_SHORTEST_WORD = 7
_LONG_NAME = 8  # from here on two edits are allowed, below it one
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True, kw_only=True)
class TermFinding:
    """One glossary problem in a source or translation text."""

    check: str  # "term-missing" | "term-forbidden" | "source-misspelling"
    severity: str  # "error" | "warning"
    message: str  # one line
    start: int  # span in the text the finding is about: the target for
    end: int  # term-missing/term-forbidden, the source for source-misspelling
    suggestion: str | None
    entry_id: str


def _quote(text: str) -> str:
    return f"«{text}»"


def _preferred_text(entry: Entry, lang: str, fallback: str) -> str:
    preferred = entry.preferred(lang)
    return preferred.text if preferred is not None else fallback


def check_translation(
    source: str, source_lang: str, target: str, target_lang: str, index: TermIndex
) -> list[TermFinding]:
    """Approved terms the translation lacks, and forbidden or deprecated forms it uses.

    Every source term whose entry has a ``target_lang`` form must appear in the target in
    some approved form of that entry (any register, any inflection), as often as in the
    source; fewer occurrences give a warning, none an error. What counts as an occurrence
    in the target: a term of its own, a term inside a longer one (the Secretariat's name
    holds the SCO's), a term with words inserted in it (上合组织阿斯塔纳峰会 holds 上合组织峰会).
    Names inside a "hereinafter" definition are not counted on either side: each language
    defines its own short forms; and a short form that refers back (`is_anaphoric`) is not
    required.

    >>> index = TermIndex(_example_glossary())
    >>> [f.message for f in check_translation("The SCO Secretariat.", "en",
    ...                                       "Секретариат.", "ru", index)]
    ['«Секретариат ШОС» (SCO Secretariat) is missing from the translation']
    """
    findings: list[TermFinding] = []
    source_hits = outside_definitions(index.match_terms(source, source_lang), source, source_lang)
    target_layers = index.match_layers(target, target_lang)
    target_hits = outside_definitions(target_layers.top, target, target_lang)
    wanted: Counter[str] = Counter()
    first_hit: dict[str, TermHit] = {}
    for hit in source_hits:
        # A name several entries share (扎帕罗夫: Sadyr or Akylbek Japarov) demands none
        # of them; the context that settles it has narrowed the hit already.
        if hit.candidates:
            continue
        if hit.entry.registers(target_lang) and not is_anaphoric(hit.term):
            wanted[hit.entry.id] += 1
            first_hit.setdefault(hit.entry.id, hit)
    found = Counter(
        entry.id
        for hit in target_hits + outside_definitions(target_layers.nested, target, target_lang)
        for entry in hit.entries
    )
    for entry_id, count in wanted.items():
        if found[entry_id] >= count:
            continue
        hit = first_hit[entry_id]
        have = found[entry_id] + index.count_split(target, target_lang, hit.entry)
        if have >= count:
            continue
        approved = _approved_text(hit, target_lang)
        named = _preferred_text(hit.entry, source_lang, hit.text)
        if have == 0:
            severity, message = (
                "error",
                f"{_quote(approved)} ({named}) is missing from the translation",
            )
        else:
            severity = "warning"
            message = (
                f"{_quote(approved)} ({named}) appears {have} time(s) in the "
                f"translation but {count} in the source"
            )
        findings.append(
            TermFinding(
                check="term-missing",
                severity=severity,
                message=message,
                start=0,
                end=len(target),
                suggestion=approved,
                entry_id=entry_id,
            )
        )
    # One finding per entry and form, however often the text repeats it (issue 19).
    flagged = [hit for hit in target_hits if hit.kind is HitKind.FLAGGED and hit.term]
    times = Counter((hit.entry.id, hit.term.text) for hit in flagged if hit.term)
    reported: set[tuple[str, str]] = set()
    for hit in flagged:
        if hit.term is None or (hit.entry.id, hit.term.text) in reported:
            continue
        reported.add((hit.entry.id, hit.term.text))
        count = times[(hit.entry.id, hit.term.text)]
        forbidden = hit.term.status is TermStatus.FORBIDDEN
        adjective = "forbidden" if forbidden else "deprecated"
        fix = f"; use {_quote(hit.suggestion)}" if hit.suggestion else ""
        repeated = f" ({count} times)" if count > 1 else ""
        findings.append(
            TermFinding(
                check="term-forbidden",
                severity="error" if forbidden else "warning",
                message=f"{_quote(hit.text)} is a {adjective} form{fix}{repeated}",
                start=hit.start,
                end=hit.end,
                suggestion=hit.suggestion,
                entry_id=hit.entry.id,
            )
        )
    return findings


def _first_time(seen: set[tuple[str, str]], entry_id: str, form: str) -> bool:
    """Whether (entry, form) is met for the first time; remembers it."""
    if (entry_id, form) in seen:
        return False
    seen.add((entry_id, form))
    return True


def is_anaphoric(term: Term | None) -> bool:
    """A short form that refers back to a name the text has given: "the Organisation",
    «Организация», 本组织. Each language words these its own way («整个组织», "it", a
    repeated full name), so the translation is not required to have one.

    >>> is_anaphoric(Term(text="the Organisation", lang="en", register=Register.SHORT))
    True
    """
    if term is None or term.register is not Register.SHORT:
        return False
    words = term.text.split()
    if term.lang == "en":
        return len(words) == 2 and words[0].lower() == "the"
    if term.lang == "zh":
        return term.text.startswith("本")
    return len(words) == 1 and is_common_noun(words[0])


def _approved_text(hit: TermHit, lang: str) -> str:
    """The form to suggest in ``lang`` for a source hit: same register when there is one."""
    paired = paired_form(hit, lang)
    return "" if paired is None else paired.text


#: Where a text defines its own short names: "(hereinafter referred to as the SCO or the
#: Organisation)", «(далее – ШОС или Организация)», «（以下简称“上合组织”）».
DEFINITION_PATTERNS = {
    "en": re.compile(r"\bhereinafter\b[^),;]*", re.IGNORECASE),
    "ru": re.compile(r"\bдалее\s*(?:[-–—]|именуем\w*|по тексту)[^),;]*", re.IGNORECASE),
    "zh": re.compile(r"(?:以下简称|以下称|下称|以下统称)[^）)，,；;。]*"),
}


def definition_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The [start, end) spans of "hereinafter" definitions in ``text``.

    >>> text = "Шанхайская организация сотрудничества (далее – ШОС или Организация) создана"
    >>> [text[s:e] for s, e in definition_spans(text, "ru")]
    ['далее – ШОС или Организация']
    """
    pattern = DEFINITION_PATTERNS.get(lang)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def outside_definitions(hits: list[TermHit], text: str, lang: str) -> list[TermHit]:
    """``hits`` less those inside a "hereinafter" definition (`definition_spans`)."""
    spans = definition_spans(text, lang)
    if not spans:
        return hits
    return [hit for hit in hits if not any(s <= hit.start < e for s, e in spans)]


def check_source(text: str, lang: str, index: TermIndex) -> list[TermFinding]:
    """Misspelt names in a source text: listed `!` forms, then unlisted near misses.

    >>> index = TermIndex(_example_glossary())
    >>> [f.message for f in check_source("Shavkat Mirzyoyev arrived.", "en", index)]
    ['«Shavkat Mirzyoyev» looks like a misspelling of «Shavkat Mirziyoyev»']
    """
    hits = index.match_terms(text, lang)
    seen: set[tuple[str, str]] = set()
    findings = [
        TermFinding(
            check="source-misspelling",
            severity="error",
            message=f"{_quote(hit.text)} is a form the glossary forbids; write "
            f"{_quote(hit.suggestion)}"
            if hit.suggestion
            else f"{_quote(hit.text)} is a form the glossary forbids",
            start=hit.start,
            end=hit.end,
            suggestion=hit.suggestion,
            entry_id=hit.entry.id,
        )
        for hit in hits
        if hit.term is not None and hit.term.status is TermStatus.FORBIDDEN
        and _first_time(seen, hit.entry.id, hit.term.text)
    ]
    for miss in find_near_misses(text, lang, index, hits=hits):
        findings.append(
            TermFinding(
                check="source-misspelling",
                severity="warning",
                message=f"{_quote(miss.text)} looks like a misspelling of "
                f"{_quote(miss.suggestion or '')}",
                start=miss.start,
                end=miss.end,
                suggestion=miss.suggestion,
                entry_id=miss.entry.id,
            )
        )
    findings.sort(key=lambda finding: finding.start)
    return findings


_Spelling = tuple[tuple[str, ...], ...]  # per word: its comparison spellings


@dataclass(frozen=True, slots=True)
class _Name:
    """A person, state or body name to compare text against."""

    spelled: _Spelling
    length: int  # letters and spaces, which sets the edits allowed
    text: str  # the glossary form, suggested as the fix
    entry: Entry
    suggested: bool = True  # False: too short to suggest, but a correct spelling


def _spell(words: list[str]) -> _Spelling:
    """Russian words by every lemma (names parse ambiguously), others case-folded."""
    spelled: list[tuple[str, ...]] = []
    for word in words:
        if _CYRILLIC_RE.search(word) and not is_abbreviation(word):
            spelled.append(lemmatise_word(word))
        else:
            spelled.append((normalise_yo(word.casefold()),))
    return tuple(spelled)


def _bucket(words: list[str]) -> tuple[int, str]:
    return len(words), normalise_yo(words[0][:2].casefold())


_ByCount = dict[tuple[int, str], list[_Name]]
_NAMES: dict[int, tuple[TermIndex, dict[str, _ByCount]]] = {}
_NAMES_KEPT = 4


def _names(index: TermIndex, lang: str) -> dict[tuple[int, str], list[_Name]]:
    """Names by (word count, first two letters); built once per index and language."""
    kept = _NAMES.get(id(index))
    if kept is None or kept[0] is not index:
        if len(_NAMES) >= _NAMES_KEPT:
            del _NAMES[next(iter(_NAMES))]
        kept = (index, {})
        _NAMES[id(index)] = kept
    cache = kept[1]
    if lang in cache:
        return cache[lang]
    names: dict[tuple[int, str], list[_Name]] = {}
    for entry in index.glossary:
        if entry.category not in NAME_CATEGORIES:
            continue
        for term in entry.forms(lang):
            if term.status is not TermStatus.PREFERRED and term.status is not TermStatus.ADMITTED:
                continue
            words = [t.text for t in iter_tokens(term.text) if t.is_word]
            forms = [(words, term.text)]
            # A person is often named by surname alone («Гутерриш заявил»).
            if entry.category is Category.PERSON and len(words) > 1:
                forms.append((words[-1:], words[-1]))
            for form_words, form_text in forms:
                length = len(" ".join(form_words))
                # A short name is not suggested (too many words are one edit from it),
                # but a text that spells it is not a misspelling of a longer one.
                long_enough = length >= (
                    _SHORTEST_WORD if len(form_words) == 1 else _SHORTEST_NAME)
                spelled = _spell(form_words)
                key = _bucket(form_words)
                if all(name.spelled != spelled for name in names.get(key, [])):
                    names.setdefault(key, []).append(
                        _Name(spelled, length, form_text, entry, long_enough))
    cache[lang] = names
    return names


def _word_runs(text: str) -> Iterator[list[Token]]:
    """Runs of words with only spaces, dashes, quotes or Markdown between them."""
    run: list[Token] = []
    for token in iter_tokens(text):
        if token.is_word:
            run.append(token)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def _looks_like_name(words: list[Token], lang: str) -> bool:
    if not words[0].text[:1].isupper():
        return False
    # A misspelt Russian name is rarely a dictionary word; «Индианы» and «Россиянин» are.
    return not (lang == "ru" and all(is_known_word(w.text) for w in words))


def find_near_misses(
    text: str, lang: str, index: TermIndex, *, hits: list[TermHit] | None = None
) -> list[TermHit]:
    """Unlisted spellings a small edit away from a person, state or body name.

    Word-aligned: a run of n words is compared with the n-word names that share its first
    two letters; up to one edit for names under 8 letters, two from 8 on (Russian compared
    by lemma). Spans the glossary matches (``hits``, computed when not given), dictionary
    words, lowercase words and mere endings (Russia/Russian) are left alone.

    >>> index = TermIndex(_example_glossary())
    >>> [(h.text, h.suggestion) for h in find_near_misses("Mirzyoyev said", "en", index)]
    [('Mirzyoyev', 'Mirziyoyev')]
    """
    if lang not in NEAR_MISS_LANGUAGES:
        return []
    if hits is None:
        hits = index.match_terms(text, lang)
    names = _names(index, lang)
    lengths = sorted({count for count, _ in names})
    hit_ends = [hit.end for hit in hits]  # sorted: hits are ordered and disjoint
    misses: list[TermHit] = []
    taken_until = 0
    for run in _word_runs(text):
        for first in range(len(run)):
            if run[first].start < taken_until:
                continue
            for count in reversed(lengths):
                words = run[first : first + count]
                if len(words) < count or not _looks_like_name(words, lang):
                    continue
                start, end = words[0].start, words[-1].end
                after = bisect_right(hit_ends, start)  # the first hit ending after start
                if after < len(hits) and hits[after].start < end:
                    continue  # the glossary knows this span
                name = _closest_name([w.text for w in words], names, lang)
                if name is None:
                    continue
                misses.append(
                    TermHit(
                        start=start,
                        end=end,
                        text=text[start:end],
                        kind=HitKind.NEAR_MISS,
                        entry=name.entry,
                        term=None,
                        suggestion=name.text,
                    )
                )
                taken_until = end
                break
    return misses


def _closest_name(words: list[str], names: _ByCount, lang: str) -> _Name | None:
    """The name ``words`` misspell, or None: no name is near enough, or ``words`` are a
    known name (or an ending of one) as they are."""
    candidates = names.get(_bucket(words), [])
    if not candidates:
        return None
    initials = [normalise_yo(word[:1].casefold()) for word in words]
    spelled = _spell(words)
    best: tuple[int, _Name] | None = None
    for name in candidates:
        if [variants[0][:1] for variants in name.spelled] != initials:
            continue
        allowed = 2 if name.length >= _LONG_NAME else 1
        # An English person's name takes no endings (a possessive's "s" is a word of its
        # own): "Rahmonn" is one edit from "Rahmon", not an ending of it.
        endings = not (lang == "en" and name.entry.category is Category.PERSON)
        total = 0
        for mine, theirs in zip(spelled, name.spelled, strict=True):
            total += min(_word_distance(a, b, allowed, endings=endings)
                         for a in mine for b in theirs)
            if total > allowed:
                break
        if total == 0:
            return None  # spelled as the glossary spells a name
        if name.suggested and total <= allowed and (best is None or total < best[0]):
            best = (total, name)
    return None if best is None else best[1]


def _word_distance(mine: str, theirs: str, allowed: int, *, endings: bool = True) -> int:
    if endings and (mine.startswith(theirs) or theirs.startswith(mine)):
        return 0  # an ending, not a misspelling: Russia/Russian, Kyrgyz/Kyrgyzstan
    return int(Levenshtein.distance(mine, theirs, score_cutoff=allowed + 1))


def _example_glossary() -> Glossary:
    """Two entries, for the examples in this module's docstrings."""
    return Glossary(
        entries=(
            Entry(
                id="body-006",
                category=Category.BODY,
                terms=(
                    Term(text="SCO Secretariat", lang="en"),
                    Term(text="Секретариат ШОС", lang="ru"),
                ),
            ),
            Entry(
                id="pers-06",
                category=Category.PERSON,
                terms=(Term(text="Shavkat Mirziyoyev", lang="en"),),
            ),
        )
    )
