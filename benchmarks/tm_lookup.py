"""Fuzzy translation-memory lookup: latency and accuracy of the index against brute force.

Run from the repository root: ``python benchmarks/tm_lookup.py`` (optionally
``--segments 200000 --queries 300``; set ``I18N_KIT_BENCH_PG_URL=postgresql://…`` to
measure the PostgreSQL backend too). It generates a deterministic corpus of SCO-style
sentences, a fifth of them near-duplicates of others (a date, a number or a name
changed), stores it as English -> Russian units, and runs queries that are edited copies
of stored sentences (one to four edits) or new sentences. For each backend it prints the
median and 95th-percentile fuzzy lookup latency and the share of queries whose best match
has the score of the brute-force best match (``rapidfuzz.process.extractOne`` with
``fuzz.ratio`` over every stored segment), the baseline whose latency heads the table.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from i18n_kit.translation.memory import (  # noqa: E402
    DEFAULT_THRESHOLD,
    MemoryUnit,
    TranslationMemory,
    normalize_text,
    open_memory,
)
from i18n_kit.translation.tmx import write_tmx  # noqa: E402

SEED = 20261126
BENCH_ORIGIN = "tm/bench.tmx"
SUBJECTS = [
    "The SCO Secretary-General", "The Deputy Secretary-General", "The Chairman of the SCO RATS "
    "Executive Committee", "The Minister of Foreign Affairs of Kazakhstan", "The Ambassador of "
    "China to Russia", "The Permanent Representative of India to the SCO", "A delegation of the "
    "SCO Secretariat", "The Council of National Coordinators", "The President of Uzbekistan",
    "The Prime Minister of Pakistan", "The Special Representative of Kyrgyzstan",
    "The Head of the SCO Business Council", "The Director of the SCO Energy Club",
    "The Chair of the SCO Interbank Consortium", "The Minister of Transport of Tajikistan",
    "The Foreign Minister of Iran",
]
VERBS = [
    "held a meeting with", "met with", "received", "had talks with", "paid a working visit to",
    "took part in a conference with", "signed a memorandum with", "exchanged views with",
    "addressed a round table with", "held consultations with",
]
OBJECTS = [
    "the Ambassador of Belarus", "representatives of the Russian business community",
    "the Mayor of Tashkent", "students of Moscow State University", "the Governor of Xinjiang",
    "experts of the SCO Forum", "the Deputy Foreign Minister of Mongolia", "the Chairman of the "
    "Eurasian Economic Commission", "journalists from member states", "a delegation of Azerbaijan",
    "the leadership of the UN Office on Drugs and Crime", "the Secretary General of ASEAN",
    "members of the Chinese Academy of Social Sciences", "the Rector of Tsinghua University",
]
PLACES = [
    "in Beijing", "in Moscow", "in Astana", "in Bishkek", "in Dushanbe", "in Tashkent",
    "in New Delhi", "in Islamabad", "in Tehran", "in Minsk", "via videoconference",
    "at the SCO Secretariat", "on the sidelines of the summit", "in Qingdao", "in Samarkand",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TOPICS = [
    "trade and investment", "transport connectivity", "energy security", "the fight against "
    "terrorism", "digital economy", "public health", "education and youth exchanges",
    "tourism", "food security", "climate change", "cultural cooperation", "regional security",
    "the preparations for the upcoming summit", "the SCO Development Strategy until 2035",
]
PATTERNS = [
    "{subject} {verb} {obj} {place} on {day} {month} {year}.",
    "On {day} {month} {year}, {subject_l} {verb} {obj} {place}.",
    "The parties discussed {topic} and {topic2}.",
    "Special attention was paid to {topic} within the SCO framework.",
    "{subject} noted the growing role of the Organisation in {topic}.",
    "Trade between the member states reached {amount} billion US dollars in {year}.",
    "More than {count} delegates from {small} countries attended the forum {place}.",
    "The meeting of the Council of Heads of State will be held {place} in {month} {year}.",
    "{subject} expressed gratitude to {obj} for the warm welcome {place}.",
    "The sides agreed to hold the {ordinal} meeting of the working group on {topic} {place}.",
]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "11th", "12th", "15th", "20th"]


def make_sentence(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS)
    return rng.choice(PATTERNS).format(
        subject=subject, subject_l=subject[0].lower() + subject[1:], verb=rng.choice(VERBS),
        obj=rng.choice(OBJECTS), place=rng.choice(PLACES), day=rng.randint(1, 28),
        month=rng.choice(MONTHS), year=rng.randint(2001, 2026), topic=rng.choice(TOPICS),
        topic2=rng.choice(TOPICS), amount=f"{rng.randint(10, 900)}.{rng.randint(0, 9)}",
        count=rng.randint(20, 3000), small=rng.randint(3, 40), ordinal=rng.choice(ORDINALS),
    )


def edit_sentence(rng: random.Random, text: str, edits: int) -> str:
    """``text`` with ``edits`` word-level changes (replace, drop, insert, change a number)."""
    words = text.split(" ")
    for _ in range(edits):
        position = rng.randrange(len(words))
        kind = rng.random()
        if any(char.isdigit() for char in words[position]) and kind < 0.5:
            words[position] = str(rng.randint(1, 2030)) + words[position].lstrip("0123456789.")
        elif kind < 0.7:
            words[position] = rng.choice(["new", "SCO", "key", "joint", "regional", "the"])
        elif kind < 0.85 and len(words) > 4:
            del words[position]
        else:
            words.insert(position, rng.choice(["also", "today", "officially", "again"]))
    return " ".join(words)


def make_corpus(size: int) -> list[str]:
    """``size`` distinct sentences; a fifth are near-duplicates of earlier ones."""
    rng = random.Random(SEED)
    seen: set[str] = set()
    corpus: list[str] = []
    while len(corpus) < size:
        if corpus and rng.random() < 0.2:
            text = edit_sentence(rng, rng.choice(corpus), rng.randint(1, 2))
        else:
            text = make_sentence(rng)
        if text not in seen:
            seen.add(text)
            corpus.append(text)
    return corpus


def make_queries(corpus: Sequence[str], count: int) -> list[str]:
    """Edited copies of stored sentences (most), and new sentences (a fifth)."""
    rng = random.Random(SEED + 1)
    return [
        make_sentence(rng) if rng.random() < 0.2
        else edit_sentence(rng, rng.choice(corpus), rng.randint(1, 4))
        for _ in range(count)
    ]


def time_queries(lookup: Callable[[str], float | None], queries: Sequence[str]
                 ) -> tuple[list[float], list[float | None]]:
    times: list[float] = []
    scores: list[float | None] = []
    for query in queries:
        start = time.perf_counter()
        scores.append(lookup(query))
        times.append((time.perf_counter() - start) * 1000)
    return times, scores


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def fill_memory(memory: TranslationMemory, corpus: Sequence[str], folder: Path) -> float:
    """Store the corpus the way a legacy memory arrives: one TMX import."""
    tmx = folder / "bench.tmx"
    tmx.write_text(write_tmx((MemoryUnit(source_lang="en", target_lang="ru", source_text=text,
                                         target_text="ru: " + text, origin=BENCH_ORIGIN)
                              for text in corpus), source_lang="en"), encoding="utf-8")
    start = time.perf_counter()
    memory.import_tmx(tmx, origin=BENCH_ORIGIN)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    threshold = DEFAULT_THRESHOLD

    corpus = make_corpus(args.segments)
    queries = [normalize_text(query) for query in make_queries(corpus, args.queries)]
    print(f"{len(corpus):,} stored segments, {len(queries)} queries, threshold {threshold:g}")

    def brute(query: str) -> float | None:
        found = process.extractOne(query, corpus, scorer=fuzz.ratio, score_cutoff=threshold)
        return None if found is None else float(found[1])

    base_times, truth = time_queries(brute, queries)
    base_median = statistics.median(base_times)
    rows = [("brute force (rapidfuzz)", base_median, percentile(base_times, 0.95), "", "")]

    backends: list[tuple[str, str | None]] = [("SQLite (n-gram index)", None)]
    pg_url = os.environ.get("I18N_KIT_BENCH_PG_URL")
    if pg_url:
        backends.append(("PostgreSQL (pg_trgm)", pg_url))
    for name, url in backends:
        with tempfile.TemporaryDirectory() as state:
            memory = open_memory(url=url, state_dir=Path(state))
            fill_seconds = fill_memory(memory, corpus, Path(state))

            def indexed(query: str, memory: TranslationMemory = memory) -> float | None:
                found = memory.lookup_fuzzy(query, source_lang="en", target_lang="ru",
                                            threshold=threshold, limit=1)
                return found[0].score if found else None

            start = time.perf_counter()
            indexed(queries[0])  # the first lookup builds (or loads) the index
            build = time.perf_counter() - start
            times, scores = time_queries(indexed, queries)
            memory.close()
        with_match = [i for i, score in enumerate(truth) if score is not None]
        same = sum(1 for i in with_match if scores[i] == truth[i])
        agree_none = sum(1 for i, score in enumerate(truth) if score is None and scores[i] is None)
        median = statistics.median(times)
        rows.append((
            name, median, percentile(times, 0.95),
            f"{same}/{len(with_match)} = {100 * same / max(len(with_match), 1):.1f} %"
            f" (no match agreed {agree_none}/{len(truth) - len(with_match)})",
            f"{base_median / median:.1f}x faster; fill {fill_seconds:.1f} s, "
            f"first lookup {build:.2f} s",
        ))
        if url is not None:
            _drop_bench_rows(url)

    print(f"{'lookup':28} {'median ms':>10} {'p95 ms':>8}  best match found       notes")
    for name, median, p95, found, notes in rows:
        print(f"{name:28} {median:10.2f} {p95:8.2f}  {found:22} {notes}")


def _drop_bench_rows(url: str) -> None:
    memory = open_memory(url=url, state_dir=Path(tempfile.gettempdir()))
    memory.forget(BENCH_ORIGIN)
    memory.close()


if __name__ == "__main__":
    main()
