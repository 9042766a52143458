"""Glossary matching speed by glossary size, and Russian lemmatisation speed.

Run from the repository root: ``python benchmarks/glossary_match.py``. Builds about 2 MB
(UTF-8) each of running Russian and English news-like text, then for glossaries of 100,
1,000, 10,000 and 50,000 terms per language (the reference glossary plus synthetic
multi-word names made of words the text uses, so partial matches are frequent) prints the
index build time, the hits and the throughput of `TermIndex.match_terms` fed one
paragraph at a time, and the ratio of the 100-term to the 50,000-term throughput (the
issue requires it within 2x). Then distinct words/s of lemmatisation with and without
the cache.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pymorphy3  # noqa: E402

from i18n_kit.glossary import morphology  # noqa: E402
from i18n_kit.glossary.match import TermIndex  # noqa: E402
from i18n_kit.glossary.model import Category, Entry, Glossary, Term  # noqa: E402
from tests.glossary.sco_reference import read_reference_glossary  # noqa: E402

CORPUS_BYTES = 2_000_000
SIZES = (100, 1_000, 10_000, 50_000)
SEED = ROOT.parent / "shared" / "seed" / "000_5ebd3e9147405e68.txt"  # the workspace's shared/
INFLECTED = ROOT / "tests" / "data" / "glossary" / "inflected_ru.txt"
_MARKS_RE = re.compile(r"\{\{(.*?)\|[^}]*\}\}")

EN_SENTENCES = [
    "The SCO Secretary-General held a meeting with the Ambassador of Kazakhstan to China.",
    "The parties discussed preparations for the meeting of the Council of Heads of State.",
    "Special attention was paid to cooperation in trade, transport and energy.",
    "The Ambassador noted the growing role of the Organisation in regional security.",
    "Kassym-Jomart Tokayev and Shavkat Mirziyoyev spoke by videoconference on Tuesday.",
    "Experts of the Regional Anti-Terrorist Structure met in Tashkent last week.",
    "The United Nations Security Council welcomed the Moscow Declaration.",
    "Xi Jinping and Vladimir Putin discussed the Belt and Road Initiative.",
    "Delegations from India, Pakistan, Iran and Belarus attended the SCO Forum.",
    "Ministers agreed to expand the use of national currencies in mutual settlements.",
]


def _paragraphs_en(rng: random.Random) -> list[str]:
    seed_lines = [
        line.strip()
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if len(line) > 60 and not re.search("[А-Яа-я]", line)
    ]
    pool = seed_lines + EN_SENTENCES
    words = sorted({w for line in pool for w in re.findall(r"[A-Za-z]+", line)})
    return _paragraphs(rng, pool, words)


def _paragraphs_ru(rng: random.Random) -> list[str]:
    pool = [
        line.strip()
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if len(line) > 60 and re.search("[А-Яа-я]{4}", line)
    ]
    for line in INFLECTED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pool.append(_MARKS_RE.sub(r"\1", line).replace("<<", "").replace(">>", ""))
    # Running news text has tens of thousands of distinct word forms; add dictionary words
    # so the lemma cache is not flattered by a small vocabulary.
    analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    words: list[str] = []
    for prefix in ("пре", "про", "сов", "гос", "раз", "кон", "мин", "общ", "стр", "вое"):
        parses = itertools.islice(analyzer.iter_known_word_parses(prefix), 6_000)
        words.extend(parse.word for parse in parses if parse.word.isalpha())
    return _paragraphs(rng, pool, sorted(set(words)))


def _paragraphs(rng: random.Random, pool: list[str], words: list[str]) -> list[str]:
    paragraphs: list[str] = []
    size = 0
    while size < CORPUS_BYTES:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.6:
                sentences.append(rng.choice(pool))
            else:
                # Zipf-like: a few filler words are frequent, most are rare.
                picked = [words[int(len(words) * rng.random() ** 3)] for _ in range(12)]
                sentences.append(" ".join(picked).capitalize() + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return paragraphs


def _glossary(size: int, rng: random.Random, en_words: list[str], ru_words: list[str]) -> Glossary:
    """``size`` terms per language: reference entries first, then synthetic names."""
    entries: list[Entry] = []
    counted = 0
    for entry in read_reference_glossary():
        terms = tuple(t for t in entry.terms if t.lang in ("en", "ru"))
        if counted + len(terms) // 2 > size:
            break
        entries.append(entry)
        counted += max(1, sum(t.lang == "en" for t in entry.terms))
    number = 0
    while counted < size:
        number += 1
        length = rng.randint(2, 4)
        en = " ".join(rng.choice(en_words).capitalize() for _ in range(length))
        ru = " ".join(rng.choice(ru_words) for _ in range(length)).capitalize()
        entries.append(
            Entry(
                id=f"synth-{number}",
                category=Category.BODY,
                terms=(Term(text=en, lang="en"), Term(text=ru, lang="ru")),
            )
        )
        counted += 1
    return Glossary(entries=tuple(entries), origin=f"synthetic-{size}")


def _throughput(index: TermIndex, paragraphs: list[str], lang: str) -> tuple[float, int]:
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    for paragraph in paragraphs:  # fills the per-index surface cache
        index.match_terms(paragraph, lang)
    best = float("inf")
    hits = 0
    for _ in range(3):  # best of three: the machine is shared
        started = time.perf_counter()
        hits = sum(len(index.match_terms(paragraph, lang)) for paragraph in paragraphs)
        best = min(best, time.perf_counter() - started)
    return size / 1e6 / best, hits


def main() -> None:
    rng = random.Random(20201118)
    corpora = {"en": _paragraphs_en(rng), "ru": _paragraphs_ru(rng)}
    en_words = sorted({w for p in corpora["en"] for w in re.findall(r"[A-Za-z]{3,}", p)})
    ru_words = sorted({w.lower() for p in corpora["ru"] for w in re.findall(r"[а-яё]{4,}", p)})

    # Lemmatisation: distinct words cold, then running text through the cache.
    tokens = [w for p in corpora["ru"] for w in re.findall(r"[А-Яа-яЁё]+", p)]
    distinct = sorted(set(tokens))
    started = time.perf_counter()
    for word in distinct:
        morphology.lemmatise_uncached(word)
    uncached = len(distinct) / (time.perf_counter() - started)
    morphology.lemmatise_word.cache_clear()
    started = time.perf_counter()
    for word in tokens:
        morphology.lemmatise_word(word)
    cached = len(tokens) / (time.perf_counter() - started)

    print(
        f"corpus: en {sum(len(p.encode()) for p in corpora['en']) / 1e6:.2f} MB, "
        f"ru {sum(len(p.encode()) for p in corpora['ru']) / 1e6:.2f} MB UTF-8, "
        f"{len(distinct):,} distinct Russian word forms in {len(tokens):,} words"
    )
    print(
        f"lemmatisation: {uncached:,.0f} distinct words/s uncached, "
        f"{cached:,.0f} words/s of running text through the cache (cold start)"
    )
    print()
    print(
        f"{'terms/lang':>10} {'build s':>8} {'en MB/s':>8} {'en hits':>8} "
        f"{'ru MB/s':>8} {'ru hits':>8}"
    )
    speeds: dict[int, dict[str, float]] = {}
    for size in SIZES:
        glossary = _glossary(size, rng, en_words, ru_words)
        started = time.perf_counter()
        index = TermIndex(glossary)
        for lang in ("en", "ru", "zh"):  # each language is indexed on first use
            index.match_terms("", lang)
        build = time.perf_counter() - started
        speeds[size] = {}
        row = f"{size:>10,} {build:>8.2f}"
        for lang in ("en", "ru"):
            speed, hits = _throughput(index, corpora[lang], lang)
            speeds[size][lang] = speed
            row += f" {speed:>8.2f} {hits:>8,}"
        print(row)
    print()
    for lang in ("en", "ru"):
        ratio = speeds[SIZES[0]][lang] / speeds[SIZES[-1]][lang]
        verdict = "ok" if ratio <= 2 else "TOO SLOW"
        print(f"{lang}: throughput {SIZES[0]:,} / {SIZES[-1]:,} terms = {ratio:.2f}x ({verdict})")


if __name__ == "__main__":
    main()
