"""Finding glossary terms in en/ru/zh text: Aho-Corasick over a stream of lemma ids."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, chain
from operator import itemgetter

import ahocorasick

from i18n_kit.glossary.ambiguity import narrow
from i18n_kit.glossary.chinese import inside_longer_word
from i18n_kit.glossary.model import (
    GLOSSARY_LANGUAGES,
    Category,
    Entry,
    Glossary,
    HitKind,
    Term,
    TermHit,
    TermStatus,
)
from i18n_kit.glossary.morphology import is_patronymic, lemmatise_word, normalise_yo
from i18n_kit.glossary.names import INITIAL, PATRONYMIC, derived_name_forms
from i18n_kit.glossary.spelling import is_abbreviation

# How it works. Text and terms are cut into the same tokens: words (letters and digits),
# single CJK characters, and single "hard" punctuation marks (, . / ...). Spaces, hyphens
# and dashes, quotes, brackets and Markdown emphasis between tokens are ignored, so
# «государства-члены», «государства – члены» and «**государства** члены» read alike.
# Each token becomes one key: an abbreviation its exact spelling, a Cyrillic word its
# lemma, a Latin word its case-folded singular. Every key the glossary uses gets an id,
# written as a short fixed-width code, so a term is a string of codes and a text is a
# string of the same codes (unknown tokens become a filler no term contains). One
# Aho-Corasick automaton per language then finds every term in a single pass whose cost
# barely grows with the number of terms; Python work is per distinct word (cached) and
# per hit, never per term.

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Characters that may sit inside a multi-word term without breaking it.
_SOFT = _DASHES + "\"'«»‘’‚‛“”„‟‹›「」『』《》〈〉【】〔〕()（）\\[\\]*_~`"
_TOKEN = (
    rf"[{_CJK}]"  # one CJK character is one token: Chinese has no word boundaries
    # A word; digits are word characters. An apostrophe splits (SCO's = SCO + s).
    rf"|[^\W_{_CJK}]+"
    rf"|[^\w\s{_SOFT}]"  # any other mark is a token of its own
)
_BLANK_LINE = r"\n[ \t]*\n"  # ends a paragraph; no term spans two
_TOKEN_RE = re.compile(rf"{_BLANK_LINE}|{_TOKEN}")
# The gap may also end at the end of the text: a gap that could not (a run of "(" with
# no word after it) was tried again from each of its characters, quadratic in its length.
_PAIR_RE = re.compile(rf"([\s{_SOFT}]*)({_TOKEN}|\Z)")
_BLANK_LINE_RE = re.compile(_BLANK_LINE)
_SOFT_GAP_RE = re.compile(rf"\s*[{_DASHES}]\s*")
_STRIP_RE = re.compile(r"[\"'«»‘’‚‛“”„‟‹›「」『』《》〈〉【】〔〕()（）\[\]*_~`]")
_QUOTES = "\"'«»‘’‚‛“”„‟‹›「」『』《》〈〉"
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_FILLER = " "  # repeated to code width: every token no term contains
_EXACT = "="

_STATUS_RANK = {
    TermStatus.PREFERRED: 0,
    TermStatus.ADMITTED: 1,
    TermStatus.DEPRECATED: 2,
    TermStatus.FORBIDDEN: 3,
}
_KIND = {
    TermStatus.PREFERRED: HitKind.TERM,
    TermStatus.ADMITTED: HitKind.VARIANT,
    TermStatus.DEPRECATED: HitKind.FLAGGED,
    TermStatus.FORBIDDEN: HitKind.FLAGGED,
}
#: Words (Chinese: characters) a term may have inserted in each gap (`count_split`).
SPLIT_GAP = {"en": 2, "ru": 2, "zh": 8}
#: Distinct surface forms remembered per language before the cache starts over.
SURFACE_CACHE_SIZE = 500_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """One token of a text: [start, end) and the text it covers."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def iter_tokens(text: str) -> Iterator[Token]:
    """The tokens matching works on, in order (soft separators are left out).

    >>> [t.text for t in iter_tokens("«Совет» глав, 上合")]
    ['Совет', 'глав', ',', '上', '合']
    """
    for match in _TOKEN_RE.finditer(text):
        yield Token(start=match.start(), end=match.end(), text=match.group())


def fold_latin(word: str) -> str:
    """A Latin word case-folded, crudely singularised and in American spelling, so
    `Member States` = `member state` and `Organisation` = `Organization`.

    >>> fold_latin("Secretaries"), fold_latin("States"), fold_latin("Congress")
    ('secretary', 'state', 'congress')
    >>> [fold_latin(w) for w in ("Organisations", "Programme", "Centre", "Defence")]
    ['organization', 'program', 'center', 'defense']
    """
    word = word.casefold()
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return american_spelling(word)


# British -> American, for matching only (both sides fold alike): -isation, -ise, -yse,
# -tre/-bre, -ence of defence/licence/offence, -our after b/v/l/n, programme, catalogue.
_SPELLING = (
    (re.compile(r"isation$"), "ization"),
    (re.compile(r"(?<=\w\w\w)is(e|ed|ing|er)$"), r"iz\1"),
    (re.compile(r"(?<=\w\w)ys(e|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w\w)([tb])re$"), r"\1er"),
    (re.compile(r"^(de|li|of)fence$"), r"\1fense"),
    (re.compile(r"(?<=\w\w[bvln])our"), "or"),
    (re.compile(r"^programme"), "program"),
    (re.compile(r"^catalogue"), "catalog"),
)


def american_spelling(word: str) -> str:
    """A case-folded English word in American spelling (British forms are read alike).

    >>> american_spelling("neighbourliness"), american_spelling("four")
    ('neighborliness', 'four')
    """
    if len(word) < 5:
        return word
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


def word_keys(word: str) -> tuple[str, ...]:
    """Candidate keys of one token, best first (several for an ambiguous Russian word).

    >>> word_keys("Совета"), word_keys("UN"), word_keys("Heads")
    (('совет', 'совета'), ('=UN',), ('head',))
    """
    if not word[:1].isalnum():
        return (word,)
    if is_abbreviation(word):
        return (_EXACT + normalise_yo(word),)
    if _CYRILLIC_RE.search(word):
        return lemmatise_word(word)
    return (fold_latin(word),)


def class_key(word: str) -> str | None:
    """The placeholder a word stands in for when no glossary word has its keys: a single
    capital letter is an initial, a Russian patronymic a patronymic (see names.py).

    >>> class_key("Р"), class_key("Владимировича"), class_key("Совет")
    ('<initial>', '<patronymic>', None)
    """
    if len(word) == 1 and word.isupper():
        return INITIAL
    if word[:1].isupper() and _CYRILLIC_RE.search(word) and is_patronymic(word):
        return PATRONYMIC
    return None


def signature(text: str) -> str:
    """A span's spelling with case, «ё», quotes, Markdown and dash style ironed out.

    Used to tell apart terms that share their keys, such as the preferred
    `Kassym-Jomart Tokayev` and the forbidden `Kassym Jomart Tokayev`.

    >>> signature("**Kassym – Jomart** Tokayev")
    'kassym-jomart tokayev'
    """
    text = _STRIP_RE.sub("", normalise_yo(text).casefold())
    return " ".join(_SOFT_GAP_RE.sub("-", text).split())


def _id_codes(count: int) -> list[str]:
    """Codes for ids 0..count-1: fixed-width strings of base-64 digits.

    pyahocorasick finds a node's child by a linear scan, so one character per id would
    make the root scan every first word of 50,000 terms for each word of text. Digits
    keep every node at most 64 children wide; each digit position has its own characters,
    so a match can only start on a token boundary.
    """
    width = 1
    while _BASE**width < count:
        width += 1
    codes: list[str] = []
    for number in range(count):
        digits = []
        for position in range(width):
            digits.append(chr(_DIGITS + position * _BASE + number % _BASE))
            number //= _BASE
        codes.append("".join(reversed(digits)))  # most significant first: narrow root
    return codes


_BASE = 64
_DIGITS = 0x100  # digit characters start here, above the filler


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A token sequence and the glossary terms spelled with it."""

    length: int
    capitals: tuple[int, ...]  # token offsets that must start with a capital letter
    terms: tuple[tuple[Entry, Term], ...]


class _SurfaceCodes(dict[str, str]):
    """Token text -> code; computed once per distinct surface form."""

    def __init__(self, codes: dict[str, str], filler: str) -> None:
        super().__init__()
        self._codes = codes
        self._filler = filler
        self.filler = filler  # the code of a word no term has

    def __missing__(self, surface: str) -> str:
        if len(self) >= SURFACE_CACHE_SIZE:
            self.clear()
        code = self._filler
        # A capital letter alone is an initial («Р. К. Алимов»), never the preposition «к».
        initial = len(surface) == 1 and surface.isupper()
        keys = (INITIAL,) if initial else word_keys(surface)
        if not initial and len(surface) > 1 and surface.isupper():
            # A heading in capitals ("ASTANA DECLARATION"): an abbreviation first, then
            # the word as written in lower case.
            keys = (*keys, *word_keys(surface.lower()))
        for key in keys:
            found = self._codes.get(key)
            if found is not None:
                code = found
                break
        else:
            # Only a word no glossary term has is asked whether it is a patronymic: the
            # dictionary look-up is not paid for the words terms are made of.
            if not initial and class_key(surface) == PATRONYMIC:
                code = self._codes.get(PATRONYMIC, self._filler)
        self[surface] = code
        return code


_Tokens = list[tuple[int, bool]]  # (id, must start with a capital) per token
_Grouped = dict[tuple[int, ...], tuple[tuple[int, ...], list[tuple[Entry, Term]]]]


class _Language:
    """The terms of one glossary language, ready to be found in text of that language.

    Each language has its own ids: a text is only ever matched against the terms of its
    own language, and building one language does not pay for the others (Russian
    lemmatises every Russian term, most of an index's cost).
    """

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.glossary = glossary
        self.vocabulary: dict[str, int] = {}  # key -> id
        self.id_count = 0
        grouped = self._group(lang)
        self.codes = _id_codes(self.id_count)
        self.width = len(self.codes[0]) if self.codes else 1
        key_codes = {key: self.codes[number] for key, number in self.vocabulary.items()}
        self.automaton = ahocorasick.Automaton()
        self.patterns: list[_Pattern] = []
        for ids, (capitals, terms) in grouped.items():
            self.automaton.add_word("".join(self.codes[i] for i in ids), len(self.patterns))
            self.patterns.append(_Pattern(len(ids), capitals, tuple(terms)))
        if self.patterns:
            self.automaton.make_automaton()
        self.surfaces = _SurfaceCodes(key_codes, _FILLER * self.width)

    def term_tokens(self, term_text: str) -> _Tokens | None:
        texts = [token.text for token in iter_tokens(term_text)]
        if any(text.startswith("\n") for text in texts):
            return None
        return self._token_ids(texts) or None

    def _token_ids(self, texts: Iterable[str]) -> _Tokens:
        tokens: _Tokens = []
        for text in texts:
            keys = (text,) if text in (INITIAL, PATRONYMIC) else word_keys(text)
            if len(text) == 1 and text.isupper():
                # A capital letter alone is an initial in text («Ван И» is written so
                # too): the term reads it as the text does.
                keys = (INITIAL,)
            if class_key(text) == PATRONYMIC:
                # Every patronymic is one word to the glossary: «Путин Владимир
                # Владимирович» and «Михаил Владимирович Мишустин» share no surname.
                keys = (PATRONYMIC,)
            # Every lemma of the glossary's word names the same id, so that a text word
            # whose best parse differs («Токаев» -> «токай», «Токаева» -> «токаев») meets it.
            number = next((self.vocabulary[k] for k in keys if k in self.vocabulary), None)
            if number is None:
                number = self.id_count
                self.id_count += 1
            for key in keys:
                self.vocabulary.setdefault(key, number)
            tokens.append((number, text[:1].isupper() and not is_abbreviation(text)))
        return tokens

    def _group(self, lang: str) -> _Grouped:
        """The language's terms by id sequence."""
        written: list[tuple[_Tokens, Entry, Term]] = []
        expansions: dict[int, _Tokens] = {}
        for entry in self.glossary:
            for term in entry.forms(lang):
                tokens = self.term_tokens(term.text)
                if tokens is not None:
                    written.append((tokens, entry, term))
            full = entry.preferred(lang)
            full_tokens = None if full is None else self.term_tokens(full.text)
            if full_tokens is None or len(full_tokens) < 2:
                continue
            for term in entry.forms(lang):
                if term.status is TermStatus.ADMITTED and is_abbreviation(term.text):
                    short = self.term_tokens(term.text)
                    if short is not None and len(short) == 1:
                        expansions.setdefault(short[0][0], full_tokens)
        grouped: _Grouped = {}
        for tokens, entry, term in written:
            _add_pattern(grouped, tokens, entry, term)
        self._add_derived_names(grouped, lang)
        listed = set(grouped)
        for variant, entry, term in _nested_variants(written, expansions):
            if tuple(number for number, _ in variant) not in listed:
                _add_pattern(grouped, variant, entry, term)
        return grouped

    def _add_derived_names(self, grouped: _Grouped, lang: str) -> None:
        """Surnames alone, initials and patronymics (names.py). A form two people share
        («Жапаров», 扎帕罗夫 listed for one of them) names both: the hit gets both as
        candidates, and the context narrows them (ambiguity.py)."""
        derived: dict[tuple[int, ...], list[tuple[_Tokens, Entry, Term]]] = {}
        for entry in self.glossary:
            for form in derived_name_forms(entry, lang):
                tokens = self._token_ids(form.tokens)
                ids = tuple(number for number, _ in tokens)
                derived.setdefault(ids, []).append((tokens, entry, form.term))
        for ids, candidates in derived.items():
            listed = grouped.get(ids)
            if listed is not None:
                # A listed form: another person's surname joins it, never a non-person's.
                if not all(entry.category is Category.PERSON for entry, _ in listed[1]):
                    continue
                have = {entry.id for entry, _ in listed[1]}
                for _, entry, term in candidates:
                    if entry.id not in have:
                        have.add(entry.id)
                        listed[1].append((entry, term))
                continue
            seen: set[str] = set()
            for tokens, entry, term in candidates:
                if entry.id not in seen:
                    seen.add(entry.id)
                    _add_pattern(grouped, tokens, entry, term)


class TermIndex:
    """All terms of a glossary, ready to be found in text of any glossary language (each
    language is made ready the first time a text of it is matched).

    >>> from i18n_kit.glossary.model import Category, Entry, Glossary, Term
    >>> sco = Entry(id="org-001", category=Category.ORGANISATION,
    ...             terms=(Term(text="ШОС", lang="ru"),))
    >>> [hit.text for hit in TermIndex(Glossary(entries=(sco,))).match_terms("В ШОС", "ru")]
    ['ШОС']
    """

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._languages: dict[str, _Language] = {}

    def _language(self, lang: str) -> _Language:
        found = self._languages.get(lang)
        if found is None:
            if lang not in GLOSSARY_LANGUAGES:
                raise ValueError(
                    f"glossary language {lang!r} is not one of {GLOSSARY_LANGUAGES}")
            found = self._languages[lang] = _Language(self.glossary, lang)
        return found

    def match_terms(self, text: str, lang: str) -> list[TermHit]:
        """Glossary terms in ``text``: sorted, non-overlapping, leftmost-longest.

        >>> from i18n_kit.glossary.model import Category, Entry, Glossary, Term
        >>> e = Entry(id="body-006", category=Category.BODY,
        ...           terms=(Term(text="Секретариат ШОС", lang="ru"),))
        >>> TermIndex(Glossary(entries=(e,))).match_terms("в Секретариате ШОС", "ru")[0].text
        'Секретариате ШОС'
        """
        return self._match(text, lang, nested=False).top

    def match_layers(self, text: str, lang: str) -> TermLayers:
        """The terms of `match_terms`, and the terms of other entries inside them: «ШОС»
        and «РАТС ШОС» inside «Исполнительный комитет РАТС ШОС».

        >>> from i18n_kit.glossary.model import Category, Entry, Glossary, Term
        >>> sco = Entry(id="org", category=Category.ORGANISATION,
        ...             terms=(Term(text="ШОС", lang="ru"),))
        >>> sec = Entry(id="sec", category=Category.BODY,
        ...             terms=(Term(text="Секретариат ШОС", lang="ru"),))
        >>> layers = TermIndex(Glossary(entries=(sco, sec))).match_layers(
        ...     "Секретариат ШОС", "ru")
        >>> [h.entry.id for h in layers.top], [h.entry.id for h in layers.nested]
        (['sec'], ['org'])
        """
        return self._match(text, lang, nested=True)

    def _match(self, text: str, lang: str, *, nested: bool) -> TermLayers:
        language = self._language(lang)
        layers = TermLayers(top=[], nested=[])
        if not language.patterns:
            return layers
        # No term spans a blank line: match each paragraph on its own.
        start = 0
        for blank in _BLANK_LINE_RE.finditer(text) if "\n" in text else ():
            self._match_paragraph(text, lang, language, start, blank.start(), layers, nested)
            start = blank.end()
        self._match_paragraph(text, lang, language, start, len(text), layers, nested)
        if lang == "zh" and any(hit.kind is HitKind.FLAGGED for hit in layers.top):
            # 蒙古 in 内蒙古, 塔吉克 in 塔吉克族: another word, not the state's short form.
            layers.top[:] = [
                hit for hit in layers.top
                if hit.kind is not HitKind.FLAGGED
                or not inside_longer_word(text, hit.start, hit.end)
            ]
        return layers

    def _match_paragraph(
        self, text: str, lang: str, language: _Language, offset: int, stop: int,
        layers: TermLayers, nested: bool,
    ) -> None:
        patterns = language.patterns
        # (gap, token) pairs: the gaps' lengths give the offsets without a per-token loop.
        pairs: list[tuple[str, str]] = _PAIR_RE.findall(text, offset, stop)
        while pairs and not pairs[-1][1]:
            pairs.pop()  # the gap at the end, and the empty match at the end
        found = _find(language, pairs, offset)
        merged, dropped = _skip_inserted(pairs, lang, offset)
        if dropped:
            # A name with a word inserted (上合组织新任秘书长) or an abbreviation in brackets
            # inside it: found on the stream without them, kept only when it spans one.
            found += [(start, end, number) for start, end, number
                      in _find(language, merged, offset)
                      if any(start < left and right < end for left, right in dropped)]
        if not found:
            return
        found.sort(key=lambda item: (item[0], -item[1], item[2]))
        chosen: list[tuple[int, int, _Pattern]] = []
        inner: list[tuple[int, int, _Pattern]] = []
        next_free = offset
        for start, end, number in found:
            if start >= next_free:
                chosen.append((start, end, patterns[number]))
                next_free = end
            elif nested and end <= next_free:
                inner.append((start, end, patterns[number]))
        made = [self._make_hit(text, lang, start, end, pattern)
                for start, end, pattern in chosen]
        top = [hit for hit in made if hit is not None]
        layers.top.extend(top)
        if not inner or not top:
            return
        firsts = [start for (start, _, _), hit in zip(chosen, made, strict=True) if hit]
        for start, end, pattern in inner:
            outer = top[max(0, bisect_right(firsts, start) - 1)]
            hit = self._make_hit(text, lang, start, end, pattern)
            if hit is not None and hit.entry.id != outer.entry.id:
                layers.nested.append(hit)

    def count_split(self, text: str, lang: str, entry: Entry) -> int:
        """How often ``entry`` occurs in ``text`` with words inserted inside it, as official
        text does: 上合组织阿斯塔纳峰会 for 上合组织峰会 ("SCO Astana summit"), «саммит глав
        государств ШОС» for «саммит ШОС». At most SPLIT_GAP words (Chinese: characters)
        in each gap, and no punctuation. Only for crediting a term a check misses.

        >>> from i18n_kit.glossary.model import Category, Entry, Glossary, Term
        >>> summit = Entry(id="s", category=Category.CONCEPT,
        ...                terms=(Term(text="上合组织峰会", lang="zh"),))
        >>> TermIndex(Glossary(entries=(summit,))).count_split("上合组织阿斯塔纳峰会", "zh", summit)
        1
        """
        gap = SPLIT_GAP[lang]
        language = self._language(lang)
        pairs: list[tuple[str, str]] = _PAIR_RE.findall(text)
        surfaces = language.surfaces
        stream = [surfaces[token] for _, token in pairs]
        words = [token[:1].isalnum() for _, token in pairs]
        count = 0
        taken = -1
        for term in entry.forms(lang):
            if term.status not in (TermStatus.PREFERRED, TermStatus.ADMITTED):
                continue
            tokens = language.term_tokens(term.text)
            if tokens is None or len(tokens) < 2:
                continue
            if any(number >= len(language.codes) for number, _ in tokens):
                continue  # a word no term of this glossary has: not an entry of it
            wanted = [language.codes[number] for number, _ in tokens]
            for first, code in enumerate(stream):
                if first <= taken or code != wanted[0]:
                    continue
                last = _split_end(stream, words, first, wanted, gap)
                # Written whole, the matcher has counted it already.
                if last is not None and last - first + 1 > len(wanted):
                    count += 1
                    taken = last
        return count

    def _make_hit(
        self, text: str, lang: str, start: int, end: int, pattern: _Pattern
    ) -> TermHit | None:
        """The hit for a pattern found at [start, end); None when the context shows it is
        a person the glossary does not hold (ambiguity.py)."""
        entry, term = _pick_term(text[start:end], pattern.terms)
        candidates: tuple[Entry, ...] = ()
        people = {e.id: (e, t) for e, t in pattern.terms if e.category is Category.PERSON}
        others = {e.id for e, _ in pattern.terms}
        if len(others) > 1 or (people and term not in entry.terms) or (
                people and " " not in text[start:end].strip()):
            firsts: dict[str, tuple[Entry, Term]] = {}
            for e, t in sorted(pattern.terms, key=lambda pair: pair[0].id != entry.id):
                firsts.setdefault(e.id, (e, term if e.id == entry.id else t))
            filler = self._language(lang).surfaces.filler
            left = narrow(text, lang, start, end, list(firsts.values()),
                          lambda word: self._language(lang).surfaces[word] != filler)
            if not left:
                return None
            entry, term = left[0]
            if len(left) > 1:
                candidates = tuple(e for e, _ in left)
        start, end = _widen_to_quotes(text, start, end, term.text)
        suggestion = None
        if term.status in (TermStatus.DEPRECATED, TermStatus.FORBIDDEN):
            preferred = entry.preferred(lang)
            suggestion = preferred.text if preferred is not None else None
        return TermHit(
            start=start,
            end=end,
            text=text[start:end],
            kind=_KIND[term.status],
            entry=entry,
            term=term,
            suggestion=suggestion,
            candidates=candidates,
        )


#: Words official Chinese inserts into a name without changing what it names:
#: 上合组织新任秘书长 is the SCO Secretary-General (副, deputy, does change it: 副秘书长 is
#: another office, an entry of its own).
INSERTED_ZH = ("新任", "现任", "时任")


def _find(language: _Language, pairs: list[tuple[str, str]],
          offset: int) -> list[tuple[int, int, int]]:
    """(start, end, pattern) of every pattern found in the (gap, token) pairs."""
    stream = "".join(map(language.surfaces.__getitem__, map(itemgetter(1), pairs)))
    width = language.width
    found: list[tuple[int, int]] = []  # (first token, pattern)
    for last_char, number in language.automaton.iter(stream):
        pattern = language.patterns[number]
        first = last_char // width - pattern.length + 1
        if all(pairs[first + i][1][:1].isupper() for i in pattern.capitals):
            found.append((first, number))
    if not found:
        return []
    # Token k starts after k gaps and k tokens, plus its own gap.
    ends = list(accumulate(map(len, chain.from_iterable(pairs)), initial=offset))
    return [(ends[2 * first + 1], ends[2 * (first + language.patterns[number].length)],
             number) for first, number in found]


def _skip_inserted(
    pairs: list[tuple[str, str]], lang: str, offset: int
) -> tuple[list[tuple[str, str]], list[tuple[int, int]]]:
    """The (gap, token) pairs with inserted words folded into the next gap, so that a name
    with them matches as the name: Chinese 新任/现任/时任, and an abbreviation in brackets
    between two words («структуры (РАТС) ШОС», "Structure (RATS) of the SCO"); and the
    [start, end) of what was folded."""
    if not pairs:
        return pairs, []
    drop: set[int] = set()
    if lang == "zh":
        tokens = [token for _, token in pairs]
        for position in range(len(tokens) - 2):
            if tokens[position] + tokens[position + 1] in INSERTED_ZH and position > 0:
                drop.update((position, position + 1))
    for position in range(1, len(pairs) - 1):
        gap, token = pairs[position]
        after_gap, after = pairs[position + 1]
        if (gap.rstrip().endswith(("(", "（")) and after_gap.lstrip().startswith((")", "）"))
                and is_abbreviation(token) and pairs[position - 1][1][:1].isalnum()
                and after[:1].isalnum()):
            drop.add(position)
    if not drop:
        return pairs, []
    kept: list[tuple[str, str]] = []
    dropped: list[tuple[int, int]] = []
    carry = ""
    at = offset
    for position, (gap, token) in enumerate(pairs):
        at += len(gap)
        if position in drop:
            dropped.append((at, at + len(token)))
            carry += gap + token
        else:
            kept.append((carry + gap, token))
            carry = ""
        at += len(token)
    return kept, dropped


#: Variants a term gets from the other forms of the names inside it (`_nested_variants`).
MAX_NESTED_VARIANTS = 16


def _nested_variants(
    written: list[tuple[_Tokens, Entry, Term]], expansions: dict[int, _Tokens]
) -> Iterator[tuple[_Tokens, Entry, Term]]:
    """A longer name written with another form of a name inside it.

    «Исполнительный комитет РАТС ШОС» is as often «Исполнительный комитет Региональной
    антитеррористической структуры ШОС», «Совет глав государств-членов ШОС» «... Шанхайской
    организации сотрудничества»: each name nested in a term may be written in any approved
    form of its own (one at a time), and every one-word abbreviation spelled out at once.
    A form the glossary lists itself keeps its own entry (the caller skips it).
    """
    usable = [(tokens, entry) for tokens, entry, term in written
              if term.status in (TermStatus.PREFERRED, TermStatus.ADMITTED)]
    forms_by_entry: dict[str, list[_Tokens]] = {}
    entry_of: dict[tuple[int, ...], set[str]] = {}
    for tokens, entry in usable:
        forms_by_entry.setdefault(entry.id, []).append(tokens)
        entry_of.setdefault(tuple(number for number, _ in tokens), set()).add(entry.id)
    lengths = sorted({len(ids) for ids in entry_of})
    for tokens, entry, term in written:
        if len(tokens) < 2:
            continue
        ids = tuple(number for number, _ in tokens)
        made = 0
        for start in range(len(tokens)):
            for length in lengths:
                end = start + length
                if length >= len(ids) or end > len(ids):
                    break
                inner = ids[start:end]
                for inner_id in entry_of.get(inner, ()):
                    if inner_id == entry.id:
                        continue
                    for other in forms_by_entry[inner_id]:
                        if made < MAX_NESTED_VARIANTS and tuple(n for n, _ in other) != inner:
                            made += 1
                            yield [*tokens[:start], *other, *tokens[end:]], entry, term
        spelled: _Tokens = []
        for token in tokens:
            spelled.extend(expansions.get(token[0], [token]))
        if len(spelled) > len(tokens):
            yield spelled, entry, term


def _split_end(
    stream: list[str], words: list[bool], first: int, wanted: list[str], gap: int
) -> int | None:
    """The last token of ``wanted`` found from ``first`` on with at most ``gap`` words
    between each two of its tokens, or None."""
    position = first
    for code in wanted[1:]:
        for step in range(1, gap + 2):
            candidate = position + step
            if candidate >= len(stream):
                return None
            if stream[candidate] == code:
                position = candidate
                break
            if not words[candidate]:
                return None  # punctuation ends the search: a term does not span a clause
        else:
            return None
    return position


@dataclass(frozen=True, slots=True, kw_only=True)
class TermLayers:
    """The terms found in a text, and the terms of other entries found inside them."""

    top: list[TermHit]
    nested: list[TermHit]


def _add_pattern(grouped: _Grouped, tokens: _Tokens, entry: Entry, term: Term) -> None:
    ids = tuple(number for number, _ in tokens)
    capitals = tuple(offset for offset, (_, capital) in enumerate(tokens) if capital)
    words = term.text.split()
    if len(tokens) > 1 and (
            (term.lang == "en" and any(is_abbreviation(word) for word in words))
            or (term.lang == "ru" and entry.category is Category.CONCEPT)):
        # "the SCO secretary-general": the abbreviation is anchor enough; «шанхайский
        # дух»: a concept, not a title, which Russian writes in lower case as often
        # (issue 19). Russian titles and names keep their capital («дружеский совет
        # глав государств» is no Council).
        capitals = ()
    known = grouped.setdefault(ids, (capitals, []))
    # Of two spellings with the same ids, the laxer capitals rule applies.
    if len(capitals) < len(known[0]):
        grouped[ids] = (capitals, known[1])
    grouped[ids][1].append((entry, term))


def _pick_term(span: str, terms: tuple[tuple[Entry, Term], ...]) -> tuple[Entry, Term]:
    if len(terms) == 1:
        return terms[0]
    written = signature(span)
    # The spelling as written decides first (a listed misspelling is reported even when a
    # correct form shares its lemmas); otherwise the most approved reading wins, so a form
    # one entry admits is not flagged because another entry forbids it.
    return min(
        terms,
        key=lambda pair: (signature(pair[1].text) != written, _STATUS_RANK[pair[1].status]),
    )


def _widen_to_quotes(text: str, start: int, end: int, term_text: str) -> tuple[int, int]:
    # A term written with its quotes («Шанхайский дух») or ending in brackets ("... (COVID-
    # 19)") covers them in the text too: the term route must not read them as punctuation
    # around the term.
    lead = len(term_text) - len(term_text.lstrip(_QUOTES))
    while lead and start > 0 and text[start - 1] in _QUOTES:
        start, lead = start - 1, lead - 1
    trail = len(term_text) - len(term_text.rstrip(_QUOTES + _CLOSING))
    while trail and end < len(text) and text[end] in _QUOTES + _CLOSING:
        end, trail = end + 1, trail - 1
    return start, end


_CLOSING = ")）]"


_INDEXES: dict[int, tuple[Glossary, TermIndex]] = {}
_INDEXES_KEPT = 4


def match_terms(text: str, lang: str, glossary: Glossary) -> list[TermHit]:
    """Glossary terms in ``text`` (see `TermIndex.match_terms`); the index is built once.

    >>> from i18n_kit.glossary.model import Category, Entry, Glossary, Term
    >>> un = Entry(id="porg-01", category=Category.PARTNER_ORG,
    ...            terms=(Term(text="UN", lang="en"),))
    >>> [h.text for h in match_terms("the UN, un peu", "en", Glossary(entries=(un,)))]
    ['UN']
    """
    kept = _INDEXES.get(id(glossary))
    if kept is None or kept[0] is not glossary:
        if len(_INDEXES) >= _INDEXES_KEPT:
            del _INDEXES[next(iter(_INDEXES))]
        kept = (glossary, TermIndex(glossary))
        _INDEXES[id(glossary)] = kept
    return kept[1].match_terms(text, lang)
