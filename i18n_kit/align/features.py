"""What a sentence says that its translation must say too: the anchors the aligner compares.

Each sentence becomes its length (characters without spaces) and a multiset of anchors,
strings that are equal in a sentence and its translation:

- ``n:…`` numbers, written as a number in any of en/ru/zh (``12,5`` = ``12.5``,
  ``1 000`` = ``1,000`` = ``1000``), and ``m:6`` for a month (June, июня, 6月);
- ``t:…`` glossary entries (a term and its counterpart are hits of the same entry);
- ``l:…`` Latin words and addresses that a Russian or Chinese text writes as they are
  (URLs, "SCO" in a Chinese sentence, codes);
- ``c:…`` English↔Russian cognates and names: a capitalised word, transliterated, by its
  first four letters (Mishustin = Мишустин, Aripov = Ариповым);
- ``p:…`` punctuation that a translation keeps: a question, a quotation, a bracket,
  a sentence ending in a colon.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from i18n_kit.align.lexicon import concepts
from i18n_kit.glossary.match import TermIndex
from i18n_kit.glossary.model import GLOSSARY_LANGUAGES

__all__ = [
    "SHARED_WEIGHT",
    "Sentence",
    "anchor_weight",
    "detect_language",
    "merge_sentences",
    "sentence_features",
    "stray_clauses",
]

_MONTHS_EN = (
    "january february march april may june july august september october november december"
).split()
_MONTHS_RU = (
    "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр"
).split()
_MONTH_EN = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS_EN) + r")\b")
# Russian month names in any case (января, мая, марте); май/мая/мае only after a digit.
_MONTH_RU = re.compile(
    r"(?<![А-Яа-яЁё])(январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-яё]{0,3}(?![А-Яа-яЁё])|(?<=\d[\s\u00a0])ма[йяе](?![А-Яа-яЁё])"
)
_MONTH_ZH = re.compile(r"(\d{1,2})月")
# 1,000,000 (en), 1 000 000 (ru, with any space), decimals with a point or a comma.
_NUMBER = re.compile(
    r"\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
)
# A scale word right after a number: "3.4 billion", "3,4 млрд", "34亿", "2500万".
_SCALE = re.compile(
    r"[ \u00a0]*(thousand|million|billion|trillion|тыс|млн|млрд|трлн|тысяч|миллион|миллиард"
    r"|триллион)(?![a-z])|(万亿|亿|万|千)",
    re.IGNORECASE,
)
_SCALES = (
    ("thousand", 10**3), ("million", 10**6), ("billion", 10**9), ("trillion", 10**12),
    ("тысяч", 10**3), ("миллион", 10**6), ("миллиард", 10**9), ("триллион", 10**12),
    ("тыс", 10**3), ("млн", 10**6), ("млрд", 10**9), ("трлн", 10**12),
    ("万亿", 10**12), ("亿", 10**8), ("万", 10**4), ("千", 10**3),
)
# Where a sentence made of two joins them: a semicolon, before a space or not.
_CLAUSE = re.compile(r"[;；]")
_LATIN_WORD = re.compile(r"https?://\S+|[A-Za-z][A-Za-z0-9]+")
# A name (capitalised, four letters or more) or a long word: cognates and names.
_COGNATE = re.compile(r"\b(?:[A-ZА-ЯЁ][a-zа-яё]{3,}|[a-zа-яё]{6,})")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)
_LATIN_FOLD = str.maketrans({"j": "dj", "x": "ks", "q": "k", "w": "v", "h": "kh"})

#: (reward when both sides have the anchor, cost when only one side has it), per kind.
_WEIGHTS: dict[str, tuple[float, float]] = {
    "n": (3.0, 2.5),
    "m": (2.0, 2.0),
    "t": (2.5, 0.8),
    "l": (2.5, 0.6),
    "c": (1.0, 0.0),
    "w": (1.0, 0.5),
    "p": (0.8, 0.3),
}


#: What an anchor found on both sides saves: its reward, and the penalty each side
#: would otherwise pay for it.
SHARED_WEIGHT = {kind: reward + 2 * penalty for kind, (reward, penalty) in _WEIGHTS.items()}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or several, merged) as the aligner sees it."""

    text: str
    length: int  # characters, spaces left out
    anchors: dict[str, int]
    penalty: float  # what its anchors cost when the other side has none of them
    #: The anchors of each clause when the sentence is two or more joined by a semicolon
    #: (how a translator merges sentences); empty for one clause.
    clauses: tuple[frozenset[str], ...] = ()


def merge_sentences(sentences: Sequence[Sentence]) -> Sentence:
    """Several sentences read as one: lengths, anchors and penalties added up."""
    if len(sentences) == 1:
        return sentences[0]
    anchors: Counter[str] = Counter()
    for sentence in sentences:
        anchors.update(sentence.anchors)
    return Sentence(
        text=" ".join(s.text for s in sentences),
        length=sum(s.length for s in sentences) or 1,
        anchors=dict(anchors),
        penalty=sum(s.penalty for s in sentences),
    )


def anchor_weight(anchor: str) -> tuple[float, float]:
    """(reward, penalty) of one anchor."""
    return _WEIGHTS[anchor[0]]


def detect_language(text: str) -> str | None:
    """The language a text is written in by its letters: Han -> zh, Cyrillic -> ru,
    Latin -> en (the one with most characters, Han counting double); None without
    letters.

    >>> detect_language("上海合作组织 SCO"), detect_language("ШОС SCO"), detect_language("12")
    ('zh', 'ru', None)
    """
    counts = {
        "zh": 2 * len(_HAN.findall(text)),
        "ru": len(_CYRILLIC.findall(text)),
        "en": len(_LATIN.findall(text)),
    }
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] else None


def sentence_features(text: str, lang: str, terms: TermIndex | None) -> Sentence:
    """The length and anchors of one sentence in ``lang`` (en, ru or zh).

    >>> s = sentence_features("On 15 June 2021, trade grew by 12.5%.", "en", None)
    >>> sorted(s.anchors)
    ['c:djun', 'm:6', 'n:12.5', 'n:15', 'n:2021', 'w:27']
    >>> sorted(sentence_features("2021年6月15日，贸易额增长了12.5%。", "zh", None).anchors)
    ['m:6', 'n:12.5', 'n:15', 'n:2021', 'w:27', 'w:77']
    """
    anchors: Counter[str] = Counter()
    body = text
    if lang == "zh":
        for match in _MONTH_ZH.finditer(text):
            anchors[f"m:{int(match.group(1))}"] += 1
        body = _MONTH_ZH.sub(" ", text)
    elif lang == "en":
        for match in _MONTH_EN.finditer(text):
            anchors[f"m:{_MONTHS_EN.index(match.group(1).lower()) + 1}"] += 1
    elif lang == "ru":
        for match in _MONTH_RU.finditer(text):
            stem = match.group(1)
            anchors[f"m:{_MONTHS_RU.index(stem) + 1 if stem else 5}"] += 1
    for match in _NUMBER.finditer(body):
        scale = _SCALE.match(body, match.end())
        word = (scale.group(1) or scale.group(2)) if scale else None
        anchors[f"n:{_number_key(match.group(), word)}"] += 1
    if lang != "en":
        for match in _LATIN_WORD.finditer(text):
            anchors[f"l:{match.group().casefold()}"] += 1
    else:
        for match in _LATIN_WORD.finditer(text):
            word = match.group()
            if word.startswith("http") or (word.isupper() and len(word) > 1):
                anchors[f"l:{word.casefold()}"] += 1
    if lang in ("en", "ru"):
        for key in {_cognate_key(match.group(), lang) for match in _COGNATE.finditer(text)}:
            anchors[f"c:{key}"] += 1
    for concept in concepts(text, lang):
        anchors[f"w:{concept}"] += 1
    if terms is not None and lang in GLOSSARY_LANGUAGES:
        for hit in terms.match_terms(text, lang):
            anchors[f"t:{hit.entry.id}"] += 1
    if "?" in text or "？" in text:
        anchors["p:?"] += 1
    if "!" in text or "！" in text:
        anchors["p:!"] += 1
    if any(mark in text for mark in "\"«“「"):
        anchors["p:quote"] += 1
    if "(" in text or "（" in text:
        anchors["p:bracket"] += 1
    if text.rstrip().endswith((":", "：")):
        anchors["p:colon"] += 1
    length = len(text) - sum(1 for char in text if char.isspace())
    penalty = sum(_WEIGHTS[key[0]][1] * count for key, count in anchors.items())
    parts = [part for part in _CLAUSE.split(text) if part.strip()]
    clauses = tuple(
        frozenset(k for k in sentence_features(part, lang, terms).anchors if k[0] != "p")
        for part in parts
    ) if len(parts) > 1 else ()
    return Sentence(
        text=text, length=max(length, 1), anchors=dict(anchors), penalty=penalty,
        clauses=clauses,
    )


def stray_clauses(sentence: Sentence, other: Sentence | None, *, unsure: bool = False) -> int:
    """How many clauses of a sentence joined by semicolons say something of which the
    other side says nothing: a clause that is a sentence the other text lacks, or links
    elsewhere (the sentence was merged and is linked with only one of its halves).
    ``unsure`` counts too a clause whose only evidence is its length or what another
    clause of the sentence says as well ("the meeting approved X; the session ended":
    "meeting" and "session" are one word of the lexicon, so only the first clause is
    vouched for)."""
    anchors = other.anchors.keys() if other is not None else frozenset()
    if not unsure:
        return sum(1 for clause in sentence.clauses if clause and anchors.isdisjoint(clause))
    count = 0
    for number, clause in enumerate(sentence.clauses):
        rest = frozenset().union(*(c for n, c in enumerate(sentence.clauses) if n != number))
        count += anchors.isdisjoint(clause - rest)
    return count


def _number_key(raw: str, scale: str | None = None) -> str:
    """A number as all three languages can write it: ``1 000`` = ``1,000``, ``12,5`` =
    ``12.5``, and with its scale word ``3.4 billion`` = ``3,4 млрд`` = ``34亿``.

    >>> _number_key("3,4", "млрд"), _number_key("34", "亿"), _number_key("1 000")
    ('3400000000', '3400000000', '1000')
    """
    if re.fullmatch(r"\d{1,3}(?:[, \u00a0\u202f]\d{3})+", raw):
        text = re.sub(r"\D", "", raw)
    else:
        text = raw.replace(",", ".")
    word = scale.casefold() if scale else ""
    factor = next((size for name, size in _SCALES if word and word == name), 0)
    if not factor:
        return text
    value = float(text) * factor
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _cognate_key(word: str, lang: str) -> str:
    """A capitalised word reduced so that a name and its transliteration agree."""
    lowered = word.lower()
    if lang == "ru":
        lowered = lowered.translate(_TRANSLIT)
    else:
        lowered = lowered.translate(_LATIN_FOLD)
    lowered = lowered.replace("chzh", "zh").replace("kh", "h").replace("y", "i")
    return lowered[:4]
