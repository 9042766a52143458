"""Source proofreading: misspelt common words and doubled words in the source articles.

A typo in the source («commn», «Chair of the of the») is copied into every translation,
so it is reported once, against ``content/<file>:<line>``, before anyone translates.

Spelling (English and Russian, Hunspell's dictionaries through ``checks/hunspell.py``)
is tuned for precision: a word is reported only when

- it is written in lower case, or capitalised at the start of a sentence: a capitalised
  word inside a sentence is a name, and an upper-case one an abbreviation (names are
  ``source-misspelling``'s, which knows the glossary's spellings);
- no dictionary knows it: Hunspell's (en_GB or en_US; ru_RU), pymorphy3's for Russian
  (it knows «цифровизация», «стартап»), the user dictionary (every form of every
  glossary term in every language, and the project's ``glossary/words.txt``);
- a word one edit away is in Hunspell's dictionary: a letter dropped, doubled, replaced
  or added, or two letters swapped («commn»: common, «recieve»: receive).

A word with no close correction is more likely a term the dictionaries lack than a typo,
and is left alone. Words joined to digits (20th, 5G, 20-й), URLs, code and raw HTML are
not read.

Doubled words: a word or a phrase of up to four words written twice in a row with only
spaces between («the the», «of the of the»). Chinese is cut into words by rjieba first:
a doubled function word (的的, 在在) or a repeated run of three or more characters
(上合组织上合组织) is reported; reduplication the language uses (看看, 常常, 谢谢, 人人,
好好, 个个, 研究研究, 实实在在) is one word to jieba or two characters, and is not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from i18n_kit.checks.hunspell import has_speller, speller
from i18n_kit.checks.memo import FileMemo
from i18n_kit.checks.registry import Issue, Located
from i18n_kit.checks.text import CYRILLIC_RE, mask_verbatim
from i18n_kit.config import ProjectConfig
from i18n_kit.errors import I18nKitError
from i18n_kit.glossary.chinese import segment
from i18n_kit.glossary.load import GLOSSARY_FOLDER, load_glossary
from i18n_kit.glossary.model import Glossary, TermStatus
from i18n_kit.glossary.morphology import is_known_word, lemmatise_word
from i18n_kit.model import Article
from i18n_kit.resources import shipped_path
from i18n_kit.sources import read_article

CHECK_IDS = frozenset({"source-spelling", "source-doubled-word"})
#: The project's own words, one a line (``#`` starts a comment), beside its glossary.
WORDS_FILE = "words.txt"

# A word: letters, with apostrophes inside (Organisation's, don't).
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What a reported Chinese double needs: a character twice, or three or more repeated.
_ZH_REPEAT_RE = re.compile(r"(.)\1|(.{3,16})\2")  # bounded: linear in the text
_CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# What may stand between a sentence's end and its first word: spaces, quotes, brackets,
# emphasis markers. A full stop after a title or an initial (Mr. Asad R. Qureshi,
# г. Ташкент) ends no sentence.
_SENTENCE_START_RE = re.compile(
    r"(?:^|(?<!\b[A-ZА-ЯЁ])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bг)(?<!\bгг)"
    r"(?<!\bт)(?<!\bим)(?<!\bул)[.!?…]|^\s*[-*+]|^\s*\d+[.)])[\s\"'«»“”„‘’(\[*_]*$"
)
# English pairs that are grammatical twice («that that was», «had had»), Russian ones of
# speech («да да»).
_DOUBLES_ALLOWED = {
    "en": frozenset({"that", "had", "is", "do"}),
    "ru": frozenset({"так", "да", "нет", "ну"}),
}
# Chinese words that never stand twice in a row: a doubled one is a typo.
_ZH_FUNCTION_WORDS = frozenset("的了是在和与及将把被从向于为以并而之也都就但其")
_MIN_LENGTH = 3  # shorter words (г, т, 20-й's й) are abbreviations or endings
_MAX_LENGTH = 24  # longer "words" are codes or pasted junk, and costly to correct
_CORRECTIONS_PER_ARTICLE = 200  # unknown words corrected per article, at most


class UserWords:
    """Words the spelling check accepts whatever the dictionaries say (case-folded)."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self._lemmas: frozenset[str] | None = None

    @property
    def lemmas(self) -> frozenset[str]:
        """The normal forms of the Russian words (Мирзиёеву: мирзиеев), made when first
        needed: lemmatising a glossary takes a fraction of a second."""
        if self._lemmas is None:
            self._lemmas = frozenset(lemma for word in self.words if CYRILLIC_RE.search(word)
                                     for lemma in lemmatise_word(word))
        return self._lemmas

    def knows(self, word: str) -> bool:
        folded = word.casefold().replace("’", "'")
        if folded in self.words or folded.split("'")[0] in self.words:
            return True
        # An inflected name (Мирзиёеву) by its normal form; a common word only as written.
        return word[:1].isupper() and bool(CYRILLIC_RE.search(word)) and (
            not self.lemmas.isdisjoint(lemmatise_word(word)))


def user_words(glossary: Glossary | None, extra: Iterable[str] = ()) -> UserWords:
    """The user dictionary: every usable or deprecated form of every glossary term in
    every language, word by word, and ``extra`` (the word lists).

    >>> user_words(None, ["Tokayev"]).knows("TOKAYEV")
    True
    """
    words: set[str] = {word.casefold() for word in extra}
    for entry in glossary or ():
        for term in entry.terms:
            if term.status is TermStatus.FORBIDDEN:
                continue
            for match in _WORD_RE.finditer(term.text):
                words.add(match.group().casefold().replace("’", "'"))
    return UserWords(frozenset(words))


def read_word_list(path: Path, origin: str) -> list[str]:
    """The words of a word list: one a line, ``#`` comments and blank lines skipped.
    A file that is not UTF-8 is an error naming its line."""
    words: list[str] = []
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return words
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise I18nKitError("not UTF-8 text", path=origin, line=number) from exc
        line = line.split("#", 1)[0].strip()
        if line:
            words.extend(line.split())
    return words


def project_words(config: ProjectConfig) -> UserWords:
    """The project's user dictionary: its glossary (over the shipped one), the shipped
    word list and the project's ``glossary/words.txt``."""
    folder = config.glossary_dir or config.root / GLOSSARY_FOLDER
    extra = read_word_list(shipped_path(GLOSSARY_FOLDER) / WORDS_FILE,
                           f"shipped {GLOSSARY_FOLDER}/{WORDS_FILE}")
    extra += read_word_list(folder / WORDS_FILE, config.relative(folder / WORDS_FILE))
    glossary = load_glossary(project_dir=config.root, folder=config.glossary_dir)
    return user_words(glossary, extra)


def check_proofreading(
    config: ProjectConfig, enabled: frozenset[str], memo: FileMemo | None = None
) -> Iterator[Located]:
    """Spelling and doubled words in every source article of the project (an article
    whose bytes ``memo`` has seen is not read again: its findings are recalled)."""
    from i18n_kit.sync.plan import find_sources  # the content/ listing sync uses

    if not enabled & CHECK_IDS:
        return
    memo = memo or FileMemo(None, config.root, "")
    words: UserWords | None = None  # the glossary is loaded for the first article read
    for source in find_sources(config):
        key, known = memo.recall("proofread", source)
        if known is not None:
            for check, message, line, locale in known:
                yield Located(issue=Issue(check=check, message=message), file=source,
                              line=line, locale=locale, reference=source)
            continue
        path = config.root / source
        try:
            raw = path.read_text(encoding="utf-8")
            article = read_article(path, root=config.root,
                                   default_lang=config.source_language)
        except (OSError, UnicodeDecodeError, I18nKitError):
            continue  # sync reports an article it cannot read
        if words is None:
            words = project_words(config)
        found = list(proofread_article(article, raw.splitlines(), words, enabled))
        if all(item.issue.severity is None and item.file == source for item in found):
            memo.keep(key, [[item.issue.check, item.issue.message, item.line, item.locale]
                            for item in found])
        yield from found


def proofread_article(
    article: Article, lines: list[str], words: UserWords,
    enabled: frozenset[str] = CHECK_IDS,
) -> Iterator[Located]:
    """The proofreading findings of one source article, each at its line in ``lines``
    (the file's text), each word once per line."""
    seen: set[tuple[str, int, str]] = set()
    budget = [_CORRECTIONS_PER_ARTICLE]
    for block in article.blocks:
        if not block.translatable:
            continue
        text = mask_verbatim(block.text)
        found: list[tuple[int, Issue, str]] = []
        if "source-spelling" in enabled and has_speller(article.lang):
            found.extend(_misspellings(text, article.lang, words, budget))
        if "source-doubled-word" in enabled:
            found.extend(_doubled(text, article.lang))
        for start, issue, span in found:
            guess = block.line + block.text.count("\n", 0, start)
            line = _line_of(lines, span, guess)
            if (issue.check, line, span) in seen:
                continue
            seen.add((issue.check, line, span))
            yield Located(issue=issue, file=article.path, line=line, locale=article.lang,
                          reference=article.path)


def find_misspellings(text: str, lang: str, words: UserWords | None = None) -> list[str]:
    """The misspelt words of ``text`` with their corrections (for tests and the docs).

    >>> find_misspellings("Chair of the commn council, Tokayev said.", "en")
    ['commn -> common']
    """
    return [issue.message.split("«")[1].split("»")[0] + " -> "
            + issue.message.rsplit("«", 1)[1].rstrip("»?")
            for _, issue, _ in _misspellings(text, lang, words or user_words(None))]


def find_doubled(text: str, lang: str) -> list[str]:
    """The doubled words or phrases of ``text``.

    >>> find_doubled("Chair of the of the Council, that that was it.", "en")
    ['of the of the']
    >>> find_doubled("常常看看，实实在在，为了了解上合组织上合组织的的会议", "zh")
    ['上合组织上合组织', '的的']
    """
    return [span for _, _, span in _doubled(text, lang)]


def _misspellings(
    text: str, lang: str, words: UserWords, budget: list[int] | None = None
) -> Iterator[tuple[int, Issue, str]]:
    """Misspelt words of ``text``; ``budget`` counts down the unknown words still to be
    corrected (a passage in another language or pasted junk is not proofread word by
    word: each correction tries a few hundred edits)."""
    check = speller(lang)
    in_name = False  # the words since a name, up to a known word or a mark
    previous_end = -1
    for match in _WORD_RE.finditer(text):
        word = match.group()
        start, end = match.span()
        joined = previous_end >= 0 and not text[previous_end:start].strip(" -‑")
        previous_end = end
        in_name = in_name and joined
        if _joined_to_digits(text, start, end) or _hyphen_prefix(text, start, end):
            continue
        if word[1:] != word[1:].lower():  # SCO, iPhone, McDonald: not a common word
            continue
        capital = word[0].isupper()
        if capital and not _SENTENCE_START_RE.search(text[max(0, start - 12):start]):
            in_name = True  # a name; unknown words right after it belong to it
            continue
        if len(word) < _MIN_LENGTH:
            in_name = in_name and not check.known(word)  # «Рохнамо ба суи», not «in»
            continue
        if check.known(word) or words.knows(word) or _known_elsewhere(word, lang):
            in_name = False
            continue
        if in_name or len(word) > _MAX_LENGTH:  # part of a name; not a word one mistypes
            continue
        if budget is not None:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        correction = _correction(word, lang)
        if correction:
            yield start, Issue(
                check="source-spelling",
                message=f"«{word}» is not in the {lang} dictionary; did you mean «{correction}»?",
            ), word


def _hyphen_prefix(text: str, start: int, end: int) -> bool:
    """A part of a hyphenated word joined to a name or a prefix: neo-Nazism, аль-Каида."""
    after = text[end:end + 2]
    before = text[max(0, start - 2):start]
    return (len(after) == 2 and after[0] in "-‑" and (after[1].isupper() or end - start <= 4)) or (
        len(before) == 2 and before[1] in "-‑" and before[0].isupper())


def _joined_to_digits(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start]
    if before.isdigit() or (before in "-‑" and text[start - 2:start - 1].isdigit()):
        return True
    return text[end:end + 1].isdigit()


def _known_elsewhere(word: str, lang: str) -> bool:
    """Known to pymorphy3 (Russian), or known with -ize for -ise (civilisational)."""
    lower = word.lower()
    if lang == "ru" and is_known_word(lower):
        return True
    check = speller(lang)
    return lang == "en" and "is" in lower and any(
        check.known(lower[:at] + "iz" + lower[at + 2:])
        for at in range(len(lower) - 1) if lower.startswith("is", at)
    )


_ALPHABETS = {"en": "abcdefghijklmnopqrstuvwxyz",
              "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"}


@functools.lru_cache(maxsize=50_000)
def _correction(word: str, lang: str) -> str:
    """The known word one edit away from ``word`` (a letter dropped, doubled, swapped with
    the next or replaced), or "" when there is none. Hunspell's own suggestions take a
    fifth of a second a word; trying every edit against its dictionary takes a few
    milliseconds and answers exactly this question. By typing mistakes' frequency: two
    letters swapped (teh), a letter dropped (commn), a letter doubled (гооды), a letter
    replaced (budjet), a letter added."""
    check = speller(lang)
    lower = word.lower()
    letters = _ALPHABETS[lang]
    splits = [(lower[:at], lower[at:]) for at in range(len(lower) + 1)]
    swapped = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]]
    dropped = [a + c + b for a, b in splits for c in letters]
    doubled = [a + b[1:] for a, b in splits if len(b) > 1 and b[0] == b[1]]
    replaced = [a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]]
    added = [a + b[1:] for a, b in splits if b]
    for candidates in (swapped, dropped, doubled, replaced, added):
        for candidate in candidates:
            if len(candidate) >= _MIN_LENGTH and check.known(candidate):
                return candidate[0].upper() + candidate[1:] if word[0].isupper() else candidate
    return ""


def _doubled(text: str, lang: str) -> Iterator[tuple[int, Issue, str]]:
    if lang == "zh" or (lang not in ("en", "ru") and _CJK_RUN_RE.search(text)):
        for run in _CJK_RUN_RE.finditer(text):
            yield from _doubled_chinese(run.group(), run.start())
        if lang == "zh":
            return
    tokens = [(m.start(), m.end(), m.group().casefold(), m.group())
              for m in _WORD_RE.finditer(text)]
    allowed = _DOUBLES_ALLOWED.get(lang, frozenset())
    index = 0
    folded = [token[2] for token in tokens]
    while index < len(tokens):
        for size in (1, 2, 3, 4):  # the shortest repeat: «a a», not «a a a a»
            if index + size >= len(folded) or folded[index] != folded[index + size]:
                continue  # the quick test: the phrase's first word again after it
            first, second = tokens[index:index + size], tokens[index + size:index + 2 * size]
            if len(second) < size or folded[index:index + size] != folded[
                    index + size:index + 2 * size]:
                continue
            span = tokens[index:index + 2 * size]
            if any(text[a[1]:b[0]].strip(" ") for a, b in zip(span, span[1:], strict=False)):
                continue  # punctuation or a line break between: «Yes. Yes», lists
            if text[span[-1][1]:span[-1][1] + 1] in "-‑" and span[-1][1] < len(text) or (
                    text[span[0][0] - 1:span[0][0]] in ("-", "‑") and span[0][0] > 0):
                continue  # part of a hyphenated word: «so so-called»
            if size == 1 and (first[0][2] in allowed or (
                    first[0][3][0].isupper() and second[0][3][0].isupper()
                    and not _SENTENCE_START_RE.search(text[max(0, first[0][0] - 12):first[0][0]]))):
                continue  # «that that», a doubled name (Bora Bora)
            phrase = text[span[0][0]:span[-1][1]]
            kind = "a word" if size == 1 else "a phrase"
            yield span[0][0], Issue(check="source-doubled-word",
                                    message=f"«{phrase}»: {kind} written twice"), phrase
            index += 2 * size - 1
            break
        index += 1


def _doubled_chinese(run: str, offset: int) -> Iterator[tuple[int, Issue, str]]:
    if not _ZH_REPEAT_RE.search(run):
        return  # no character twice in a row, no run of three repeated: jieba not needed
    spans = segment(run)
    words = [run[start:end] for start, end in spans]
    starts = [start for start, _ in spans]
    index = 0
    while index < len(words):
        for size in (1, 2, 3, 4):  # the shortest repeat: «a a», not «a a a a»
            first, second = words[index:index + size], words[index + size:index + 2 * size]
            if len(second) < size or first != second:
                continue
            unit = "".join(first)
            if len(unit) < 3 and not (size == 1 and unit in _ZH_FUNCTION_WORDS):
                continue  # 研究研究, 雪白雪白: reduplication
            phrase = unit * 2
            yield offset + starts[index], Issue(
                check="source-doubled-word",
                message=f"«{phrase}»: {'a word' if size == 1 else 'a phrase'} written twice",
            ), phrase
            index += 2 * size - 1
            break
        index += 1


def _line_of(lines: list[str], span: str, guess: int) -> int:
    """The line that holds ``span``: the block's own line when it is there, else the
    first line from there on that has it (HTML sources rewrite their text)."""
    if 0 < guess <= len(lines) and span in lines[guess - 1]:
        return guess
    for number in range(max(guess, 1), len(lines) + 1):
        if span in lines[number - 1]:
            return number
    first_word = span.split()[0] if span.split() else span
    for number in range(max(guess, 1), len(lines) + 1):
        if first_word in lines[number - 1]:
            return number
    return guess
